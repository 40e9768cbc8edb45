#include "rules/care_terms.hpp"

#include <string>
#include <string_view>

#include "rules/features.hpp"

namespace chime {

namespace {

// An ending counts after this many letters ("trophy" is no condition,
// "atrophy" is).
constexpr size_t kStemLetters = 3;

bool has_ending(std::string_view word, const WordList& endings) {
  for (size_t cut = kStemLetters; cut + 3 <= word.size(); ++cut) {
    if (endings.contains(word.substr(cut))) return true;
  }
  return false;
}

CareTerm classify(std::string_view word) {
  static const WordList& conditions = WordList::builtin("lists/care_conditions.tsv");
  static const WordList& procedures = WordList::builtin("lists/care_procedures.tsv");
  static const WordList& condition_endings = WordList::builtin("lists/care_condition_suffixes.tsv");
  static const WordList& procedure_endings = WordList::builtin("lists/care_procedure_suffixes.tsv");
  if (conditions.contains(word) || has_ending(word, condition_endings)) return CareTerm::condition;
  if (procedures.contains(word) || has_ending(word, procedure_endings)) return CareTerm::procedure;
  return CareTerm::none;
}

}  // namespace

CareTerm care_term(const Token& t, Language language) {
  if (language == Language::es || t.kind != TokenKind::word || t.folded.size() < 4) return CareTerm::none;
  const std::string_view w = t.folded;
  if (const CareTerm c = classify(w); c != CareTerm::none) return c;
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

bool any_care_term(const Document& doc, size_t first, size_t last, Language language, bool procedures) {
  if (language == Language::es) return false;
  for (size_t k = first; k < last && k < doc.tokens.size(); ++k) {
    const CareTerm c = care_term(doc.tokens[k], language);
    if (c == CareTerm::none || (c == CareTerm::procedure && !procedures) || token_in_entity(doc, k)) continue;
    return true;
  }
  return false;
}

std::vector<PhraseMatch> care_term_matches(const Document& doc, Language language) {
  std::vector<PhraseMatch> found;
  if (language == Language::es) return found;
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    if (care_term(doc.tokens[k], language) == CareTerm::none || token_in_entity(doc, k)) continue;
    found.push_back({nullptr, k, k + 1, doc.tokens[k].start, doc.tokens[k].end});
  }
  return found;
}

}  // namespace chime
