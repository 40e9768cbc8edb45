// Small helpers that several rule families share: what the draft is (a
// reply?), where a token sits (an entity? which sentence?), hints that keep
// the writer's capitalisation, and what the text says: does it ask readers a
// real question, does it talk about us or about you, which phrases of a
// rule's list (built in and configured) does it contain. Add helpers here;
// keep them small, and don't break what others use.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "data/data.hpp"
#include "document.hpp"
#include "match/phrases.hpp"
#include "rules/lists.hpp"
#include "rules/rule.hpp"
#include "rules/value_helpful.hpp"

namespace chime {

// A public reply: the context says so, or the text opens with an @mention
// (how replies look when pasted without context).
bool is_public_reply(const Document& doc);

// True if the token lies inside a URL, @mention, #hashtag or $cashtag.
// Inline, as in_entity and is_wordlike below: rules ask for many tokens.
inline bool token_in_entity(const Document& doc, size_t token) {
  const Token& t = doc.tokens[token];
  return doc.in_entity(t.start, t.end);
}
// True if any token of a phrase match lies inside an entity.
bool match_in_entity(const Document& doc, const PhraseMatch& m);

// The sentence holding token `token` (the last sentence if none does).
const Sentence& sentence_of(const Document& doc, size_t token);
// True if the sentence ends with a question mark.
bool is_question(const Document& doc, const Sentence& s);

// `replacement` with the first letter's case of `original`:
// ("Utilize", "use") -> "Use"; ("utilize", "use") -> "use".
std::string match_case(std::string_view original, std::string_view replacement);

// ---- Configuration compiled once per Analyzer --------------------------------

// The configuration's phrases, compiled into PhraseLists when the Analyzer is
// built (not on every analysis).
struct ConfigPhrases {
  ConfigPhrases() = default;
  explicit ConfigPhrases(const Config& config);
  std::map<std::string, PhraseList, std::less<>> by_rule;  // "phrases" key
  PhraseList org_names;                                     // organization.names
  // Null when none. Inline: rules ask on every analysis, and the usual
  // configuration has no phrases (no call, no map search).
  const PhraseList* for_rule(std::string_view rule) const { return by_rule.empty() ? nullptr : search(rule); }

