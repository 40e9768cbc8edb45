#include "rules/features.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace chime {

bool is_public_reply(const Document& doc) {
  if (doc.context && doc.context->is_reply()) return true;
  return !doc.entities.mentions.empty() && !doc.tokens.empty() &&
         doc.entities.mentions.front().start == doc.tokens.front().start;
}

bool token_in_entity(const Document& doc, size_t token) {
  const Token& t = doc.tokens[token];
  return doc.in_entity(t.start, t.end);
}

bool match_in_entity(const Document& doc, const PhraseMatch& m) {
  for (size_t i = m.first_token; i < m.last_token; ++i) {
    if (token_in_entity(doc, i)) return true;
  }
  return false;
}

const Sentence& sentence_of(const Document& doc, size_t token) {
  for (const Sentence& s : doc.sentences) {
    if (token < s.last_token) return s;
  }
  return doc.sentences.back();
}

bool is_question(const Document& doc, const Sentence& s) {
  for (size_t i = s.last_token; i > s.first_token; --i) {
    const Token& t = doc.tokens[i - 1];
    if (t.kind == TokenKind::emoji) continue;  // "Any questions? 🙂"
    return t.text == "?" || t.text == "\xEF\xBC\x9F";  // ? or fullwidth ？
  }
  return false;
}

std::string match_case(std::string_view original, std::string_view replacement) {
  if (original.empty() || replacement.empty()) return std::string(replacement);
  UChar32 first = 0;
  int32_t i = 0;
  U8_NEXT(original.data(), i, static_cast<int32_t>(original.size()), first);
  std::string out(replacement);
  // Only ASCII replacements are recased; our lists are English.
  if (u_isupper(first) && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace chime
