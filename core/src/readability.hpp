// Words, sentences and the Flesch-Kincaid grade of a Document. Entities
// (URLs, @mentions, #hashtags, $cashtags) and emoji are not words.
#pragma once
#include "document.hpp"

namespace chime {

Readability measure_readability(const Document& doc);
// English syllable estimate for one case-folded word (vowel groups, silent e).
// If the 16 bytes from the word's start are readable (up to `readable_end`),
// a short word is looked at in one step; the count is the same either way.
int32_t count_syllables(std::string_view folded_word, const char* readable_end = nullptr);

}  // namespace chime
