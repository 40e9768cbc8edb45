#include "readers.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "limits.hpp"
#include "text/unicode.hpp"  // core's UTF-8 decoding, so replacement matches the analyser

namespace chime::cli {

namespace {

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string lower_snake(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (c == ' ' || c == '-') out += '_';
    else out += c;
  }
  return out;
}

std::string mib(size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }
std::string kib(size_t bytes) { return std::to_string(bytes / 1024) + " KiB"; }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return lower_snake(s.substr(s.size() - suffix.size())) == suffix;
}

// An id from a string or a non-negative integer.
bool read_id(const Json& v, std::string& out) {
  if (v.is_string()) {
    out = v.get<std::string>();
    return true;
  }
  if (v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0)) {
    out = std::to_string(v.get<uint64_t>());
    return true;
  }
  return v.is_null();
}

class JsonLinesReader {
 public:
  JsonLinesReader(Input& in, ItemHandler& handler) : in_(in), handler_(handler) {}

  void run() {
    std::string line;
    bool too_long = false;
    while (true) {
      const int64_t number = in_.line();
      if (!in_.read_line(line, kMaxItemBytes, too_long)) break;
      if (too_long) {
        handler_.error({number, "too_large", "this line is over the limit of " + mib(kMaxItemBytes) + "; skipped"});
        continue;
      }
      if (is_blank(line)) continue;
      handle_value(line, number, handler_);
    }
  }

  // Shared with the array reader: one JSON value's text -> an item or an error.
  static void handle_value(std::string& text, int64_t line, ItemHandler& handler) {
    if (!valid_utf8(text)) {
      handler.error({line, "bad_utf8", "invalid UTF-8 replaced by U+FFFD"});
      text = sanitize_utf8(text);
    }
    Json value;
    try {
      value = parse_json(text);
    } catch (const std::exception& e) {
      handler.error({line, "bad_json", "bad JSON: " + json_error_message(e)});
      return;
    }
    Item item;
    std::string message;
    if (!item_from_json(value, item, message)) {
      handler.error({line, "bad_item", message});
      return;
    }
    item.line = line;
    hand_on(std::move(item), handler);
  }

 private:
  Input& in_;
  ItemHandler& handler_;
};

// A JSON array read one element at a time: the element's text is cut out by
// tracking brackets and strings, then parsed alone, so a bad element costs
// only itself and memory holds one element.
class ArrayReader {
 public:
  ArrayReader(Input& in, ItemHandler& handler) : in_(in), handler_(handler) {}

