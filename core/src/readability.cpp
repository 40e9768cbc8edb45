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

// count_syllables, inline in the readability pass that calls it per word.
inline int32_t syllables_of(std::string_view w) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  int32_t groups = 0;
  uint8_t prev = kOther, seen = kOther;
  for (char c : w) {
    const uint8_t kind = kByteKind[static_cast<unsigned char>(c)];
    groups += kind & ~prev & kVowel;  // a vowel after a non-vowel opens a group
    prev = kind;
    seen |= kind;  // asked once after the loop: no branch per letter
  }
  if (seen & kNonAscii) return 1;
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
