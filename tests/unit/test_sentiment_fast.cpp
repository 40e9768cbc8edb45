// sentiment::score, which reads its words from the tokenizer's folded tokens,
// against the reference scoring in sentiment_reference.cpp (each piece of
// text read on its own through ICU): on every lexicon key in several cases
// and wrappings, every example, the parity corpus, VADER's three
// human-rated sets, every BMP code point in a word and random texts; with the
// Spanish lexicon, on every Spanish key, the Spanish examples and dev set; and
// the flat lexicon tables against the data they were built from.
#include <doctest/doctest.h>

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "data/data.hpp"
#include "document.hpp"
#include "examples.hpp"
#include "icu/icu_data.hpp"
#include "language.hpp"
#include "sentiment/lexicon.hpp"
#include "sentiment/sentiment.hpp"
#include "sentiment_reference.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {

std::string upper_ascii(std::string s) {
  for (char& c : s) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

// How many texts sentiment::score scores differently from the reference,
// both with `lexicon`.
int compare_scores(const std::vector<std::string>& texts,
                   const sentiment::Lexicon& lexicon = sentiment::Lexicon::get()) {
  Tokenizer tokenizer;
  int mismatches = 0;
  for (const std::string& utf8 : texts) {
    Document doc;
    int32_t replaced = 0;
    doc.text = text::decode_utf8(utf8, replaced);
    doc.entities = text::parse_and_extract(doc.text).entities;
    tokenizer.run(doc);
    const Sentiment reference = testing::score_reference(doc, lexicon);
    const auto same_as_reference = [&](const Sentiment& scored) {
      return scored.compound == reference.compound && scored.pos == reference.pos && scored.neu == reference.neu &&
             scored.neg == reference.neg;
    };
    bool same = same_as_reference(sentiment::score(doc, lexicon));
    // With the caller's UTF-8 beside the text, as the Analyzer hands it (an
    // ASCII text's pieces are then read from it).
    if (replaced == 0) {
      doc.utf8_source = utf8;
      same = same && same_as_reference(sentiment::score(doc, lexicon));
    }
    if (!same && ++mismatches <= 5) MESSAGE("scores differ on '", utf8, "'");
  }
  return mismatches;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Every key of the data files as written, upper-cased, capitalised and
// wrapped in punctuation (emoticons, "n't" words, words that are also
// modifiers).
std::vector<std::string> wrapped_keys(std::initializer_list<const char*> files) {
  std::vector<std::string> texts;
  for (const char* file : files) {
    std::string_view data = data::file(file);
    for (size_t at = 0; at < data.size();) {
      size_t eol = data.find('\n', at);
      if (eol == std::string_view::npos) eol = data.size();
      std::string key(data.substr(at, std::min(data.find('\t', at), eol) - at));
      at = eol + 1;
      if (key.starts_with('#')) continue;
      std::string capitalised = key;
      if (!capitalised.empty()) capitalised[0] = upper_ascii(capitalised.substr(0, 1))[0];
      texts.push_back(key + " " + upper_ascii(key) + " " + capitalised + " (" + key + ")... \"" + upper_ascii(key) + "!\"");
    }
  }
  return texts;
}

}  // namespace

TEST_CASE("sentiment: every lexicon key, random pieces and every BMP code point score as the reference does") {
  std::vector<std::string> texts =
      wrapped_keys({"sentiment/lexicon.tsv", "sentiment/modifiers.tsv", "sentiment/idioms.tsv"});
  // Random ASCII pieces, a few long ones.
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string alphabet = "abcXYZ019'!?.,:;()-_<3DPo*#@$%&/\\^~`\"[]{}|+=n't";
  for (int i = 0; i < 20000; ++i) {
    if (i % 4 == 0) texts.emplace_back();
    size_t length = 1 + next() % (i % 50 == 0 ? 80 : 8);
    for (size_t k = 0; k < length; ++k) texts.back() += alphabet[next() % alphabet.size()];
    texts.back() += ' ';
  }
  // Long words, and characters beyond ASCII: those case folding leaves
  // alone (accented lower case, Arabic, CJK, curly apostrophes) and those it
  // changes (capitals, sharp s, long s, circled letters, Roman numerals).
  texts.emplace_back();
  texts.back() += std::string(70, 'A') + " " + std::string(64, 'a') + " caf\xC3\xA9 \xC3\x89T\xC3\x89 don\xE2\x80\x99t ";
  texts.back() += "DON\xE2\x80\x99T \xE2\x80\x98good\xE2\x80\x99 \xE2\x80\x9CGreat\xE2\x80\x9D stra\xC3\x9F" "e \xC5\xBFoft ";
  texts.back() += "\xE2\x92\xB6\xE2\x92\xB7 \xE2\x85\xA0 \xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7 \xE6\x97\xA5\xE6\x9C\xAC ";
  texts.back() += "\xC3\xA9t\xC3\xA9! ca\xC3\xB1\xC3\xB3n... \xCE\xA3\xCE\x9F\xCE\xA3 \xF0\x9D\x90\x80\xF0\x9D\x90\x81 ";
  // Every code point of the BMP (no surrogate, no white space) in a word.
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || text::is_space(static_cast<int32_t>(c))) continue;
    std::u16string piece = u"x";
    piece += static_cast<char16_t>(c);
    texts.push_back(text::to_utf8(piece) + "y " + text::to_utf8(piece.substr(1)) + " " + text::to_utf8(piece.substr(1)) + "!");
  }
  CHECK(texts.size() > 70000);
  CHECK(compare_scores(texts) == 0);
}

