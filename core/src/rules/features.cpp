#include "rules/features.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "data/data.hpp"
#include "data/tsv.hpp"
#include "rules/invite_structure.hpp"
#include "text/unicode.hpp"

namespace chime {

using namespace std::string_view_literals;

namespace {

constexpr size_t npos = static_cast<size_t>(-1);

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = text.find('\n', pos);
    if (next == std::string_view::npos) next = text.size();
    std::string_view line = text.substr(pos, next - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line != "#" && !line.starts_with("# ")) out.push_back(line);
    pos = next + 1;
  }
  return out;
}

std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = line.find('\t', pos);
    out.push_back(line.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) return out;
    pos = next + 1;
  }
}

// A document without a configuration reads the defaults. Made at start-up,
// not a function's static: no guard test on every call.
const Config kDefaultConfig;

const Config& config_of(const Analysis& a) { return a.doc.config ? *a.doc.config : kDefaultConfig; }

bool overlaps(int32_t s1, int32_t e1, int32_t s2, int32_t e2) { return s1 < e2 && s2 < e1; }

bool is_space16(char16_t c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0x00A0; }

// Position after any whitespace starting at `pos`.
int32_t skip_space(const Document& doc, int32_t pos) {
  while (pos < doc.size() && is_space16(doc.text[static_cast<size_t>(pos)])) ++pos;
  return pos;
}

std::string strip_at(std::string_view handle) {
  return text::fold_utf8(handle.starts_with('@') ? handle.substr(1) : handle);
}

// What a punctuation token at the end of a sentence says about a question:
// the mark itself ('?', fullwidth '？'), a mark that may follow it ("?!",
// closing quotes and brackets, "...?" ellipses), or anything else.
enum class QuestionTail { mark, skipped, other };
QuestionTail question_tail(std::string_view text) {
  if (text.size() == 1) {  // nearly every one: "." "!" "," ...
    switch (text[0]) {
      case '?': return QuestionTail::mark;
      case '!': case '"': case '\'': case ')': case '.': return QuestionTail::skipped;
      default: return QuestionTail::other;
    }
  }
  if (text == "\uff1f"sv) return QuestionTail::mark;
  static constexpr std::string_view skipped[] = {"\u201d"sv, "\u2019"sv, "\u00bb"sv, "\u2026"sv};
  return std::find(std::begin(skipped), std::end(skipped), text) != std::end(skipped) ? QuestionTail::skipped
                                                                                      : QuestionTail::other;
}

// Index of the '?' a question sentence ends with, or npos.
size_t question_mark(const Document& doc, const Sentence& s) {
  for (size_t i = s.last_token; i > s.first_token; --i) {
    const Token& t = doc.tokens[i - 1];
    if (t.kind == TokenKind::emoji || in_entity(doc, t)) continue;
    if (t.kind != TokenKind::punct) return npos;
    switch (question_tail(t.text)) {
      case QuestionTail::mark: return i - 1;
      case QuestionTail::skipped: continue;
      case QuestionTail::other: return npos;
    }
  }
  return npos;
}

// A phrase of `list` starts exactly at token `index` (and ends before `last`).
bool starts_with_phrase(const Analysis& a, List list, size_t index, size_t last) {
  return index < last && lists(a).starting_at(list, index, last) != nullptr;
}

// A question answered at once ("Is it a cold or the flu? Learn the signs:
// <link>") teases a link; it does not ask anything.
bool is_teaser(const Analysis& a, size_t sentence, size_t mark) {
  const Document& doc = a.doc;
  for (size_t i = mark + 1; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (in_list_of(doc.entities.urls, t)) return true;
    if (t.kind == TokenKind::emoji || t.kind == TokenKind::punct || in_list_of(doc.entities.hashtags, t)) continue;
    break;
  }
  if (sentence + 1 < doc.sentences.size()) {
    const Sentence& next = doc.sentences[sentence + 1];
    size_t word = first_own_word(doc, next.first_token, next.last_token);
    return starts_with_phrase(a, List::talk_teaser, word, next.last_token);
  }
  return false;
}

// Spanish: a verb in the tú (or vos) preterite, which asks the reader
// what they did: "vacunaste", "recibiste", "llevaste" (ends in -aste or
// -iste, at least three letters before).
bool spanish_tu_preterite(const Token& t) {
  if (t.kind != TokenKind::word) return false;
  const std::string_view w = t.folded;
  return w.size() >= 7 && (w.ends_with("aste") || w.ends_with("iste"));
}

// Spanish: a question that offers to do something for the reader, "¿quieres
// que" (quiere, quieren, querés) and a verb of ours ("¿Quieres que te
// recordemos el viernes?", "¿Quiere que le llamemos?"), asks for a yes or
// a no; "¿Quieres que tu hijo crezca sano?" is rhetorical.
bool spanish_offer(const Document& doc, size_t word, size_t mark) {
  static constexpr std::string_view kWant[] = {"quieres", "quiere", "quieren", "querés", "queréis"};
  static constexpr std::string_view kClitics[] = {"te", "le", "les", "os", "lo", "la", "los", "las", "se"};
  if (word + 2 >= mark || !is_one_of(doc.tokens[word].folded, kWant) || doc.tokens[word + 1].folded != "que") return false;
  size_t k = word + 2;
  while (k < mark && k < word + 4 && is_one_of(doc.tokens[k].folded, kClitics)) ++k;
  const std::string_view verb = k < mark ? doc.tokens[k].folded : std::string_view();
  return verb.size() >= 6 && (verb.ends_with("emos") || verb.ends_with("amos"));
}

