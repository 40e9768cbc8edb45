// Conversation (rules.md section 3; seed: "talk to them and ask them
// questions", "chime in", "Engage in conversations with individuals and in
// hashtag chats"). The good hints teach what works; talk.broadcast and
// talk.chat-suggest say how to start. Docs: docs/rules/talk.md; examples:
// tests/examples/talk.tsv.
#include <algorithm>
#include <optional>
#include <string>

#include "rules/empathy_structure.hpp"
#include "rules/features.hpp"
#include "rules/reply_context.hpp"
#include "rules/rule.hpp"
#include "rules/spanish_words.hpp"
#include "rules/value_helpful.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

void check_question(const Analysis& a, HintSink& sink) {
  for (size_t i : sincere_questions(a)) {
    const Sentence& s = a.doc.sentences[i];
    sink.add({"talk.question", Severity::good, s.start, s.end,
              sink.message("talk.question"), "", {}});
  }
}

void check_invite(const Analysis& a, HintSink& sink) {
  for (const PhraseMatch& m : invitations(a)) {
    if (match_in_entity(a.doc, m)) continue;
    sink.add({"talk.invite", Severity::good, m.start, m.end,
              sink.message("talk.invite", {a.doc.utf8(m.start, m.end)}), "", {}});
  }
}

void check_mention(const Analysis& a, HintSink& sink) {
  for (const Entity* m : conversational_mentions(a)) {
    sink.add({"talk.mention", Severity::good, m->start, m->end,
              sink.message("talk.mention", {m->text}), "", {}});
  }
}

// ---- talk.non-answer ----------------------------------------------------------

// A reply to a question with at most this many words beside its deflection
// and filler words (lists/non_answer_filler.txt) says nothing else.
constexpr int32_t kNonAnswerWords = 2;

bool has_digit(const Token& t) { return digit_count(t.text) > 0; }

// Does the reply open with a yes or a no (lists/answer_words.txt: "Yes!
// Call us to book" answers)?
bool opens_with_answer(const Analysis& a) {
  static const LocalizedWordList answers("lists/answer_words.txt");
  const size_t first = first_own_word(a.doc, 0, a.doc.tokens.size());
  return first < a.doc.tokens.size() && answers.in(a.language).contains(a.doc.tokens[first]);
}

// A digit outside the entities: an hour, a date, a price, a phone number
// (@FitAt50's digits are none).
bool own_digit(const Document& doc) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (has_digit(doc.tokens[i]) && !token_in_entity(doc, i)) return true;
  }
  return false;
}

// The deflection ("please check our website") or refusal ("we don't offer
// that") a reply to a question answers with, when it says nothing else: no
// link, no number, no yes or no, no tip or step, and at most
// kNonAnswerWords words of its own beside the phrase and filler words.
const PhraseMatch* listed_non_answer(const Analysis& a, std::vector<PhraseMatch>& found) {
  const ListMatches& matches = lists(a);
  if (!matches.hit(List::talk_non_answer)) return nullptr;
  const Document& doc = a.doc;
  found = matches.find(List::talk_non_answer);
  std::erase_if(found, [&](const PhraseMatch& m) { return match_in_entity(doc, m); });
  if (found.empty()) return nullptr;
  static const LocalizedWordList localized_filler("lists/non_answer_filler.txt");
  const WordList& filler = localized_filler.in(a.language);
  const bool refusal = std::any_of(found.begin(), found.end(), [](const PhraseMatch& m) { return m.phrase->note == "refuse"; });
  if (!refusal && opens_with_answer(a)) return nullptr;  // "Yes! Call us to book."
  int32_t words = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (token_in_entity(doc, i)) continue;  // @FitAt50's digits are no phone number
    if (has_digit(t)) return nullptr;        // an hour, a date, a phone number
    if (!is_wordlike(t) || filler.contains(t)) continue;
    const bool in_phrase = std::any_of(found.begin(), found.end(), [&](const PhraseMatch& m) {
      return i >= m.first_token && i < m.last_token;
    });
    if (!in_phrase && ++words > kNonAnswerWords) return nullptr;
  }
  return &found.front();
}

