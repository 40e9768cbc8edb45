#include "readability.hpp"

#include <array>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chime {

namespace {
constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// count_syllables as a table-driven scan: one row per "the byte before was
// a vowel" (row 0: no, row 256: yes), each entry 1 where the byte opens a
// group of vowels, and the row each byte leads to. One load for the count
// and one for the next row per letter, no arithmetic on kinds.
constexpr bool is_vowel_byte(size_t b) { return b < 0x80 && is_vowel(static_cast<char>(b)); }
constexpr size_t kAfterVowel = 256;
constexpr std::array<uint8_t, 2 * kAfterVowel> kOpensGroup = [] {
  std::array<uint8_t, 2 * kAfterVowel> opens{};
  for (size_t b = 0; b < kAfterVowel; ++b) opens[b] = is_vowel_byte(b) ? 1 : 0;  // row 0 only
  return opens;
}();
constexpr std::array<uint16_t, 256> kRowAfter = [] {
  std::array<uint16_t, 256> rows{};
  for (size_t b = 0; b < rows.size(); ++b) rows[b] = is_vowel_byte(b) ? kAfterVowel : 0;
  return rows;
}();

#if defined(__SSE2__)
// The vowel groups of a word of at most 16 bytes, all sixteen looked at in
// one step (the 16 bytes from `p` must be readable): a bit per vowel, and a
// group opens at each vowel whose byte before is not one. False if a byte of
// the word is not ASCII.
inline bool vowel_groups_sse2(const char* p, size_t n, int32_t& groups) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned in_word = (1u << n) - 1;
  if ((static_cast<unsigned>(_mm_movemask_epi8(bytes)) & in_word) != 0) return false;
  const auto is = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  const __m128i vowels = _mm_or_si128(_mm_or_si128(_mm_or_si128(is('a'), is('e')), _mm_or_si128(is('i'), is('o'))),
                                      _mm_or_si128(is('u'), is('y')));
  const unsigned vowel_bits = static_cast<unsigned>(_mm_movemask_epi8(vowels)) & in_word;
  groups = 0;
  for (unsigned opens = vowel_bits & ~(vowel_bits << 1); opens != 0; opens &= opens - 1) ++groups;
  return true;
}
#endif

// count_syllables, inline in the readability pass that calls it per word
// (a call per word would cost as much as the scan of a short one).
// `readable_end`: where the bytes the caller may read end (16 bytes past a
// short word's start let it be looked at in one step), or null.
[[gnu::always_inline]] inline int32_t syllables_of(std::string_view w, const char* readable_end) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  int32_t groups = 0;
  const size_t n = w.size();
#if defined(__SSE2__)
  if (n <= 16 && readable_end != nullptr && readable_end - w.data() >= 16) {
    if (!vowel_groups_sse2(w.data(), n, groups)) return 1;
  } else
#else
  (void)readable_end;
#endif
  {
    size_t row = 0;
    unsigned seen = 0;  // every byte or-ed: bit 7 set if any is not ASCII
    for (char c : w) {
      const auto b = static_cast<unsigned char>(c);
      groups += kOpensGroup[row + b];  // a vowel after a non-vowel opens a group
      row = kRowAfter[b];
      seen |= b;  // asked once after the loop: no branch per letter
    }
    if (seen & 0x80) return 1;
  }
  // Silent final e ("care"), but not "-le" after a consonant ("simple").
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) {
    --groups;
  }
  if (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd' && !(w[n - 3] == 't' || w[n - 3] == 'd')) --groups;
  return groups < 1 ? 1 : groups;
}
}  // namespace

int32_t count_syllables(std::string_view w, const char* readable_end) { return syllables_of(w, readable_end); }

Readability measure_readability(const Document& doc) {
  Readability r;
  int32_t syllables = 0;
  const char* chars_end = doc.token_chars.data() + doc.token_chars.size();
  for (const Sentence& s : doc.sentences) {
    int32_t words_here = 0;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      // Numbers are not words a reader must decode (nor are URLs, handles, hashtags).
      if (t.kind != TokenKind::word && t.kind != TokenKind::ideo) continue;
      if (doc.in_entity(t.start, t.end)) continue;
      ++words_here;
      syllables += t.kind == TokenKind::word ? syllables_of(t.folded, chars_end) : 1;
    }
    r.words += words_here;
    if (words_here > 0) ++r.sentences;
  }
  if (r.words > 0 && r.sentences > 0) {
    // Flesch-Kincaid grade level (Kincaid et al., 1975).
    double grade = 0.39 * r.words / r.sentences + 11.8 * syllables / r.words - 15.59;
    if (grade < 0) grade = 0;
    r.grade = std::round(grade * 10) / 10;
  }
  return r;
}

}  // namespace chime
