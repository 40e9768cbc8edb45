// Configuration: parsing, validation with key paths, and its effect on rules.
#include <doctest/doctest.h>

#include <algorithm>

#include "chime/analyzer.hpp"
#include "chime/config.hpp"

using namespace chime;

namespace {

std::vector<ConfigError> errors_of(std::string_view json) {
  std::vector<ConfigError> errors;
  auto config = Config::parse(json, errors);
  CHECK_MESSAGE(!config, "expected " << json << " to be refused");
  return errors;
}

bool has_error(const std::vector<ConfigError>& errors, std::string_view path, std::string_view words = "") {
  return std::any_of(errors.begin(), errors.end(), [&](const ConfigError& e) {
    return e.path == path && e.message.find(words) != std::string::npos;
  });
}

Config parse_ok(std::string_view json) {
  std::vector<ConfigError> errors;
  auto config = Config::parse(json, errors);
  for (const auto& e : errors) FAIL_CHECK(e.path << ": " << e.message);
  REQUIRE(config);
  return *config;
}

int count(const Result& r, std::string_view rule) {
  return static_cast<int>(std::count_if(r.hints.begin(), r.hints.end(), [&](const Hint& h) { return h.rule == rule; }));
}

}  // namespace

TEST_CASE("config: no document, an empty object and null all give the defaults") {
  for (std::string_view json : {"{}", "null"}) {
    Config c = parse_ok(json);
    CHECK(c.max_hashtags == 2);
    CHECK(c.reading_grade == 8.0);
    CHECK(c.mention_wall == 3);
    CHECK(c.disabled_rules.empty());
  }
}

TEST_CASE("config: a full document is read and normalised") {
  Config c = parse_ok(R"({
    "schema": "chime.config/1",
    "organization": {"names": ["Mercy General", "Mercy"], "handles": ["@MercyGeneral", "MercyER"],
                     "hashtags": ["#MercyCares"]},
    "chats": ["#MyChat", "otherchat"],
    "phrases": {"promo.superlative": ["best-in-region"], "talk.invite": ["send them in"]},
    "rules": {"promo.self-focus": "off", "form.exclamations": "warning", "talk.chat": "on"},
    "thresholds": {"hashtags": 3, "reading_grade": 9.5, "mention_wall": 4}
  })");
  CHECK(c.org_names == std::vector<std::string>{"Mercy General", "Mercy"});
  CHECK(c.org_handles == std::vector<std::string>{"mercygeneral", "mercyer"});
  CHECK(c.brand_hashtags == std::vector<std::string>{"mercycares"});
  CHECK(c.extra_chats == std::vector<std::string>{"mychat", "otherchat"});
  CHECK(c.extra_phrases.at("promo.superlative") == std::vector<std::string>{"best-in-region"});
  CHECK(c.disabled_rules == std::set<std::string, std::less<>>{"promo.self-focus"});
  CHECK(c.severity_overrides.at("form.exclamations") == Severity::warning);
  CHECK(c.max_hashtags == 3);
  CHECK(c.reading_grade == 9.5);
  CHECK(c.mention_wall == 4);
  CHECK_FALSE(c.enabled("promo.self-focus"));
  CHECK(c.enabled("talk.chat"));

  // to_json writes the same shape, and reading it back gives the same config.
  Config again = parse_ok(c.to_json().dump());
  CHECK(again.to_json() == c.to_json());
  CHECK(c.to_json()["organization"]["handles"] == Json::array({"@mercygeneral", "@mercyer"}));
}