// A reply to a question that could have been sent to anyone: no link, no
// digit (an hour, a date, a price), no tip or step, no question back, no
// yes or no, no apology, and no word of the question taken up ("Please
// contact our office." to "do you take Medicaid?"; "Para más información
// comuníquese con nosotros." to "¿Tienen dermatólogo para niños?").
bool generic_non_answer(const Analysis& a) {
  if (a.language != Language::es && !reads_as_english(a)) return false;
  if (own_word_count_up_to(a.doc, 1) == 0) return false;
  if (opens_with_answer(a) || own_digit(a.doc)) return false;
  if (any_question(a) || !feeling_acknowledgements(a).empty() || lists(a).hit(List::tone_empathy)) return false;
  return !takes_up_post(a);
}

// A reply to a question that answers nothing: a listed deflection or
// refusal, or a reply that takes up nothing of the question.
struct NonAnswer {
  int32_t start = 0, end = 0;
  std::string_view key;  // message key
  std::string phrase;    // the deflection or refusal, for the message
};

std::optional<NonAnswer> non_answer(const Analysis& a) {
  if (a.kind != PostKind::reply_question || !a.doc.entities.urls.empty() || find_helpful(a)) return std::nullopt;
  std::vector<PhraseMatch> found;
  if (const PhraseMatch* m = listed_non_answer(a, found)) {
    const bool refusal = m->phrase->note == "refuse";
    return NonAnswer{m->start, m->end, refusal ? "talk.non-answer.refusal" : "talk.non-answer", a.doc.utf8(m->start, m->end)};
  }
  if (generic_non_answer(a)) {
    const size_t first = first_own_word(a.doc, 0, a.doc.tokens.size());
    return NonAnswer{a.doc.tokens[first].start, text_end(a.doc), "talk.non-answer.generic", {}};
  }
  return std::nullopt;
}

void check_non_answer(const Analysis& a, HintSink& sink) {
  const auto found = non_answer(a);
  if (!found) return;
  // Spanish: a reply that tells the person what to take answers them, too
  // personally ("mejor tómese media tableta" to "¿puedo tomarme menos?"):
  // the care rule's warning (care runs first) is the hint, not "answers
  // nothing", whatever words it shares with the question.
  if (a.language == Language::es && found->key == "talk.non-answer.generic" && has_problem(sink, "care.")) return;
  Hint h{"talk.non-answer", Severity::tip, found->start, found->end, "", "", {}};
  h.message = found->phrase.empty() ? sink.message(found->key) : sink.message(found->key, {found->phrase});
  h.suggestion = sink.message(found->key == "talk.non-answer.refusal" ? "talk.non-answer.refusal.do" : "talk.non-answer.do");
  sink.add(std::move(h));
}

// Spanish: does the reply thank the person for something they did:
// "gracias por" and an infinitive, its pronouns read off ("gracias por
// avisar", "gracias por tomarte el tiempo", "gracias por contárnoslo")?
// Thanks for a noun ("gracias por su comentario") is the stock phrase of
// tone.boilerplate, not an acknowledgement.
bool spanish_thanks_for_action(const Analysis& a) {
  const Document& doc = a.doc;
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].folded != "gracias" || doc.tokens[i + 1].folded != "por" || token_in_entity(doc, i + 2)) continue;
    if (spanish_infinitive(doc.tokens[i + 2].folded)) return true;
  }
  return false;
}

