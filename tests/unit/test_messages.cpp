// The message catalog (core/data/messages/{en,es}.tsv, core/src/messages.*):
// both languages have the same keys with the same placeholders, every key a
// rule asks for exists, and no key is left unused (a rule.<id> key is the
// description of the registered rule <id>).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "data/data.hpp"
#include "examples.hpp"
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

// The keys of a catalog file (key<TAB>text lines, '#' comments), in order.
std::vector<std::string> message_keys(Language language) {
  std::istringstream in(std::string(data::file(language == Language::es ? "messages/es.tsv" : "messages/en.tsv")));
  std::vector<std::string> keys;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    keys.push_back(line.substr(0, line.find('\t')));
  }
  return keys;
}

}  // namespace

TEST_CASE("messages: English and Spanish have the same keys and placeholders") {
  const auto en = message_keys(Language::en);
  const auto es = message_keys(Language::es);
  CHECK(!en.empty());
  CHECK(std::set<std::string>(en.begin(), en.end()) == std::set<std::string>(es.begin(), es.end()));
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
  // A rule's description is used through its id (rule.<id>, rule_description).
  for (const std::string& key : message_keys(Language::en)) {
    CAPTURE(key);
    const bool description = key.starts_with("rule.") && rule_ids.contains(std::string_view(key).substr(5));
    CHECK((literals.contains(key) || description));
  }
}

TEST_CASE("messages: placeholders are filled in order, a missing key is an error naming it") {
  CHECK(message(Language::en, "talk.chat-suggest", {"diabetes", "DSMA"}) ==
        "People talk about diabetes in the #DSMA tweet chat.");
  CHECK(message(Language::es, "talk.chat-suggest", {"diabetes", "DSMA"}) == "Se habla de diabetes en el chat #DSMA.");
  CHECK(message(Language::und, "n.word", {"1"}) == "1 word");
  CHECK_THROWS_WITH_AS(message(Language::en, "no.such-key"), doctest::Contains("no.such-key"), std::out_of_range);
}

// ---- No English is ever written into a Spanish post ---------------------------

namespace {

struct Post {
  std::string text, context, where;
};

// Every example text (tests/examples/*.tsv) and every text of the Spanish
// dev set (tests/devset/es.jsonl), with its context.
std::vector<Post> all_posts() {
  std::vector<Post> posts;
  for (const chime::testing::Example& e : chime::testing::load_examples()) posts.push_back({e.text, e.context, e.where()});
  std::ifstream in(std::string(CHIME_SOURCE_DIR) + "/tests/devset/es.jsonl");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const Json j = Json::parse(line);
    posts.push_back({j.at("text").get<std::string>(), j.contains("context") ? j["context"].dump() : "",
                     "tests/devset/es.jsonl:" + std::to_string(n)});
  }
  return posts;
}

std::set<std::string> english_function_words() {
  std::set<std::string> words;
  std::ifstream in(std::string(CHIME_SOURCE_DIR) + "/core/data/lists/english_function_words.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') words.insert(line.substr(0, line.find('\t')));
  }
  return words;
}

// The ASCII words of `text`, lower-cased (the English function words are ASCII).
std::vector<std::string> ascii_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
    if (letter) word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    else if (!(c & 0x80) || word.empty()) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += '\x80';  // a word with a non-ASCII letter is no English function word
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace

TEST_CASE("messages: no English text is inserted into a Spanish post, whatever lang says") {
  const std::set<std::string> function_words = english_function_words();
  REQUIRE(function_words.contains("the"));
  const std::vector<Post> posts = all_posts();
  REQUIRE(posts.size() > 600);
  int spanish_posts = 0, replacements = 0;
  for (const char* lang : {"auto", "en", "es"}) {
    Config config;
    config.lang = lang;
    Analyzer analyzer(config);
    Analyzer plain;  // tells the language of an inserted text
    for (const Post& post : posts) {
      std::vector<std::string> errors;
      const Context context = post.context.empty() ? Context{} : Context::from_json(Json::parse(post.context), errors);
      const Result r = analyzer.analyze(post.text, context);
      if (r.language != "es") continue;
      ++spanish_posts;
      for (const Hint& h : r.hints) {
        for (const std::string& inserted : h.replacements) {
          ++replacements;
          CAPTURE(post.where);
          CAPTURE(lang);
          CAPTURE(h.rule);
          CAPTURE(inserted);
          CHECK(plain.analyze(inserted).language != "en");
          for (const std::string& w : ascii_words(inserted)) {
            CAPTURE(w);
            CHECK(!function_words.contains(w));
          }
        }
      }
    }
  }
  MESSAGE(spanish_posts << " Spanish posts, " << replacements << " replacements checked");
  CHECK(spanish_posts > 300);
}

TEST_CASE("messages: texts the engine writes follow the post's language, messages follow lang") {
  // A Spanish public reply that confirms a patient: the private-channel
  // reply offered is Spanish whatever the interface language.
  const std::string text =
      "@ana_lr Buenos días, ya tenemos sus resultados y la doctora le llamará mañana por la tarde para explicarle todo.";
  std::vector<std::string> errors;
  const Context context = Context::from_json(Json::parse(R"({"reply_to": "@ana_lr"})"), errors);
  for (const char* lang : {"auto", "en", "es"}) {
    CAPTURE(lang);
    Config config;
    config.lang = lang;
    const Result r = Analyzer(config).analyze(text, context);
    REQUIRE(r.language == "es");
    const Hint* confirms = nullptr;
    for (const Hint& h : r.hints) confirms = h.rule == "care.confirms-patient" ? &h : confirms;
    REQUIRE(confirms != nullptr);
    REQUIRE(confirms->replacements.size() == 1);
    CHECK(confirms->replacements[0] == message(Language::es, "insert.private-channel"));
    const bool english = std::string(lang) == "en";
    CHECK(confirms->message.starts_with(english ? "This public reply" : "Esta respuesta pública"));
  }
  // An English post gets English under auto, Spanish messages under es,
  // and its inserted texts stay English.
  Config es;
  es.lang = "es";
  const Result r = Analyzer(es).analyze("@jsmith We reviewed your chart and your test results look fine.",
                                        Context::from_json(Json::parse(R"({"reply_to": "@jsmith"})"), errors));
  REQUIRE(r.language == "en");
  bool seen = false;
  for (const Hint& h : r.hints) {
    if (h.rule != "care.confirms-patient") continue;
    seen = true;
    CHECK(h.message.starts_with("Esta respuesta pública"));
    CHECK(h.replacements == std::vector<std::string>{message(Language::en, "insert.private-channel")});
  }
  CHECK(seen);
}

TEST_CASE("messages: the configuration's lang is auto, en or es; anything else is an error naming it") {
  std::vector<ConfigError> errors;
  CHECK(Config::parse(R"({})", errors)->lang == "auto");
  CHECK(Config::parse(R"({"lang": "es"})", errors)->lang == "es");
  CHECK(Config::parse(R"({"lang": "es"})", errors)->to_json()["lang"] == "es");
  CHECK(errors.empty());
  for (const char* bad : {R"({"lang": "fr"})", R"({"lang": "ES"})", R"({"lang": 1})", R"({"lang": null})"}) {
    CAPTURE(bad);
    errors.clear();
    CHECK(!Config::parse(bad, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "lang");
    CHECK(errors[0].message == "must be \"auto\", \"en\" or \"es\"");
  }
}
