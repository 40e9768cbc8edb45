// tone.empathy by structure: see empathy_structure.hpp.
#include "rules/empathy_structure.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "rules/features.hpp"

namespace chime {

namespace {

// The role of each word of lists/empathy_words.tsv: "self" (we're, I'm),
// "degree" (really, so), "link" (is, sounds, must, be), "pointer" (that's,
// this), "feeling" (stressful, awful), "failing" (acceptable, ok: after a
// negation), "negation" (isn't, not), "after-sorry" (for, about, to).
enum Role : uint8_t { kSelf = 1, kDegree = 2, kLink = 4, kPointer = 8, kFeeling = 16, kFailing = 32, kNegation = 64, kAfterSorry = 128 };

// Ordered maps with a transparent comparison: the same instantiation the
// core already has (a std::unordered_map of std::string is code chime.wasm
// would carry for this file alone).
using RoleMap = std::map<std::string, uint8_t, std::less<>>;

RoleMap read_roles(std::string_view file) {
  static const RoleMap names = {
      {"self", kSelf},         {"degree", kDegree},     {"link", kLink},         {"pointer", kPointer},
      {"feeling", kFeeling},   {"failing", kFailing},   {"negation", kNegation}, {"after-sorry", kAfterSorry}};
  RoleMap out;
  for (const auto& row : data_rows(file)) {
    if (row.size() < 2) continue;
    for (const std::string_view role : split(row[1], '|')) {
      if (auto n = names.find(role); n != names.end()) out[row[0]] |= n->second;
    }
  }
  return out;
}

// The word's roles in its language's list (lists/empathy_words.tsv, Spanish
// es/lists/empathy_words.tsv).
uint8_t role_of(const Token& t, Language language) {
  static const LocalizedWordList all("lists/empathy_words.tsv");
  static const RoleMap english = read_roles("lists/empathy_words.tsv");
  static const RoleMap spanish = read_roles("es/lists/empathy_words.tsv");
  if (!all.in(language).contains(t)) return 0;  // most tokens: one hash lookup
  const RoleMap& roles = language == Language::es ? spanish : english;
  const auto r = roles.find(t.folded);
  return r == roles.end() ? 0 : r->second;
}

// What a structural match points to (features.hpp).
const Phrase kFeelingsPhrase = structure_phrase("(acknowledges feelings)");

// Up to three degree or link words from token `i` ("really", "must have
// been so"): the index after them.
size_t skip_fillers(const Document& doc, size_t i, size_t last, uint8_t fillers, Language language) {
  for (int n = 0; n < 4 && i < last && (role_of(doc.tokens[i], language) & fillers); ++n) ++i;
  return i;
}

// The acknowledgement starting at token `i`, if any: its end (one past).
size_t acknowledgement_at(const Document& doc, size_t i, size_t last, bool sentence_start, Language language) {
  const uint8_t role = role_of(doc.tokens[i], language);
  if (role & kSelf) {  // "we're really sorry", "I am so sorry"
    const size_t j = skip_fillers(doc, i + 1, last, kDegree | kLink, language);
    if (j < last && doc.tokens[j].folded == "sorry") return j + 1;
  }
  if (role & kPointer) {  // "that's really stressful", "that must have been frightening"
    const size_t j = skip_fillers(doc, i + 1, last, kDegree | kLink, language);
    if (j < last && (role_of(doc.tokens[j], language) & kFeeling)) return j + 1;
  }
  if (role & kNegation) {  // "isn't acceptable", "is not OK"
    const size_t j = skip_fillers(doc, i + 1, last, kDegree | kLink, language);
    if (j < last && (role_of(doc.tokens[j], language) & kFailing)) return j + 1;
  }
  if (sentence_start && doc.tokens[i].folded == "sorry") {
    // "Sorry for the hassle", "Sorry nobody called", "Sorry, Leon, ...";
    // not "Sorry, but ...", which takes it back.
    const size_t j = i + 1;
    if (j >= last) return j;
    if (doc.tokens[j].text == ",") {
      const size_t k = first_own_word(doc, j + 1, last);
      return k < last && doc.tokens[k].folded == "but" ? 0 : j;
    }
    if (role_of(doc.tokens[j], language) & kAfterSorry) return j + 1;
  }
  return 0;
}

bool overlaps(const std::vector<PhraseMatch>& list, int32_t start, int32_t end) {
  return std::any_of(list.begin(), list.end(), [&](const PhraseMatch& m) { return m.start < end && start < m.end; });
}

}  // namespace

std::vector<PhraseMatch> feeling_acknowledgements(const Analysis& a) {
  std::vector<PhraseMatch> found;
  const Document& doc = a.doc;
  for (const Sentence& s : doc.sentences) {
    const size_t first = first_own_word(doc, s.first_token, s.last_token);
    for (size_t i = first; i < s.last_token; ++i) {
      if (token_in_entity(doc, i)) continue;
      const size_t end = acknowledgement_at(doc, i, s.last_token, i == first, a.language);
      if (end == 0) continue;
      found.push_back({&kFeelingsPhrase, i, end, doc.tokens[i].start, doc.tokens[end - 1].end});
      break;  // one a sentence
    }
  }
  if (found.empty()) return found;
  const ListMatches& matches = lists(a);
  const auto defensive = matches.find(List::tone_defensive);
  const auto stock = matches.find(List::tone_empathy_not);
  std::erase_if(found, [&](const PhraseMatch& m) { return overlaps(defensive, m.start, m.end) || overlaps(stock, m.start, m.end); });
  return found;
}

}  // namespace chime
