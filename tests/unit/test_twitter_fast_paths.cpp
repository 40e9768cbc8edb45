// The twitter-text port's shortcuts must answer exactly as the plain way:
// character classes (ASCII from a compile-time table, other units from ICU
// when first seen) against a table of all 65,536 units built the way
// twitter-text's regexes define them; the URL scan that skips positions
// against the one that tries every position; the emoji matcher against a
// plain reference here that asks ICU about every sequence; over the example
// texts, the conformance suite's texts, the parity corpus and random strings.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "examples.hpp"
#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "twitter_validate.hpp"

namespace tw = chime::text::tw;

namespace {

// The reference: every unit's canonical form and classes, computed over the
// whole BMP from the regexes' character lists.
struct ReferenceTables {
  std::vector<char16_t> canon = std::vector<char16_t>(0x10000);
  std::vector<uint16_t> cls = std::vector<uint16_t>(0x10000);

  using Set = std::vector<bool>;
  static Set empty() { return Set(0x10000, false); }
  static void add(Set& set, std::u16string_view units) {
    for (char16_t c : units) set[c] = true;
  }
  static void add_range(Set& set, char16_t first, char16_t last) {
    for (uint32_t c = first; c <= last; ++c) set[c] = true;
  }
  static void add_latin_accents(Set& set) {
    add_range(set, 0xC0, 0xD6);
    add_range(set, 0xD8, 0xF6);
    add_range(set, 0xF8, 0xFF);
    add_range(set, 0x100, 0x24F);
    add(set, u"\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB");
    add_range(set, 0x300, 0x36F);
    add_range(set, 0x1E00, 0x1EFF);
  }

