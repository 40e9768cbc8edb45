// Phrase lists: sequences of case-folded tokens matched against a Document's
// tokens (ICU word boundaries), so "best" does not match "bestseller".
//
// Data format (core/data/phrases/*.tsv), one phrase a line:
//   # comment (a '#' then a space; "#1" is a phrase)
//   phrase<TAB>replacement one|replacement two<TAB>note
// Only the phrase is required. A phrase is tokenised like the text: words,
// numbers and each punctuation mark are tokens ("state-of-the-art" is seven
// tokens; "state of the art" is four, so list both if both are meant). Where
// the phrase has no space between two tokens the text must have none either
// ("#1" matches "#1", not "# 1"). "*" matches any one word or number.
#pragma once
#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document.hpp"

namespace chime {

struct Phrase {
  std::vector<std::string> tokens;  // folded; "*" = any word
  std::vector<size_t> hashes;       // std::hash of each token (as Token::folded_hash)
  std::vector<bool> joined;         // joined[i]: no space before tokens[i] (i > 0)
  std::string text;                 // as written in the list
  std::vector<std::string> replacements;
  std::string note;
};

struct PhraseMatch {
  const Phrase* phrase = nullptr;
  size_t first_token = 0, last_token = 0;  // tokens[first, last)
  int32_t start = 0, end = 0;              // UTF-16
};

class PhraseList {
 public:
  // Parses a TSV list (format above). `source` names it in error messages.
  static PhraseList parse(std::string_view tsv, std::string_view source);
  // A list from plain phrases (configuration).
  static PhraseList from_phrases(const std::vector<std::string>& phrases);
  // core/data/<name>, parsed once and kept for the life of the program.
  static const PhraseList& builtin(std::string_view name);

  // Non-overlapping matches, left to right, longest first at each position,
  // within tokens[first, last) (default: the whole document).
  std::vector<PhraseMatch> find(const Document& doc, size_t first = 0,
                                size_t last = static_cast<size_t>(-1)) const;
  bool any(const Document& doc, size_t first = 0, size_t last = static_cast<size_t>(-1)) const {
    return !find(doc, first, last).empty();
  }
  const std::vector<Phrase>& phrases() const { return phrases_; }

 private:
  void add(Phrase p);
  std::vector<Phrase> phrases_;
  // Phrases by the hash of their first token (Token::folded_hash, so that a
  // document's tokens are hashed once, not once per list); lookup only.
  std::unordered_map<size_t, std::vector<size_t>> by_first_;
  // A bit per first-token hash (mod 4096): most of a text's tokens start no
  // phrase of a list, and one bit test turns them away before the map.
  std::bitset<4096> first_hashes_;
  std::vector<size_t> wildcard_first_;
};

// Tokenises a short string the way documents are tokenised.
std::vector<Token> tokenize(std::u16string_view text);

}  // namespace chime
