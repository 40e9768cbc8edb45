// Scores and label from the analysis and its hints (rules.md section 7;
// the formula is documented in docs/scores.md).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace chime {

enum class ScoreDimension { conversation, value, tone, promotion, overall };

// What one rule's hints do to the scores: the first hint moves `dimension`
// by `first` points, each further hint by `more`, in all at most `cap` points
// (positive raises the dimension; for promotion that is worse).
struct ScoreWeight {
  std::string_view rule;
  ScoreDimension dimension;
  int32_t first;
  int32_t more;
  int32_t cap;
};

// One row per rule id, in registry order (test_scores.cpp checks the rows
// against all_rules()).
std::span<const ScoreWeight> score_weights();

Scores compute_scores(const Analysis& analysis, const std::vector<Hint>& hints);
std::string choose_label(const Scores& scores, const std::vector<Hint>& hints);

}  // namespace chime
