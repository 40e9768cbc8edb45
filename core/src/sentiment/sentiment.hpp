// Social-media-aware sentiment (valence lexicon, intensifiers, negation,
// "but", ALL-CAPS and "!" emphasis, emoji and emoticons). See docs/sentiment.md.
#pragma once
#include <cstdint>
#include <string_view>

#include "document.hpp"

namespace chime::sentiment {

// compound in [-1, 1]; pos + neu + neg = 1 (each rounded to 3 decimals).
Sentiment score(const Document& doc);
// The same by the straightforward steps (every word in a list, grouped into
// units, each valued in its context), for the test that holds score to it.
Sentiment score_reference(const Document& doc);

// What the scorer reads from one white-space-separated piece of text: whether
// it is a word, its entry in Lexicon::valence (-1: none), ALL CAPS, letters,
// a key ending in "n't". By the one-scan fast path or by the general path,
// for the test that holds the two equal (tests/unit/test_sentiment_fast.cpp).
struct PieceReading {
  bool is_word = false;
  int32_t entry = -1;
  bool caps = false;
  bool letters = false;
  bool nt_negation = false;
  bool operator==(const PieceReading&) const = default;
};
PieceReading read_piece(std::u16string_view piece, bool fast_path);

}  // namespace chime::sentiment