// English: does the reply thank the person for something they did:
// "thanks" or "thank you" (perhaps "so much") "for" and a word in -ing
// ("Thanks for having us", "thank you for coming")? Not for getting in
// touch ("thanks for reaching out", "for contacting us"): the stock thanks
// any message gets.
bool english_thanks_for_action(const Analysis& a) {
  static constexpr std::string_view kContacting[] = {"reaching", "contacting", "getting", "writing", "messaging"};
  const Document& doc = a.doc;
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    const std::string_view w = doc.tokens[i].folded;
    size_t k = i + 1;
    if (w == "thank" && doc.tokens[k].folded == "you") ++k;
    else if (w != "thanks") continue;
    if (k + 1 < doc.tokens.size() && doc.tokens[k].folded == "so" && doc.tokens[k + 1].folded == "much") k += 2;
    if (k + 1 >= doc.tokens.size() || doc.tokens[k].folded != "for" || token_in_entity(doc, k + 1)) continue;
    const std::string_view act = doc.tokens[k + 1].folded;
    if (act.size() > 5 && act.ends_with("ing") &&
        std::find(std::begin(kContacting), std::end(kContacting), act) == std::end(kContacting)) {
      return true;
    }
  }
  return false;
}

// Is the post answered, read as a complaint, a question too ("what actually
// happens at a sleep study? Nervous about it")?
bool complaint_asks(const Analysis& a) {
  if (a.kind != PostKind::reply_complaint || !a.in_reply_to) return false;
  return std::any_of(a.in_reply_to->tokens.begin(), a.in_reply_to->tokens.end(),
                     [](const Token& t) { return t.text == "?" || t.text == "\xef\xbc\x9f"; });
}

// A person writing as themselves ("I qualified eight years ago", "my son"),
// outside quotes: lists/personal_words.txt.
bool personal_voice(const Document& doc) {
  static const WordList& personal = WordList::builtin("lists/personal_words.txt");
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (personal.contains(doc.tokens[i]) && !token_in_entity(doc, i) && !in_quotes(doc, i)) return true;
  }
  return false;
}

// Does the reply hold a deflection of talk_non_answer.tsv (note
// "deflect": "on our website", "comuníquese con"; a refusal, "we don't
// offer X", may be the answer) outside its entities?
bool deflects(const Analysis& a) {
  const auto found = lists(a).find(List::talk_non_answer);
  return std::any_of(found.begin(), found.end(),
                     [&](const PhraseMatch& m) { return m.phrase->note == "deflect" && !match_in_entity(a.doc, m); });
}

// A reply of one sentence that sends the person elsewhere (a listed
// deflection: "All clinic information is available online", "Buen día,
// comuníquese con nuestra línea de atención") with no link, no number and
// no yes or no: however many words it has, and whatever they name, it
// answers nothing. A reply that says something else in a sentence of its
// own ("That's a great idea. ... our leaflet is on our website") may.
bool sends_elsewhere(const Analysis& a) {
  const Document& doc = a.doc;
  if (!doc.entities.urls.empty() || !deflects(a)) return false;
  const auto said = std::count_if(doc.sentences.begin(), doc.sentences.end(), [&](const Sentence& s) {
    return first_own_word(doc, s.first_token, s.last_token) < s.last_token;
  });
  return said == 1 && !opens_with_answer(a) && !own_digit(doc);
}