  bool run(bool tweets_js) {
    int c = skip_space();
    if (tweets_js) {
      // "window.YTD.tweets.part0 = [" (older archives: "window.YTD.tweet.part0").
      std::string prefix;
      while (c != -1 && c != '=' && c != '[' && prefix.size() < 64) {
        prefix += static_cast<char>(c);
        c = in_.get();
      }
      while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) prefix.pop_back();
      if (c == '=' && !is_tweets_variable(prefix)) {
        handler_.error({in_.line(), "bad_input",
                        "\"" + prefix + "\" is not a tweets file of a Twitter archive (expected "
                        "\"window.YTD.tweets.part0 = [\"); skipped"});
        return false;
      }
      if (c == '=') c = skip_space();
    }
    if (c != '[') {
      handler_.error({in_.line(), "bad_input",
                      tweets_js ? "not a tweets.js file: expected \"window.YTD.tweets.part0 = [\""
                                : "expected a JSON array \"[...]\""});
      return false;
    }
    while (true) {
      c = skip_space();
      while (c == ',') c = skip_space();
      if (c == ']') return true;
      if (c == -1) {
        handler_.error({in_.line(), "bad_json", "the array is not closed: \"]\" missing at the end"});
        return true;
      }
      const int64_t start = in_.line();
      std::string chunk;
      if (!cut_value(c, chunk)) {
        handler_.error({start, "bad_json", "this element is not closed before the end of input"});
        return true;
      }
      if (chunk_too_long_) {
        handler_.error({start, "too_large", "this element is over the limit of " + mib(kMaxItemBytes) + "; skipped"});
      } else {
        JsonLinesReader::handle_value(chunk, start, handler_);
      }
      if (pending_ == ']') return true;
    }
  }

 private:
  int skip_space() {
    int c = in_.get();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = in_.get();
    return c;
  }

  // "window.YTD.tweets.part<digits>" or "window.YTD.tweet.part<digits>".
  static bool is_tweets_variable(std::string_view name) {
    for (std::string_view stem : {"window.YTD.tweets.part", "window.YTD.tweet.part"}) {
      if (name.starts_with(stem) && name.size() > stem.size() &&
          std::all_of(name.begin() + static_cast<std::ptrdiff_t>(stem.size()), name.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
      }
    }
    return false;
  }

  // Keeps a byte of the element being cut, up to kMaxItemBytes; past that
  // the element is still read through (to find its end) but not kept.
  void keep(std::string& chunk, int c) {
    if (chunk.size() < kMaxItemBytes) chunk += static_cast<char>(c);
    else chunk_too_long_ = true;
  }

  bool read_string(std::string& chunk) {  // after the opening quote
    while (true) {
      const int c = in_.get();
      if (c == -1) return false;
      keep(chunk, c);
      if (c == '"') return true;
      if (c == '\\') {
        const int escaped = in_.get();
        if (escaped == -1) return false;
        keep(chunk, escaped);
      }
    }
  }

  bool cut_value(int c, std::string& chunk) {
    pending_ = 0;
    chunk_too_long_ = false;
    chunk += static_cast<char>(c);
    if (c == '"') return read_string(chunk);
    if (c != '{' && c != '[') {  // a bare scalar: up to the next ',' or ']'
      while (true) {
        c = in_.get();
        if (c == -1) return true;
        if (c == ',' || c == ']') {
          pending_ = c;
          return true;
        }
        keep(chunk, c);
      }
    }
    int depth = 1;
    while (depth > 0) {
      c = in_.get();
      if (c == -1) return false;
      keep(chunk, c);
      if (c == '"') {
        if (!read_string(chunk)) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    return true;
  }

  Input& in_;
  ItemHandler& handler_;
  int pending_ = 0;
  bool chunk_too_long_ = false;
};

// RFC 4180 records: quoted fields may hold the delimiter, "" and newlines.
class CsvReader {
 public:
  CsvReader(Input& in, ItemHandler& handler, char delimiter)
      : in_(in), handler_(handler), delim_(delimiter) {}

  bool run() {
    if (delim_ == 0) delim_ = sniff_delimiter();
    std::vector<std::string> header;
    int64_t line = 0;
    bool unterminated = false;
    do {
      if (!read_record(header, line, unterminated)) {
        handler_.error({0, "bad_csv", "empty CSV: no header row"});
        return false;
      }
    } while (header.size() == 1 && is_blank(header[0]));
    for (std::string& name : header) name = lower_snake(name);
    text_ = find(header, {"text", "full_text", "tweet", "tweet_text", "message", "content", "post",
                          "body", "caption", "copy"});
    if (text_ < 0) {
      std::string found;
      for (const std::string& name : header) found += (found.empty() ? "" : ", ") + sanitize_utf8(name);
      handler_.error({line, "bad_csv",
                      "no text column: name one \"text\" (or full_text, tweet, message, content, "
                      "post); the header has: " + found});
      return false;
    }
    id_ = find(header, {"id", "id_str", "tweet_id"});
    created_ = find(header, {"created_at", "date", "datetime", "timestamp", "time", "scheduled_at",
                             "publish_at", "publish_date", "post_date", "send_date"});
    reply_id_ = find(header, {"in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to",
                              "in_reply_to_id"});
    reply_to_ = find(header, {"in_reply_to_screen_name", "reply_to", "in_reply_to_user"});
    reply_text_ = find(header, {"in_reply_to_text"});

    std::vector<std::string> fields;
    while (read_record(fields, line, unterminated)) {
      if (unterminated) {
        handler_.error({line, "bad_csv", "a quoted field is not closed before the end of input"});
      }
      if (record_too_long_) {
        handler_.error({line, "too_large", "this row is over the limit of " + mib(kMaxItemBytes) + "; skipped"});
        continue;
      }
      if (fields.size() == 1 && is_blank(fields[0])) continue;  // an empty line
      if (static_cast<int>(fields.size()) <= text_) {
        handler_.error({line, "bad_csv",
                        "row has " + std::to_string(fields.size()) + " field(s); the text column is field " +
                            std::to_string(text_ + 1)});
        continue;
      }
      Item item;
      item.line = line;
      item.text = std::move(fields[static_cast<size_t>(text_)]);
      if (is_blank(item.text)) {
        handler_.error({line, "bad_csv", "empty text, row skipped"});
        continue;
      }
      item.id = field(fields, id_);
      item.created_at = field(fields, created_);
      item.in_reply_to_id = field(fields, reply_id_);
      item.reply_to = field(fields, reply_to_);
      if (!item.reply_to.empty() && item.reply_to[0] != '@') item.reply_to.insert(0, "@");
      item.in_reply_to_text = field(fields, reply_text_);
      item.retweet = item.text.starts_with("RT @");
      hand_on(std::move(item), handler_);
    }
    return true;
  }

 private:
  static int find(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
      for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
      }
    }
    return -1;
  }

  static std::string field(std::vector<std::string>& fields, int index) {
    if (index < 0 || static_cast<size_t>(index) >= fields.size()) return {};
    return std::move(fields[static_cast<size_t>(index)]);
  }

  // The most frequent of , ; TAB in the header line (outside quotes).
  char sniff_delimiter() {
    const std::string_view head = in_.peek(64 * 1024);
    std::array<size_t, 3> counts{};
    bool quoted = false;
    for (char c : head) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n') break;
      if (c == ',') ++counts[0];
      if (c == ';') ++counts[1];
      if (c == '\t') ++counts[2];
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
    if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
    return ',';
  }

  bool read_record(std::vector<std::string>& fields, int64_t& line, bool& unterminated) {
    fields.clear();
    unterminated = false;
    record_too_long_ = false;
    std::string value;
    size_t kept = 0;  // bytes and fields of this record held so far
    auto add = [&](char c) {
      if (++kept <= kMaxItemBytes) value += c;
      else record_too_long_ = true;
    };
    auto end_field = [&] {
      if (++kept <= kMaxItemBytes) fields.push_back(std::move(value));
      else record_too_long_ = true;
      value.clear();
    };
    line = in_.line();
    int c = in_.get();
    if (c == -1) return false;
    bool at_start = true, quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          unterminated = true;
          end_field();
          return true;
        }
        if (c == '"') {
          if (in_.peek(1) == "\"") {
            in_.get();
            add('"');
          } else {
            quoted = false;
          }
        } else {
          add(static_cast<char>(c));
        }
      } else if (c == -1 || c == '\n') {
        if (!value.empty() && value.back() == '\r') value.pop_back();
        end_field();
        return true;
      } else if (c == delim_) {
        end_field();
        at_start = true;
        c = in_.get();
        continue;
      } else if (c == '"' && at_start) {
        quoted = true;
      } else {
        add(static_cast<char>(c));
      }
      at_start = false;
      c = in_.get();
    }
  }

  Input& in_;
  ItemHandler& handler_;
  char delim_;
  bool record_too_long_ = false;  // the last record read was over kMaxItemBytes (only its start kept)
  int text_ = -1, id_ = -1, created_ = -1, reply_id_ = -1, reply_to_ = -1, reply_text_ = -1;
};

