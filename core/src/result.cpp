#include "chime/result.hpp"

namespace chime {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::good: return "good";
    case Severity::tip: return "tip";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "tip";
}

std::optional<Severity> severity_from_string(std::string_view s) {
  if (s == "good") return Severity::good;
  if (s == "tip") return Severity::tip;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

namespace {

// The Result is built as a JSON tree for every text (and every keystroke in
// the browser), so it is put together directly: each key appended once in
// schema order, with no initializer lists (which copy every value again) and
// no look-up of keys that cannot already be there.
Json object(size_t keys) {
  Json j(Json::value_t::object);
  j.get_ref<Json::object_t&>().reserve(keys);
  return j;
}

template <typename T>
void put(Json& j, const char* key, T&& value) {
  j.get_ref<Json::object_t&>().emplace_back(key, Json(std::forward<T>(value)));
}

Json array(size_t items) {
  Json j(Json::value_t::array);
  j.get_ref<Json::array_t&>().reserve(items);
  return j;
}

Json entity_list(const std::vector<Entity>& list, bool with_slug) {
  Json out = array(list.size());
  for (const Entity& e : list) {
    const bool slug = with_slug && !e.list_slug.empty();
    Json j = object(slug ? 4 : 3);
    put(j, "text", e.text);
    put(j, "start", e.start);
    put(j, "end", e.end);
    if (slug) put(j, "list_slug", e.list_slug);
    out.get_ref<Json::array_t&>().push_back(std::move(j));
  }
  return out;
}

}  // namespace

Json to_json(const Result& r) {
  Json hints = array(r.hints.size());
  for (const Hint& h : r.hints) {
    Json j = object(7);
    put(j, "rule", h.rule);
    put(j, "severity", to_string(h.severity));
    put(j, "start", h.start);
    put(j, "end", h.end);
    put(j, "message", h.message);
    if (!h.suggestion.empty()) put(j, "suggestion", h.suggestion);
    if (!h.replacements.empty()) put(j, "replacements", h.replacements);
    hints.get_ref<Json::array_t&>().push_back(std::move(j));
  }
  Json length = object(5);
  put(length, "weighted", r.length.weighted);
  put(length, "max", r.length.max);
  put(length, "valid", r.length.valid);
  put(length, "permillage", r.length.permillage);
  put(length, "valid_end", r.length.valid_end);
  Json entities = object(4);
  put(entities, "hashtags", entity_list(r.entities.hashtags, false));
  put(entities, "mentions", entity_list(r.entities.mentions, true));
  put(entities, "urls", entity_list(r.entities.urls, false));
  put(entities, "cashtags", entity_list(r.entities.cashtags, false));
  Json sentiment = object(4);
  put(sentiment, "compound", r.sentiment.compound);
  put(sentiment, "pos", r.sentiment.pos);
  put(sentiment, "neu", r.sentiment.neu);
  put(sentiment, "neg", r.sentiment.neg);
  Json readability = object(3);
  put(readability, "grade", r.readability.grade);
  put(readability, "words", r.readability.words);
  put(readability, "sentences", r.readability.sentences);
  Json scores = object(5);
  put(scores, "overall", r.scores.overall);
  put(scores, "conversation", r.scores.conversation);
  put(scores, "value", r.scores.value);
  put(scores, "tone", r.scores.tone);
  put(scores, "promotion", r.scores.promotion);

  Json out = object(11);
  put(out, "schema", kResultSchema);
  put(out, "length", std::move(length));
  put(out, "entities", std::move(entities));
  put(out, "sentiment", std::move(sentiment));
  put(out, "readability", std::move(readability));
  put(out, "scores", std::move(scores));
  put(out, "label", r.label);
  put(out, "kind", r.kind);
  put(out, "kind_cue", r.kind_cue);
  put(out, "hints", std::move(hints));
  if (!r.warnings.empty()) put(out, "warnings", r.warnings);
  return out;
}

}  // namespace chime
