// The limits that keep `chime check` and the host flat in memory and alive on
// hostile input (docs/cli.md "Limits", docs/native-messaging.md). Each one is
// far above anything a real post, calendar or Twitter archive needs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "chime/result.hpp"

namespace chime::cli {

// JSON nesting, as jq 1.6 caps it: deeper documents are refused before they
// are parsed, so no recursive copy, dump or comparison can exhaust the stack.
inline constexpr int kMaxJsonDepth = 256;
// One line of text or JSON Lines, one CSV row, one element of a JSON array or
// tweets.js: larger ones are reported (FILE:LINE) and skipped, read through
// without being held.
inline constexpr size_t kMaxItemBytes = 1024 * 1024;
// One post's text (a long post on X is at most 25,000 characters, 100 KB).
inline constexpr size_t kMaxTextBytes = 256 * 1024;
// A zip: members listed, the length of a member's name, one member inflated.
inline constexpr uint64_t kMaxZipMembers = 200'000;
inline constexpr size_t kMaxZipNameBytes = 1024;
inline constexpr uint64_t kMaxZipMemberBytes = 1024ull * 1024 * 1024;
// The host: JSON values held at once outside an `items` element, and inside
// one element (a request's `items` are analysed one element at a time).
inline constexpr size_t kMaxHeldJsonValues = 100'000;

// Thrown by parse_json for a document it refuses before parsing.
struct JsonLimitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// How deep `text` nests arrays and objects, counted outside strings; stops
// counting once past `stop_after`.
int json_depth(std::string_view text, int stop_after = kMaxJsonDepth);
// Json::parse, after refusing a document nested deeper than kMaxJsonDepth
// (JsonLimitError); nlohmann's parse errors pass through.
Json parse_json(std::string_view text);
// "parse error at line 1, column 4: ..." without nlohmann's "[json.exception...] " prefix.
std::string json_error_message(const std::exception& e);

// For a terminal: invalid UTF-8 replaced, C0 and C1 control characters and
// DEL written as \xNN (a file's bytes must never drive the terminal).
std::string escape_controls(std::string_view text);

}  // namespace chime::cli
