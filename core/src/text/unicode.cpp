#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "icu/icu_data.hpp"

namespace chime::text {

void decode_utf8(std::string_view utf8, std::u16string& out, int32_t& replaced) {
  replaced = 0;
  // Never more UTF-16 units than UTF-8 bytes: written in place, then trimmed.
  out.resize(utf8.size());
  char16_t* o = out.data();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      *o++ = s[i++];
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    // A maximal invalid subsequence becomes one U+FFFD.
    U8_NEXT_OR_FFFD(s, i, length, c);
    if (c == 0xFFFD && !(i - start == 3 && s[start] == 0xEF && s[start + 1] == 0xBF && s[start + 2] == 0xBD)) {
      ++replaced;
    }
    if (c <= 0xFFFF) {
      *o++ = static_cast<char16_t>(c);
    } else {
      *o++ = static_cast<char16_t>(U16_LEAD(c));
      *o++ = static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
}

std::u16string decode_utf8(std::string_view utf8, int32_t& replaced) {
  std::u16string out;
  decode_utf8(utf8, out, replaced);
  return out;
}

int32_t replace_lone_surrogates(std::u16string& text) {
  int32_t replaced = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char16_t c = text[i];
    if (U16_IS_LEAD(c) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1])) {
      ++i;  // a valid pair
    } else if (U16_IS_SURROGATE(c)) {
      text[i] = u'\uFFFD';
      ++replaced;
    }
  }
  return replaced;
}

std::string to_utf8(std::u16string_view utf16) {
  // All ASCII (most spans of most texts): each unit is its byte, copied in one go.
  const auto ascii_end = std::find_if(utf16.begin(), utf16.end(), [](char16_t c) { return c >= 0x80; });
  if (ascii_end == utf16.end()) return std::string(utf16.begin(), utf16.end());
  // Otherwise written in place, then trimmed: never more than three bytes per
  // UTF-16 unit (a surrogate pair is two units and four bytes).
  std::string out(utf16.size() * 3, '\0');
  auto* bytes = reinterpret_cast<uint8_t*>(out.data());
  int32_t n = static_cast<int32_t>(std::copy(utf16.begin(), ascii_end, out.begin()) - out.begin());
  const auto length = static_cast<int32_t>(utf16.size());
  for (auto i = static_cast<int32_t>(ascii_end - utf16.begin()); i < length;) {
    if (utf16[static_cast<size_t>(i)] < 0x80) {  // ASCII: one byte as is
      bytes[n++] = static_cast<uint8_t>(utf16[static_cast<size_t>(i++)]);
      continue;
    }
    UChar32 c;
    U16_NEXT_OR_FFFD(utf16.data(), i, length, c);
    U8_APPEND_UNSAFE(bytes, n, c);  // c is a valid scalar value here
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

std::u16string nfc(std::u16string_view text) {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
  icu::UnicodeString src(false, text.data(), static_cast<int32_t>(text.size()));
  if (norm->isNormalized(src, status) && U_SUCCESS(status)) return std::u16string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString dst = norm->normalize(src, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC failed");
  return std::u16string(dst.getBuffer(), static_cast<size_t>(dst.length()));
}

std::u16string fold(std::u16string_view text) {
  icu_data::ensure_registered();
  std::u16string out(text.size() + 8, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_strFoldCase(out.data(), static_cast<int32_t>(out.size()), text.data(),
                            static_cast<int32_t>(text.size()), U_FOLD_CASE_DEFAULT, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<size_t>(n), u'\0');
    status = U_ZERO_ERROR;
    n = u_strFoldCase(out.data(), n, text.data(), static_cast<int32_t>(text.size()),
                      U_FOLD_CASE_DEFAULT, &status);
  }
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    throw std::runtime_error("ICU case folding failed");
  }
  out.resize(static_cast<size_t>(n));
  for (char16_t& c : out) {
    if (c == u'\u2019' || c == u'\u2018' || c == u'\u02BC') c = u'\'';
  }
  return out;
}

bool is_alpha_slow(int32_t c) { return u_isalpha(c); }
bool is_upper_slow(int32_t c) { return u_isupper(c); }
bool is_lower_slow(int32_t c) { return u_islower(c); }
bool is_alnum_slow(int32_t c) { return u_isalnum(c); }
bool is_space_slow(int32_t c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

void fold_utf8(std::string_view utf8, std::string& out) {
  // ASCII (most hashtags, handles, list entries): full case folding of ASCII
  // is lower-casing, no need for a trip through UTF-16 and ICU.
  out.resize(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      int32_t replaced = 0;
      out = to_utf8(fold(decode_utf8(utf8, replaced)));
      return;
    }
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

std::string fold_utf8(std::string_view utf8) {
  std::string out;
  fold_utf8(utf8, out);
  return out;
}

}  // namespace chime::text
