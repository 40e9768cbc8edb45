// The analyser API, both entry points, with a fuzzed configuration and
// context. Input: CONFIG_JSON \0 CONTEXT_JSON \0 TEXT (empty parts = defaults).
//
// Checked beyond "no crash": when TEXT is valid UTF-8, the UTF-8 entry point
// and the UTF-16 one (given ICU's conversion of the same text) give the same
// Result, byte for byte; the TEXT bytes are also analysed as raw UTF-16 (lone
// surrogates and all), and every Result serialises.
#include <unicode/ustring.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "fuzz_input.hpp"

namespace {

chime::Analyzer& default_analyzer() {
  static chime::Analyzer analyzer;
  return analyzer;
}

bool utf16_of(std::string_view utf8, std::u16string& out) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out.resize(static_cast<size_t>(length));
  status = U_ZERO_ERROR;
  u_strFromUTF8(out.data(), length, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  return U_SUCCESS(status);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chime::fuzz::Fields fields(data, size);
  const std::string_view config_text = fields.next();
  const std::string_view context_text = fields.next();
  const std::string_view text = fields.rest();

  std::unique_ptr<chime::Analyzer> configured;
  if (!config_text.empty()) {
    std::vector<chime::ConfigError> errors;
    std::optional<chime::Config> config = chime::Config::parse(config_text, errors);
    if (!config) return 0;  // the config harness covers rejected documents
    configured = std::make_unique<chime::Analyzer>(std::move(*config));
  }
  chime::Analyzer& analyzer = configured ? *configured : default_analyzer();

  chime::Context context;
  if (!context_text.empty()) {
    const chime::Json j = chime::Json::parse(context_text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return 0;
    std::vector<std::string> errors;
    context = chime::Context::from_json(j, errors);
  }

  const chime::Result from_utf8 = analyzer.analyze(text, context);
  const std::string json_utf8 = chime::to_json_text(from_utf8);

  std::u16string utf16;
  if (utf16_of(text, utf16)) {
    const std::string json_utf16 = chime::to_json_text(analyzer.analyze(std::u16string_view(utf16), context));
    if (json_utf16 != json_utf8) {
      std::cerr << "UTF-8 and UTF-16 entry points disagree\nUTF-8:  " << json_utf8 << "\nUTF-16: " << json_utf16
                << "\n";
      std::abort();
    }
  }

  std::u16string raw(text.size() / 2, u'\0');
  for (size_t i = 0; i < raw.size(); ++i) {
    raw[i] = static_cast<char16_t>(static_cast<uint8_t>(text[2 * i]) | static_cast<uint8_t>(text[2 * i + 1]) << 8);
  }
  if (!chime::Json::accept(chime::to_json_text(analyzer.analyze(std::u16string_view(raw), context)))) std::abort();
  return 0;
}
