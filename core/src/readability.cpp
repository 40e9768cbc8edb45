#include "readability.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace chime {

namespace {
// A bit per letter of the alphabet, set for the vowels. Whether the next
// letter is a vowel is a coin toss to the branch predictor, so the test is
// one shift, and a vowel group's start is counted by adding, not branching.
constexpr uint32_t kVowelBits = 1u << ('a' - 'a') | 1u << ('e' - 'a') | 1u << ('i' - 'a') | 1u << ('o' - 'a') |
                                1u << ('u' - 'a') | 1u << ('y' - 'a');
constexpr bool is_vowel(char c) {
  const uint32_t letter = static_cast<uint32_t>(static_cast<unsigned char>(c)) - 'a';
  return ((kVowelBits >> (letter & 31)) & static_cast<uint32_t>(letter < 26)) != 0;
}
}  // namespace

int32_t count_syllables(std::string_view w) {
  // Non-ASCII words (other scripts) count one syllable: the grade is an
  // English measure and should not punish them.
  int32_t groups = 0;  // of vowels
  bool after_vowel = false;
  for (const char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return 1;
    const bool vowel = is_vowel(c);
    groups += static_cast<int32_t>(vowel) & static_cast<int32_t>(!after_vowel);
    after_vowel = vowel;
  }
  // Silent final e ("care"), but not "-le" after a consonant ("simple").
  const size_t n = w.size();
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) --groups;
  if (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd' && !(w[n - 3] == 't' || w[n - 3] == 'd')) --groups;
  return groups < 1 ? 1 : groups;
}

namespace {

// A Spanish vowel's kind: strong (a, e, o, and every accented vowel but í
// and ú... see below), weak (i, u, ü) or not a vowel. An accented weak vowel
// (í, ú) stands on its own: it breaks a diphthong ("día", "baúl").
enum class SpanishVowel { none, strong, weak, stressed_weak };

// The vowel starting at w[i] and its length in bytes (1 or 2: the accented
// vowels are two bytes of UTF-8). Case-folded input: lower case only.
SpanishVowel spanish_vowel(std::string_view w, size_t i, size_t& length) {
  length = 1;
  switch (w[i]) {
    case 'a': case 'e': case 'o': return SpanishVowel::strong;
    case 'i': case 'u': return SpanishVowel::weak;
    default: break;
  }
  if (static_cast<unsigned char>(w[i]) == 0xC3 && i + 1 < w.size()) {
    length = 2;
    switch (static_cast<unsigned char>(w[i + 1])) {
      case 0xA1: case 0xA9: case 0xB3: return SpanishVowel::strong;  // á é ó
      case 0xAD: case 0xBA: return SpanishVowel::stressed_weak;       // í ú
      case 0xBC: return SpanishVowel::weak;                            // ü
      default: break;
    }
  }
  length = 1;
  return SpanishVowel::none;
}

}  // namespace

int32_t count_spanish_syllables(std::string_view w) {
  // One syllable per vowel nucleus: a run of vowels is one syllable (a
  // diphthong "ue", "ai", a triphthong "uai") unless two strong vowels meet
  // ("le-er", "a-é-re-o") or an accented í/ú stands beside another vowel
  // ("dí-a", "ba-úl"): each such meeting starts a new syllable. "y" is a
  // consonant here ("ya", "mayo"); at the end of a word it closes a
  // diphthong ("hoy", "muy") and adds nothing. "h" between vowels is silent
  // and was left out of the rule ("prohibir" counts pro-hi-bir anyway).
  int32_t syllables = 0;
  SpanishVowel previous = SpanishVowel::none;
  for (size_t i = 0; i < w.size();) {
    size_t length = 1;
    const SpanishVowel v = spanish_vowel(w, i, length);
    if (v != SpanishVowel::none) {
      const bool hiatus = previous != SpanishVowel::none &&
                          ((previous == SpanishVowel::strong && v == SpanishVowel::strong) ||
                           previous == SpanishVowel::stressed_weak || v == SpanishVowel::stressed_weak);
      if (previous == SpanishVowel::none || hiatus) ++syllables;
    }
    previous = v;
    i += length;
  }
  return syllables < 1 ? 1 : syllables;
}

double fernandez_huerta_grade(double ease) {
  // The scale's bands (Fernández Huerta 1959): 90-100 very easy, 4th grade;
  // 80-90 easy, 5th; 70-80 fairly easy, 6th; 60-70 normal, 7th-8th; 50-60
  // fairly difficult, the last school years (to 12th); 30-50 difficult,
  // university (to 16th); 0-30 very difficult, graduate (18). Between the
  // bands' ends the grade is interpolated in a straight line.
  constexpr double kEase[] = {100, 90, 80, 70, 60, 50, 30, 0};
  constexpr double kGrade[] = {3, 4, 5, 6, 8, 12, 16, 18};
  if (ease >= kEase[0]) return kGrade[0];
  for (size_t i = 1; i < std::size(kEase); ++i) {
    if (ease >= kEase[i]) {
      return kGrade[i] + (kGrade[i - 1] - kGrade[i]) * (ease - kEase[i]) / (kEase[i - 1] - kEase[i]);
    }
  }
  return kGrade[std::size(kGrade) - 1];
}

namespace {

struct WordCounts {
  int32_t words = 0, sentences = 0, syllables = 0;
};

// Words, the sentences that have any, and syllables, in the language's way.
// Numbers are not words a reader must decode (nor are URLs, handles,
// hashtags); an ideograph counts as an English word of one syllable.
WordCounts count_words(const Document& doc, Language language) {
  const bool spanish = language == Language::es;
  WordCounts n;
  for (const Sentence& s : doc.sentences) {
    int32_t words_here = 0;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      const bool ideograph = t.kind == TokenKind::ideo && !spanish;
      if (t.kind != TokenKind::word && !ideograph) continue;
      if (doc.in_entity(t.start, t.end)) continue;
      ++words_here;
      n.syllables += ideograph ? 1 : spanish ? count_spanish_syllables(t.folded) : count_syllables(t.folded);
    }
    n.words += words_here;
    if (words_here > 0) ++n.sentences;
  }
  return n;
}

}  // namespace

Readability measure_readability(const Document& doc, Language language) {
  const WordCounts n = count_words(doc, language);
  Readability r;
  r.words = n.words;
  r.sentences = n.sentences;
  if (n.words == 0 || n.sentences == 0) return r;
  if (language == Language::es) {
    // Fernández-Huerta (1959) reading ease, 206.84 - 0.60 P - 1.02 F, with P
    // the syllables per 100 words and F the words per sentence (the
    // sentence-length term as in Flesch's formula it adapts; Law 2011).
    const double ease = 206.84 - 60.0 * n.syllables / n.words - 1.02 * n.words / n.sentences;
    r.grade = std::round(fernandez_huerta_grade(ease) * 10) / 10;
  } else {
    // Flesch-Kincaid grade level (Kincaid et al., 1975).
    const double grade = 0.39 * n.words / n.sentences + 11.8 * n.syllables / n.words - 15.59;
    r.grade = std::round(std::max(grade, 0.0) * 10) / 10;
  }
  return r;
}

}  // namespace chime