 private:
  const PhraseList* search(std::string_view rule) const;
};

// Rules that read extra phrases from configuration (Config::parse refuses
// phrases for any other rule, so that none are silently ignored). A rule in
// this list must call rule_phrases() with its own id; test_config.cpp checks
// that a configured phrase makes each of them fire.
bool takes_phrases(std::string_view rule);
std::string phrase_rule_list();  // "promo.superlative, ..." for messages

// Matches of `builtin` plus the phrases configured for `rule`, left to right,
// within tokens[first, last). Matches overlapping one of `except` (phrases
// that look alike but mean something else: "best practices") are dropped.
inline std::vector<PhraseMatch> rule_phrases(const Analysis& a, std::string_view rule, List builtin,
                                             std::optional<List> except = std::nullopt, size_t first = 0,
                                             size_t last = static_cast<size_t>(-1));
// rule_phrases() past its usual answer (the list matched nowhere, nothing
// configured), which rule_phrases() gives without a call.
std::vector<PhraseMatch> rule_phrases_found(const Analysis& a, std::string_view rule, List builtin,
                                            std::optional<List> except, size_t first, size_t last);

// ---- Word lists (core/data/lists/*: one entry a line, "# " comments) ---------

// The rows of a TSV data file (comments and blank lines skipped), split on
// tabs; parsed once, kept for the life of the program.
const std::vector<std::vector<std::string>>& data_rows(std::string_view name);

// A set of case-folded entries; the first column of a TSV line is the entry.
class WordList {
 public:
  static const WordList& builtin(std::string_view name);  // core/data/<name>, cached
  // The list `name` for a post in `language` (data_file() picks the file).
  static const WordList& builtin(std::string_view name, Language language) {
    return builtin(data_file(name, language));
  }
  bool contains(std::string_view folded) const { return contains(folded, text::token_hash(folded)); }
  // The token's folded form, looked up by the hash the tokenizer computed.
  bool contains(const Token& t) const { return contains(t.folded, t.folded_hash); }
  const std::vector<std::string>& words() const { return words_; }
  // Does `folded` end with an entry of three bytes or more, after a stem of
  // three or more ("amoxicillin" for "-cillin")? Only the cuts an entry can
  // fill are tried, so a long word costs what a short one does.
  bool ends_with_entry(std::string_view folded) const;
 private:
  bool contains(std::string_view folded, size_t hash) const {
    for (uint32_t i : index_.find(hash)) {
      if (words_[i] == folded) return true;
    }
    return false;
  }
  std::vector<std::string> words_;
  size_t longest_ = 0;    // the longest entry's bytes
  TokenHashTable index_;  // text::token_hash of each word -> its index
};

// A word list in English (also und) and in Spanish, looked up once: for a
// rule's `static const LocalizedWordList list("lists/x.txt")`, then
// list.in(a.language).
class LocalizedWordList {
 public:
  explicit LocalizedWordList(std::string_view name)
      : english_(WordList::builtin(name)), spanish_(WordList::builtin(name, Language::es)) {}
  const WordList& in(Language language) const { return language == Language::es ? spanish_ : english_; }
 private:
  const WordList& english_;
  const WordList& spanish_;
};

// The word lists that rules test most tokens against, one bit each, so that
// each token is looked up once in one table of them all (word_lists()).
enum WordListBit : uint8_t {
  kReaderWord = 1 << 0,            // lists/reader_words.txt
  kSelfWord = 1 << 1,              // lists/self_words.txt
  kExecTitle = 1 << 2,             // lists/exec_titles.txt
  kEventWord = 1 << 3,             // lists/event_words.txt
  kTipWord = 1 << 4,               // lists/tip_words.txt
  kEnglishFunctionWord = 1 << 5,   // lists/english_function_words.tsv
  kOtherFunctionWord = 1 << 6,     // lists/other_function_words.tsv
  kQuestionMarkToken = 1 << 7,     // "?" or fullwidth "？" (not a list: lets question_marks skip texts without one)
};
// For each token of a.doc, the lists (WordListBits) holding its folded form;
// found with the phrase lists' matches, in the same lookup of each token.
inline const std::vector<uint8_t>& word_lists(const Analysis& a);  // inline, below
// The bits of word_lists(a) together: zero for a list no token is in.
inline uint8_t word_lists_seen(const Analysis& a);
// Every word of those lists with the bits of the lists holding it (the words
// builtin_lists() tags).
std::vector<PhraseSet::TaggedWord> word_list_tags(Language language = Language::en);

// ---- Tokens and text ---------------------------------------------------------

// A word, number or ideographic token.
inline bool is_wordlike(const Token& t) {
  return t.kind == TokenKind::word || t.kind == TokenKind::number || t.kind == TokenKind::ideo;
}
inline bool in_entity(const Document& doc, const Token& t) { return doc.in_entity(t.start, t.end); }
// Does the token overlap one of `list` (e.g. doc.entities.urls)?
bool in_list_of(const std::vector<Entity>& list, const Token& t);
// Words written by the author: word-like tokens outside URLs, @mentions,
// hashtags and cashtags.
int32_t own_word_count(const Document& doc);
// min(own_word_count(doc), limit + 1): stops counting past the limit.
int32_t own_word_count_up_to(const Document& doc, int32_t limit);
// Index of the first word-like token of tokens[first, last) that is not in an
// entity, or `last`.
size_t first_own_word(const Document& doc, size_t first, size_t last);
// Is `word` one of a rule's few fixed words (a constexpr array of
// string_views: clitics, ordinals)?
template <typename List>
bool is_one_of(std::string_view word, const List& list) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}
// A sentence's span without the @mentions it opens with ("@jane Stop taking
// your..."): replacing it must not delete whom the reply is for.
std::pair<int32_t, int32_t> sentence_span(const Document& doc, const Sentence& s);
// The end of the span for "the whole text": trailing whitespace excluded.
int32_t text_end(const Document& doc);
// How many ASCII digits s holds.
int digit_count(std::string_view s);
// Is s one or more ASCII digits and nothing else?
inline bool all_digits(std::string_view s) { return !s.empty() && digit_count(s) == static_cast<int>(s.size()); }
// A time of day written as one word: "9am", "12pm" ("the ward 2pm-7pm" is
// visiting hours, not a ward number).
bool is_clock_time(const Token& t);
// doc.utf8(start, end), built from the tokens' UTF-8 text (converting only
// the whitespace between them): cheaper for long spans such as the whole text.
std::string span_utf8(const Document& doc, int32_t start, int32_t end);

