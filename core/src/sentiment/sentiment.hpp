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

// False for every code point beyond ASCII that text::is_space cannot be
// (outside U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000, U+FEFF), so the
// scans ask ICU only for the few that may be (tested over every code point).
inline bool may_be_space(int32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x205F) || c == 0x3000 || c == 0xFEFF;
}

}  // namespace chime::sentiment
