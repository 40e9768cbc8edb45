// Tone (rules.md section 5; seed: "be transparent, possibly address
// criticisms openly and honestly", "not all of those people will be happy
// with you").
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "match/phrases.hpp"
#include "readability.hpp"
#include "rules/empathy_structure.hpp"
#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/reply_context.hpp"
#include "rules/rule.hpp"
#include "rules/value_helpful.hpp"

namespace chime {

namespace {

// tone.sentiment: a broadcast whose compound sentiment is at or below this is
// "strongly negative". VADER calls anything below -0.05 negative; -0.6 keeps
// the hint for posts that read as bad news throughout (a plain warning such
// as "Flu can be serious" scores about -0.1 to -0.4), not for every
// mention of illness.
constexpr double kStronglyNegative = -0.6;

// tone.reading-level: Flesch-Kincaid swings wildly on a few words ("Vaccination
// appointments available." is grade 17), so short texts are not graded.
constexpr int32_t kMinWordsForGrade = 12;
// Words of this many syllables or more are named in the suggestion.
constexpr int32_t kLongWordSyllables = 4;
// count_syllables counts groups of vowels, and a group needs a letter between
// it and the next: a word that short has fewer syllables, uncounted.
constexpr size_t kLongWordMinBytes = 2 * kLongWordSyllables - 1;

// "-0.72" from a value already rounded to 3 decimals: integer arithmetic, so
// native and wasm print the same digits.
std::string two_decimals(double v) {
  long hundredths = std::lround(v * 100);
  std::string sign = hundredths < 0 ? "-" : "";
  hundredths = std::labs(hundredths);
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return sign + std::to_string(hundredths / 100) + "." + frac;
}

// "12.3" (grades are never negative); "8" rather than "8.0".
std::string grade_text(double v) {
  long tenths = std::lround(v * 10);
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
  }
  return out;
}

// Does one of the jargon phrase's plain alternatives appear in the text?
// The alternatives of every jargon phrase are compiled together on first use.
bool explained(const Document& doc, const Phrase* jargon, Language language) {
  struct Plain {
    std::vector<Phrase> phrases;  // every alternative of every jargon phrase
    std::vector<size_t> begin;    // where each jargon phrase's alternatives start; one more at the end
  };
  auto compile = [](Language lang) {
    Plain p;
    std::vector<std::string_view> texts;
    for (const Phrase& j : builtin(List::jargon, lang).phrases()) {
      p.begin.push_back(texts.size());
      texts.insert(texts.end(), j.replacements.begin(), j.replacements.end());
    }
    p.begin.push_back(texts.size());
    p.phrases = PhraseList::compile(texts);
    return p;
  };
  static const Plain english = compile(Language::en), spanish = compile(Language::es);
  const Plain& plain = language == Language::es ? spanish : english;
  const auto index = static_cast<size_t>(jargon - builtin(List::jargon, language).phrases().data());
  for (size_t k = plain.begin[index]; k < plain.begin[index + 1]; ++k) {
    const Phrase& p = plain.phrases[k];
    if (p.tokens.empty()) continue;
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (p.matches_at(doc, i, doc.tokens.size())) return true;
    }
  }
  return false;
}

bool any_outside_entities(const ListMatches& matches, List list) {
  for (const PhraseMatch& m : matches.find(list)) {
    if (!match_in_entity(matches.doc(), m)) return true;
  }
  return false;
}

// Broadcast here: not a reply, not a share, no @mention, no question.
bool is_broadcast(const Analysis& a) {
  if (is_public_reply(a.doc) || is_share(a) || !a.doc.entities.mentions.empty()) return false;
  return !any_question(a);
}

void check_sentiment(const Analysis& a, HintSink& sink) {
  // The score itself is always reported as Result::sentiment.
  if (a.doc.tokens.empty() || a.sentiment.compound > kStronglyNegative || !is_broadcast(a)) return;
  // Hard news that already tells readers what to do ("Sepsis kills 270,000
  // a year. Know the signs: ...") is what the suggestion asks for.
  if (find_helpful(a)) return;
  // ... or says what to do ("should go straight to triage", "call 911").
  for (const PhraseMatch& m : lists(a).find(List::crisis_essentials)) {
    if (m.phrase->note == "action" && !match_in_entity(a.doc, m)) return;
  }
  sink.add({"tone.sentiment", Severity::tip, 0, text_end(a.doc),
            sink.message("tone.sentiment", {two_decimals(a.sentiment.compound)}), sink.message("tone.sentiment.do"), {}});
}

std::vector<PhraseMatch> defensive_matches(const Analysis& a) {
  std::vector<PhraseMatch> found = rule_phrases(a, "tone.defensive", List::tone_defensive);
  if (is_public_reply(a.doc)) {
    for (const PhraseMatch& m : lists(a).find(List::tone_defensive_reply)) {
      bool inside = false;
      for (const PhraseMatch& f : found) inside = inside || (m.start < f.end && f.start < m.end);
      if (!inside) found.push_back(m);
    }
  }
  std::erase_if(found, [&](const PhraseMatch& m) { return match_in_entity(a.doc, m); });
  return found;
}

