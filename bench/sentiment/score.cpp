// Scores texts with Chime's sentiment, for bench/sentiment/compare.mjs.
//
//   chime-sentiment-score FILE...   (VADER ground-truth files: id<TAB>rating<TAB>text)
//
// Prints one line per text: file index<TAB>id<TAB>compound. Builds the
// Document as the Analyzer does (entities, ICU tokens) and calls the same
// sentiment::score, without running the rules (faster; same numbers).
#include <fstream>
#include <iostream>
#include <string>
#include <utility>

#include "document.hpp"
#include "sentiment/sentiment.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: chime-sentiment-score FILE...\n";
    return 2;
  }
  chime::Tokenizer tokenizer;
  std::cout.precision(3);
  std::cout << std::fixed;
  for (int f = 1; f < argc; ++f) {
    std::ifstream in(argv[f]);
    if (!in) {
      std::cerr << "cannot read " << argv[f] << "\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t tab1 = line.find('\t');
      size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string::npos) continue;
      chime::Document doc;
      int32_t replaced = 0;
      doc.text = chime::text::decode_utf8(std::string_view(line).substr(tab2 + 1), replaced);
      chime::text::TweetFacts facts = chime::text::parse_and_extract(doc.text);
      doc.length = facts.length;
      doc.entities = std::move(facts.entities);
      tokenizer.run(doc);
      std::cout << f - 1 << '\t' << line.substr(0, tab1) << '\t' << chime::sentiment::score(doc).compound << '\n';
    }
  }
  return 0;
}
