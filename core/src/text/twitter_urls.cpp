// URLs as twitter-text finds them (extractUrlsWithIndices): the extractUrl
// regex, scanned by hand. The regex engine's
// order of trying alternatives decides which match wins; the comments name
// the regex piece each step stands for.
#include <algorithm>
#include <cstdint>

#include "text/twitter_scan.hpp"

namespace chime::text::tw {
namespace {

constexpr int32_t kMaxUrlLength = 4096;
constexpr int32_t kMaxTcoSlugLength = 40;
constexpr int32_t kMaxDomainLabelLength = 63;

int32_t size_of(std::u16string_view s) { return static_cast<int32_t>(s.size()); }

// (https?:\/\/)? at pos: its length. (c | 0x20) is the lower case of an
// ASCII letter and equals a lower-case letter for no other unit.
int32_t protocol_length(std::u16string_view text, int32_t pos) {
  const int32_t n = size_of(text);
  auto lower = [&](int32_t i) { return static_cast<char16_t>(text[i] | 0x20); };
  if (pos + 7 > n || lower(pos) != u'h' || lower(pos + 1) != u't' || lower(pos + 2) != u't' || lower(pos + 3) != u'p')
    return 0;
  int32_t p = pos + 4;
  if (lower(p) == u's') ++p;
  if (p + 3 > n || text[p] != u':' || text[p + 1] != u'/' || text[p + 2] != u'/') return 0;
  return p + 3 - pos;
}

// A dot that a TLD follows (the TLD lists' lookahead seeing the text's
// end): every domain that extractUrl finds ends at one.
struct TldDot {
  int32_t dot, tld_end;  // (no default values: a TldDots' inline items need no setting up)
  int32_t first_start;   // the earliest start of a URL whose domain can reach this dot
};
using TldDots = ScratchList<TldDot, 16>;

// All such dots of the text (`dots`: where its '.' units lie), in order. A
// domain is labels of domain characters, '-' and '_' joined by dots, after
// at most "https://": its URL starts at most 8 units before the run of
// those that ends at the dot.
void find_tld_dots(std::u16string_view text, std::span<const int32_t> dots, TldDots& found) {
  const int32_t n = size_of(text);
  for (const int32_t dot : dots) {
    const int32_t tld_end = match_tld(text, dot + 1, n);
    if (tld_end < 0) continue;
    int32_t run_start = dot;
    while (run_start > 0) {
      const char16_t c = text[run_start - 1];
      if (c != u'.' && !is(c, kDomainRunChar)) break;
      --run_start;
    }
    found.push_back({dot, tld_end, std::max(0, run_start - 8)});
  }
}

// match_tld(text, dot + 1, text.size()), from the dots found when given
// (in text order: a binary search, so a text of many URLs stays n log n).
int32_t tld_after(std::u16string_view text, int32_t dot, const TldDots* dots) {
  if (dots == nullptr) return match_tld(text, dot + 1, size_of(text));
  const TldDot* d = std::lower_bound(dots->begin(), dots->end(), dot,
                                     [](const TldDot& a, int32_t b) { return a.dot < b; });
  return d != dots->end() && d->dot == dot ? d->tld_end : -1;
}

// validDomain: validSubdomain* validDomainName (validGTLD|validCCTLD|validPunycode)
// at pos. Each label runs up to its dot, so the labels are fixed; the regex
// then tries the most subdomains first, backing off one label at a time:
// the domain ends at the TLD after the last label that can be the
// validDomainName. Returns the end of the domain or -1.
int32_t match_domain(std::u16string_view text, int32_t pos, const TldDots* dots) {
  const int32_t n = size_of(text);
  int32_t domain_end = -1;
  int32_t p = pos;
  while (p < n) {
    int32_t e = p;
    bool underscore = false;
    while (e < n) {
      const char16_t c = text[e];
      if (!is(c, kDomainRunChar)) break;
      underscore = underscore || c == u'_';
      ++e;
    }
    // (?:DC(?:[_-]|DC)*)?DC\. : starts and ends with a domain char, then a dot.
    if (e == p || e >= n || text[e] != u'.' || !is(text[p], kDomainChar) || !is(text[e - 1], kDomainChar)) break;
    if (!underscore) {  // validDomainName allows no '_'
      const int32_t end = tld_after(text, e, dots);
      if (end >= 0) domain_end = end;
    }
    p = e + 1;
  }
  return domain_end;
}

// validUrlBalancedParens at pos: its length or 0.
int32_t balanced_parens(std::u16string_view text, int32_t pos) {
  const int32_t n = size_of(text);
  if (pos >= n || text[pos] != u'(') return 0;
  auto run = [&](int32_t p) {
    while (p < n && is(text[p], kPathChar)) ++p;
    return p;
  };
  int32_t p = run(pos + 1);
  // \( GPC+ \)
  if (p > pos + 1 && p < n && text[p] == u')') return p + 1 - pos;
  // \( GPC* \( GPC+ \) GPC* \)
  if (p >= n || text[p] != u'(') return 0;
  const int32_t inner = p + 1;
  p = run(inner);
  if (p == inner || p >= n || text[p] != u')') return 0;
  p = run(p + 1);
  if (p >= n || text[p] != u')') return 0;
  return p + 1 - pos;
}

// validUrlPath* at pos (after the path's '/'): the end of what it matches.
// Greedily GPC* (BP GPC*)*, then the regex backs off to end on a
// validUrlPathEndingChars character, or on the last balanced parenthesis.
int32_t match_path(std::u16string_view text, int32_t pos) {
  const int32_t n = size_of(text);
  int32_t p = pos;
  int32_t run_start = pos, last_parens_end = -1;
  while (true) {
    while (p < n && is(text[p], kPathChar)) ++p;
    const int32_t parens = balanced_parens(text, p);
    if (parens == 0) break;
    p += parens;
    last_parens_end = p;
    run_start = p;
  }
  for (int32_t q = p; q > run_start; --q)
    if (is(text[q - 1], kPathEndChar)) return q;
  return last_parens_end >= 0 ? last_parens_end : pos;
}

// \?validUrlQueryChars*validUrlQueryEndingChars at pos, bounded by limit:
// its end, or pos when there is none.
int32_t match_query(std::u16string_view text, int32_t pos, int32_t limit) {
  if (pos >= limit || text[pos] != u'?') return pos;
  int32_t p = pos + 1;
  while (p < limit && is(text[p], kQueryChar)) ++p;
  for (; p > pos + 1; --p)
    if (is(text[p - 1], kQueryEndChar)) return p;
  return pos;
}

// Punycode (RFC 3492) encoded length of a label, as punycode.js counts it.
int64_t punycode_length(std::u16string_view label) {
  std::vector<char32_t> cps;
  cps.reserve(label.size());
  for (size_t i = 0; i < label.size(); ++i) {
    char32_t c = label[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < label.size() && label[i + 1] >= 0xDC00 && label[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (label[i + 1] - 0xDC00);
      ++i;
    }
    cps.push_back(c);
  }
  constexpr int64_t base = 36, t_min = 1, t_max = 26, skew = 38, damp = 700;
  auto adapt = [&](int64_t delta, int64_t points, bool first) {
    delta = first ? delta / damp : delta >> 1;
    delta += delta / points;
    int64_t k = 0;
    while (delta > ((base - t_min) * t_max) >> 1) {
      delta /= base - t_min;
      k += base;
    }
    return k + (base - t_min + 1) * delta / (delta + skew);
  };
  int64_t out = 0, basic = 0;
  for (char32_t c : cps)
    if (c < 0x80) ++basic;
  out = basic;
  if (basic > 0) ++out;  // the delimiter
  int64_t n = 128, delta = 0, bias = 72, h = basic;
  const int64_t total = static_cast<int64_t>(cps.size());
  while (h < total) {
    int64_t m = INT64_MAX;
    for (char32_t c : cps)
      if (c >= n && c < m) m = c;
    delta += (m - n) * (h + 1);
    n = m;
    for (char32_t c : cps) {
      if (c < n) ++delta;
      if (c == n) {
        int64_t q = delta;
        for (int64_t k = base;; k += base) {
          const int64_t t = k <= bias ? t_min : (k >= bias + t_max ? t_max : k - bias);
          if (q < t) break;
          ++out;
          q = (q - t) / (base - t);
        }
        ++out;
        bias = adapt(delta, h + 1, h == basic);
        delta = 0;
        ++h;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

// punycode.toASCII(label).length (punycode.js 1.4): split at the IDNA
// separators, encode each piece with a character outside \x20-\x7E.
int64_t to_ascii_length(std::u16string_view label) {
  int64_t total = 0;
  size_t start = 0;
  for (size_t i = 0; i <= label.size(); ++i) {
    if (i < label.size()) {
      const char16_t c = label[i];
      if (c != u'.' && c != 0x3002 && c != 0xFF0E && c != 0xFF61) continue;
    }
    const std::u16string_view piece = label.substr(start, i - start);
    bool plain = true;
    for (char16_t c : piece) plain = plain && c >= 0x20 && c <= 0x7E;
    total += plain ? static_cast<int64_t>(piece.size()) : 4 + punycode_length(piece);
    if (i < label.size()) ++total;  // the joining '.'
    start = i + 1;
  }
  return total;
}

// match_tld(text, dot + 1, limit). A TLD that ends at limit when the
// lookahead sees the whole text (a known dot's) is also the one found when
// it sees limit as the end: the candidates before limit are the same.
int32_t tld_within(std::u16string_view text, int32_t dot, int32_t limit, const TldDots* known) {
  if (known != nullptr)
    for (const TldDot& d : *known)
      if (d.dot == dot && d.tld_end == limit) return limit;
  return match_tld(text, dot + 1, limit);
}

// validAsciiDomain (global) over text[pos, limit): calls found(start, end)
// for each match. known: the text's TLD dots, when found.
template <typename Found>
void scan_ascii_domains(std::u16string_view text, int32_t pos, int32_t limit, Found found,
                        const TldDots* known = nullptr) {
  int32_t q = pos;
  int32_t dots[64];
  while (q < limit) {
    // (?:[\-a-z0-9latinAccents]+\.)+ greedily, then the TLD, backing off.
    int32_t count = 0, p = q;
    while (p < limit && count < 64) {
      int32_t e = p;
      while (e < limit && is(text[e], kAsciiLabelChar)) ++e;
      if (e == p || e >= limit || text[e] != u'.') break;
      dots[count++] = e;
      p = e + 1;
    }
    int32_t end = -1;
    for (int32_t j = count; j-- > 0 && end < 0;) end = tld_within(text, dots[j], limit, known);
    if (end >= 0) {
      found(q, end);
      q = end;
    } else {
      ++q;
    }
  }
}

// idna.toAscii of twitter-text: the domain is acceptable.
bool idna_ok(std::u16string_view text, int32_t start, int32_t end) {
  const std::u16string_view domain = text.substr(start, end - start);
  if (domain.substr(0, 4) == u"xn--") {
    bool any = false;
    scan_ascii_domains(text, start, end, [&](int32_t, int32_t) { any = true; });
    if (!any) return false;
  }
  // A domain of printable ASCII (nearly every one) converts to itself (no
  // IDNA separator but '.', which ends a label): its labels' lengths are
  // their own, checked in the same pass that sees it is printable.
  auto length_ok = [](int64_t len) { return len >= 1 && len <= kMaxDomainLabelLength; };
  bool printable = true, lengths_ok = true;
  size_t label_start = 0;
  for (size_t i = 0; i < domain.size(); ++i) {
    const char16_t c = domain[i];
    printable &= static_cast<char16_t>(c - 0x20) <= 0x7E - 0x20;  // 0x20..0x7E, without a branch
    if (c != u'.') continue;
    lengths_ok = lengths_ok && length_ok(static_cast<int64_t>(i - label_start));
    label_start = i + 1;
  }
  if (printable) return lengths_ok && length_ok(static_cast<int64_t>(domain.size() - label_start));
  label_start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != u'.') continue;
    if (!length_ok(to_ascii_length(domain.substr(label_start, i - label_start)))) return false;
    label_start = i + 1;
  }
  return true;
}

// One match of the extractUrl regex.
struct UrlMatch {
  int32_t before = -1;  // the consumed preceding character, or -1
  int32_t start = 0;    // the url, protocol included
  int32_t protocol = 0; // its length
  int32_t domain_end = 0;
  bool path = false;
  int32_t end = 0;
};

// The url part of extractUrl at `start`, after the preceding character.
// protocol: protocol_length(text, start).
bool match_url_at(std::u16string_view text, int32_t start, int32_t protocol, bool try_plain, const TldDots* dots,
                  UrlMatch& m) {
  const int32_t n = size_of(text);
  m.start = start;
  m.protocol = protocol;
  m.domain_end = -1;
  if (m.protocol > 0) m.domain_end = match_domain(text, start + m.protocol, dots);
  if (m.domain_end < 0) {
    if (!try_plain) return false;
    m.protocol = 0;
    m.domain_end = match_domain(text, start, dots);
    if (m.domain_end < 0) return false;
  }
  int32_t p = m.domain_end;
  // (?::(validPortNumber))?
  if (p + 1 < n && text[p] == u':' && text[p + 1] >= u'0' && text[p + 1] <= u'9') {
    p += 1;
    while (p < n && text[p] >= u'0' && text[p] <= u'9') ++p;
  }
  // (\/validUrlPath*)?
  m.path = p < n && text[p] == u'/';
  if (m.path) p = match_path(text, p + 1);
  // (\?validUrlQueryChars*validUrlQueryEndingChars)?
  m.end = match_query(text, p, n);
  return true;
}

// The label run from `pos` (domain chars, '-' and '_'): where it stops.
int32_t label_run_end(std::u16string_view text, int32_t pos) {
  const int32_t n = size_of(text);
  while (pos < n && is(text[pos], kDomainRunChar)) ++pos;
  return pos;
}

}  // namespace

void extract_urls(std::u16string_view text, std::span<const int32_t> text_dots, UrlList& out, bool every_position) {
  if (text_dots.empty()) return;
  const int32_t n = size_of(text);
  // Only starts shortly before a dot that a TLD follows can match; without
  // every_position the scan jumps from one such stretch to the next.
  TldDots dots;
  find_tld_dots(text, text_dots, dots);
  if (dots.empty() && !every_position) return;
  const TldDots* known_dots = every_position ? nullptr : &dots;
  size_t next_dot = 0;
  UrlMatch m;
  // A protocol-less domain needs its first label to end at a dot; every
  // start inside a run that does not is hopeless, so remember the run.
  int32_t dead_run_end = -1;
  auto try_start = [&](int32_t start) {
    bool plain = start >= dead_run_end;
    if (plain) {
      const int32_t run_end = label_run_end(text, start);
      if (run_end >= n || text[run_end] != u'.') {
        dead_run_end = run_end;
        plain = false;
      }
    }
    const int32_t protocol = protocol_length(text, start);
    if (!plain && protocol == 0) return false;
    return match_url_at(text, start, protocol, plain, known_dots, m);
  };

  int32_t last_index = 0;
  while (last_index < n) {
    bool found = false;
    for (int32_t q = last_index; q < n && !found; ++q) {
      if (!every_position && q > 0) {  // (q == 0 also tries a start at 0)
        while (next_dot < dots.size() && dots[next_dot].dot <= q) ++next_dot;
        if (next_dot == dots.size()) break;
        q = std::max(q, dots[next_dot].first_start - 1);
      }
      // validUrlPrecedingChars: one allowed character, or ^.
      if (is(text[q], kUrlPrecedingOk) && q + 1 < n && try_start(q + 1)) {
        m.before = q;
        found = true;
      } else if (q == 0 && try_start(0)) {
        m.before = -1;
        found = true;
      }
    }
    if (!found) break;
    last_index = m.end;

    const int32_t domain_start = m.start + m.protocol;
    // isValidUrl: the domain converts to ASCII, the url is not too long.
    if (!idna_ok(text, domain_start, m.domain_end)) continue;
    const int32_t protocol_len = m.protocol > 0 ? m.protocol : 8;  // "https://"
    if (protocol_len + (m.end - m.start) > kMaxUrlLength) continue;

    if (m.protocol == 0) {
      // No protocol: not after [-_./]; keep only the ASCII domains.
      if (m.before >= 0) {
        const char16_t b = text[m.before];
        if (b == u'-' || b == u'_' || b == u'.' || b == u'/') continue;
      }
      const size_t first = out.size();
      scan_ascii_domains(
          text, domain_start, m.domain_end, [&](int32_t s, int32_t e) { out.push_back({s, e, e, e}); }, known_dots);
      if (out.size() == first) continue;
      if (m.path) {  // the last one takes the port, path and query along
        RawUrl& last = out.back();
        last.tail_start = m.domain_end;
        last.end = m.end;
      }
    } else {
      RawUrl url{m.start, m.end, m.end, m.end};
      // validTcoUrl: a t.co link ends with its slug (and query).
      const int32_t slug = m.start + m.protocol + 5;
      if (starts_with_nocase(text, m.start + m.protocol, u"t.co/") && slug < m.end && ascii_alnum(text[slug])) {
        int32_t p = slug;
        while (p < m.end && ascii_alnum(text[p])) ++p;
        if (p - slug > kMaxTcoSlugLength) continue;
        url.end = url.seg_end = url.tail_start = match_query(text, p, m.end);
      }
      out.push_back(url);
    }
  }
}

}  // namespace chime::text::tw
