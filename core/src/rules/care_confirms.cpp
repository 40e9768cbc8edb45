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
bool makes_possible(const Token& t);

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

// Does the care noun at token `noun` do a care event to someone rather than
// have one happen to it: a modal, then the base form of a word of
// lists/care_events.tsv ("Your surgery can book a 2-year-old in", "your GP
// surgery will refer you"; not "your surgery will be rescheduled")? A
// surgery, a clinic or a unit that books is a place.
bool does_care_event(const Document& doc, const Sentence& s, size_t noun) {
  static const WordList& events = WordList::builtin("lists/care_events.tsv");
  if (noun + 2 >= s.last_token || !makes_possible(doc.tokens[noun + 1])) return false;
  const std::string_view verb = doc.tokens[noun + 2].folded;
  if (verb.empty() || doc.tokens[noun + 2].kind != TokenKind::word) return false;
  // book -> booked, schedule -> scheduled, refer -> referred
  const std::string base(verb);
  return events.contains(base + (base.back() == 'e' ? "d" : "ed")) || events.contains(base + base.back() + "ed");
}

// If token i is "your" (or, when `third_person`, "his", "her" or "their":
// the reply answers someone who asked about a relative) followed within
// kCareNounReach words by a care-record noun (lists/care_record_nouns.tsv),
// a procedure or a diagnosis, that noun's last token, or by "with" and a
// clinician's title, the title's token; else 0. A relation
// word after "your" does not use up the reach ("your daughter's eye test
// results").
size_t care_noun_after_your(const Analysis& a, size_t i, bool third_person) {
  static const WordList& clinicians = WordList::builtin("lists/clinician_titles.tsv");
  const Document& doc = a.doc;
  const std::string_view w = doc.tokens[i].folded;
  const bool opener = w == "your" || (third_person && (w == "his" || w == "her" || w == "their"));
  if (!opener || token_in_entity(doc, i)) return 0;
  const Sentence& s = sentence_of(doc, i);
  // A relative and their name ("your dad Patrick's syringe driver visit")
  // do not use up the reach either.
  const bool kin = i + 1 < s.last_token && is_kin(doc.tokens[i + 1], a.language);
  const bool named = kin && i + 2 < s.last_token && is_person_name(doc, i + 2, a.language);
  const size_t reach = kCareNounReach + (kin ? 1 : 0) + (named ? 1 : 0);
  for (size_t k = i + 1; k < s.last_token && k <= i + reach; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) return 0;  // punctuation ends the phrase
    if (token_in_entity(doc, k)) return 0;
    // "your video consult with Dr Nguyen": whatever the visit is called, it
    // was with a clinician (lists/clinician_titles.tsv).
    if (t.folded == "with" && k + 1 < s.last_token && clinicians.contains(doc.tokens[k + 1])) return k + 1;
    if (const size_t fact = care_fact_at(a, s, k)) return does_care_event(doc, s, fact) ? 0 : fact;
  }
  return 0;
}

// How many words may name what "your" holds before its result is told
// ("your PSA came back", "your liver function tests came back": 3), and
// how far after "came back" the result may be ("came back at 2.1": 2).
constexpr size_t kResultSubjectReach = 3;
constexpr size_t kResultReach = 3;

// English: if token i is "your", a few words after it (no punctuation, no
// link or mention), then "came back" (or "come back") and, within three
// words in its clause, a number or a result (lists/result_words.tsv:
// normal, clear, fine, negative...), the token of "back"; else 0.
// Whatever the test is called, a result that came back is the person's:
// "your PSA came back at 2.1", "your swab came back negative"; not "your
// complaint came back to us", "your energy is back".
size_t result_after_your(const Document& doc, size_t i) {
  static const WordList& results = WordList::builtin("lists/result_words.tsv");
  if (doc.tokens[i].folded != "your" || token_in_entity(doc, i)) return 0;
  const Sentence& s = sentence_of(doc, i);
  for (size_t k = i + 2; k + 1 < s.last_token && k <= i + 1 + kResultSubjectReach; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::word || token_in_entity(doc, k)) return 0;
    if ((t.folded != "came" && t.folded != "come") || doc.tokens[k + 1].folded != "back") continue;
    for (size_t r = k + 2; r < s.last_token && r <= k + 1 + kResultReach; ++r) {
      const Token& w = doc.tokens[r];
      if (w.kind == TokenKind::punct) return 0;  // the clause ends
      if (w.kind == TokenKind::number || results.contains(w)) return k + 1;
    }
    return 0;
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
  // An insurance claim is a record only with what happened to it within
  // three words ("your claim was denied", "claim has been processed"; not
  // "your claim that masks don't work isn't what the evidence shows").
  if (t.folded == "claim" || t.folded == "claims") {
    static const WordList& findings = WordList::builtin("lists/care_findings.tsv");
    if (any_listed(doc, findings, i + 1, std::min(i + 4, s.last_token))) return i;
  }
  return 0;
}

