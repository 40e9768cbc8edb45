#include "readability.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace chime {

namespace {
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// count_syllables reads a word eight bytes at a time, byte i of the word in
// byte i of a 64-bit integer (the same on x86 and wasm).
static_assert(std::endian::native == std::endian::little);
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = kOnes * 0x80;

// Bytes [0, n) of `s` (n <= 8) as an integer, the bytes past n zero.
uint64_t load_bytes(const char* s, size_t n) {
  if (n >= 4) {  // two four-byte reads that may overlap
    uint32_t head = 0, tail = 0;
    std::memcpy(&head, s, 4);
    std::memcpy(&tail, s + n - 4, 4);
    return head | (static_cast<uint64_t>(tail) << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  const auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

// The high bit of each byte of `x` that is a vowel (a e i o u y). Every byte
// is ASCII: XOR with a vowel leaves 0..0x7F, and adding 0x7F sets the high
// bit (without a carry into the next byte) unless the byte was that vowel.
uint64_t vowel_bits(uint64_t x) {
  uint64_t vowels = 0;
  for (const char v : {'a', 'e', 'i', 'o', 'u', 'y'}) vowels |= ~((x ^ (kOnes * static_cast<uint8_t>(v))) + kOnes * 0x7F);
  return vowels & kHighBits;
}

// Vowel groups (a vowel after a non-vowel opens one) in an ASCII word, or -1
// if it has a byte that is not ASCII.
inline int32_t vowel_groups(std::string_view w) {
  int32_t groups = 0;
  uint64_t before = 0;  // the high bit set when the byte before the chunk is a vowel
  for (size_t at = 0; at < w.size(); at += 8) {
    const uint64_t x = load_bytes(w.data() + at, std::min<size_t>(8, w.size() - at));
    if (x & kHighBits) return -1;
    const uint64_t vowels = vowel_bits(x);
    const uint64_t opens = vowels & ~((vowels << 8) | before);
    groups += static_cast<int32_t>((((opens >> 7) * kOnes) >> 56));  // one per opening byte: at most 8
    before = (vowels >> 56) & 0x80;
  }
  return groups;
}

inline int32_t syllables_of(std::string_view w) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  int32_t groups = vowel_groups(w);
  if (groups < 0) return 1;
  const size_t n = w.size();
  // Silent final e ("care"), but not "-le" after a consonant ("simple").
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) {
    --groups;
  }
  if (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd' && !(w[n - 3] == 't' || w[n - 3] == 'd')) --groups;
  return groups < 1 ? 1 : groups;
}
}  // namespace

int32_t count_syllables(std::string_view w) { return syllables_of(w); }

Readability measure_readability(const Document& doc) {
  Readability r;
  int32_t syllables = 0;
  for (const Sentence& s : doc.sentences) {
    int32_t words_here = 0;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::word && t.kind != TokenKind::number && t.kind != TokenKind::ideo) continue;
      if (doc.in_entity(t.start, t.end)) continue;
      ++words_here;
      syllables += t.kind == TokenKind::word ? syllables_of(t.folded) : 1;
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
