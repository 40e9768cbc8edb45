#include "rules/reply_context.hpp"

#include <algorithm>

#include "rules/features.hpp"

namespace chime {

namespace {

// The language's own function and slogan words ("para", "nuestro",
// "gracias" in Spanish) are no content word either.
bool content_word(const Document& doc, size_t i, Language language) {
  static const LocalizedWordList empty("lists/empty_words.tsv");
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::word || token_in_entity(doc, i)) return false;
  if (t.all_caps && t.folded.size() >= 2) return true;  // "MRI", "ER", "GP"
  return t.folded.size() >= 4 && !empty.in(language).contains(t);
}

}  // namespace

bool takes_up_post(const Analysis& a) {
  constexpr size_t kStem = 5;  // "repairs"/"repair", not "waiting"/"waive"
  if (!a.in_reply_to) return false;
  const Document& post = *a.in_reply_to;
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    if (!content_word(a.doc, i, a.language)) continue;
    const std::string_view w = a.doc.tokens[i].folded;
    for (size_t k = 0; k < post.tokens.size(); ++k) {
      if (!content_word(post, k, a.language)) continue;
      const std::string_view v = post.tokens[k].folded;
      const size_t n = std::min({kStem, w.size(), v.size()});
      if (w.substr(0, n) == v.substr(0, n)) return true;
    }
  }
  return false;
}

}  // namespace chime