// English, in a reply: the first token of words that tie a care fact to the
// person answered without "your": a titled name's possessive ("Mr. Joshi's
// angiography reports are ready") or "see you for/at" ("See you for round
// 3 on the 19th"), with a care fact (care_fact_at) within a few words; and
// that fact's last token. Nothing when neither.
std::optional<std::pair<size_t, size_t>> care_tied_to_person(const Analysis& a, const Sentence& s, bool about_kin) {
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
    // Answering someone who asked about their relative ("any news on my
    // son's results?"), a name's possessive is that relative's: "Noah's
    // results are back".
    if (from == s.last_token && about_kin && t.folded.ends_with("'s") && is_person_name(doc, i, Language::en)) from = i + 1;
    // A titled name told with a care fact anywhere in its clause: "Mrs Nair
    // is doing brilliantly with her physio on Ward 7".
    // Not a member of staff introduced by their role ("her optometrist Ms
    // Kavanagh will ring you": a possessive, a word that is no relative,
    // then the name).
    const bool role_before = i >= 2 && !is_kin(doc.tokens[i - 1], Language::en) &&
                             (doc.tokens[i - 2].folded == "her" || doc.tokens[i - 2].folded == "his" ||
                              doc.tokens[i - 2].folded == "your" || doc.tokens[i - 2].folded == "our");
    // (A title is written with a capital: the cheap test first.)
    if (from == s.last_token && t.kind == TokenKind::word && !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z' &&
        i + 1 < s.last_token && !role_before && honorifics.contains(t)) {
      const size_t name = doc.tokens[i + 1].text == "." ? i + 2 : i + 1;
      if (name < s.last_token && is_person_name(doc, name, Language::en)) {
        for (size_t k = name + 1; k < s.last_token; ++k) {
          const Token& n = doc.tokens[k];
          if (n.kind == TokenKind::punct && n.text != "'") break;  // the clause ends
          if (const size_t fact = care_fact_at(a, s, k)) return std::pair{i, fact};
        }
      }
      continue;
    }
    if (from == s.last_token) continue;
    for (size_t k = from; k < s.last_token && k <= from + kCareNounReach; ++k) {
      if (doc.tokens[k].kind != TokenKind::word && doc.tokens[k].kind != TokenKind::number) break;
      if (const size_t fact = care_fact_at(a, s, k)) return std::pair{i, fact};
    }
  }
  return std::nullopt;
}

// "you" as the person a reply's sentence is about (lists/confirms_you.tsv:
// "you", "you're", "you've"; not "you'll" or "you'd": what may happen is no
// event).
bool is_you(const Token& t) {
  static const WordList& you = WordList::builtin("lists/confirms_you.tsv");
  return you.contains(t);
}

// A word that makes what follows possible rather than done: a modal or "to"
// (lists/confirms_possible.tsv), or a contraction of "will" or "would"
// ("we'll get you booked in", "to be seen", "you can be referred").
bool makes_possible(const Token& t) {
  static const WordList& possible = WordList::builtin("lists/confirms_possible.tsv");
  return possible.contains(t) || t.folded.ends_with("'ll") || t.folded.ends_with("'d");
}

// How far a care event may stand from "you" ("you've now been booked": 3).
constexpr size_t kEventReach = 3;

// How far back from a passive care event the "your" of its subject may
// stand ("your claim for the MRI at Sandton Radiology (R8,450) was
// declined": 10).
constexpr size_t kSubjectReach = 12;

