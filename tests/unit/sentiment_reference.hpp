// The reference VADER scoring that sentiment::score is held to (see
// sentiment_reference.cpp).
#pragma once
#include "chime/result.hpp"
#include "document.hpp"

namespace chime::testing {

Sentiment score_reference(const Document& doc);

}  // namespace chime::testing
