// Value (rules.md section 4; seed: "Give helpful information, answer
// questions", "you must have something interesting to say").
#include <algorithm>
#include <optional>

#include "match/phrases.hpp"
#include "rules/features.hpp"
#include "rules/phone.hpp"
#include "rules/rule.hpp"
#include "rules/value_crisis.hpp"
#include "rules/value_helpful.hpp"

namespace chime {

namespace {

bool is_number(const Document& doc, size_t i) {
  return i < doc.tokens.size() && doc.tokens[i].kind == TokenKind::number && !token_in_entity(doc, i);
}

// The phrase of `list` (at most six tokens) that starts exactly at token `i`, if any.
const Phrase* match_at(const ListMatches& matches, List list, size_t i) {
  return matches.starting_at(list, i, i + 6);
}

// A number that states a fact: "5 minutes", "30%", "1 in 3", "2 out of 5".
// Not a discount ("20% off").
std::optional<HelpfulFinding> number_fact(const ListMatches& matches) {
  const Document& doc = matches.doc();
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i < count; ++i) {
    // Kind first: most tokens are not numbers, and need no entity test.
    if (doc.tokens[i].kind != TokenKind::number || token_in_entity(doc, i)) continue;
    const Token& n = doc.tokens[i];
    const auto next = [&](size_t k) -> std::string_view {
      static const std::string none;
      return i + k < doc.tokens.size() ? doc.tokens[i + k].folded : none;
    };
    if (next(1) == "in" && is_number(doc, i + 2)) return HelpfulFinding{n.start, doc.tokens[i + 2].end, HelpfulKind::number};
    if (next(1) == "out" && next(2) == "of" && is_number(doc, i + 3)) {
      return HelpfulFinding{n.start, doc.tokens[i + 3].end, HelpfulKind::number};
    }
    if (const Phrase* unit = match_at(matches, List::value_units, i + 1)) {
      if (unit->text == "%" && next(2) == "off") continue;
      return HelpfulFinding{n.start, doc.tokens[i + unit->tokens.size()].end, HelpfulKind::number};
    }
  }
  return std::nullopt;
}

// A number to call or text (rules/phone.hpp).
std::optional<HelpfulFinding> phone(const Document& doc, Language language) {
  if (auto found = phone_number(doc, language)) return HelpfulFinding{found->start, found->end, HelpfulKind::phone};
  return std::nullopt;
}

// Opening hours: a range of times of day ("9am-1pm", "8am to 8pm"), the
// fact a reader most often asks a clinic for.
// An hour of the day written as a bare number, "8" to "24" ("de 8 a 18").
bool is_bare_hour(const Token& t, int32_t* hour) {
  if (t.kind != TokenKind::number || t.folded.size() > 2 || !all_digits(t.folded)) return false;
  *hour = std::stoi(std::string(t.folded));
  return *hour <= 24;
}

// Spanish opening hours from bare hours: "de 8 a 18", "desde las 9 hasta
// las 14" (the later hour after the earlier one, so "de 2 a 1" is no range).
std::optional<HelpfulFinding> spanish_hours(const Document& doc) {
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i + 3 < count; ++i) {
    const std::string_view from = doc.tokens[i].folded;
    if (from != "de" && from != "desde") continue;
    size_t k = i + 1;
    if (doc.tokens[k].folded == "las") ++k;
    int32_t open = 0, close = 0;
    if (k + 2 >= count || !is_bare_hour(doc.tokens[k], &open) || token_in_entity(doc, k)) continue;
    size_t to = k + 1;
    if (doc.tokens[to].folded != "a" && doc.tokens[to].folded != "hasta") continue;
    size_t end = to + 1;
    if (doc.tokens[end].folded == "las" && end + 1 < count) ++end;
    if (is_bare_hour(doc.tokens[end], &close) && close > open) {
      return HelpfulFinding{doc.tokens[k].start, doc.tokens[end].end, HelpfulKind::number};
    }
  }
  return std::nullopt;
}