  ReferenceTables() {
    chime::icu_data::ensure_registered();
    for (uint32_t c = 0; c < 0x10000; ++c) {
      canon[c] = static_cast<char16_t>(c);
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      UChar src = static_cast<UChar>(c), dst[4];
      UErrorCode status = U_ZERO_ERROR;
      const int32_t n = u_strToUpper(dst, 4, &src, 1, "", &status);
      if (U_SUCCESS(status) && n == 1 && !(c >= 128 && dst[0] < 128)) canon[c] = dst[0];
    }
    Set punct = empty(), spaces = empty(), invalid = empty(), directional = empty();
    add(punct, u"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$");
    add_range(spaces, 0x09, 0x0D);
    add(spaces, u"\u0020\u0085\u00A0\u1680\u180E\u2028\u2029\u202F\u205F\u3000");
    add_range(spaces, 0x2000, 0x200A);
    add(invalid, u"\uFFFE\uFEFF\uFFFF");
    add_range(directional, 0x202A, 0x202E);
    add(directional, u"\u061C\u200E\u200F\u2066\u2067\u2068\u2069");
    Set path = empty(), path_end = empty(), query = empty(), query_end = empty(), label = empty(),
        not_preceding = empty(), js_space = empty(), latin = empty();
    add_range(path, u'a', u'z');
    add_range(path, u'0', u'9');
    add_range(path, 0x400, 0x4FF);
    add(path, u"!*';:=+,.$/%#[]-\u2013_~@|&");
    add_latin_accents(path);
    add_range(path_end, u'a', u'z');
    add_range(path_end, u'0', u'9');
    add_range(path_end, 0x400, 0x4FF);
    add(path_end, u"+-=_#/");
    add_latin_accents(path_end);
    add_range(query, u'a', u'z');
    add_range(query, u'0', u'9');
    add(query, u"!?*'@();:&=+$/%#[]-_.,~|");
    add_range(query_end, u'a', u'z');
    add_range(query_end, u'0', u'9');
    add(query_end, u"-_&=#/");
    add_range(label, u'a', u'z');
    add_range(label, u'0', u'9');
    add(label, u"-");
    add_latin_accents(label);
    add_range(not_preceding, u'A', u'Z');
    add_range(not_preceding, u'a', u'z');
    add_range(not_preceding, u'0', u'9');
    add(not_preceding, u"@\uFF20$#\uFF03\uFFFE\uFEFF\uFFFF");
    add_range(js_space, 0x09, 0x0D);
    add(js_space, u"\u0020\u00A0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF");
    add_range(js_space, 0x2000, 0x200A);
    add_latin_accents(latin);

    // A unit is in an /i class when its canonical form is a member's.
    auto folded = [this](const Set& set) {
      Set f = empty();
      for (uint32_t c = 0; c < 0x10000; ++c)
        if (set[c]) f[canon[c]] = true;
      return f;
    };
    const Set path_i = folded(path), path_end_i = folded(path_end), query_i = folded(query),
              query_end_i = folded(query_end), label_i = folded(label), not_preceding_i = folded(not_preceding);
    for (uint32_t c = 0; c < 0x10000; ++c) {
      const char16_t k = canon[c];
      uint16_t bits = 0;
      if (!punct[c] && !spaces[c] && !invalid[c] && !directional[c]) bits |= tw::kDomainChar;
      if ((bits & tw::kDomainChar) || c == u'-' || c == u'_') bits |= tw::kDomainRunChar;
      if (path_i[k]) bits |= tw::kPathChar;
      if (path_end_i[k]) bits |= tw::kPathEndChar;
      if (query_i[k]) bits |= tw::kQueryChar;
      if (query_end_i[k]) bits |= tw::kQueryEndChar;
      if (label_i[k]) bits |= tw::kAsciiLabelChar;
      if (!not_preceding_i[k]) bits |= tw::kUrlPrecedingOk;
      if (spaces[c]) bits |= tw::kSpace;
      if (js_space[c]) bits |= tw::kJsSpace;
      if (punct[c]) bits |= tw::kPunct;
      if (latin[c]) bits |= tw::kLatinAccent;
      if (c < 0xD800 || c > 0xDFFF) {
        if (tw::hashtag_alpha(c)) bits |= tw::kHashtagAlpha;
        if (tw::hashtag_alnum(c)) bits |= tw::kHashtagAlnum;
      }
      cls[c] = bits;
    }
  }
};

constexpr uint16_t kAllClasses = ((1 << 13) - 1) | tw::kDomainRunChar;

std::u16string u16(const std::string& s) {
  int32_t replaced = 0;
  return chime::text::decode_utf8(s, replaced);
}

void add_yaml_texts(const YAML::Node& node, std::vector<std::u16string>& out) {
  if (node.IsMap()) {
    if (node["text"] && node["text"].IsScalar()) out.push_back(u16(node["text"].as<std::string>()));
    for (const auto& entry : node) add_yaml_texts(entry.second, out);
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node) add_yaml_texts(item, out);
  }
}

// Random strings over pieces that make and break URLs, mentions, hashtags,
// cashtags and emoji (a fixed seed: the same strings every run).
std::vector<std::u16string> random_texts(int count, uint32_t max_pieces) {
  static const std::u16string kLoneLead(1, char16_t{0xD83D}), kLoneTrail(1, char16_t{0xDE00});
  static const std::u16string_view kPieces[] = {
      u"a", u"Z", u"7", u"x", u".", u".", u".com", u".co", u".uk", u".jp", u".xn--p1ai", u".онлайн", u"t.co/",
      u"http://", u"https://", u"HTTPS://", u"www.", u"example", u"/", u"/path", u"?", u"?q=1", u"=", u"&", u"#",
      u"#tag", u"\uFF03", u"@", u"@user", u"\uFF20", u"/list", u"$", u"$CASH", u"_", u"-", u"(", u")", u":",
      u":80", u" ", u" ", u"\u3000", u"\u00A0", u"\n", u"\u00E9", u"\u0301", u"\u0416", u"\u4E2D",
      u"\U0001F600", u"\u2764\uFE0F", u"\U0001F469\u200D\u2695\uFE0F", u"1\uFE0F\u20E3", u"\uFE0F",
      u"\u200F", u"\u202E", u"\uFFFF", kLoneLead, kLoneTrail, u"RT", u"rt:", u"'", u"!", u",", u"xn--",
      u"\u2013", u"\u0399", u"\u1E9E", u"\u00DF", u"-.", u"_."};
  std::vector<std::u16string> out;
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int i = 0; i < count; ++i) {
    std::u16string text;
    const uint32_t pieces = 1 + next() % max_pieces;
    for (uint32_t k = 0; k < pieces; ++k) text += kPieces[next() % std::size(kPieces)];
    out.push_back(std::move(text));
  }
  return out;
}

