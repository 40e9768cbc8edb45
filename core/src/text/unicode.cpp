#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#if defined(__SSE2__)  // every x86-64; not the wasm build (no SIMD there)
#include <emmintrin.h>
#endif

#include "icu/icu_data.hpp"

namespace chime::text {

namespace {

bool is_continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// The code point of a well-formed 2-, 3- or 4-byte sequence at s[i] (moving i
// past it), or -1 with i unmoved: overlong forms, surrogates, values past
// U+10FFFF and cut-off sequences are left to U8_NEXT_OR_FFFD. A well-formed
// sequence decodes the same whoever decodes it.
int32_t next_well_formed(const uint8_t* s, int32_t& i, int32_t length) {
  const uint8_t lead = s[i];
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (length - i < 2 || !is_continuation(s[i + 1])) return -1;
    const int32_t c = ((lead & 0x1F) << 6) | (s[i + 1] & 0x3F);
    i += 2;
    return c;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (length - i < 3 || !is_continuation(s[i + 1]) || !is_continuation(s[i + 2])) return -1;
    if ((lead == 0xE0 && s[i + 1] < 0xA0) || (lead == 0xED && s[i + 1] > 0x9F)) return -1;  // overlong; surrogate
    const int32_t c = ((lead & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    i += 3;
    return c;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (length - i < 4 || !is_continuation(s[i + 1]) || !is_continuation(s[i + 2]) || !is_continuation(s[i + 3])) {
      return -1;
    }
    if ((lead == 0xF0 && s[i + 1] < 0x90) || (lead == 0xF4 && s[i + 1] > 0x8F)) return -1;  // overlong; past U+10FFFF
    const int32_t c =
        ((lead & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    i += 4;
    return c;
  }
  return -1;
}

}  // namespace

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;

// Bit 7 clear in each byte of `word` that equals `c` (ASCII), exactly so in
// the bytes below its lowest non-ASCII byte: for an ASCII byte x, x + 0x7F
// sets bit 7 exactly when x != 0 and carries into no other byte (a
// non-ASCII byte may carry, but only into the bytes above it).
uint64_t unequal_bytes(uint64_t word, char c) { return (word ^ (kOnes * static_cast<uint8_t>(c))) + kOnes * 0x7F; }

// Notes base + the byte index of each bit 7 set in `bytes`, in order.
void note_bytes(int32_t*& to, uint64_t bytes, int32_t base) {
  for (; bytes != 0; bytes &= bytes - 1) *to++ = base + std::countr_zero(bytes) / 8;
}

#if defined(__SSE2__)
// Notes base + the index of each bit set in `bits`, in order.
void note_bits(int32_t*& to, uint32_t bits, int32_t base) {
  for (; bits != 0; bits &= bits - 1) *to++ = base + std::countr_zero(bits);
}
#endif

// Whether decode reads sixteen bytes a step with SSE2 where it can: tests
// hold it to the portable eight-byte steps.
enum class Steps { portable, widest };

// decode_utf8, noting the sign units in *signs when given.
template <bool kNoteSigns, Steps kSteps>
void decode(std::string_view utf8, std::u16string& out, int32_t& replaced, SignUnits* signs) {
  replaced = 0;
  // Never more UTF-16 units than UTF-8 bytes: written in place, then trimmed.
  out.resize(utf8.size());
  char16_t* const begin = out.data();
  char16_t* o = begin;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  auto offset = [begin](const char16_t* at) { return static_cast<int32_t>(at - begin); };
  // The same for the sign units: at most one of each kind per unit.
  int32_t *dots = nullptr, *ats = nullptr, *hashes = nullptr, *dollars = nullptr, *non_ascii = nullptr;
  if constexpr (kNoteSigns) {
    signs->prepare(utf8.size());
    dots = signs->begin(SignUnits::kDot);
    ats = signs->begin(SignUnits::kAt);
    hashes = signs->begin(SignUnits::kHash);
    dollars = signs->begin(SignUnits::kDollar);
    non_ascii = signs->begin(SignUnits::kNonAscii);
  }
  int32_t i = 0;
  while (i < length) {
#if defined(__SSE2__)
    // As the eight-byte step below, sixteen bytes at a time: one compare per
    // sign for all of them, and a movemask gives the bytes as bits.
    if (kSteps == Steps::widest && length - i >= 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i zero = _mm_setzero_si128();
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), _mm_unpacklo_epi8(bytes, zero));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 8), _mm_unpackhi_epi8(bytes, zero));
      const auto high = static_cast<uint32_t>(_mm_movemask_epi8(bytes));  // bit k: byte k is not ASCII
      const int32_t ascii = high == 0 ? 16 : std::countr_zero(high);
      if constexpr (kNoteSigns) {
        const uint32_t counted = (high - 1) & ~high & 0xFFFF;  // the bytes below the first non-ASCII one
        const auto equal = [&](char c) {
          return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)))) & counted;
        };
        const uint32_t dot = equal('.'), at = equal('@'), hash = equal('#'), dollar = equal('$');
        if ((dot | at | hash | dollar) != 0) {
          const int32_t base = offset(o);
          note_bits(dots, dot, base);
          note_bits(ats, at, base);
          note_bits(hashes, hash, base);
          note_bits(dollars, dollar, base);
        }
      }
      o += ascii;
      i += ascii;
      if (ascii == 16) continue;
    } else