// Spanish: does the word end as a verb in the preterite ("pagó", "asistió",
// "llamaste", "trajiste", "cancelaron", "vinieron")?
bool spanish_preterite(const Token& t) {
  if (t.kind != TokenKind::word) return false;
  const std::string_view w = t.folded;
  if (w.size() < 4) return false;
  return w.ends_with("\u00f3") || w.ends_with("aste") || w.ends_with("iste") || w.ends_with("aron") ||
         w.ends_with("ieron");
}

// Spanish, in a public reply: the reader's own failing told back to them,
// by grammar rather than by verb: "usted", "tú" (or "tu"), "vos" or
// "ustedes", then "no" and a verb in the preterite ("usted no canceló a
// tiempo", "vos no trajiste la orden"), or a past duty ("usted debió llamar", "tú tenías
// que traerla"). Not "debería": "usted debería recibir una llamada" is a
// promise. Not after "si": "si usted no recibió el SMS" is a condition.
// The span is the pronoun to the verb.
std::vector<std::pair<size_t, size_t>> spanish_blames(const Analysis& a) {
  static constexpr std::string_view kSubjects[] = {"usted", "ud", "tú", "tu", "vos", "ustedes", "uds"};
  static constexpr std::string_view kPastDuties[] = {"debió", "debía", "debiste", "debías", "debieron", "debían"};
  static constexpr std::string_view kHadTo[] = {"tenía", "tenías", "tenían"};  // with "que"
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language != Language::es || !is_public_reply(doc)) return out;
  for (size_t i = 0; i + 1 < doc.tokens.size(); ++i) {
    if (!is_one_of(doc.tokens[i].folded, kSubjects) || token_in_entity(doc, i)) continue;
    if (i > 0 && doc.tokens[i - 1].folded == "si") continue;  // a condition: "si usted no recibió el SMS, escríbanos"
    size_t k = i + 1;
    if (k < doc.tokens.size() && doc.tokens[k].folded == "ya") ++k;  // "usted ya debía saberlo"
    if (k < doc.tokens.size() && is_one_of(doc.tokens[k].folded, kPastDuties)) {
      out.emplace_back(i, k);
      continue;
    }
    if (k + 1 < doc.tokens.size() && is_one_of(doc.tokens[k].folded, kHadTo) && doc.tokens[k + 1].folded == "que") {
      out.emplace_back(i, k + 1);
      continue;
    }
    if (k + 1 >= doc.tokens.size() || doc.tokens[k].folded != "no") continue;
    ++k;
    if (k + 1 < doc.tokens.size() && (doc.tokens[k].folded == "se" || doc.tokens[k].folded == "nos" ||
                                      doc.tokens[k].folded == "lo" || doc.tokens[k].folded == "la")) {
      ++k;  // "usted no se presentó", "no nos avisó"
    }
    if (spanish_preterite(doc.tokens[k])) out.emplace_back(i, k);
  }
  return out;
}

// Spanish: a non-apology told by its structure, regret for how the person
// took it rather than for what happened: "lamentamos", "sentimos",
// "lamento" or "siento", "que", perhaps a pronoun of address and an
// object or reflexive pronoun, perhaps "haya", then a verb of perceiving
// or interpreting ("Lamentamos que usted lo perciba de esa manera",
// "sentimos que lo hayas interpretado así"; "Lamentamos que hayas
// esperado tanto" regrets the wait). The span is the regret to the verb.
std::vector<std::pair<size_t, size_t>> spanish_non_apologies(const Analysis& a) {
  static constexpr std::string_view kRegrets[] = {"lamentamos", "sentimos", "lamento", "siento"};
  static constexpr std::string_view kSkipped[] = {"usted", "tú", "vos", "ustedes", "lo", "la", "se", "te", "os",
                                                  "haya", "hayas", "hayan", "hayáis"};
  static constexpr std::string_view kPerceiving[] = {"percib", "interpret"};
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language != Language::es) return out;
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (!is_one_of(doc.tokens[i].folded, kRegrets) || doc.tokens[i + 1].folded != "que") continue;
    size_t k = i + 2;
    while (k < doc.tokens.size() && k < i + 6 && is_one_of(doc.tokens[k].folded, kSkipped)) ++k;
    if (k >= doc.tokens.size()) break;
    const std::string_view verb = doc.tokens[k].folded;
    if (std::any_of(std::begin(kPerceiving), std::end(kPerceiving), [&](std::string_view stem) { return verb.starts_with(stem); })) {
      out.emplace_back(i, k);
    }
  }
  return out;
}

