// care.confirms-patient (rules.md section 6): a public reply that confirms
// a person's care (a visit, a result, a prescription, a bill) to everyone
// who reads it (docs/rules/care.md).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "match/phrases.hpp"
#include "rules/care_advice.hpp"
#include "rules/care_confirms.hpp"
#include "rules/care_privacy.hpp"
#include "rules/care_terms.hpp"
#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/rule.hpp"

namespace chime {

namespace {

size_t care_fact_at(const Analysis& a, const Sentence& s, size_t i);

// How many words may stand between "your" and what the clinic holds
// ("your lumbar MRI", "your follow-up blood test results": 3).
constexpr size_t kCareNounReach = 3;

// Does a post speak of the writer's relative ("my brother Ben": "my" then a
// relation word)?
bool speaks_of_kin(const Document& doc) {
  for (size_t k = 0; k + 1 < doc.tokens.size(); ++k) {
    if (doc.tokens[k].folded == "my" && is_kin(doc.tokens[k + 1], Language::en)) return true;
  }
  return false;
}

// If token i is "your" (or, when `third_person`, "his", "her" or "their":
// the reply answers someone who asked about a relative) followed within
// kCareNounReach words by a care-record noun (lists/care_record_nouns.tsv),
// a procedure or a diagnosis, that noun's last token; else 0. A relation
// word after "your" does not use up the reach ("your daughter's eye test
// results").
size_t care_noun_after_your(const Analysis& a, size_t i, bool third_person) {
  const Document& doc = a.doc;
  const std::string_view w = doc.tokens[i].folded;
  const bool opener = w == "your" || (third_person && (w == "his" || w == "her" || w == "their"));
  if (!opener || token_in_entity(doc, i)) return 0;
  const Sentence& s = sentence_of(doc, i);
  const size_t reach = kCareNounReach + (i + 1 < s.last_token && is_kin(doc.tokens[i + 1], a.language) ? 1 : 0);
  for (size_t k = i + 1; k < s.last_token && k <= i + reach; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) return 0;  // punctuation ends the phrase
    if (token_in_entity(doc, k)) return 0;
    if (const size_t fact = care_fact_at(a, s, k)) return fact;
  }
  return 0;
}

// Is a word of `list` among tokens [first, last), outside links, mentions
// and hashtags?
bool any_listed(const Document& doc, const WordList& list, size_t first, size_t last) {
  for (size_t k = first; k < last; ++k) {
    if (list.contains(doc.tokens[k]) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// Does the sentence say what happened to it (lists/care_findings.tsv:
// ready, done, back, booked, normal, high...)?
bool has_finding(const Document& doc, const Sentence& s) {
  static const WordList& findings = WordList::builtin("lists/care_findings.tsv");
  return any_listed(doc, findings, s.first_token, s.last_token);
}

// Does a post speak of its writer or their family in the first person
// (es/lists/first_person.tsv: mi, mis, me, yo)?
bool speaks_of_self(const Document& doc) {
  static const WordList& self = WordList::builtin("es/lists/first_person.tsv");
  return any_listed(doc, self, 0, doc.tokens.size());
}

// Is token i a care-record noun, a procedure or a diagnosis starting there
// (the hand lists or the WordNet classes), or (with a finding in its
// sentence) a medicine? Its last token, else 0.
size_t care_fact_at(const Analysis& a, const Sentence& s, size_t i) {
  static const WordList& nouns = WordList::builtin("lists/care_record_nouns.tsv");
  const Document& doc = a.doc;
  const Token& t = doc.tokens[i];
  if (token_in_entity(doc, i)) return 0;
  if (nouns.contains(t)) return i;
  for (List list : {List::procedures, List::diagnoses}) {
    if (const Phrase* p = lists(a).starting_at(list, i)) return i + p->tokens.size() - 1;
  }
  // Any condition or procedure of the WordNet classes ("your gastritis",
  // "your vasectomy", "your biopsies"): care_terms.hpp.
  if (care_term(t, a.language) != CareTerm::none) return i;
  if (is_medicine(t, Language::en) && has_finding(doc, s)) return i;
  return 0;
}

// English, in a reply: the first token of words that tie a care fact to the
// person answered without "your": a titled name's possessive ("Mr. Joshi's
// angiography reports are ready") or "see you for/at" ("See you for round
// 3 on the 19th"), with a care fact (care_fact_at) within a few words; and
// that fact's last token. Nothing when neither.
std::optional<std::pair<size_t, size_t>> care_tied_to_person(const Analysis& a, const Sentence& s) {
  static const WordList& honorifics = WordList::builtin("lists/honorifics.tsv");
  static const WordList& nouns = WordList::builtin("lists/care_record_nouns.tsv");
  const Document& doc = a.doc;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (token_in_entity(doc, i)) continue;
    size_t from = s.last_token;
    if (t.folded == "see" && i + 1 < s.last_token && doc.tokens[i + 1].folded == "you") {
      // Only a care record or a course ("see you for round 3", "at the
      // scan"): the procedures list names places too ("see you at the ward
      // open day").
      for (size_t k = i + 2; k < s.last_token && k <= i + 1 + kCareNounReach; ++k) {
        const Token& n = doc.tokens[k];
        if (n.kind != TokenKind::word && n.kind != TokenKind::number) break;
        if (nouns.contains(n) && !token_in_entity(doc, k)) return std::pair{i, k};
      }
      continue;
    } else if (t.folded.ends_with("'s") && i >= 1) {
      size_t h = i - 1;
      if (doc.tokens[h].text == "." && h >= 1) --h;
      if (honorifics.contains(doc.tokens[h])) from = i + 1;
    }
    if (from == s.last_token) continue;
    for (size_t k = from; k < s.last_token && k <= from + kCareNounReach; ++k) {
      if (doc.tokens[k].kind != TokenKind::word && doc.tokens[k].kind != TokenKind::number) break;
      if (const size_t fact = care_fact_at(a, s, k)) return std::pair{i, fact};
    }
  }
  return std::nullopt;
}

// Spanish: does a reply's sentence tell the person's care, whatever its
// words? It speaks of the person or their family (es/lists/confirms_person:
// "su", "tu", "estáis"), of a care record or a procedure or stay
// (es/lists/confirms_record, lists/procedures: "cita", "resultados",
// "cesárea", "UCI") and of what it says or what happened
// (es/lists/confirms_finding: "salió", "aparece", "revisamos", "después",
// or any preterite or stated participle: spanish_happened):
// "el Papanicolaou de su esposa ya está listo y salió normal". Not after
// "si" or "cuando" (care_confirms_generic), which make it general. The
// token of the record or procedure, or nothing.
// Spanish: does token k say that something happened, by its grammar: a
// verb in the third-person preterite ("llegó", "salió", "se reprogramó"),
// or a participle after a verb that states it ("fue aprobada", "está
// confirmada", "ha sido enviado", "ya quedó listo" is in the list)?
bool spanish_happened(const Document& doc, size_t k) {
  static constexpr std::string_view kStating[] = {"fue", "fueron", "está", "están", "sido", "ya", "quedó", "quedaron"};
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::word) return false;
  const std::string_view w = t.folded;
  if (w.size() >= 5 && w.ends_with("\u00f3")) return w != "debi\u00f3";  // a duty, not an event: "nadie debió cobrarle"
  if (k == 0 || w.size() < 6) return false;
  const bool participle = w.ends_with("ado") || w.ends_with("ada") || w.ends_with("ados") || w.ends_with("adas") ||
                          w.ends_with("ido") || w.ends_with("ida") || w.ends_with("idos") || w.ends_with("idas");
  const std::string_view before = doc.tokens[k - 1].folded;
  return participle && std::find(std::begin(kStating), std::end(kStating), before) != std::end(kStating);
}

std::optional<size_t> spanish_care_told(const Analysis& a, const Sentence& s) {
  static const WordList& person = WordList::builtin("es/lists/confirms_person.tsv");
  static const WordList& record = WordList::builtin("es/lists/confirms_record.tsv");
  static const WordList& finding = WordList::builtin("es/lists/confirms_finding.tsv");
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  const auto own = [&](size_t k, const WordList& list) { return list.contains(doc.tokens[k]) && !token_in_entity(doc, k); };
  std::optional<size_t> told;
  // The post answered speaks of the writer's own care ("mis análisis", "me
  // operaron", "mi hijo"): the reply's record and finding are theirs even
  // without su or tu.
  bool has_person = a.in_reply_to && speaks_of_self(*a.in_reply_to);
  bool has_finding = false;
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (!told && (own(k, record) || matches.any(List::procedures, k, k + 1))) {
      if (matches.any(List::care_confirms_generic, s.first_token, k)) return std::nullopt;
      told = k;
    }
    has_person = has_person || own(k, person);
    has_finding = has_finding || ((own(k, finding) || (spanish_happened(doc, k) && !token_in_entity(doc, k))) &&
                                  !negated(doc, k, a.language));  // "no revisamos resultados aquí"
  }
  if (told && has_person && has_finding) return told;
  return std::nullopt;
}

// Spanish: does the post name a person by who they are ("a la usuaria
// Leidy Johana Ríos", "la familia Huamán Quispe")? A post that then tells
// their record confirms their care as a reply would.
bool spanish_introduces_person(const Analysis& a) {
  static const WordList& person = WordList::builtin("es/lists/person_nouns.tsv");
  static const WordList& kin = WordList::builtin("es/lists/kin_nouns.tsv");
  const Document& doc = a.doc;
  for (size_t k = 0; k + 1 < doc.tokens.size(); ++k) {
    if ((person.contains(doc.tokens[k]) || kin.contains(doc.tokens[k])) && !token_in_entity(doc, k) &&
        is_person_name(doc, k + 1, a.language)) {
      return true;
    }
  }
  return false;
}
}  // namespace

