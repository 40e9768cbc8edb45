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

Json entity_list(const std::vector<Entity>& list, bool with_slug) {
  Json out = Json::array();
  for (const Entity& e : list) {
    Json j = {{"text", e.text}, {"start", e.start}, {"end", e.end}};
    if (with_slug && !e.list_slug.empty()) j["list_slug"] = e.list_slug;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

Json to_json(const Result& r) {
  Json hints = Json::array();
  for (const Hint& h : r.hints) {
    Json j = {{"rule", h.rule}, {"severity", to_string(h.severity)}, {"start", h.start},
              {"end", h.end}, {"message", h.message}};
    if (!h.suggestion.empty()) j["suggestion"] = h.suggestion;
    if (!h.replacements.empty()) j["replacements"] = h.replacements;
    hints.push_back(std::move(j));
  }
  Json out = {
      {"schema", kResultSchema},
      {"length", {{"weighted", r.length.weighted}, {"max", r.length.max}, {"valid", r.length.valid},
                  {"permillage", r.length.permillage}, {"valid_end", r.length.valid_end}}},
      {"entities", {{"hashtags", entity_list(r.entities.hashtags, false)},
                    {"mentions", entity_list(r.entities.mentions, true)},
                    {"urls", entity_list(r.entities.urls, false)},
                    {"cashtags", entity_list(r.entities.cashtags, false)}}},
      {"sentiment", {{"compound", r.sentiment.compound}, {"pos", r.sentiment.pos},
                     {"neu", r.sentiment.neu}, {"neg", r.sentiment.neg}}},
      {"readability", {{"grade", r.readability.grade}, {"words", r.readability.words},
                       {"sentences", r.readability.sentences}}},
      {"scores", {{"overall", r.scores.overall}, {"conversation", r.scores.conversation},
                  {"value", r.scores.value}, {"tone", r.scores.tone},
                  {"promotion", r.scores.promotion}}},
      {"label", r.label},
      {"hints", std::move(hints)},
  };
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  return out;
}

}  // namespace chime
