// The language of a post (docs/language.md): `en`, `es`, or `und` when it has
// fewer than three words or is in another language. Decided once per
// analysis from the Document's words (URLs, handles, hashtags, numbers and
// emoji do not count), by votes: a word in core/data/language/words.tsv
// votes for its languages, any other word for the language whose character
// trigrams (core/data/language/trigrams.tsv) fit it clearly best.
#pragma once
#include <string_view>

namespace chime {

struct Document;

enum class Language { en, es, und };
std::string_view to_string(Language language);

Language identify_language(const Document& doc);

}  // namespace chime