// English: is the care event at token i said in the passive of a subject
// that opens with "your" ("your pump start with our educator is now
// booked", "your claim for the MRI (R8,450) was declined")? "is", "was",
// "are", "were" or "been" (lists/confirms_be.tsv) stands right before it
// (or before "now", "also", "just" or "already":
// lists/confirms_be_adverbs.tsv), and "your" earlier in its clause (no comma, colon,
// semicolon or sentence mark between). The token of "your", or nothing.
std::optional<size_t> your_subject_of(const Document& doc, const Sentence& s, size_t i) {
  static const WordList& be_forms = WordList::builtin("lists/confirms_be.tsv");
  static const WordList& adverbs = WordList::builtin("lists/confirms_be_adverbs.tsv");
  size_t be = i;
  if (be > s.first_token) --be;
  if (adverbs.contains(doc.tokens[be]) && be > s.first_token) --be;
  if (!be_forms.contains(doc.tokens[be])) return std::nullopt;
  for (size_t k = be; k > s.first_token && k + kSubjectReach > be; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.text == "," || t.text == ":" || t.text == ";" || t.text == "." || t.text == "!" || t.text == "?") break;
    if (makes_possible(t)) break;
    if (t.folded == "your") return k - 1;
  }
  return std::nullopt;
}

// English, in a reply: a care event told of the person answered, by its
// grammar: a word of lists/care_events.tsv (booked, admitted, discharged,
// referred, prescribed, diagnosed...) with "you" (or "your" and a relative)
// within three words before it, or "you" right after it, and nothing that
// makes it only possible between ("you're booked in for Tuesday at 10",
// "we've referred you to cardiology", "your dad was discharged
// yesterday"; not "you'll be seen", "we can refer you"). The first token
// of the pair and the event's, or nothing.
std::optional<std::pair<size_t, size_t>> care_event_of_you(const Analysis& a, const Sentence& s) {
  static const WordList& events = WordList::builtin("lists/care_events.tsv");
  const Document& doc = a.doc;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    // The cheap test first: every event of the list is a participle in -ed.
    if (!doc.tokens[i].folded.ends_with("ed") || !events.contains(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    std::optional<size_t> person;
    for (size_t k = i; k > s.first_token && k + kEventReach > i; --k) {
      const Token& t = doc.tokens[k - 1];
      if ((t.kind != TokenKind::word && t.kind != TokenKind::number) || makes_possible(t)) break;
      if (is_you(t) || (is_kin(t, Language::en) && k >= 2 && doc.tokens[k - 2].folded == "your")) {
        person = is_you(t) ? k - 1 : k - 2;
        break;
      }
    }
    if (!person) person = your_subject_of(doc, s, i);
    if (!person && i + 1 < s.last_token && doc.tokens[i + 1].folded == "you") {
      // "we've referred you": the account did it to the person; no modal before.
      bool possible = false;
      for (size_t k = i; k > s.first_token && k + kEventReach > i; --k) possible = possible || makes_possible(doc.tokens[k - 1]);
      if (!possible) person = i;
    }
    if (person) return std::pair{*person, i};
  }
  return std::nullopt;
}

// Spanish: does token k say that something happened, by its grammar: a
// verb in the third-person preterite ("llegó", "salió", "se reprogramó"),
// or a participle after a verb that states it ("fue aprobada", "está
// confirmada", "ha sido enviado": es/lists/confirms_stating.tsv; "ya quedó
// listo" is in the list)?
bool spanish_happened(const Document& doc, size_t k) {
  static const WordList& stating = WordList::builtin("es/lists/confirms_stating.tsv");
  const Token& t = doc.tokens[k];
  if (t.kind != TokenKind::word) return false;
  const std::string_view w = t.folded;
  if (w.size() >= 5 && w.ends_with("\u00f3")) return w != "debi\u00f3";  // a duty, not an event: "nadie debió cobrarle"
  // The plural, often impersonal ("le dieron el alta", "lo operaron").
  if (w.size() >= 6 && (w.ends_with("aron") || w.ends_with("ieron"))) return w != "debieron";
  if (k == 0 || w.size() < 6) return false;
  const bool participle = w.ends_with("ado") || w.ends_with("ada") || w.ends_with("ados") || w.ends_with("adas") ||
                          w.ends_with("ido") || w.ends_with("ida") || w.ends_with("idos") || w.ends_with("idas");
  return participle && stating.contains(doc.tokens[k - 1]);
}

// Spanish: if a verb of regret (es/lists/confirms_regret.tsv) stands at
// token k with "que" after it (one word between at most: "lamentamos mucho
// que"), the end of the clause it opens (a comma, a colon, a semicolon or
// the sentence's end): what the reply regrets is what the person told
// ("lamentamos que su padre perdiera la sesión de diálisis"). Else k.
size_t retold_clause_end(const Document& doc, const Sentence& s, size_t k) {
  static const WordList& regret = WordList::builtin("es/lists/confirms_regret.tsv");
  if (!regret.contains(doc.tokens[k])) return k;
  size_t q = k + 1;
  if (q < s.last_token && doc.tokens[q].folded != "que") ++q;
  if (q >= s.last_token || doc.tokens[q].folded != "que") return k;
  while (q < s.last_token && doc.tokens[q].text != "," && doc.tokens[q].text != ":" && doc.tokens[q].text != ";") ++q;
  return q;
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
  size_t retold_until = 0;  // the end of a clause that retells the complaint
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    has_person = has_person || own(k, person);
    if (k < retold_until) continue;
    if (const size_t end = retold_clause_end(doc, s, k); end > k) {
      retold_until = end;
      continue;
    }
    if (!told && (own(k, record) || matches.any(List::procedures, k, k + 1))) {
      if (matches.any(List::care_confirms_generic, s.first_token, k)) return std::nullopt;
      told = k;
    }
    // A diagnosis told of the person is its own finding: "tu madre tiene
    // osteoporosis en la cadera" (a link of care_diagnosis_link with su, tu...
    // among the two words before it, and a diagnosis within four words
    // after it).
    if (!told && ((k >= 1 && own(k - 1, person)) || (k >= 2 && own(k - 2, person)))) {
      if (const Phrase* link = matches.starting_at(List::care_diagnosis_link, k, s.last_token)) {
        const size_t after = k + link->tokens.size();
        for (size_t d = after; d < s.last_token && d < after + 4; ++d) {
          if (!matches.any(List::diagnoses, d, d + 1) && !spanish_disease_word(doc.tokens[d])) continue;
          if (matches.any(List::care_confirms_generic, s.first_token, k) || negated(doc, k, a.language)) return std::nullopt;
          told = d;
          has_finding = true;
          break;
        }
      }
    }
    // Not negated ("no revisamos resultados aquí") nor supposed ("si te la
    // dieron": "si" or "cuando" within three words before).
    has_finding = has_finding || ((own(k, finding) || (spanish_happened(doc, k) && !token_in_entity(doc, k))) &&
                                  !negated(doc, k, a.language) &&
                                  !matches.any(List::care_confirms_generic, k >= s.first_token + 3 ? k - 3 : s.first_token, k));
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

// A reply that sends the person to their own clinician before they change
// anything ("No cambies tu tratamiento sin hablar con tu médico"): a
// negated command, then "tu" or "su" and a clinician
// (es/lists/confirms_clinician.tsv) in the same sentence. It tells the
// person what not to do; it confirms nothing that happened.
bool sends_to_own_clinician(const Document& doc, const Sentence& s, size_t care, Language lang) {
  static const WordList& clinicians = WordList::builtin("es/lists/confirms_clinician.tsv");
  if (lang != Language::es || !negated(doc, care, lang)) return false;
  for (size_t k = s.first_token; k + 1 < s.last_token; ++k) {
    const std::string_view w = doc.tokens[k].folded;
    if ((w == "tu" || w == "su") && clinicians.contains(doc.tokens[k + 1])) return true;
  }
  return false;
}

// English: "you" and a modal before "your" in its clause ("You can switch
// your prescription pickup to our Elm St branch"): an option offered to the
// person, like "to book your", not something done. Not when what "your"
// holds, tokens [your, end], names a procedure or a condition ("You can
// collect your biopsy results"): that still tells their care.
bool offers_option(const Analysis& a, const Sentence& s, size_t your, size_t end) {
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  if (matches.any(List::procedures, your, end + 1) || matches.any(List::diagnoses, your, end + 1) ||
      any_care_term(doc, your, end + 1, a.language)) {
    return false;
  }
  for (size_t k = your; k > s.first_token + 1 && k + 4 > your; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.kind != TokenKind::word) return false;
    if (makes_possible(t) && doc.tokens[k - 2].folded == "you") return true;
  }
  return false;
}

// English: does the post answered tell the same care noun of its writer
// ("My prescription delivery didn't come today!" -> "your prescription"),
// "my" then the noun within two words? A reply that only takes it up,
// telling no finding of its own ("We're sorry your prescription was late"),
// makes public nothing the person had not.
bool retells_own_words(const Analysis& a, const Sentence& s, size_t noun) {
  if (!a.in_reply_to || has_finding(a.doc, s)) return false;
  const Document& asked = *a.in_reply_to;
  const std::string_view w = a.doc.tokens[noun].folded;
  for (size_t k = 0; k < asked.tokens.size(); ++k) {
    if (asked.tokens[k].folded != "my") continue;
    for (size_t j = k + 1; j < asked.tokens.size() && j <= k + 2; ++j) {
      if (asked.tokens[j].folded == w) return true;
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
    if (sends_to_own_clinician(doc, s, m.first_token, a.language)) continue;
    if (a.language != Language::es && (offers_option(a, s, m.first_token, m.last_token - 1) || retells_own_words(a, s, m.last_token - 1))) continue;
    // "Your surgery can book a 2-year-old in": a place.
    if (a.language != Language::es && does_care_event(doc, s, m.last_token - 1)) continue;
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
      size_t noun = care_noun_after_your(a, i, about_kin);
      if (noun == 0) noun = result_after_your(doc, i);
      if (noun == 0) continue;
      const Sentence& s = sentence_of(doc, i);
      if (ends_with_question_mark(doc, s)) continue;
      const size_t from = std::max(s.first_token, i >= 3 ? i - 3 : size_t{0});
      // "ask your pharmacist about your prescription", "your next visit".
      if (matches.any(List::care_confirms_generic, from, noun) || matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
      if (offers_option(a, s, i, noun) || retells_own_words(a, s, noun)) continue;
      if (!first || s.start < first->start) {
        first = &s;
        example = doc.utf8(doc.tokens[i].start, doc.tokens[noun].end);
      }
      if (!last || s.end > last->end) last = &s;
    }
    for (const Sentence& s : doc.sentences) {
      const auto told = care_event_of_you(a, s);
      if (!told || ends_with_question_mark(doc, s)) continue;
      const size_t from = std::max(s.first_token, told->first >= 3 ? told->first - 3 : size_t{0});
      // "if you've been referred", "once you're booked in": general.
      if (matches.any(List::care_confirms_generic, from, told->second) || matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
      if (!first || s.start < first->start) {
        first = &s;
        example = doc.utf8(doc.tokens[told->first].start, doc.tokens[told->second].end);
      }
      if (!last || s.end > last->end) last = &s;
    }
    for (const Sentence& s : doc.sentences) {
      const auto tied = care_tied_to_person(a, s, about_kin);
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
  // A reply whose own words identify a patient (an error of
  // care.patient-privacy, which runs first: "we'll make sure Callum gets the
  // message in bed 14", "your aunt Brenda was in Room 12 with us") tells
  // everyone that person's care, whatever its other words.
  if (is_public_reply(doc)) {
    for (const Hint& h : sink.hints()) {
      if (h.rule != "care.patient-privacy" || h.severity != Severity::error) continue;
      const auto s = std::find_if(doc.sentences.begin(), doc.sentences.end(),
                                  [&](const Sentence& t) { return t.start <= h.start && h.start < t.end; });
      if (s == doc.sentences.end()) continue;
      if (!first || s->start < first->start) {
        first = &*s;
        example = doc.utf8(h.start, h.end);
      }
      if (!last || s->end > last->end) last = &*s;
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
