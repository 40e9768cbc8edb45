#include <doctest/doctest.h>

#include "match/phrases.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {
Document doc_of(std::u16string text) {
  Document d;
  d.text = std::move(text);
  Tokenizer().run(d);
  return d;
}
}  // namespace

TEST_CASE("phrases match on word boundaries and case-folded text") {
  auto list = PhraseList::parse("best\tfinest|a great\nstate-of-the-art\nno known cure\n#1\n", "test");
  auto d = doc_of(u"Our BEST team, a bestseller, STATE-of-the-art and #1 (not # 1).");
  auto m = list.find(d);
  REQUIRE(m.size() == 3);
  CHECK(d.utf8(m[0].start, m[0].end) == "BEST");
  CHECK(m[0].phrase->replacements == std::vector<std::string>{"finest", "a great"});
  CHECK(d.utf8(m[1].start, m[1].end) == "STATE-of-the-art");
  CHECK(d.utf8(m[2].start, m[2].end) == "#1");
}

TEST_CASE("curly apostrophes fold to straight ones") {
  auto list = PhraseList::from_phrases({"don't worry"});
  CHECK(list.any(doc_of(u"Don\u2019t worry about it")));
}

TEST_CASE("wildcards match one word") {
  auto list = PhraseList::from_phrases({"is * to announce"});
  CHECK(list.any(doc_of(u"Mercy is pleased to announce")));
  CHECK_FALSE(list.any(doc_of(u"Mercy is very pleased to announce")));
}
