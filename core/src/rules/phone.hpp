// A number to call or text, the one detector value.helpful and
// value.crisis-essentials share (docs/rules/value.md).
#pragma once
#include <cstdint>
#include <optional>

#include "document.hpp"
#include "language.hpp"

namespace chime {

struct PhoneSpan {
  int32_t start = 0, end = 0;  // UTF-16
};

// The first phone number of the text, outside links, mentions and hashtags:
// plain digit groups joined by "-", "." or spaces, or wrapped in brackets,
// with at least 5 digits in all ("555-0142", "116 123", "(555) 010-0100",
// "text SHOUT to 85258"; "4,100 adults" and "22.5" are not), or any number
// right after a word that asks to call (lists/phone_cues.tsv: "call 111",
// "Helpline: 104", "llame al 107").
std::optional<PhoneSpan> phone_number(const Document& doc, Language language);

}  // namespace chime
