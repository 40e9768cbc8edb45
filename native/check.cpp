// `chime check FILE...`: analyse every post of every file, one at a time.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "analysis.hpp"
#include "archive_zip.hpp"
#include "commands.hpp"
#include "limits.hpp"
#include "terminal.hpp"
#include "writers.hpp"

namespace chime::cli {

namespace {

constexpr const char* kCheckHelp = R"(Usage: chime check [OPTIONS] FILE...

Checks every post in the files (- reads standard input) and prints a table on
a terminal, JSON Lines otherwise.

Inputs (by extension, else by content; --input to say it):
  .txt           plain text, one post a line
  .jsonl .ndjson JSON Lines: {"text": "...", "id": "...", "created_at": "..."} or a string a line
  .json          a JSON array of the same items (or JSON Lines)
  .csv .tsv      a header row with a text column (text, full_text, tweet, message, content, post),
                 optional id, created_at (or date), in_reply_to_status_id, in_reply_to_screen_name
  .js            a Twitter archive's data/tweets.js

Options:
  --format table|json|ndjson|csv|html   output (default: table on a terminal, else ndjson);
                       html: one self-contained report page (charts, per-post detail, export)
  --input auto|text|jsonl|csv|tsv|json|tweets.js   how to read the files (default: auto)
  --config FILE        Chime configuration (JSON; see docs/configuration)
  --fail-on warning|error   exit 1 if any post has a hint this severe or worse
  --lang auto|en|es    language of the hints and of the html page (default: the
                       configuration's lang, else auto: Spanish for a Spanish post,
                       English otherwise; the html page in most posts' language)
  --rewrite N          how many posts the summary lists as worth rewriting (default 10)
  --summary            with --format ndjson: end with a {"totals", "summary"} line
  --no-progress        no progress bar on stderr
  -h, --help           this help

Exit codes: 0 all checked (and --fail-on not triggered); 1 --fail-on triggered;
2 bad arguments or configuration; 3 some input could not be read (each problem
is reported as FILE:LINE on stderr; everything else was still checked).

Examples:
  chime check samples/healthcare-tweets.csv
  chime check --format csv calendar.csv > scores.csv
  chime check --format html calendar.csv > report.html
  chime check --fail-on error --config chime.json calendar.csv   # in CI
  cat drafts.txt | chime check -
)";

struct Options {
  std::optional<OutputFormat> format;
  Format input = Format::automatic;
  std::string config_file;
  std::optional<Severity> fail_on;
  std::optional<std::string> lang;  // --lang: overrides the configuration's
  size_t rewrite = 10;
  bool summary = false;
  bool progress = true;
  std::vector<std::string> files;
};

// Parses the options; on a usage error prints it and returns nullopt.
std::optional<Options> parse_options(const std::vector<std::string>& args, bool& help) {
  Options o;
  auto value = [&](size_t& i, const std::string& name) -> std::optional<std::string> {
    const std::string& arg = args[i];
    if (arg.size() > name.size() && arg[name.size()] == '=') return arg.substr(name.size() + 1);
    if (i + 1 >= args.size()) {
      complain(name + " needs a value (see chime check --help)");
      return std::nullopt;
    }
    return args[++i];
  };
  auto is = [](const std::string& arg, const std::string& name) {
    return arg == name || arg.starts_with(name + "=");
  };
  bool only_files = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_files || arg == "-" || !arg.starts_with("-")) {
      o.files.push_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "-h" || arg == "--help") {
      help = true;
      return o;
    } else if (is(arg, "--format")) {
      auto v = value(i, "--format");
      if (!v) return std::nullopt;
      if (*v == "table") o.format = OutputFormat::table;
      else if (*v == "json") o.format = OutputFormat::json;
      else if (*v == "ndjson" || *v == "jsonl") o.format = OutputFormat::ndjson;
      else if (*v == "csv") o.format = OutputFormat::csv;
      else if (*v == "html") o.format = OutputFormat::html;
      else {
        complain("--format " + *v + ": use table, json, ndjson, csv or html");
        return std::nullopt;
      }
    } else if (is(arg, "--input")) {
      auto v = value(i, "--input");
      if (!v) return std::nullopt;
      auto f = format_from_name(*v);
      if (!f) {
        complain("--input " + *v + ": use auto, text, jsonl, csv, tsv, json or tweets.js");
        return std::nullopt;
      }
      o.input = *f;
    } else if (is(arg, "--config")) {
      auto v = value(i, "--config");
      if (!v) return std::nullopt;
      o.config_file = *v;
    } else if (is(arg, "--fail-on")) {
      auto v = value(i, "--fail-on");
      if (!v) return std::nullopt;
      if (*v == "warning") o.fail_on = Severity::warning;
      else if (*v == "error") o.fail_on = Severity::error;
      else if (*v == "tip") o.fail_on = Severity::tip;
      else {
        complain("--fail-on " + *v + ": use warning or error (or tip)");
        return std::nullopt;
      }
    } else if (is(arg, "--lang")) {
      auto v = value(i, "--lang");
      if (!v) return std::nullopt;
      if (*v != "auto" && *v != "en" && *v != "es") {
        complain("--lang " + *v + ": use auto, en or es");
        return std::nullopt;
      }
      o.lang = *v;
    } else if (is(arg, "--rewrite")) {
      auto v = value(i, "--rewrite");
      if (!v) return std::nullopt;
      char* end = nullptr;
      const long n = std::strtol(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || n < 0 || n > 1000) {
        complain("--rewrite " + *v + ": use a number from 0 to 1000");
        return std::nullopt;
      }
      o.rewrite = static_cast<size_t>(n);
    } else if (arg == "--summary") {
      o.summary = true;
    } else if (arg == "--no-progress") {
      o.progress = false;
    } else {
      complain("unknown option " + arg + " (see chime check --help)");
      return std::nullopt;
    }
  }
  if (o.files.empty()) {
    complain("no input: name one or more files, or - for standard input (see chime check --help)");
    return std::nullopt;
  }
  return o;
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Reads and validates --config; errors name the file and the key path.
std::optional<Config> load_config(const std::string& file) {
  if (is_directory(file)) {
    complain(file + ": is a directory; --config names a JSON file");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    complain(file + ": cannot read the configuration file");
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  Json json;
  try {
    json = parse_json(text.str());
  } catch (const std::exception& e) {
    complain(file + ": not valid JSON: " + json_error_message(e));
    return std::nullopt;
  }
  std::vector<ConfigError> errors;
  std::optional<Config> config;
  try {
    config = Config::parse(json, errors);
  } catch (const std::exception& e) {
    errors.push_back({"", e.what()});
  }
  if (!config || !errors.empty()) {
    for (const ConfigError& e : errors) complain(file + ": " + (e.path.empty() ? e.message : e.path + ": " + e.message));
    if (errors.empty()) complain(file + ": invalid configuration");
    return std::nullopt;
  }
  return config;
}

class CheckRun : public ItemHandler {
 public:
  CheckRun(Analyzer& analyzer, Writer& writer, AccountSummary& summary, Totals& totals,
           std::optional<Severity> fail_on)
      : analyzer_(analyzer), writer_(writer), summary_(summary), totals_(totals), fail_on_(fail_on) {}

  void start_file(std::string file, Input* input, Progress* progress) {
    file_ = std::move(file);
    input_ = input;
    progress_ = progress;
  }

  void item(Item&& item) override {
    std::vector<std::string> context_errors;
    const Context context = context_for(item, analyzer_.config(), context_errors);
    for (const std::string& message : context_errors) error({item.line, "bad_item", message});
    const Result result = analyzer_.analyze(item.text, context);
    ++totals_.items;
    bool failing = false;
    for (const Hint& h : result.hints) {
      ++totals_.hints[static_cast<int>(h.severity)];
      if (fail_on_ && h.severity >= *fail_on_) failing = true;
    }
    if (failing) ++totals_.failing;
    if (writer_.uses_summary()) summary_.add(post_info(item, analyzer_.config()), result);
    writer_.item(file_, item, result);
    if (progress_) progress_->update(input_->bytes_read(), totals_.items);
  }

  void error(InputError&& error) override {
    ++totals_.input_errors;
    if (progress_) progress_->finish();
    std::string where = sanitize_utf8(file_);
    if (error.line > 0) where += ":" + std::to_string(error.line);
    complain(where + ": " + error.message);
    writer_.error(file_, error);
  }

 private:
  Analyzer& analyzer_;
  Writer& writer_;
  AccountSummary& summary_;
  Totals& totals_;
  std::optional<Severity> fail_on_;
  std::string file_;
  Input* input_ = nullptr;
  Progress* progress_ = nullptr;
};

uint64_t file_size(const std::string& file) {
  struct stat st {};
  if (stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return static_cast<uint64_t>(st.st_size);
  return 0;
}

// A Twitter archive's zip: each tweets file inside, named "ARCHIVE.zip:data/tweets.js".
void check_zip(const std::string& file, CheckRun& run) {
  ZipArchive zip;
  std::string message;
  run.start_file(file, nullptr, nullptr);
  if (!zip.open(file, message)) {
    run.error({0, "bad_input", message});
    return;
  }
  std::vector<std::string> problems;
  const std::vector<std::string> members = zip.tweet_files(problems);
  for (std::string& problem : problems) run.error({0, "bad_input", std::move(problem)});
  if (members.empty()) run.error({0, "bad_input", "no data/tweets.js in this zip: is it a Twitter archive?"});
  for (const std::string& member : members) {
    auto stream = zip.read(member, message);  // dropped at the end of each turn: one member held at a time
    const std::string name = file + ":" + member;
    if (!stream) {
      run.start_file(name, nullptr, nullptr);
      run.error({0, "bad_input", message});
      continue;
    }
    Input input(*stream);
    run.start_file(name, &input, nullptr);
    read_items(input, Format::tweets_js, run);
    if (stream->over_limit()) {
      run.error({input.line(), "too_large",
                 "this member inflates past the limit of " + std::to_string(kMaxZipMemberBytes >> 20) +
                     " MiB; the rest of it is skipped"});
    }
  }
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  bool help = false;
  std::optional<Options> options = parse_options(args, help);
  if (help) {
    std::cout << kCheckHelp;
    return kExitOk;
  }
  if (!options) return kExitUsage;
  Config config;
  if (!options->config_file.empty()) {
    auto loaded = load_config(options->config_file);
    if (!loaded) return kExitUsage;
    config = std::move(*loaded);
  }
  if (options->lang) config.lang = *options->lang;
  const std::string lang = config.lang;
  Analyzer analyzer(std::move(config));

  std::ios::sync_with_stdio(false);
  const bool stdout_terminal = is_terminal(STDOUT_FILENO);
  const OutputFormat format = options->format.value_or(stdout_terminal ? OutputFormat::table : OutputFormat::ndjson);
  WriterOptions writer_options;
  writer_options.ndjson_summary = options->summary;
  writer_options.width = stdout_terminal ? terminal_width(STDOUT_FILENO) : 100;
  writer_options.many_files = options->files.size() > 1;
  writer_options.lang = lang;
  auto writer = make_writer(format, std::cout, writer_options);
  // The table shows progress itself; a bar would garble it.
  const bool show_progress = options->progress && is_terminal(STDERR_FILENO) && !stdout_terminal;

  AccountSummary summary(options->rewrite);
  Totals totals;
  CheckRun run(analyzer, *writer, summary, totals, options->fail_on);
  writer->begin();
  for (const std::string& file : options->files) {
    if (file.size() > 4 && ends_with_ci(file, ".zip")) {
      check_zip(file, run);
      continue;
    }
    std::ifstream stream;
    const bool is_stdin = file == "-";
    if (!is_stdin && is_directory(file)) {
      run.start_file(file, nullptr, nullptr);
      run.error({0, "bad_input", "is a directory, not a file of posts"});
      continue;
    }
    if (!is_stdin) {
      stream.open(file, std::ios::binary);
      if (!stream) {
        run.start_file(file, nullptr, nullptr);
        run.error({0, "bad_input", "cannot open this file"});
        continue;
      }
    }
    Input input(is_stdin ? std::cin : stream);
    Progress progress(show_progress, is_stdin ? 0 : file_size(file));
    run.start_file(file, &input, &progress);
    const Format f = options->input == Format::automatic ? detect_format(is_stdin ? "" : file, input)
                                                         : options->input;
    read_items(input, f, run);
    progress.finish();
  }
  writer->end(totals, summary);
  if (!std::cout) {
    complain("could not write the output");
    return kExitInput;
  }
  if (totals.input_errors > 0) return kExitInput;
  if (totals.failing > 0) return kExitFailOn;
  return kExitOk;
}

}  // namespace chime::cli