bool is_sincere(const Analysis& a, size_t index) {
  const Document& doc = a.doc;
  const Sentence& s = doc.sentences[index];
  const size_t mark = question_marks(a)[index];
  if (mark == npos) return false;
  size_t word = first_own_word(doc, s.first_token, s.last_token);
  if (word >= s.last_token) return false;  // "?" alone, or only hashtags
  if (a.language == Language::es && doc.tokens[word > s.first_token ? word - 1 : word].text == "\u00bf" &&
      spanish_offer(doc, word, mark)) {
    return true;
  }
  if (starts_with_phrase(a, List::talk_rhetorical, word, s.last_token)) return false;
  if (!superlatives(a, s.first_token, s.last_token).empty()) return false;
  if (is_teaser(a, index, mark)) return false;
  // Spanish opens a question with "¿" after the words that name whom it
  // asks ("Mamás y papás, ¿qué les preocupa?", "Hola, ¿cómo están?"): the
  // question is what follows a "¿" after a comma, rhetorical or not by its
  // own first words ("Hola, ¿sabías que...?"). Not after a colon or a
  // thread's number ("pregúntate: ¿me lo recetó...?", "2/5 ¿De dónde salió
  // el mito? De un estudio..."), nor inside quotes (a talk's title). An
  // emoji before the "¿" ends what came before as a stop would ("Les
  // mostramos la cocina 🍲 ¿Qué les gustaría saber?"), unless a question
  // word and an infinitive make it a heading ("Hilo 🧵 ¿Qué hacer si...?").
  if (a.language == Language::es) {
    for (size_t i = mark; i > s.first_token + 1; --i) {
      const Token& before = doc.tokens[i - 2];
      if (doc.tokens[i - 1].text != "\u00bf" || (before.text != "," && before.kind != TokenKind::emoji)) continue;
      if (in_quotes(doc, i - 1)) break;
      const size_t asked = first_own_word(doc, i, mark);
      if (before.kind == TokenKind::emoji && asked + 1 < mark) {
        const std::string_view next = doc.tokens[asked + 1].folded;
        if (next.size() >= 4 && (next.ends_with("ar") || next.ends_with("er") || next.ends_with("ir"))) return false;
      }
      return asked < mark && !starts_with_phrase(a, List::talk_rhetorical, asked, mark);
    }
  }
  if (is_reply(a) || reader_word_count(a, s.first_token, s.last_token) > 0) return true;
  // "¿...?" is a question by its first mark; otherwise a question word opens
  // the sentence or the part after its last colon ("Tonight's chat: how
  // should hospitals answer patients?"), or, in English, the part after a
  // comma that names whom it asks ("Nurses and ASHAs, what makes...?",
  // "Parents, would Saturday mornings...?"; in Spanish "como" and "que"
  // after a comma join clauses). In Spanish a verb in the tú preterite
  // opens a question as a question word does ("Recibiste tu vacuna?").
  if (doc.tokens[s.first_token].text == "\u00bf") return true;
  static const LocalizedWordList localized_openers("lists/question_openers.txt");
  const WordList& openers = localized_openers.in(a.language);
  const auto opens = [&](size_t k) {
    return openers.contains(doc.tokens[k]) || (a.language == Language::es && spanish_tu_preterite(doc.tokens[k]));
  };
  size_t after_colon = word;
  for (size_t i = s.first_token; i < mark; ++i) {
    if (doc.tokens[i].text == ":") after_colon = first_own_word(doc, i + 1, mark);
    if (doc.tokens[i].text == "," && a.language != Language::es) {
      const size_t after_comma = first_own_word(doc, i + 1, mark);
      if (after_comma < mark && openers.contains(doc.tokens[after_comma])) return true;
    }
  }
  return opens(word) || (after_colon < mark && opens(after_colon));
}

// A dateline opening a press release: "BOSTON, Mass. (March 3, 2025) —" or
// "CHICAGO, March 3, 2025 /PRNewswire/ --". City words in capitals, then a
// region or a date, then a dash; a capitalised word and a dash alone
// ("URGENT — ...") is not enough.
std::vector<Finding> dateline(const Document& doc, size_t first) {
  static const WordList& acronyms = WordList::builtin("lists/acronyms.txt");
  const auto& tokens = doc.tokens;
  size_t i = first;
  size_t city_words = 0;
  while (i < tokens.size() && i < first + 6 && (tokens[i].all_caps || tokens[i].text == "."sv)) {
    if (tokens[i].all_caps) {
      if (acronyms.contains(tokens[i])) return {};
      ++city_words;
    }
    ++i;
  }
  if (city_words == 0 || city_words > 4) return {};
  bool region_or_date = false;
  if (i < tokens.size() && tokens[i].text == ","sv) {
    // ", Mass." / ", MA" / ", March 3, 2025": up to eight more tokens.
    size_t stop = std::min(tokens.size(), i + 9);
    for (++i; i < stop && tokens[i].text != "("sv && tokens[i].text != "\u2014"sv && tokens[i].text != "\u2013"sv &&
              tokens[i].text != "-"sv && tokens[i].text != "/"sv;
         ++i) {
      if (tokens[i].kind == TokenKind::word || tokens[i].kind == TokenKind::number) region_or_date = true;
    }
  }
  if (i < tokens.size() && tokens[i].text == "("sv) {
    size_t stop = std::min(tokens.size(), i + 12);
    for (++i; i < stop && tokens[i].text != ")"sv; ++i) {}
    if (i >= stop) return {};
    region_or_date = true;
    ++i;
  }
  if (i < tokens.size() && tokens[i].text == "/"sv) {  // "/PRNewswire/"
    size_t stop = std::min(tokens.size(), i + 4);
    for (++i; i < stop && tokens[i].text != "/"sv; ++i) {}
    if (i >= stop) return {};
    ++i;
  }
  if (!region_or_date || i >= tokens.size()) return {};
  size_t dash_end = i;
  while (dash_end < tokens.size() && dash_end < i + 2 &&
         (tokens[dash_end].text == "\u2014"sv || tokens[dash_end].text == "\u2013"sv || tokens[dash_end].text == "-"sv)) {
    ++dash_end;
  }
  if (dash_end == i) return {};
  const int32_t start = tokens[first].start, end = tokens[dash_end - 1].end;
  return {{Finding::Kind::dateline, start, end, doc.utf8(start, end), {}}};
}

// A quoted executive: a sentence with a quotation mark, "said"/"says" and a
// title ("CEO", "chief", "president"). The span runs from the first
// quotation mark to the end of the sentence.
std::vector<Finding> quoted_executives(const Document& doc, const std::vector<uint8_t>& word_lists) {
  std::vector<Finding> out;
  // Without a title anywhere (most texts) no sentence can quote an executive.
  if (std::find_if(word_lists.begin(), word_lists.end(), [](uint8_t b) { return (b & kExecTitle) != 0; }) ==
      word_lists.end()) {
    return out;
  }
  bool title_before = false;  // "... CEO Dr. | Jane Park said, “...”": the title may sit one sentence back
  for (const Sentence& s : doc.sentences) {
    int32_t quote = -1;
    bool said = false, title = false;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      // Quotation marks are punctuation; "said" and the titles are words.
      if (t.kind == TokenKind::punct) {
        if (quote < 0 && (t.text == "\""sv || t.text == "\u201c"sv || t.text == "\u201d"sv)) quote = t.start;
        continue;
      }
      if (t.folded == "said"sv || t.folded == "says"sv) said = true;
      if (word_lists[i] & kExecTitle) title = true;
    }
    if (quote >= 0 && said && (title || title_before)) {
      out.push_back({Finding::Kind::executive, quote, s.end, doc.utf8(quote, s.end), {}});
    }
    title_before = title;
  }
  return out;
}

