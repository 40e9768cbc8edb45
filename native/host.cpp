// The native-messaging host (docs/native-messaging.md): the browser starts
// `chime` with the caller's origin and talks in frames, a 4-byte length in
// native byte order then that many bytes of UTF-8 JSON, both ways. Every
// request gets an answer; a bad one gets an ok:false frame and the host goes
// on serving until the browser closes its end.
#include <cstdio>
#include <cstring>
#include <functional>
#include <istream>
#include <optional>

#include "analysis.hpp"
#include "chime/json_text.hpp"
#include "commands.hpp"
#include "limits.hpp"
#include "writers.hpp"

namespace chime::cli {

namespace {

constexpr uint64_t kDefaultMaxRequest = 64ull * 1024 * 1024;
constexpr uint64_t kMaxReply = 1024 * 1024;        // the browsers' limit for a host's message
constexpr size_t kFrameBudget = 900 * 1024;        // a check frame is cut before this size
constexpr size_t kMaxResultsPerFrame = 100;        // so that progress moves on small results too
constexpr size_t kMaxReportedErrors = 1000;        // the rest are counted in errors_total
constexpr size_t kMaxIdBytes = 256;
constexpr size_t kKeptRequestBuffer = 1024 * 1024;  // a larger request's buffer is freed once answered

// A request's failure: answered with ok:false, then the host reads on.
struct RequestError {
  std::string code, message;
};

class Channel {
 public:
  enum class Read { frame, end, truncated_header, truncated_body, too_large };

  explicit Channel(uint64_t max_request) : max_request_(max_request) {}
  static constexpr size_t kReadPiece = 1024 * 1024;

  Read read(std::string& body, uint64_t& length) {
    unsigned char header[4];
    const size_t got = std::fread(header, 1, 4, stdin);
    if (got == 0) return Read::end;
    if (got < 4) return Read::truncated_header;
    uint32_t n;
    std::memcpy(&n, header, 4);  // native byte order, as the browser writes it
    length = n;
    if (length > max_request_) return Read::too_large;  // the caller answers, then skip()s it
    // Grown as the bytes arrive, a piece at a time: a header that announces
    // more than follows costs what did follow, not the announced length.
    body.clear();
    while (body.size() < length) {
      const size_t have = body.size();
      const size_t want = std::min<uint64_t>(length - have, kReadPiece);
      body.resize(have + want);
      const size_t arrived = std::fread(body.data() + have, 1, want, stdin);
      body.resize(have + arrived);
      if (arrived < want) return Read::truncated_body;
    }
    return Read::frame;
  }

  // Reads an over-limit body in small pieces and drops it, never holding it
  // whole; false if the input ends first.
  static bool skip(uint64_t length) {
    char buffer[64 * 1024];
    while (length > 0) {
      const size_t want = length < sizeof buffer ? static_cast<size_t>(length) : sizeof buffer;
      const size_t got = std::fread(buffer, 1, want, stdin);
      if (got == 0) return false;
      length -= got;
    }
    return true;
  }

  // False once the browser is gone. A body at or over the browsers' 1 MiB
  // limit is never sent (the browser would drop the connection): an error
  // frame goes instead. Callers trim first; this is the last guard.
  bool write_raw(const std::string& body) {
    if (body.size() >= kMaxReply) {
      return write_raw(R"({"id":null,"ok":false,"error":{"code":"too_large","message":"a reply of )" +
                       std::to_string(body.size()) + R"( bytes is over the 1 MiB limit and was not sent"}})");
    }
    const auto n = static_cast<uint32_t>(body.size());
    unsigned char header[4];
    std::memcpy(header, &n, 4);
    return std::fwrite(header, 1, 4, stdout) == 4 && std::fwrite(body.data(), 1, body.size(), stdout) == body.size() &&
           std::fflush(stdout) == 0;
  }

  bool write(const Json& reply) { return write_raw(dump_line(reply)); }

 private:
  uint64_t max_request_;
};

Json error_reply(const Json& id, const std::string& code, const std::string& message) {
  return {{"id", id}, {"ok", false}, {"error", {{"code", code}, {"message", message}}}};
}

// A read-only stream over bytes held elsewhere (a file's content in the
// request), so that reading it twice copies nothing.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data());  // never written: no put area, no putback
    setg(p, p, p + bytes.size());
  }
};

