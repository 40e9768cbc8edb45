// Words, sentences and the Flesch-Kincaid grade of a Document. Entities
// (URLs, @mentions, #hashtags, $cashtags) and emoji are not words.
#pragma once
#include "document.hpp"

namespace chime {

Readability measure_readability(const Document& doc);
// English syllable estimate for one case-folded word (vowel groups, silent
// e); 1 for a word beyond ASCII.
int32_t count_syllables(std::string_view folded_word);

}  // namespace chime