// Spanish: a word of pride or pleasure (es/lists/press_pride.tsv) at token
// i, said of ourselves: a verb after "se", "nos" or "me" ("se complace",
// "nos enorgullece") or a noun after "con" ("con orgullo", "con gran
// orgullo"); not a name ("Mes del Orgullo"). The token the saying starts
// at ("se", "con"), or npos.
size_t spanish_pride_at(const Document& doc, size_t i) {
  static const WordList& pride = WordList::builtin("es/lists/press_pride.tsv");
  if (i == 0 || !pride.contains(doc.tokens[i])) return npos;
  const std::string_view before = doc.tokens[i - 1].folded;
  if (before == "se"sv || before == "nos"sv || before == "me"sv || before == "con"sv) return i - 1;
  return i > 1 && doc.tokens[i - 2].folded == "con"sv ? i - 2 : npos;
}

// Spanish: an announcement made with ceremony, told by its structure for
// the wordings no phrase holds: in one clause, pride or pleasure said of
// ourselves (spanish_pride_at) at most two words from a verb that announces
// (es/lists/press_verbs.tsv: anunciar, invitar, presentar), in either
// order: "se complace en invitar", "anuncia con orgullo", "nos enorgullece
// presentar". The span runs over both.
std::vector<Finding> spanish_ceremony(const Document& doc) {
  static const WordList& verbs = WordList::builtin("es/lists/press_verbs.tsv");
  constexpr size_t kReach = 3;  // at most two words between ("anuncia con orgullo")
  std::vector<Finding> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word || token_in_entity(doc, i)) continue;
    const size_t proud = spanish_pride_at(doc, i);
    if (proud == npos && !verbs.contains(t)) continue;
    // Pride opening its sentence may stand apart, the institution's name
    // between it and the verb ("Con orgullo, Clínica Cordillera convoca").
    const bool opening = proud != npos && i + 1 < doc.tokens.size() && doc.tokens[i + 1].text == ","sv &&
                         sentence_of(doc, i).first_token == proud;
    const size_t reach = opening ? i + 1 + kReach + 1 : i + kReach;
    for (size_t k = i + 1; k < doc.tokens.size() && k <= reach; ++k) {
      const Token& u = doc.tokens[k];
      if (opening && k == i + 1) continue;  // its comma
      if (u.kind == TokenKind::punct) break;  // the clause ends
      if (u.kind != TokenKind::word || !(proud != npos ? verbs.contains(u) : spanish_pride_at(doc, k) != npos)) continue;
      const int32_t start = doc.tokens[proud != npos ? proud : i].start, end = u.end;
      out.push_back({Finding::Kind::phrase, start, end, doc.utf8(start, end), {}});
      i = k;
      break;
    }
  }
  return out;
}

struct TopicTable {
  PhraseList phrases;
  struct Row {
    std::string chat, topic_en, topic_es;
  };
  std::vector<Row> rows;  // parallel to phrases
};

TopicTable make_topic_table(Language language) {
  TopicTable t;
  std::vector<std::string> phrases;
  for (const auto& row : data_rows(data_file("lists/topics.tsv", language))) {
    if (row.size() < 3) continue;
    phrases.push_back(row[0]);
    t.rows.push_back({row[1], row[2], row.size() > 3 ? row[3] : std::string()});
  }
  t.phrases = PhraseList::from_phrases(phrases);
  return t;
}

const TopicTable& topic_table(Language language) {
  if (language == Language::es) {
    static const TopicTable spanish = make_topic_table(Language::es);
    return spanish;
  }
  static const TopicTable english = make_topic_table(Language::en);
  return english;
}

}  // namespace

namespace {

// The memo's value in `slot`, computed by `compute` the first time.
template <typename T, typename Compute>
const T& remembered(Kept<T>& slot, Compute compute) {
  if (!slot.known) {
    slot.value = compute();
    slot.known = true;
  }
  return slot.value;
}

// The same for a vector that `fill` appends to: the vector's memory from the
// previous text is reused.
template <typename T, typename Fill>
const std::vector<T>& remembered_into(Kept<std::vector<T>>& slot, Fill fill) {
  if (!slot.known) {
    slot.value.clear();
    fill(slot.value);
    slot.known = true;
  }
  return slot.value;
}

}  // namespace

void FeatureMemo::clear() {
  // Every field but `lists`, whose memory is kept (lists_found forgets it).
  lists_found = false;
  press_release_findings.known = false;
  hard_sells.known = false;
  question_marks.known = false;
  sincere_questions.known = false;
  invitations.known = false;
  conversational_mentions.known = false;
  chat_hashtags.known = false;
  topics.known = false;
  opens_conversation.known = false;
  helpful.known = false;
}

FeatureMemo& new_memo(const Analysis& a) {
  a.memo = std::make_shared<FeatureMemo>();
  return *a.memo;
}

const ListMatches& match_lists(const Analysis& a) {
  FeatureMemo& m = memo(a);
  m.lists.match(a.doc, a.language);
  m.lists_found = true;
  return m.lists;
}

// ---- Shared helpers (rulesB) ----------------------------------------------
bool is_public_reply(const Document& doc) {
  if (doc.context && doc.context->is_reply()) return true;
  return !doc.entities.mentions.empty() && !doc.tokens.empty() &&
         doc.entities.mentions.front().start == doc.tokens.front().start;
}

bool match_in_entity(const Document& doc, const PhraseMatch& m) {
  for (size_t i = m.first_token; i < m.last_token; ++i) {
    if (token_in_entity(doc, i)) return true;
  }
  return false;
}