// Parses a request while holding at most kMaxHeldJsonValues values at once.
// The elements of the top-level "items" array are not kept: each is handed
// to `each_item` as soon as it is parsed (if given) and dropped, so a check
// over items holds one element at a time however long the list.
Json parse_request_json(const std::string& body, const std::function<void(Json&&)>& each_item,
                        uint64_t& item_count) {
  if (json_depth(body) > kMaxJsonDepth) {
    throw JsonLimitError("nested deeper than " + std::to_string(kMaxJsonDepth) + " arrays or objects");
  }
  using Event = Json::parse_event_t;
  bool after_items_key = false, in_items = false;
  size_t held = 0, held_in_item = 0;
  item_count = 0;
  const Json::parser_callback_t callback = [&](int depth, Event event, Json& parsed) {
    if (event == Event::key && depth == 1) {
      after_items_key = parsed == "items";
      return true;
    }
    if (depth == 1 && event == Event::array_start) in_items = after_items_key;
    if (depth == 1 && (event == Event::array_end || event == Event::object_start)) in_items = false;
    const bool in_element = in_items && depth >= 2;
    if (event == Event::value || event == Event::object_start || event == Event::array_start) {
      if (++(in_element ? held_in_item : held) > kMaxHeldJsonValues) {
        throw JsonLimitError(in_element ? "an element of items holds more than " +
                                              std::to_string(kMaxHeldJsonValues) + " JSON values"
                                        : "more than " + std::to_string(kMaxHeldJsonValues) +
                                              " JSON values outside items");
      }
    }
    if (in_element && depth == 2 && (event == Event::value || event == Event::object_end || event == Event::array_end)) {
      ++item_count;
      held_in_item = 0;
      if (each_item) each_item(std::move(parsed));
      return false;  // dropped from the document
    }
    return true;
  };
  return Json::parse(body, callback);
}

// Collects a check's results into frames under the reply limit. With
// `lines` (a file check asked for them), each result and error also carries
// the bytes `chime check --format csv` / `ndjson` write for it, from the CLI's
// own writer, so that the bulk page's export is that writer's output.
class CheckStream : public ItemHandler {
 public:
  CheckStream(Channel& channel, const Json& id, Analyzer& analyzer, uint64_t total, bool by_line,
              std::optional<std::string> lines_file = std::nullopt)
      : channel_(channel), id_(dump_line(id)), analyzer_(analyzer), total_(total), by_line_(by_line),
        lines_file_(std::move(lines_file)) {}

  void set_index(int64_t index) { index_ = index; }

  void item(Item&& item) override {
    const int64_t where = by_line_ ? item.line : index_;
    std::vector<std::string> context_errors;
    const Context context = context_for(item, analyzer_.config(), context_errors);
    for (const std::string& message : context_errors) add_error(where, item.id, "bad_item", message);
    const Result result = analyzer_.analyze(item.text, context);
    summary_.add(post_info(item, analyzer_.config()), result);
    ++done_;
    JsonText entry;
    entry.begin_object().key("id");
    if (item.id.empty()) {
      entry.null();
    } else {
      entry.value(item.id);
    }
    entry.field(by_line_ ? "line" : "index", where).field("text", item.text);  // the bulk page shows what was checked
    write_json(entry.key("result"), result);
    if (lines_file_) {
      entry.field("csv", csv_row(*lines_file_, item, result));
      entry.field("ndjson", item_line(*lines_file_, item, result) + "\n");
    }
    std::string text = entry.end_object().take();
    if (text.size() + id_.size() + 200 > kFrameBudget) {
      add_error(where, item.id, "too_large", "the result of this item is over the reply limit; shorten the text");
      return;
    }
    if (pending_.size() + text.size() + id_.size() + 200 > kFrameBudget || pending_count_ == kMaxResultsPerFrame) {
      flush();
    }
    pending_ += pending_.empty() ? "" : ",";
    pending_ += text;
    ++pending_count_;
  }

  void error(InputError&& e) override { add_error(by_line_ ? e.line : index_, "", e.code, e.message); }

