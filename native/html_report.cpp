// `chime check --format html`: one self-contained page, drawn by the same
// code as the extension's bulk page. The page's template, styles and scripts
// (extension/ui/) are compiled into chime (native/CMakeLists.txt); the results
// are inlined one JSON line per post or input error: the bytes that
// `chime check --format ndjson` writes for it (as a string, "ndjson"), the row
// `--format csv` writes ("csv") and the post's text; then a last line with the
// totals, the summary and the CSV header. The page's exports are those bytes.
// Streams like the other writers: only the current line is held in memory.
//
// Its words come from the extension's own translations
// (extension/_locales/{en,es}/messages.json, compiled in too): the chosen
// one is inlined as <script id="chime-messages">, which ui/labels.js text()
// reads where there is no chrome.i18n. Which one: --lang (or the
// configuration's lang) en or es; auto, the language most of the posts are
// in (Spanish when more posts are `es` than `en`, else English). So
// everything the page shows is written after the posts, once that is known.
#include <stdexcept>
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
CHIME_EMBEDDED(chime_locale_en_messages_json)
CHIME_EMBEDDED(chime_locale_es_messages_json)
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

std::string html_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// One _locales messages.json as the page needs it: each key's message and
// placeholders (the translators' descriptions left out).
Json page_messages(std::string_view lang) {
  const std::string_view file = lang == "es"
      ? embedded(chime_locale_es_messages_json, chime_locale_es_messages_json_size)
      : embedded(chime_locale_en_messages_json, chime_locale_en_messages_json_size);
  Json messages = Json::parse(file);
  for (auto& [key, entry] : messages.items()) entry.erase("description");
  return messages;
}

// The template's {{msg:KEY}} markers (texts the page shows before its script
// runs, or without it) filled with the messages, HTML-escaped. They take no
// $1 values.
std::string with_messages(std::string page, const Json& messages) {
  for (size_t at = page.find("{{msg:"); at != std::string::npos; at = page.find("{{msg:", at)) {
    const size_t close = page.find("}}", at);
    const std::string key = page.substr(at + 6, close - at - 6);
    if (!messages.contains(key)) throw std::logic_error("report-file.html asks for message " + key + ", which _locales lacks");
    const std::string text = html_escaped(messages[key]["message"].get<std::string>());
    page.replace(at, close + 2 - at, text);
    at += text.size();
  }
  return page;
}

class HtmlWriter : public Writer {
 public:
  HtmlWriter(std::ostream& out, std::string_view lang) : out_(out), lang_(lang) {}

  void begin() override {
    const std::string_view page = embedded(chime_ui_report_file_html, chime_ui_report_file_html_size);
    const size_t data = page.find("{{data}}");
    std::string styles(embedded(chime_ui_page_css, chime_ui_page_css_size));
    styles.append(embedded(chime_ui_dashboard_css, chime_ui_dashboard_css_size));
    // With auto the page's language is known only at the end: until then the
    // document is "mul" (its posts may be in several), the <main> written at
    // the end says its own, and the script sets the document's.
    const std::string lang = lang_ == "auto" ? "mul" : lang_;
    out_ << replace(replace(page.substr(0, data), "{{lang}}", lang), "{{styles}}", styles);
    tail_ = page.substr(data + 8);
  }

  void item(std::string_view file, const Item& item, const Result& result) override {
    if (result.language == "es") ++spanish_posts_;
    else if (result.language == "en") ++english_posts_;
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
    out_ << script_safe(dump_line(last)) << '\n';
    const Json messages = page_messages(page_language());
    out_ << replace(replace(with_messages(tail_, messages), "{{messages}}", script_safe(messages.dump())),
                    "{{scripts}}", scripts());
    out_.flush();
  }

 private:
  std::string page_language() const {
    if (lang_ == "auto") return spanish_posts_ > english_posts_ ? "es" : "en";
    return lang_;
  }

  std::ostream& out_;
  std::string lang_;  // auto, en or es
  std::string tail_;
  uint64_t spanish_posts_ = 0;
  uint64_t english_posts_ = 0;
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(std::ostream& out, std::string_view lang) {
  return std::make_unique<HtmlWriter>(out, lang);
}

}  // namespace chime::cli