// A binary search: the sentences are in order, and rules ask this for
// token after token (a scan each time made a post of many sentences
// quadratic: tests/complexity).
const Sentence& sentence_of(const Document& doc, size_t token) {
  const auto s = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                                  [](size_t t, const Sentence& sentence) { return t < sentence.last_token; });
  return s == doc.sentences.end() ? doc.sentences.back() : *s;
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
  const auto* bytes = reinterpret_cast<const uint8_t*>(original.data());  // U8_NEXT wants unsigned
  U8_NEXT(bytes, i, static_cast<int32_t>(original.size()), first);
  std::string out(replacement);
  // Only ASCII replacements are recased; our lists are English.
  if (u_isupper(first) && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// ---- Configuration -----------------------------------------------------------

ConfigPhrases::ConfigPhrases(const Config& config) : org_names(PhraseList::from_phrases(config.org_names)) {
  for (const auto& [rule, phrases] : config.extra_phrases) by_rule.emplace(rule, PhraseList::from_phrases(phrases));
}

const PhraseList* ConfigPhrases::search(std::string_view rule) const {
  auto it = by_rule.find(rule);
  return it == by_rule.end() ? nullptr : &it->second;
}

namespace {
// Keep in registry order. Each must pass configured phrases to rule_phrases().
constexpr std::string_view kPhraseRules[] = {
    "promo.press-release", "promo.superlative", "promo.hard-sell", "talk.invite",
};
}  // namespace

bool takes_phrases(std::string_view rule) {
  return std::find(std::begin(kPhraseRules), std::end(kPhraseRules), rule) != std::end(kPhraseRules);
}

std::string phrase_rule_list() {
  std::string out;
  for (std::string_view r : kPhraseRules) out += (out.empty() ? "" : ", ") + std::string(r);
  return out;
}

std::vector<PhraseMatch> rule_phrases_found(const Analysis& a, std::string_view rule, List builtin,
                                            std::optional<List> except, size_t first, size_t last) {
  const ListMatches& matches = lists(a);
  const PhraseList* extra = a.config_phrases ? a.config_phrases->for_rule(rule) : nullptr;
  std::vector<PhraseMatch> found = matches.find(builtin, first, last);
  if (extra) {
    auto more = extra->find(a.doc, first, last);
    found.insert(found.end(), more.begin(), more.end());
    // Left to right, longest first; then drop matches inside earlier ones.
    std::stable_sort(found.begin(), found.end(), [](const PhraseMatch& x, const PhraseMatch& y) {
      return x.start != y.start ? x.start < y.start : x.end > y.end;
    });
    std::vector<PhraseMatch> kept;
    for (const PhraseMatch& m : found) {
      if (kept.empty() || m.start >= kept.back().end) kept.push_back(m);
    }
    found = std::move(kept);
  }
  if (except && !found.empty()) {
    auto excluded = matches.find(*except, first, last);
    std::erase_if(found, [&](const PhraseMatch& m) {
      return std::any_of(excluded.begin(), excluded.end(),
                         [&](const PhraseMatch& e) { return overlaps(m.start, m.end, e.start, e.end); });
    });
  }
  return found;
}

// ---- Word lists --------------------------------------------------------------

const WordList& WordList::builtin(std::string_view name) {
  return data::parsed<WordList>(name, [](std::string_view file) {
    WordList list;
    std::vector<std::pair<size_t, uint32_t>> entries;
    for (std::string_view line : lines(data::file(file))) {
      list.words_.push_back(text::fold_utf8(columns(line)[0]));
      list.longest_ = std::max(list.longest_, list.words_.back().size());
      entries.emplace_back(text::token_hash(list.words_.back()), static_cast<uint32_t>(list.words_.size() - 1));
    }
    list.index_.build(std::move(entries));
    return list;
  });
}

bool WordList::ends_with_entry(std::string_view folded) const {
  constexpr size_t kStem = 3, kEnding = 3;
  const size_t first = std::max(kStem, folded.size() > longest_ ? folded.size() - longest_ : 0);
  for (size_t cut = first; cut + kEnding <= folded.size(); ++cut) {
    if (contains(folded.substr(cut))) return true;
  }
  return false;
}

namespace {

// The WordListBit lists, in bit order.
constexpr std::pair<std::string_view, uint8_t> kWordLists[] = {
    {"lists/reader_words.txt", kReaderWord},   {"lists/self_words.txt", kSelfWord},
    {"lists/exec_titles.txt", kExecTitle},     {"lists/event_words.txt", kEventWord},
    {"lists/tip_words.txt", kTipWord},         {"lists/english_function_words.tsv", kEnglishFunctionWord},
    {"lists/other_function_words.tsv", kOtherFunctionWord},
};

// The tokens question_mark() takes for the mark itself.
constexpr std::string_view kQuestionMarks[] = {"?"sv, "\uff1f"sv};

}  // namespace

std::vector<PhraseSet::TaggedWord> word_list_tags(Language language) {
  std::map<std::string, uint8_t, std::less<>> bits;
  for (const auto& [name, bit] : kWordLists) {
    for (const std::string& w : WordList::builtin(name, language).words()) bits[w] |= bit;
  }
  for (std::string_view mark : kQuestionMarks) bits[std::string(mark)] |= kQuestionMarkToken;
  std::vector<PhraseSet::TaggedWord> out;
  for (const auto& [word, b] : bits) out.push_back({word, b});
  return out;
}

const std::vector<std::vector<std::string>>& data_rows(std::string_view name) {
  using Rows = std::vector<std::vector<std::string>>;
  return data::parsed<Rows>(name, [](std::string_view file) {
    Rows rows;
    for (const data::TsvRow& row : data::tsv_rows(file)) rows.emplace_back(row.fields.begin(), row.fields.end());
    return rows;
  });
}

// ---- Tokens and text ---------------------------------------------------------

int digit_count(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool is_clock_time(const Token& t) {
  const std::string_view f = t.folded;
  if (f.size() < 3 || f.size() > 4 || !(f.ends_with("am") || f.ends_with("pm"))) return false;
  return all_digits(f.substr(0, f.size() - 2));
}

bool in_list_of(const std::vector<Entity>& list, const Token& t) {
  return std::any_of(list.begin(), list.end(),
                     [&](const Entity& e) { return overlaps(t.start, t.end, e.start, e.end); });
}

int32_t own_word_count(const Document& doc) {
  return static_cast<int32_t>(std::count_if(doc.tokens.begin(), doc.tokens.end(), [&](const Token& t) {
    return is_wordlike(t) && !in_entity(doc, t);
  }));
}

int32_t own_word_count_up_to(const Document& doc, int32_t limit) {
  int32_t n = 0;
  for (const Token& t : doc.tokens) {
    if (is_wordlike(t) && !in_entity(doc, t) && ++n > limit) break;
  }
  return n;
}

size_t first_own_word(const Document& doc, size_t first, size_t last) {
  last = std::min(last, doc.tokens.size());
  for (size_t i = first; i < last; ++i) {
    if (is_wordlike(doc.tokens[i]) && !in_entity(doc, doc.tokens[i])) return i;
  }
  return last;
}

std::pair<int32_t, int32_t> sentence_span(const Document& doc, const Sentence& s) {
  size_t first = first_own_word(doc, s.first_token, s.last_token);
  return {first < s.last_token ? doc.tokens[first].start : s.start, s.end};
}

int32_t text_end(const Document& doc) {
  int32_t end = doc.size();
  while (end > 0 && is_space16(doc.text[static_cast<size_t>(end - 1)])) --end;
  return end;
}

std::string span_utf8(const Document& doc, int32_t start, int32_t end) {
  start = std::clamp(start, 0, doc.size());
  end = std::clamp(end, start, doc.size());
  std::string out;
  out.reserve(static_cast<size_t>(end - start) + 16);
  // Text outside whole tokens (whitespace, mostly one ASCII space).
  auto append_gap = [&](int32_t from, int32_t to) {
    for (int32_t i = from; i < to; ++i) {
      const char16_t c = doc.text[static_cast<size_t>(i)];
      if (c >= 0x80) {
        out += doc.utf8(i, to);
        return;
      }
      out.push_back(static_cast<char>(c));
    }
  };
  int32_t pos = start;
  // The first token ending after `start`.
  auto first = std::upper_bound(doc.tokens.begin(), doc.tokens.end(), start,
                                [](int32_t p, const Token& t) { return p < t.end; });
  for (auto it = first; it != doc.tokens.end(); ++it) {
    const Token& t = *it;
    if (t.end > end) break;
    if (t.start < pos) continue;  // a token that starts before `start`: its part is in the gap
    if (t.start == pos + 1 && doc.text[static_cast<size_t>(pos)] == u' ') {
      out.push_back(' ');  // the usual gap
    } else {
      append_gap(pos, t.start);
    }
    out.append(t.text.data(), t.text.size());  // the token's text is its span in UTF-8
    pos = t.end;
  }
  append_gap(pos, end);
  return out;
}

namespace {

// Adds the character at `at` to `out` if it is an exclamation mark outside
// the entities.
void add_exclamation_mark(const Document& doc, size_t at, std::vector<Bang>& out) {
  const char16_t c = doc.text[at];
  const auto i = static_cast<int32_t>(at);
  const int32_t weight = c == u'!' || c == u'\uFF01' || c == u'\u2049' ? 1 : c == u'\u203C' ? 2 : 0;
  if (weight == 0 || doc.in_entity(i, i + 1)) return;
  if (!out.empty() && out.back().end == i) {
    out.back().end = i + 1;  // a run: "!!!"
    out.back().weight += weight;
  } else {
    out.push_back({i, i + 1, weight});
  }
}

// '!', '‼', '⁉' or '！'. The four tests without an early exit, so that the
// compiler can make them vector compares in block_may_hold_mark.
constexpr bool is_exclamation_mark(char16_t c) {
  return (c == u'!') | (c == u'\u203C') | (c == u'\u2049') | (c == u'\uFF01');
}

constexpr size_t kMarkBlock = 16;  // UTF-16 units tested at once

// True if one of the kMarkBlock units from `p` on is a mark: several
// compared at once in vector registers.
bool block_may_hold_mark(const char16_t* p) {
  // A 16-bit accumulator, as wide as the units: the compares' lanes are
  // or-ed together as they are, not widened first.
  uint16_t any = 0;
  for (size_t k = 0; k < kMarkBlock; ++k) any |= static_cast<uint16_t>(is_exclamation_mark(p[k]));
  return any != 0;
}

}  // namespace

std::vector<Bang> exclamation_marks(const Document& doc) {
  std::vector<Bang> out;
  exclamation_marks(doc, out);
  return out;
}

void exclamation_marks(const Document& doc, std::vector<Bang>& out) {
  // Every unit is read (a mark may sit in a token or in a gap between them,
  // e.g. " \u200d‼"), a block at a time: a block without a mark, nearly
  // every block, costs one test.
  out.clear();
  if (doc.ascii_source()) {
    // ASCII text (most): '!' is the only mark, found by memchr in the UTF-8
    // bytes, whose offsets are the UTF-16 ones.
    const std::string_view s = doc.utf8_source;
    for (size_t at = s.find('!'); at != std::string_view::npos; at = s.find('!', at + 1)) {
      add_exclamation_mark(doc, at, out);
    }
    return;
  }
  if (!doc.utf8_source.empty()) {
    // Each mark has a byte in UTF-8 that few other characters have: '!',
    // 0xBC (U+203C is E2 80 BC, U+FF01 is EF BC 81) or 0x89 (U+2049 is
    // E2 81 89). Most texts have none, and so no mark.
    const std::string_view s = doc.utf8_source;
    if (s.find('!') == std::string_view::npos && s.find('\xBC') == std::string_view::npos &&
        s.find('\x89') == std::string_view::npos) {
      return;
    }
  }
  const char16_t* text = doc.text.data();
  const size_t n = doc.text.size();
  auto scan = [&](size_t from, size_t to) {
    for (size_t at = from; at < to; ++at) {
      if (is_exclamation_mark(text[at])) add_exclamation_mark(doc, at, out);
    }
  };
  size_t at = 0;
  for (; at + kMarkBlock <= n; at += kMarkBlock) {
    if (block_may_hold_mark(text + at)) scan(at, at + kMarkBlock);
  }
  // The rest: tested as part of the block that ends the text (overlapping
  // the one before), when the text is that long.
  if (at < n && (n < kMarkBlock || block_may_hold_mark(text + n - kMarkBlock))) scan(at, n);
}

const Token* hashtag_token(const Document& doc, const Entity& hashtag) {
  // An ASCII text after the sigil has as many UTF-16 units as bytes.
  const int32_t start = hashtag.end - static_cast<int32_t>(hashtag.text.size());
  const auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), start,
                                   [](const Token& t, int32_t pos) { return t.start < pos; });
  if (it == doc.tokens.end() || it->start != start || it->end != hashtag.end || it->text != hashtag.text) return nullptr;
  return &*it;  // same bytes and as many units as bytes: ASCII
}