std::optional<HelpfulFinding> opening_hours(const Document& doc, Language language) {
  if (language == Language::es) {
    if (auto found = spanish_hours(doc)) return found;
  }
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i + 2 < count; ++i) {
    if (!is_clock_time(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    const std::string_view join = doc.tokens[i + 1].folded;
    if ((join == "-" || join == "\u2013" || join == "to") && is_clock_time(doc.tokens[i + 2])) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[i + 2].end, HelpfulKind::number};
    }
  }
  return std::nullopt;
}

// A link with a label that says what it leads to, the label ending in a
// colon right before the link ("Wait times: sunrise.example/wait", "Datos y
// lista completa: estudio.example"). A label that only points ("More
// info:", "Link:", "Más información:"; lists/vague_link_labels.tsv) says
// nothing, and is value.empty's; so does a clause of more than
// kLabelWords words.
constexpr int32_t kLabelWords = 4;
std::optional<HelpfulFinding> labelled_link(const ListMatches& matches) {
  static const LocalizedWordList vague("lists/vague_link_labels.tsv");
  const Document& doc = matches.doc();
  size_t i = 0;
  for (const Entity& url : doc.entities.urls) {
    while (i < doc.tokens.size() && doc.tokens[i].end <= url.start) ++i;
    // tokens[i - 1] is the last token before the link: the colon, then the label.
    if (i < 2 || doc.tokens[i - 1].text != ":" || token_in_entity(doc, i - 2)) continue;
    const Token& label = doc.tokens[i - 2];
    if (label.kind != TokenKind::word || vague.in(matches.language()).contains(label)) continue;
    // A label names a thing in a few words; a longer clause before the
    // colon says something else ("Our new website is live: ...").
    const Sentence& s = sentence_of(doc, i - 2);
    int32_t words = 0;
    for (size_t k = s.first_token; k + 1 < i; ++k) words += doc.tokens[k].kind == TokenKind::word ? 1 : 0;
    if (words > kLabelWords) continue;
    return HelpfulFinding{label.start, url.end, HelpfulKind::resource};
  }
  return std::nullopt;
}

// A resource described in words next to a link: "our free guide to ...".
std::optional<HelpfulFinding> described_resource(const ListMatches& matches) {
  const Document& doc = matches.doc();
  if (doc.entities.urls.empty()) return std::nullopt;
  for (const PhraseMatch& m : matches.find(List::value_resource)) {
    if (!match_in_entity(doc, m)) return HelpfulFinding{m.start, m.end, HelpfulKind::resource};
  }
  return labelled_link(matches);
}

// A chat answer's label ("A4:", "Q2") or a thread number ("3/6"): what a
// sentence may open with before its first word.
bool is_chat_label(const Token& t) {
  const std::string_view f = t.folded;
  return f.size() >= 2 && (f[0] == 'a' || f[0] == 'q') && all_digits(f.substr(1));
}
bool is_sentence_label(const Document& doc, size_t i) {
  const Token& t = doc.tokens[i];
  return t.kind == TokenKind::number || t.kind == TokenKind::punct || t.kind == TokenKind::emoji || is_chat_label(t);
}

