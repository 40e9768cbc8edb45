#include "readability.hpp"

#include <array>
#include <cmath>

namespace chime {

namespace {
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Each byte's kind for count_syllables, looked up once per letter.
enum : uint8_t { kOther = 0, kVowel = 1, kNonAscii = 2 };
constexpr std::array<uint8_t, 256> kByteKind = [] {
  std::array<uint8_t, 256> kinds{};
  for (int b = 0x80; b < 256; ++b) kinds[static_cast<size_t>(b)] = kNonAscii;
  for (char c : {'a', 'e', 'i', 'o', 'u', 'y'}) kinds[static_cast<unsigned char>(c)] = kVowel;
  return kinds;
}();

// Vowel bytes as 1, every other byte as 0.
constexpr std::array<uint8_t, 256> kVowelBit = [] {
  std::array<uint8_t, 256> bits{};
  for (char c : {'a', 'e', 'i', 'o', 'u', 'y'}) bits[static_cast<unsigned char>(c)] = 1;
  return bits;
}();

// Set bits of each byte value (baseline x86-64 has no popcount instruction).
constexpr std::array<uint8_t, 256> kBitCount = [] {
  std::array<uint8_t, 256> counts{};
  for (size_t b = 1; b < 256; ++b) counts[b] = static_cast<uint8_t>(counts[b / 2] + (b & 1));
  return counts;
}();

// Words up to this long are counted with a vowel mask; longer ones (rare)
// by the byte-kind loop.
constexpr size_t kMaskedWordMax = 64;

// The silent-e and -ed corrections and the floor of one, for an ASCII word
// with `groups` vowel groups.
inline int32_t corrected(std::string_view w, int32_t groups) {
  const size_t n = w.size();
  // Silent final e ("care"), but not "-le" after a consonant ("simple").
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) {
    --groups;
  }
  if (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd' && !(w[n - 3] == 't' || w[n - 3] == 'd')) --groups;
  return groups < 1 ? 1 : groups;
}

// count_syllables, inline in the readability pass that calls it per word.
inline int32_t syllables_of(std::string_view w) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  if (w.size() <= kMaskedWordMax) {
    // Each byte shifts its vowel bit into a mask (newest byte lowest); a
    // group opens at each vowel with no vowel before it, i.e. at each set bit
    // of mask & ~(mask >> 1). Only the mask is carried from byte to byte.
    uint64_t vowels = 0;
    unsigned bytes_or = 0;
    for (char c : w) {
      const auto b = static_cast<unsigned char>(c);
      vowels = (vowels << 1) | kVowelBit[b];
      bytes_or |= b;
    }
    if (bytes_or & 0x80) return 1;
    int32_t groups = 0;
    uint64_t opens = vowels & ~(vowels >> 1);
    do {
      groups += kBitCount[opens & 0xff];
      opens >>= 8;
    } while (opens != 0);
    return corrected(w, groups);
  }
  int32_t groups = 0;
  uint8_t prev = kOther, seen = kOther;
  for (char c : w) {
    const uint8_t kind = kByteKind[static_cast<unsigned char>(c)];
    groups += kind & ~prev & kVowel;  // a vowel after a non-vowel opens a group
    prev = kind;
    seen |= kind;  // asked once after the loop: no branch per letter
  }
  if (seen & kNonAscii) return 1;
  return corrected(w, groups);
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
