// The example tables under tests/examples/*.tsv: texts that must make a rule
// fire, and near-misses that must leave it silent. Read by test_examples.cpp
// (runs them) and test_rules_meta.cpp (counts them per rule).
//
// Format, one example a line (tab-separated; lines starting "# " and blank
// lines are skipped):
//   rule  expect  text  [context JSON]  [span]  [config JSON]
// expect is "fires" or "silent". In text and span, \n is a newline, \t a tab
// and \\ a backslash. span, when given, is the exact text one of the rule's
// hints must cover. context is Context::from_json's shape, config
// Config::parse's. Empty optional columns may be left out.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace chime::testing {

struct Example {
  std::string dir = "examples";  // under tests/
  std::string file;              // "promo.tsv"
  int line = 0;
  std::string rule, expect, text, context, span, config;
  std::string where() const { return "tests/" + dir + "/" + file + ":" + std::to_string(line); }
};

inline std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

// Every example of every tests/<dir>/*.tsv, files in name order (dir
// "care_probe" holds the care probe, same format). Lines that do not parse
// become examples with an empty rule and the bad line in `text`, so that the
// tests report them.
inline std::vector<Example> load_examples(const std::string& dir = "examples") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(CHIME_SOURCE_DIR) / "tests" / dir)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Example> out;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line == "#" || line.starts_with("# ")) continue;
      auto f = split_tabs(line);
      Example e;
      e.dir = dir;
      e.file = path.filename().string();
      e.line = number;
      if (f.size() < 3 || f.size() > 6) {
        e.text = line;  // malformed: reported by the runner
        out.push_back(std::move(e));
        continue;
      }
      e.rule = f[0];
      e.expect = f[1];
      e.text = unescape(f[2]);
      if (f.size() > 3) e.context = f[3];
      if (f.size() > 4) e.span = unescape(f[4]);
      if (f.size() > 5) e.config = f[5];
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace chime::testing
