// Safe rewrites (issue 13, item 2): every one-click replacement of every
// example in tests/examples/*.tsv is applied, and the text re-analysed with
// the same context and configuration. A replacement must leave the post with
// fewer or milder problems and no new error, must never sit inside a URL,
// @mention, #hashtag or $cashtag, and must never raise the score of a post
// that still has an error.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "chime/analyzer.hpp"
#include "examples.hpp"
#include "text/unicode.hpp"

using namespace chime;
using chime::testing::Example;

namespace {

Analyzer& analyzer_for(const std::string& config_json) {
  static std::map<std::string, std::unique_ptr<Analyzer>> cache;
  if (auto it = cache.find(config_json); it != cache.end()) return *it->second;
  Config config;
  if (!config_json.empty()) {
    std::vector<ConfigError> errors;
    if (auto parsed = Config::parse(config_json, errors)) config = *parsed;
  }
  return *cache.emplace(config_json, std::make_unique<Analyzer>(config)).first->second;
}

Context context_for(const Example& e) {
  if (e.context.empty()) return {};
  std::vector<std::string> errors;
  return Context::from_json(Json::parse(e.context), errors);
}

// How much a post's problems weigh: an error outweighs any number of tips.
int problem_weight(const Result& r) {
  int weight = 0;
  for (const Hint& h : r.hints) {
    weight += h.severity == Severity::error ? 100 : h.severity == Severity::warning ? 10 : h.severity == Severity::tip ? 1 : 0;
  }
  return weight;
}

int count(const Result& r, const std::string& rule) {
  return static_cast<int>(std::count_if(r.hints.begin(), r.hints.end(), [&](const Hint& h) { return h.rule == rule; }));
}

// Every problem rule of `after` that `before` did not have is a tip.
bool new_problems_are_tips(const Result& before, const Result& after) {
  for (const Hint& h : after.hints) {
    if (h.severity != Severity::good && h.severity != Severity::tip && count(before, h.rule) == 0) return false;
  }
  return true;
}

std::map<std::string, int> errors_by_rule(const Result& r) {
  std::map<std::string, int> out;
  for (const Hint& h : r.hints) {
    if (h.severity == Severity::error) ++out[h.rule];
  }
  return out;
}

// A span that cuts into an entity (starts or ends inside it, or lies within it).
bool cuts_entity(const Result& r, const Hint& h) {
  for (const auto* list : {&r.entities.urls, &r.entities.mentions, &r.entities.hashtags, &r.entities.cashtags}) {
    for (const Entity& e : *list) {
      const bool overlaps = h.start < e.end && e.start < h.end;
      const bool covers = h.start <= e.start && e.end <= h.end;
      if (overlaps && !covers) return true;
    }
  }
  return false;
}

std::string summary(const Result& r) {
  std::string out;
  for (const Hint& h : r.hints) {
    if (h.severity != Severity::good) out += " " + h.rule + "(" + std::string(to_string(h.severity)) + ")";
  }
  return out.empty() ? " (none)" : out;
}

}  // namespace

TEST_CASE("rewrites: every replacement of every example re-analyses cleaner") {
  int applied = 0;
  for (const Example& e : chime::testing::load_examples()) {
    if (e.rule.empty()) continue;
    Analyzer& analyzer = analyzer_for(e.config);
    const Context context = context_for(e);
    const Result before = analyzer.analyze(e.text, context);
    int32_t replaced = 0;
    const std::u16string text = text::decode_utf8(e.text, replaced);
    for (const Hint& h : before.hints) {
      for (const std::string& replacement : h.replacements) {
        INFO(e.where() << ": " << h.rule << " [" << e.text << "] -> [" << replacement << "]");
        CHECK_MESSAGE(!cuts_entity(before, h), "a replacement inside a URL, mention, hashtag or cashtag");
        std::u16string changed = text.substr(0, static_cast<size_t>(h.start));
        changed += text::decode_utf8(replacement, replaced);
        changed += text.substr(static_cast<size_t>(h.end));
        const Result after = analyzer.analyze(text::to_utf8(changed), context);
        INFO("before:" << summary(before) << " score " << before.scores.overall);
        INFO("after: " << summary(after) << " score " << after.scores.overall);
        // Fewer or milder problems: less weight in all; or, when a plain word
        // lets another tip speak (the jargon "CP" becomes "chest pain" and the
        // post now reads negative), the fixed problem gone, no more weight,
        // and nothing new but tips.
        const bool lighter = problem_weight(after) < problem_weight(before);
        const bool swapped_for_tips = problem_weight(after) == problem_weight(before) &&
                                      count(after, h.rule) < count(before, h.rule) && new_problems_are_tips(before, after);
        CHECK_MESSAGE((lighter || swapped_for_tips), "not fewer or milder problems");
        for (const auto& entry : errors_by_rule(after)) {
          const auto& rule = entry.first;  // not a structured binding: clang 14's doctest macros cannot capture one
          CHECK_MESSAGE(entry.second <= errors_by_rule(before)[rule], "a new error: " << rule);
        }
        if (!errors_by_rule(after).empty()) {
          CHECK_MESSAGE(after.scores.overall <= before.scores.overall, "raised the score of a post that still has an error");
        }
        ++applied;
      }
    }
  }
  MESSAGE(applied << " replacements applied");
  CHECK(applied > 50);
}