// A Spanish imperative told by its form, for the verbs no list holds: one
// with a pronoun attached carries a written accent the bare verb lacks
// ("levántate", "acérquese", "pregúntele"; an adverb in -mente is not one),
// and the voseo of an -ar verb ends in a stressed "á" ("cortá", "tratá",
// "cená"). Not the futures ("cerrará", "atenderá": -ará, -erá, -irá) nor
// the words listed in es/lists/not_imperatives.tsv ("está", "será",
// "mamá", "Bogotá", and the invitations "únete", "súmate", which ask the
// reader to join, not to do something for their health).
bool spanish_imperative_form(const Token& t) {
  static const WordList& not_imperatives = WordList::builtin("es/lists/not_imperatives.tsv");
  static constexpr std::string_view kAccents[] = {"\u00e1", "\u00e9", "\u00ed", "\u00f3", "\u00fa"};
  static constexpr std::string_view kPronouns[] = {"te", "se", "le", "les"};
  const std::string_view f = t.folded;
  if (t.kind != TokenKind::word || f.size() < 4 || not_imperatives.contains(t)) return false;
  if (f.ends_with("\u00e1")) {
    const std::string_view stem = f.substr(0, f.size() - 2);
    return !(stem.ends_with("ar") || stem.ends_with("er") || stem.ends_with("ir"));
  }
  if (f.size() < 6 || f.ends_with("mente")) return false;
  for (std::string_view pronoun : kPronouns) {
    if (!f.ends_with(pronoun)) continue;
    const std::string_view before = f.substr(0, f.size() - pronoun.size());
    for (std::string_view accent : kAccents) {
      if (before.find(accent) != std::string_view::npos) return true;
    }
  }
  return false;
}

// A sentence that opens with a step the reader can take: "Check your feet
// every day", "Pack your medicines in your hand luggage" (the verb must open
// the sentence, after @mentions, a chat label or a thread number: "we check"
// is not an instruction to the reader).
//
// The step may also open the sentence's second part: after a colon that
// names the topic ("Drinking water in summer: carry a bottle"), or after the
// comma that ends an opening condition ("If you're over 50, talk to your
// GP"; "When it's hot, drink water"), the two forms health advice is
// usually written in.
std::optional<HelpfulFinding> action_at(const ListMatches& matches, const Sentence& s, size_t i) {
  const Document& doc = matches.doc();
  while (i < s.last_token && token_in_entity(doc, i)) ++i;
  if (i == s.last_token) return std::nullopt;
  // A step says what to do to what: a verb alone before a stop ("Always.",
  // "Never.", "¡Inscríbete!", the ends of slogans) is no step; one before a
  // colon or a comma goes on ("Apply: careers.example", "Brush, spit").
  // Nor is a verb with only a word of urgency after it ("¡DONÁ YA!", a
  // sales push: lists/urgency_words.tsv).
  static const LocalizedWordList urgency("lists/urgency_words.tsv");
  const auto goes_on = [&](size_t after) {
    if (after >= s.last_token) return false;
    const Token& t = doc.tokens[after];
    if (t.kind == TokenKind::punct) return t.text != "." && t.text != "!" && t.text != "?" && t.text != "\u2026";
    return !(urgency.in(matches.language()).contains(t) &&
             (after + 1 == s.last_token || doc.tokens[after + 1].kind == TokenKind::punct));
  };
  if (const Phrase* p = matches.starting_at(List::value_action, i, s.last_token)) {
    if (p->tokens.size() > 1 || goes_on(i + 1)) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[i + p->tokens.size() - 1].end, HelpfulKind::action};
    }
  }
  if (matches.language() == Language::es && spanish_imperative_form(doc.tokens[i]) && goes_on(i + 1)) {
    return HelpfulFinding{doc.tokens[i].start, doc.tokens[i].end, HelpfulKind::action};
  }
  return std::nullopt;
}

std::optional<HelpfulFinding> action_step(const ListMatches& matches) {
  const Document& doc = matches.doc();
  for (const Sentence& s : doc.sentences) {
    size_t first = s.first_token;
    while (first < s.last_token && (token_in_entity(doc, first) || is_sentence_label(doc, first))) ++first;
    if (first == s.last_token) continue;
    if (auto found = action_at(matches, s, first)) return found;
    const std::string_view opener = doc.tokens[first].folded;
    const bool condition = opener == "if" || opener == "when";
    for (size_t i = first + 1; i + 1 < s.last_token; ++i) {
      if (doc.tokens[i].kind != TokenKind::punct) continue;  // most tokens: one test
      const std::string_view t = doc.tokens[i].text;
      if ((t == ":" || (condition && t == ",")) && !token_in_entity(doc, i)) {
        if (auto found = action_at(matches, s, i + 1)) return found;
      }
    }
  }
  return std::nullopt;
}