// What a reply does for the person answered (a reply earns credit for
// these, not for being a reply): their message keys.
std::vector<std::string_view> reply_actions(const Analysis& a) {
  const ListMatches& matches = lists(a);
  auto outside = [&](List list) {
    for (const PhraseMatch& m : matches.find(list)) {
      if (!match_in_entity(a.doc, m)) return true;
    }
    return false;
  };
  const bool complaint_told = read_complaint(a).tells();
  std::vector<std::string_view> actions;
  if (outside(List::talk_reply_acknowledge) || (a.language == Language::es && spanish_thanks_for_action(a)) ||
      (a.language != Language::es && english_thanks_for_action(a))) {
    actions.push_back("talk.reply.acknowledges");
  }
  // English: also an apology or acknowledgement in the reply's own words
  // ("That's really stressful", "Sorry for the hassle"): tone.empathy's test.
  if ((outside(List::tone_empathy) && !outside(List::tone_empathy_not)) || !feeling_acknowledgements(a).empty()) {
    actions.push_back("talk.reply.empathises");
  }
  if (outside(List::tone_private_channel)) actions.push_back("talk.reply.private-channel");
  // An answer to a question: something useful (a fact, a number, a how-to),
  // a link to it, or a statement of a few words ("Yes, it is open until 6").
  // Without the text answered, a reply may be an answer too.
  constexpr int32_t kAnswerWords = 4;
  const bool may_answer = a.kind == PostKind::reply_question || (a.kind == PostKind::reply && !a.in_reply_to);
  if (may_answer && !non_answer(a) && !sends_elsewhere(a) &&
      (find_helpful(a) || !a.doc.entities.urls.empty() ||
       (!any_question(a) && own_word_count_up_to(a.doc, kAnswerWords) >= kAnswerWords))) {
    actions.push_back("talk.reply.answers");
  } else if (complaint_asks(a) && !lists(a).hit(List::talk_non_answer) &&
             (find_helpful(a) || !a.doc.entities.urls.empty())) {
    // A post answered that asks is read as a complaint by its words
    // ("¿La vacuna de fiebre amarilla tiene costo?": fiebre; "Nervous about
    // it"); the reply that gives the fact, the number or the link answers
    // it, not a pointer elsewhere ("Consulte nuestra web").
    actions.push_back("talk.reply.answers");
  } else if (a.language == Language::es && a.in_reply_to && a.kind != PostKind::reply_question &&
             !complaint_told && !lists(a).hit(List::talk_non_answer) &&
             (find_helpful(a) || !a.doc.entities.urls.empty()) && takes_up_post(a)) {
    // Spanish: a reply that takes up what the person said and adds the
    // fact, the step or the link ("Un matiz: el brote fue de conjuntivitis
    // viral...", "la PrEP se consigue gratis en...") carries the
    // conversation on. Not in answer to what went wrong ("Nadie me devolvió
    // la llamada"): a fact alone there argues or explains it away ("se
    // cortó por la conexión de tu lado").
    actions.push_back("talk.reply.informs");
  }
  // Else a reply to a post that neither asks nor tells what went
  // wrong (a peer's point, news, thanks; in English also one read as a complaint by its
  // tone alone, "Hot take: half of uncontrolled COPD is bad inhaler
  // technique") builds on it when it takes up a word of it and says
  // something of its own ("Agree. In our respiratory clinic the biggest
  // change was checking inhaler technique"). Not when the person tells, in
  // the first person, what happened to them ("Charged a $60 fee because I
  // was 10 mins late. Unreal."): their own grievance, which a reply takes
  // up by apologising or answering, not by reusing its words ("Arrivals
  // more than 10 minutes late are treated as cancellations"). Spanish
  // (es13): to a plain post or praise ("¡Gracias, Dra. Cecilia! Sí,
  // usaremos su infografía..."); a Spanish complaint is read by its
  // structure, which tells what went wrong.
  const bool statement_answered =
      a.kind == PostKind::reply || a.kind == PostKind::reply_praise ||
      (a.language != Language::es && a.kind == PostKind::reply_complaint && !complaint_told &&
       !(a.in_reply_to && personal_voice(*a.in_reply_to)));
  // Not a reply that points elsewhere ("Our autism service offers a range
  // of support. Details are on the website." to a parent's news): it takes
  // the word up to send them away.
  if (actions.empty() && statement_answered && a.in_reply_to && !deflects(a) &&
      own_word_count_up_to(a.doc, kAnswerWords) >= kAnswerWords && takes_up_post(a)) {
    actions.push_back("talk.reply.takes-up");
  }
  return actions;
}

