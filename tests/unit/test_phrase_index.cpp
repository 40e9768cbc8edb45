// The fast paths of phrase matching against the plain ones they replace:
// PhraseSet (every built-in list in one pass) against PhraseList::find, and
// lists tokenised in one batch against one phrase at a time.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "data/data.hpp"
#include "examples.hpp"
#include "match/phrases.hpp"
#include "rules/lists.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {

Document doc_of(const std::string& utf8) {
  Document d;
  int32_t replaced = 0;
  d.text = text::decode_utf8(utf8, replaced);
  Tokenizer().run(d);
  return d;
}

bool same(const std::vector<PhraseMatch>& x, const std::vector<PhraseMatch>& y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].phrase != y[i].phrase || x[i].first_token != y[i].first_token || x[i].last_token != y[i].last_token ||
        x[i].start != y[i].start || x[i].end != y[i].end) {
      return false;
    }
  }
  return true;
}

// Texts that exercise every list: the rule examples, the parity corpus, every
// phrase alone, and random runs of phrases and phrase words (overlaps,
// repeats, case changes, joined and spaced punctuation).
std::vector<std::string> test_texts() {
  std::vector<std::string> texts;
  for (const auto& e : testing::load_examples()) texts.push_back(e.text);
  std::ifstream parity(std::string(CHIME_SOURCE_DIR) + "/tests/parity/corpus.txt");
  for (std::string line; std::getline(parity, line);) texts.push_back(line);
  std::vector<std::string> pieces;
  const PhraseSet& set = builtin_lists();
  for (size_t id = 0; id < set.size(); ++id) {
    for (const Phrase& p : set.list(id).phrases()) {
      texts.push_back(p.text);
      pieces.push_back(p.text);
      for (const std::string& t : p.tokens) pieces.push_back(t);
    }
  }
  std::mt19937 random(20261127);
  const std::vector<std::string> glue = {" ", " ", " ", "", ", ", ". ", " the ", " 12 ", " MR. ", "! "};
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int count = 2 + static_cast<int>(random() % 8);
    for (int k = 0; k < count; ++k) {
      std::string piece = pieces[random() % pieces.size()];
      if (random() % 4 == 0) {
        for (char& c : piece) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      }
      text += piece + glue[random() % glue.size()];
    }
    texts.push_back(text);
  }
  return texts;
}

}  // namespace

TEST_CASE("PhraseSet finds what each list's own find finds, in any token range") {
  const PhraseSet& set = builtin_lists();
  size_t compared = 0, found = 0;
  for (const std::string& text : test_texts()) {
    const Document doc = doc_of(text);
    const PhraseSet::Matches matches = set.match(doc);
    const size_t n = doc.tokens.size();
    std::vector<std::pair<size_t, size_t>> ranges = {{0, static_cast<size_t>(-1)}, {0, n}, {n, n}};
    for (size_t i = 0; i < n; ++i) ranges.push_back({i, std::min(n, i + 1 + i % 7)});
    for (size_t i = 1; i < n; i += 3) ranges.push_back({i, n});
    for (size_t id = 0; id < set.size(); ++id) {
      const PhraseList& list = set.list(id);
      for (const auto& range : ranges) {
        const size_t first = range.first, last = range.second;  // not a structured binding: clang 14's INFO cannot capture one
        const auto expected = list.find(doc, first, last);
        INFO("list " << id << " text: " << text << " range " << first << "-" << last);
        REQUIRE(same(matches.find(id, first, last), expected));
        REQUIRE(matches.any(id, first, last) == !expected.empty());
        const Phrase* at_first = first < std::min(last, n) && !expected.empty() && expected.front().first_token == first
                                     ? expected.front().phrase : nullptr;
        REQUIRE(matches.longest_at(id, first, last) == at_first);
        ++compared;
        found += expected.size();
      }
    }
  }
  CHECK(compared > 100000);
  CHECK(found > 5000);
}

TEST_CASE("phrase lists tokenised in one batch equal phrases tokenised one by one") {
  const PhraseSet& set = builtin_lists();
  for (size_t id = 0; id < set.size(); ++id) {
    for (const Phrase& p : set.list(id).phrases()) {
      INFO("list " << id << " phrase " << p.text);
      int32_t replaced = 0;
      const Document tokenized = tokenize(text::decode_utf8(p.text, replaced));
      const std::vector<Token>& alone = tokenized.tokens;
      REQUIRE(alone.size() == p.tokens.size());
      for (size_t k = 0; k < alone.size(); ++k) {
        CHECK(p.tokens[k] == (alone[k].text == "*" ? "*" : alone[k].folded));
        CHECK(((p.flags[k] & Phrase::kJoined) != 0) == !alone[k].space_before);
        CHECK(((p.flags[k] & Phrase::kWildcard) != 0) == (p.tokens[k] == "*"));
        // The tokenizer's hash and the phrases' agree (lookups depend on it).
        if (p.tokens[k] != "*") CHECK(p.hashes[k] == alone[k].folded_hash);
      }
    }
  }
  // A phrase holding a line break is tokenised alone.
  auto list = PhraseList::from_phrases({"call\nnow", "best"});
  CHECK(list.phrases()[0].tokens == std::vector<std::string>{"call", "now"});
  CHECK(list.phrases()[1].tokens == std::vector<std::string>{"best"});
}