#endif
    // ASCII, most of any text: eight bytes at a time. All eight are written
    // (each is one unit, and units never outrun bytes, so they fit); only
    // those before the first non-ASCII byte count, the rest are overwritten.
    if (length - i >= 8) {
      uint8_t chunk[8];  // a copy: the compiler need not fear that writing `o` changes `s`
      std::memcpy(chunk, s + i, sizeof chunk);
      for (size_t k = 0; k < sizeof chunk; ++k) o[k] = chunk[k];
      uint64_t word;
      std::memcpy(&word, chunk, sizeof word);
      // The bytes with their high bit set; byte k of the text is byte k of `word`.
      static_assert(std::endian::native == std::endian::little);
      const uint64_t high = word & (kOnes * 0x80);
      const int32_t ascii = high == 0 ? 8 : std::countr_zero(high) / 8;
      if constexpr (kNoteSigns) {
        // Bit 7 of each ASCII byte below the lowest non-ASCII one.
        const uint64_t counted = (high - 1) & ~high & (kOnes * 0x80);
        const uint64_t not_dot = unequal_bytes(word, '.'), not_at = unequal_bytes(word, '@'),
                       not_hash = unequal_bytes(word, '#'), not_dollar = unequal_bytes(word, '$');
        // Most chunks hold no sign: one test for all four kinds.
        if ((~(not_dot & not_at & not_hash & not_dollar) & counted) != 0) {
          const int32_t base = offset(o);
          note_bytes(dots, ~not_dot & counted, base);
          note_bytes(ats, ~not_at & counted, base);
          note_bytes(hashes, ~not_hash & counted, base);
          note_bytes(dollars, ~not_dollar & counted, base);
        }
      }
      o += ascii;
      i += ascii;
      if (ascii == 8) continue;
    } else if (s[i] < 0x80) {
      if constexpr (kNoteSigns) {
        switch (s[i]) {
          case '.': *dots++ = offset(o); break;
          case '@': *ats++ = offset(o); break;
          case '#': *hashes++ = offset(o); break;
          case '$': *dollars++ = offset(o); break;
          default: break;
        }
      }
      *o++ = s[i++];
      continue;
    }
    UChar32 c = next_well_formed(s, i, length);
    if (c < 0) {
      // U8_NEXT_OR_FFFD consumes a maximal invalid subsequence per U+FFFD.
      U8_NEXT_OR_FFFD(s, i, length, c);
      if (c == 0xFFFD && !(i >= 3 && s[i - 3] == 0xEF && s[i - 2] == 0xBF && s[i - 1] == 0xBD)) {
        ++replaced;
      }
    }
    if constexpr (kNoteSigns) {
      *non_ascii++ = offset(o);
      if (c == 0xFF20) *ats++ = offset(o);  // fullwidth at and hash signs
      else if (c == 0xFF03) *hashes++ = offset(o);
    }
    if (c <= 0xFFFF) {
      *o++ = static_cast<char16_t>(c);
    } else {
      *o++ = static_cast<char16_t>(U16_LEAD(c));
      if constexpr (kNoteSigns) *non_ascii++ = offset(o);
      *o++ = static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  out.resize(static_cast<size_t>(o - begin));
  if constexpr (kNoteSigns) {
    signs->set_end(SignUnits::kDot, dots);
    signs->set_end(SignUnits::kAt, ats);
    signs->set_end(SignUnits::kHash, hashes);
    signs->set_end(SignUnits::kDollar, dollars);
    signs->set_end(SignUnits::kNonAscii, non_ascii);
  }
}

}  // namespace

void decode_utf8(std::string_view utf8, std::u16string& out, int32_t& replaced) {
  decode<false, Steps::widest>(utf8, out, replaced, nullptr);
}

void decode_utf8(std::string_view utf8, std::u16string& out, int32_t& replaced, SignUnits& sign_units) {
  decode<true, Steps::widest>(utf8, out, replaced, &sign_units);
}

void decode_utf8_portable(std::string_view utf8, std::u16string& out, int32_t& replaced, SignUnits& sign_units) {
  decode<true, Steps::portable>(utf8, out, replaced, &sign_units);
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