// Every text the fast paths are held to.
const std::vector<std::u16string>& test_texts() {
  static const std::vector<std::u16string> texts = [] {
    std::vector<std::u16string> out;
    for (const chime::testing::Example& e : chime::testing::load_examples()) out.push_back(u16(e.text));
    for (const char* file : {"extract.yml", "validate.yml", "tlds.yml"})
      add_yaml_texts(YAML::LoadFile(std::string(CHIME_TEST_DATA_DIR) + "/twitter-text/" + file), out);
    std::ifstream parity(std::string(CHIME_SOURCE_DIR) + "/tests/parity/corpus.txt");
    for (std::string line; std::getline(parity, line);) out.push_back(u16(line));
    for (std::u16string& t : random_texts(20000, 24)) out.push_back(std::move(t));
    // Long ones too: more URLs, entities and dots than the scratch lists hold inline.
    for (std::u16string& t : random_texts(300, 400)) out.push_back(std::move(t));
    return out;
  }();
  return texts;
}

// The reference for tw::match_emoji: the same UTS #51 sequence walk and
// twemoji rules, written plainly with ICU's properties, asking ICU whether
// each candidate sequence is RGI every time (production skips the question
// where the answer cannot change the length and remembers recent answers).
int32_t reference_match_emoji(std::u16string_view text, int32_t pos) {
  constexpr UChar32 kZwj = 0x200D, kVs15 = 0xFE0E, kVs16 = 0xFE0F, kKeycap = 0x20E3, kCancelTag = 0xE007F;
  const auto n = static_cast<int32_t>(text.size());
  auto at = [&](int32_t p, int32_t& len) {
    UChar32 c;
    int32_t next = p;
    U16_NEXT(text.data(), next, n, c);
    len = next - p;
    return c;
  };
  auto has = [](UChar32 c, UProperty p) { return u_hasBinaryProperty(c, p) != 0; };
  auto modifier = [](UChar32 c) { return c >= 0x1F3FB && c <= 0x1F3FF; };
  auto regional = [](UChar32 c) { return c >= 0x1F1E6 && c <= 0x1F1FF; };
  auto tag = [](UChar32 c) { return c >= 0xE0020 && c <= 0xE007E; };
  auto rgi = [&](int32_t len) {
    return u_stringHasBinaryProperty(reinterpret_cast<const UChar*>(text.data() + pos), len, UCHAR_RGI_EMOJI) != 0;
  };
  int32_t len = 0;
  const UChar32 c = at(pos, len);
  if (c < 0x80) {  // keycaps: [#*0-9]\ufe0f?\u20e3
    if (!(c == '#' || c == '*' || (c >= '0' && c <= '9'))) return 0;
    int32_t p = pos + 1;
    if (p < n && text[p] == kVs16) ++p;
    return p < n && text[p] == kKeycap ? p + 1 - pos : 0;
  }
  if (c == kVs16) return 1;
  if (!regional(c) && !has(c, UCHAR_EMOJI)) return 0;
  // Every end of element (ZWJ element)*, at most 16 elements.
  std::vector<int32_t> ends;
  for (int32_t p = pos; ends.size() < 16;) {
    int32_t l = 0;
    const UChar32 e = at(p, l);
    p += l;
    if (regional(e) && p < n && regional(at(p, l))) p += l;
    if (p < n) {
      const UChar32 next = at(p, l);
      if (next == kVs16) {
        p += l;
        if (p < n && text[p] == kKeycap) ++p;
      } else if (modifier(next)) {
        p += l;
      } else if (tag(next)) {
        int32_t q = p, lt = 0;
        while (q < n && tag(at(q, lt))) q += lt;
        if (q < n && at(q, lt) == kCancelTag) p = q + lt;
      }
    }
    ends.push_back(p);
    if (p + 1 >= n || text[p] != kZwj || !has(at(p + 1, l), UCHAR_EMOJI)) break;
    p += 1;
  }
  for (size_t i = ends.size(); i-- > 0;) {
    if (ends[i] - pos > len && rgi(ends[i] - pos)) return ends[i] - pos;
  }
  // No RGI sequence: twemoji's single-character rules.
  if (regional(c)) return len;
  const int32_t next = pos + len < n ? text[pos + len] : 0;
  if (c == 0xA9 || c == 0xAE || c == 0x2122 || c == 0x265F) return next == kVs16 ? len + 1 : 0;
  if (!has(c, UCHAR_EMOJI_PRESENTATION) && next == kVs15) return 0;
  if (next == kVs16) return len + 1;
  int32_t l = 0;
  if (pos + len < n && has(c, UCHAR_EMOJI_MODIFIER_BASE) && modifier(at(pos + len, l))) return len + l;
  return len;
}

