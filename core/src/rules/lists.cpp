#include "rules/lists.hpp"

#include <vector>

#include "data/data.hpp"
#include "rules/features.hpp"

namespace chime {

namespace {

constexpr std::string_view kFiles[] = {
#define CHIME_LIST_FILE(id, file) file,
    CHIME_BUILTIN_LISTS(CHIME_LIST_FILE)
#undef CHIME_LIST_FILE
};
static_assert(std::size(kFiles) == static_cast<size_t>(List::count));

}  // namespace

std::string_view data_file(std::string_view name, Language language) {
  if (language != Language::es) return name;
  const std::string spanish = concat({"es/", name});
  if (!data::has(spanish)) return name;
  // Kept for the life of the program, so the view stays valid.
  return data::parsed<std::string>(spanish, [](std::string_view file) { return std::string(file); });
}

namespace {

PhraseSet lists_of(Language language) {
  std::vector<const PhraseList*> lists;
  for (size_t id = 0; id < static_cast<size_t>(List::topics); ++id) {
    lists.push_back(&PhraseList::builtin(data_file(kFiles[id], language)));
  }
  lists.push_back(&topic_phrases(language));
  return PhraseSet(std::move(lists), word_list_tags(language));
}

}  // namespace

const PhraseSet& builtin_lists(Language language) {
  if (language == Language::es) {
    static const PhraseSet spanish = lists_of(Language::es);
    return spanish;
  }
  static const PhraseSet english = lists_of(Language::en);
  return english;
}

}  // namespace chime
