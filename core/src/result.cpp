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

// An entity list's array; only a mention of a list has a slug.
void write_entities(JsonText& j, const std::vector<Entity>& list) {
  j.begin_array();
  for (const Entity& e : list) {
    j.begin_object().fragment(R"("text":)").value(e.text);
    j.fragment(R"(,"start":)").value(e.start);
    j.fragment(R"(,"end":)").value(e.end);
    if (!e.list_slug.empty()) j.fragment(R"(,"list_slug":)").value(e.list_slug);
    j.end_object();
  }
  j.end_array();
}

}  // namespace

// The schema's keys in its order, one line per field. Each key is written
// with its quotes, colon and the comma before it as one constant fragment.
void write_json(JsonText& j, const Result& r) {
  j.begin_object().fragment(R"("schema":)").value(kResultSchema);
  j.fragment(R"(,"length":{"weighted":)").value(r.length.weighted);
  j.fragment(R"(,"max":)").value(r.length.max);
  j.fragment(R"(,"valid":)").value(r.length.valid);
  j.fragment(R"(,"permillage":)").value(r.length.permillage);
  j.fragment(R"(,"valid_end":)").value(r.length.valid_end);
  j.fragment(R"(},"entities":{"hashtags":)");
  write_entities(j, r.entities.hashtags);
  j.fragment(R"(,"mentions":)");
  write_entities(j, r.entities.mentions);
  j.fragment(R"(,"urls":)");
  write_entities(j, r.entities.urls);
  j.fragment(R"(,"cashtags":)");
  write_entities(j, r.entities.cashtags);
  j.fragment(R"(},"sentiment":{"compound":)").value(r.sentiment.compound);
  j.fragment(R"(,"pos":)").value(r.sentiment.pos);
  j.fragment(R"(,"neu":)").value(r.sentiment.neu);
  j.fragment(R"(,"neg":)").value(r.sentiment.neg);
  j.fragment(R"(},"readability":{"grade":)").value(r.readability.grade);
  j.fragment(R"(,"words":)").value(r.readability.words);
  j.fragment(R"(,"sentences":)").value(r.readability.sentences);
  j.fragment(R"(},"scores":{"overall":)").value(r.scores.overall);
  j.fragment(R"(,"conversation":)").value(r.scores.conversation);
  j.fragment(R"(,"value":)").value(r.scores.value);
  j.fragment(R"(,"tone":)").value(r.scores.tone);
  j.fragment(R"(,"promotion":)").value(r.scores.promotion);
  j.fragment(R"(},"label":)").value(r.label);
  j.fragment(R"(,"kind":)").value(r.kind);
  j.fragment(R"(,"kind_cue":)").value(r.kind_cue);
  j.fragment(R"(,"language":)").value(r.language);
  j.fragment(R"(,"hints":[)");
  for (const Hint& h : r.hints) {
    j.begin_object().fragment(R"("rule":)").value(h.rule);
    j.fragment(R"(,"severity":)").value(to_string(h.severity));
    j.fragment(R"(,"start":)").value(h.start);
    j.fragment(R"(,"end":)").value(h.end);
    j.fragment(R"(,"message":)").value(h.message);
    if (!h.suggestion.empty()) j.fragment(R"(,"suggestion":)").value(h.suggestion);
    if (!h.replacements.empty()) j.fragment(R"(,"replacements":)").value(h.replacements);
    j.end_object();
  }
  j.end_array();
  if (!r.warnings.empty()) j.fragment(R"(,"warnings":)").value(r.warnings);
  j.end_object();
}

std::string to_json_text(const Result& r) {
  JsonText j;
  write_json(j, r);
  return j.take();
}

}  // namespace chime
