#include "rules/lists.hpp"

#include <vector>

#include "rules/features.hpp"

namespace chime {

namespace {

// In the order of enum class List.
constexpr std::string_view kFiles[] = {
    "phrases/care_advice.tsv", "phrases/care_advice_reply.tsv", "phrases/care_advice_safe.tsv",
    "phrases/care_claim.tsv", "phrases/care_claim_not.tsv", "phrases/care_confirms.tsv",
    "phrases/care_confirms_generic.tsv", "phrases/care_diagnosis_link.tsv", "phrases/care_dob_cue.tsv",
    "phrases/care_patient_cue.tsv", "phrases/care_record_cue.tsv", "phrases/care_room_cue.tsv",
    "phrases/promo_hard_sell.tsv", "phrases/promo_hard_sell_except.tsv", "phrases/promo_press_release.tsv",
    "phrases/promo_superlative.tsv", "phrases/promo_superlative_except.tsv",
    "phrases/talk_invite.tsv", "phrases/talk_invite_except.tsv", "phrases/talk_rhetorical.tsv",
    "phrases/talk_teaser.tsv",
    "phrases/tone_complaint.tsv", "phrases/tone_defensive.tsv", "phrases/tone_defensive_reply.tsv",
    "phrases/tone_empathy.tsv", "phrases/tone_empathy_not.tsv", "phrases/tone_private_channel.tsv",
    "phrases/value_empty.tsv", "phrases/value_helpful.tsv", "phrases/value_resource.tsv",
    "phrases/value_units.tsv",
    "lists/diagnoses.tsv", "lists/jargon.tsv", "lists/patient_context.tsv",
    "lists/topics.tsv",
};
static_assert(std::size(kFiles) == static_cast<size_t>(List::count));

}  // namespace

std::string_view list_file(List id) { return kFiles[static_cast<size_t>(id)]; }

const PhraseSet& builtin_lists() {
  static const PhraseSet set = [] {
    std::vector<const PhraseList*> lists;
    for (size_t id = 0; id < static_cast<size_t>(List::topics); ++id) lists.push_back(&PhraseList::builtin(kFiles[id]));
    lists.push_back(&topic_phrases());
    return PhraseSet(std::move(lists), word_list_tags());
  }();
  return set;
}

}  // namespace chime
