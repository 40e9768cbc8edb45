#include "rules/care_terms.hpp"

#include <string>
#include <string_view>

#include "rules/features.hpp"

namespace chime {

namespace {

const WordList& conditions() { return WordList::builtin("lists/care_conditions.tsv"); }
const WordList& procedures() { return WordList::builtin("lists/care_procedures.tsv"); }

// A condition by its word or its ending before a procedure by either
// ("anastomosis" ends as a condition does).
CareTerm by_word_or_ending(std::string_view word, bool is_condition, bool is_procedure) {
  static const WordList& condition_endings = WordList::builtin("lists/care_condition_suffixes.tsv");
  static const WordList& procedure_endings = WordList::builtin("lists/care_procedure_suffixes.tsv");
  // An ending counts after three letters ("trophy" is no condition, "atrophy" is).
  if (is_condition || condition_endings.ends_with_entry(word)) return CareTerm::condition;
  if (is_procedure || procedure_endings.ends_with_entry(word)) return CareTerm::procedure;
  return CareTerm::none;
}

CareTerm classify(std::string_view word) {
  static const WordList& condition_words = conditions();
  static const WordList& procedure_words = procedures();
  return by_word_or_ending(word, condition_words.contains(word), procedure_words.contains(word));
}

}  // namespace

CareTerm care_term(const Token& t, Language language) {
  if (language == Language::es || t.kind != TokenKind::word || t.folded.size() < 4) return CareTerm::none;
  static const WordList& condition_words = conditions();
  static const WordList& procedure_words = procedures();
  const std::string_view w = t.folded;
  // The token as written, looked up by the hash the tokenizer computed.
  if (const CareTerm c = by_word_or_ending(w, condition_words.contains(t), procedure_words.contains(t));
      c != CareTerm::none) {
    return c;
  }
  // Plurals: "ulcers", "polyps", "abscesses", "biopsies".
  if (!w.ends_with('s') || w.ends_with("ss") || w.ends_with("is")) return CareTerm::none;
  if (w.ends_with("ies")) return classify(std::string(w.substr(0, w.size() - 3)) + "y");
  if (const CareTerm c = classify(w.substr(0, w.size() - 1)); c != CareTerm::none) return c;
  if (w.ends_with("es")) return classify(w.substr(0, w.size() - 2));
  return CareTerm::none;
}

bool is_kin(const Token& t, Language language) {
  static const WordList& kin = WordList::builtin("lists/kin_words.tsv");
  if (language == Language::es || t.kind != TokenKind::word) return false;
  std::string_view w = t.folded;
  if (w.ends_with("'s") || w.ends_with("s'")) w.remove_suffix(2);
  return kin.contains(w);
}

namespace {
// Does a word end with one of `endings`, with at least three letters before?
bool spanish_ending(const Token& t, const WordList& endings) {
  return t.kind == TokenKind::word && endings.ends_with_entry(t.folded);
}
}  // namespace

bool spanish_disease_word(const Token& t) {
  static const WordList& endings = WordList::builtin("es/lists/disease_suffixes.tsv");
  return spanish_ending(t, endings);
}

bool spanish_procedure_word(const Token& t) {
  static const WordList& endings = WordList::builtin("es/lists/procedure_suffixes.tsv");
  static const WordList& procedures = WordList::builtin("es/lists/procedures.tsv");
  if (spanish_ending(t, endings)) return true;
  // A one-word procedure of the list in the plural or with a prefix of
  // time: "trasplantes", "pretrasplante", "postrasplante", "posoperatorio"
  // is no procedure (the list holds "operación").
  if (t.kind != TokenKind::word) return false;
  const std::string_view w = t.folded;
  if (w.size() > 4 && w.ends_with('s') && procedures.contains(w.substr(0, w.size() - 1))) return true;
  for (const std::string_view prefix : {"pre", "post", "pos"}) {
    if (w.size() > prefix.size() + 4 && w.starts_with(prefix) && procedures.contains(w.substr(prefix.size()))) return true;
  }
  return false;
}

bool any_care_term(const Document& doc, size_t first, size_t last, Language language, bool procedures) {
  if (language == Language::es) return false;
  for (size_t k = first; k < last && k < doc.tokens.size(); ++k) {
    const CareTerm c = care_term(doc.tokens[k], language);
    if (c == CareTerm::none || (c == CareTerm::procedure && !procedures) || token_in_entity(doc, k)) continue;
    return true;
  }
  return false;
}

}  // namespace chime
