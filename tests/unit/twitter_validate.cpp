#include "twitter_validate.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "text/twitter_scan.hpp"
#include "text/unicode.hpp"

namespace chime::testing {

using text::tw::ascii_alnum;
using text::tw::ascii_letter;
using text::tw::is;
using text::tw::starts_with_nocase;
namespace tw = text::tw;

namespace {

int32_t size_of(std::u16string_view s) { return static_cast<int32_t>(s.size()); }

bool at_sign(char16_t c) { return c == u'@' || c == 0xFF20; }
bool name_char(char16_t c) { return ascii_alnum(c) || c == u'_'; }
bool invalid_char(char16_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

// endMentionMatch: ^(?:[@＠]|[latinAccentChars]|:\/\/)
bool ends_mention_badly(std::u16string_view s, int32_t pos) {
  if (pos >= size_of(s)) return false;
  const char16_t c = s[pos];
  return at_sign(c) || is(c, tw::kLatinAccent) || s.substr(static_cast<size_t>(pos), 3) == u"://";
}


bool unreserved(char16_t c) {
  return ascii_alnum(c) || (c >= 0x400 && c <= 0x4FF) || c == u'-' || c == u'.' || c == u'_' || c == u'~';
}
bool sub_delim(char16_t c) { return std::u16string_view(u"!$&'()*+,;=").find(c) != std::u16string_view::npos; }
bool hex(char16_t c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'); }

// validateUrlPchar at p: its length or 0.
int32_t pchar(std::u16string_view s, size_t p) {
  if (p >= s.size()) return 0;
  const char16_t c = s[p];
  if (unreserved(c)) return 1;
  if (c == u'%') return p + 2 < s.size() && hex(s[p + 1]) && hex(s[p + 2]) ? 3 : 0;
  if (sub_delim(c) || c == u':' || c == u'|' || c == u'@') return 1;
  return 0;
}

// validateUrlPath: (\/pchar*)* matches all of s.
bool valid_path(std::u16string_view s) {
  size_t p = 0;
  while (p < s.size()) {
    if (s[p] != u'/') return false;
    ++p;
    while (int32_t k = pchar(s, p)) p += static_cast<size_t>(k);
  }
  return true;
}

// validateUrlQuery / validateUrlFragment: (pchar|\/|\?)* matches all of s.
bool valid_query(std::u16string_view s) {
  size_t p = 0;
  while (p < s.size()) {
    if (s[p] == u'/' || s[p] == u'?') ++p;
    else if (int32_t k = pchar(s, p)) p += static_cast<size_t>(k);
    else return false;
  }
  return true;
}

bool non_ascii(char16_t c) { return c > 0x7F; }

// A domain segment at p: (?:[a-z0-9]|nonASCII)(?:(?:[a-z0-9<extra>]|nonASCII)*(?:[a-z0-9]|nonASCII))?
// followed by `stop`; the regex runs to the stop character (which the
// segment cannot hold). Returns the segment end or -1.
int32_t segment(std::u16string_view s, int32_t p, bool unicode, std::u16string_view extra, bool first_letter) {
  const int32_t n = size_of(s);
  auto edge = [&](char16_t c) { return ascii_alnum(c) || (unicode && non_ascii(c)); };
  if (p >= n) return -1;
  if (first_letter ? !(ascii_letter(s[p]) || (unicode && non_ascii(s[p]))) : !edge(s[p])) return -1;
  int32_t e = p + 1, last_edge = p + 1;
  while (e < n && (edge(s[e]) || extra.find(s[e]) != std::u16string_view::npos)) {
    ++e;
    if (edge(s[e - 1])) last_edge = e;
  }
  return last_edge;  // the greedy inner part backs off to end on an edge char
}

// validateUrl(Unicode)Host at p: the end of the regex's first match, or -1.
int32_t host(std::u16string_view s, int32_t p, bool unicode) {
  const int32_t n = size_of(s);
  // validateUrlIpv4: decOctet's alternatives, first match wins; after the
  // fourth octet nothing forces a longer one.
  auto octets = [&](auto&& self, int32_t pos, int count) -> int32_t {
    auto digit = [&](int32_t i) { return i < n && s[i] >= u'0' && s[i] <= u'9'; };
    int32_t lens[5] = {0, 0, 0, 0, 0};
    int k = 0;
    if (digit(pos)) lens[k++] = 1;                                      // [0-9]
    if (digit(pos) && s[pos] != u'0' && digit(pos + 1)) lens[k++] = 2;  // [1-9][0-9]
    if (digit(pos) && s[pos] == u'1' && digit(pos + 1) && digit(pos + 2)) lens[k++] = 3;
    if (digit(pos) && s[pos] == u'2' && pos + 2 < n && s[pos + 1] >= u'0' && s[pos + 1] <= u'4' && digit(pos + 2))
      lens[k++] = 3;
    if (pos + 2 < n && s[pos] == u'2' && s[pos + 1] == u'5' && s[pos + 2] >= u'0' && s[pos + 2] <= u'5') lens[k++] = 3;
    for (int i = 0; i < k; ++i) {
      const int32_t e = pos + lens[i];
      if (count == 3) return e;
      if (e < n && s[e] == u'.') {
        const int32_t r = self(self, e + 1, count + 1);
        if (r >= 0) return r;
      }
    }
    return -1;
  };
  int32_t e = octets(octets, p, 0);
  if (e >= 0) return e;
  // validateUrlIpv6: \[[a-f0-9:\.]+\]
  if (p < n && s[p] == u'[') {
    int32_t q = p + 1;
    while (q < n && (hex(s[q]) || s[q] == u':' || s[q] == u'.')) ++q;
    if (q > p + 1 && q < n && s[q] == u']') return q + 1;
  }
  // validateUrl(Unicode)Domain: (subSegment\.)* segment\. tld
  std::vector<std::pair<int32_t, bool>> ends;  // label end, holds '_'
  int32_t q = p;
  while (true) {
    const int32_t se = segment(s, q, unicode, u"_-", false);
    if (se < 0 || se >= n || s[se] != u'.') break;
    bool underscore = false;
    for (int32_t i = q; i < se; ++i) underscore = underscore || s[i] == u'_';
    ends.push_back({se, underscore});
    q = se + 1;
  }
  for (size_t j = ends.size(); j-- > 0;) {
    if (ends[j].second) continue;
    const int32_t tld = segment(s, ends[j].first + 1, unicode, u"-", true);
    if (tld >= 0) return tld;
  }
  return -1;
}

// validateUrl(Unicode)Authority matches all of s (its first match at 0).
bool valid_authority(std::u16string_view s, bool unicode) {
  const int32_t n = size_of(s);
  auto rest = [&](int32_t p) {
    int32_t e = host(s, p, unicode);
    if (e < 0) return -1;
    // (?::(validateUrlPort))? : up to five digits
    if (e + 1 < n && s[e] == u':' && s[e + 1] >= u'0' && s[e + 1] <= u'9') {
      int32_t q = e + 1;
      while (q < n && q < e + 6 && s[q] >= u'0' && s[q] <= u'9') ++q;
      e = q;
    }
    return e;
  };
  // (?:(validateUrlUserinfo)@)?
  int32_t p = 0;
  while (p < n) {
    if (unreserved(s[p]) || sub_delim(s[p]) || s[p] == u':') ++p;
    else if (s[p] == u'%' && p + 2 < n && hex(s[p + 1]) && hex(s[p + 2])) p += 3;
    else break;
  }
  if (p < n && s[p] == u'@') {
    const int32_t e = rest(p + 1);
    if (e >= 0) return e == n;
  }
  return rest(0) == n;
}

}  // namespace

bool is_valid_url(std::u16string_view url, bool unicode_domains, bool require_protocol) {
  if (url.empty()) return false;
  // validateUrlUnencoded: ^(?:([^:/?#]+):\/\/)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$
  size_t p = 0;
  std::u16string_view scheme;
  bool has_scheme = false;
  {
    size_t e = 0;
    while (e < url.size() && url[e] != u':' && url[e] != u'/' && url[e] != u'?' && url[e] != u'#') ++e;
    if (e > 0 && url.substr(e, 3) == u"://") {
      scheme = url.substr(0, e);
      has_scheme = true;
      p = e + 3;
    }
  }
  size_t a = p;
  while (a < url.size() && url[a] != u'/' && url[a] != u'?' && url[a] != u'#') ++a;
  const std::u16string_view authority = url.substr(p, a - p);
  size_t b = a;
  while (b < url.size() && url[b] != u'?' && url[b] != u'#') ++b;
  const std::u16string_view path = url.substr(a, b - a);
  std::u16string_view query, fragment;
  size_t c = b;
  if (c < url.size() && url[c] == u'?') {
    size_t d = c + 1;
    while (d < url.size() && url[d] != u'#') ++d;
    query = url.substr(c + 1, d - c - 1);
    c = d;
  }
  if (c < url.size()) {  // '#': '.' matches no line terminator
    fragment = url.substr(c + 1);
    for (char16_t ch : fragment)
      if (ch == u'\n' || ch == u'\r' || ch == 0x2028 || ch == 0x2029) return false;
  }

  if (require_protocol) {
    if (!has_scheme) return false;
    // validateUrlScheme and ^https?$
    if (!(scheme.size() == 4 || scheme.size() == 5)) return false;
    if (!starts_with_nocase(scheme, 0, u"http")) return false;
    if (scheme.size() == 5 && scheme[4] != u's' && scheme[4] != u'S') return false;
  }
  if (!valid_path(path) || !valid_query(query) || !valid_query(fragment)) return false;
  return valid_authority(authority, unicode_domains);
}

std::string extract_reply_screenname(std::u16string_view text) {
  // validReply: ^(?:spaces)*[@＠]([a-zA-Z0-9_]{1,20}), then endMentionMatch after it.
  const int32_t n = size_of(text);
  int32_t p = 0;
  while (p < n && is(text[p], tw::kSpace)) ++p;
  if (p + 1 >= n || !at_sign(text[p]) || !name_char(text[p + 1])) return {};
  int32_t end = p + 1;
  while (end < n && end < p + 21 && name_char(text[end])) ++end;
  if (ends_mention_badly(text, end)) return {};
  return text::to_utf8(text.substr(static_cast<size_t>(p + 1), static_cast<size_t>(end - p - 1)));
}

bool is_valid_tweet(std::u16string_view text, const text::TwitterTextConfig& config) {
  if (text.empty()) return false;
  if (parse_tweet_details(text, config).weighted_length > config.max_weighted_length) return false;
  return std::none_of(text.begin(), text.end(), invalid_char);
}

bool is_valid_username(std::u16string_view text) {
  if (text.empty()) return false;
  const std::vector<chime::Entity> found = extract_mentions(text);
  return found.size() == 1 && found[0].text == text::to_utf8(text.substr(1));
}

bool is_valid_list(std::u16string_view text) {
  // ^validMentionOrList$ with nothing before the at sign and a list slug.
  const int32_t n = size_of(text);
  if (n < 4 || !at_sign(text[0])) return false;
  int32_t p = 1;
  while (p < n && name_char(text[p])) ++p;
  if (p == 1 || p > 21 || p + 1 >= n || text[p] != u'/' || !tw::ascii_letter(text[p + 1])) return false;
  const int32_t slug = p + 2;
  p = slug;
  while (p < n && (name_char(text[p]) || text[p] == u'-')) ++p;
  return p == n && p - slug <= 24;
}

bool is_valid_hashtag(std::u16string_view text) {
  if (text.empty()) return false;
  const std::vector<chime::Entity> found = extract_hashtags(text);
  return found.size() == 1 && found[0].text == text::to_utf8(text.substr(1));
}

const text::TwitterTextConfig& twitter_text_v1() {
  static const text::TwitterTextConfig c{140, 1, 1, 23, false, {}};
  return c;
}

const text::TwitterTextConfig& twitter_text_v2() {
  static const text::TwitterTextConfig c{280, 100, 200, 23, false,
                                         {{0, 4351, 100}, {8192, 8205, 100}, {8208, 8223, 100}, {8242, 8247, 100}}};
  return c;
}

TweetParse parse_tweet_details(std::u16string_view text, const text::TwitterTextConfig& config) {
  const text::TweetFacts facts = text::parse_and_extract(text, config);
  TweetParse r;
  r.weighted_length = facts.length.weighted;
  r.valid = facts.length.valid;
  r.permillage = facts.length.permillage;
  r.valid_range_end = facts.valid_range_end;
  r.display_range_end = text.empty() ? 0 : size_of(text) - 1;
  return r;
}

std::vector<Entity> extract_hashtags(std::u16string_view text) { return text::parse_and_extract(text).entities.hashtags; }
std::vector<Entity> extract_mentions_or_lists(std::u16string_view text) {
  return text::parse_and_extract(text).entities.mentions;
}
std::vector<Entity> extract_mentions(std::u16string_view text) {
  std::vector<Entity> all = extract_mentions_or_lists(text);
  std::erase_if(all, [](const Entity& e) { return !e.list_slug.empty(); });
  return all;
}
std::vector<Entity> extract_urls(std::u16string_view text) { return text::parse_and_extract(text).entities.urls; }
std::vector<Entity> extract_cashtags(std::u16string_view text) { return text::parse_and_extract(text).entities.cashtags; }

}  // namespace chime::testing
