// PLACEHOLDER until configuration parsing lands.
#include "chime/config.hpp"
namespace chime {
std::optional<Config> Config::parse(const Json&, std::vector<ConfigError>&) { return Config{}; }
std::optional<Config> Config::parse(std::string_view text, std::vector<ConfigError>& errors) {
  return parse(Json::parse(text), errors);
}
Json Config::to_json() const { return Json::object(); }
bool Config::enabled(std::string_view rule) const { return !disabled_rules.contains(std::string(rule)); }
}  // namespace chime