// English: the same non-apology, "sorry" then perhaps "that" or "if",
// "you" and a verb of perceiving ("We're sorry you feel our volunteer was
// rude", "sorry if you thought we were dismissive"; "sorry you waited so
// long" regrets the wait). The span is "sorry" to the verb.
std::vector<std::pair<size_t, size_t>> english_non_apologies(const Analysis& a) {
  static constexpr std::string_view kPerceiving[] = {"feel", "felt", "think", "thought", "believe", "found", "perceive", "perceived"};
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language == Language::es) return out;
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].folded != "sorry") continue;
    size_t k = i + 1;
    if (doc.tokens[k].folded == "that" || doc.tokens[k].folded == "if") ++k;
    if (k + 1 >= doc.tokens.size() || doc.tokens[k].folded != "you") continue;
    const std::string_view verb = doc.tokens[k + 1].folded;
    if (is_one_of(verb, kPerceiving)) out.emplace_back(i, k + 1);
  }
  return out;
}

// Spanish, in a public reply to a complaint (or, for a charge or a refund,
// to a post that raised one): the institution's position held against the
// person, by structure (word roles in
// es/lists/defended_positions.tsv): a charge upheld, its noun right before
// a verb that says it stands ("El cargo corresponde", "la multa procede";
// "el cobro no corresponde" grants the claim); a refund denied, "no", the
// verb, perhaps an article, the refund ("no corresponde el reintegro", "no
// procede la devolución"); and the rules recited at them, a rule's noun
// then, perhaps after "es" or "muy", a verb that states it or "claro" ("el
// reglamento es claro", "la normativa establece") or cited at them, after
// "según" or a verb of reading ("Según las condiciones de su plan", "le
// sugerimos leer su contrato"). The span is the noun and the verb.
std::vector<std::pair<size_t, size_t>> spanish_positions_held(const Analysis& a) {
  enum Role : uint8_t { kCharge = 1, kRefund = 2, kRule = 4, kStands = 8, kStates = 16, kCites = 32 };
  static const WordList& all = WordList::builtin("es/lists/defended_positions.tsv");
  static const std::map<std::string, uint8_t, std::less<>> roles = [] {
    static const std::map<std::string_view, uint8_t> names = {
        {"charge", kCharge}, {"refund", kRefund}, {"rule", kRule},
        {"stands", kStands}, {"states", kStates}, {"cites", kCites}};
    std::map<std::string, uint8_t, std::less<>> out;
    for (const auto& row : data_rows("es/lists/defended_positions.tsv")) {
      if (row.size() < 2) continue;
      if (auto n = names.find(row[1]); n != names.end()) out[row[0]] |= n->second;
    }
    return out;
  }();
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language != Language::es || !is_public_reply(doc) || !a.in_reply_to) return out;
  const auto role_in = [&](const Document& d, size_t i) -> uint8_t {
    if (i >= d.tokens.size() || !all.contains(d.tokens[i])) return 0;
    const auto r = roles.find(d.tokens[i].folded);
    return r == roles.end() ? 0 : r->second;
  };
  const auto role = [&](size_t i) { return role_in(doc, i); };
  // A charge or refund held against the person who raised one ("me
  // rechazó el reintegro") needs no other sign of a complaint.
  bool raised = false;
  for (size_t i = 0; i < a.in_reply_to->tokens.size() && !raised; ++i) raised = role_in(*a.in_reply_to, i) & (kCharge | kRefund);
  const bool complains = read_complaint(a).complains;
  if (!complains && !raised) return out;
  static constexpr std::string_view kArticles[] = {"el", "la", "los", "las", "su", "sus", "tu", "tus"};
  const auto is_article = [&](size_t i) {
    return i < doc.tokens.size() && std::find(std::begin(kArticles), std::end(kArticles), doc.tokens[i].folded) != std::end(kArticles);
  };
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const uint8_t r = role(i);
    if (!r || token_in_entity(doc, i)) continue;
    if ((r & kRule) && !complains) continue;
    if ((r & kCharge) && (role(i + 1) & kStands)) {
      out.emplace_back(i, i + 1);
    } else if ((r & kStands) && i > 0 && doc.tokens[i - 1].folded == "no") {
      const size_t noun = is_article(i + 1) ? i + 2 : i + 1;
      if (role(noun) & kRefund) out.emplace_back(i - 1, noun);
    } else if (r & kCites) {  // "según el reglamento", "le sugerimos leer su contrato"
      const size_t noun = is_article(i + 1) ? i + 2 : i + 1;
      if (complains && (role(noun) & kRule)) out.emplace_back(i, noun);
    } else if (r & kRule) {
      size_t k = i + 1;
      while (k < doc.tokens.size() && k <= i + 2 && (doc.tokens[k].folded == "es" || doc.tokens[k].folded == "muy")) ++k;
      if (role(k) & kStates) out.emplace_back(i, k);
    }
  }
  return out;
}