std::optional<HelpfulFinding> helpful_cue(const ListMatches& matches) {
  const Document& doc = matches.doc();
  for (const PhraseMatch& m : matches.find(List::value_helpful)) {
    if (!match_in_entity(doc, m)) return HelpfulFinding{m.start, m.end, HelpfulKind::cue};
  }
  return std::nullopt;
}

void check_helpful(const Analysis& a, HintSink& sink) {
  auto found = find_helpful(a);
  if (!found) return;
  std::string_view key;
  switch (found->kind) {
    case HelpfulKind::cue:
      key = "value.helpful.cue";
      break;
    case HelpfulKind::number:
      key = "value.helpful.number";
      break;
    case HelpfulKind::resource:
      key = "value.helpful.resource";
      break;
    case HelpfulKind::action:
      key = "value.helpful.action";
      break;
    case HelpfulKind::phone:
      key = "value.helpful.phone";
      break;
  }
  sink.add({"value.helpful", Severity::good, found->start, found->end, sink.message(key),
            sink.message("value.helpful.do"), {}});
}

// A greeting with nothing after it has at most this many words ("Happy
// World Health Day from all of us at Meridian Health!": 10).
constexpr int32_t kGreetingWords = 12;

// A post that is one greeting and nothing else, whatever the day it names
// ("Happy World Heart Day!", "Happy Nurses Week from the team at ..."): its
// first own word greets (lists/greetings.tsv), and it is short. English only.
// The span is the first sentence.
const Sentence* greeting_only(const Analysis& a) {
  static const WordList& greetings = WordList::builtin("lists/greetings.tsv");
  const Document& doc = a.doc;
  if (a.language == Language::es || doc.sentences.empty()) return nullptr;
  const Sentence& s = doc.sentences.front();
  const size_t word = first_own_word(doc, s.first_token, s.last_token);
  if (word >= s.last_token || !greetings.contains(doc.tokens[word])) return nullptr;
  if (own_word_count_up_to(doc, kGreetingWords + 1) > kGreetingWords) return nullptr;
  return &s;
}

// A post that says nothing a reader can use or answer, told by what it
// lacks rather than by its phrases: no fact (no number outside links, tags
// and mentions), and at most kContentWords own words that are not of
// lists/empty_words.tsv (function words, slogan and values words, agreement,
// greetings, the naming words of awareness days). The caller has already
// found no step, no labelled link and no question. A reply to a person is
// small talk, not a post (a warm "Thanks Hannah! 🙌" is right), and crisis,
// service and later thread parts carry their facts elsewhere; a chat answer
// or a share is judged like any post ("A6: Totally agree! #hcsm", "This. 👇";
// the chat label "A6" is neither a number nor a word of its own).
constexpr int32_t kContentWords = 2;
bool says_nothing(const Analysis& a) {
  static const LocalizedWordList empty_words("lists/empty_words.tsv");
  constexpr KindSet kQuiet = kReplyKinds | kind_bit(PostKind::thread_later) | kind_bit(PostKind::crisis) |
                             kind_bit(PostKind::service);
  if ((kind_bit(a.kind) & kQuiet) || is_reply(a) || !conversational_mentions(a).empty()) return false;
  const WordList& filler = empty_words.in(a.language);
  int32_t words = 0, content = 0;
  for (const Token& t : a.doc.tokens) {
    if (!is_wordlike(t) || in_entity(a.doc, t) || is_chat_label(t)) continue;
    if (t.kind == TokenKind::number) return false;
    ++words;
    if (!filler.contains(t) && ++content > kContentWords) return false;
  }
  // A post with no words of its own (a bare link, an emoji) is form.link-only's.
  return words > 0;
}

