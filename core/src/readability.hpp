// Words, sentences and the reading grade of a Document. Entities
// (URLs, @mentions, #hashtags, $cashtags) and emoji are not words.
#pragma once
#include "document.hpp"
#include "language.hpp"

namespace chime {

// A Spanish post gets the Fernández-Huerta reading ease mapped to a school
// grade (docs/rules/tone.md), any other the Flesch-Kincaid grade.
Readability measure_readability(const Document& doc, Language language);
// English syllable estimate for one case-folded word (vowel groups, silent
// e); 1 for a word beyond ASCII.
int32_t count_syllables(std::string_view folded_word);
// Spanish syllables of one case-folded word: vowel nuclei, a diphthong or a
// triphthong counting one, two strong vowels or an accented í/ú beside a
// vowel two ("le-er", "dí-a"); at least 1.
int32_t count_spanish_syllables(std::string_view folded_word);
// The school grade of a Fernández-Huerta reading ease, from the scale
// published with it (docs/rules/tone.md).
double fernandez_huerta_grade(double ease);

}  // namespace chime
