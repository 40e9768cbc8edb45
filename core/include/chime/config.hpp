// Chime's configuration (rules.md section 9): one JSON document shared by the
// extension and the native host. Parsed once, reused for many analyses.
//
// {
//   "organization": { "names": ["Mercy General"], "handles": ["@MercyGeneral"],
//                     "hashtags": ["#MercyCares"] },
//   "chats": ["#mychat"],
//   "phrases": { "promo.superlative": ["best-in-region"] },
//   "rules": { "promo.self-focus": "off", "form.exclamations": "warning" },
//   "thresholds": { "hashtags": 2, "reading_grade": 8, "mention_wall": 3 },
//   "lang": "auto"
// }
// Every key is optional. Unknown keys and wrong types are errors naming the
// key path ("rules.promo.nope: unknown rule id"). The full reference is
// docs/configuration.md.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "chime/result.hpp"

namespace chime {

struct ConfigError {
  std::string path;     // e.g. "thresholds.hashtags"
  std::string message;  // e.g. "must be an integer from 0 to 30"
};

struct Config {
  std::vector<std::string> org_names;       // "Mercy General"
  std::vector<std::string> org_handles;     // "@MercyGeneral" (stored without '@', case-folded)
  std::vector<std::string> brand_hashtags;  // stored without '#', case-folded
  std::vector<std::string> extra_chats;     // stored without '#', case-folded
  std::map<std::string, std::vector<std::string>> extra_phrases;  // rule id -> phrases
  std::set<std::string, std::less<>> disabled_rules;  // less<>: looked up by string_view
  std::map<std::string, Severity> severity_overrides;
  int max_hashtags = 2;        // form.hashtag-pileup: more than this is a tip
  double reading_grade = 8.0;  // tone.reading-level: above this is a tip
  int mention_wall = 3;        // form.mention-wall: this many leading @mentions make a wall
  // The language of hint messages and suggestions: "auto" (the post's own
  // language when it is Spanish, else English), "en" or "es". Texts the
  // engine writes into a post always follow the post's language.
  std::string lang = "auto";

  // Parses and validates; on any error returns std::nullopt and fills errors.
  static std::optional<Config> parse(const Json& j, std::vector<ConfigError>& errors);
  static std::optional<Config> parse(std::string_view json_text, std::vector<ConfigError>& errors);
  // Text overloads, so that a std::string or a literal is read as JSON text
  // (not converted to a JSON string value).
  static std::optional<Config> parse(const std::string& json_text, std::vector<ConfigError>& errors) {
    return parse(std::string_view(json_text), errors);
  }
  static std::optional<Config> parse(const char* json_text, std::vector<ConfigError>& errors) {
    return parse(std::string_view(json_text), errors);
  }
  Json to_json() const;  // the same document shape, normalised

  // Asked for every rule of every analysis: inline, and no set lookup when
  // no rule is switched off, the usual case; no string made either way.
  bool enabled(std::string_view rule) const { return disabled_rules.empty() || !disabled(rule); }

 private:
  bool disabled(std::string_view rule) const;
};

}  // namespace chime
