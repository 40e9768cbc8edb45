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

}  // namespace chime
