// Scores and label from the analysis and its hints (rules.md section 7;
// the formula is documented in docs/scores.md).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/kinds.hpp"
#include "rules/rule.hpp"

namespace chime {

// ScoreDimension and ScoreWeight: rules/rule.hpp (each rule's weight is in
// its row of core/data/rules.tsv).

Scores compute_scores(const Analysis& analysis, const std::vector<Hint>& hints);
// The label reads the kind too: a good reply or chat answer is engaging.
std::string choose_label(const Scores& scores, const std::vector<Hint>& hints, PostKind kind);

}  // namespace chime