// Configured phrases for value.empty join the built-in list. A listed
// phrase is the better span to show, and its message says what it is.
// Whether any was found.
bool listed_empty_phrases(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  bool found = false;
  for (const PhraseMatch& m : rule_phrases(a, "value.empty", List::value_empty)) {
    if (match_in_entity(doc, m)) continue;
    const std::string& kind = m.phrase->note;
    Hint h{"value.empty", Severity::tip, m.start, m.end, "", "", {}};
    const std::string what = doc.utf8(m.start, m.end);
    if (kind == "empty call to action") {
      h.message = sink.message("value.empty.call-to-action", {what});
      h.suggestion = sink.message("value.empty.call-to-action.do");
    } else if (kind == "teaser") {
      h.message = sink.message("value.empty.teaser", {what});
      h.suggestion = sink.message("value.empty.teaser.do");
    } else if (kind == "greeting only") {
      h.message = sink.message("value.empty.greeting");
      h.suggestion = sink.message("value.empty.greeting.do");
    } else {
      h.message = sink.message("value.empty", {what});
      h.suggestion = sink.message("value.empty.do");
    }
    sink.add(std::move(h));
    found = true;
  }
  return found;
}

// A greeting and nothing else ("Good morning, everyone!"). Whether found.
bool greeting_alone(const Analysis& a, HintSink& sink) {
  const Sentence* greeting = greeting_only(a);
  if (!greeting) return false;
  sink.add({"value.empty", Severity::tip, greeting->start, greeting->end, sink.message("value.empty.greeting"),
            sink.message("value.empty.greeting.do"), {}});
  return true;
}

// Slogans, empty calls to action, greetings alone and posts that say
// nothing, in a post that has nothing else to offer: nothing helpful, no
// question.
void check_empty(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  if (find_helpful(a)) return;
  // Any question is something a reader can answer, sincere or not.
  if (any_question(a)) return;
  // A post that invites or asks the reader opens a conversation: its slogan
  // phrases and greetings are no hint then, though its structure still is.
  if (!opens_conversation(a) && (listed_empty_phrases(a, sink) || greeting_alone(a, sink))) return;
  // Else the post's structure: the span runs from its first own word (after
  // a chat label) to its end.
  if (says_nothing(a)) {
    size_t first = first_own_word(doc, 0, doc.tokens.size());
    if (first < doc.tokens.size() && is_chat_label(doc.tokens[first])) {
      first = first_own_word(doc, first + 1, doc.tokens.size());
    }
    sink.add({"value.empty", Severity::tip, doc.tokens[first].start, text_end(doc), sink.message("value.empty.nothing"),
              sink.message("value.empty.do"), {}});
  }
}

const RuleCheck kChecks[] = {
    {"value.helpful", check_helpful},
    {"value.empty", check_empty},
    {"value.crisis-essentials", check_crisis_essentials},
};

}  // namespace

std::optional<HelpfulFinding> find_helpful(const ListMatches& matches) {
  std::optional<HelpfulFinding> best;
  // The earliest of the three kinds of value is the one shown.
  for (auto found : {helpful_cue(matches), number_fact(matches), described_resource(matches)}) {
    if (found && (!best || found->start < best->start)) best = found;
  }
  // A step to take counts when nothing else does (the cue or the number it
  // comes with is the better span to show), opening hours when nothing else
  // at all does.
  if (best) return best;
  if (auto step = action_step(matches)) return step;
  if (auto hours = opening_hours(matches.doc(), matches.language())) return hours;
  return phone(matches.doc(), matches.language());
}

std::optional<HelpfulFinding> find_helpful(const Analysis& a) {
  FeatureMemo& m = memo(a);
  if (!m.helpful.known) {
    m.helpful.value = find_helpful(lists(a));
    m.helpful.known = true;
  }
  return m.helpful.value;
}

std::span<const RuleCheck> value_checks() { return kChecks; }

}  // namespace chime
