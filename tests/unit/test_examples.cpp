// Runs every example of tests/examples/*.tsv (format: examples.hpp): a
// "fires" row must produce a hint of its rule (covering exactly `span` when
// given), a "silent" row none. The care probe (tests/care_probe/, same
// format) is run the same way.
#include <doctest/doctest.h>

#include <map>
#include <memory>

#include "chime/analyzer.hpp"
#include "examples.hpp"
#include "text/unicode.hpp"

using namespace chime;
using chime::testing::Example;

namespace {

// One Analyzer per distinct configuration (parsed once, as front ends do).
Analyzer& analyzer_for(const std::string& config_json) {
  static std::map<std::string, std::unique_ptr<Analyzer>> cache;
  auto it = cache.find(config_json);
  if (it != cache.end()) return *it->second;
  Config config;
  if (!config_json.empty()) {
    std::vector<ConfigError> errors;
    auto parsed = Config::parse(config_json, errors);
    for (const auto& e : errors) FAIL_CHECK("config " << config_json << ": " << e.path << ": " << e.message);
    if (parsed) config = *parsed;
  }
  return *cache.emplace(config_json, std::make_unique<Analyzer>(config)).first->second;
}

Context context_for(const Example& e) {
  if (e.context.empty()) return {};
  std::vector<std::string> errors;
  Context c = Context::from_json(Json::parse(e.context), errors);
  for (const auto& err : errors) FAIL_CHECK(e.where() << ": " << err);
  return c;
}

// The UTF-8 text of [start, end) in UTF-16 units, as JavaScript's slice.
std::string slice(const std::string& utf8, int32_t start, int32_t end) {
  int32_t replaced = 0;
  std::u16string text = text::decode_utf8(utf8, replaced);
  return text::to_utf8(std::u16string_view(text).substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
}

std::string describe(const Result& r, const std::string& text) {
  std::string out;
  for (const Hint& h : r.hints) out += "\n    " + h.rule + " [" + slice(text, h.start, h.end) + "]";
  return out.empty() ? " (no hints)" : out;
}

void run(const Example& e) {
  INFO(e.where() << ": " << e.rule << " " << e.expect << ": " << e.text);
  REQUIRE_MESSAGE(!e.rule.empty(), "malformed line (expected 3 to 6 tab-separated fields)");
  REQUIRE_MESSAGE((e.expect == "fires" || e.expect == "silent"), "expect must be fires or silent");
  const Result r = analyzer_for(e.config).analyze(e.text, context_for(e));
  // "care.*" (the care probe) stands for every rule of the family.
  const bool family = e.rule.ends_with(".*");
  const std::string prefix = e.rule.substr(0, e.rule.size() - 1);
  std::vector<const Hint*> mine;
  for (const Hint& h : r.hints) {
    if (family ? h.rule.starts_with(prefix) : h.rule == e.rule) mine.push_back(&h);
  }
  INFO("hints:" << describe(r, e.text));
  if (e.expect == "silent") {
    CHECK_MESSAGE(mine.empty(), e.where() << ": " << e.rule << " fired on a near-miss");
    return;
  }
  CHECK_MESSAGE(!mine.empty(), e.where() << ": " << e.rule << " did not fire");
  if (!e.span.empty() && !mine.empty()) {
    bool found = std::any_of(mine.begin(), mine.end(),
                             [&](const Hint* h) { return slice(e.text, h->start, h->end) == e.span; });
    CHECK_MESSAGE(found, e.where() << ": no " << e.rule << " hint spans exactly [" << e.span << "]");
  }
}

}  // namespace

TEST_CASE("examples: every rule fires on its examples and stays silent on its near-misses") {
  const auto examples = chime::testing::load_examples();
  REQUIRE(!examples.empty());
  for (const Example& e : examples) run(e);
}

TEST_CASE("care probe: harmless posts get no care hint, their near-misses do") {
  const auto examples = chime::testing::load_examples("care_probe");
  REQUIRE(!examples.empty());
  for (const Example& e : examples) run(e);
}
