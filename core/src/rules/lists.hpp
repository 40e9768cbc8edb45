// The built-in phrase lists the rules match, resolved once by id (no name
// lookup per call), and all matched together in one pass over a document's
// tokens (PhraseSet), once per analysis.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>
#include <string_view>

#include "match/phrases.hpp"

namespace chime {

enum class List : size_t {
  care_advice, care_advice_reply, care_advice_safe, care_claim, care_claim_not, care_confirms,
  care_confirms_generic, care_diagnosis_link, care_dob_cue, care_patient_cue, care_record_cue, care_room_cue,
  promo_hard_sell, promo_hard_sell_except, promo_press_release, promo_superlative, promo_superlative_except,
  talk_invite, talk_invite_except, talk_rhetorical, talk_teaser,
  tone_complaint, tone_defensive, tone_defensive_reply, tone_empathy, tone_empathy_not, tone_private_channel,
  value_empty, value_helpful, value_resource, value_units,
  diagnoses, jargon, patient_context,
  topics,  // lists/topics.tsv: the first column of rows with a chat and a name
  count
};

// core/data/<file> of a list ("phrases/care_advice.tsv").
std::string_view list_file(List id);

// Every built-in list in one PhraseSet (ids are List values), parsed once,
// tagging the words of the word lists (word_list_tags()).
const PhraseSet& builtin_lists();
inline const PhraseList& builtin(List id) { return builtin_lists().list(static_cast<size_t>(id)); }

// One document's matches of every built-in list, and its tokens' word-list
// bits (rules/features.hpp: word_lists()), found in the same pass.
class ListMatches {
 public:
  ListMatches() = default;
  explicit ListMatches(const Document& doc) { match(doc); }
  // Matches `doc`, reusing the memory of the previous document's matches.
  void match(const Document& doc) {
    doc_ = &doc;
    builtin_lists().match(doc, matches_);
  }
  const Document& doc() const { return *doc_; }
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
  PhraseSet::Matches matches_;
};

}  // namespace chime
