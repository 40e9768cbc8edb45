// twitter-text's counting (parseTweet) and extraction of hashtags, mentions,
// lists, cashtags and URLs, ported from its JavaScript regexes to scanners
// over UTF-16 code units. Each scanner walks the text the way the global
// regex does: matches never overlap, and a match's preceding character must
// lie at or after the end of the previous match.
#include "text/twitter_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <utility>

#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"
#include "text/unicode.hpp"

namespace chime::text {
namespace {

using tw::is;

int32_t size_of(std::u16string_view s) { return static_cast<int32_t>(s.size()); }

bool at_sign(char16_t c) { return c == u'@' || c == 0xFF20; }
bool hash_sign(char16_t c) { return c == u'#' || c == 0xFF03; }
bool name_char(char16_t c) { return tw::ascii_alnum(c) || c == u'_'; }
bool invalid_char(char16_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

// endMentionMatch: ^(?:[@＠]|[latinAccentChars]|:\/\/)
bool ends_mention_badly(std::u16string_view s, int32_t pos) {
  if (pos >= size_of(s)) return false;
  const char16_t c = s[pos];
  return at_sign(c) || is(c, tw::kLatinAccent) || s.substr(static_cast<size_t>(pos), 3) == u"://";
}

// Whether normalisation could change the text: some code point is not
// NFC-inert (tw::nfc_inert). non_ascii: where its non-ASCII units lie.
bool maybe_not_nfc(std::u16string_view text, std::span<const int32_t> non_ascii) {
  const int32_t n = size_of(text);
  for (size_t k = 0; k < non_ascii.size(); ++k) {
    const int32_t i = non_ascii[k];
    const char16_t c = text[i];
    if (!U16_IS_SURROGATE(c)) {
      if (!tw::is(c, tw::kNfcInert)) return true;
    } else if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(text[i + 1])) {
      if (!tw::nfc_inert(U16_GET_SUPPLEMENTARY(c, text[i + 1]))) return true;
      ++k;  // the trail unit, the next non-ASCII unit
    } else {
      return true;  // a lone surrogate: ICU decides
    }
  }
  return false;
}

// Where each kind of entity's sign lies (the scanners jump from one to the
// next), where the non-ASCII units lie (every emoji starts at or just
// before one; weighing counts the ASCII units between them at once) and
// whether normalisation could change the text. Found in one pass over the
// text, then sorted by kind.
enum SignKind : uint8_t { kDot, kAt, kHash, kDollar, kNonAscii, kKinds };
constexpr std::array<uint8_t, 128> kAsciiSigns = [] {
  std::array<uint8_t, 128> kinds{};
  kinds[u'.'] = kDot;
  kinds[u'@'] = kAt;
  kinds[u'#'] = kHash;
  kinds[u'$'] = kDollar;
  return kinds;
}();

class Signs {
 public:
  using Positions = std::span<const int32_t>;  // in text order
  explicit Signs(std::u16string_view text) {
    tw::Positions units;
    tw::find_sign_units(text, units);
    for (const int32_t i : units) {
      const char16_t c = text[i];
      if (c < 0x80) {
        lists_[kAsciiSigns[c]].push_back(i);
        continue;
      }
      lists_[kNonAscii].push_back(i);
      if (c == 0xFF20) lists_[kAt].push_back(i);
      else if (c == 0xFF03) lists_[kHash].push_back(i);
    }
    maybe_not_nfc = text::maybe_not_nfc(text, non_ascii());
  }
  Positions dots() const { return lists_[kDot].span(); }
  Positions ats() const { return lists_[kAt].span(); }          // '@' and U+FF20
  Positions hashes() const { return lists_[kHash].span(); }     // '#' and U+FF03
  Positions dollars() const { return lists_[kDollar].span(); }  // '$'
  Positions non_ascii() const { return lists_[kNonAscii].span(); }
  bool maybe_not_nfc = false;

