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
// A reply, a chat answer, or a post that opens by addressing someone: its
// label reads it as part of a conversation (docs/scores.md, "The label").
bool answers_someone(PostKind kind, const Entities& entities, const std::vector<Hint>& hints);
std::string choose_label(const Scores& scores, const std::vector<Hint>& hints, bool answers_someone);

}  // namespace chime
