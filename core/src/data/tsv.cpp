#include "data/tsv.hpp"

#include "data/data.hpp"

namespace chime::data {

std::vector<TsvRow> tsv_rows(std::string_view name) {
  std::vector<TsvRow> rows;
  std::string_view text = file(name);
  for (int line_number = 1; !text.empty(); ++line_number) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line == "#" || line.starts_with("# ")) continue;
    TsvRow& row = rows.emplace_back();
    row.file = name;
    row.line = line_number;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
  }
  return rows;
}

}  // namespace chime::data
