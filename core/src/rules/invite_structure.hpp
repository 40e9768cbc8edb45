// talk.invite by sentence structure (English): an imperative that asks the
// reader to answer, share or take part ("Share with your elders!", "Send
// questions in advance"), or a bare "Questions?" put to readers. Docs:
// docs/rules/talk.md; data: core/data/lists/invite_verbs.tsv.
#pragma once
#include <vector>

#include "match/phrases.hpp"
#include "rules/rule.hpp"

namespace chime {

// The imperative invitations of an English post, each from its verb to the
// word after it (a bare "Questions?": the word), in text order; none for a
// post in another language.
std::vector<PhraseMatch> imperative_invitations(const Analysis& a);

}  // namespace chime
