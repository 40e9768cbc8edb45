#pragma once
#include "rules/rule.hpp"

namespace chime {
// value.crisis-essentials: what a crisis notice leaves out (value_crisis.cpp).
void check_crisis_essentials(const Analysis& a, HintSink& sink);
}  // namespace chime
