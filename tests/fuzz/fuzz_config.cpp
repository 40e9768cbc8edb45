// The configuration parser on any bytes. Checked beyond "no crash": a
// document it accepts round-trips (Config::to_json parses again, to the same
// normalised document), and every rejection names at least one problem.
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <vector>

#include "chime/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<chime::ConfigError> errors;
  const std::optional<chime::Config> config = chime::Config::parse(text, errors);
  if (!config) {
    if (errors.empty()) {
      std::cerr << "a configuration was rejected without an error\n";
      std::abort();
    }
    return 0;
  }
  const chime::Json normal = config->to_json();
  std::vector<chime::ConfigError> again_errors;
  const std::optional<chime::Config> again = chime::Config::parse(normal, again_errors);
  if (!again || again->to_json() != normal) {
    std::cerr << "the normalised configuration does not round-trip: " << normal.dump() << "\n";
    std::abort();
  }
  return 0;
}