 private:
  std::array<tw::Positions, kKinds> lists_;
};

// A found entity: [start, end) with its text at [text_start, text_end).
struct Span {
  int32_t start, end, text_start, text_end;
  int32_t slug_end;  // lists: the slug is [text_end, slug_end); else 0
  // (no default values: a SpanList's inline items need no setting up)
};
using SpanList = tw::ScratchList<Span, 16>;

// validHashtag (global), then endHashtagMatch on what follows.
void scan_hashtags(std::u16string_view text, Signs::Positions hashes, SpanList& out) {
  const int32_t n = size_of(text);
  int32_t last = 0;  // the regex's lastIndex
  for (const int32_t h : hashes) {
    if (h < last) continue;
    // hashtagBoundary: ^, \uFE0E, \uFE0F, or a code point that is neither
    // hashtagAlphaNumeric nor '&'; it must lie after the previous match.
    bool boundary = h == 0;
    if (!boundary) {
      const char16_t b = text[h - 1];
      if (b == 0xFE0E || b == 0xFE0F) {
        boundary = h - 1 >= last;
      } else if (U16_IS_TRAIL(b) && h >= 2 && U16_IS_LEAD(text[h - 2])) {
        boundary = h - 2 >= last && !tw::hashtag_alnum(U16_GET_SUPPLEMENTARY(text[h - 2], b));
      } else if (!U16_IS_SURROGATE(b)) {
        boundary = h - 1 >= last && b != u'&' && !is(b, tw::kHashtagAlnum);
      }
    }
    if (!boundary) continue;
    // (?!\uFE0F|\u20E3), then hashtagAlphaNumeric* hashtagAlpha hashtagAlphaNumeric*
    if (h + 1 < n && (text[h + 1] == 0xFE0F || text[h + 1] == 0x20E3)) continue;
    int32_t p = h + 1;
    uint16_t seen = 0;  // kHashtagAlpha once some character is hashtagAlpha
    while (p < n) {
      if (text[p] < 0x80) {  // ASCII, most tags: both classes from one table lookup
        const uint16_t cls = tw::kAsciiClasses[text[p]];
        if (!(cls & tw::kHashtagAlnum)) break;
        seen |= cls;
        ++p;
        continue;
      }
      char32_t c = text[p];
      int32_t len = 1;
      if (U16_IS_LEAD(text[p]) && p + 1 < n && U16_IS_TRAIL(text[p + 1])) {
        c = U16_GET_SUPPLEMENTARY(text[p], text[p + 1]);
        len = 2;
      }
      if (len == 1 ? !is(text[p], tw::kHashtagAlnum) : !tw::hashtag_alnum(c)) break;
      if (!(seen & tw::kHashtagAlpha) && (len == 1 ? is(text[p], tw::kHashtagAlpha) : tw::hashtag_alpha(c)))
        seen |= tw::kHashtagAlpha;
      p += len;
    }
    if (!(seen & tw::kHashtagAlpha)) continue;
    last = p;
    if (p < n && (hash_sign(text[p]) || text.substr(static_cast<size_t>(p), 3) == u"://")) continue;
    out.push_back({h, p, h + 1, p, 0});
  }
}

// validMentionOrList (global), then endMentionMatch on what follows.
void scan_mentions(std::u16string_view text, Signs::Positions ats, SpanList& out) {
  const int32_t n = size_of(text);
  int32_t p = 0;
  // validMentionPrecedingChars: the at sign's position for the match
  // starting at p, trying the alternatives in the regex's order.
  auto rt_at = [&](int32_t r) -> int32_t {  // (?:rt|RT|rT|Rt):? at r
    if (r + 1 >= n || (text[r] != u'r' && text[r] != u'R') || (text[r + 1] != u't' && text[r + 1] != u'T')) return -1;
    return r + 2 < n && text[r + 2] == u':' && r + 3 < n && at_sign(text[r + 3]) ? r + 3 : r + 2;
  };
  auto starts_name = [&](int32_t a) { return a >= 0 && a + 1 < n && at_sign(text[a]) && name_char(text[a + 1]); };
  auto excluded = [](char16_t c, std::u16string_view extra) {
    return name_char(c) || extra.find(c) != std::u16string_view::npos;
  };
  size_t next_at = 0;  // the first at sign at or after p
  while (p < n) {
    // A match starting at p has its at sign within p..p+4.
    while (next_at < ats.size() && ats[next_at] < p) ++next_at;
    if (next_at == ats.size()) break;
    p = std::max(p, ats[next_at] - 4);

    // Past the start, every alternative needs an at sign or 'r' after p.
    if (p > 0 && p + 1 < n && !at_sign(text[p + 1]) && text[p + 1] != u'r' && text[p + 1] != u'R') {
      ++p;
      continue;
    }
    int32_t a = -1;
    if (p == 0 && starts_name(0)) a = 0;
    if (a < 0 && !excluded(text[p], u"!#$%&*@\uFF20") && starts_name(p + 1)) a = p + 1;
    if (a < 0 && p == 0 && starts_name(rt_at(0))) a = rt_at(0);
    if (a < 0 && !excluded(text[p], u"+~.-") && starts_name(rt_at(p + 1))) a = rt_at(p + 1);
    if (a < 0) {
      ++p;
      continue;
    }
    int32_t name_end = a + 1;
    while (name_end < n && name_end < a + 21 && name_char(text[name_end])) ++name_end;
    int32_t end = name_end;
    // (\/[a-zA-Z][a-zA-Z0-9_-]{0,24})?
    if (end + 1 < n && text[end] == u'/' && tw::ascii_letter(text[end + 1])) {
      int32_t q = end + 2;
      while (q < n && q < end + 26 && (name_char(text[q]) || text[q] == u'-')) ++q;
      end = q;
    }
    p = end;
    if (ends_mention_badly(text, end)) continue;
    out.push_back({a, end, a + 1, name_end, end});
  }
}

// validCashtag (global): (^|spaces)(\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\s|[punct]), /i
void scan_cashtags(std::u16string_view text, Signs::Positions dollars, SpanList& out) {
  const int32_t n = size_of(text);
  auto letters = [&](int32_t p) {
    int32_t e = p;
    while (e < n && tw::ascii_letter(text[e])) ++e;
    return e - p;
  };
  auto lookahead = [&](int32_t e) { return e == n || is(text[e], tw::kJsSpace | tw::kPunct); };
  int32_t last = 0;
  for (const int32_t d : dollars) {
    if (d < last) continue;
    if (!(d == 0 || (d - 1 >= last && is(text[d - 1], tw::kSpace)))) continue;
    int32_t end = -1;
    for (int32_t k = std::min(letters(d + 1), 6); k >= 1 && end < 0; --k) {
      const int32_t after = d + 1 + k;
      if (after < n && (text[after] == u'.' || text[after] == u'_')) {
        for (int32_t m = std::min(letters(after + 1), 2); m >= 1 && end < 0; --m)
          if (lookahead(after + 1 + m)) end = after + 1 + m;
      }
      if (end < 0 && lookahead(after)) end = after;
    }
    if (end < 0) continue;
    out.push_back({d, end, d + 1, end, 0});
    last = end;
  }
}

// Appends text[start, end) in UTF-8 to out; entities are most often ASCII,
// copied as is.
void append_utf8(std::string& out, std::u16string_view text, int32_t start, int32_t end) {
  const std::u16string_view part = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  const size_t old_size = out.size();
  out.resize(old_size + part.size());
  char* to = out.data() + old_size;
  char16_t all_bits = 0;  // copy as if ASCII, then check that it was
  for (size_t i = 0; i < part.size(); ++i) {
    all_bits |= part[i];
    to[i] = static_cast<char>(part[i]);
  }
  if (all_bits < 0x80) return;
  out.resize(old_size);
  out += to_utf8(part);
}

// Each fills an Entity made in place in its list.
void fill_entity(Entity& e, std::u16string_view text, const Span& s) {
  append_utf8(e.text, text, s.text_start, s.text_end);
  e.start = s.start;
  e.end = s.end;
  if (s.slug_end > s.text_end) append_utf8(e.list_slug, text, s.text_end, s.slug_end);
}

void fill_entity(Entity& e, std::u16string_view text, const tw::RawUrl& u) {
  append_utf8(e.text, text, u.start, u.seg_end);
  if (u.end > u.tail_start) append_utf8(e.text, text, u.tail_start, u.end);
  e.start = u.start;
  e.end = u.end;
}

// removeOverlappingEntities over lists that are each in text order: the
// order of a stable sort by start of their concatenation (ties: the earlier
// list first) is a merge; every entity that starts before the previous kept
// one ends is dropped. keep(list, index) is called for each kept entity.
template <size_t N, typename StartEnd, typename Keep>
void merge_without_overlaps(const std::array<size_t, N>& sizes, StartEnd start_end, Keep keep) {
  std::array<size_t, N> next{};
  bool any_kept = false;
  int32_t kept_end = 0;
  while (true) {
    size_t best = N;
    int32_t best_start = 0, best_end = 0;
    for (size_t list = 0; list < N; ++list) {
      if (next[list] >= sizes[list]) continue;
      const auto [start, end] = start_end(list, next[list]);
      if (best == N || start < best_start) {
        best = list;
        best_start = start;
        best_end = end;
      }
    }
    if (best == N) return;
    const size_t index = next[best]++;
    if (any_kept && kept_end > best_start) continue;
    any_kept = true;
    kept_end = best_end;
    keep(best, index);
  }
}

int32_t char_weight(char16_t unit, const TwitterTextConfig& config) {
  for (const WeightRange& r : config.ranges)
    if (unit >= r.start && unit <= r.end) return r.weight;
  return config.default_weight;
}

// The weight every ASCII unit has under config when it is plain to see
// (the first range holds all of ASCII, or no range touches it), else -1.
int32_t ascii_weight(const TwitterTextConfig& config) {
  if (!config.ranges.empty() && config.ranges[0].start == 0 && config.ranges[0].end >= 0x7F)
    return config.ranges[0].weight;
  for (const WeightRange& r : config.ranges)
    if (r.start <= 0x7F) return -1;
  return config.default_weight;
}

// The weighing loop of parseTweet over (normalised) text.
struct Weighed {
  int64_t weight = 0;          // in scale units
  bool valid = true;           // no invalid character
  int32_t valid_index = 0;     // validDisplayIndex (inclusive)
  int32_t fit_end = 0;         // end of the part within the limit (weight only)
};

// The weighing loop's steps over `count` units from `first` that each weigh
// unit_weight and are valid, at once: the weight after j of them is
// w.weight + j * unit_weight, so the ones that fit are a leading part.
void add_run(Weighed& w, int32_t first, int32_t count, int64_t unit_weight, int64_t limit) {
  int64_t fitting = count;
  if (w.weight > limit) fitting = 0;
  else if (unit_weight > 0) fitting = std::min<int64_t>(count, (limit - w.weight) / unit_weight);
  if (fitting > 0) {
    w.fit_end = first + static_cast<int32_t>(fitting);
    if (w.valid) w.valid_index = w.fit_end - 1;
  }
  w.weight += count * unit_weight;
}

// twemoji-parser's global scan, advanced as weighing asks: the start of
// the first emoji at or after a position. Emoji start at a non-ASCII unit
// or at a keycap's ASCII unit before one.
class EmojiScan {
 public:
  EmojiScan(std::u16string_view text, Signs::Positions non_ascii, bool enabled)
      : text_(text), non_ascii_(non_ascii), n_(size_of(text)), enabled_(enabled) {}

