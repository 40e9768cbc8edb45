// Splits a Document's text into tokens and sentences: ICU's word and
// sentence boundaries (UAX #29 with ICU 72's root rules). Text is segmented
// by Chime's own rendering of those rules: ASCII words as the scan meets
// them, the text around non-ASCII pieces over cached character classes
// (Chime's ICU data has no dictionaries, so CJK and Thai follow the rules
// alone); only texts with the few Extend characters that are also Han or
// ideographic go to ICU's word break iterator. Keeps its state between
// calls (ICU's iterators are costly to create); not thread-safe.
#pragma once
#include <memory>

#include "document.hpp"

namespace chime {

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  // Fills doc.tokens and doc.sentences from doc.text.
  void run(Document& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chime