// English, in a public reply: fault denied to the person, a negation and,
// within three words, an error, a mistake or a fault ("This was not a
// pharmacy error", "It isn't our fault"). Not "no" ("No errors were found
// in the sample" reports a result). Not when
// the fault denied is theirs ("This was not your fault" reassures), nor in
// a question. The span is the negation to the noun.
std::vector<std::pair<size_t, size_t>> english_fault_denials(const Analysis& a) {
  static constexpr std::string_view kFaults[] = {"error", "errors", "mistake", "mistakes", "fault"};
  static const WordList& negations = WordList::builtin("lists/negations.tsv");
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language == Language::es || !is_public_reply(doc)) return out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    // "No errors were found in the sample" reports; "not" denies.
    if (!negations.contains(doc.tokens[i]) || doc.tokens[i].folded == "no" || doc.tokens[i].folded == "nothing" ||
        token_in_entity(doc, i)) {
      continue;
    }
    for (size_t k = i + 1; k < doc.tokens.size() && k <= i + 3; ++k) {
      const std::string_view w = doc.tokens[k].folded;
      if (w == "your" || w == "you" || doc.tokens[k].kind == TokenKind::punct) break;
      if (std::find(std::begin(kFaults), std::end(kFaults), w) == std::end(kFaults)) continue;
      if (!ends_with_question_mark(doc, sentence_of(doc, i))) out.emplace_back(i, k);
      break;
    }
  }
  return out;
}

// No apology or acknowledgement in the reply ("We're so sorry, the rule
// should have been clear").
bool unapologetic(const Analysis& a) {
  return !any_outside_entities(lists(a), List::tone_empathy) && feeling_acknowledgements(a).empty();
}

// A modal in the sentence: a promise, not a defence ("We'll make sure it's
// filed properly").
bool has_modal(const Document& doc, const Sentence& sentence) {
  static constexpr std::string_view kModals[] = {"will", "won't", "would", "can", "can't", "could", "should", "shall", "must"};
  for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const std::string_view w = doc.tokens[i].folded;
    if (std::find(std::begin(kModals), std::end(kModals), w) != std::end(kModals) || w.ends_with("'ll") ||
        w.ends_with("\u2019ll")) {
      return true;
    }
  }
  return false;
}

// English, in a public reply with no apology: the organisation vouching for
// itself in a statement about itself (a word of lists/self_words.txt: "we",
// "our"): its own information was clear ("Our terms are clear", "The route
// is clearly explained on our site") or it acted rightly, said by the
// sentence's last word (lists/correctness_adverbs.tsv: "our clinic follows
// the protocol exactly"). Not a promise (a modal: "we'll do it properly"),
// nor a question. The span is the sentence's own words.
std::vector<std::pair<size_t, size_t>> english_self_vindications(const Analysis& a) {
  static constexpr std::string_view kBe[] = {"is", "are", "was", "were"};
  static const WordList& self = WordList::builtin("lists/self_words.txt");
  static const WordList& correctly = WordList::builtin("lists/correctness_adverbs.tsv");
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language == Language::es || !is_public_reply(doc) || !unapologetic(a)) return out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (ends_with_question_mark(doc, sentence) || has_modal(doc, sentence)) continue;
    bool about_us = false, vouches = false;
    size_t first = sentence.last_token, last = sentence.first_token;
    for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::word || token_in_entity(doc, i)) continue;
      first = std::min(first, i);
      last = i;
      about_us = about_us || self.contains(t);
      const std::string_view next = i + 1 < sentence.last_token ? doc.tokens[i + 1].folded : "";
      vouches = vouches || (t.folded == "clear" && i > 0 && is_one_of(doc.tokens[i - 1].folded, kBe)) ||
                (t.folded == "clearly" && (next.ends_with("ed") || next.ends_with("en") || next.ends_with("wn")));
    }
    if (first < last && correctly.contains(doc.tokens[last])) vouches = true;
    if (about_us && vouches) out.emplace_back(first, last);
  }
  return out;
}

// English, in a public reply with no apology to a post that complains: the
// rules recited at the person: a word that puts what is done under rules
// (lists/conformity_words.tsv, or "in line with") and, within five words
// after it, the rules (lists/rule_nouns.tsv): "refunds follow hospital
// policy", "operates in accordance with all applicable national standards",
// "Please refer to our booking terms". Not in a question. The span is the
// conformity word to the rules.
std::vector<std::pair<size_t, size_t>> english_rule_recitals(const Analysis& a) {
  constexpr size_t kWindow = 5;
  static const WordList& conformity = WordList::builtin("lists/conformity_words.tsv");
  static const WordList& rules = WordList::builtin("lists/rule_nouns.tsv");
  std::vector<std::pair<size_t, size_t>> out;
  const Document& doc = a.doc;
  if (a.language == Language::es || !is_public_reply(doc) || !read_complaint(a).complains || !unapologetic(a)) return out;
  for (const Sentence& sentence : doc.sentences) {
    if (ends_with_question_mark(doc, sentence)) continue;
    for (size_t i = sentence.first_token; i < sentence.last_token; ++i) {
      const std::string_view w = doc.tokens[i].folded;
      const bool in_line_with = w == "line" && i > sentence.first_token && doc.tokens[i - 1].folded == "in" &&
                                i + 1 < sentence.last_token && doc.tokens[i + 1].folded == "with";
      if ((!conformity.contains(doc.tokens[i]) && !in_line_with) || token_in_entity(doc, i)) continue;
      size_t k = i + 1;
      while (k < sentence.last_token && k <= i + kWindow && !rules.contains(doc.tokens[k])) ++k;
      if (k < sentence.last_token && k <= i + kWindow) {
        out.emplace_back(in_line_with ? i - 1 : i, k);
        break;  // one a sentence
      }
    }
  }
  return out;
}

