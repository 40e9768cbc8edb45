// What makes a post useful to read (value.helpful), shared with value.empty
// and available to the scores.
#pragma once
#include <cstdint>
#include <optional>

#include "document.hpp"

namespace chime {

enum class HelpfulKind { cue, number, resource, action, option, phone };

struct HelpfulFinding {
  int32_t start = 0, end = 0;  // UTF-16
  HelpfulKind kind = HelpfulKind::cue;
};

// The first sign that a reader learns something: a tip or how-to phrase
// (phrases/value_helpful.tsv), a number with a unit or a ratio ("5 minutes",
// "1 in 3"), a resource described next to a link ("our checklist"), or a
// sentence that opens with a step the reader can take ("Check your feet
// every day", phrases/value_action.tsv), what someone can do or get
// ("Donors can give at the Claremont centre"), or a number to call
// or text ("555-0142", "116 123", "helpline: 104").
class ListMatches;
std::optional<HelpfulFinding> find_helpful(const ListMatches& matches);
// Only the step the reader can take ("Evite cruzar quebradas", "Si vive a
// menos de 1 km, cierre puertas"), wherever find_helpful would show
// something earlier: what value.crisis-essentials reads as "what to do".
std::optional<HelpfulFinding> find_step(const ListMatches& matches);
// The same for the analysed text, worked out once per analysis (rules
// value.helpful, value.empty and tone.sentiment all ask).
struct Analysis;
std::optional<HelpfulFinding> find_helpful(const Analysis& a);

}  // namespace chime
