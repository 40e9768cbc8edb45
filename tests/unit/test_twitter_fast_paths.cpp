// The twitter-text port's shortcuts must answer exactly as the plain way:
// character classes (ASCII from a compile-time table, other units from ICU
// when first seen) against a table of all 65,536 units built the way
// twitter-text's regexes define them.
#include <doctest/doctest.h>

#include <array>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"

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

constexpr uint16_t kAllClasses = (1 << 13) - 1;

}  // namespace

TEST_CASE("twitter-text character classes and canonical forms agree with the full table on every unit") {
  const ReferenceTables reference;
  int32_t mismatches = 0;
  // Twice: the first pass fills the cache of non-ASCII units, the second reads it.
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t c = 0; c < 0x10000; ++c) {
      const auto unit = static_cast<char16_t>(c);
      const bool same = tw::canonical(unit) == reference.canon[c] &&
                        (tw::classes(unit) & kAllClasses) == reference.cls[c];
      if (!same && ++mismatches <= 5) MESSAGE("mismatch at unit ", c);
    }
  }
  CHECK(mismatches == 0);
}