void check_defensive(const Analysis& a, HintSink& sink) {
  const ComplaintReading answered = read_complaint(a);
  const bool complaint = answered.complains;
  auto phrases = defensive_matches(a);
  // Spanish: "funciona bien" contradicts a reader who said something does
  // not work (a complaint, or any negation: "¿Por qué nunca atiende nadie?");
  // alone, in answer to a post that denies nothing ("¿La cita por video la
  // puedo hacer desde el celular?"), it is the answer. Beside another
  // defensive phrase ("no es así: el sistema funciona perfectamente") it
  // still argues.
  if (a.language == Language::es && a.in_reply_to && !complaint && phrases.size() == 1 &&
      phrases.front().phrase->note == "contradicts the reader" && !answered.negation) {
    phrases.clear();
  }
  for (const PhraseMatch& m : phrases) {
    Hint h{"tone.defensive", Severity::warning, m.start, m.end, "", "", {}};
    const std::string what = a.doc.utf8(m.start, m.end);
    h.message = sink.message(complaint ? "tone.defensive.complaint" : "tone.defensive", {what});
    h.suggestion = sink.message("tone.defensive.do");
    for (const std::string& r : m.phrase->replacements) h.replacements.push_back(match_case(a.doc.utf8(m.start, m.end), r));
    sink.add(std::move(h));
  }
  auto blames = spanish_blames(a);
  for (const auto& held : spanish_positions_held(a)) blames.push_back(held);
  for (const auto& regret : spanish_non_apologies(a)) blames.push_back(regret);
  for (const auto& regret : english_non_apologies(a)) blames.push_back(regret);
  for (const auto& denial : english_fault_denials(a)) blames.push_back(denial);
  for (const auto& vouching : english_self_vindications(a)) blames.push_back(vouching);
  for (const auto& recital : english_rule_recitals(a)) blames.push_back(recital);
  for (const auto& [from, to] : blames) {
    const int32_t start = a.doc.tokens[from].start, end = a.doc.tokens[to].end;
    if (std::any_of(phrases.begin(), phrases.end(), [&](const PhraseMatch& m) { return m.start < end && start < m.end; })) continue;
    Hint h{"tone.defensive", Severity::warning, start, end, "", "", {}};
    h.message = sink.message(complaint ? "tone.defensive.complaint" : "tone.defensive", {a.doc.utf8(start, end)});
    h.suggestion = sink.message("tone.defensive.do");
    sink.add(std::move(h));
  }
}

// "Sorry, but ..." takes the apology back.
bool followed_by_but(const Document& doc, const PhraseMatch& m) {
  for (size_t i = m.last_token; i < doc.tokens.size() && i < m.last_token + 3; ++i) {
    if (doc.tokens[i].folded == "but") return true;
    if (doc.tokens[i].kind != TokenKind::punct) return false;
  }
  return false;
}

void check_empathy(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  // The context says it is a reply: an @mention opening a broadcast is not
  // an answer to anyone's complaint.
  if (!is_reply(a)) return;
  // A reply that tells the person's care in public (a care rule, run first:
  // "your mother's INR came back at 4.8... Sorry for the wait!") is no
  // model of empathy, however it apologises.
  if (has_problem(sink, "care.confirms-patient") || has_problem(sink, "care.patient-privacy")) return;
  const ListMatches& matches = lists(a);
  auto empathy = matches.find(List::tone_empathy);
  // English: an apology or acknowledgement in the reply's own words, read
  // from its structure ("we're really sorry", "That's really stressful").
  for (const PhraseMatch& m : feeling_acknowledgements(a)) empathy.push_back(m);
  if (empathy.empty()) return;
  const auto defensive = defensive_matches(a);
  auto boilerplate = matches.find(List::tone_empathy_not);
  // English: a stock phrase of tone.boilerplate is no apology either ("We
  // thank you for your patience" to a complaint).
  if (a.language != Language::es) {
    for (const PhraseMatch& m : matches.find(List::tone_boilerplate)) boilerplate.push_back(m);
  }
  // The non-apologies ("sorry you feel that way"), found once for all the
  // matches below.
  auto regrets = spanish_non_apologies(a);
  for (const auto& regret : english_non_apologies(a)) regrets.push_back(regret);
  for (const PhraseMatch& m : empathy) {
    if (match_in_entity(doc, m) || followed_by_but(doc, m)) continue;
    if (ends_with_question_mark(doc, sentence_of(doc, m.first_token))) continue;  // "I'm sorry, who is this?"
    bool non_apology = false;  // "sorry you feel that way"
    for (const PhraseMatch& d : defensive) non_apology = non_apology || (m.start < d.end && d.start < m.end);
    for (const PhraseMatch& b : boilerplate) non_apology = non_apology || (m.start < b.end && b.start < m.end);
    for (const auto& [from, to] : regrets) {
      non_apology = non_apology || (m.start < doc.tokens[to].end && doc.tokens[from].start < m.end);
    }
    if (non_apology) continue;
    Hint h{"tone.empathy", Severity::good, m.start, m.end, "", "", {}};
    if (any_outside_entities(matches, List::tone_private_channel)) {
      h.message = sink.message("tone.empathy.private-channel");
    } else {
      h.message = sink.message("tone.empathy");
      h.suggestion = sink.message("tone.empathy.do");
    }
    sink.add(std::move(h));
    return;  // one strength is enough to show
  }
}

