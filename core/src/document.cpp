#include "document.hpp"

#include <algorithm>

#include "text/unicode.hpp"

namespace chime {

std::string Document::utf8(int32_t start, int32_t end) const {
  start = std::clamp(start, 0, size());
  end = std::clamp(end, start, size());
  return text::to_utf8(std::u16string_view(text).substr(static_cast<size_t>(start),
                                                        static_cast<size_t>(end - start)));
}

size_t Document::token_at(int32_t pos) const {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), pos,
                             [](int32_t p, const Token& t) { return p < t.end; });
  if (it != tokens.end() && it->start <= pos) return static_cast<size_t>(it - tokens.begin());
  return tokens.size();
}

bool Document::in_entity(int32_t start, int32_t end) const {
  for (const auto* list : {&entities.urls, &entities.mentions, &entities.hashtags, &entities.cashtags}) {
    for (const Entity& e : *list) {
      if (start < e.end && e.start < end) return true;
    }
  }
  return false;
}

}  // namespace chime
