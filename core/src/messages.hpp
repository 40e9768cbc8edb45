// The message catalog (docs/language.md): every hint message, suggestion and
// engine-written replacement text, by key, in core/data/messages/en.tsv and
// core/data/messages/es.tsv. A text may hold placeholders {1} to {9}, filled
// in from the arguments in order (the flagged span, a count, a chat name).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "language.hpp"

namespace chime {

// The catalog's text for `key` in `language` (und reads English) with its
// placeholders filled in. Throws std::out_of_range naming a missing key.
std::string message(Language language, std::string_view key, std::initializer_list<std::string_view> args = {});

// A catalog's raw text for `key` (placeholders as written), or empty.
std::string_view message_template(Language language, std::string_view key);

}  // namespace chime
