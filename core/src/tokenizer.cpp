#include "tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "icu/icu_data.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

using text::is_space;

TokenKind classify(std::u16string_view piece, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
  UChar32 c;
  U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), c);
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
      u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
      (piece.size() > 1 && u_hasBinaryProperty(c, UCHAR_EMOJI))) {
    return TokenKind::emoji;
  }
  return TokenKind::punct;
}

bool is_ascii(std::u16string_view piece) {
  return std::all_of(piece.begin(), piece.end(), [](char16_t c) { return c < 0x80; });
}

bool all_caps(std::u16string_view piece) {
  int32_t letters = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(piece.size());) {
    UChar32 c;
    U16_NEXT(piece.data(), i, static_cast<int32_t>(piece.size()), c);
    if (text::is_alpha(c)) {
      if (!text::is_upper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

std::unique_ptr<icu::BreakIterator> make(bool words) {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale root = icu::Locale::getRoot();
  std::unique_ptr<icu::BreakIterator> it(words ? icu::BreakIterator::createWordInstance(root, status)
                                               : icu::BreakIterator::createSentenceInstance(root, status));
  if (U_FAILURE(status) || !it) {
    throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
  }
  return it;
}

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words = make(true);
  std::unique_ptr<icu::BreakIterator> sentences = make(false);
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

void Tokenizer::run(Document& doc) {
  doc.tokens.clear();
  doc.sentences.clear();
  const std::u16string& text = doc.text;
  const auto n = static_cast<int32_t>(text.size());
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), n, &status);

  icu::BreakIterator& wb = *impl_->words;
  wb.setText(&ut, status);
  int32_t start = wb.first();
  for (int32_t end = wb.next(); end != icu::BreakIterator::DONE; start = end, end = wb.next()) {
    std::u16string_view piece(text.data() + start, static_cast<size_t>(end - start));
    UChar32 first;
    U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), first);
    if (is_space(first)) continue;
    Token t;
    t.start = start;
    t.end = end;
    t.kind = classify(piece, wb.getRuleStatus());
    UChar32 prev = 0;
    if (start > 0) U16_GET(text.data(), 0, start - 1, n, prev);
    t.space_before = start == 0 || is_space(prev);
    t.all_caps = t.kind == TokenKind::word && all_caps(piece);
    if (is_ascii(piece)) {
      // Most tokens: full case folding of ASCII is lower-casing, no ICU needed.
      t.text.resize(piece.size());
      t.folded.resize(piece.size());
      for (size_t k = 0; k < piece.size(); ++k) {
        const char16_t c = piece[k];
        t.text[k] = static_cast<char>(c);
        t.folded[k] = static_cast<char>(c >= u'A' && c <= u'Z' ? c - u'A' + u'a' : c);
      }
    } else {
      t.text = text::to_utf8(piece);
      t.folded = text::to_utf8(text::fold(piece));
    }
    t.folded_hash = std::hash<std::string>{}(t.folded);
    doc.tokens.push_back(std::move(t));
  }

  icu::BreakIterator& sb = *impl_->sentences;
  sb.setText(&ut, status);
  size_t token = 0;
  start = sb.first();
  for (int32_t end = sb.next(); end != icu::BreakIterator::DONE; start = end, end = sb.next()) {
    int32_t trimmed = end;
    while (trimmed > start && is_space(text[static_cast<size_t>(trimmed - 1)])) --trimmed;
    if (trimmed == start) continue;
    Sentence s;
    s.start = start;
    s.end = trimmed;
    while (token < doc.tokens.size() && doc.tokens[token].start < start) ++token;
    s.first_token = token;
    while (token < doc.tokens.size() && doc.tokens[token].start < end) ++token;
    s.last_token = token;
    doc.sentences.push_back(s);
  }
  utext_close(&ut);
  if (U_FAILURE(status)) throw std::runtime_error("ICU break iteration failed");
}

}  // namespace chime