void read_text_lines(Input& in, ItemHandler& handler) {
  std::string line;
  bool too_long = false;
  while (true) {
    const int64_t number = in.line();
    if (!in.read_line(line, kMaxItemBytes, too_long)) break;
    if (too_long) {
      handler.error({number, "too_large", "this line is over the limit of " + mib(kMaxItemBytes) + "; skipped"});
      continue;
    }
    if (is_blank(line)) continue;
    Item item;
    item.line = number;
    item.retweet = line.starts_with("RT @");
    item.text = std::move(line);
    hand_on(std::move(item), handler);
  }
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "auto") return Format::automatic;
  if (name == "text" || name == "txt") return Format::text;
  if (name == "jsonl" || name == "ndjson") return Format::jsonl;
  if (name == "csv") return Format::csv;
  if (name == "tsv") return Format::tsv;
  if (name == "json") return Format::json;
  if (name == "tweets.js" || name == "tweets-js" || name == "archive") return Format::tweets_js;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::automatic: return "auto";
    case Format::text: return "text";
    case Format::jsonl: return "jsonl";
    case Format::csv: return "csv";
    case Format::tsv: return "tsv";
    case Format::json: return "json";
    case Format::tweets_js: return "tweets.js";
  }
  return "auto";
}

Format detect_format(std::string_view file_name, Input& in) {
  if (ends_with_ci(file_name, ".csv")) return Format::csv;
  if (ends_with_ci(file_name, ".tsv")) return Format::tsv;
  if (ends_with_ci(file_name, ".jsonl") || ends_with_ci(file_name, ".ndjson")) return Format::jsonl;
  if (ends_with_ci(file_name, ".js")) return Format::tweets_js;
  if (ends_with_ci(file_name, ".txt")) return Format::text;
  // By content: the first non-blank bytes.
  std::string_view head = in.peek(4096);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                           head.front() == '\t')) {
    head.remove_prefix(1);
  }
  if (head.starts_with("window.YTD.")) return Format::tweets_js;
  if (head.starts_with("[")) return Format::json;
  if (head.starts_with("{")) return Format::jsonl;
  if (ends_with_ci(file_name, ".json")) return Format::jsonl;
  return Format::text;
}

