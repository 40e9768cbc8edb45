// PLACEHOLDER until the sentiment model lands.
#include "sentiment/sentiment.hpp"
namespace chime::sentiment {
Sentiment score(const Document&) { return {0, 0, 1, 0}; }
}  // namespace chime::sentiment