  void add_error(int64_t where, const std::string& item_id, const std::string& code, const std::string& message) {
    ++errors_total_;
    if (errors_.size() >= kMaxReportedErrors) return;
    Json e = {{by_line_ ? "line" : "index", where}};
    if (!item_id.empty()) e["id"] = item_id;
    e["code"] = code;
    e["message"] = message;
    if (lines_file_) e["ndjson"] = dump_line(error_json(*lines_file_, InputError{where, code, message})) + "\n";
    errors_.push_back(std::move(e));
  }

  bool flush() {
    if (pending_count_ == 0) return ok_;
    ok_ = channel_.write_raw("{\"id\":" + id_ + ",\"ok\":true,\"done\":false,\"results\":[" + pending_ +
                             "],\"progress\":" + progress().dump() + "}") && ok_;
    pending_.clear();
    pending_count_ = 0;
    return ok_;
  }

  bool finish() {
    if (!flush()) return false;
    Json reply = {{"id", Json::parse(id_)}, {"ok", true}, {"done", true}, {"progress", progress()},
                  {"summary", summary_.to_json()}, {"errors", errors_}, {"errors_total", errors_total_}};
    if (lines_file_) reply["csv_header"] = csv_header();
    std::string text = dump_line(reply);
    while (text.size() >= kMaxReply && !reply["errors"].empty()) {  // only a flood of long errors gets here
      Json& list = reply["errors"];
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(list.size() / 2), list.end());
      text = dump_line(reply);
    }
    // Then the summary's lists that grow with the input: the monthly trend
    // (its latest months kept) and the rewrite list (its worst posts kept).
    for (const char* key : {"trend", "rewrite"}) {
      if (!reply["summary"].contains(key)) continue;
      Json& list = reply["summary"][key];
      while (text.size() >= kMaxReply && list.is_array() && !list.empty()) {
        const auto half = static_cast<std::ptrdiff_t>(list.size() / 2);
        if (std::string_view(key) == "trend") list.erase(list.begin(), list.begin() + std::max<std::ptrdiff_t>(half, 1));
        else list.erase(list.begin() + half, list.end());
        reply["summary_trimmed"] = "the summary was over the 1 MiB reply limit: trend keeps its latest months and "
                                   "rewrite its worst posts";
        text = dump_line(reply);
      }
    }
    return channel_.write_raw(text);
  }

 private:
  Json progress() const { return {{"done", done_}, {"total", total_}}; }

  Channel& channel_;
  std::string id_;
  Analyzer& analyzer_;
  AccountSummary summary_;
  uint64_t total_, done_ = 0;
  bool by_line_;
  std::optional<std::string> lines_file_;  // the file's name, when lines were asked for
  int64_t index_ = 0;
  std::string pending_;
  size_t pending_count_ = 0;
  Json errors_ = Json::array();
  uint64_t errors_total_ = 0;
  bool ok_ = true;
};

// Counts a file's items before the real pass, so progress has a total.
class CountItems : public ItemHandler {
 public:
  uint64_t count = 0;
  void item(Item&&) override { ++count; }
  void error(InputError&&) override {}
};

class Host {
 public:
  explicit Host(uint64_t max_request) : channel_(max_request), max_request_(max_request) {}

  int serve() {
    std::string body;
    while (true) {
      uint64_t length = 0;
      switch (channel_.read(body, length)) {
        case Channel::Read::end:
          return kExitOk;
        case Channel::Read::truncated_header:
          channel_.write(error_reply(nullptr, "bad_request", "the input ended inside a frame's 4-byte length"));
          return kExitOk;
        case Channel::Read::truncated_body:
          channel_.write(error_reply(nullptr, "bad_request",
                                     "the input ended inside a frame: " + std::to_string(length) +
                                         " bytes announced"));
          return kExitOk;
        case Channel::Read::too_large:
          if (!channel_.write(error_reply(nullptr, "too_large",
                                          "a request of " + std::to_string(length) + " bytes is over the limit of " +
                                              std::to_string(max_request_) + " bytes; it is skipped"))) {
            return kExitOk;
          }
          if (!Channel::skip(length)) return kExitOk;  // the input ended inside it
          continue;
        case Channel::Read::frame:
          break;
      }
      if (!handle(body)) return kExitOk;  // the browser closed our output
      if (body.capacity() > kKeptRequestBuffer) std::string().swap(body);  // not held between requests
    }
  }