bool read_items(Input& in, Format format, ItemHandler& handler) {
  if (!in.refused().empty()) {
    handler.error({0, "bad_input", in.refused()});
    return false;
  }
  switch (format) {
    case Format::automatic:
    case Format::text: read_text_lines(in, handler); break;
    case Format::jsonl: JsonLinesReader(in, handler).run(); break;
    case Format::csv: if (!CsvReader(in, handler, 0).run()) return false; break;
    case Format::tsv: if (!CsvReader(in, handler, '\t').run()) return false; break;
    case Format::json: if (!ArrayReader(in, handler).run(false)) return false; break;
    case Format::tweets_js: if (!ArrayReader(in, handler).run(true)) return false; break;
  }
  if (in.failed()) {
    handler.error({in.line(), "bad_input", "read error"});
    return false;
  }
  return true;
}

void hand_on(Item&& item, ItemHandler& handler) {
  if (item.text.size() > kMaxTextBytes) {
    handler.error({item.line, "too_large", "the text is over the limit of " + kib(kMaxTextBytes) + "; skipped"});
    return;
  }
  if (!valid_utf8(item.text)) handler.error({item.line, "bad_utf8", "invalid UTF-8 replaced by U+FFFD"});
  handler.item(std::move(item));
}

bool item_from_json(const Json& value, Item& item, std::string& message) {
  if (value.is_string()) {
    item.text = value.get<std::string>();
    item.retweet = item.text.starts_with("RT @");
    return true;
  }
  if (!value.is_object()) {
    message = "expected an object with a \"text\" string, or a string";
    return false;
  }
  // A tweets.js entry is {"tweet": {...}}.
  const Json& j = value.contains("tweet") && value["tweet"].is_object() ? value["tweet"] : value;
  auto string_of = [&](const char* key, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_string()) {
      message = std::string(key) + ": must be a string";
      return false;
    }
    out = j[key].get<std::string>();
    return true;
  };
  auto bool_of = [&](const char* key, bool& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_boolean()) {
      message = std::string(key) + ": must be true or false";
      return false;
    }
    out = out || j[key].get<bool>();
    return true;
  };
  auto id_of = [&](const char* key, std::string& out) {
    if (!j.contains(key) || !out.empty()) return true;
    if (!read_id(j[key], out)) {
      message = std::string(key) + ": must be a string or a non-negative integer";
      return false;
    }
    return true;
  };

  const char* text_key = j.contains("text") ? "text" : j.contains("full_text") ? "full_text" : nullptr;
  if (!text_key) {
    message = "no \"text\" (or \"full_text\") in this item";
    return false;
  }
  if (!j[text_key].is_string()) {
    message = std::string(text_key) + ": must be a string";
    return false;
  }
  item.text = j[text_key].get<std::string>();
  if (!id_of("id_str", item.id) || !id_of("id", item.id)) return false;
  if (!string_of("created_at", item.created_at)) return false;
  if (!id_of("in_reply_to_status_id_str", item.in_reply_to_id) ||
      !id_of("in_reply_to_status_id", item.in_reply_to_id) || !id_of("in_reply_to", item.in_reply_to_id)) {
    return false;
  }
  std::string handle;
  if (!string_of("in_reply_to_screen_name", handle)) return false;
  if (handle.empty() && !string_of("reply_to", handle)) return false;
  if (!handle.empty() && handle[0] != '@') handle.insert(0, "@");
  item.reply_to = handle;
  if (!string_of("in_reply_to_text", item.in_reply_to_text)) return false;
  item.retweet = item.text.starts_with("RT @");
  if (!bool_of("retweet", item.retweet) || !bool_of("quote", item.quote) ||
      !bool_of("is_quote_status", item.quote)) {
    return false;
  }
  if (j.contains("context") && !j["context"].is_null()) {
    if (!j["context"].is_object()) {
      message = "context: must be an object";
      return false;
    }
    item.context = j["context"];
  }
  return true;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return false;
    if (i + len > n) return false;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

std::string sanitize_utf8(std::string_view text) {
  if (valid_utf8(text)) return std::string(text);
  int32_t replaced = 0;
  return text::to_utf8(text::decode_utf8(text, replaced));
}

}  // namespace chime::cli
