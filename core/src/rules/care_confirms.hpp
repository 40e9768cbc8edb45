// care.confirms-patient: a public reply that confirms a person's care
// (care_confirms.cpp).
#pragma once
#include "rules/rule.hpp"

namespace chime {

void check_confirms_patient(const Analysis& a, HintSink& sink);

}  // namespace chime
