// The analysed text as every rule sees it: the UTF-16 text, its tokens and
// sentences (ICU word and sentence boundaries), the X entities and length,
// and the draft's context and configuration. Built once per analysis.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chime/config.hpp"
#include "chime/context.hpp"
#include "chime/result.hpp"

namespace chime {

enum class TokenKind : uint8_t {
  word,    // letters (may hold digits, apostrophes: "don't", "covid19")
  number,  // digits, "3.5", "1,000"
  emoji,   // an emoji sequence (ZWJ, skin tone, flag, keycap)
  ideo,    // ideographic / kana / Thai etc. (dictionary scripts)
  punct,   // punctuation and symbols: "#", "@", "%", "!", "?", "-", ...
};

struct Token {
  int32_t start = 0;      // UTF-16 offsets into Document::text
  int32_t end = 0;
  TokenKind kind = TokenKind::word;
  bool space_before = false;  // whitespace (or start of text) right before it
  bool all_caps = false;      // word with >= 2 letters, all upper case
  // Views of Document::token_chars, valid as long as the Document.
  std::string_view text;      // UTF-8, as written
  std::string_view folded;    // UTF-8, case-folded, curly apostrophes made straight
  size_t folded_hash = 0;     // text::token_hash of `folded`, computed once for phrase lookups
};

struct Sentence {
  int32_t start = 0;       // UTF-16, trailing whitespace excluded
  int32_t end = 0;
  size_t first_token = 0;  // tokens[first_token, last_token) lie in it
  size_t last_token = 0;
};

struct Document {
  std::u16string text;     // what offsets refer to
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // The bytes of the tokens' text and folded forms. On the heap, so that
  // moving the Document keeps the views valid; copying would not, so a
  // Document cannot be copied.
  std::vector<char> token_chars;
  Entities entities;
  LengthInfo length;
  const Context* context = nullptr;
  const Config* config = nullptr;
  // The caller's UTF-8 of `text` while it is analysed, when it decoded without
  // a replacement (so its bytes are exactly `text` in UTF-8); empty otherwise.
  // A view: the Analyzer sets it for one analysis and clears it after.
  std::string_view utf8_source;

  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  std::string utf8(int32_t start, int32_t end) const;  // text[start, end) as UTF-8
  void append_utf8(std::string& out, int32_t start, int32_t end) const;  // the same, appended to `out`
  // True when utf8_source holds the text and every character is ASCII, so
  // that UTF-16 offsets are byte offsets into it.
  bool ascii_source() const { return !utf8_source.empty() && utf8_source.size() == text.size(); }
  int32_t size() const { return static_cast<int32_t>(text.size()); }
  // Index of the token containing UTF-16 offset `pos`, or tokens.size().
  size_t token_at(int32_t pos) const;
  // True if [start, end) overlaps an entity of any kind (URLs, mentions, ...).
  // Rules ask for nearly every token: a tweet's few spans are scanned inline,
  // in start order, until one starts at or after `end`.
  bool in_entity(int32_t start, int32_t end) const {
    if (!entities_indexed_ || entity_spans_.size() > kScannedSpans) return in_entity_search(start, end);
    for (const EntitySpan& s : entity_spans_) {
      if (s.start >= end) return false;
      if (s.end > start) return true;
    }
    return false;
  }
  // True if an entity starts before `pos` and ends after it: an edit whose
  // span starts or ends at `pos` would cut into it.
  bool splits_entity(int32_t pos) const;
  // Sorts the entities' spans for in_entity, which rules ask for every token;
  // call it once `entities` is final (until then in_entity reads the lists).
  void index_entities();

 private:
  struct EntitySpan {
    int32_t start, end;
    int32_t max_end;  // the largest end of this span and those before it
  };
  static constexpr size_t kScannedSpans = 8;  // more: a binary search
  bool in_entity_search(int32_t start, int32_t end) const;
  std::vector<EntitySpan> entity_spans_;
  bool entities_indexed_ = false;
};

}  // namespace chime
