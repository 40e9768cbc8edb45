// The Result of analysing one text: schema "chime.result/1".
// All offsets are UTF-16 code units into the analysed text, so that
// text.slice(start, end) in JavaScript is the flagged part.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace chime {

using Json = nlohmann::ordered_json;  // keeps keys in schema order

inline constexpr std::string_view kResultSchema = "chime.result/1";

enum class Severity { good, tip, warning, error };
std::string_view to_string(Severity s);
std::optional<Severity> severity_from_string(std::string_view s);

struct Hint {
  std::string rule;       // stable id, e.g. "promo.superlative"
  Severity severity = Severity::tip;
  int32_t start = 0;      // UTF-16 offsets; a whole-tweet hint spans it all
  int32_t end = 0;
  std::string message;    // one plain sentence
  std::string suggestion; // what to do; may be empty
  std::vector<std::string> replacements;  // one-click rewrites of [start, end)
};

struct Entity {
  std::string text;     // without the sigil (#, @, $); a URL as written
  int32_t start = 0;    // UTF-16, sigil included
  int32_t end = 0;
  std::string list_slug;  // mentions of a list: "/slug"; else empty
};

struct Entities {
  std::vector<Entity> hashtags, mentions, urls, cashtags;
};

struct LengthInfo {
  int32_t weighted = 0;     // twitter-text weightedLength
  int32_t max = 280;
  bool valid = false;       // twitter-text's isValid (non-empty, within max, no invalid chars)
  int32_t permillage = 0;
  int32_t valid_end = 0;    // UTF-16 offset where the part past the limit starts
};

struct Sentiment {
  double compound = 0, pos = 0, neu = 0, neg = 0;  // rounded to 3 decimals
};

struct Readability {
  double grade = 0;  // Flesch-Kincaid grade, rounded to 1 decimal
  int32_t words = 0;
  int32_t sentences = 0;
};

struct Scores {
  int32_t overall = 0, conversation = 0, value = 0, tone = 0, promotion = 0;
};

struct Result {
  LengthInfo length;
  Entities entities;
  Sentiment sentiment;
  Readability readability;
  Scores scores;
  std::string label;  // engaging | good | broadcast | promotional | risky
  std::string kind;      // what kind of post (docs/kinds.md): "crisis", "reply-complaint", ...
  std::string kind_cue;  // what decided it: the cue as written, or "context.<field>"; may be empty
  std::string language = "und";  // "en", "es", or "und" (under 3 words, or another language); docs/language.md
  std::vector<Hint> hints;
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 replaced
};

}  // namespace chime
