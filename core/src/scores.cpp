// PLACEHOLDER until the scoring formula lands.
#include "scores.hpp"
namespace chime {
Scores compute_scores(const Analysis&, const std::vector<Hint>&) { return {}; }
std::string choose_label(const Scores&, const std::vector<Hint>&) { return "good"; }
}  // namespace chime
