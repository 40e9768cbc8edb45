// PLACEHOLDER until the CLI lands.
#include <iostream>
#include "chime/analyzer.hpp"
int main(int argc, char** argv) {
  chime::Analyzer analyzer;
  for (int i = 1; i < argc; ++i) std::cout << chime::to_json(analyzer.analyze(argv[i])).dump() << "\n";
}
