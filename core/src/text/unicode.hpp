// Small Unicode helpers over ICU, shared by the text model and the rules.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/utf16.h>

namespace chime::text {

// UTF-8 -> UTF-16. Each maximal invalid subsequence becomes U+FFFD (the
// WHATWG/ICU rule, as TextDecoder does); `replaced` counts them.
std::u16string decode_utf8(std::string_view utf8, int32_t& replaced);
// The same into `out` (its old content replaced), so that a caller decoding
// text after text reuses one buffer.
void decode_utf8(std::string_view utf8, std::u16string& out, int32_t& replaced);
// Lone surrogates -> U+FFFD in place (length unchanged); returns how many.
int32_t replace_lone_surrogates(std::u16string& text);
std::string to_utf8(std::u16string_view utf16);
std::u16string nfc(std::u16string_view text);
// Full case folding (ICU default), plus curly apostrophes made straight so
// that "don’t" matches "don't".
std::u16string fold(std::u16string_view text);
std::string fold_utf8(std::string_view utf8);
void fold_utf8(std::string_view utf8, std::string& out);  // the same into `out`, reusing its memory

// The hash of a folded token (Token::folded_hash, and phrase and word lists): 64-bit
// FNV-1a over its UTF-8 bytes, high half folded into the low. Fed a byte at a
// time, so the tokenizer hashes while it folds; the same value on every
// platform (a 32-bit size_t keeps the low half, which both halves mix into).
class TokenHasher {
 public:
  void add(char c) { hash_ = (hash_ ^ static_cast<uint8_t>(c)) * 0x100000001B3ULL; }
  void add(std::string_view bytes) {
    for (const char c : bytes) add(c);
  }
  size_t value() const { return static_cast<size_t>(hash_ ^ (hash_ >> 32)); }

 private:
  uint64_t hash_ = 0xCBF29CE484222325ULL;
};
inline size_t token_hash(std::string_view folded) {
  TokenHasher h;
  h.add(folded);
  return h.value();
}

// The code point at text[i], i moved past it (U16_NEXT), with an ASCII unit
// (nearly every one) taken inline.
inline int32_t next_code_point(std::u16string_view text, int32_t& i) {
  const char16_t unit = text[static_cast<size_t>(i)];
  if (unit < 0x80) {
    ++i;
    return unit;
  }
  UChar32 c;
  U16_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c;
}

// Letters, upper and lower case, letters or digits: ICU's u_isalpha,
// u_isupper, u_islower, u_isalnum, with ASCII (nearly every call) inline.
bool is_alpha_slow(int32_t c);
bool is_upper_slow(int32_t c);
bool is_lower_slow(int32_t c);
bool is_alnum_slow(int32_t c);
inline bool is_upper(int32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : is_upper_slow(c); }
inline bool is_lower(int32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : is_lower_slow(c); }
inline bool is_alpha(int32_t c) { return c < 0x80 ? is_upper(c) || is_lower(c) : is_alpha_slow(c); }
inline bool is_alnum(int32_t c) { return c < 0x80 ? is_alpha(c) || (c >= '0' && c <= '9') : is_alnum_slow(c); }

// White space as words and sentences are split on: Unicode White_Space plus
// zero-width space and BOM. ASCII (nearly every call) is answered inline.
bool is_space_slow(int32_t c);
inline bool is_space(int32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // ASCII White_Space: 9-13, 32
  return is_space_slow(c);
}

}  // namespace chime::text