// The token that is exactly a hashtag's text when that text is ASCII (its
// folded form, text::fold_utf8(hashtag.text), and hash are made), or null.
const Token* hashtag_token(const Document& doc, const Entity& hashtag);

// Exclamation marks outside entities, a run ("!!!") as one, with its weight
// ("‼" counts two).
struct Bang {
  int32_t start, end, weight;
};
std::vector<Bang> exclamation_marks(const Document& doc);
// The same into `out` (cleared first), reusing its memory.
void exclamation_marks(const Document& doc, std::vector<Bang>& out);

// ---- Context -----------------------------------------------------------------

// The draft answers a post: the context says so (is_public_reply() above
// also counts a text that merely opens with an @mention).
// Inline, as is_share: rules ask many times an analysis.
inline bool is_reply(const Analysis& a) {
  return a.in_reply_to != nullptr || (a.doc.context && a.doc.context->is_reply());
}
// A retweet or a quote.
inline bool is_share(const Analysis& a) { return a.doc.context && (a.doc.context->retweet || a.doc.context->quote); }

// Is the text English (not more function words of other languages than of
// English)? Flesch-Kincaid and Chime's suggested questions are English.
bool reads_as_english(const Analysis& a);

// Drops the replacements of every hint whose span cuts into a URL, @mention,
// #hashtag or $cashtag (starts or ends inside one): a one-click rewrite there
// would break the link or the tag. Run on every analysis after the rules.
void drop_replacements_inside_entities(const Document& doc, std::vector<Hint>& hints);

// ---- Who the text talks about ------------------------------------------------

// "you", "your", "y'all"... (lists/reader_words.txt) in tokens[first, last).
int32_t reader_word_count(const Analysis& a, size_t first = 0, size_t last = static_cast<size_t>(-1));
// "we", "our", "us"..., the organisation's names, its own @handles and brand
// hashtags (configuration), in tokens[first, last).
int32_t self_reference_count(const Analysis& a, size_t first = 0, size_t last = static_cast<size_t>(-1));
// Is this @mention one of the organisation's own handles?
bool is_own_handle(const Analysis& a, const Entity& mention);

// ---- Reported words ------------------------------------------------------------

// A negation among the two tokens just before token `first` ("never double
// your dose", "is not guaranteed", "no breakthrough").
bool negated(const Document& doc, size_t first, Language language = Language::en);
// Is token `first` inside quotation marks (straight, curly or single)?
// Someone's words reported, not a claim the post makes.
bool in_quotes(const Document& doc, size_t first);

// ---- Conversation ------------------------------------------------------------

// Does the sentence end with '?' (emoji, closing quotes, "!" and trailing
// hashtags/links after it are ignored)?
bool ends_with_question_mark(const Document& doc, const Sentence& s);
// For each sentence of a.doc, the index of the '?' token it ends with (as
// ends_with_question_mark sees it) or static_cast<size_t>(-1); found once.
const std::vector<size_t>& question_marks(const Analysis& a);
// Does any sentence of a.doc end with '?'?
bool any_question(const Analysis& a);
// Questions that really ask readers something: not rhetorical openers ("Did
// you know"), not teasers answered by a link, not inside promotion (a
// superlative in the sentence, press-release language or a hard sell
// anywhere), and addressed to the reader (you/your, a question word, or any
// question in a reply). Indices into doc.sentences.
const std::vector<size_t>& sincere_questions(const Analysis& a);
// Invitations to answer or share ("tell us", "what do you think").
const std::vector<PhraseMatch>& invitations(const Analysis& a);
// @mentions that speak to someone: not part of a wall, not our own handle.
const std::vector<const Entity*>& conversational_mentions(const Analysis& a);
// Hashtags of known tweet chats (lists/chats.tsv and configured chats).
const std::vector<const Entity*>& chat_hashtags(const Analysis& a);
// The leading @mentions that form a wall (empty when there is none): the
// first of doc.entities.mentions.
std::span<const Entity> mention_wall(const Analysis& a);
// Any of: a sincere question, an invitation, a mention, a reply, a share, a
// chat hashtag. Independent of which rules are switched on.
bool opens_conversation(const Analysis& a);

// ---- Promotion ---------------------------------------------------------------

