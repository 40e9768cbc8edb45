// The reference VADER scoring that sentiment::score is held to (see
// sentiment_reference.cpp).
#pragma once
#include "chime/result.hpp"
#include "document.hpp"
#include "sentiment/lexicon.hpp"

namespace chime::testing {

// `lexicon`: the words of the text's language, as sentiment::score takes them.
Sentiment score_reference(const Document& doc, const sentiment::Lexicon& lexicon = sentiment::Lexicon::get());

}  // namespace chime::testing