 private:
  // False when replies can no longer be written.
  bool handle(const std::string& body) {
    Json id = nullptr;
    try {
      Json request = parse_request(body, id, item_count_);
      const std::string type = request["type"].get<std::string>();
      if (type == "hello") return hello(id);
      if (type == "analyze") return analyze(id, request);
      if (type == "check") return check(id, request, body);
      throw RequestError{"unknown_type", "type \"" + sanitize_utf8(type) + "\" is not one of hello, analyze, check"};
    } catch (const RequestError& e) {
      return channel_.write(error_reply(id, e.code, e.message));
    } catch (const std::exception& e) {
      return channel_.write(error_reply(id, "internal", std::string("internal error: ") + e.what()));
    }
  }

  // The request without the elements of its "items" (counted in item_count;
  // check() reads them in a second pass).
  Json parse_request(const std::string& body, Json& id, uint64_t& item_count) {
    if (!valid_utf8(body)) throw RequestError{"bad_utf8", "the request is not valid UTF-8"};
    Json request;
    try {
      request = parse_request_json(body, nullptr, item_count);
    } catch (const JsonLimitError& e) {
      throw RequestError{"too_large", std::string("the request is refused: ") + e.what()};
    } catch (const std::exception& e) {
      throw RequestError{"bad_json", "the request is not JSON: " + json_error_message(e)};
    }
    if (!request.is_object()) throw RequestError{"bad_request", "a request is a JSON object with \"id\" and \"type\""};
    if (request.contains("id")) {
      const Json& given = request["id"];
      const bool usable = given.is_null() || given.is_number() ||
                          (given.is_string() && given.get_ref<const std::string&>().size() <= kMaxIdBytes);
      if (!usable) throw RequestError{"bad_request", "id: must be a number or a string of at most 256 bytes"};
      id = given;
    }
    if (!request.contains("type")) throw RequestError{"bad_request", "type: missing (hello, analyze or check)"};
    if (!request["type"].is_string()) throw RequestError{"bad_request", "type: must be a string (hello, analyze or check)"};
    return request;
  }

  Analyzer& analyzer_for(const Json& request) {
    const Json config = request.contains("config") ? request["config"] : Json(nullptr);
    if (!config.is_null() && !config.is_object()) throw RequestError{"bad_config", "config: must be an object"};
    std::string message;
    Analyzer* analyzer = analyzers_.get(config, message);
    if (!analyzer) throw RequestError{"bad_config", message};
    return *analyzer;
  }

  bool hello(const Json& id) {
    return channel_.write({{"id", id},
                           {"ok", true},
                           {"version", std::string(version())},
                           {"schema", std::string(kResultSchema)},
                           {"limits", {{"max_request_bytes", max_request_}, {"max_reply_bytes", kMaxReply}}},
                           {"formats", {"text", "jsonl", "csv", "tsv", "json", "tweets.js"}}});
  }

  bool analyze(const Json& id, const Json& request) {
    if (!request.contains("text") || !request["text"].is_string()) {
      throw RequestError{"bad_request", "text: must be a string"};
    }
    if (request["text"].get_ref<const std::string&>().size() > kMaxTextBytes) {
      throw RequestError{"too_large", "text: over the limit of " + std::to_string(kMaxTextBytes / 1024) + " KiB"};
    }
    std::vector<std::string> context_errors;
    Context context;
    if (request.contains("context")) context = Context::from_json(request["context"], context_errors);
    if (!context_errors.empty()) {
      std::string message;
      for (const std::string& e : context_errors) message += (message.empty() ? "" : "; ") + e;
      throw RequestError{"bad_request", message};
    }
    Analyzer& analyzer = analyzer_for(request);
    const Result result = analyzer.analyze(request["text"].get_ref<const std::string&>(), context);
    JsonText reply;
    reply.begin_object().key("id").raw(dump_line(id)).field("ok", true);
    write_json(reply.key("result"), result);
    std::string text = reply.end_object().take();
    if (text.size() >= kMaxReply) {
      throw RequestError{"too_large", "the result is over the reply limit of 1 MiB; analyse a shorter text"};
    }
    return channel_.write_raw(text);
  }

