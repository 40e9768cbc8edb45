// Scores texts with Chime's sentiment, for bench/sentiment/compare.mjs.
//
//   chime-sentiment-score FILE...   (VADER ground-truth files: id<TAB>rating<TAB>text)
//
// Prints one line per text: file index<TAB>id<TAB>compound. Goes through the
// public Analyzer, as every front end does.
#include <fstream>
#include <iostream>
#include <string>

#include "chime/analyzer.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: chime-sentiment-score FILE...\n";
    return 2;
  }
  const chime::Analyzer analyzer;
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
      chime::Result r = analyzer.analyze(std::string_view(line).substr(tab2 + 1));
      std::cout << f - 1 << '\t' << line.substr(0, tab1) << '\t' << r.sentiment.compound << '\n';
    }
  }
  return 0;
}
