// Splits a Document's text into tokens and sentences with ICU's word and
// sentence break iterators. Keeps the iterators between calls (they are
// costly to create); not thread-safe.
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
