// Analyses one worst-case input for the complexity test (complexity.test.mjs):
//   chime_worst_case KIND BYTES
// builds BYTES of text of the given KIND and analyses it once inside
// chime_measured(), the only function whose instructions callgrind collects
// (--toggle-collect=chime_measured). A warm-up analysis first loads the
// lexicons and ICU data, so that only the work on this input is counted.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "chime/analyzer.hpp"

namespace {

// One repeating unit per kind; numbered units keep entities distinct.
std::string unit(std::string_view kind, size_t i) {
  const std::string n = std::to_string(i);
  if (kind == "hashtags") return "#tag" + n + " ";
  if (kind == "mentions") return "@user" + n + " ";
  if (kind == "urls") return "https://example.com/" + n + " ";
  if (kind == "cashtags") return "$AB" + std::string(1, static_cast<char>('A' + i % 26)) + " ";
  if (kind == "emoji") return "\xF0\x9F\x98\x80\xE2\x9D\xA4\xEF\xB8\x8F ";  // 😀❤️
  if (kind == "punctuation") return "!?.,;:!!";
  if (kind == "word") return "a";
  if (kind == "shouting") return "STOP NOW. ";
  if (kind == "sentences") return "Thank you. ";
  if (kind == "mixed") return "Get your flu shot #" + n + " @clinic" + n + " https://t.co/" + n + " NOW!!! 😀 ";
  return {};
}

}  // namespace

extern "C" __attribute__((noinline)) size_t chime_measured(chime::Analyzer& analyzer, const std::string& text) {
  return analyzer.analyze(text).hints.size();
}

int main(int argc, char** argv) {
  if (argc != 3 || unit(argv[1], 0).empty()) {
    std::fprintf(stderr, "usage: chime_worst_case hashtags|mentions|urls|cashtags|emoji|punctuation|word|shouting|"
                         "sentences|mixed BYTES\n");
    return 2;
  }
  const size_t bytes = std::strtoull(argv[2], nullptr, 10);
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) text += unit(argv[1], i);
  chime::Analyzer analyzer;
  analyzer.analyze(unit("mixed", 0) + "Thank you. STOP NOW. $ABC a!?.,;:");  // warm-up
  std::printf("%zu bytes, %zu hints\n", text.size(), chime_measured(analyzer, text));
  return 0;
}
