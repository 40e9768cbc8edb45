// JsonText writes what nlohmann's compact dump() writes for the same value:
// every kind of value, strings with every escape and ill-formed UTF-8, and
// Results, whose JSON text must read back (parsed, dumped) as the same text.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "examples.hpp"

using namespace chime;

namespace {

std::string dumped(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

TEST_CASE("json text: numbers, booleans and null as nlohmann dumps them") {
  for (double x : {0.0, -0.0, 1.0, -1.5, 0.1, 0.25, 1e-5, 123456789.0, 1e16, 1e21, 12.3, -0.733, 2.0 / 3.0,
                   std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    CAPTURE(x);
    CHECK(JsonText().value(x).str() == dumped(Json(x)));
  }
  for (int64_t n : {int64_t{0}, int64_t{-1}, int64_t{280}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    CHECK(JsonText().value(n).str() == dumped(Json(n)));
  }
  CHECK(JsonText().value(int32_t{-7}).str() == "-7");
  CHECK(JsonText().value(true).str() == "true");
  CHECK(JsonText().null().str() == "null");
}

TEST_CASE("json text: strings, with every escape and ill-formed UTF-8 replaced as nlohmann does") {
  std::vector<std::string> strings = {"", "plain", "quote \" and \\ back", "caf\xC3\xA9 \xF0\x9F\x98\x80",
                                      "bad \xC3 byte", "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80", "\x7F"};
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  strings.push_back(controls);
  strings.push_back(std::string("nul\0inside", 10));
  for (const std::string& s : strings) {
    CAPTURE(s);
    CHECK(JsonText().value(s).str() == dumped(Json(s)));
  }
}

TEST_CASE("json text: objects and arrays nest with commas where nlohmann puts them") {
  JsonText j;
  j.begin_object().field("a", 1).key("b").begin_array().value("x").begin_object().end_object().begin_array();
  j.end_array().value(std::vector<std::string>{"y", "z"}).end_array().field("c", 0.5).key("d").begin_object();
  j.end_object().end_object();
  const Json expected = {{"a", 1}, {"b", {"x", Json::object(), Json::array(), {"y", "z"}}}, {"c", 0.5}, {"d", Json::object()}};
  CHECK(j.str() == dumped(expected));
}

TEST_CASE("json text: every example's Result reads back as the same JSON") {
  Analyzer analyzer;
  int checked = 0;
  for (const testing::Example& e : testing::load_examples()) {
    const std::string text = to_json_text(analyzer.analyze(e.text));
    CAPTURE(e.text);
    CHECK(dumped(Json::parse(text)) == text);
    ++checked;
  }
  CHECK(checked > 100);
}