TEST_CASE("config: every problem is reported, each with its key path") {
  auto errors = errors_of(R"({
    "organisation": {},
    "organization": {"names": ["Mercy", 3], "handles": ["@not a handle"], "hashtags": "#one"},
    "chats": ["#ok", ""],
    "phrases": {"promo.nope": ["x"], "form.shouting": ["x"], "talk.invite": "tell us"},
    "rules": {"promo.nope": "off", "talk.question": "loud", "form.shouting": false},
    "thresholds": {"hashtags": 99, "reading_grade": "eight", "mention_wall": 1, "length": 3}
  })");
  CHECK(has_error(errors, "organisation", "unknown key"));
  CHECK(has_error(errors, "organization.names[1]", "must be a string"));
  CHECK(has_error(errors, "organization.handles[0]", "handle"));
  CHECK(has_error(errors, "organization.hashtags", "list of strings"));
  CHECK(has_error(errors, "chats[1]", "non-empty"));
  CHECK(has_error(errors, "phrases.promo.nope", "unknown rule id"));
  CHECK(has_error(errors, "phrases.form.shouting", "does not take extra phrases"));
  CHECK(has_error(errors, "phrases.talk.invite", "list of strings"));
  CHECK(has_error(errors, "rules.promo.nope", "unknown rule id"));
  CHECK(has_error(errors, "rules.talk.question", "\"off\""));
  CHECK(has_error(errors, "rules.form.shouting", "\"off\""));
  CHECK(has_error(errors, "thresholds.hashtags", "0 to 30"));
  CHECK(has_error(errors, "thresholds.reading_grade", "1 to 20"));
  CHECK(has_error(errors, "thresholds.mention_wall", "2 to 20"));
  CHECK(has_error(errors, "thresholds.length", "unknown key"));
  CHECK(errors.size() == 15);
}

TEST_CASE("config: wrong shapes and broken JSON are refused") {
  CHECK(has_error(errors_of("[]"), "(root)", "object"));
  CHECK(has_error(errors_of(R"({"schema": "chime.config/2"})"), "schema"));
  CHECK(has_error(errors_of(R"({"rules": []})"), "rules", "object"));
  CHECK(has_error(errors_of(R"({"thresholds": {"hashtags": 2.5}})"), "thresholds.hashtags"));
  auto broken = errors_of(R"({"rules": {)");
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].path == "(root)");
  CHECK(broken[0].message.find("invalid JSON") == 0);
  // A number past double's range is nlohmann's out_of_range, not a parse_error
  // (found by tests/fuzz/fuzz_config): refused the same way, not thrown.
  auto overflow = errors_of(R"({"thresholds": {"reading_grade": 1E400}})");
  REQUIRE(overflow.size() == 1);
  CHECK(overflow[0].path == "(root)");
  CHECK(overflow[0].message.find("invalid JSON") == 0);
  CHECK(overflow[0].message.find("1E400") != std::string::npos);
}

TEST_CASE("config: rules can be switched off and re-graded") {
  const std::string text = "Our new wing is open!! Come see it!";
  const Result plain = Analyzer().analyze(text);
  REQUIRE(count(plain, "form.exclamations") == 1);
  const Config c = parse_ok(R"({"rules": {"form.exclamations": "warning", "talk.broadcast": "off"}})");
  const Result tuned = Analyzer(c).analyze(text);
  REQUIRE(count(tuned, "form.exclamations") == 1);
  CHECK(std::find_if(tuned.hints.begin(), tuned.hints.end(), [](const Hint& h) {
          return h.rule == "form.exclamations";
        })->severity == Severity::warning);
  CHECK(count(plain, "talk.broadcast") == 1);
  CHECK(count(tuned, "talk.broadcast") == 0);
}

TEST_CASE("config: organisation names and handles feed promo.self-focus") {
  const std::string text = "Mercy General opened its 12th clinic. Thanks to @MercyGeneral volunteers.";
  CHECK(count(Analyzer().analyze(text), "promo.self-focus") == 0);
  const Config c = parse_ok(R"({"organization": {"names": ["Mercy General"], "handles": ["@mercygeneral"]}})");
  const Result r = Analyzer(c).analyze(text);
  CHECK(count(r, "promo.self-focus") == 1);
  CHECK(count(r, "talk.mention") == 0);  // our own handle is not a conversation
}

TEST_CASE("config: extra chats feed talk.chat; the hashtag threshold feeds form.hashtag-pileup") {
  const std::string text = "Ask our dietitians anything on #EatWellChat at noon. #nutrition #health";
  CHECK(count(Analyzer().analyze(text), "talk.chat") == 0);
  CHECK(count(Analyzer().analyze(text), "form.hashtag-pileup") == 1);
  const Config c = parse_ok(R"({"chats": ["#eatwellchat"], "thresholds": {"hashtags": 3}})");
  CHECK(count(Analyzer(c).analyze(text), "talk.chat") == 1);
  CHECK(count(Analyzer(c).analyze(text), "form.hashtag-pileup") == 0);
}
