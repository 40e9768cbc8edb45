#include "rules/kinds.hpp"
#include "rules/value_helpful.hpp"

#include <algorithm>
#include <array>

#include "rules/features.hpp"
#include "rules/rule.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(PostKind::count)> kNames = {
    "reply-complaint", "reply-question", "reply-praise", "reply",    "share",       "thread-later",
    "chat-answer",     "crisis",         "service",      "thread-first", "job",     "fundraising",
    "event",           "awareness",      "research",     "promotion",  "tip",        "general",
};

// The post answered is praise when it reads this positive (VADER compound):
// "Thank you, the nurses were wonderful" scores about 0.8, a plain "ok" 0.3.
constexpr double kPraiseSentiment = 0.5;
// ... and a complaint at or below this (read_complaint, which the tone
// and talk rules read too).
constexpr double kComplaintSentiment = -0.25;

bool has_question_mark(const Document& doc) {
  for (const Token& t : doc.tokens) {
    if (t.text == "?" || t.text == "\xef\xbc\x9f") return true;
  }
  return false;
}

bool is_question_mark(const Token& t) { return t.text == "?" || t.text == "\xef\xbc\x9f" || t.text == "\xc2\xbf"; }

// Spanish: does a statement of the post answered (a sentence without a
// question mark) say that nobody did something, that something is not
// there, or that they do not do it: "nadie", "no hay" (había, hubo), or
// "no" and a third-person plural verb, clitics between ("no le entregan
// nada", "no me atienden")? Or how long it has gone without: a span of
// time and "sin" ("tres semanas sin tamoxifeno", "llevan un mes sin
// bolsas"), that it never happened ("la intérprete nunca llegó"), or that
// it happened again: "otra vez", "de nuevo", an ordinal before a span or a
// time ("tercer día que...", "segunda vez que..."); all these unless the
// post thanks ("dos años sin fumar, gracias a ustedes"; "nunca me habían
// atendido tan bien, gracias"; Spanish VADER reads such praise barely
// positive). The writer's own state ("no sé", "no tengo cobertura") and an
// opinion ("no me convence") are not.
bool spanish_states_failure(const Document& doc) {
  static constexpr std::string_view kClitics[] = {"me", "te", "le", "les", "nos", "lo", "la", "los", "las", "se"};
  static constexpr std::string_view kThere[] = {"hay", "había", "hubo"};
  static constexpr std::string_view kPlural[] = {"an", "en", "aron", "ieron", "ían"};
  static constexpr std::string_view kSpans[] = {"horas", "día",    "días", "semana", "semanas",
                                                "mes",   "meses", "año",  "años"};
  static constexpr std::string_view kOrdinals[] = {"segundo", "segunda", "tercer", "tercero", "tercera",
                                                   "cuarto",  "cuarta",  "quinto", "quinta"};
  const bool thanks = std::any_of(doc.tokens.begin(), doc.tokens.end(), [](const Token& t) {
    return t.folded == "gracias" || t.folded.starts_with("agradec");
  });
  for (const Sentence& s : doc.sentences) {
    const auto first = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.first_token);
    const auto last = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.last_token);
    if (std::any_of(first, last, is_question_mark)) continue;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const std::string_view w = doc.tokens[i].folded;
      if (token_in_entity(doc, i)) continue;
      if (w == "nadie") return true;
      if (w == "sin" && !thanks && i > s.first_token && is_one_of(doc.tokens[i - 1].folded, kSpans)) return true;
      const std::string_view next = i + 1 < s.last_token ? doc.tokens[i + 1].folded : std::string_view();
      const bool again = (w == "otra" && next == "vez") || (w == "de" && next == "nuevo") ||
                         (is_one_of(w, kOrdinals) && (next == "vez" || is_one_of(next, kSpans)));
      if (!thanks && (w == "nunca" || again)) return true;
      if (w != "no") continue;
      size_t k = i + 1;
      while (k < s.last_token && k < i + 3 && is_one_of(doc.tokens[k].folded, kClitics)) ++k;
      if (k >= s.last_token || doc.tokens[k].kind != TokenKind::word) continue;
      const std::string_view verb = doc.tokens[k].folded;
      if (is_one_of(verb, kThere)) return true;
      if (verb.size() >= 3 && std::any_of(std::begin(kPlural), std::end(kPlural),
                                          [&](std::string_view e) { return verb.ends_with(e); })) {
        return true;
      }
    }
  }
  return false;
}

