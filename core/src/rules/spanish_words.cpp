#include "rules/spanish_words.hpp"

#include <algorithm>
#include <iterator>

namespace chime {

std::string_view spanish_enclitic(std::string_view word, size_t min_verb) {
  // Every Spanish enclitic, longest first. In code, not in
  // core/data/es/lists/: a closed class of grammar that no lexicon edit
  // should grow, read off as a suffix in this order, which a WordList
  // (a set of whole words) does not keep.
  static constexpr std::string_view kEnclitics[] = {"nos", "los", "las", "les", "me", "te", "se", "lo", "la", "le", "os"};
  const auto* p = std::find_if(std::begin(kEnclitics), std::end(kEnclitics), [&](std::string_view c) {
    return word.size() > c.size() + min_verb && word.ends_with(c);
  });
  return p == std::end(kEnclitics) ? std::string_view() : *p;
}

bool spanish_infinitive(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"ar", "er", "ir", "\u00e1r", "\u00e9r", "\u00edr"};
  for (int pronouns = 0; pronouns < 2; ++pronouns) {
    const std::string_view p = spanish_enclitic(word, 3);  // every pronoun; the infinitive keeps 4 bytes
    if (p.empty()) break;
    word.remove_suffix(p.size());
  }
  return word.size() > 3 &&
         std::any_of(std::begin(kEndings), std::end(kEndings), [&](std::string_view e) { return word.ends_with(e); });
}

}  // namespace chime
