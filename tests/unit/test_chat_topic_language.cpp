// talk.chat-suggest names the chat's topic in the language of its message
// (issue 17 item 4): an English post checked with Spanish messages reads
// "Se habla de cáncer de mama en el chat #bcsm.", not "... de breast cancer
// ...". The names are data: the third (English) and fourth (Spanish) column
// of lists/topics.tsv, every row with both.
#include <doctest/doctest.h>

#include <string>

#include "chime/analyzer.hpp"
#include "messages.hpp"
#include "rules/features.hpp"
#include "rules/lists.hpp"

using namespace chime;

namespace {

const Hint* chat_suggestion(const Result& r) {
  for (const Hint& h : r.hints) {
    if (h.rule == "talk.chat-suggest") return &h;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("talk.chat-suggest: the topic in the messages' language, the chat as it is") {
  const char* text = "October is breast cancer awareness month. Get your mammogram this year.";
  for (const char* lang : {"auto", "en", "es"}) {
    CAPTURE(lang);
    Config config;
    config.lang = lang;
    const Result r = Analyzer(config).analyze(text);
    REQUIRE(r.language == "en");
    const Hint* hint = chat_suggestion(r);
    REQUIRE(hint);
    const bool spanish = std::string(lang) == "es";
    const Language messages = spanish ? Language::es : Language::en;
    CHECK(hint->message == message(messages, "talk.chat-suggest", {spanish ? "cáncer de mama" : "breast cancer", "bcsm"}));
    CHECK(hint->message.find(spanish ? "breast" : "mama") == std::string::npos);
    // The hashtag written into the post is the chat's, in any language.
    REQUIRE(hint->replacements.size() == 1);
    CHECK(hint->replacements[0].ends_with(" #bcsm"));
  }
}

TEST_CASE("lists/topics.tsv: every topic has its English and its Spanish name") {
  for (const Language language : {Language::en, Language::es}) {
    for (const auto& row : data_rows(data_file("lists/topics.tsv", language))) {
      CAPTURE(row[0]);
      REQUIRE(row.size() == 4);
      for (const std::string& field : row) CHECK_FALSE(field.empty());
    }
  }
  CHECK(data_rows("lists/topics.tsv").size() > 10);  // the check above saw the English list
}