bool same_urls(const tw::UrlList& a, const tw::UrlList& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].seg_end != b[i].seg_end ||
        a[i].tail_start != b[i].tail_start)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("twitter-text character classes and canonical forms agree with the full table on every unit") {
  const ReferenceTables reference;
  int32_t mismatches = 0;
  // Twice: the first pass fills the cache of non-ASCII units, the second reads it.
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t c = 0; c < 0x10000; ++c) {
      const auto unit = static_cast<char16_t>(c);
      const bool same = tw::canonical(unit) == reference.canon[c] &&
                        (tw::classes(unit) & kAllClasses) == reference.cls[c] &&
                        tw::is(unit, tw::kNfcInert) == tw::nfc_inert(c);
      if (!same && ++mismatches <= 5) MESSAGE("mismatch at unit ", c);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("the URL scan that skips positions finds what trying every position finds") {
  const std::vector<std::u16string>& texts = test_texts();
  REQUIRE(texts.size() > 20000);
  int32_t mismatches = 0, with_urls = 0;
  for (const std::u16string& text : texts) {
    std::vector<int32_t> dots;
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == u'.') dots.push_back(static_cast<int32_t>(i));
    tw::UrlList fast, every;
    tw::extract_urls(text, dots, fast);
    tw::extract_urls(text, dots, every, true);
    if (!every.empty()) ++with_urls;
    if (!same_urls(fast, every) && ++mismatches <= 5) MESSAGE("URLs differ: ", chime::text::to_utf8(text));
  }
  CHECK(mismatches == 0);
  CHECK(with_urls > 1000);  // the texts do hold URLs
}

TEST_CASE("a text of NFC-inert code points only is NFC by ICU's quick check") {
  chime::icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  REQUIRE(U_SUCCESS(status));
  int32_t inert_texts = 0, mismatches = 0;
  for (const std::u16string& text : test_texts()) {
    bool inert = true;
    for (int32_t i = 0; i < static_cast<int32_t>(text.size()) && inert;) {
      UChar32 c;
      U16_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
      inert = !U_IS_SURROGATE(c) && tw::nfc_inert(static_cast<char32_t>(c));
    }
    if (!inert) continue;
    ++inert_texts;
    status = U_ZERO_ERROR;
    if (unorm2_quickCheck(nfc, text.data(), static_cast<int32_t>(text.size()), &status) != UNORM_YES) ++mismatches;
  }
  CHECK(mismatches == 0);
  CHECK(inert_texts > 1000);
}