void check_reply(const Analysis& a, HintSink& sink) {
  if (!is_reply(a)) return;
  auto actions = reply_actions(a);
  // A reply a care rule (run before talk) flags for telling the person's
  // care takes up their words too closely to be praised for it; one that
  // answers with a claim or personal advice a care rule warns of
  // ("Absolutely! Our TRT is 100% safe at any age") answers nothing.
  if (has_problem(sink, "care.")) std::erase(actions, "talk.reply.takes-up");
  // Nor is its private channel a credit: "DM us to book" sells the claim.
  if (content_is_care_harm(sink)) {
    std::erase(actions, "talk.reply.answers");
    std::erase(actions, "talk.reply.private-channel");
  }
  // Spanish: a reply that argues with the person (tone.defensive, which
  // runs first) answers nothing, however many words it has ("No es así:
  // el sistema funciona perfectamente").
  // Its "entendemos su molestia" only opens the defence: no credit either.
  if (a.language == Language::es && has_problem(sink, "tone.defensive")) actions.clear();
  // Spanish: nor does a reply that takes the person's words up to sell
  // ("¡Nuestra clínica es la número 1 del condado...!", a promo problem).
  if (a.language == Language::es && has_problem(sink, "promo.")) std::erase(actions, "talk.reply.takes-up");
  // Spanish: the fact a reply adds is no credit when it is the person's
  // care told in public or personal advice (a care rule's problem).
  if (a.language == Language::es && has_problem(sink, "care.")) std::erase(actions, "talk.reply.informs");
  // English: a reply that recites stock phrases, argues or answers a
  // question with nothing (tone.boilerplate, tone.defensive, a stock phrase
  // to a post that tells a complaint; a non-answer) is credited only for an
  // apology in its own right (tone.empathy's finding): its "thanks for
  // reaching out" acknowledges nobody, its "please call the office" or "DM
  // us" is part of the brush-off, and its words answer nothing. Spanish:
  // the same for a non-answer ("Para más información comuníquese con
  // nosotros").
  const bool brush_off = a.language == Language::es
                             ? non_answer(a).has_value() || has_problem(sink, "tone.boilerplate")
                             : has_problem(sink, "tone.boilerplate") || has_problem(sink, "tone.defensive") ||
                                   non_answer(a) || (read_complaint(a).tells() && lists(a).hit(List::tone_boilerplate));
  if (brush_off) {
    // The apology tone.empathy (which runs first) found: not a stock phrase.
    const bool apology = std::any_of(sink.hints().begin(), sink.hints().end(), [](const Hint& h) { return h.rule == "tone.empathy"; });
    std::erase_if(actions, [&](std::string_view k) { return k != "talk.reply.empathises" || !apology; });
  }
  if (actions.empty()) return;
  std::string what = sink.message(actions[0]);
  for (size_t i = 1; i < actions.size(); ++i) {
    what = sink.message(i + 1 == actions.size() ? "list.and" : "list.comma", {what, sink.message(actions[i])});
  }
  sink.add({"talk.reply", Severity::good, 0, text_end(a.doc), sink.message("talk.reply", {what}), "", {}});
}

// Spanish: a share whose own words say nothing in a few words ("Lean
// esto, es importante 👇") adds no voice to the conversation it shares; a
// share with no words of its own (a plain retweet) still spreads it.
bool spanish_empty_share(const Analysis& a) {
  constexpr int32_t kShareWords = 5;
  if (a.language != Language::es) return false;
  const int32_t words = own_word_count_up_to(a.doc, kShareWords);
  return words > 0 && words < kShareWords;
}

void check_share(const Analysis& a, HintSink& sink) {
  if (!is_share(a) || spanish_empty_share(a)) return;
  // Spanish: a share that spreads a health claim or personal advice (a
  // care rule's problem, which runs first: "Totalmente de acuerdo: el
  // suero de graviola cura el cáncer") adds a voice to the harm, not to
  // the conversation.
  if (a.language == Language::es && has_problem(sink, "care.")) return;
  // Nor does a share whose own words announce the account's own news
  // (promo.press-release, which runs first: "Nos enorgullece compartir que
  // nuestro CEO fue reconocido..."): it quotes itself a press release.
  if (has_problem(sink, "promo.press-release")) return;
  const bool quote = a.doc.context->quote;
  sink.add({"talk.share", Severity::good, 0, text_end(a.doc),
            sink.message(quote ? "talk.share.quote" : "talk.share"),
            "", {}});
}

void check_chat(const Analysis& a, HintSink& sink) {
  for (const Entity* tag : chat_hashtags(a)) {
    sink.add({"talk.chat", Severity::good, tag->start, tag->end,
              sink.message("talk.chat", {tag->text}),
              "", {}});
  }
}