// English: does a statement of the post answered (a sentence without a
// question mark) say that nobody did something or that it never happened
// ("NOBODY has called me with results", "the night nurse never came"), that
// it happened again ("shut AGAIN on Tuesday", "Third week in a row"), or
// that it still has not ("STILL not sent", "Still no date")? A question
// ("Is nobody there?", "how long before I can drive again?") asks rather
// than tells.
bool english_states_failure(const Document& doc, const WordList& negations) {
  for (const Sentence& s : doc.sentences) {
    const auto first = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.first_token);
    const auto last = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.last_token);
    if (std::any_of(first, last, is_question_mark)) continue;
    bool still = false, negated = false;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      if (token_in_entity(doc, i)) continue;
      const std::string_view w = doc.tokens[i].folded;
      if (w == "nobody" || w == "never" || (w == "no" && i + 1 < s.last_token && doc.tokens[i + 1].folded == "one")) {
        return true;
      }
      // It happened again: "shut AGAIN on Tuesday", "Third week in a row".
      if (w == "again" || (w == "row" && i >= 2 && doc.tokens[i - 1].folded == "a" && doc.tokens[i - 2].folded == "in")) {
        return true;
      }
      still = still || w == "still";
      negated = negated || negations.contains(doc.tokens[i]);
    }
    if (still && negated) return true;
  }
  return false;
}

KindDecision reply_kind(const Analysis& a) {
  const std::string cue = a.in_reply_to ? "context.in_reply_to_text" : "context.reply_to";
  if (!a.in_reply_to) return {PostKind::reply, cue};
  if (answered_complains(a)) return {PostKind::reply_complaint, cue};
  if (has_question_mark(*a.in_reply_to)) return {PostKind::reply_question, cue};
  if (a.in_reply_to_sentiment.compound >= kPraiseSentiment) return {PostKind::reply_praise, cue};
  return {PostKind::reply, cue};
}

// "A1:", "Q3" opening the text: the tweet-chat way of numbering answers.
bool opens_with_chat_number(const Document& doc, Language language) {
  const size_t first = first_own_word(doc, 0, doc.tokens.size());
  if (first >= doc.tokens.size()) return false;
  const std::string_view w = doc.tokens[first].folded;
  // A Spanish chat numbers its questions P1 (pregunta) and answers R1 (respuesta).
  const bool label = w[0] == 'a' || w[0] == 'q' || (language == Language::es && (w[0] == 'r' || w[0] == 'p'));
  if (w.size() < 2 || w.size() > 3 || !label) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] < '0' || w[i] > '9') return false;
  }
  return true;
}

bool in_url_or_mention(const Document& doc, const PhraseMatch& m) {
  for (size_t i = m.first_token; i < m.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (in_list_of(doc.entities.urls, t) || in_list_of(doc.entities.mentions, t)) return true;
  }
  return false;
}

// A cue that tells its kind only as the post's headline ("Pharmacist wanted
// at...", "Se requiere médico general"; not "no se necesita seguro" further
// on): it starts within the first five words, and a one-word cue ends the
// headline's phrase ("Podiatrist wanted," but not "We wanted to say").
bool opens_post(const Document& doc, const PhraseMatch& m) {
  size_t words = 0;
  for (size_t i = first_own_word(doc, 0, doc.tokens.size()); i < m.first_token; ++i) {
    if (doc.tokens[i].kind == TokenKind::word && ++words >= 5) return false;
  }
  const bool one_word = m.last_token == m.first_token + 1;
  return !one_word || m.last_token >= doc.tokens.size() || doc.tokens[m.last_token].kind != TokenKind::word;
}

