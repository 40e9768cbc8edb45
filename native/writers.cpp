#include "writers.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "terminal.hpp"

namespace chime::cli {

namespace {

// item_line into `j`.
void write_item(JsonText& j, std::string_view file, const Item& item, const Result& result, bool with_text) {
  j.begin_object().fragment(R"("file":)").value(file);
  j.fragment(R"(,"line":)").value(item.line);
  if (item.id.empty()) {
    j.fragment(R"(,"id":null)");
  } else {
    j.fragment(R"(,"id":)").value(item.id);
  }
  write_json(j.fragment(R"(,"result":)"), result);
  if (with_text) j.fragment(R"(,"text":)").value(item.text);
  j.end_object();
}

}  // namespace

// One checked item as a line of JSON text, its Result written straight in;
// with_text adds the post's text (the HTML report shows what was checked).
std::string item_line(std::string_view file, const Item& item, const Result& result, bool with_text) {
  JsonText j;
  write_item(j, file, item, result, with_text);
  return j.take();
}

Json error_json(std::string_view file, const InputError& error) {
  return {{"file", file},
          {"line", error.line == 0 ? Json(nullptr) : Json(error.line)},
          {"error", {{"code", error.code}, {"message", error.message}}}};
}

Json totals_json(const Totals& t) {
  return {{"items", t.items},
          {"input_errors", t.input_errors},
          {"hints", {{"error", t.hints[3]}, {"warning", t.hints[2]}, {"tip", t.hints[1]}, {"good", t.hints[0]}}},
          {"failing", t.failing}};
}

namespace {

// The most severe problems first, then reading order; "good" hints left out.
std::vector<std::string> top_rules(const Result& r, size_t n) {
  std::vector<const Hint*> issues;
  for (const Hint& h : r.hints) {
    if (h.severity != Severity::good) issues.push_back(&h);
  }
  std::stable_sort(issues.begin(), issues.end(),
                   [](const Hint* a, const Hint* b) { return a->severity > b->severity; });
  std::vector<std::string> out;
  for (const Hint* h : issues) {
    if (out.size() == n) break;
    if (std::find(out.begin(), out.end(), h->rule) == out.end()) out.push_back(h->rule);
  }
  return out;
}

size_t count(const Result& r, Severity s) {
  return static_cast<size_t>(std::count_if(r.hints.begin(), r.hints.end(),
                                           [s](const Hint& h) { return h.severity == s; }));
}

class NdjsonWriter : public Writer {
 public:
  NdjsonWriter(std::ostream& out, bool summary) : out_(out), summary_(summary) {}
  void item(std::string_view file, const Item& item, const Result& result) override {
    line_.clear();  // its memory kept from item to item
    write_item(line_, file, item, result, false);
    line_.fragment("\n");
    // Lines go out some at a time: the stream sends a line of 1 KB or more
    // straight to the system, one call a line.
    pending_ += line_.str();
    if (pending_.size() >= kPendingBytes) send_pending();
  }
  void error(std::string_view file, const InputError& error) override {
    send_pending();
    out_ << dump_line(error_json(file, error)) << '\n';
  }
  void end(const Totals& totals, const AccountSummary& summary) override {
    send_pending();
    if (summary_) out_ << dump_line({{"totals", totals_json(totals)}, {"summary", summary.to_json()}}) << '\n';
    out_.flush();
  }
  bool uses_summary() const override { return summary_; }

 private:
  static constexpr size_t kPendingBytes = 64 * 1024;
  void send_pending() {
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }

  std::ostream& out_;
  bool summary_;
  JsonText line_;
  std::string pending_;  // whole lines not yet written
};

// One document; the items array is written as items arrive, one per line.
class JsonWriter : public Writer {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    out_ << "{\"schema\":\"chime.check/1\",\"version\":" << Json(std::string(version())).dump()
         << ",\"items\":[";
  }
  void item(std::string_view file, const Item& item, const Result& result) override {
    next();
    out_ << item_line(file, item, result);
  }
  void error(std::string_view file, const InputError& error) override {
    next();
    out_ << dump_line(error_json(file, error));
  }
  void end(const Totals& totals, const AccountSummary& summary) override {
    out_ << (first_ ? "]" : "\n]") << ",\"totals\":" << dump_line(totals_json(totals))
         << ",\"summary\":" << dump_line(summary.to_json()) << "}\n";
    out_.flush();
  }

 private:
  void next() {
    out_ << (first_ ? "\n" : ",\n");
    first_ = false;
  }
  std::ostream& out_;
  bool first_ = true;
};

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class CsvWriter : public Writer {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void begin() override { out_ << csv_header(); }
  void item(std::string_view file, const Item& item, const Result& r) override { out_ << csv_row(file, item, r); }
  void error(std::string_view, const InputError&) override {}  // reported on stderr
  void end(const Totals&, const AccountSummary&) override { out_.flush(); }
  bool uses_summary() const override { return false; }

 private:
  std::ostream& out_;
};

std::string pad(std::string s, int width) {
  const int w = display_width(s);
  if (w < width) s.append(static_cast<size_t>(width - w), ' ');
  return s;
}

std::string rpad(const std::string& s, int width) {
  const int w = display_width(s);
  return w < width ? std::string(static_cast<size_t>(width - w), ' ') + s : s;
}

class TableWriter : public Writer {
 public:
  TableWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void begin() override {
    out_ << rpad("LINE", 6) << "  " << rpad("SCORE", 5) << "  " << pad("LABEL", 11) << "  " << pad("KIND", 15) << "  "
         << rpad("LEN", 4) << "  " << pad("ISSUES", 9) << "  " << pad("TOP ISSUE", 22) << "  TEXT\n";
  }

