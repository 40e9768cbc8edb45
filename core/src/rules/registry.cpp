// The registry: core/data/rules.tsv (one row per rule: id, kinds, severity,
// score weight, data files) joined with the families' checks. Descriptions
// are messages (rule.<id>), in both languages.
// A malformed row is a bug in Chime, so it stops the program with a message
// naming the row; test_rules_meta.cpp reads every row on each test run.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/features.hpp"
#include "rules/rule.hpp"

namespace chime {

void HintSink::add(Hint hint) {
  if (!config_.enabled(hint.rule)) return;
  // Most configurations override nothing: no map search per hint.
  if (!config_.severity_overrides.empty()) {
    if (auto it = config_.severity_overrides.find(hint.rule); it != config_.severity_overrides.end()) {
      hint.severity = it->second;
    }
  }
  hints_.push_back(std::move(hint));
}

namespace {

constexpr std::string_view kTable = "rules.tsv";

std::vector<std::span<const RuleCheck>> families() {
  return {length_form_checks(), care_checks(), promo_checks(), value_checks(), tone_checks(), talk_checks()};
}

CheckFn check_of(std::string_view id) {
  for (auto family : families()) {
    for (const RuleCheck& c : family) {
      if (c.id == id) return c.check;
    }
  }
  return nullptr;
}

[[noreturn]] void bad_row(std::string_view id, const std::string& what) {
  throw std::logic_error("core/data/rules.tsv, rule " + std::string(id) + ": " + what);
}

std::optional<ScoreDimension> dimension_from_string(std::string_view s) {
  if (s == "conversation") return ScoreDimension::conversation;
  if (s == "value") return ScoreDimension::value;
  if (s == "tone") return ScoreDimension::tone;
  if (s == "promotion") return ScoreDimension::promotion;
  if (s == "overall") return ScoreDimension::overall;
  return std::nullopt;
}

int32_t number(std::string_view id, const std::string& s) {
  size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != s.size()) bad_row(id, "not a whole number: \"" + s + "\"");
  return value;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t end = std::min(s.find(' ', i), s.size());
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

RuleInfo parse_row(const std::vector<std::string>& row) {
  if (row.size() != 8) bad_row(row.empty() ? "?" : row[0], "expected 8 tab-separated columns, got " + std::to_string(row.size()));
  RuleInfo r{};
  r.id = row[0];
  r.family = r.id.substr(0, r.id.find('.'));
  const auto kinds = parse_kinds(row[1]);
  if (!kinds) bad_row(r.id, "unknown kind in \"" + row[1] + "\"");
  r.kinds = *kinds;
  const auto severity = severity_from_string(row[2]);
  if (!severity) bad_row(r.id, "unknown severity \"" + row[2] + "\"");
  r.default_severity = *severity;
  const auto dimension = dimension_from_string(row[3]);
  if (!dimension) bad_row(r.id, "unknown score dimension \"" + row[3] + "\"");
  r.weight = {r.id, *dimension, number(r.id, row[4]), number(r.id, row[5]), number(r.id, row[6])};
  if (row[7] != "-") r.files = words(row[7]);
  r.check = check_of(r.id);
  if (!r.check) bad_row(r.id, "no check has this id");
  return r;
}

}  // namespace

std::span<const RuleInfo> all_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> all;
    for (const auto& row : data_rows(kTable)) all.push_back(parse_row(row));
    // A check with no row would never run: say so rather than drop it.
    for (auto family : families()) {
      for (const RuleCheck& c : family) {
        const auto has_row = [&](const RuleInfo& r) { return r.id == c.id; };
        if (std::none_of(all.begin(), all.end(), has_row)) bad_row(c.id, "a check has this id but no row does");
      }
    }
    return all;
  }();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  auto rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::string rule_description(const RuleInfo& rule, Language language) {
  return message(language, "rule." + std::string(rule.id));
}

}  // namespace chime