// English clinical shorthand by its shape: a short capitalised token with no
// vowel ("HTN", "CKD", "PRN") or an initialism with a lower-case letter
// inside or a lower-case "i" after it ("HFrEF", "eGFR", "SGLT2i"): not a
// word a reader can sound out, nor a plural ("GPs"). Acronyms the public
// knows (lists/acronyms.txt: NHS, CDC, GP, TX, CST) are kept quiet. Three
// to five capitals with a vowel ("PTA", "DKA", "ABR") may be a word in
// capitals or an acronym a reader knows: an initialism, which counts only
// in a cluster, never alone in a reply (shorthand_tokens).
enum class Shape { none, initialism, shorthand };
Shape shorthand_shape(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return Shape::none;
  if (w[0] >= 'a' && w[1] >= 'a') return Shape::none;  // most words: "the", "clinic" (no initialism opens so)
  int upper = 0, lower = 0, vowels = 0, digits = 0;
  for (const char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (std::string_view("AEIOUY").find(c) != std::string_view::npos) ++vowels;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    } else if (c >= '0' && c <= '9') {
      ++digits;
    } else {
      return Shape::none;
    }
  }
  if (upper < 2) return Shape::none;
  if (lower == 0) {
    if (digits > 0) return Shape::none;  // "B12"
    if (vowels == 0) return Shape::shorthand;  // "HTN"
    return w.size() >= 3 && w.size() <= 5 ? Shape::initialism : Shape::none;  // "DKA"; not "FREEDOM"
  }
  if (w.back() == 's' && lower == 1) return Shape::none;  // "GPs", "RNs"
  // "HFrEF", "eGFR", "SGLT2i", "ACEi"; not "McDonald"
  return lower <= upper - 1 ? Shape::shorthand : Shape::none;
}

// Is token i next to another word in capitals ("SAN DIEGO", "THIS IS NOT
// TRUE"): shouting, not an initialism?
bool within_capitals(const Document& doc, size_t i) {
  const auto caps = [&](size_t k) {
    return k < doc.tokens.size() && doc.tokens[k].kind == TokenKind::word && doc.tokens[k].all_caps &&
           doc.tokens[k].folded.size() >= 2;
  };
  return (i > 0 && caps(i - 1)) || caps(i + 1);
}

// A post with at least this many distinct shorthand-shaped tokens is
// written in clinical shorthand ("ENT referrals are prioritised per ESPI
// criteria, with FSA booking within the CPAC threshold"): one or two may be
// a qualification, a department or a code ("GNM/BSc nurses", "HR block").
constexpr int kShorthandCluster = 3;

// The shorthand-shaped tokens outside entities and the jargon list's
// matches, when there are kShorthandCluster distinct ones (Spanish since
// es9, beside es/lists/public_acronyms.tsv).
std::vector<size_t> shorthand_tokens(const Analysis& a, const std::vector<PhraseMatch>& listed) {
  std::vector<size_t> out, shorthand;
  static const WordList& acronyms = WordList::builtin("lists/acronyms.txt");
  static const WordList& spanish_acronyms = WordList::builtin("es/lists/public_acronyms.tsv");
  const Document& doc = a.doc;
  const auto in_brackets = [&](size_t i) {
    return i > 0 && i + 1 < doc.tokens.size() && doc.tokens[i - 1].text == "(" && doc.tokens[i + 1].text == ")";
  };
  std::vector<std::string_view> distinct, distinct_shorthand;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word) continue;
    const Shape shape = shorthand_shape(t.text);
    if (shape == Shape::none || acronyms.contains(t) || token_in_entity(doc, i)) continue;
    // Spanish: nor one the public knows, nor one explained, in brackets
    // after its words ("la vacuna contra sarampión (SPR)"), nor a Roman
    // numeral ("fase III").
    const bool roman = t.text.find_first_not_of("IVX") == std::string_view::npos;
    if (a.language == Language::es && (spanish_acronyms.contains(t) || in_brackets(i) || roman)) continue;
    if (shape == Shape::initialism && within_capitals(doc, i)) continue;
    if (std::any_of(listed.begin(), listed.end(), [&](const PhraseMatch& m) { return i >= m.first_token && i < m.last_token; })) {
      continue;
    }
    out.push_back(i);
    if (std::find(distinct.begin(), distinct.end(), t.text) == distinct.end()) distinct.push_back(t.text);
    if (shape != Shape::shorthand) continue;
    shorthand.push_back(i);
    if (std::find(distinct_shorthand.begin(), distinct_shorthand.end(), t.text) == distinct_shorthand.end()) {
      distinct_shorthand.push_back(t.text);
    }
  }
  if (distinct.size() >= static_cast<size_t>(kShorthandCluster)) return out;
  // In a reply, one shorthand token is enough when the person did not write
  // it: they asked in plain words and get "Refer to the PDS." back.
  const bool reply_shorthand =
      a.in_reply_to && std::none_of(distinct_shorthand.begin(), distinct_shorthand.end(), [&](std::string_view w) {
        return std::any_of(a.in_reply_to->tokens.begin(), a.in_reply_to->tokens.end(), [&](const Token& t) { return t.text == w; });
      });
  if (reply_shorthand && !distinct_shorthand.empty()) return shorthand;
  return {};
}

