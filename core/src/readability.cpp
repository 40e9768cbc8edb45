#include "readability.hpp"

#include <cmath>

namespace chime {

namespace {
constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
}  // namespace

int32_t count_syllables(std::string_view w) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  int32_t groups = 0;  // of vowels
  bool after_vowel = false;
  for (const char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return 1;
    const bool vowel = is_vowel(c);
    if (vowel && !after_vowel) ++groups;
    after_vowel = vowel;
  }
  // Silent final e ("care"), but not "-le" after a consonant ("simple").
  const size_t n = w.size();
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) --groups;
  if (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd' && !(w[n - 3] == 't' || w[n - 3] == 'd')) --groups;
  return groups < 1 ? 1 : groups;
}

Readability measure_readability(const Document& doc) {
  Readability r;
  int32_t syllables = 0;
  for (const Sentence& s : doc.sentences) {
    int32_t words_here = 0;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      // Numbers are not words a reader must decode (nor are URLs, handles, hashtags).
      if (t.kind != TokenKind::word && t.kind != TokenKind::ideo) continue;
      if (doc.in_entity(t.start, t.end)) continue;
      ++words_here;
      syllables += t.kind == TokenKind::word ? count_syllables(t.folded) : 1;
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