// ---- Context -----------------------------------------------------------------

// ---- Who the text talks about ------------------------------------------------

int32_t reader_word_count(const Analysis& a, size_t first, size_t last) {
  const Document& doc = a.doc;
  if ((word_lists_seen(a) & kReaderWord) == 0) return 0;  // no reader word anywhere
  const auto& bits = word_lists(a);
  last = std::min(last, doc.tokens.size());
  int32_t n = 0;
  for (size_t i = first; i < last; ++i) {
    if ((bits[i] & kReaderWord) && doc.tokens[i].kind == TokenKind::word && !in_entity(doc, doc.tokens[i])) ++n;
  }
  return n;
}

bool is_own_handle(const Analysis& a, const Entity& mention) {
  const auto& handles = config_of(a).org_handles;
  if (handles.empty()) return false;  // no handle configured: nothing to fold and compare
  return std::find(handles.begin(), handles.end(), strip_at(mention.text)) != handles.end();
}

int32_t self_reference_count(const Analysis& a, size_t first, size_t last) {
  const Document& doc = a.doc;
  last = std::min(last, doc.tokens.size());
  if (first >= last) return 0;
  const auto& bits = word_lists(a);
  int32_t n = 0;
  if ((word_lists_seen(a) & kSelfWord) != 0) {  // else no self word anywhere: no pass
    for (size_t i = first; i < last; ++i) {
      const Token& t = doc.tokens[i];
      if ((bits[i] & kSelfWord) && t.kind == TokenKind::word && !in_entity(doc, t)) ++n;
    }
  }
  // Without configured names, handles or brand hashtags (the usual case) the
  // lookups below can find nothing: skip their matching and folding.
  if (a.config_phrases && !a.config_phrases->org_names.phrases().empty()) {
    n += static_cast<int32_t>(a.config_phrases->org_names.find(doc, first, last).size());
  }
  const int32_t from = doc.tokens[first].start, to = doc.tokens[last - 1].end;
  auto inside = [&](const Entity& e) { return e.start >= from && e.end <= to; };
  if (!config_of(a).org_handles.empty()) {
    for (const Entity& m : doc.entities.mentions) n += inside(m) && is_own_handle(a, m) ? 1 : 0;
  }
  const auto& brand = config_of(a).brand_hashtags;
  if (brand.empty()) return n;
  for (const Entity& h : doc.entities.hashtags) {
    n += inside(h) && std::find(brand.begin(), brand.end(), text::fold_utf8(h.text)) != brand.end() ? 1 : 0;
  }
  return n;
}

