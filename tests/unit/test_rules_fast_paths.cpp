// The rules' fast paths against the plain ones they replace, over every
// example text, the parity corpus and random strings: text spans built from
// the tokens' UTF-8, exclamation marks
// found without reading the inside of ASCII words, every word list looked up
// in one table.
#include <doctest/doctest.h>
#include <unicode/ustring.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "examples.hpp"
#include "readability.hpp"
#include "rules/features.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {

// A Document made as the Analyzer makes one: entities, then tokens.
Document analysed(const std::string& utf8) {
  Document d;
  int32_t replaced = 0;
  d.text = text::decode_utf8(utf8, replaced);
  text::TweetFacts facts = text::parse_and_extract(d.text);
  d.length = facts.length;
  d.entities = std::move(facts.entities);
  d.index_entities();
  Tokenizer().run(d);
  return d;
}

std::vector<std::string> test_texts() {
  std::vector<std::string> texts;
  for (const auto& e : testing::load_examples()) texts.push_back(e.text);
  std::ifstream parity(std::string(CHIME_SOURCE_DIR) + "/tests/parity/corpus.txt");
  for (std::string line; std::getline(parity, line);) texts.push_back(line);
  // Random runs of pieces that sit next to marks in odd ways: marks inside
  // and after words, joiners, emoji, spaces of several kinds, entities.
  const std::vector<std::string> pieces = {
      "a", "Care", "don't", "3.5", "1,000", "!", "!!", "\u203c", "\u2049", "\uff01", "?", "\u200d", "\ufe0f",
      " ", "  ", "\u00a0", "\u2003", "\n", "\u00e9t\u00e9", "\u4e2d\u6587", "\U0001F600", "\U0001F44D\u200d",
      "#tag", "@user", "https://t.co/abc!", "$AAPL", "_", "'", ".", "a!b", "3!4", "\xff", "ed", "table"};
  std::mt19937 random(20261127);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    texts.push_back(text);
  }
  return texts;
}

// Reference: each token asked of each word list on its own.
std::vector<uint8_t> word_lists_by_list(const Document& doc) {
  constexpr std::pair<const char*, uint8_t> kLists[] = {
      {"lists/reader_words.txt", kReaderWord},   {"lists/self_words.txt", kSelfWord},
      {"lists/exec_titles.txt", kExecTitle},     {"lists/event_words.txt", kEventWord},
      {"lists/tip_words.txt", kTipWord},         {"lists/english_function_words.tsv", kEnglishFunctionWord},
      {"lists/other_function_words.tsv", kOtherFunctionWord},
  };
  std::vector<uint8_t> out;
  for (const Token& t : doc.tokens) {
    uint8_t b = 0;
    for (const auto& [name, bit] : kLists) {
      if (WordList::builtin(name).contains(t)) b |= bit;
    }
    if (t.folded == "?" || t.folded == "\uff1f") b |= kQuestionMarkToken;
    out.push_back(b);
  }
  return out;
}

// Reference: every character of the text tested ("!", "‼" weighing two,
// "⁉", "！"), outside entities, a run as one.
std::vector<Bang> exclamation_marks_by_char(const Document& doc) {
  std::vector<Bang> out;
  for (int32_t i = 0; i < doc.size(); ++i) {
    const char16_t c = doc.text[static_cast<size_t>(i)];
    const int32_t weight = c == u'!' || c == u'\uFF01' || c == u'\u2049' ? 1 : c == u'\u203C' ? 2 : 0;
    if (weight == 0 || doc.in_entity(i, i + 1)) continue;
    if (!out.empty() && out.back().end == i) {
      out.back().end = i + 1;
      out.back().weight += weight;
    } else {
      out.push_back({i, i + 1, weight});
    }
  }
  return out;
}

bool same(const std::vector<Bang>& x, const std::vector<Bang>& y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].start != y[i].start || x[i].end != y[i].end || x[i].weight != y[i].weight) return false;
  }
  return true;
}