  // The start of the first emoji at or after pos (the text's size when none).
  int32_t first_at_or_after(int32_t pos) {
    if (!enabled_) return n_;
    while (start_ < pos && next_ < non_ascii_.size()) {
      start_ = n_;
      for (; next_ < non_ascii_.size(); ++next_) {
        const int32_t q = non_ascii_[next_];
        if (q < scan_) continue;
        const char16_t c = text_[q];
        // ASCII starts only keycaps: [#*0-9]\uFE0F?\u20E3
        if (q - 1 >= scan_ && text_[q - 1] < 0x80 && (c == 0xFE0F || c == 0x20E3) && try_at(q - 1)) break;
        if (!tw::starts_no_emoji(c) && try_at(q)) break;
      }
      scan_ = start_ < n_ ? start_ + length_ : n_;
    }
    return start_ < pos ? n_ : start_;
  }
  // The length of the emoji first_at_or_after found.
  int32_t length() const { return length_; }

 private:
  bool try_at(int32_t q) {
    length_ = tw::match_emoji(text_, q);
    if (length_ > 0) start_ = q;
    return length_ > 0;
  }

  std::u16string_view text_;
  Signs::Positions non_ascii_;
  int32_t n_;
  bool enabled_;
  size_t next_ = 0;  // the next non-ASCII unit to try
  int32_t scan_ = 0, start_ = -1, length_ = 0;
};

// The weighing loop of parseTweet, step by step (ASCII runs at once when
// they all weigh the same); urls: extractUrlsWithIndices of the same text.
Weighed weigh(std::u16string_view text, const Signs& signs, std::span<const tw::RawUrl> urls,
              const TwitterTextConfig& config) {
  const int32_t plain_ascii_weight = ascii_weight(config);
  const int32_t n = size_of(text);
  const int64_t limit = static_cast<int64_t>(config.max_weighted_length) * config.scale;
  Weighed w;
  size_t next_url = 0;
  const Signs::Positions non_ascii = signs.non_ascii();
  EmojiScan emoji(text, non_ascii, config.emoji_parsing);
  size_t next_non_ascii = 0;  // the first non-ASCII unit at or after i
  for (int32_t i = 0; i < n; ++i) {
    while (next_url < urls.size() && urls[next_url].start < i) ++next_url;
    const int32_t url_start = next_url < urls.size() ? urls[next_url].start : n;
    const int32_t emoji_at = emoji.first_at_or_after(i);
    if (plain_ascii_weight >= 0) {
      // Up to the next URL or emoji, ASCII units weigh the same (and are valid).
      while (next_non_ascii < non_ascii.size() && non_ascii[next_non_ascii] < i) ++next_non_ascii;
      const int32_t stop = std::min(url_start, emoji_at);
      const int32_t run_end = next_non_ascii < non_ascii.size() ? std::min(stop, non_ascii[next_non_ascii]) : stop;
      add_run(w, i, run_end - i, plain_ascii_weight, limit);
      i = run_end;
      if (i == n) break;
    }
    if (url_start == i) {
      w.weight += static_cast<int64_t>(config.transformed_url_length) * config.scale;
      i += urls[next_url].text_length() - 1;
    } else if (emoji_at == i) {
      w.weight += config.default_weight;
      i += emoji.length() - 1;
    } else {
      if (U16_IS_LEAD(text[i]) && i + 1 < n && U16_IS_TRAIL(text[i + 1])) ++i;
      w.weight += char_weight(text[i], config);  // a pair weighs as its trail unit, as in twitter-text
    }
    if (w.valid) w.valid = !invalid_char(text[i]);
    if (w.weight <= limit) {
      if (w.valid) w.valid_index = i;
      w.fit_end = i + 1;
    }
  }
  return w;
}

bool needs_nfc(std::u16string_view text, const Signs& signs) {
  if (!signs.maybe_not_nfc) return false;  // NFC-inert code points only
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc_instance = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return false;
  return unorm2_quickCheck(nfc_instance, reinterpret_cast<const UChar*>(text.data()), size_of(text), &status) !=
         UNORM_YES;
}

// Maps an offset in nfc(text) back to `text`: normalisation works segment
// by segment (ICU's boundaries), so segment starts map exactly; an offset
// inside a segment maps to the segment's start.
int32_t map_from_nfc(std::u16string_view text, int32_t normalized_offset) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* norm = unorm2_getNFCInstance(&status);
  const int32_t n = size_of(text);
  int32_t seg_start = 0, norm_pos = 0;
  while (seg_start < n) {
    int32_t seg_end = seg_start;
    UChar32 c;
    U16_NEXT(text.data(), seg_end, n, c);
    while (seg_end < n) {
      int32_t q = seg_end;
      U16_NEXT(text.data(), q, n, c);
      if (unorm2_hasBoundaryBefore(norm, c)) break;
      seg_end = q;
    }
    status = U_ZERO_ERROR;
    const int32_t len = unorm2_normalize(norm, reinterpret_cast<const UChar*>(text.data() + seg_start),
                                         seg_end - seg_start, nullptr, 0, &status);
    if (normalized_offset < norm_pos + len) return seg_start;
    norm_pos += len;
    seg_start = seg_end;
  }
  return n;
}

}  // namespace