// English: research statistics in their notation, which tells a lay
// reader nothing: a p-value ("p<0.01", "P = .03": the letter p alone, a
// comparison and a number) and a confidence interval ("95% CI"). Token
// ranges [first, last].
std::vector<std::pair<size_t, size_t>> statistics_notation(const Analysis& a) {
  std::vector<std::pair<size_t, size_t>> out;
  if (a.language == Language::es) return out;
  const Document& doc = a.doc;
  const auto is = [&](size_t i, std::string_view text) { return i < doc.tokens.size() && doc.tokens[i].text == text; };
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (token_in_entity(doc, i)) continue;
    const Token& t = doc.tokens[i];
    if (t.folded == "p" && (is(i + 1, "<") || is(i + 1, "=") || is(i + 1, ">") || is(i + 1, "\u2264"))) {
      size_t k = i + 2;
      if (is(k, ".") && k + 1 < doc.tokens.size()) ++k;  // "p < .001"
      if (doc.tokens[k].kind == TokenKind::number) out.emplace_back(i, k);
    } else if (t.kind == TokenKind::number && is(i + 1, "%") && is(i + 2, "CI")) {
      out.emplace_back(i, i + 2);
    }
  }
  return out;
}

void check_jargon(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  for (const auto& [first, last] : statistics_notation(a)) {
    const int32_t start = doc.tokens[first].start, end = doc.tokens[last].end;
    sink.add({"tone.jargon", Severity::tip, start, end, sink.message("tone.jargon.statistics", {doc.utf8(start, end)}),
              sink.message("tone.jargon.do"), {}});
  }
  const auto listed = lists(a).find(List::jargon);
  for (size_t i : shorthand_tokens(a, listed)) {
    const Token& t = doc.tokens[i];
    sink.add({"tone.jargon", Severity::tip, t.start, t.end, sink.message("tone.jargon.shorthand", {t.text}),
              sink.message("tone.jargon.do"), {}});
  }
  for (const PhraseMatch& m : listed) {
    if (match_in_entity(doc, m) || m.phrase->replacements.empty()) continue;
    // "SOB" is shorthand for shortness of breath; "sob" is a word.
    if (m.phrase->note == "caps" && !std::all_of(doc.tokens.begin() + static_cast<std::ptrdiff_t>(m.first_token),
                                                 doc.tokens.begin() + static_cast<std::ptrdiff_t>(m.last_token),
                                                 [](const Token& t) { return t.all_caps; })) {
      continue;
    }
    // "hypertension (high blood pressure)": already explained.
    if (explained(doc, m.phrase, a.language)) continue;
    const std::string original = doc.utf8(m.start, m.end);
    Hint h{"tone.jargon", Severity::tip, m.start, m.end, "", "", {}};
    h.message = sink.message("tone.jargon", {original, m.phrase->replacements.front()});
    h.suggestion = sink.message("tone.jargon.do");
    // An acronym's capitals say nothing about the sentence: "NPO" -> "nothing by mouth".
    const bool acronym = m.phrase->note != "corporate" && m.phrase->note != "medical";
    for (const std::string& r : m.phrase->replacements) h.replacements.push_back(acronym ? r : match_case(original, r));
    sink.add(std::move(h));
  }
}

// A reply to a complaint that could have been sent to anyone, whatever its
// wording ("We appreciate you reaching out! Wishing you a lovely weekend!";
// "Estimado usuario, le recordamos que puede realizar sus reclamos a través
// de la OIRS"): it takes up no word of what the person wrote
// (takes_up_post) and gives nothing of its own: no apology or empathy, no
// defensive phrase (tone.defensive says more), no pointer to the person's
// own clinician (care_advice_safe.tsv, the answer care.advice asks for), no
// private channel, no question back, no digit (an hour, a date: "by 6pm
// today"), no link; and no care rule (run before tone) has flagged it for
// telling the person's care, which is specific, if too much so.
struct StockAnswerReading {
  // The post answered must tell what went wrong (complaint words or a
  // negation: ComplaintReading::tells), not only read negative as the kind
  // asks: English, where "Next stop @Maternity" reads negative. A Spanish
  // complaint is read by its structure already ("no hay insulina").
  bool needs_told_complaint;
  std::string_view message;
};
constexpr StockAnswerReading kEnglishStockAnswer{true, "tone.boilerplate.generic"};
constexpr StockAnswerReading kSpanishStockAnswer{false, "tone.boilerplate.unanswered"};

