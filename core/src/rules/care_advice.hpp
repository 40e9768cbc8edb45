// care.advice: medical advice to one person in public (care_advice.cpp).
#pragma once
#include "rules/rule.hpp"

namespace chime {

void check_advice(const Analysis& a, HintSink& sink);

// Does token t name a medicine in that language (a listed name, or an
// international non-proprietary name's ending)? care.confirms-patient
// reads it too.
bool is_medicine(const Token& t, Language language);

}  // namespace chime