void tw::find_sign_units(std::u16string_view text, Positions& out) {
  const int32_t n = size_of(text);
  for (int32_t i = 0; i < n; ++i) {
    // Most of a text is blocks of four plain ASCII units: skip them whole.
    while (i + 4 <= n && plain_ascii_block(text.data() + i)) i += 4;
    if (i < n && sign_unit(text[i])) out.push_back(i);
  }
}

const TwitterTextConfig& TwitterTextConfig::v3() {
  static const TwitterTextConfig c{280, 100, 200, 23, true,
                                   {{0, 4351, 100}, {8192, 8205, 100}, {8208, 8223, 100}, {8242, 8247, 100}}};
  return c;
}

namespace {

// parseTweet's common part: NFC first (as twitter-text does), then weigh.
// urls: the text's URLs (they serve when the text is already NFC).
struct Parsed {
  std::u16string normalized;  // empty when the text was already NFC
  std::u16string_view view;   // what was weighed
  Weighed weighed;
  double weighted;            // weightedLength / scale: a float in JavaScript
  int32_t weighted_length;
  bool valid;
  int32_t permillage;
};

Parsed parse(std::u16string_view text, const Signs& signs, const tw::UrlList& urls, const TwitterTextConfig& config) {
  Parsed p;
  p.view = text;
  if (needs_nfc(text, signs)) {
    // Rare: the normal form's own signs and URLs (space set up only here).
    p.normalized = nfc(text);
    p.view = p.normalized;
    const Signs normalized_signs(p.view);
    tw::UrlList normalized_urls;
    tw::extract_urls(p.view, normalized_signs.dots(), normalized_urls);
    p.weighed = weigh(p.view, normalized_signs, normalized_urls.span(), config);
  } else {
    p.weighed = weigh(p.view, signs, urls.span(), config);
  }
  p.weighted = static_cast<double>(p.weighed.weight) / config.scale;
  p.weighted_length = static_cast<int32_t>(p.weighed.weight / config.scale);  // the configs keep it whole
  p.valid = p.weighed.valid && p.weighted > 0 && p.weighted <= config.max_weighted_length;
  p.permillage = static_cast<int32_t>(std::floor(p.weighted / config.max_weighted_length * 1000));
  return p;
}

LengthInfo length_info(std::u16string_view text, const Parsed& p, const TwitterTextConfig& config) {
  LengthInfo info;
  info.weighted = p.weighted_length;
  info.max = config.max_weighted_length;
  info.valid = p.valid;
  info.permillage = p.permillage;
  const int32_t fit_end = p.weighed.fit_end;
  if (fit_end >= size_of(p.view)) info.valid_end = size_of(text);
  else info.valid_end = p.normalized.empty() ? fit_end : map_from_nfc(text, fit_end);
  return info;
}

// extractEntitiesWithIndices, given the text's URLs.
Entities entities_of(std::u16string_view text, const Signs& signs, const tw::UrlList& urls) {
  SpanList mentions, hashtags, cashtags;
  scan_mentions(text, signs.ats(), mentions);
  scan_hashtags(text, signs.hashes(), hashtags);
  scan_cashtags(text, signs.dollars(), cashtags);

  // urls, mentions, hashtags, cashtags, in that order before the sort.
  Entities out;
  const SpanList* spans[] = {nullptr, &mentions, &hashtags, &cashtags};
  std::vector<Entity>* lists[] = {&out.urls, &out.mentions, &out.hashtags, &out.cashtags};
  // One allocation per kind found (and no call for a kind not found).
  auto reserve = [](std::vector<Entity>& list, size_t size) {
    if (size > 0) list.reserve(size);
  };
  reserve(out.urls, urls.size());
  reserve(out.mentions, mentions.size());
  reserve(out.hashtags, hashtags.size());
  reserve(out.cashtags, cashtags.size());
  merge_without_overlaps<4>(
      {urls.size(), mentions.size(), hashtags.size(), cashtags.size()},
      [&](size_t list, size_t i) {
        if (list == 0) return std::pair{urls[i].start, urls[i].end};
        const Span& s = (*spans[list])[i];
        return std::pair{s.start, s.end};
      },
      [&](size_t list, size_t i) {
        Entity& e = lists[list]->emplace_back();
        if (list == 0) fill_entity(e, text, urls[i]);
        else fill_entity(e, text, (*spans[list])[i]);
      });
  return out;
}

}  // namespace

TweetFacts parse_and_extract(std::u16string_view text, const TwitterTextConfig& config) {
  const Signs signs(text);
  tw::UrlList urls;
  tw::extract_urls(text, signs.dots(), urls);
  const Parsed parsed = parse(text, signs, urls, config);
  TweetFacts facts;
  facts.length = length_info(text, parsed, config);
  facts.valid_range_end = parsed.weighed.valid_index + (size_of(text) - size_of(parsed.view));
  facts.entities = entities_of(text, signs, urls);
  return facts;
}

}  // namespace chime::text