  bool check(const Json& id, const Json& request, const std::string& body) {
    const bool has_items = request.contains("items"), has_file = request.contains("file");
    if (has_items == has_file) throw RequestError{"bad_request", "check needs \"items\" (an array) or \"file\", not both"};
    bool lines = false;
    if (request.contains("lines")) {
      if (!request["lines"].is_boolean()) throw RequestError{"bad_request", "lines: must be true or false"};
      lines = request["lines"].get<bool>();
      if (lines && has_items) throw RequestError{"bad_request", "lines: only for a check of a \"file\""};
    }
    Analyzer& analyzer = analyzer_for(request);
    if (has_items) {
      if (!request["items"].is_array()) throw RequestError{"bad_request", "items: must be an array"};
      // The second pass: each element analysed as it is parsed, then dropped.
      CheckStream stream(channel_, id, analyzer, item_count_, false);
      int64_t next = 0;
      uint64_t count = 0;
      parse_request_json(body, [&](Json&& value) {
        const int64_t index = next++;
        stream.set_index(index);
        Item item;
        std::string message;
        if (!item_from_json(value, item, message)) {
          stream.add_error(index, "", "bad_item", "items[" + std::to_string(index) + "]: " + message);
          return;
        }
        hand_on(std::move(item), stream);
      }, count);
      return stream.finish();
    }
    const Json& file = request["file"];
    if (!file.is_object() || !file.contains("content") || !file["content"].is_string()) {
      throw RequestError{"bad_request", "file: must be {\"name\": \"...\", \"content\": \"...\"}"};
    }
    const std::string name = file.contains("name") && file["name"].is_string() ? file["name"].get<std::string>() : "";
    Format format = Format::automatic;
    if (file.contains("format")) {
      auto f = file["format"].is_string() ? format_from_name(file["format"].get<std::string>()) : std::nullopt;
      if (!f) throw RequestError{"bad_request", "file.format: use auto, text, jsonl, csv, tsv, json or tweets.js"};
      format = *f;
    }
    const std::string& content = file["content"].get_ref<const std::string&>();
    CountItems counter;
    {
      ViewBuffer bytes(content);
      std::istream in(&bytes);
      Input input(in);
      read_items(input, format == Format::automatic ? detect_format(name, input) : format, counter);
    }
    ViewBuffer bytes(content);
    std::istream in(&bytes);
    Input input(in);
    CheckStream stream(channel_, id, analyzer, counter.count, true, lines ? std::optional(name) : std::nullopt);
    read_items(input, format == Format::automatic ? detect_format(name, input) : format, stream);
    return stream.finish();
  }

  Channel channel_;
  uint64_t max_request_;
  AnalyzerCache analyzers_;
  uint64_t item_count_ = 0;  // elements of the current request's "items"
};

bool origin_allowed(const std::vector<std::string>& args) {
  if (args.empty()) return false;
  // Chrome, Chromium, Edge, Brave: "chrome-extension://<id>/".
  const std::string chrome = "chrome-extension://" + chrome_extension_id();
  if (args[0] == chrome + "/" || args[0] == chrome) return true;
  // Firefox: the host manifest's path, then the extension's id.
  return args.size() >= 2 && args[1] == firefox_extension_id();
}

}  // namespace

int run_host(const std::vector<std::string>& args) {
  uint64_t max_request = kDefaultMaxRequest;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "--max-request-bytes" && i + 1 < args.size()) value = args[i + 1];
    else if (args[i].starts_with("--max-request-bytes=")) value = args[i].substr(20);
    else continue;
    char* end = nullptr;
    const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || n == 0 || n > 0xFFFFFFFFull) {
      complain("--max-request-bytes " + value + ": use a number of bytes from 1 to 4294967295");
      return kExitUsage;
    }
    max_request = n;
  }
  Channel channel(max_request);
  if (!origin_allowed(args)) {
    const std::string caller = args.empty() ? "(none)" : sanitize_utf8(args[0]);
    complain("refusing native-messaging caller " + caller + ": only Chime's extension (chrome-extension://" +
             chrome_extension_id() + "/ or " + firefox_extension_id() + ") may start the host");
    channel.write(error_reply(nullptr, "forbidden", "this host answers only to Chime's extension"));
    return 1;
  }
  return Host(max_request).serve();
}

}  // namespace chime::cli
