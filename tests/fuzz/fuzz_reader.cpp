// One input reader (native/readers.cpp) on any bytes. One object, linked as
// one executable per format: fuzz_read_<NAME> reads NAME as `chime check
// --input NAME` would (auto = detection from the first bytes).
// Each item then goes through context_for/post_info as `chime check` does.
// Checked beyond "no crash": items start on a line >= 1 in input order, and
// every error has a code and a message.
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

#include "analysis.hpp"
#include "input.hpp"
#include "readers.hpp"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::cerr << what << "\n";
  std::abort();
}

class CheckedHandler : public chime::cli::ItemHandler {
 public:
  void item(chime::cli::Item&& item) override {
    if (item.line < 1 || item.line < last_line_) fail("item line " + std::to_string(item.line) + " out of order");
    last_line_ = item.line;
    std::vector<std::string> errors;
    (void)chime::cli::context_for(item, config_, errors);
    (void)chime::cli::post_info(item, config_);
  }
  void error(chime::cli::InputError&& error) override {
    if (error.line < 0 || error.code.empty() || error.message.empty()) fail("an input error without code or message");
  }

 private:
  chime::Config config_;
  int64_t last_line_ = 0;
};

chime::cli::Format format_to_fuzz = chime::cli::Format::automatic;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const std::string_view self = *argc > 0 ? (*argv)[0] : "";
  const size_t at = self.rfind("fuzz_read_");
  const auto format = at == std::string_view::npos ? std::nullopt : chime::cli::format_from_name(self.substr(at + 10));
  if (!format) fail("run this harness as fuzz_read_<format>, not as " + std::string(self));
  format_to_fuzz = *format;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream stream(std::string(reinterpret_cast<const char*>(data), size));
  chime::cli::Input input(stream);
  chime::cli::Format format = format_to_fuzz;
  if (format == chime::cli::Format::automatic) format = chime::cli::detect_format("", input);
  CheckedHandler handler;
  chime::cli::read_items(input, format, handler);
  return 0;
}
