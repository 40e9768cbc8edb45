#include "language.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "data/data.hpp"
#include "data/tsv.hpp"
#include "document.hpp"
#include "sentiment/lexicon.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

// The classes a word can vote for; `other` becomes `und` in the Result.
enum Class : uint8_t { kEnglish, kSpanish, kOther, kClasses };
using Costs = std::array<int32_t, kClasses>;

// A post needs this many words to have a language (tests/devset/README.md:
// "gracias!", "Muchas gracias" and "ok 👍" are `und`).
constexpr int32_t kMinWords = 3;
// A listed word's vote; a word voting by its trigrams gives one vote, and only
// when its best class costs at least kMinMargin less than the next (costs
// are -ln p x 100: 150 means the word is e^1.5 = 4.5 times likelier).
constexpr int32_t kListedVote = 2;
constexpr int32_t kTrigramVote = 1;
constexpr int32_t kMinMargin = 150;
// All-capital words up to this long are acronyms: they do not vote by trigrams.
constexpr int32_t kMaxAcronym = 4;

// The lexicon's flat hash table: a word is found by its token's folded_hash,
// with no hashing per lookup, and a trigram by a short hash.
template <class Value>
using Table = sentiment::FlatMap<char, Value>;

struct Model {
  // Folded word -> bit set of the classes it votes for.
  Table<uint8_t> words;
  Table<Costs> trigrams;
  Costs unseen{};
};

// Adds a new key to `table` with `value`; false if it was there already.
template <class Value>
bool add(Table<Value>& table, std::string_view key, const Value& value) {
  const size_t before = table.size();
  const uint32_t entry = table.insert(key);
  if (table.size() == before) return false;
  table.value(entry) = value;
  return true;
}

uint8_t class_bit(std::string_view name, const std::string& where) {
  if (name == "en") return 1 << kEnglish;
  if (name == "es") return 1 << kSpanish;
  if (name == "other") return 1 << kOther;
  throw std::runtime_error(where + ": unknown language '" + std::string(name) + "' (en, es or other)");
}

int32_t cost(std::string_view text, const std::string& where) {
  int32_t value = 0;
  if (text.empty() || text.size() > 6) throw std::runtime_error(where + ": not a cost: '" + std::string(text) + "'");
  for (char c : text) {
    if (c < '0' || c > '9') throw std::runtime_error(where + ": not a cost: '" + std::string(text) + "'");
    value = value * 10 + (c - '0');
  }
  return value;
}

Model parse_model(std::string_view) {
  Model m;
  for (const data::TsvRow& row : data::tsv_rows("language/words.tsv")) {
    const std::vector<std::string_view>& f = row.fields;
    const std::string where = row.where();
    if (f.size() != 2) throw std::runtime_error(where + ": expected word<TAB>languages");
    uint8_t bits = 0;
    std::string_view names = f[1];
    while (!names.empty()) {
      const size_t space = names.find(' ');
      if (space != 0) bits |= class_bit(names.substr(0, space), where);
      names.remove_prefix(space == std::string_view::npos ? names.size() : space + 1);
    }
    if (!add(m.words, text::fold_utf8(f[0]), bits)) {
      throw std::runtime_error(where + ": '" + std::string(f[0]) + "' is listed twice");
    }
  }
  bool first = true;
  for (const data::TsvRow& row : data::tsv_rows("language/trigrams.tsv")) {
    const std::vector<std::string_view>& f = row.fields;
    const std::string where = row.where();
    if (f.size() != 1 + kClasses) throw std::runtime_error(where + ": expected trigram<TAB>en<TAB>es<TAB>other");
    const Costs costs{cost(f[1], where), cost(f[2], where), cost(f[3], where)};
    if (first != (f[0] == "<unseen>")) throw std::runtime_error(where + ": the first row, and only it, is <unseen>");
    if (first) {
      m.unseen = costs;
    } else if (!add(m.trigrams, f[0], costs)) {
      throw std::runtime_error(where + ": '" + std::string(f[0]) + "' is listed twice");
    }
    first = false;
  }
  return m;
}

const Model& model() { return data::parsed<Model>("language", parse_model); }

// Length in bytes of the UTF-8 sequence that starts with `lead`.
size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

