// Output formats of `chime check`: a table for people, JSON / NDJSON / CSV for
// programs. Each writes one item as it comes (the JSON document streams its
// items array too), so output never waits for the whole input.
#pragma once
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "chime/account.hpp"
#include "chime/result.hpp"
#include "readers.hpp"

namespace chime::cli {

struct Totals {
  uint64_t items = 0;
  uint64_t input_errors = 0;
  uint64_t hints[4] = {0, 0, 0, 0};  // by Severity: good, tip, warning, error
  uint64_t failing = 0;              // items at or above --fail-on
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin() {}
  virtual void item(std::string_view file, const Item& item, const Result& result) = 0;
  virtual void error(std::string_view file, const InputError& error) = 0;
  virtual void end(const Totals& totals, const AccountSummary& summary) = 0;
  // Whether end() reads the summary: when it does not, no post is added to it.
  virtual bool uses_summary() const { return true; }
};

enum class OutputFormat { table, json, ndjson, csv, html };

struct WriterOptions {
  bool ndjson_summary = false;  // --summary: end NDJSON with a summary line
  int width = 100;              // table: terminal columns
  bool many_files = false;      // table: print the file name above its rows
  std::string lang = "auto";    // html: the page's language, auto, en or es (the configuration's lang after --lang)
};

std::unique_ptr<Writer> make_writer(OutputFormat format, std::ostream& out, const WriterOptions& options);

// The self-contained HTML report (html_report.cpp), its words in `lang`
// (auto: the language most of its posts are in).
std::unique_ptr<Writer> make_html_writer(std::ostream& out, std::string_view lang);

// One output line's JSON text, {"file","line","id","result"} (with_text: and "text"),
// and the JSON of {"file","line","error"} and of the totals.
std::string item_line(std::string_view file, const Item& item, const Result& result, bool with_text = false);
Json error_json(std::string_view file, const InputError& error);
Json totals_json(const Totals& totals);

// `--format csv`: the header line and one item's row, each ending in "\n".
// The bulk page's and the HTML report's CSV export are these bytes too.
std::string csv_header();
std::string csv_row(std::string_view file, const Item& item, const Result& result);

// Dumps with the library defaults (what Json::parse(to_json_text(result)).dump() gives), but
// replacing invalid UTF-8 in names and ids instead of throwing.
std::string dump_line(const Json& j);

}  // namespace chime::cli
