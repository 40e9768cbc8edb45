// care.patient-privacy: the patterns that may identify a patient (a named
// patient, a room or bed number, a date of birth, a record number, a named
// person with a diagnosis). Word lists are data: phrases/care_*_cue.tsv,
// phrases/care_diagnosis_link.tsv, lists/diagnoses.tsv and friends.
#pragma once
#include "rules/rule.hpp"

namespace chime {

void check_patient_privacy(const Analysis& a, HintSink& sink);

// Is token i a capitalised word that may be a person's name (not an
// acronym, not a place or service word of lists/not_names.tsv)?
bool is_person_name(const Document& doc, size_t i, Language lang);

}  // namespace chime