// ---- Conversation ------------------------------------------------------------

bool ends_with_question_mark(const Document& doc, const Sentence& s) { return question_mark(doc, s) != npos; }

const std::vector<size_t>& question_marks(const Analysis& a) {
  return remembered_into(memo(a).question_marks, [&](std::vector<size_t>& out) {
    // No "?" token at all (most texts): no sentence ends with one.
    if ((word_lists_seen(a) & kQuestionMarkToken) == 0) {
      out.assign(a.doc.sentences.size(), npos);
      return;
    }
    for (const Sentence& s : a.doc.sentences) out.push_back(question_mark(a.doc, s));
  });
}

bool any_question(const Analysis& a) {
  const auto& marks = question_marks(a);
  return std::any_of(marks.begin(), marks.end(), [](size_t mark) { return mark != npos; });
}

const std::vector<size_t>& sincere_questions(const Analysis& a) {
  return remembered_into(memo(a).sincere_questions, [&](std::vector<size_t>& out) {
    // Inside a press release or a sales pitch every question is rhetorical.
    if (!press_release_findings(a).empty() || !hard_sells(a).empty()) return;
    for (size_t i = 0; i < a.doc.sentences.size(); ++i) {
      if (is_sincere(a, i)) out.push_back(i);
    }
  });
}

const std::vector<PhraseMatch>& invitations(const Analysis& a) {
  return remembered(memo(a).invitations, [&] {
    std::vector<PhraseMatch> found = rule_phrases(a, "talk.invite", List::talk_invite, List::talk_invite_except);
    // The imperative to reply, share or take part, read from the
    // sentence's structure (rules/invite_structure.hpp); where a listed
    // phrase or an exception ("join us in welcoming") covers it, the list
    // decides.
    std::vector<PhraseMatch> structural = imperative_invitations(a);
    if (structural.empty()) return found;
    const auto except = lists(a).find(List::talk_invite_except);
    auto overlaps = [](const std::vector<PhraseMatch>& list, const PhraseMatch& m) {
      return std::any_of(list.begin(), list.end(), [&](const PhraseMatch& f) { return f.start < m.end && m.start < f.end; });
    };
    const size_t listed = found.size();
    for (const PhraseMatch& m : structural) {
      if (!overlaps(found, m) && !overlaps(except, m)) found.push_back(m);
    }
    if (found.size() > listed) {
      std::sort(found.begin(), found.end(), [](const PhraseMatch& x, const PhraseMatch& y) { return x.start < y.start; });
    }
    return found;
  });
}

std::span<const Entity> mention_wall(const Analysis& a) {
  const Document& doc = a.doc;
  const auto& mentions = doc.entities.mentions;
  // The leading mentions are the first ones, in text order: counted, not copied.
  size_t leading = 0;
  int32_t pos = skip_space(doc, 0);
  if (pos < doc.size() && doc.text[static_cast<size_t>(pos)] == u'.') ++pos;  // the old ".@handle" trick
  for (const Entity& m : mentions) {
    if (m.start != pos) break;
    ++leading;
    pos = skip_space(doc, m.end);
    if (pos < doc.size() && doc.text[static_cast<size_t>(pos)] == u',') pos = skip_space(doc, pos + 1);
  }
  const std::span<const Entity> wall(mentions.data(), leading);
  // The handle a reply answers is addressed, not piled on.
  size_t counted = leading;
  if (is_reply(a) && a.doc.context && !a.doc.context->reply_to.empty()) {
    const std::string answered = strip_at(a.doc.context->reply_to);
    counted -= static_cast<size_t>(
        std::count_if(wall.begin(), wall.end(), [&](const Entity& m) { return strip_at(m.text) == answered; }));
  }
  if (counted < static_cast<size_t>(config_of(a).mention_wall)) return {};
  return wall;
}