  void item(std::string_view file, const Item& item, const Result& r) override {
    file_heading(file);
    std::string issues;
    const std::pair<Severity, char> kinds[] = {{Severity::error, 'E'}, {Severity::warning, 'W'}, {Severity::tip, 'T'}};
    for (const auto& [severity, letter] : kinds) {
      if (const size_t n = count(r, severity); n > 0) {
        issues.append(std::to_string(n));
        issues.push_back(letter);
        issues.push_back(' ');
      }
    }
    if (issues.empty()) issues.push_back('-');
    const auto top = top_rules(r, 1);
    std::string length = std::to_string(r.length.weighted);
    if (r.length.weighted > r.length.max) length += "!";
    const int fixed = 6 + 2 + 5 + 2 + 11 + 2 + 15 + 2 + 4 + 2 + 9 + 2 + 22 + 2;
    out_ << rpad(std::to_string(item.line), 6) << "  " << rpad(std::to_string(r.scores.overall), 5) << "  "
         << pad(r.label, 11) << "  " << pad(r.kind, 15) << "  " << rpad(length, 4) << "  " << pad(issues, 9) << "  "
         << pad(fit(top.empty() ? "-" : top[0], 22), 22) << "  "
         << fit(item.text, std::max(20, options_.width - fixed)) << '\n';
  }

  void error(std::string_view file, const InputError& error) override {
    file_heading(file);
    out_ << rpad(error.line ? std::to_string(error.line) : "-", 6) << "  "
         << fit("not read: " + error.message, std::max(20, options_.width - 8)) << '\n';
  }

  void end(const Totals& totals, const AccountSummary& summary) override {
    const Json s = summary.to_json();
    out_ << '\n' << totals.items << " posts";
    if (totals.input_errors) out_ << ", " << totals.input_errors << " input problem(s) (see above)";
    out_ << ". Hints: " << totals.hints[3] << " error, " << totals.hints[2] << " warning, " << totals.hints[1]
         << " tip, " << totals.hints[0] << " good.\n";
    if (!s["scores"]["mean"].is_null()) {
      out_ << "Overall score: mean " << s["scores"]["mean"].dump() << ", median " << s["scores"]["median"].dump()
           << ". Labels:";
      for (const auto& [label, n] : s["labels"].items()) out_ << ' ' << label << ' ' << n.dump();
      out_ << ".\n";
    }
    std::string frequent;
    int shown = 0;
    for (const Json& rule : s["rules"]) {
      if (rule["severity"] == "good") continue;
      if (shown++ == 5) break;
      frequent += " " + rule["rule"].get<std::string>() + " (" + rule["posts"].dump() + ")";
    }
    if (!frequent.empty()) out_ << "Most frequent issues:" << frequent << ".\n";
    if (!s["rewrite"].empty()) {
      out_ << "Worth rewriting first:\n";
      int listed = 0;
      for (const Json& c : s["rewrite"]) {
        if (listed++ == 5) break;
        out_ << "  " << rpad(c["overall"].dump(), 3) << "  "
             << fit(c["text"].get<std::string>(), std::max(20, options_.width - 7)) << '\n';
      }
    }
    out_.flush();
  }

 private:
  void file_heading(std::string_view file) {
    if (!options_.many_files || file == current_) return;
    current_ = std::string(file);
    out_ << "== " << sanitize_utf8(file) << '\n';
  }

  std::ostream& out_;
  WriterOptions options_;
  std::string current_;
};

}  // namespace

std::string csv_header() {
  return "file,line,id,weighted_length,valid,overall,conversation,value,tone,promotion,label,kind,"
         "errors,warnings,tips,good,top_rules,text\n";
}

std::string csv_row(std::string_view file, const Item& item, const Result& r) {
  std::string rules;
  for (const std::string& rule : top_rules(r, 3)) rules += (rules.empty() ? "" : " ") + rule;
  std::ostringstream row;
  row << csv_field(sanitize_utf8(file)) << ',' << item.line << ',' << csv_field(sanitize_utf8(item.id)) << ','
      << r.length.weighted << ',' << (r.length.valid ? "true" : "false") << ',' << r.scores.overall << ','
      << r.scores.conversation << ',' << r.scores.value << ',' << r.scores.tone << ',' << r.scores.promotion << ','
      << r.label << ',' << r.kind << ',' << count(r, Severity::error) << ',' << count(r, Severity::warning) << ','
      << count(r, Severity::tip) << ',' << count(r, Severity::good) << ',' << rules << ','
      << csv_field(sanitize_utf8(item.text)) << '\n';
  return row.str();
}

std::string dump_line(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::unique_ptr<Writer> make_writer(OutputFormat format, std::ostream& out, const WriterOptions& options) {
  switch (format) {
    case OutputFormat::json: return std::make_unique<JsonWriter>(out);
    case OutputFormat::ndjson: return std::make_unique<NdjsonWriter>(out, options.ndjson_summary);
    case OutputFormat::csv: return std::make_unique<CsvWriter>(out);
    case OutputFormat::html: return make_html_writer(out, options.lang);
    case OutputFormat::table: break;
  }
  return std::make_unique<TableWriter>(out, options);
}

}  // namespace chime::cli
