#include "document.hpp"

#include <algorithm>
#include <iterator>

#include "text/unicode.hpp"

namespace chime {

std::string Document::utf8(int32_t start, int32_t end) const {
  std::string out;
  append_utf8(out, start, end);
  return out;
}

void Document::append_utf8(std::string& out, int32_t start, int32_t end) const {
  start = std::clamp(start, 0, size());
  end = std::clamp(end, start, size());
  const auto from = static_cast<size_t>(start), count = static_cast<size_t>(end - start);
  if (ascii_source()) {
    out.append(utf8_source.substr(from, count));  // UTF-16 offsets are byte offsets
  } else {
    out += text::to_utf8(std::u16string_view(text).substr(from, count));
  }
}

size_t Document::token_at(int32_t pos) const {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), pos,
                             [](int32_t p, const Token& t) { return p < t.end; });
  if (it != tokens.end() && it->start <= pos) return static_cast<size_t>(it - tokens.begin());
  return tokens.size();
}

bool Document::in_entity_search(int32_t start, int32_t end) const {
  if (entities_indexed_) {
    // The last span starting before `end` carries the largest end of all
    // spans that do: they overlap [start, end) if that end passes `start`.
    auto it = std::lower_bound(entity_spans_.begin(), entity_spans_.end(), end,
                               [](const EntitySpan& s, int32_t pos) { return s.start < pos; });
    return it != entity_spans_.begin() && std::prev(it)->max_end > start;
  }
  for (const auto* list : {&entities.urls, &entities.mentions, &entities.hashtags, &entities.cashtags}) {
    for (const Entity& e : *list) {
      if (start < e.end && e.start < end) return true;
    }
  }
  return false;
}

bool Document::splits_entity(int32_t pos) const {
  if (entities_indexed_) {
    // As in_entity_search: the last span starting before `pos` carries the
    // largest end of all spans that do.
    auto it = std::lower_bound(entity_spans_.begin(), entity_spans_.end(), pos,
                               [](const EntitySpan& s, int32_t p) { return s.start < p; });
    return it != entity_spans_.begin() && std::prev(it)->max_end > pos;
  }
  for (const auto* list : {&entities.urls, &entities.mentions, &entities.hashtags, &entities.cashtags}) {
    for (const Entity& e : *list) {
      if (e.start < pos && pos < e.end) return true;
    }
  }
  return false;
}

void Document::index_entities() {
  entity_spans_.clear();
  for (const auto* list : {&entities.urls, &entities.mentions, &entities.hashtags, &entities.cashtags}) {
    for (const Entity& e : *list) entity_spans_.push_back({e.start, e.end, e.end});
  }
  std::sort(entity_spans_.begin(), entity_spans_.end(),
            [](const EntitySpan& a, const EntitySpan& b) { return a.start < b.start; });
  for (size_t i = 1; i < entity_spans_.size(); ++i) {
    entity_spans_[i].max_end = std::max(entity_spans_[i].max_end, entity_spans_[i - 1].max_end);
  }
  entities_indexed_ = true;
}

}  // namespace chime
