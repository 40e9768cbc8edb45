#include "chime/result.hpp"

#include "chime/json_text.hpp"

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

// Only a mention of a list has a slug.
void write_entities(JsonText& j, std::string_view key, const std::vector<Entity>& list, bool with_slug) {
  j.key(key).begin_array();
  for (const Entity& e : list) {
    j.begin_object().field("text", e.text).field("start", e.start).field("end", e.end);
    if (with_slug && !e.list_slug.empty()) j.field("list_slug", e.list_slug);
    j.end_object();
  }
  j.end_array();
}

}  // namespace

// The schema's keys in its order: one line per field.
void write_json(JsonText& j, const Result& r) {
  j.begin_object();
  j.field("schema", kResultSchema);
  j.key("length").begin_object()
      .field("weighted", r.length.weighted)
      .field("max", r.length.max)
      .field("valid", r.length.valid)
      .field("permillage", r.length.permillage)
      .field("valid_end", r.length.valid_end)
      .end_object();
  j.key("entities").begin_object();
  write_entities(j, "hashtags", r.entities.hashtags, false);
  write_entities(j, "mentions", r.entities.mentions, true);
  write_entities(j, "urls", r.entities.urls, false);
  write_entities(j, "cashtags", r.entities.cashtags, false);
  j.end_object();
  j.key("sentiment").begin_object()
      .field("compound", r.sentiment.compound)
      .field("pos", r.sentiment.pos)
      .field("neu", r.sentiment.neu)
      .field("neg", r.sentiment.neg)
      .end_object();
  j.key("readability").begin_object()
      .field("grade", r.readability.grade)
      .field("words", r.readability.words)
      .field("sentences", r.readability.sentences)
      .end_object();
  j.key("scores").begin_object()
      .field("overall", r.scores.overall)
      .field("conversation", r.scores.conversation)
      .field("value", r.scores.value)
      .field("tone", r.scores.tone)
      .field("promotion", r.scores.promotion)
      .end_object();
  j.field("label", r.label);
  j.field("kind", r.kind);
  j.field("kind_cue", r.kind_cue);
  j.field("language", r.language);
  j.key("hints").begin_array();
  for (const Hint& h : r.hints) {
    j.begin_object()
        .field("rule", h.rule)
        .field("severity", to_string(h.severity))
        .field("start", h.start)
        .field("end", h.end)
        .field("message", h.message);
    if (!h.suggestion.empty()) j.field("suggestion", h.suggestion);
    if (!h.replacements.empty()) j.field("replacements", h.replacements);
    j.end_object();
  }
  j.end_array();
  if (!r.warnings.empty()) j.field("warnings", r.warnings);
  j.end_object();
}

std::string to_json_text(const Result& r) {
  JsonText j;
  write_json(j, r);
  return j.take();
}

Json to_json(const Result& r) { return Json::parse(to_json_text(r)); }

}  // namespace chime