// Something happening now, here: a sentence that tells ("URGENT", "is
// affecting air quality", "today", "el río sigue subiendo") rather than asks
// or supposes ("if you have asthma", "si tiene fiebre"), in a post that
// rehearses no drill.
bool tells_of_now(const Document& doc, const std::vector<PhraseMatch>& cues) {
  if (std::any_of(cues.begin(), cues.end(), [](const PhraseMatch& c) { return c.phrase->note == "drill"; })) {
    return false;
  }
  // An alert's headline shouted in a sentence of its own, apart from the
  // step ("WE HAVE BEEN HACKED!!! ALL SYSTEMS DOWN. STAY AWAY..."): two
  // words or more, as a one-word "IMPORTANT!" or "NEW!" is a label.
  const bool shouted_headline = std::any_of(doc.sentences.begin(), doc.sentences.end(), [&](const Sentence& s) {
    int words = 0;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::word || token_in_entity(doc, i)) continue;
      if (!t.all_caps) return false;
      ++words;
    }
    return words >= 2 && std::none_of(cues.begin(), cues.end(), [&](const PhraseMatch& c) {
      return c.phrase->note == "safety-step" && c.first_token >= s.first_token && c.first_token < s.last_token;
    });
  });
  if (shouted_headline) return true;
  return std::any_of(cues.begin(), cues.end(), [&](const PhraseMatch& c) {
    if (c.phrase->note != "now" || in_url_or_mention(doc, c)) return false;
    const Sentence& s = sentence_of(doc, c.first_token);
    const auto first = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.first_token);
    const auto last = doc.tokens.begin() + static_cast<std::ptrdiff_t>(s.last_token);
    return std::none_of(first, last, is_question_mark) && std::none_of(cues.begin(), cues.end(), [&](const PhraseMatch& k) {
      return k.phrase->note == "condition" && k.first_token >= s.first_token && k.first_token < s.last_token;
    });
  });
}

// A name just before the cue: a capitalised word that does not open its
// sentence ("El Hospital Municipal de Tigre busca kinesiólogos", "... de
// Medellín contrata"), not the imperative a tip opens with ("Busca heridas").
bool after_name(const Document& doc, const PhraseMatch& m) {
  if (m.first_token == 0 || sentence_of(doc, m.first_token).first_token == m.first_token - 1) return false;
  const Token& t = doc.tokens[m.first_token - 1];
  return t.kind == TokenKind::word && !token_in_entity(doc, m.first_token - 1) && text::is_upper(doc.text[t.start]);
}

// The kind a cue tells where it stands. Beyond the kinds, a cue's note may
// say "recruiting": a call for people ("we're recruiting", "buscamos") is a
// job post unless its sentence names a study, when it recruits participants
// for research; "drill": a rehearsal ("simulacro", "fire drill") is an
// event, and the hazard it rehearses is no crisis cue in its sentence;
// "headline": a job cue only where it opens the post; "named-seeks": a
// call for people only where a name says who seeks ("El Hospital X busca"); "safety-step": a step
// that keeps the reader from a hazard ("stay indoors", "do not come",
// "absténgase") is a crisis notice's only where the post tells of something
// happening now (tells_of_now); a tip or an awareness post gives the same
// steps for some day.
PostKind cue_kind(const Document& doc, const std::vector<PhraseMatch>& cues, const PhraseMatch& m) {
  const size_t sentence = sentence_of(doc, m.first_token).first_token;
  const auto in_sentence = [&](std::string_view note) {
    return std::any_of(cues.begin(), cues.end(), [&](const PhraseMatch& c) {
      return c.phrase->note == note && sentence_of(doc, c.first_token).first_token == sentence &&
             !in_url_or_mention(doc, c);
    });
  };
  const std::string_view note = m.phrase->note;
  if (note == "recruiting" || (note == "named-seeks" && after_name(doc, m))) {
    return in_sentence("research") ? PostKind::research : PostKind::job;
  }
  if (note == "drill") return PostKind::event;
  if (note == "headline") return opens_post(doc, m) ? PostKind::job : PostKind::count;
  if (note == "safety-step") return tells_of_now(doc, cues) ? PostKind::crisis : PostKind::count;
  const PostKind k = post_kind_from_string(note);
  return k == PostKind::crisis && in_sentence("drill") ? PostKind::count : k;
}

}  // namespace

ComplaintReading read_complaint(const Analysis& a) {
  static const LocalizedWordList negations("lists/negations.tsv");
  ComplaintReading r;
  if (!a.in_reply_to) return r;
  const Document& post = *a.in_reply_to;
  const WordList& negation_words = negations.in(a.language);
  r.negative = a.in_reply_to_sentiment.compound <= kComplaintSentiment;
  r.words = builtin(List::tone_complaint, a.language).any(post);
  r.negation = std::any_of(post.tokens.begin(), post.tokens.end(), [&](const Token& t) { return negation_words.contains(t); });
  r.failure = a.language == Language::es ? spanish_states_failure(post) : r.negation;
  // English: a stated failure, unless the post reads as praise ("I've never
  // been looked after so kindly").
  const bool english_failure = a.language != Language::es &&
                               a.in_reply_to_sentiment.compound < kPraiseSentiment &&
                               english_states_failure(post, negation_words);
  r.complains = r.negative || r.words || (a.language == Language::es && r.failure) || english_failure;
  return r;
}

