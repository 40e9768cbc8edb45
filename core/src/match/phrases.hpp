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
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "text/unicode.hpp"

namespace chime {

// Two short strings' bytes compared in line: tokens whose hashes agree are
// nearly always equal and a few bytes long, where a call to memcmp costs
// more than the loop.
inline bool same_bytes(std::string_view x, std::string_view y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

// `s` cut at every `sep` ("a|b|" -> "a", "b", ""): the fields of a data row.
std::vector<std::string_view> split(std::string_view s, char sep);

struct Phrase {
  std::vector<std::string> tokens;  // folded; "*" = any word
  std::vector<size_t> hashes;       // text::token_hash of each token (as Token::folded_hash)
  // Per token, what matching asks besides its hash: no space before it (never
  // the first) and "*", a byte each, so no string is read for them.
  enum Flag : uint8_t { kJoined = 1, kWildcard = 2 };
  std::vector<uint8_t> flags;
  std::string text;                 // as written in the list
  std::vector<std::string> replacements;
  std::string note;

  // True if the phrase matches the document's tokens from token `i` on,
  // ending at or before token `last`.
  bool matches_at(const Document& doc, size_t i, size_t last) const;
};

struct PhraseMatch {
  const Phrase* phrase = nullptr;
  size_t first_token = 0, last_token = 0;  // tokens[first, last)
  int32_t start = 0, end = 0;              // UTF-16
};

// A set of token hashes that may answer "maybe" for a hash not in it, but
// never "no" for one that is: a bit per hash, so most misses cost a load.
class TokenHashFilter {
 public:
  // Room for about `count` hashes, few of them sharing a bit.
  void reset(size_t count) {
    size_t bits = 128;
    while (bits < count * 32) bits *= 2;
    words_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }
  void add(size_t hash) {
    const size_t bit = bit_of(hash);
    words_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool may_contain(size_t hash) const {
    const size_t bit = bit_of(hash);
    return ((words_[bit / 64] >> (bit % 64)) & 1) != 0;
  }

 private:
  // Other bits of the hash than TokenHashTable's slot index uses.
  size_t bit_of(size_t hash) const { return (hash >> 7) & mask_; }
  std::vector<uint64_t> words_ = std::vector<uint64_t>(2);  // all clear: empty
  size_t mask_ = 127;
};

// A flat open-addressing table from a token hash to a run of values, in the
// order they were given: a document's tokens are hashed once (by the
// tokenizer), and a lookup is a probe or two with no string hashing.
class TokenHashTable {
 public:
  // (hash, value) pairs; the values of one hash keep their order.
  void build(std::vector<std::pair<size_t, uint32_t>> entries);
  std::span<const uint32_t> find(size_t hash) const {
    // Most lookups miss (a text's words are rarely a phrase's first word):
    // the filter answers them without probing the slots.
    if (!filter_.may_contain(hash)) return {};
    for (size_t i = slot_of(hash);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.count == 0) return {};
      if (s.hash == hash) return {values_.data() + s.begin, s.count};
    }
  }

 private:
  struct Slot {
    size_t hash = 0;
    uint32_t begin = 0, count = 0;  // count 0: empty slot
  };
  size_t slot_of(size_t hash) const { return (hash ^ (hash >> 16)) & mask_; }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  TokenHashFilter filter_;  // every hash in the table
  std::vector<uint32_t> values_;
};

class PhraseList {
 public:
  // Parses a TSV list (format above). `source` names it in error messages.
  static PhraseList parse(std::string_view tsv, std::string_view source);
  // A list from plain phrases (configuration).
  static PhraseList from_phrases(const std::vector<std::string>& phrases);
  // core/data/<name>, parsed once and kept for the life of the program.
  static const PhraseList& builtin(std::string_view name);
  // Phrases from their texts, tokenised together in one run (fast to set up).
  static std::vector<Phrase> compile(const std::vector<std::string_view>& texts);

  // Non-overlapping matches, left to right, longest first at each position,
  // within tokens[first, last) (default: the whole document).
  std::vector<PhraseMatch> find(const Document& doc, size_t first = 0,
                                size_t last = static_cast<size_t>(-1)) const;
  bool any(const Document& doc, size_t first = 0, size_t last = static_cast<size_t>(-1)) const {
    return !find(doc, first, last).empty();
  }
  const std::vector<Phrase>& phrases() const { return phrases_; }

  // Indices of the phrases that may start at a token with this folded hash
  // (first-listed first); phrases opening with "*" are in wildcard_first().
  std::span<const uint32_t> starting_with(size_t hash) const { return by_first_.find(hash); }
  const std::vector<uint32_t>& wildcard_first() const { return wildcard_first_; }

 private:
  void add(Phrase p);
  void index();  // builds by_first_ once all phrases are added
  std::vector<Phrase> phrases_;
  TokenHashTable by_first_;
  std::vector<uint32_t> wildcard_first_;
};

// Several phrase lists matched in ONE pass over a document's tokens: each
// token's hash is looked up once, in one table holding the first tokens of
// every list's phrases (and the second tokens of phrases opening with "*"),
// and the single words the set tags (word lists: a few bits per word).
// Lists are named by their position in the set.
class PhraseSet {
 public:
  // A single folded word and the bits a token of it gets in Matches::tags().
  struct TaggedWord {
    std::string word;
    uint8_t tags = 0;
  };
  explicit PhraseSet(std::vector<const PhraseList*> lists, std::vector<TaggedWord> tagged = {});
  size_t size() const { return lists_.size(); }
  const PhraseList& list(size_t id) const { return *lists_[id]; }

  // Every phrase of every list that matches somewhere in one document.
  class Matches {
   public:
    // What lists()[id].find(doc, first, last) returns, without another pass.
    std::vector<PhraseMatch> find(size_t id, size_t first = 0, size_t last = static_cast<size_t>(-1)) const {
      if ((lists_hit_ & list_bit(id)) == 0) return {};  // the usual answer: no call, no scan
      return find_hits(id, first, last);
    }
    // !find(id, first, last).empty()
    bool any(size_t id, size_t first = 0, size_t last = static_cast<size_t>(-1)) const;
    // The match find(id, i, last) would start with if it starts at token i.
    const Phrase* longest_at(size_t id, size_t i, size_t last = static_cast<size_t>(-1)) const;
    // For each token, the bits of the tagged word it is (0: none).
    const std::vector<uint8_t>& tags() const { return tags_; }
    // The bits of every token together: a rule asking for a tag no token
    // has needs no pass over the tokens.
    uint8_t tags_seen() const { return tags_seen_; }
    // Does list `id` match anywhere (any(id) without a scan)?
    bool hit(size_t id) const { return (lists_hit_ & list_bit(id)) != 0; }

   private:
    friend class PhraseSet;
    struct Hit {
      uint32_t token, length, list, entry;
      const Phrase* phrase;
    };
    std::vector<PhraseMatch> find_hits(size_t id, size_t first, size_t last) const;
    // A bit per list with a hit (lists past the 64th share the last bit), so
    // asking about a list that matched nothing, the usual answer, costs no scan.
    static uint64_t list_bit(size_t id) { return uint64_t{1} << (id < 63 ? id : 63); }
    const Document* doc_ = nullptr;
    // By token, then in the order PhraseList::find considers them.
    std::vector<Hit> hits_;
    uint64_t lists_hit_ = 0;
    std::vector<uint8_t> tags_;
    uint8_t tags_seen_ = 0;
  };
  Matches match(const Document& doc) const {
    Matches m;
    match(doc, m);
    return m;
  }
  // The same into `m`, reusing its memory.
  void match(const Document& doc, Matches& m) const;

 private:
  // Every phrase of every list, list by list, each list's phrases in the
  // order PhraseList::find considers them at a token (by first token in list
  // order, then those opening with "*"): hits at one token sorted by entry
  // keep that order.
  struct Entry {
    uint32_t list;
    const Phrase* phrase;
  };
  // What one token hash starts or tags: runs of keyed_ (entries) and tagged_.
  struct Key {
    uint32_t first_begin = 0, first_count = 0;    // phrases of this one token, or it then "*"
    uint32_t second_begin = 0, second_count = 0;  // "*" then this token
    uint32_t tagged_begin = 0, tagged_count = 0;  // tagged words with this hash
    bool opens_pair = false;                      // some phrase opens with it then another token
  };
  void add_hit(const Document& doc, size_t i, uint32_t entry, Matches& m) const;
  uint8_t tags_of(const Key& key, const Token& t) const {
    for (uint32_t k = key.tagged_begin; k < key.tagged_begin + key.tagged_count; ++k) {
      const TaggedWord& w = tagged_[keyed_[k]];
      if (same_bytes(w.word, t.folded)) return w.tags;
    }
    return 0;
  }
  const Key* key_of(size_t hash) const {
    const auto found = by_token_.find(hash);
    return found.empty() ? nullptr : &keys_[found.front()];
  }
  // Most phrases have two or more tokens and are looked up by the hashes of
  // both first tokens, so that a candidate is nearly always a match.
  static size_t pair_hash(size_t first, size_t second) {
    return first ^ (second * static_cast<size_t>(0x9E3779B97F4A7C15ULL));
  }
  std::vector<const PhraseList*> lists_;
  std::vector<Entry> entries_;
  std::vector<Key> keys_;
  TokenHashTable by_token_;     // a token's hash -> its Key (one value)
  std::vector<uint32_t> keyed_;  // the entries Keys refer to
  std::vector<TaggedWord> tagged_;
  TokenHashTable by_pair_;  // pair_hash of the first two tokens
  std::vector<uint32_t> at_every_token_;  // "*" alone, or "*" then "*"
};

// Tokenises a short string the way documents are tokenised (the tokens
// view the Document's bytes).
Document tokenize(std::u16string_view text);

}  // namespace chime
