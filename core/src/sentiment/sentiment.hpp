// Social-media-aware sentiment (valence lexicon, intensifiers, negation,
// "but", ALL-CAPS and "!" emphasis, emoji and emoticons). See docs/sentiment.md.
#pragma once
#include "document.hpp"
#include "sentiment/lexicon.hpp"

namespace chime::sentiment {

// compound in [-1, 1]; pos + neu + neg = 1 (each rounded to 3 decimals).
// Reads the words from doc.tokens' folded forms, the emoji from its emoji
// tokens and the clause breaks from doc.sentences. `lexicon`: the words of
// the post's language (Lexicon::get(language)); one scorer for all.
Sentiment score(const Document& doc, const Lexicon& lexicon = Lexicon::get());

}  // namespace chime::sentiment
