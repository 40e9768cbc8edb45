#include <algorithm>
#include <vector>

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

std::span<const RuleInfo> all_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> all;
    for (auto family : {length_form_rules(), promo_rules(), talk_rules(), value_rules(),
                        tone_rules(), care_rules()}) {
      all.insert(all.end(), family.begin(), family.end());
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

}  // namespace chime
