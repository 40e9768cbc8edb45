// care.patient-privacy: the patterns that may identify a patient (a named
// patient, a room or bed number, a date of birth, a record number, a named
// person with a diagnosis). Word lists are data: phrases/care_*_cue.tsv,
// phrases/care_diagnosis_link.tsv, lists/diagnoses.tsv and friends.
#pragma once
#include "rules/rule.hpp"

namespace chime {

void check_patient_privacy(const Analysis& a, HintSink& sink);

}  // namespace chime