// The classes a listed word votes for, or 0: the word itself, or its part up
// to an apostrophe ("l'equip" is listed as "l'").
uint8_t listed(const Model& m, const Token& t) {
  const std::string_view word = t.folded;
  if (const int32_t entry = m.words.find(word, t.folded_hash); entry != m.words.npos) return m.words.value(entry);
  const size_t apostrophe = word.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe == 0) return 0;
  const int32_t entry = m.words.find(word.substr(0, apostrophe + 1));
  return entry == m.words.npos ? 0 : m.words.value(entry);
}

// The class whose trigrams fit " word " clearly best, or kClasses.
Class by_trigrams(const Model& m, std::string_view word, std::string& padded) {
  padded.assign(1, ' ');
  padded.append(word);
  padded.push_back(' ');
  Costs total{};
  // Start of each of the last three code points.
  size_t a = 0, b = 1, c = 1 + sequence_length(static_cast<unsigned char>(padded[1]));
  while (c < padded.size()) {
    const size_t end = c + sequence_length(static_cast<unsigned char>(padded[c]));
    const int32_t entry = m.trigrams.find(std::string_view(padded).substr(a, end - a));
    const Costs& costs = entry == m.trigrams.npos ? m.unseen : m.trigrams.value(entry);
    for (int k = 0; k < kClasses; ++k) total[k] += costs[k];
    a = b;
    b = c;
    c = end;
  }
  int best = 0;
  for (int k = 1; k < kClasses; ++k) if (total[k] < total[best]) best = k;
  for (int k = 0; k < kClasses; ++k) {
    if (k != best && total[k] - total[best] < kMinMargin) return kClasses;
  }
  return static_cast<Class>(best);
}

// Whether `votes` already decide the answer: some class leads every other by
// more than `left`, the votes still to come (one each), so they cannot change it.
bool decided(const Costs& votes, int32_t left) {
  for (int lead = 0; lead < kClasses; ++lead) {
    bool ahead = true;
    for (int k = 0; k < kClasses; ++k) ahead = ahead && (k == lead || votes[lead] - votes[k] > left);
    if (ahead) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(Language language) {
  switch (language) {
    case Language::en: return "en";
    case Language::es: return "es";
    case Language::und: return "und";
  }
  return "und";
}

Language identify_language(const Document& doc) {
  const Model& m = model();
  int32_t words = 0;
  Costs votes{};
  // Words neither listed nor acronyms: each may add one trigram vote.
  std::vector<std::string_view> unlisted;
  unlisted.reserve(doc.tokens.size());  // one allocation, not one per doubling
  for (const Token& t : doc.tokens) {
    if (t.kind == TokenKind::punct) {
      // "¿" and "¡" open questions and exclamations only in Spanish.
      if (t.folded == "¿" || t.folded == "¡") votes[kSpanish] += kListedVote;
      continue;
    }
    if (t.kind != TokenKind::word && t.kind != TokenKind::ideo) continue;  // numbers, emoji
    if (doc.in_entity(t.start, t.end)) continue;  // handles, hashtags, URLs
    ++words;
    if (t.kind == TokenKind::ideo) {  // a script neither language is written in
      votes[kOther] += kListedVote;
      continue;
    }
    if (const uint8_t bits = listed(m, t)) {
      for (int k = 0; k < kClasses; ++k) if (bits & (1 << k)) votes[k] += kListedVote;
      continue;
    }
    // An acronym ("HTA", "ICU") is no evidence of the language around it.
    if (t.all_caps && t.end - t.start <= kMaxAcronym) continue;
    unlisted.push_back(t.folded);
  }
  if (words < kMinWords) return Language::und;
  // Trigram votes are asked for only while they could change the answer: a
  // class leading every other by more than the words left to vote keeps its
  // lead whatever they say (most English posts, thanks to their function
  // words, before any is asked; most others after a few).
  std::string padded;
  for (size_t i = 0; i < unlisted.size(); ++i) {
    if (decided(votes, static_cast<int32_t>(unlisted.size() - i))) break;
    if (const Class c = by_trigrams(m, unlisted[i], padded); c != kClasses) votes[c] += kTrigramVote;
  }
  if (votes[kOther] >= votes[kEnglish] && votes[kOther] >= votes[kSpanish]) return Language::und;
  if (votes[kEnglish] > votes[kSpanish]) return Language::en;
  if (votes[kSpanish] > votes[kEnglish]) return Language::es;
  return Language::und;
}

}  // namespace chime