const std::vector<const Entity*>& conversational_mentions(const Analysis& a) {
  return remembered_into(memo(a).conversational_mentions, [&](std::vector<const Entity*>& out) {
    const Document& doc = a.doc;
    const auto& mentions = doc.entities.mentions;
    if (mentions.empty()) return;
    const auto wall_size = static_cast<size_t>(config_of(a).mention_wall);
    // Runs of @mentions separated only by whitespace or commas, in text
    // order, as index ranges of `mentions`: a run as long as a wall is one.
    size_t run_begin = 0;
    auto close_run = [&](size_t run_end) {
      if (run_end - run_begin >= wall_size) return;
      for (size_t k = run_begin; k < run_end; ++k) {
        if (!is_own_handle(a, mentions[k]) && mentions[k].list_slug.empty()) out.push_back(&mentions[k]);
      }
    };
    for (size_t k = 1; k < mentions.size(); ++k) {
      int32_t pos = mentions[k - 1].end;
      const int32_t start = mentions[k].start;
      while (pos < start && (is_space16(doc.text[static_cast<size_t>(pos)]) || doc.text[static_cast<size_t>(pos)] == u',')) ++pos;
      if (pos != start) {
        close_run(k);
        run_begin = k;
      }
    }
    close_run(mentions.size());
  });
}

namespace {

// English: a hashtag shaped like a tweet chat's, for chats the list does not
// know: "sm" after a consonant, the "social media" chats' convention
// ("#ptsm", "#ayacsm"; no English word ends so: "#autism", "#sarcasm" do
// not). A "chat" ending alone is not enough: an organisation's own
// "#MercyChat" is a chat only when configured.
bool chat_shaped(std::string_view tag) {
  if (tag.size() < 4 || tag.size() > 8 || !tag.ends_with("sm")) return false;
  const char before = tag[tag.size() - 3];
  return before >= 'a' && before <= 'z' && std::string_view("aeiouy").find(before) == std::string_view::npos;
}

// A tweet-chat number opens the post: "A1", "Q3" (a Spanish chat numbers
// its questions P1, pregunta, and answers R1, respuesta, as the post kind
// reads them). Its first word's index, or doc.tokens.size().
size_t chat_number_opening(const Document& doc, Language language) {
  const size_t first = first_own_word(doc, 0, doc.tokens.size());
  if (first + 1 >= doc.tokens.size()) return doc.tokens.size();
  const std::string_view w = doc.tokens[first].folded;
  const bool label = w[0] == 'a' || w[0] == 'q' || (language == Language::es && (w[0] == 'r' || w[0] == 'p'));
  if (w.size() < 2 || w.size() > 3 || !label) return doc.tokens.size();
  if (!std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; })) return doc.tokens.size();
  return first;
}

// A tweet-chat answer: the post opens with "A1:" (or "Q2:", "A3 -"); in
// Spanish also with the number and the chat's tag ("R1 #SaludSinHumo").
bool opens_chat_answer(const Document& doc, Language language) {
  const size_t first = chat_number_opening(doc, language);
  if (first >= doc.tokens.size()) return false;
  const std::string_view next = doc.tokens[first + 1].text;
  if (next == ":" || next == "-" || next == "\u2013" || next == ")") return true;
  return language == Language::es && !doc.entities.hashtags.empty() &&
         std::any_of(doc.entities.hashtags.begin(), doc.entities.hashtags.end(),
                     [&](const Entity& h) { return h.start == doc.tokens[first + 1].start; });
}

// English: a chat's question or answer that names its chat in the number's
// own sentence ("Q3 for tonight's #MHchat: what helped you..."): that
// hashtag, when it ends in "chat" ("Q3 results: our #MercyCares appeal" is
// a quarter's).
const Entity* chat_named_after_number(const Document& doc) {
  const size_t first = chat_number_opening(doc, Language::en);
  if (first >= doc.tokens.size()) return nullptr;
  const Sentence& s = sentence_of(doc, first);
  for (const Entity& h : doc.entities.hashtags) {
    if (h.start <= doc.tokens[first].start || h.end > s.end) continue;
    // "Q3 results: our #MercyCares appeal" is a quarter: a chat's tag says so.
    std::string folded;
    text::fold_utf8(h.text, folded);
    if (folded.ends_with("chat")) return &h;
  }
  return nullptr;
}

}  // namespace

const std::vector<const Entity*>& chat_hashtags(const Analysis& a) {
  return remembered_into(memo(a).chat_hashtags, [&](std::vector<const Entity*>& out) {
    static const WordList& chats = WordList::builtin("lists/chats.tsv");
    const auto& extra = config_of(a).extra_chats;
    std::string folded;  // for hashtags that are not one ASCII token
    for (const Entity& h : a.doc.entities.hashtags) {
      // Most hashtags are one ASCII token, folded and hashed by the tokenizer.
      const Token* t = hashtag_token(a.doc, h);
      if (!t) text::fold_utf8(h.text, folded);
      const std::string_view tag = t ? t->folded : std::string_view(folded);
      if ((t ? chats.contains(*t) : chats.contains(tag)) ||
          (!extra.empty() && std::find(extra.begin(), extra.end(), tag) != extra.end()) ||
          (a.language != Language::es && chat_shaped(tag))) {
        out.push_back(&h);
      }
    }
    // A chat answer ("A2: ...", "R1 #SaludSinHumo ...") names its chat in
    // its last hashtag: Spanish chats' tags have no shape of their own
    // (#ChatSaludMental, #hcsmMX), so this is how a Spanish chat is known.
    if (out.empty() && !a.doc.entities.hashtags.empty() && opens_chat_answer(a.doc, a.language)) {
      out.push_back(&a.doc.entities.hashtags.back());
    }
    if (out.empty() && a.language != Language::es && !a.doc.entities.hashtags.empty()) {
      if (const Entity* named = chat_named_after_number(a.doc)) out.push_back(named);
    }
  });
}

bool opens_conversation(const Analysis& a) {
  return remembered(memo(a).opens_conversation, [&] {
    return is_reply(a) || is_share(a) || !sincere_questions(a).empty() || !invitations(a).empty() ||
           !conversational_mentions(a).empty() || !chat_hashtags(a).empty();
  });
}

// ---- Promotion ---------------------------------------------------------------

