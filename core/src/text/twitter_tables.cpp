// Character classes and TLD lists of the twitter-text port.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "data/data.hpp"
#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"
#include "text/unicode.hpp"

namespace chime::text::tw {
namespace {

// A set of code units, for building the class table (on the heap: wasm
// stacks are small).
struct UnitSet {
  std::vector<bool> has = std::vector<bool>(0x10000, false);
  bool operator[](uint32_t c) const { return has[c]; }
  std::vector<bool>::reference operator[](uint32_t c) { return has[c]; }
};

void add(UnitSet& set, std::u16string_view units) {
  for (char16_t c : units) set[c] = true;
}
void add_range(UnitSet& set, char16_t first, char16_t last) {
  for (uint32_t c = first; c <= last; ++c) set[c] = true;
}

// latinAccentChars of twitter-text.
void add_latin_accents(UnitSet& set) {
  add_range(set, 0xC0, 0xD6);
  add_range(set, 0xD8, 0xF6);
  add_range(set, 0xF8, 0xFF);
  add_range(set, 0x100, 0x24F);
  add(set, u"\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB");
  add_range(set, 0x300, 0x36F);
  add_range(set, 0x1E00, 0x1EFF);
}

struct Tables {
  std::array<char16_t, 0x10000> canon{};
  std::array<uint16_t, 0x10000> cls{};

  Tables() {
    icu_data::ensure_registered();
    // JavaScript's Canonicalize for /i without /u: the full upper case when
    // it is one unit, never mapping a non-ASCII unit to ASCII.
    for (uint32_t c = 0; c < 0x10000; ++c) {
      canon[c] = static_cast<char16_t>(c);
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      UChar src = static_cast<UChar>(c), dst[4];
      UErrorCode status = U_ZERO_ERROR;
      int32_t n = u_strToUpper(dst, 4, &src, 1, "", &status);
      if (U_SUCCESS(status) && n == 1 && !(c >= 128 && dst[0] < 128)) canon[c] = dst[0];
    }

    UnitSet punct, spaces, invalid, directional;
    add(punct, u"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$");
    add_range(spaces, 0x09, 0x0D);
    add(spaces, u"\u0020\u0085\u00A0\u1680\u180E\u2028\u2029\u202F\u205F\u3000");
    add_range(spaces, 0x2000, 0x200A);
    add(invalid, u"\uFFFE\uFEFF\uFFFF");
    add_range(directional, 0x202A, 0x202E);
    add(directional, u"\u061C\u200E\u200F\u2066\u2067\u2068\u2069");

    UnitSet path, path_end, query, query_end, label, not_preceding, js_space, latin;
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

    // For /i classes a unit belongs when its canonical form is the
    // canonical form of a member.
    auto folded = [this](const UnitSet& set) {
      UnitSet f;
      for (uint32_t c = 0; c < 0x10000; ++c)
        if (set[c]) f[canon[c]] = true;
      return f;
    };
    const UnitSet path_i = folded(path), path_end_i = folded(path_end), query_i = folded(query),
                  query_end_i = folded(query_end), label_i = folded(label),
                  not_preceding_i = folded(not_preceding);

    for (uint32_t c = 0; c < 0x10000; ++c) {
      const char16_t k = canon[c];
      uint16_t bits = 0;
      if (!punct[c] && !spaces[c] && !invalid[c] && !directional[c]) bits |= kDomainChar;
      if (path_i[k]) bits |= kPathChar;
      if (path_end_i[k]) bits |= kPathEndChar;
      if (query_i[k]) bits |= kQueryChar;
      if (query_end_i[k]) bits |= kQueryEndChar;
      if (label_i[k]) bits |= kAsciiLabelChar;
      if (!not_preceding_i[k]) bits |= kUrlPrecedingOk;
      if (spaces[c]) bits |= kSpace;
      if (js_space[c]) bits |= kJsSpace;
      if (punct[c]) bits |= kPunct;
      if (latin[c]) bits |= kLatinAccent;
      if (c < 0xD800 || c > 0xDFFF) {
        if (hashtag_alpha(c)) bits |= kHashtagAlpha;
        if (hashtag_alnum(c)) bits |= kHashtagAlnum;
      }
      cls[c] = bits;
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// The TLD lists in their regex order: generic first, then country codes.
struct Tlds {
  std::vector<std::u16string> keys;  // canonical forms; the map views them
  std::unordered_map<std::u16string_view, int32_t> order;
  int32_t max_length = 0;
  std::vector<bool> first_unit = std::vector<bool>(0x10000, false);  // canonical first units

  Tlds() {
    for (const char* file : {"twitter/tlds-generic.txt", "twitter/tlds-country.txt"}) {
      std::string_view data = chime::data::file(file);
      while (!data.empty()) {
        const size_t nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
        if (line.empty() || line[0] == '#') continue;
        int32_t replaced = 0;
        std::u16string key = decode_utf8(line, replaced);
        for (char16_t& c : key) c = canonical(c);
        keys.push_back(std::move(key));
      }
    }
    order.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      order.emplace(keys[i], static_cast<int32_t>(i));  // first listed wins
      max_length = std::max(max_length, static_cast<int32_t>(keys[i].size()));
      first_unit[keys[i][0]] = true;
    }
  }
};

const Tlds& tlds() {
  static const Tlds t;
  return t;
}

}  // namespace

const uint16_t* class_table() { return tables().cls.data(); }
char16_t canonical(char16_t c) { return tables().canon[c]; }

bool hashtag_alpha(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

bool hashtag_alnum(char32_t c) {
  if (hashtag_alpha(c) || u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) return true;
  static constexpr std::u16string_view kSpecial =
      u"_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7";
  return c < 0x10000 && kSpecial.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
}

int32_t match_tld(std::u16string_view text, int32_t pos, int32_t limit) {
  const Tlds& t = tlds();
  char16_t key[64];
  int32_t best_order = -1, best_end = -1;
  const int32_t longest = pos < limit && t.first_unit[canonical(text[pos])] ? std::min(t.max_length, limit - pos) : 0;
  for (int32_t len = 1; len <= longest; ++len) {
    key[len - 1] = canonical(text[pos + len - 1]);
    const int32_t end = pos + len;
    // (?=[^0-9a-zA-Z@+-]|$)
    if (end < limit) {
      const char16_t next = text[end];
      if (ascii_alnum(next) || next == u'@' || next == u'+' || next == u'-') continue;
    }
    auto it = t.order.find(std::u16string_view(key, static_cast<size_t>(len)));
    if (it != t.order.end() && (best_order < 0 || it->second < best_order)) {
      best_order = it->second;
      best_end = end;
    }
  }
  if (best_end >= 0) return best_end;
  // validPunycode: xn--[\-0-9a-z]+ (case-insensitive), no lookahead.
  if (limit - pos >= 5 && canonical(text[pos]) == u'X' && canonical(text[pos + 1]) == u'N' &&
      text[pos + 2] == u'-' && text[pos + 3] == u'-') {
    int32_t end = pos + 4;
    while (end < limit && (ascii_alnum(text[end]) || text[end] == u'-')) ++end;
    if (end > pos + 4) return end;
  }
  return -1;
}

}  // namespace chime::text::tw