TEST_CASE("sentiment: examples, parity corpus, VADER's sets and random texts score as the reference does") {
  std::vector<std::string> texts;
  for (const testing::Example& e : testing::load_examples()) texts.push_back(e.text);
  for (const std::string& line : lines_of(std::string(CHIME_SOURCE_DIR) + "/tests/parity/corpus.txt")) {
    texts.push_back(line);
  }
  for (const char* set : {"amazonReviewSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
                          "nytEditorialSnippets_GroundTruth.txt"}) {
    for (const std::string& line : lines_of(std::string(CHIME_TEST_DATA_DIR) + "/vader/" + set)) {
      const size_t tab = line.rfind('\t');
      texts.push_back(tab == std::string::npos ? line : line.substr(tab + 1));
    }
  }
  // Random texts of the pieces that matter: sentiment words, modifiers,
  // idioms, "but", emoticons, emoji (glued on, with variation selectors,
  // skin tones, a BOM after one), URLs, mentions, hashtags, cashtags,
  // emphasis and clause marks, white space of several kinds.
  const std::vector<std::string> parts = {
      "good", "GOOD", "Great", "bad", "not", "isn't", "don\xE2\x80\x99t", "very", "extremely", "kind", "of",
      "kind of", "but", "BUT", "no", "No.", "never", "at least", "love", "hate", "sick", "happy", "care",
      "the", "nurse", "is", ":)", ":-(", "<3", ":D", "XD", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\xA2",
      "\xE2\x9D\xA4\xEF\xB8\x8F", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF0\x9F\x98\x80\xEF\xBB\xBF",
      "https://t.co/abc?x=1!", "example.com/love", "@happy_nurse", "#HeartHealth", "#love", "#StaySafe2024",
      "$HCA", "!", "!!", "?", "???", "\xEF\xBC\x81", ",", ".", ";", "...", "\xE2\x80\xA6", "-", "(", ")",
      " ", "  ", "\n", "\t", "\xC2\xA0", "\xE2\x80\x8B", "\xC3\xA9t\xC3\xA9", "\xD8\xB4\xD9\x83\xD8\xB1",
      // Tokens with punctuation after them, inside them or around them (a
      // word of one token, of several, of part of one).
      "GOOD!!", "Happy,", "e.g.", "3,000", "2024", "covid19", "NOT", "NOT3,000", "_love_", "(love)", "'good'", "a", "OK:)",
      "XD!", "K\xC3\xA9", "\xE2\x84\xAA", "love\xEF\xBB\xBF",
      // Punctuation before a token, punctuation alone, hashtags read from
      // their token (a word as it is, parts, an emoticon as written).
      "(GOOD)", "\"Great!\"", "-", "&", "#XD", "#LOVE", "#Love_Care", "#COVID19", "#NotGood!", "(#love)", "#:)",
      // Whole pieces of one token, and near misses.
      "3.5", "CARE", "Good", "love_", "x", "XO", "good\r\n", "bad\xE2\x80\x8B", "nice\xC2\xA0",
      // Word tokens beyond ASCII read from the token (letters, caps, folding,
      // curly apostrophes) and near misses (white space, marks, quotes).
      "Don\xE2\x80\x99t", "CAF\xC3\x89", "caf\xC3\xA9!", "(na\xC3\xAFve),", "lo\xEF\xBB\xBFve", "\xC3\x89T\xC3\x89",
      "STRA\xC3\x9F""E", "x\xE2\x80\x99", "\xCA\xBCok", "#caf\xC3\xA9", "\xD9\xA3", "good\xEF\xBC\x81",
      "\xE2\x80\x9Cgood\xE2\x80\x9D", "\xE1\xBA\x9E", "K\xC3\xA9", "\xC3\xA9\xCC\x81", "\xE2\x80\x94",
      // Hashtags split into parts.
      "#abc123Def_GHi9", "#NursesRock", "#9amClinic", "#a1B2c3", "#Care4All!", "#wellBeing",
      // Hashtag parts with punctuation in them or an emoticon's ends, and URLs, mentions and cashtags with marks or
      // characters beyond ASCII in and after them (the entity skip).
      "#Can't_Stop", "#__x", "#x_1y", "#NOTgood", "#a'b", "#3.5x", "#XDlove", "#dLove", "@nurse!!", "@nurse?",
      "https://t.co/x?a=1!?", "http://example.com/caf\xC3\xA9!", "https://t.co/a\xE2\x80\x8B""b", "$HCA?",
      "@happy\xC3\xA9", "example.com/?q=bad!"};
  uint64_t state = 2024;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const uint32_t length = 1 + next() % 24;
    for (uint32_t k = 0; k < length; ++k) {
      text += parts[next() % parts.size()];
      if (next() % 3 != 0) text += ' ';
    }
    texts.push_back(text);
  }
  CHECK(texts.size() > 25000);
  CHECK(compare_scores(texts) == 0);
}

