// The sentiment scorer's fast paths must read exactly what its general paths
// read: the ASCII one-pass word reading against the general reading (strip
// punctuation, fold through ICU, ALL-CAPS test per code point), and the flat
// lexicon tables against the data they were built from.
#include <doctest/doctest.h>

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "data/data.hpp"
#include "examples.hpp"
#include "icu/icu_data.hpp"
#include "sentiment/lexicon.hpp"
#include "sentiment/sentiment.hpp"
#include "text/unicode.hpp"

using namespace chime;

namespace {

// Compares the two paths on every white-space-separated piece of `utf8`;
// returns how many pieces disagreed (reporting the first few).
int compare_pieces(const std::string& utf8, int& pieces) {
  int32_t replaced = 0;
  std::u16string text = text::decode_utf8(utf8, replaced);
  int mismatches = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size() && !text::is_space(text[end])) ++end;
    if (end > start) {
      std::u16string_view piece = std::u16string_view(text).substr(start, end - start);
      ++pieces;
      if (!(sentiment::read_piece(piece, true) == sentiment::read_piece(piece, false))) {
        if (++mismatches <= 5) MESSAGE("paths differ on '", text::to_utf8(piece), "'");
      }
    }
    start = end + 1;
  }
  return mismatches;
}

std::string upper_ascii(std::string s) {
  for (char& c : s) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

}  // namespace

TEST_CASE("sentiment: the ASCII word reading equals the general one") {
  std::string texts;
  // Every lexicon key as written, upper-cased, capitalised and wrapped in
  // punctuation (emoticons, "n't" words, words that are also modifiers).
  for (const char* file : {"sentiment/lexicon.tsv", "sentiment/modifiers.tsv", "sentiment/idioms.tsv"}) {
    std::string_view data = data::file(file);
    for (size_t at = 0; at < data.size();) {
      size_t eol = data.find('\n', at);
      if (eol == std::string_view::npos) eol = data.size();
      std::string key(data.substr(at, std::min(data.find('\t', at), eol) - at));
      at = eol + 1;
      if (key.starts_with('#')) continue;
      std::string capitalised = key;
      if (!capitalised.empty()) capitalised[0] = upper_ascii(capitalised.substr(0, 1))[0];
      texts += key + " " + upper_ascii(key) + " " + capitalised + " (" + key + ")... \"" + upper_ascii(key) + "!\" ";
    }
  }
  // Every example text of the rules.
  for (const testing::Example& e : testing::load_examples()) texts += e.text + "\n";
  // Random ASCII pieces, some longer than the fast path's buffer (64).
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string alphabet = "abcXYZ019'!?.,:;()-_<3DPo*#@$%&/\\^~`\"[]{}|+=n't";
  for (int i = 0; i < 20000; ++i) {
    size_t length = 1 + next() % (i % 50 == 0 ? 80 : 8);
    for (size_t k = 0; k < length; ++k) texts += alphabet[next() % alphabet.size()];
    texts += ' ';
  }
  // Long words and non-ASCII ones take the general path whichever is asked.
  texts += std::string(70, 'A') + " caf\xC3\xA9 \xC3\x89T\xC3\x89 don\xE2\x80\x99t ";

  int pieces = 0;
  CHECK(compare_pieces(texts, pieces) == 0);
  CHECK(pieces > 50000);
}

TEST_CASE("sentiment: VADER's human-rated texts read the same by both paths") {
  int pieces = 0;
  for (const char* set : {"amazonReviewSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
                          "nytEditorialSnippets_GroundTruth.txt"}) {
    std::ifstream in(std::string(CHIME_SHARED_DIR) + "/data/vader/" + set);
    if (!in) continue;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(set);
    CHECK(compare_pieces(text, pieces) == 0);
  }
  CHECK(pieces > 100000);
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
