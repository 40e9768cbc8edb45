// The sentiment lexicons of core/data/sentiment/ (formats: the header of each
// file and docs/sentiment.md), parsed once, on first use, into flat hash
// tables that are only ever looked up, never iterated (output never depends
// on their order).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "data/tsv.hpp"
#include "language.hpp"
#include "text/unicode.hpp"

namespace chime::sentiment {

// 64-bit FNV-1a over a key's code units: how the UTF-16 keys below hash
// (UTF-8 keys: FlatMap::hash). Cheap for short keys, and the same on every
// platform.
template <class Char>
constexpr uint64_t key_hash(std::basic_string_view<Char> key) {
  uint64_t hash = 14695981039346656037ull;
  for (Char c : key) hash = (hash ^ static_cast<uint64_t>(c)) * 1099511628211ull;
  return hash;
}

// A hash table built once and then only looked up: open addressing over one
// flat array of slots, the keys stored back to back in one string (no
// allocation per entry). Entries are numbered in the order they were added;
// a number stays valid as the table grows.
template <class Char, class Value>
class FlatMap {
 public:
  using Key = std::basic_string_view<Char>;
  static constexpr int32_t npos = -1;

  // What a key hashes to. UTF-8 keys (words) hash as the tokenizer hashes a
  // folded token (text::token_hash), so a token's folded_hash finds its word
  // without hashing it again; UTF-16 keys by key_hash.
  static uint64_t hash(Key key) {
    if constexpr (std::is_same_v<Char, char>) {
      return text::token_hash(key);
    } else {
      return key_hash(key);
    }
  }

  // The number of `key`'s entry, or npos.
  int32_t find(Key key) const { return find(key, hash(key)); }
  // The same, given hash(key).
  int32_t find(Key key, uint64_t hashed) const {
    for (size_t i = slot_of(hashed) & mask_;; i = (i + 1) & mask_) {
      const uint32_t slot = slots_[i];
      if (slot == 0) return npos;
      const Entry& e = entries_[slot - 1];
      if (e.hash == hashed && key_of(e) == key) return static_cast<int32_t>(slot - 1);
    }
  }
  // The number of `key`'s entry, added with a default value if new.
  uint32_t insert(Key key) {
    const uint64_t hashed = hash(key);
    if (int32_t found = find(key, hashed); found != npos) return static_cast<uint32_t>(found);
    if (kLoad * (entries_.size() + 1) > slots_.size()) grow();
    entries_.push_back(Entry{hashed, static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(key.size()), Value{}});
    chars_.append(key);
    place(static_cast<uint32_t>(entries_.size()));
    return static_cast<uint32_t>(entries_.size() - 1);
  }
  Value& value(uint32_t entry) { return entries_[entry].value; }
  const Value& value(uint32_t entry) const { return entries_[entry].value; }
  size_t size() const { return entries_.size(); }
  void reserve(size_t entries, size_t key_units) {
    entries_.reserve(entries);
    chars_.reserve(key_units);
    while (slots_.size() < kLoad * entries) grow();
  }

 private:
  struct Entry {
    uint64_t hash;
    uint32_t key_start;  // into chars_
    uint32_t key_size;
    Value value;
  };
  std::vector<Entry> entries_;
  // At most a quarter full: a word not in the table (most words) then ends
  // its probe at the first or second slot, nearly always.
  static constexpr size_t kLoad = 4;
  // Entry number + 1, 0 = empty; a power of two, at most 1 / kLoad full and
  // never empty (find needs no test).
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(16, 0);
  size_t mask_ = 15;  // slots_.size() - 1
  std::basic_string<Char> chars_;

  // The high bits mixed into the low ones, which pick the slot (a UTF-8
  // key's text::token_hash has them mixed already).
  static size_t slot_of(uint64_t hash) {
    if constexpr (std::is_same_v<Char, char>) {
      return static_cast<size_t>(hash);
    } else {
      return static_cast<size_t>(hash ^ (hash >> 29));
    }
  }
  Key key_of(const Entry& e) const { return Key(chars_.data() + e.key_start, e.key_size); }
  void place(uint32_t slot) {
    size_t i = slot_of(entries_[slot - 1].hash) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  void grow() {
    slots_.assign(2 * slots_.size(), 0);
    mask_ = slots_.size() - 1;
    for (uint32_t slot = 1; slot <= entries_.size(); ++slot) place(slot);
  }
};

// What a modifier or idiom does (modifiers.tsv, idioms.tsv).
enum class Effect { boost, negate, scale, none, contrast, idiom };

struct Phrase {
  std::vector<uint32_t> words;  // case-folded words, as entries of Lexicon::valence
  Effect effect = Effect::none;
  double value = 0;  // boost: magnitude added; scale: factor; idiom: valence
};

// A word of the lexicons: a lexicon entry, a word of a phrase, or both.
struct WordInfo {
  double valence = 0;
  bool has_valence = false;  // in lexicon.tsv or lexicon-chime.tsv
  uint32_t phrases_begin = 0;  // Lexicon::phrases[begin, end) start with it,
  uint32_t phrases_end = 0;    // longest first
};

struct Lexicon {
  static constexpr int32_t npos = -1;  // no such entry
  // lexicon.tsv (of the language): case-folded word or emoticon as written ->
  // mean valence; and every word of modifiers.tsv and idioms.tsv, case-folded,
  // with the phrases it begins.
  FlatMap<char, WordInfo> valence;
  std::vector<Phrase> phrases;
  // emoji.tsv and emoji-chime.tsv: emoji (UTF-16, see emoji_key) -> valence.
  FlatMap<char16_t, double> emoji;

  // The lexicons of a language, each loaded once (thread-safe): Spanish from
  // core/data/sentiment/es/, English (also for `und`) from
  // core/data/sentiment/. The emoji table is the same for both.
  static const Lexicon& get(Language language = Language::en);

  // The entry of `key` in `valence`, or npos.
  int32_t find_word(std::string_view key) const { return valence.find(key); }
  // The same, given FlatMap::hash(key) (text::token_hash).
  int32_t find_word(std::string_view key, uint64_t hash) const { return valence.find(key, hash); }
  const double* find_valence(std::string_view key) const {
    int32_t word = valence.find(key);
    if (word == npos || !valence.value(static_cast<uint32_t>(word)).has_valence) return nullptr;
    return &valence.value(static_cast<uint32_t>(word)).valence;
  }
  // Valence of an emoji sequence: the sequence itself, else its first code
  // point (so a ZWJ or skin-tone variant scores as its base); 0 if unknown.
  double emoji_valence(std::u16string_view sequence) const;
};

// An emoji sequence without variation selectors (U+FE0F) and skin-tone
// modifiers: the key of Lexicon::emoji.
std::u16string emoji_key(std::u16string_view sequence);

// "-1.25" -> -1.25 exactly as the compiler would read it (digits / 10^k, one
// correctly rounded division: the same bits everywhere, no locale); throws
// naming the row if `text` is no number.
double parse_decimal(std::string_view text, const data::TsvRow& at);

// The summed valence of the words of a plain UTF-8 text, modifiers and idioms
// applied (sentiment.cpp): how an emoji's description scores.
double words_valence(const Lexicon& lexicon, std::string_view utf8);

}  // namespace chime::sentiment
