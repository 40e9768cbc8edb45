// The WebAssembly engine's C ABI: converts types and nothing else; every
// decision is core's. wasm/chime-api.js wraps these functions in the
// JavaScript interface documented in docs/wasm.md.
//
// Strings cross as (pointer, length) into wasm memory. Every call that
// answers with text leaves it in one buffer owned by the engine (valid until
// the next call) and returns its address; chime_output_size() is its length
// in bytes (UTF-8). Nothing is allocated per call that outlives the call, so
// a million analyses leave the heap as they found it.
#include <emscripten/emscripten.h>

#include <malloc.h>

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "chime/config.hpp"
#include "chime/context.hpp"
#include "chime/result.hpp"
#include "rules/rule.hpp"

namespace {

struct Engine {
  chime::Analyzer analyzer;
  std::string output;  // the last answer, read by JavaScript
};

Engine& engine() {
  static Engine instance;
  return instance;
}

const char* answer(std::string text) {
  Engine& e = engine();
  e.output = std::move(text);
  return e.output.c_str();
}

// Context arrives as JSON text (empty: none). Bad fields are the caller's bug:
// they are reported as an error (JavaScript throws), never silently analysed.
chime::Context parse_context(std::string_view json, std::vector<std::string>& errors) {
  if (json.empty()) return {};
  chime::Json j = chime::Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    errors.push_back("context: not valid JSON");
    return {};
  }
  return chime::Context::from_json(j, errors);
}

template <typename Text>
const char* analyze(Text text, std::string_view context_json) {
  try {
    std::vector<std::string> context_errors;
    const chime::Context context = parse_context(context_json, context_errors);
    if (!context_errors.empty()) {
      std::string message;
      for (const std::string& error : context_errors) message += (message.empty() ? "" : "; ") + error;
      return answer(chime::Json{{"error", message}}.dump());
    }
    const chime::Result result = engine().analyzer.analyze(text, context);
    // The same JSON text as the native CLI writes.
    return answer(chime::to_json_text(result));
  } catch (const std::exception& e) {
    return answer(chime::Json{{"error", e.what()}}.dump());
  }
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* chime_output_data() { return engine().output.c_str(); }
EMSCRIPTEN_KEEPALIVE size_t chime_output_size() { return engine().output.size(); }

EMSCRIPTEN_KEEPALIVE const char* chime_version() { return answer(std::string(chime::version())); }

// Returns 1 and keeps the new configuration, or returns 0, keeps the previous
// one and answers [{"path", "message"}, ...].
EMSCRIPTEN_KEEPALIVE int chime_set_config(const char* json, size_t size) {
  std::vector<chime::ConfigError> errors;
  std::optional<chime::Config> config;
  try {
    config = chime::Config::parse(std::string_view(json, size), errors);
  } catch (const std::exception& e) {
    errors.push_back({"", e.what()});
  }
  if (config) {
    engine().analyzer = chime::Analyzer(std::move(*config));
    answer("[]");
    return 1;
  }
  chime::Json list = chime::Json::array();
  for (const chime::ConfigError& error : errors) {
    list.push_back({{"path", error.path}, {"message", error.message}});
  }
  if (list.empty()) list.push_back({{"path", ""}, {"message", "invalid configuration"}});
  answer(list.dump());
  return 0;
}

// The current configuration, normalised (Config::to_json).
EMSCRIPTEN_KEEPALIVE const char* chime_config() {
  return answer(engine().analyzer.config().to_json().dump());
}

// JavaScript strings: UTF-16 code units, offsets match text.slice().
EMSCRIPTEN_KEEPALIVE const char* chime_analyze_utf16(const char16_t* text, size_t length,
                                                     const char* context, size_t context_size) {
  return analyze(std::u16string_view(text, length), std::string_view(context, context_size));
}

// Raw bytes: the native UTF-8 path, invalid sequences reported as native does.
EMSCRIPTEN_KEEPALIVE const char* chime_analyze_utf8(const char* text, size_t size,
                                                    const char* context, size_t context_size) {
  return analyze(std::string_view(text, size), std::string_view(context, context_size));
}

// Every rule with its description in `lang` ("es"; anything else: English).
EMSCRIPTEN_KEEPALIVE const char* chime_rules(const char* lang, size_t size) {
  const chime::Language language = std::string_view(lang, size) == "es" ? chime::Language::es : chime::Language::en;
  chime::Json list = chime::Json::array();
  for (const chime::RuleInfo& rule : chime::all_rules()) {
    list.push_back({{"id", std::string(rule.id)},
                    {"severity", std::string(chime::to_string(rule.default_severity))},
                    {"description", chime::rule_description(rule, language)}});
  }
  return answer(list.dump());
}

// Bytes of heap in use (dlmalloc's count), for the memory test.
EMSCRIPTEN_KEEPALIVE size_t chime_heap_used() { return mallinfo().uordblks; }

}  // extern "C"
