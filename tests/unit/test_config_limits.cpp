// A configuration list over its 500-item cap is refused for its size alone,
// before any item is looked at (issue 14: 100,000 phrases took 9-12 s and
// gave an error per item). The error count is the observable work.
#include <doctest/doctest.h>

#include "chime/config.hpp"

using namespace chime;

TEST_CASE("config: a list over 500 items gets one error, its items are not checked") {
  for (const char* item : {"", "Mercy General", "@not a handle"}) {
    Json names = Json::array();
    for (int i = 0; i < 100000; ++i) names.push_back(item);
    Json config = {{"organization", {{"names", names}, {"handles", names}}}};
    std::vector<ConfigError> errors;
    CHECK_FALSE(Config::parse(config, errors));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].path == "organization.names");
    CHECK(errors[0].message == "must have at most 500 items");
    CHECK(errors[1].path == "organization.handles");
  }
}

TEST_CASE("config: a list of exactly 500 items is read") {
  Json names = Json::array();
  for (int i = 0; i < 500; ++i) names.push_back("Name " + std::to_string(i));
  std::vector<ConfigError> errors;
  const auto config = Config::parse(Json{{"organization", {{"names", names}}}}, errors);
  CHECK(errors.empty());
  REQUIRE(config);
  CHECK(config->org_names.size() == 500);
}