struct Finding {
  enum class Kind { phrase, dateline, executive } kind = Kind::phrase;
  int32_t start = 0, end = 0;  // UTF-16
  std::string what;            // the phrase as written in the text
  std::vector<std::string> replacements;
};
// Press-release language: phrases, wire services, a dateline opening the
// text, a quoted executive.
const std::vector<Finding>& press_release_findings(const Analysis& a);
std::vector<PhraseMatch> superlatives(const Analysis& a, size_t first = 0, size_t last = static_cast<size_t>(-1));
std::vector<PhraseMatch> hard_sells(const Analysis& a, size_t first = 0, size_t last = static_cast<size_t>(-1));

// ---- Topics ------------------------------------------------------------------

// A topic word that has a tweet chat (lists/topics.tsv).
struct TopicMatch {
  int32_t start = 0, end = 0;  // the topic words in the text
  std::string chat;            // without '#', e.g. "dsma"
  std::string topic_en;        // plain name, e.g. "breast cancer"
  std::string topic_es;        // the same in Spanish, "cáncer de mama" (empty: not given)
  // The name in `language` (English for und, and where no Spanish is given).
  const std::string& topic(Language language) const {
    return language == Language::es && !topic_es.empty() ? topic_es : topic_en;
  }
};
const std::vector<TopicMatch>& topics(const Analysis& a);
// The topic words of lists/topics.tsv (of `language`) as a phrase list (List::topics).
const PhraseList& topic_phrases(Language language = Language::en);

// The phrase a match found by sentence structure rather than by a listed
// phrase points to (rules read only the match's span): its text names the
// structure, its note says "structure".
Phrase structure_phrase(std::string text);

// ---- Features computed once per analysis -------------------------------------

// A feature's value for one analysis and whether it is known yet: forgetting
// it keeps the value's memory, so the next text fills the same vector.
template <typename T>
struct Kept {
  T value{};
  bool known = false;
};

// Features that several rules read, kept in Analysis::memo the first time
// they are computed (each is a pure function of the Analysis).
struct FeatureMemo {
  ListMatches lists;  // every built-in list's matches in a.doc (and word-list bits)
  bool lists_found = false;
  Kept<std::vector<Finding>> press_release_findings;
  Kept<std::vector<PhraseMatch>> hard_sells;  // in the whole text
  Kept<std::vector<size_t>> question_marks;   // per sentence: its '?' token (question_mark) or npos
  Kept<std::vector<size_t>> sincere_questions;
  Kept<std::vector<PhraseMatch>> invitations;
  Kept<std::vector<const Entity*>> conversational_mentions;
  Kept<std::vector<const Entity*>> chat_hashtags;
  Kept<std::vector<TopicMatch>> topics;
  Kept<bool> opens_conversation;
  Kept<std::optional<HelpfulFinding>> helpful;  // rules/value.cpp
  std::vector<Bang> bangs;  // form.exclamations' scratch, reused from text to text
  // Forgets every feature, keeping the memory of their values for the next
  // text (a field added above must be forgotten there too).
  void clear();
};
// The analysis's memo: the one its maker gave it (the Analyzer reuses one,
// cleared, so that the list matches' memory is not allocated again for
// every text), or a new one.
FeatureMemo& new_memo(const Analysis& a);  // hands `a` a new memo (it has none)
inline FeatureMemo& memo(const Analysis& a) { return a.memo ? *a.memo : new_memo(a); }
// The built-in lists' matches in a.doc, found in one pass the first time.
// Inline: rules ask many times an analysis, and all but the first find them.
const ListMatches& match_lists(const Analysis& a);  // the first time
inline const ListMatches& lists(const Analysis& a) {
  const FeatureMemo& m = memo(a);
  return m.lists_found ? m.lists : match_lists(a);
}
inline const std::vector<uint8_t>& word_lists(const Analysis& a) { return lists(a).word_lists(); }
inline uint8_t word_lists_seen(const Analysis& a) { return lists(a).word_lists_seen(); }

// Inline: rules ask about six times an analysis, nearly always of a list that
// matched nowhere.
inline std::vector<PhraseMatch> rule_phrases(const Analysis& a, std::string_view rule, List builtin,
                                             std::optional<List> except, size_t first, size_t last) {
  if (!lists(a).hit(builtin) && !(a.config_phrases && a.config_phrases->for_rule(rule))) return {};
  return rule_phrases_found(a, rule, builtin, except, first, last);
}

}  // namespace chime