namespace {

// The same weights as `config` in a form that turns off the weighing's
// shortcut for ASCII runs (ASCII split over two ranges).
chime::text::TwitterTextConfig without_ascii_shortcut(const chime::text::TwitterTextConfig& config) {
  chime::text::TwitterTextConfig slow = config;
  if (config.ranges.empty()) {
    slow.ranges = {{0, 0x3F, config.default_weight}};
  } else {
    const chime::text::WeightRange first = config.ranges[0];
    slow.ranges.erase(slow.ranges.begin());
    slow.ranges.insert(slow.ranges.begin(), {{first.start, 0x3F, first.weight}, {0x40, first.end, first.weight}});
  }
  return slow;
}

}  // namespace

TEST_CASE("weighing ASCII runs at once counts as weighing unit by unit") {
  namespace text = chime::text;
  int32_t mismatches = 0;
  for (const text::TwitterTextConfig* config :
       {&chime::testing::twitter_text_v1(), &chime::testing::twitter_text_v2(), &text::TwitterTextConfig::v3()}) {
    const text::TwitterTextConfig slow = without_ascii_shortcut(*config);
    for (const std::u16string& t : test_texts()) {
      const text::TweetFacts a = text::parse_and_extract(t, *config), b = text::parse_and_extract(t, slow);
      const bool same = a.length.weighted == b.length.weighted && a.length.valid == b.length.valid &&
                        a.length.permillage == b.length.permillage && a.length.valid_end == b.length.valid_end &&
                        a.valid_range_end == b.valid_range_end;
      if (!same && ++mismatches <= 5) MESSAGE("weights differ: ", text::to_utf8(t));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a block of four units passes as plain ASCII only without signs or non-ASCII units") {
  // Each unit value at each place among fillers (0 and 0x7F test the borrows
  // and carries of the word-at-a-time test); a plain block must pass.
  int32_t wrong = 0, passed_plain = 0;
  for (char16_t filler : {u'a', u' ', u'\0', char16_t{0x7F}, u'%', u'-'}) {
    for (size_t place = 0; place < 4; ++place) {
      for (uint32_t c = 0; c < 0x10000; ++c) {
        char16_t block[4] = {filler, filler, filler, filler};
        block[place] = static_cast<char16_t>(c);
        const bool plain = c < 0x80 && c != u'.' && c != u'@' && c != u'#' && c != u'$';
        const bool passes = tw::plain_ascii_block(block);
        if (passes && !plain && ++wrong <= 5) MESSAGE("passes: unit ", c, " at ", place);
        if (passes) ++passed_plain;
      }
    }
  }
  CHECK(wrong == 0);
  CHECK(passed_plain > 4 * 4 * 100);  // the fast path is taken
  const char16_t text[] = u"plain text, here";
  CHECK(tw::plain_ascii_block(text));
}

TEST_CASE("remembered code point properties are ICU's") {
  chime::icu_data::ensure_registered();
  int32_t mismatches = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the first pass fills the cache, the second reads it
    for (UChar32 c = 0; c < 0x30000; ++c) {
      uint8_t expected = 0;
      if (u_hasBinaryProperty(c, UCHAR_EMOJI)) expected |= tw::kCpEmoji;
      if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) expected |= tw::kCpEmojiPresentation;
      if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER_BASE)) expected |= tw::kCpModifierBase;
      if (u_getCombiningClass(c) == 0 && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
        expected |= tw::kCpNfcInert;
      const auto cp = static_cast<char32_t>(c);
      const uint8_t props = tw::code_point_props(cp) & 0x0F;
      if ((props != expected || tw::nfc_inert(cp) != ((expected & tw::kCpNfcInert) != 0)) && ++mismatches <= 5)
        MESSAGE("mismatch at ", c);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a unit said to start no emoji is no emoji start, whatever follows it") {
  // match_emoji answers 0 for a non-ASCII unit that is not U+FE0F, not a
  // surrogate (flag letters lie beyond the BMP) and not an Emoji character.
  chime::icu_data::ensure_registered();
  int32_t wrong = 0, said_none = 0;
  for (uint32_t u = 0; u < 0x10000; ++u) {
    const auto c = static_cast<char16_t>(u);
    if (!tw::starts_no_emoji(c)) continue;
    ++said_none;
    const bool no_start = c >= 0x80 && c != 0xFE0F && !U16_IS_SURROGATE(c) && !u_hasBinaryProperty(c, UCHAR_EMOJI);
    const std::u16string texts[] = {std::u16string(1, c), std::u16string(1, c) + u"\uFE0F",
                                    std::u16string(1, c) + u"\U0001F3FD", std::u16string(1, c) + u"\u200D\u2764"};
    bool matched = false;
    for (const std::u16string& t : texts) matched = matched || reference_match_emoji(t, 0) != 0;
    if ((!no_start || matched) && ++wrong <= 5) MESSAGE("starts an emoji: ", u);
  }
  CHECK(wrong == 0);
  CHECK(said_none > 40000);  // most scripts' blocks
}

TEST_CASE("emoji found without asking ICU whether a sequence is RGI (a pair, or one remembered) are the ones found asking") {
  int32_t mismatches = 0, emoji = 0;
  auto compare = [&](std::u16string_view text) {
    for (int32_t pos = 0; pos < static_cast<int32_t>(text.size()); ++pos) {
      const int32_t len = tw::match_emoji(text, pos);
      if (len > 0) ++emoji;
      const int32_t asked = reference_match_emoji(text, pos);
      if ((len != asked || tw::match_emoji(text, pos) != asked) && ++mismatches <= 5)
        MESSAGE("emoji differ at ", pos, ": ", chime::text::to_utf8(text));
    }
  };
  for (const std::u16string& t : test_texts()) compare(t);
  // Every emoji character with each variation selector and skin tone.
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (!u_hasBinaryProperty(c, UCHAR_EMOJI)) continue;
    std::u16string base;
    if (c < 0x10000) {
      base = std::u16string(1, static_cast<char16_t>(c));
    } else {
      base = {U16_LEAD(c), U16_TRAIL(c)};
    }
    for (std::u16string_view suffix : {u"\uFE0F", u"\uFE0E", u"\uFE0F\u20E3", u"\U0001F3FB", u"\U0001F3FF",
                                       u"\U0001F3FD\uFE0F", u"\uFE0F\u200D\u2695", u"\U0001F3FB\u200D\U0001F680"})
      compare(base + std::u16string(suffix) + u" x");
  }
  CHECK(mismatches == 0);
  CHECK(emoji > 1000);
}

