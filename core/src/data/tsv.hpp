// The rows of a tab-separated data file of core/data/, for every reader of
// one: one row a line, its fields split on tabs; blank lines and comments
// ("#" alone or "# " and text) are skipped, so "#hcsm" is data.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace chime::data {

struct TsvRow {
  std::vector<std::string_view> fields;  // views into data::file(name)
  std::string_view file;                 // the name it was read by
  int line = 0;                          // from 1
  // "core/data/<file>:<line>", for error messages (made only for one).
  std::string where() const { return "core/data/" + std::string(file) + ":" + std::to_string(line); }
};

// The rows of core/data/<name>; throws std::out_of_range naming the file if
// there is no such file.
std::vector<TsvRow> tsv_rows(std::string_view name);

}  // namespace chime::data
