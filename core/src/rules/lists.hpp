// The built-in phrase lists the rules match, resolved once by id (no name
// lookup per call), and all matched together in one pass over a document's
// tokens (PhraseSet), once per analysis.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>
#include <string_view>

#include "language.hpp"
#include "match/phrases.hpp"

namespace chime {

// Every built-in list: its id and its file under core/data/, in one table,
// so that the enum and the file names cannot drift apart. A list's id is its
// file's name. topics is last: its phrases are built from lists/topics.tsv
// (the first column of rows with a chat and a name).
#define CHIME_BUILTIN_LISTS(X) \
  X(care_advice, "phrases/care_advice.tsv") \
  X(care_advice_reply, "phrases/care_advice_reply.tsv") \
  X(care_advice_safe, "phrases/care_advice_safe.tsv") \
  X(care_claim, "phrases/care_claim.tsv") \
  X(care_claim_not, "phrases/care_claim_not.tsv") \
  X(care_claim_refuted, "phrases/care_claim_refuted.tsv") \
  X(care_consent, "phrases/care_consent.tsv") \
  X(care_confirms, "phrases/care_confirms.tsv") \
  X(care_confirms_generic, "phrases/care_confirms_generic.tsv") \
  X(care_diagnosis_link, "phrases/care_diagnosis_link.tsv") \
  X(care_dob_cue, "phrases/care_dob_cue.tsv") \
  X(care_patient_cue, "phrases/care_patient_cue.tsv") \
  X(care_record_cue, "phrases/care_record_cue.tsv") \
  X(care_room_cue, "phrases/care_room_cue.tsv") \
  X(crisis_essentials, "phrases/crisis_essentials.tsv") \
  X(kind_cues, "phrases/kind_cues.tsv") \
  X(promo_hard_sell, "phrases/promo_hard_sell.tsv") \
  X(promo_hard_sell_except, "phrases/promo_hard_sell_except.tsv") \
  X(promo_press_release, "phrases/promo_press_release.tsv") \
  X(promo_research_hype, "phrases/promo_research_hype.tsv") \
  X(promo_research_hype_except, "phrases/promo_research_hype_except.tsv") \
  X(promo_research_hype_reported, "phrases/promo_research_hype_reported.tsv") \
  X(promo_superlative, "phrases/promo_superlative.tsv") \
  X(promo_superlative_except, "phrases/promo_superlative_except.tsv") \
  X(talk_invite, "phrases/talk_invite.tsv") \
  X(talk_invite_except, "phrases/talk_invite_except.tsv") \
  X(talk_non_answer, "phrases/talk_non_answer.tsv") \
  X(talk_reply_acknowledge, "phrases/talk_reply_acknowledge.tsv") \
  X(talk_rhetorical, "phrases/talk_rhetorical.tsv") \
  X(talk_teaser, "phrases/talk_teaser.tsv") \
  X(tone_boilerplate, "phrases/tone_boilerplate.tsv") \
  X(tone_complaint, "phrases/tone_complaint.tsv") \
  X(tone_defensive, "phrases/tone_defensive.tsv") \
  X(tone_defensive_reply, "phrases/tone_defensive_reply.tsv") \
  X(tone_empathy, "phrases/tone_empathy.tsv") \
  X(tone_empathy_not, "phrases/tone_empathy_not.tsv") \
  X(tone_private_channel, "phrases/tone_private_channel.tsv") \
  X(value_action, "phrases/value_action.tsv") \
  X(value_empty, "phrases/value_empty.tsv") \
  X(value_helpful, "phrases/value_helpful.tsv") \
  X(value_resource, "phrases/value_resource.tsv") \
  X(value_units, "phrases/value_units.tsv") \
  X(diagnoses, "lists/diagnoses.tsv") \
  X(jargon, "lists/jargon.tsv") \
  X(patient_context, "lists/patient_context.tsv") \
  X(procedures, "lists/procedures.tsv") \
  X(topics, "lists/topics.tsv")

enum class List : size_t {
#define CHIME_LIST_ID(id, file) id,
  CHIME_BUILTIN_LISTS(CHIME_LIST_ID)
#undef CHIME_LIST_ID
  count
};

// The one place that decides which file a data file `name` (a path under
// core/data/, "phrases/care_claim.tsv") is read from for a post in
// `language`: for Spanish, core/data/es/<name> when there is one (a Spanish
// file with no entries switches an English-only list off), otherwise `name`
// itself (a list that is the same in both languages: acronyms, chats'
// hashtags); for English and und, always `name`. docs/language.md lists the
// decision for every list.
std::string_view data_file(std::string_view name, Language language);

// Every built-in list of a language (data_file()) in one PhraseSet (ids are
// List values), parsed once on first use, tagging the words of the word
// lists (word_list_tags()). English and und share one set.
const PhraseSet& builtin_lists(Language language = Language::en);
inline const PhraseList& builtin(List id, Language language = Language::en) {
  return builtin_lists(language).list(static_cast<size_t>(id));
}

// One document's matches of every built-in list, and its tokens' word-list
// bits (rules/features.hpp: word_lists()), found in the same pass.
class ListMatches {
 public:
  ListMatches() = default;
  explicit ListMatches(const Document& doc, Language language = Language::en) { match(doc, language); }
  // Matches `doc` against the lists of `language`, reusing the memory of the
  // previous document's matches.
  void match(const Document& doc, Language language = Language::en) {
    doc_ = &doc;
    language_ = language;
    builtin_lists(language).match(doc, matches_);
  }
  const Document& doc() const { return *doc_; }
  // The language whose lists were matched.
  Language language() const { return language_; }
  std::vector<PhraseMatch> find(List id, size_t first = 0, size_t last = static_cast<size_t>(-1)) const {
    return matches_.find(static_cast<size_t>(id), first, last);
  }
  bool any(List id, size_t first = 0, size_t last = static_cast<size_t>(-1)) const {
    return matches_.any(static_cast<size_t>(id), first, last);
  }
  // The phrase find(id, i, last) would match first if it starts at token i.
  const Phrase* starting_at(List id, size_t i, size_t last = static_cast<size_t>(-1)) const {
    return matches_.longest_at(static_cast<size_t>(id), i, last);
  }
  // For each token, the WordListBits of the word lists holding it.
  const std::vector<uint8_t>& word_lists() const { return matches_.tags(); }
  // The WordListBits of all tokens together.
  uint8_t word_lists_seen() const { return matches_.tags_seen(); }
  // Does list `id` match anywhere?
  bool hit(List id) const { return matches_.hit(static_cast<size_t>(id)); }

 private:
  const Document* doc_ = nullptr;
  Language language_ = Language::en;
  PhraseSet::Matches matches_;
};

}  // namespace chime
