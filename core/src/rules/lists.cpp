#include "rules/lists.hpp"

#include <vector>

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

std::string_view list_file(List id) { return kFiles[static_cast<size_t>(id)]; }

const PhraseSet& builtin_lists() {
  static const PhraseSet set = [] {
    std::vector<const PhraseList*> lists;
    for (size_t id = 0; id < static_cast<size_t>(List::topics); ++id) lists.push_back(&PhraseList::builtin(kFiles[id]));
    lists.push_back(&topic_phrases());
    return PhraseSet(std::move(lists), word_list_tags());
  }();
  return set;
}

}  // namespace chime