void check_confirms_patient(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  const bool spanish_named = a.language == Language::es && spanish_introduces_person(a);
  if (!is_public_reply(doc) && !spanish_named) return;
  const ListMatches& matches = lists(a);
  const Sentence* first = nullptr;
  const Sentence* last = nullptr;
  std::string example;
  for (const PhraseMatch& m : matches.find(List::care_confirms)) {
    if (match_in_entity(doc, m)) continue;
    const Sentence& s = sentence_of(doc, m.first_token);
    if (ends_with_question_mark(doc, s)) continue;
    // "If your test results...", "how to read your chart": general, not about this person.
    size_t from = std::max(s.first_token, m.first_token >= 3 ? m.first_token - 3 : size_t{0});
    if (matches.any(List::care_confirms_generic, from, m.first_token)) continue;
    if (!first) {
      first = &s;
      example = doc.utf8(m.start, m.end);
    }
    last = &s;
  }
  // The same confirmation in words no list holds: "your" and, within a few
  // words, something the clinic holds about this person (a record noun, a
  // procedure, a diagnosis): "your lumbar MRI from the 2nd", "your
  // angioplasty went smoothly". English only.
  if (a.language != Language::es) {
    // "did my brother Ben get to his appointment?" -> "Ben made it to his
    // appointment": the relative's care, told in the third person.
    const bool about_kin = a.in_reply_to && speaks_of_kin(*a.in_reply_to);
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const size_t noun = care_noun_after_your(a, i, about_kin);
      if (noun == 0) continue;
      const Sentence& s = sentence_of(doc, i);
      if (ends_with_question_mark(doc, s)) continue;
      const size_t from = std::max(s.first_token, i >= 3 ? i - 3 : size_t{0});
      // "ask your pharmacist about your prescription", "your next visit".
      if (matches.any(List::care_confirms_generic, from, noun) || matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
      if (!first || s.start < first->start) {
        first = &s;
        example = doc.utf8(doc.tokens[i].start, doc.tokens[noun].end);
      }
      if (!last || s.end > last->end) last = &s;
    }
    for (const Sentence& s : doc.sentences) {
      const auto tied = care_tied_to_person(a, s);
      if (!tied || ends_with_question_mark(doc, s)) continue;
      if (matches.any(List::care_confirms_generic, s.first_token, tied->first) || matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
      if (!first || s.start < first->start) {
        first = &s;
        example = doc.utf8(doc.tokens[tied->first].start, doc.tokens[tied->second].end);
      }
      if (!last || s.end > last->end) last = &s;
    }
  } else if (!first) {
    for (const Sentence& s : doc.sentences) {
      if (ends_with_question_mark(doc, s)) continue;
      const auto told = spanish_care_told(a, s);
      if (!told) continue;
      if (!first) {
        first = &s;
        example = doc.utf8(doc.tokens[*told].start, doc.tokens[*told].end);
      }
      last = &s;
    }
  }
  if (!first) return;
  int32_t start = sentence_span(doc, *first).first;
  // The one-click rewrite moves the conversation to a private channel
  // without confirming anything.
  Hint h{"care.confirms-patient", Severity::error, start, last->end, "", "", {sink.insertion("insert.private-channel")}};
  h.message = sink.message("care.confirms-patient", {example});
  h.suggestion = sink.message("care.confirms-patient.do");
  sink.add(std::move(h));
}

}  // namespace chime