// The kind (reply-complaint) has read the post answered as a complaint.
const StockAnswerReading* stock_answer(const Analysis& a, const HintSink& sink) {
  const Document& doc = a.doc;
  const bool spanish = a.language == Language::es;
  const StockAnswerReading& reading = spanish ? kSpanishStockAnswer : kEnglishStockAnswer;
  if (!a.in_reply_to || (!spanish && !reads_as_english(a))) return nullptr;
  if (own_word_count_up_to(doc, 1) == 0) return nullptr;  // no words of its own: form.link-only's
  if (!doc.entities.urls.empty() || (reading.needs_told_complaint && !read_complaint(a).tells())) return nullptr;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (digit_count(doc.tokens[i].text) > 0 && !token_in_entity(doc, i)) return nullptr;
  }
  const ListMatches& matches = lists(a);
  if (any_outside_entities(matches, List::tone_empathy) || !feeling_acknowledgements(a).empty() ||
      !defensive_matches(a).empty() || !spanish_blames(a).empty() || !spanish_positions_held(a).empty() ||
      !english_fault_denials(a).empty() || !english_self_vindications(a).empty() ||
      any_outside_entities(matches, List::care_advice_safe) ||
      any_outside_entities(matches, List::tone_private_channel) || any_question(a)) {
    return nullptr;
  }
  const bool tells_care = has_problem(sink, "care.");
  return tells_care || takes_up_post(a) ? nullptr : &reading;
}

// Stock phrases and policy recitals in answer to a complaint: the person
// hears that nobody listened. One hint, on the first; else a reply that
// answers nothing the person said, from its first own word to its end.
void check_boilerplate(const Analysis& a, HintSink& sink) {
  for (const PhraseMatch& m : lists(a).find(List::tone_boilerplate)) {
    if (match_in_entity(a.doc, m)) continue;
    sink.add({"tone.boilerplate", Severity::warning, m.start, m.end,
              sink.message("tone.boilerplate", {a.doc.utf8(m.start, m.end)}), sink.message("tone.boilerplate.do"),
              {}});
    return;
  }
  if (const StockAnswerReading* stock = stock_answer(a, sink)) {
    const size_t first = first_own_word(a.doc, 0, a.doc.tokens.size());
    sink.add({"tone.boilerplate", Severity::warning, a.doc.tokens[first].start, text_end(a.doc),
              sink.message(stock->message), sink.message("tone.boilerplate.do"), {}});
  }
}

void check_reading_level(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  const double target = doc.config ? doc.config->reading_grade : Config{}.reading_grade;
  if (a.readability.words < kMinWordsForGrade || a.readability.grade <= target ||
      (a.language != Language::es && !reads_as_english(a))) {
    return;
  }
  // Name up to three long words, in text order, as places to start.
  std::array<std::string_view, 3> long_words;
  size_t long_count = 0;
  for (size_t i = 0; i < doc.tokens.size() && long_count < long_words.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word || t.folded.size() < kLongWordMinBytes || token_in_entity(doc, i) ||
        (a.language == Language::es ? count_spanish_syllables(t.folded) : count_syllables(t.folded)) <
            kLongWordSyllables) {
      continue;
    }
    if (std::find(long_words.begin(), long_words.begin() + long_count, t.text) == long_words.begin() + long_count) {
      long_words[long_count++] = t.text;
    }
  }
  std::string words;  // "“a”, “b” or “c”"
  for (size_t i = 0; i < long_count; ++i) {
    const std::string word = sink.message("tone.reading-level.word", {long_words[i]});
    words = i == 0 ? word : sink.message(i + 1 == long_count ? "list.or" : "list.comma", {words, word});
  }
  sink.add({"tone.reading-level", Severity::tip, 0, text_end(doc),
            sink.message("tone.reading-level", {grade_text(a.readability.grade), grade_text(target)}),
            long_count == 0 ? sink.message("tone.reading-level.do") : sink.message("tone.reading-level.do-words", {words}),
            {}});
}

const RuleCheck kChecks[] = {
    {"tone.sentiment", check_sentiment},
    {"tone.defensive", check_defensive},
    {"tone.empathy", check_empathy},
    {"tone.boilerplate", check_boilerplate},
    {"tone.jargon", check_jargon},
    {"tone.reading-level", check_reading_level},
};

}  // namespace

std::span<const RuleCheck> tone_checks() { return kChecks; }

}  // namespace chime