// ---- talk.broadcast: one concrete question that fits the text ---------------

// A word of the list (a WordListBit) outside entities.
bool has_word_from(const Analysis& a, uint8_t list) {
  if ((word_lists_seen(a) & list) == 0) return false;  // no token is in the list
  const auto& bits = word_lists(a);
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    if ((bits[i] & list) && !in_entity(a.doc, a.doc.tokens[i])) return true;
  }
  return false;
}

// Which kind of question fits: an event, a topic, a tip, or none (a stock
// question that fits nothing in the post would make it worse).
std::string_view opener_kind(const Analysis& a, const std::vector<TopicMatch>& topic_list) {
  if (has_word_from(a, kEventWord)) return "event";
  if (!topic_list.empty()) return "topic";
  if (has_word_from(a, kTipWord)) return "tip";
  return {};
}

// The question, or empty when none fits; `storage` holds it when a topic is
// filled in.
std::string_view opener_question(const Analysis& a, std::string& storage) {
  const auto& topic_list = topics(a);
  const std::string_view kind = opener_kind(a, topic_list);
  if (kind.empty()) return {};
  static const auto& english = data_rows("lists/talk_openers.tsv");
  static const auto& spanish = data_rows(data_file("lists/talk_openers.tsv", Language::es));
  for (const auto& row : a.language == Language::es ? spanish : english) {
    if (row.size() < 2 || row[0] != kind) continue;
    const std::string& q = row[1];
    const size_t at = q.find("{topic}");
    if (at == std::string::npos) return q;
    storage = q;
    storage.replace(at, 7, topic_list.front().topic(a.language));  // written into the post: its language
    return storage;
  }
  return {};
}

// The text with `question` added at its end (after any link: a question
// followed by a link reads as a teaser), or empty if that would not fit.
std::string with_question(const Analysis& a, std::string_view question) {
  const Document& doc = a.doc;
  const int32_t added = static_cast<int32_t>(question.size()) + 2;  // ASCII question + separator (at most 2)
  if (doc.length.weighted + added > doc.length.max) return {};
  const int32_t end = text_end(doc);
  std::string text;
  if (!doc.utf8_source.empty()) {
    // The caller's bytes without the trailing whitespace (each unit of it a
    // BMP character: one to three bytes), copied once into a string with
    // room for the question.
    size_t bytes = doc.utf8_source.size();
    for (size_t i = static_cast<size_t>(end); i < doc.text.size(); ++i) {
      const char16_t c = doc.text[i];
      bytes -= c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    text.reserve(bytes + 2 + question.size());
    text.assign(doc.utf8_source.substr(0, bytes));
  } else {
    text = span_utf8(doc, 0, end);
  }
  if (text.empty()) return std::string(question);
  const Token& last = doc.tokens.back();
  // Closing quotes and brackets after the full stop: 'said, "We care."'
  const size_t last_mark = text.find_last_not_of("\")'\xe2\x80\x9d\x99");  // " ) ' ” ’
  const char end_mark = last_mark == std::string::npos ? ' ' : text[last_mark];
  const bool ends_sentence = end_mark == '.' || end_mark == '!' || end_mark == '?' || end_mark == ':';
  // After a link, a hashtag or an emoji the question goes on a line of its
  // own: a sentence break that does not touch the link.
  const bool ends_with_tag = in_entity(doc, last) || last.kind == TokenKind::emoji;
  text += ends_with_tag ? "\n" : ends_sentence ? " " : ". ";
  text += question;
  return text;
}

// A detail a reader can act on, outside @handles and hashtags: a link, or
// a word or number with a digit (a time "9am", a date, a count, a phone
// number "555-0142", "24/7"), but not an ordinal ("our 5th year").
bool gives_details(const Document& doc) {
  if (!doc.entities.urls.empty()) return true;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::number && t.kind != TokenKind::word) continue;
    const std::string_view f = t.folded;
    if (digit_count(f) == 0 || token_in_entity(doc, i)) continue;
    const bool ordinal = f.size() > 2 && (f.ends_with("st") || f.ends_with("nd") || f.ends_with("rd") || f.ends_with("th")) &&
                         f[f.size() - 3] >= '0' && f[f.size() - 3] <= '9';
    if (!ordinal) return true;
  }
  return false;
}