// UTF-8 from ICU, a lone surrogate written as U+FFFD: what to_utf8 promises.
std::string icu_utf8(std::u16string_view s) {
  std::string out(s.size() * 3, '\0');
  int32_t length = 0, replaced = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, s.data(), static_cast<int32_t>(s.size()),
                     0xFFFD, &replaced, &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace

TEST_CASE("to_utf8 (ASCII copied whole, the rest written in place) gives what ICU gives") {
  for (const std::string& text : test_texts()) {
    int32_t replaced = 0;
    const std::u16string s = text::decode_utf8(text, replaced);
    for (size_t from = 0; from <= s.size(); from += 1 + from % 4) {
      const std::u16string_view rest = std::u16string_view(s).substr(from);
      REQUIRE(text::to_utf8(rest) == icu_utf8(rest));
    }
  }
  // Random UTF-16 with lone and paired surrogates, mostly ASCII.
  const std::u16string units = u"aZ 9!\u00e9\u4e2d\ufffd\U0001F600";
  std::mt19937 random(7);
  for (int n = 0; n < 5000; ++n) {
    std::u16string s;
    const int count = static_cast<int>(random() % 16);
    for (int k = 0; k < count; ++k) {
      const auto pick = random() % 10;
      s.push_back(pick == 0 ? static_cast<char16_t>(0xD800 + random() % 0x800) : units[random() % units.size()]);
    }
    REQUIRE(text::to_utf8(s) == icu_utf8(s));
  }
}

TEST_CASE("rule fast paths give what the plain paths give") {
  size_t marks = 0, words = 0, listed = 0;
  for (const std::string& text : test_texts()) {
    INFO("text: " << text);
    const Document doc = analysed(text);
    words += doc.tokens.size();
    const Analysis analysis{doc, {}, {}, nullptr, {}, nullptr, nullptr, PostKind::general};
    REQUIRE(word_lists(analysis) == word_lists_by_list(doc));
    for (uint8_t bits : word_lists(analysis)) listed += bits != 0 ? 1 : 0;
    const auto bangs = exclamation_marks(doc);
    REQUIRE(same(bangs, exclamation_marks_by_char(doc)));
    marks += bangs.size();
    // Spans: the whole text, token-aligned or not, empty, out of range.
    const int32_t n = doc.size();
    std::vector<std::pair<int32_t, int32_t>> spans = {{0, n}, {0, text_end(doc)}, {-3, n + 5}, {n, n}, {5, 2}};
    for (int32_t i = 0; i < n; i += 3) spans.push_back({i, std::min(n, i + 1 + i % 11)});
    for (const Token& t : doc.tokens) spans.push_back({t.start, n});
    for (const auto& span : spans) {
      const int32_t start = span.first, end = span.second;  // not a structured binding: clang 14's INFO cannot capture one
      INFO("span " << start << "-" << end);
      REQUIRE(span_utf8(doc, start, end) == doc.utf8(start, end));
    }
  }
  CHECK(marks > 1000);
  CHECK(listed > 1000);  // tokens in one of the word lists (one table for all of them)
  CHECK(words > 10000);
}

TEST_CASE("syllables of plain words") {
  CHECK(count_syllables("care") == 1);
  CHECK(count_syllables("simple") == 2);
  CHECK(count_syllables("vaccination") == 4);
  CHECK(count_syllables("wanted") == 2);
  CHECK(count_syllables("walked") == 1);
  CHECK(count_syllables("caf\xc3\xa9") == 1);
  CHECK(count_syllables("table") == 2);
  CHECK(count_syllables("eye") == 1);
  CHECK(count_syllables("e") == 1);
  CHECK(count_syllables("") == 1);
}

TEST_CASE("a hashtag's token and fold_utf8 into a reused string fold as fold_utf8 does") {
  std::vector<std::string> texts = test_texts();
  for (const char* tag : {"#HCSM", "#Health_Care", "#COVID19", "\uff03Tag", "#Caf\u00e9", "#STRASSE", "#Stra\u00dfe",
                          "#\ufb01ne", "#\u0130stanbul", "#a\u0301", "#tag\u200dx", "#1a", "#\u4e2d\u6587", "#x\U0001F600"}) {
    texts.push_back(std::string("Join ") + tag + " and #hcmktg, #" + tag + "!");
  }
  size_t hashtags = 0, by_token = 0;
  std::string folded;
  for (const std::string& text : texts) {
    INFO("text: " << text);
    const Document doc = analysed(text);
    for (const Entity& h : doc.entities.hashtags) {
      const std::string plain = text::fold_utf8(h.text);
      text::fold_utf8(h.text, folded);
      REQUIRE(folded == plain);
      if (const Token* t = hashtag_token(doc, h)) {
        REQUIRE(t->folded == plain);
        REQUIRE(t->folded_hash == text::token_hash(plain));
        ++by_token;
      }
      ++hashtags;
    }
  }
  CHECK(hashtags > 100);
  CHECK(by_token > 50);
}
