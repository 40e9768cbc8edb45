// talk.invite by sentence structure (English; Spanish since es-invite14):
// an imperative that asks the reader to answer, share or take part ("Share
// with your elders!", "Send questions in advance", "Contadnos qué os
// preocupa"), or a bare "Questions?" put to readers. Docs:
// docs/rules/talk.md; data: core/data/lists/invite_verbs.tsv and
// core/data/es/lists/invite_verbs.tsv.
#pragma once
#include <vector>

#include "match/phrases.hpp"
#include "rules/rule.hpp"

namespace chime {

// The imperative invitations of a post (the word classes of its language),
// each from its verb to the word after it (a bare "Questions?": the word),
// in text order.
std::vector<PhraseMatch> imperative_invitations(const Analysis& a);

}  // namespace chime
