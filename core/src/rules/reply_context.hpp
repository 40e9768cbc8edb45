// What a reply takes up of the post it answers: the structural test behind
// tone.boilerplate's (English and Spanish) and talk.non-answer's (English)
// readings of a reply that could have been sent to anyone. Docs: docs/rules/tone.md,
// docs/rules/talk.md.
#pragma once
#include "rules/rule.hpp"

namespace chime {

// Does the reply share a content word with the post answered: an acronym
// ("MRI") or a word of four letters or more, outside tags, mentions and
// links, not a function, slogan or greeting word (lists/empty_words.tsv:
// "thanks", "care"), that
// begins with the same letters as one of the post's, up to five ("wait"
// and "waited", "repairs" and "repair")? False without the post answered.
bool takes_up_post(const Analysis& a);

}  // namespace chime