namespace {

// Whether find_sign_units finds the units twitter-text's scanners start from
// ('.', '@', '#', '$' and every unit above ASCII), looked at one by one.
bool finds_sign_units(std::u16string_view text) {
  std::vector<int32_t> expected;
  for (size_t i = 0; i < text.size(); ++i) {
    const char16_t c = text[i];
    if (c >= 0x80 || c == u'.' || c == u'@' || c == u'#' || c == u'$') expected.push_back(static_cast<int32_t>(i));
  }
  tw::Positions found;
  tw::find_sign_units(text, found);
  return std::vector<int32_t>(found.begin(), found.end()) == expected;
}

}  // namespace

TEST_CASE("find_sign_units finds every sign unit") {
  int32_t mismatches = 0;
  for (const std::u16string& text : test_texts()) {
    if (!finds_sign_units(text) && ++mismatches <= 5) MESSAGE("sign units differ: ", chime::text::to_utf8(text));
  }
  // Random texts of every length up to 40 (the scan skips four plain
  // ASCII units at a time, then looks at the rest one by one).
  static constexpr std::u16string_view kUnits[] = {u"a", u" ", u".", u"@", u"#", u"$", u"%", u"-", u",", u"\x7F",
                                                   u"\u00E9", u"\uFF20", u"\uFF03", u"\U0001F600", u"\x80"};
  uint32_t state = 4242;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int i = 0; i < 20000; ++i) {
    std::u16string text;
    const uint32_t length = next() % 41;
    while (text.size() < length) text += kUnits[next() % std::size(kUnits)];
    if (!finds_sign_units(text) && ++mismatches <= 10) MESSAGE("sign units differ in random text ", i);
  }
  CHECK(mismatches == 0);
}
