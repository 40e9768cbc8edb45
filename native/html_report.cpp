// `chime check --format html`: one self-contained page, drawn by the same
// code as the extension's bulk page. The page's template, styles and scripts
// (extension/ui/) are compiled into chime (native/CMakeLists.txt); the results
// are inlined one JSON line per post or input error: the bytes that
// `chime check --format ndjson` writes for it (as a string, "ndjson"), the row
// `--format csv` writes ("csv") and the post's text; then a last line with the
// totals, the summary and the CSV header. The page's exports are those bytes.
// Streams like the other writers: only the current line is held in memory.
#include <string>
#include <string_view>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"
#include "writers.hpp"

#define CHIME_EMBEDDED(symbol)                 \
  extern "C" const unsigned char symbol[];     \
  extern "C" const unsigned long symbol##_size;
CHIME_EMBEDDED(chime_ui_report_file_html)
CHIME_EMBEDDED(chime_ui_page_css)
CHIME_EMBEDDED(chime_ui_dashboard_css)
CHIME_EMBEDDED(chime_ui_labels_js)
CHIME_EMBEDDED(chime_ui_styles_js)
CHIME_EMBEDDED(chime_ui_report_js)
CHIME_EMBEDDED(chime_ui_charts_js)
CHIME_EMBEDDED(chime_ui_dashboard_js)
CHIME_EMBEDDED(chime_ui_report_file_js)
#undef CHIME_EMBEDDED

namespace chime::cli {

namespace {

std::string_view embedded(const unsigned char* data, unsigned long size) {
  return {reinterpret_cast<const char*>(data), size};
}

// In order: each script uses the globals the ones before it set.
std::string scripts() {
  const std::string_view parts[] = {
      embedded(chime_ui_labels_js, chime_ui_labels_js_size),
      embedded(chime_ui_styles_js, chime_ui_styles_js_size),
      embedded(chime_ui_report_js, chime_ui_report_js_size),
      embedded(chime_ui_charts_js, chime_ui_charts_js_size),
      embedded(chime_ui_dashboard_js, chime_ui_dashboard_js_size),
      embedded(chime_ui_report_file_js, chime_ui_report_file_js_size),
  };
  std::string out;
  for (std::string_view part : parts) out.append("<script>\n").append(part).append("</script>\n");
  return out;
}

// JSON inside <script>: "<" only occurs in strings, where \u003c means the
// same; so no "</script>" or "<!--" can end or confuse the element.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

std::string replace(std::string_view text, std::string_view marker, std::string_view with) {
  const size_t at = text.find(marker);
  if (at == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, at)).append(with).append(text.substr(at + marker.size()));
}

class HtmlWriter : public Writer {
 public:
  explicit HtmlWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    const std::string_view page = embedded(chime_ui_report_file_html, chime_ui_report_file_html_size);
    const size_t data = page.find("{{data}}");
    std::string styles(embedded(chime_ui_page_css, chime_ui_page_css_size));
    styles.append(embedded(chime_ui_dashboard_css, chime_ui_dashboard_css_size));
    out_ << replace(page.substr(0, data), "{{styles}}", styles);
    tail_ = replace(page.substr(data + 8), "{{scripts}}", scripts());
  }

  void item(std::string_view file, const Item& item, const Result& result) override {
    JsonText line;
    line.begin_object()
        .field("ndjson", item_line(file, item, result) + "\n")
        .field("csv", csv_row(file, item, result))
        .field("text", item.text)
        .end_object();
    out_ << script_safe(line.take()) << '\n';
  }

  void error(std::string_view file, const InputError& error) override {
    JsonText line;
    line.begin_object().field("ndjson", dump_line(error_json(file, error)) + "\n").end_object();
    out_ << script_safe(line.take()) << '\n';
  }

  void end(const Totals& totals, const AccountSummary& summary) override {
    const Json last = {{"version", std::string(version())}, {"totals", totals_json(totals)},
                       {"summary", summary.to_json()}, {"csv_header", csv_header()}};
    out_ << script_safe(dump_line(last)) << '\n' << tail_;
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string tail_;
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out) { return std::make_unique<HtmlWriter>(out); }

}  // namespace chime::cli
