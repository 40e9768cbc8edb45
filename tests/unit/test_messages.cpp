// The message catalog (core/data/messages/{en,es}.tsv, core/src/messages.*):
// both languages have the same keys with the same placeholders, every key a
// rule asks for exists, and no key is left unused.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "messages.hpp"
#include "rules/rule.hpp"

using namespace chime;

namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  static const std::regex placeholder(R"(\{[1-9]\})");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder); it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

// Every string literal of core/src/rules/*.cpp that looks like a message key
// ("family.something"); rule ids look the same and are told apart by the
// caller.
std::set<std::string> key_like_literals() {
  namespace fs = std::filesystem;
  static const std::regex literal(R"re("((?:n|list|insert|length|form|promo|talk|tone|value|care)\.[a-z0-9.-]+)")re");
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(CHIME_SOURCE_DIR) / "core" / "src" / "rules")) {
    if (e.path().extension() != ".cpp") continue;
    std::ifstream in(e.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
      out.insert((*it)[1].str());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("messages: English and Spanish have the same keys and placeholders") {
  const auto en = message_keys(Language::en);
  const auto es = message_keys(Language::es);
  CHECK(!en.empty());
  CHECK(std::set<std::string_view>(en.begin(), en.end()) == std::set<std::string_view>(es.begin(), es.end()));
  for (std::string_view key : en) {
    CAPTURE(key);
    CHECK(!message_template(Language::es, key).empty());
    CHECK(placeholders(message_template(Language::en, key)) == placeholders(message_template(Language::es, key)));
  }
}

TEST_CASE("messages: every key a rule uses exists, and every key is used") {
  const std::set<std::string> literals = key_like_literals();
  std::set<std::string_view> rule_ids;
  for (const RuleInfo& r : all_rules()) rule_ids.insert(r.id);
  for (const std::string& literal : literals) {
    CAPTURE(literal);
    CHECK((!message_template(Language::en, literal).empty() || rule_ids.contains(literal)));
  }
  for (std::string_view key : message_keys(Language::en)) {
    CAPTURE(key);
    CHECK(literals.contains(std::string(key)));
  }
}

TEST_CASE("messages: placeholders are filled in order, a missing key is an error naming it") {
  CHECK(message(Language::en, "talk.chat-suggest", {"diabetes", "DSMA"}) ==
        "People talk about diabetes in the #DSMA tweet chat.");
  CHECK(message(Language::es, "talk.chat-suggest", {"diabetes", "DSMA"}) == "Se habla de diabetes en el chat #DSMA.");
  CHECK(message(Language::und, "n.word", {"1"}) == "1 word");
  CHECK_THROWS_WITH_AS(message(Language::en, "no.such-key"), doctest::Contains("no.such-key"), std::out_of_range);
}