TEST_CASE("sentiment: with the Spanish lexicon, every Spanish key, the Spanish examples and dev set score as the reference does") {
  const sentiment::Lexicon& es = sentiment::Lexicon::get(Language::es);
  std::vector<std::string> texts = wrapped_keys({"sentiment/es/lexicon.tsv", "sentiment/es/modifiers.tsv",
                                                 "sentiment/es/idioms.tsv", "sentiment/es/lexicon-chime.tsv"});
  const size_t keys = texts.size();
  CHECK(keys > 6000);
  for (const testing::Example& e : testing::load_examples()) {
    if (e.file.starts_with("es-")) texts.push_back(e.text);
  }
  const size_t examples = texts.size() - keys;
  CHECK(examples > 250);
  for (const std::string& line : lines_of(std::string(CHIME_SOURCE_DIR) + "/tests/devset/es.jsonl")) {
    if (line.empty()) continue;
    const nlohmann::json post = nlohmann::json::parse(line);
    texts.push_back(post.at("text").get<std::string>());
    if (post.contains("context") && post["context"].contains("in_reply_to_text")) {
      texts.push_back(post["context"]["in_reply_to_text"].get<std::string>());
    }
  }
  CHECK(texts.size() - keys - examples >= 183);
  CHECK(compare_scores(texts, es) == 0);
  // The Spanish table holds every word of its data, the English one not.
  CHECK(es.find_valence("excelente") != nullptr);
  CHECK(es.find_valence("buena") != nullptr);  // a gender form made by the script
  CHECK(es.find_valence("muy") == nullptr);    // a modifier: in the table, no valence
  REQUIRE(es.find_valence("solo") != nullptr);  // es/lexicon-chime.tsv replaces AFINN-es's -1.6
  CHECK(*es.find_valence("solo") == 0);
  CHECK(es.find_word("muy") != sentiment::Lexicon::npos);
  CHECK(sentiment::Lexicon::get().find_valence("excelente") == nullptr);
  CHECK(es.emoji_valence(u"\U0001F44D") == 1.7);  // the English emoji table, shared
}

TEST_CASE("sentiment: the flat lexicon tables hold every entry of the data") {
  const sentiment::Lexicon& lex = sentiment::Lexicon::get();
  std::string_view data = data::file("sentiment/lexicon.tsv");
  int entries = 0;
  int missing = 0;
  for (size_t at = 0; at < data.size();) {
    size_t eol = data.find('\n', at);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(at, eol - at);
    at = eol + 1;
    if (line.empty() || line.starts_with("# ")) continue;
    ++entries;
    std::string_view key = line.substr(0, line.find('\t'));
    if (!lex.find_valence(key)) ++missing;
  }
  CHECK(entries > 7000);
  CHECK(missing == 0);
  CHECK(lex.find_valence("no such word") == nullptr);
  CHECK(lex.find_valence("very") == nullptr);  // a modifier: in the table, no valence
  CHECK(lex.find_word("very") != sentiment::Lexicon::npos);
  // A folded token's hash finds its word (score reads words from tokens).
  CHECK(lex.find_word("very", text::token_hash("very")) == lex.find_word("very"));
  CHECK(lex.emoji_valence(u"\U0001F44D") == 1.7);              // emoji-chime.tsv: thumbs up
  CHECK(lex.emoji_valence(u"\U0001F44D\U0001F3FD") == 1.7);    // skin tone ignored
  CHECK(lex.emoji_valence(u"\u2764\uFE0F") > 0);               // red heart, presentation selector ignored
  CHECK(lex.emoji_valence(u"x") == 0);
}

TEST_CASE("sentiment: u_isdigit is 0-9 in ASCII (the hashtag splitter's inline test)") {
  icu_data::ensure_registered();
  for (UChar32 c = 0; c < 0x80; ++c) {
    CHECK(static_cast<bool>(u_isdigit(c)) == (c >= '0' && c <= '9'));
  }
}
