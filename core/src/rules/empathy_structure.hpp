// tone.empathy by what a reply does (English; Spanish since es9, from
// es/lists/empathy_words.tsv): it says sorry in its own
// words ("we're really sorry", "Sorry for the hassle"), or names how the
// situation feels or falls short ("That's really stressful", "Eight hours
// without an update isn't acceptable"). Docs: docs/rules/tone.md; data:
// core/data/lists/empathy_words.tsv.
#pragma once
#include <vector>

#include "match/phrases.hpp"
#include "rules/rule.hpp"

namespace chime {

// Those sentences' spans, in text order; "sorry you feel that way" (tone_defensive.tsv) and "sorry for
// any inconvenience" (tone_empathy_not.tsv) are not among them.
std::vector<PhraseMatch> feeling_acknowledgements(const Analysis& a);

}  // namespace chime
