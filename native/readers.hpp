// Readers for the inputs `chime check` and the host's `check` accept: plain
// text (one post a line), JSON Lines, CSV/TSV with a text column, a JSON array,
// and a Twitter archive's tweets.js. Each reads one item at a time and hands
// it on, so memory stays flat; a bad line is reported with its line number and
// reading goes on.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chime/result.hpp"
#include "input.hpp"

namespace chime::cli {

struct Item {
  std::string id;                // the input's id (tweet id, CSV id column); may be empty
  std::string text;
  std::string created_at;        // as written; see chime::parse_time
  std::string in_reply_to_id;    // id of the post this one answers
  std::string reply_to;          // "@handle" answered
  std::string in_reply_to_text;  // the text answered, if the input has it
  bool retweet = false;          // "RT @..." or "retweet": true
  bool quote = false;
  Json context;                  // an explicit "context" object (null if none)
  int64_t line = 0;              // 1-based line where the item starts
};

struct InputError {
  int64_t line = 0;   // 0: about the whole input
  std::string code;   // bad_json | bad_csv | bad_utf8 | bad_item | bad_input | too_large
  std::string message;
};

class ItemHandler {
 public:
  virtual ~ItemHandler() = default;
  virtual void item(Item&& item) = 0;
  virtual void error(InputError&& error) = 0;
};

enum class Format { automatic, text, jsonl, csv, tsv, json, tweets_js };

std::optional<Format> format_from_name(std::string_view name);  // "csv", "jsonl", ...
std::string_view format_name(Format format);
// From the file name's extension, else from the first bytes.
Format detect_format(std::string_view file_name, Input& in);

// Reads every item; returns false if the input as a whole could not be read
// (the reason went to handler.error).
bool read_items(Input& in, Format format, ItemHandler& handler);

// Hands a read item on, or reports it (too_large) if its text is over
// kMaxTextBytes; reports invalid UTF-8 (bad_utf8) before handing it on.
void hand_on(Item&& item, ItemHandler& handler);

// One item from a JSON value: a string (the text) or an object with "text"
// or "full_text" (a tweets.js entry's "tweet" object is looked into).
// On a problem returns false with a message naming the key.
bool item_from_json(const Json& value, Item& item, std::string& message);

// Invalid UTF-8 replaced by U+FFFD the way the analyser does it.
bool valid_utf8(std::string_view text);
std::string sanitize_utf8(std::string_view text);

}  // namespace chime::cli