bool answered_complains(const Analysis& a) { return read_complaint(a).complains; }

std::string_view to_string(PostKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < kNames.size() ? kNames[i] : "general";
}

PostKind post_kind_from_string(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<PostKind>(i);
  }
  return PostKind::count;
}

std::optional<KindSet> parse_kinds(std::string_view text) {
  KindSet set = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t end = std::min(text.find(' ', i), text.size());
    std::string_view word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    const bool remove = word.front() == '-';
    if (remove) word.remove_prefix(1);
    KindSet named = 0;
    if (word == "any") {
      named = kAnyKind;
    } else if (word == "engagement") {
      named = kEngagementKinds;
    } else if (const PostKind k = post_kind_from_string(word); k != PostKind::count) {
      named = kind_bit(k);
    } else {
      return std::nullopt;
    }
    set = remove ? set & ~named : set | named;
  }
  return set;
}

KindDecision classify_post(const Analysis& a) {
  const Document& doc = a.doc;
  if (is_reply(a)) return reply_kind(a);
  if (doc.context && doc.context->retweet) return {PostKind::share, "context.retweet"};
  if (doc.context && doc.context->quote) return {PostKind::share, "context.quote"};
  if (doc.context && doc.context->thread_index > 0) return {PostKind::thread_later, "context.thread_index"};
  if (opens_with_chat_number(doc, a.language)) {
    const Token& t = doc.tokens[first_own_word(doc, 0, doc.tokens.size())];
    return {PostKind::chat_answer, std::string(t.text)};
  }
  // The text's cue of the first kind in PostKind order; the first such cue.
  const PhraseMatch* best = nullptr;
  PostKind best_kind = PostKind::count;
  const std::vector<PhraseMatch> cues = lists(a).find(List::kind_cues);
  for (const PhraseMatch& m : cues) {
    const PostKind k = cue_kind(doc, cues, m);
    if (k == PostKind::count || in_url_or_mention(doc, m)) continue;
    if (k < best_kind) {
      best_kind = k;
      best = &m;
    }
  }
  // A tweet-chat hashtag makes it a chat answer, unless a notice's cue says
  // more (a lockdown posted with #hcsm is still a lockdown).
  if (const auto& chats = chat_hashtags(a); !chats.empty() && best_kind > PostKind::service) {
    return {PostKind::chat_answer, "#" + chats.front()->text};
  }
  if (best) return {best_kind, doc.utf8(best->start, best->end)};
  // No cue: a post in press-release or sales language is a promotion; one
  // that gives the reader a step, a how-to or a resource is a tip.
  for (const List promo : {List::promo_press_release, List::promo_hard_sell}) {
    for (const PhraseMatch& m : lists(a).find(promo)) {
      if (!in_url_or_mention(doc, m)) return {PostKind::promotion, doc.utf8(m.start, m.end)};
    }
  }
  // Hype that heralds a discovery with no study named, by what it promises
  // the discovery could do ("BREAKTHROUGH! Our revolutionary new molecule
  // could be the end of Alzheimer's"), is research news told badly, which
  // promo.research-hype judges; not a clinic praised ("our revolutionary new
  // clinic opens Monday": promo.superlative's) nor a clinical term
  // ("breakthrough pain").
  const bool promises = std::any_of(cues.begin(), cues.end(), [&](const PhraseMatch& c) {
    return c.phrase->note == "promise" && !in_url_or_mention(doc, c);
  });
  const auto guards = lists(a).find(List::promo_research_hype_except);
  for (const PhraseMatch& m : promises ? lists(a).find(List::promo_research_hype) : std::vector<PhraseMatch>{}) {
    const bool guarded = std::any_of(guards.begin(), guards.end(),
                                     [&](const PhraseMatch& g) { return m.start < g.end && g.start < m.end; });
    if (!guarded && !in_url_or_mention(doc, m)) return {PostKind::research, doc.utf8(m.start, m.end)};
  }
  if (const auto helpful = find_helpful(a);
      helpful && helpful->kind != HelpfulKind::number && helpful->kind != HelpfulKind::option) {
    return {PostKind::tip, doc.utf8(helpful->start, helpful->end)};
  }
  return {PostKind::general, ""};
}

}  // namespace chime
