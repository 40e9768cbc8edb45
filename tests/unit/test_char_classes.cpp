// text::is_space, is_alpha, is_upper, is_lower and is_alnum answer ASCII
// without ICU (they run for every character of every analysis); they must
// agree with ICU on every code point, or tokens and sentiment would change.
#include <doctest/doctest.h>

#include <unicode/uchar.h>

#include "icu/icu_data.hpp"
#include "text/unicode.hpp"

using namespace chime;

TEST_CASE("character classes agree with ICU on every code point") {
  icu_data::ensure_registered();
  int32_t mismatches = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    const bool space = u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
    if (text::is_space(c) != space || text::is_alpha(c) != static_cast<bool>(u_isalpha(c)) ||
        text::is_upper(c) != static_cast<bool>(u_isupper(c)) || text::is_lower(c) != static_cast<bool>(u_islower(c)) ||
        text::is_alnum(c) != static_cast<bool>(u_isalnum(c))) {
      if (++mismatches <= 5) MESSAGE("mismatch at code point ", c);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("ASCII folding without ICU is ICU's full case folding") {
  std::string all;
  for (char c = 1; c > 0; ++c) all.push_back(c);  // every ASCII character but NUL
  int32_t replaced = 0;
  CHECK(text::fold_utf8(all) == text::to_utf8(text::fold(text::decode_utf8(all, replaced))));
}