const std::vector<Finding>& press_release_findings(const Analysis& a) {
  return remembered(memo(a).press_release_findings, [&] {
    const auto phrases = rule_phrases(a, "promo.press-release", List::promo_press_release);
    // The dateline opens the text, or follows an opening formula such as
    // "FOR IMMEDIATE RELEASE:" in the first sentence.
    std::vector<Finding> out = dateline(a.doc, 0);
    for (const PhraseMatch& m : phrases) {
      if (!out.empty() || a.doc.sentences.empty() || m.last_token > a.doc.sentences.front().last_token) break;
      size_t after = m.last_token;
      while (after < a.doc.tokens.size() && a.doc.tokens[after].kind == TokenKind::punct) ++after;
      out = dateline(a.doc, after);
    }
    for (const PhraseMatch& m : phrases) {
      if (std::any_of(out.begin(), out.end(), [&](const Finding& o) { return overlaps(o.start, o.end, m.start, m.end); })) continue;
      out.push_back({Finding::Kind::phrase, m.start, m.end, a.doc.utf8(m.start, m.end), m.phrase->replacements});
    }
    if (a.language == Language::es) {
      for (Finding& f : spanish_ceremony(a.doc)) {
        bool covered = std::any_of(out.begin(), out.end(), [&](const Finding& o) { return overlaps(o.start, o.end, f.start, f.end); });
        if (!covered) out.push_back(std::move(f));
      }
    }
    for (Finding& f : quoted_executives(a.doc, word_lists(a))) {
      bool covered = std::any_of(out.begin(), out.end(), [&](const Finding& o) { return overlaps(o.start, o.end, f.start, f.end); });
      if (!covered) out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(), [](const Finding& x, const Finding& y) { return x.start < y.start; });
    return out;
  });
}

std::vector<PhraseMatch> superlatives(const Analysis& a, size_t first, size_t last) {
  return rule_phrases(a, "promo.superlative", List::promo_superlative, List::promo_superlative_except, first, last);
}

namespace {

// Spanish: scarcity ("plazas limitadas", marked `scarcity` in
// es/phrases/promo_hard_sell.tsv) is a fact about a free offer, not a
// sale: "Taller gratuito ... Plazas limitadas, apúntate al 948 555 012".
// It sells when the post is not free (es/lists/free_words.tsv) or something
// else in it sells ("Primera consulta gratis. Plazas limitadas.").
bool free_scarcity_only(const Analysis& a, const std::vector<PhraseMatch>& found) {
  static const WordList& free = WordList::builtin("es/lists/free_words.tsv");
  if (a.language != Language::es || found.empty()) return false;
  if (std::any_of(found.begin(), found.end(), [](const PhraseMatch& m) { return m.phrase->note != "scarcity"; })) {
    return false;
  }
  const auto& tokens = a.doc.tokens;
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return free.contains(t); });
}

}  // namespace

std::vector<PhraseMatch> hard_sells(const Analysis& a, size_t first, size_t last) {
  auto find = [&] {
    auto found = rule_phrases(a, "promo.hard-sell", List::promo_hard_sell, List::promo_hard_sell_except, first, last);
    if (free_scarcity_only(a, found)) found.clear();
    return found;
  };
  if (first == 0 && last == npos) return remembered(memo(a).hard_sells, find);  // the whole text
  return find();
}

// ---- Topics ------------------------------------------------------------------

const PhraseList& topic_phrases(Language language) { return topic_table(language).phrases; }

Phrase structure_phrase(std::string text) {
  Phrase p;
  p.text = std::move(text);
  p.note = "structure";
  return p;
}

const std::vector<TopicMatch>& topics(const Analysis& a) {
  return remembered_into(memo(a).topics, [&](std::vector<TopicMatch>& out) {
    const Document& doc = a.doc;
    const TopicTable& table = topic_table(a.language);
    for (const PhraseMatch& m : lists(a).find(List::topics)) {
      const Token& t = doc.tokens[m.first_token];
      if (in_list_of(doc.entities.urls, t) || in_list_of(doc.entities.mentions, t)) continue;
      const auto& row = table.rows[static_cast<size_t>(m.phrase - table.phrases.phrases().data())];
      out.push_back({m.start, m.end, row.chat, row.topic_en, row.topic_es});
    }
  });
}

// Flesch-Kincaid is an English measure: a Spanish post would get a
// meaningless grade. A text counts as English unless it has more function
// words of other languages than of English (dense English jargon has few
// function words of either kind, so a share of English ones would not do).
bool reads_as_english(const Analysis& a) {
  const Document& doc = a.doc;
  // No function word of either kind: 0 >= 0.
  if ((word_lists_seen(a) & (kEnglishFunctionWord | kOtherFunctionWord)) == 0) return true;
  const auto& bits = word_lists(a);
  int32_t english_words = 0, other_words = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].kind != TokenKind::word) continue;
    const bool is_english = bits[i] & kEnglishFunctionWord, is_other = bits[i] & kOtherFunctionWord;
    // The entity test is the dearer one: only for words that would count.
    if ((!is_english && !is_other) || token_in_entity(doc, i)) continue;
    english_words += is_english ? 1 : 0;
    other_words += is_other ? 1 : 0;
  }
  return english_words >= other_words;
}

void drop_replacements_inside_entities(const Document& doc, std::vector<Hint>& hints) {
  // A span overlaps an entity without covering it exactly when one of its
  // ends falls inside that entity: two lookups a hint, not a scan of all.
  for (Hint& h : hints) {
    if (!h.replacements.empty() && (doc.splits_entity(h.start) || doc.splits_entity(h.end))) h.replacements.clear();
  }
}

// ---- Reported words ---------------------------------------------------------

// A negation among the two tokens just before token `first` ("never double
// your dose", "is not guaranteed").
bool negated(const Document& doc, size_t first, Language language) {
  static const LocalizedWordList negations("lists/negations.tsv");
  for (size_t k = 1; k <= 2 && k <= first; ++k) {
    if (negations.in(language).contains(doc.tokens[first - k])) return true;
  }
  return false;
}

// Inside quotation marks: someone's words reported ("the day I heard
// “you're cured”"), not a claim the post makes.
// Single quotes count too ('you're cured'): a lone ' or ‘ after a space
// opens them, the next lone ' or ’ closes them (an apostrophe inside a word,
// "you're", is part of the word's token, not a lone one).
bool in_quotes(const Document& doc, size_t first) {
  int32_t straight = 0, open = 0;
  bool single = false;
  for (size_t i = 0; i < first; ++i) {
    const Token& token = doc.tokens[i];
    const std::string_view t = token.text;
    if (t == "\"") ++straight;
    else if (t == "\u201c") ++open;
    else if (t == "\u201d") --open;
    else if (t == "'" || t == "\u2018" || t == "\u2019") {
      const bool after_space = token.start == 0 || doc.text[static_cast<size_t>(token.start) - 1] == u' ' ||
                               doc.text[static_cast<size_t>(token.start) - 1] == u'\n';
      if (single) single = false;
      else if (after_space && t != "\u2019") single = true;
    }
  }
  return straight % 2 == 1 || open > 0 || single;
}

}  // namespace chime