void check_broadcast(const Analysis& a, HintSink& sink) {
  if (opens_conversation(a) || a.doc.tokens.empty()) return;
  // A post that gives readers a tip, a step or a resource (value.helpful)
  // is useful one-way: the nag is for posts that neither give nor ask.
  const auto helpful = find_helpful(a);
  if (helpful && helpful->kind != HelpfulKind::number) return;
  // The nag is for the empty announcement ("We opened our new wing. Our
  // team is proud."): a post with details a reader can use (a number, a
  // time, a link) is a notice, and a person's own story in the first person
  // is a human voice; a thread's first part promises what follows.
  if (helpful || a.kind == PostKind::thread_first || gives_details(a.doc) || personal_voice(a.doc)) {
    return;
  }
  // A question added to a post with a privacy, claim or promotion problem
  // would raise its score without fixing it; an English question does not
  // belong in a post in another language (a Spanish post gets a Spanish one).
  const bool safe_to_rewrite = !has_problem(sink, "care.") && !has_problem(sink, "promo.") &&
                               (a.language == Language::es || reads_as_english(a));
  std::string storage;
  const std::string_view question = safe_to_rewrite ? opener_question(a, storage) : std::string_view();
  std::vector<std::string> replacements;
  if (question.empty()) {
    sink.add({"talk.broadcast", Severity::tip, 0, text_end(a.doc), sink.message("talk.broadcast"),
              sink.message("talk.broadcast.do"), {}});
    return;
  }
  if (std::string rewritten = with_question(a, question); !rewritten.empty()) replacements.push_back(std::move(rewritten));
  sink.add({"talk.broadcast", Severity::tip, 0, text_end(a.doc),
            sink.message("talk.broadcast"), sink.message("talk.broadcast.do-question", {question}),
            std::move(replacements)});
}

void check_chat_suggest(const Analysis& a, HintSink& sink) {
  if (is_reply(a) || !chat_hashtags(a).empty()) return;
  // A chat is no place for an ad or a doubtful health claim.
  if (has_problem(sink, "promo.") || has_problem(sink, "care.")) return;
  const auto& found = topics(a);
  if (found.empty()) return;
  const TopicMatch& t = found.front();
  // A topic inside a hashtag ("#nursing"): the span is the whole hashtag, so
  // the rewrite ("#nursing #nurchat") never cuts into it.
  int32_t start = t.start, end = t.end;
  for (const Entity& tag : a.doc.entities.hashtags) {
    if (tag.start < end && start < tag.end) {
      start = std::min(start, tag.start);
      end = std::max(end, tag.end);
    }
  }
  const size_t limit = static_cast<size_t>(a.doc.config ? a.doc.config->max_hashtags : Config{}.max_hashtags);
  std::vector<std::string> replacements;
  if (a.doc.entities.hashtags.size() < limit) replacements.push_back(around_span(a.doc, "", start, end, concat({" #", t.chat})));
  sink.add({"talk.chat-suggest", Severity::tip, start, end,
            sink.message("talk.chat-suggest", {t.topic(sink.message_language()), t.chat}),
            sink.message("talk.chat-suggest.do", {t.chat}),
            std::move(replacements)});
}

constexpr RuleCheck kChecks[] = {
    {"talk.question", check_question},
    {"talk.invite", check_invite},
    {"talk.mention", check_mention},
    {"talk.reply", check_reply},
    {"talk.non-answer", check_non_answer},
    {"talk.share", check_share},
    {"talk.chat", check_chat},
    {"talk.broadcast", check_broadcast},
    {"talk.chat-suggest", check_chat_suggest},
};

}  // namespace

std::span<const RuleCheck> talk_checks() { return kChecks; }

}  // namespace chime
