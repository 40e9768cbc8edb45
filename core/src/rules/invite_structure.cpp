// talk.invite by sentence structure: see invite_structure.hpp.
#include "rules/invite_structure.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/phone.hpp"

namespace chime {

namespace {

// lists/invite_verbs.tsv, read once per language: the verbs with the words
// that may follow them, the lead words skipped before a verb, the nouns
// asked alone.
// Ordered sets with a transparent comparison, as Config keeps its rule ids:
// looked up by string_view, and no new hash-table code in chime.wasm.
using WordSet = std::set<std::string, std::less<>>;
struct InviteWords {
  const WordList* all = nullptr;                      // every word of the file
  std::map<std::string, WordSet, std::less<>> verbs;  // an empty set: any word follows
  WordSet lead;
  WordSet asked;
  WordSet about;  // "Questions about the role?"
  WordSet channel;
  WordSet recruit;
  WordSet forum;      // Spanish: what one takes part in by talking (a survey, a chat)
  WordSet statement;  // Spanish: a tú imperative that is also a statement ("cuenta")
};

InviteWords read_invite_words(Language language) {
  InviteWords w;
  const std::string_view file = data_file("lists/invite_verbs.tsv", language);
  w.all = &WordList::builtin(file);
  const std::map<std::string_view, WordSet*> classes = {{"lead", &w.lead},       {"asked", &w.asked},
                                                        {"about", &w.about},     {"channel", &w.channel},
                                                        {"recruit", &w.recruit}, {"forum", &w.forum},
                                                        {"statement", &w.statement}};
  for (const auto& row : data_rows(file)) {
    if (row.size() < 2) continue;
    if (const auto c = classes.find(row[1]); c != classes.end()) {
      c->second->insert(row[0]);
      continue;
    }
    auto& next = w.verbs[row[0]];
    if (row[1] == "*") continue;
    for (const std::string_view word : split(row[1], '|')) next.emplace(word);
  }
  return w;
}

// lists/invite_verbs.tsv of the post's language (es/lists/ for Spanish).
const InviteWords& invite_words(Language language) {
  static const InviteWords english = read_invite_words(Language::en);
  static const InviteWords spanish = read_invite_words(Language::es);
  return language == Language::es ? spanish : english;
}

// Is the token one of `set`'s words? Most tokens are in no class: one
// lookup by the hash the tokenizer computed answers them, with no string
// built.
bool in_class(const InviteWords& words, const WordSet& set, const Token& t) {
  return words.all->contains(t) && set.contains(t.folded);
}

// What a structural match points to (features.hpp).
const Phrase kImperativePhrase = structure_phrase("(imperative)");

// Token `i` is a word the author wrote (not in a link, handle or hashtag).
bool own_word(const Document& doc, size_t i) { return is_wordlike(doc.tokens[i]) && !token_in_entity(doc, i); }

// Does the word at `next` fit a verb's followers? Besides the words
// listed, "(asked)" takes a question noun as the next word or the one after
// ("Deja tu pregunta", "Manda tus dudas") and "(forum)" a survey or chat
// within four words ("Participa en nuestra encuesta", "Únase a nuestro Facebook Live"): Spanish.
bool follows(const InviteWords& words, const WordSet& next_words, const Document& doc, size_t next, size_t last) {
  if (next_words.contains(doc.tokens[next].folded)) return true;
  auto within = [&](const WordSet& set, size_t count) {
    for (size_t j = next; j < last && j < next + count; ++j) {
      if (in_class(words, set, doc.tokens[j])) return true;
    }
    return false;
  };
  return (next_words.contains("(asked)") && within(words.asked, 2)) ||
         (next_words.contains("(forum)") && within(words.forum, 4));
}

// An invitation opening at token `start` of a clause ending before `last`:
// lead words ("please", "and", "do") skipped, then a listed verb followed by
// one of its words ("tell" + "us"; "share" + anything).
// After a comma, a Spanish tú imperative that is also the third person's
// present is read as a statement ("Don Julio, con su permiso, cuenta cómo
// la clínica le ayudó"): `after_comma` says where the clause opens.
bool imperative_at(const InviteWords& words, const Document& doc, size_t start, size_t last, bool after_comma,
                   PhraseMatch& out) {
  size_t i = start;
  while (i < last && own_word(doc, i) && in_class(words, words.lead, doc.tokens[i])) ++i;
  if (i >= last || !own_word(doc, i)) return false;
  if (!words.all->contains(doc.tokens[i])) return false;
  if (after_comma && words.statement.contains(doc.tokens[i].folded)) return false;
  const auto verb = words.verbs.find(doc.tokens[i].folded);
  if (verb == words.verbs.end()) return false;
  size_t next = i + 1;
  while (next < last && doc.tokens[next].kind == TokenKind::punct && doc.tokens[next].text != ".") ++next;
  if (!verb->second.empty() && (next >= last || !follows(words, verb->second, doc, next, last))) {
    return false;
  }
  for (size_t j = i + 1; j < last; ++j) {
    if (in_class(words, words.recruit, doc.tokens[j])) return false;  // "Join our team"
  }
  const size_t end = next < last ? next + 1 : i + 1;
  out = {&kImperativePhrase, i, end, doc.tokens[i].start, doc.tokens[end - 1].end};
  return true;
}

// The sentence after `index` sends the reader to a private channel
// ("Call 555-0188", "DM us"): its first word, past the lead words, is a
// channel verb.
bool next_sends_elsewhere(const InviteWords& words, const Document& doc, size_t index) {
  if (index + 1 >= doc.sentences.size()) return false;
  const Sentence& next = doc.sentences[index + 1];
  size_t i = first_own_word(doc, next.first_token, next.last_token);
  while (i < next.last_token && in_class(words, words.lead, doc.tokens[i])) ++i;
  return i < next.last_token && in_class(words, words.channel, doc.tokens[i]);
}

}  // namespace

std::vector<PhraseMatch> imperative_invitations(const Analysis& a) {
  std::vector<PhraseMatch> found;
  // Not in an English job advert or promotion: "Join our award-winning
  // team" recruits or sells, it starts no conversation. Spanish verbs of
  // taking part take only a survey or a chat ("(forum)"), so a Spanish job
  // post's "Hacé tus preguntas en el vivo de Instagram" invites.
  if (a.language != Language::es && (a.kind == PostKind::job || a.kind == PostKind::promotion)) return found;
  const Document& doc = a.doc;
  const InviteWords& words = invite_words(a.language);
  for (size_t index = 0; index < doc.sentences.size(); ++index) {
    const Sentence& s = doc.sentences[index];
    const size_t first = first_own_word(doc, s.first_token, s.last_token);
    if (first >= s.last_token) continue;
    // "Questions?" alone, or with what they are about ("Questions about
    // the role?", "¿Dudas sobre la vacuna?"): a noun put to the
    // readers, unless the next sentence sends them to a private channel
    // ("Questions? Call us"); with what they are about, not beside a phone
    // number either ("Questions about a bill? Our advocates call back:
    // 555-0150" routes them to a call).
    const Token& opener = doc.tokens[first];
    const size_t after = first_own_word(doc, first + 1, s.last_token);
    const bool about = after < s.last_token && in_class(words, words.about, doc.tokens[after]) &&
                       !phone_number(doc, a.language).has_value();
    if (in_class(words, words.asked, opener) && ends_with_question_mark(doc, s) && (after >= s.last_token || about)) {
      if (!next_sends_elsewhere(words, doc, index)) found.push_back({&kImperativePhrase, first, first + 1, opener.start, opener.end});
      continue;
    }
    // The sentence's start, or the part after a colon or a comma
    // ("Can't come? Send your questions here", "If you have one, tell us").
    PhraseMatch m;
    if (imperative_at(words, doc, first, s.last_token, false, m)) {
      found.push_back(m);
      continue;
    }
    for (size_t i = first + 1; i < s.last_token; ++i) {
      const std::string_view t = doc.tokens[i].text;
      if ((t == ":" || t == ",") && imperative_at(words, doc, i + 1, s.last_token, t == ",", m)) {
        found.push_back(m);
        break;
      }
    }
  }
  return found;
}

}  // namespace chime
