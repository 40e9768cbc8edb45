// Care (rules.md section 6): the rules a healthcare account lives under:
// patient privacy (HIPAA in the US, and the like elsewhere: care_privacy.cpp,
// care_confirms.cpp), honest health claims (here), and no medical advice to
// one person in public (care_advice.cpp). This file lists the four checks.
#include <algorithm>
#include <optional>
#include <string>

#include "match/phrases.hpp"
#include "rules/care_advice.hpp"
#include "rules/care_confirms.hpp"
#include "rules/care_privacy.hpp"
#include "rules/care_terms.hpp"
#include "rules/features.hpp"
#include "rules/rule.hpp"

namespace chime {

namespace {

bool matches_in(const Analysis& a, List list, const Sentence& s) {
  return lists(a).any(list, s.first_token, s.last_token);
}

// How far back a negation may deny a claim in its own clause ("no food or
// drink cures type 2 diabetes": 5 tokens).
constexpr size_t kClauseReach = 8;

// Is the claim at token `first` denied in its own clause: a negation
// (lists/negations.tsv) between it and the clause's start (the sentence's
// start, a comma, colon, semicolon, "but", "pero" or "sino"), at most kClauseReach tokens
// back? "No tea or supplement cures...", "nothing you drink detoxes...".
bool denied_in_clause(const Analysis& a, const Sentence& s, size_t first) {
  static const LocalizedWordList negations("lists/negations.tsv");
  const Document& doc = a.doc;
  for (size_t k = first; k > s.first_token && k + kClauseReach > first; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.text == "," || t.text == ":" || t.text == ";" || t.folded == "but" || t.folded == "pero" || t.folded == "sino") return false;
    // "sin" is "without": "sin dieta y sin efectos secundarios" denies nothing.
    if (negations.in(a.language).contains(t) && t.folded != "sin") return true;
  }
  return false;
}

// Does the sentence after s refute it: "It doesn't.", "That isn't true",
// "They won't"? A pronoun opens it and a negation follows within two words.
bool refuted_next(const Analysis& a, const Sentence& s) {
  static const LocalizedWordList negations("lists/negations.tsv");
  static const WordList& pronouns = WordList::builtin("lists/refuting_pronouns.tsv");
  const Document& doc = a.doc;
  const auto next = std::find_if(doc.sentences.begin(), doc.sentences.end(),
                                 [&](const Sentence& n) { return n.first_token >= s.last_token; });
  if (next == doc.sentences.end()) return false;
  const size_t word = first_own_word(doc, next->first_token, next->last_token);
  if (word >= next->last_token || !pronouns.contains(doc.tokens[word])) return false;
  for (size_t k = word + 1; k < next->last_token && k <= word + 2; ++k) {
    if (negations.in(a.language).contains(doc.tokens[k])) return true;
  }
  return false;
}

// English: is the claim at tokens [first, last) emptied by the word after it
// ("melatonin cures nothing", "guarantees nobody anything", "works for no
// one")? The claim is denied by its own object.
bool denied_after(const Document& doc, size_t last) {
  if (last >= doc.tokens.size()) return false;
  const std::string_view w = doc.tokens[last].folded;
  if (w == "nothing" || w == "none" || w == "nobody") return true;
  return w == "no" && last + 1 < doc.tokens.size() && doc.tokens[last + 1].folded == "one";
}

// English: is the cure at token `first` said of the disease in the hedged
// passive ("most skin cancers can be cured when caught early", "may be
// cured")? The subject is the illness, not a product, and the hedge says
// it is not always so: a public-health fact, not a promise.
bool hedged_passive(const Analysis& a, size_t first) {
  static const LocalizedWordList hedges("lists/claim_hedges.tsv");
  const Document& doc = a.doc;
  if (first < 2 || !doc.tokens[first].folded.starts_with("cur")) return false;
  const std::string_view be = doc.tokens[first - 1].folded;
  if (be != "be" && be != "been" && be != "is" && be != "are") return false;
  for (size_t k = first - 1; k > 0 && k + 3 >= first; --k) {
    if (hedges.in(a.language).contains(doc.tokens[k - 1])) return true;
  }
  return false;
}

// Spanish: is the cure at token `first` said of the illness, its subject:
// "la malaria se cura", "la TB tiene cura", "las diagnosticadas a tiempo
// se curan"? With nothing named that cures it ("con", "sin", "gracias a"
// in the rest of its clause), it is a public-health fact, as English's
// hedged passive; "se cura con este té" stays a promise.
bool cure_of_the_illness(const Analysis& a, size_t first) {
  const Document& doc = a.doc;
  if (a.language != Language::es || first == 0 || !doc.tokens[first].folded.starts_with("cura")) return false;
  const std::string_view before = doc.tokens[first - 1].folded;
  if (before != "se" && before != "tiene" && before != "tienen") return false;
  const Sentence& s = sentence_of(doc, first);
  for (size_t k = first + 1; k < s.last_token && doc.tokens[k].kind != TokenKind::punct; ++k) {
    const std::string_view w = doc.tokens[k].folded;
    if (w == "con" || w == "sin" || w == "gracias") return false;
  }
  return true;
}

// English: a promise made by an ad in someone else's words: a quoted claim
// ("'completely cured'") is reported speech on a survivors' day, but in a
// promotion the quote is the pitch.
bool quote_is_the_pitch(const Analysis& a) { return a.language != Language::es && a.kind == PostKind::promotion; }

// English: a job post's "guaranteed" is about the job's terms ("guaranteed
// hours", "a guaranteed interview"), not a health outcome.
bool job_terms(const Analysis& a, const PhraseMatch& m) {
  return a.language != Language::es && a.kind == PostKind::job &&
         a.doc.tokens[m.first_token].folded.starts_with("guarantee");
}

// English: a word after a disease that makes the outcome final ("forever",
// "permanently", "for good"): "this pill will end type 2 diabetes for good".
bool final_at(const Document& doc, size_t k) {
  const std::string_view w = doc.tokens[k].folded;
  if (w == "forever" || w == "permanently") return true;
  return k > 0 && doc.tokens[k - 1].folded == "for" && (w == "good" || w == "life");
}

// English: a question that asserts ("Did you know our sunscreen is the only
// one that guarantees...?", "Sun Safety Week: did you know..."): the claim
// is made, not asked. "Did you know" opens the sentence or follows a colon.
bool asserts_as_question(const Analysis& a, const Sentence& s) {
  const Document& doc = a.doc;
  if (a.language == Language::es) return false;
  const size_t opening = first_own_word(doc, s.first_token, s.last_token);
  for (size_t w = opening; w + 2 < s.last_token; ++w) {
    if (w != opening && doc.tokens[w - 1].text != ":") continue;
    if (doc.tokens[w].folded == "did" && doc.tokens[w + 1].folded == "you" && doc.tokens[w + 2].folded == "know") return true;
  }
  return false;
}

// Adds a care.claim hint over tokens [first, last] unless one already
// covers them.
void add_claim(const Analysis& a, HintSink& sink, size_t first, size_t last) {
  const Document& doc = a.doc;
  const int32_t start = doc.tokens[first].start, end = doc.tokens[last].end;
  if (std::any_of(sink.hints().begin(), sink.hints().end(),
                  [&](const Hint& h) { return h.rule == "care.claim" && h.start < end && start < h.end; })) {
    return;
  }
  Hint h{"care.claim", Severity::warning, start, end, "", "", {}};
  h.message = sink.message("care.claim", {doc.utf8(start, end)});
  h.suggestion = sink.message("care.claim.do");
  sink.add(std::move(h));
}

// Is the claim at token i in its sentence s made, not denied, asked,
// quoted or reported to refute it? The next sentence's refutation ("It
// doesn't.") is read in English only.
bool claim_made(const Analysis& a, const Sentence& s, size_t i) {
  const Document& doc = a.doc;
  if (negated(doc, i, a.language) || (in_quotes(doc, i) && !quote_is_the_pitch(a)) || ends_with_question_mark(doc, s)) return false;
  if (matches_in(a, List::care_claim_refuted, s) || denied_in_clause(a, s, i)) return false;
  return a.language == Language::es || !refuted_next(a, s);
}

// How far after its disease an outcome's finality may come ("end type 2
// diabetes for good": 2).
constexpr size_t kFinalityReach = 3;

// How far after an outcome verb its disease may come ("reverses type 2
// diabetes": 1; "kills 99% of cancer cells": 3).
constexpr size_t kOutcomeReach = 4;
// With a finality after the disease (final_at), English may name it
// further off: a list of what the verb promises ("fix knees, backs and
// even autism, for good": 6).
constexpr size_t kFinalOutcomeReach = 8;
// Spanish names a disease in longer phrases ("elimina por completo el
// riesgo de cáncer"), through the words of es/lists/claim_between.tsv only.
constexpr size_t kSpanishOutcomeReach = 7;

// An outcome verb (lists/claim_outcomes.tsv: reverses, heals, kills,
// eliminates...; es/lists/claim_outcomes.tsv: revierte, elimina,
// disuelve...) with a diagnosis (lists/diagnoses.tsv; in English also a
// condition of care_terms.hpp's WordNet class, in Spanish a disease named by
// its ending) within kOutcomeReach words after it, not hedged
// (lists/claim_hedges.tsv, es/lists/claim_hedges.tsv) in the two words
// before, and not denied, asked, quoted or reported to refute it: "our
// herbal protocol reverses type 2 diabetes", "este té revierte la
// artritis", whatever the product.
void outcome_claims(const Analysis& a, HintSink& sink) {
  static const LocalizedWordList outcomes("lists/claim_outcomes.tsv");
  static const LocalizedWordList hedges("lists/claim_hedges.tsv");
  static const WordList& between = WordList::builtin("es/lists/claim_between.tsv");
  // English verbs that promise only with a finality after the disease ("end
  // type 2 diabetes for good"; "help end HIV" is a campaign's goal).
  static const WordList& final_outcomes = WordList::builtin("lists/claim_final_outcomes.tsv");
  const bool spanish = a.language == Language::es;
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const bool needs_finality = !spanish && final_outcomes.contains(doc.tokens[i]);
    if ((!needs_finality && !outcomes.in(a.language).contains(doc.tokens[i])) || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    size_t disease = 0;
    // Spanish: the verb's own subject stands before it; at a clause's start
    // it is an order ("Elimina el agua estancada"), not a promise.
    if (spanish && (i == s.first_token || doc.tokens[i - 1].kind == TokenKind::punct ||
                    doc.tokens[i - 1].folded == "y" || doc.tokens[i - 1].folded == "e")) {
      continue;
    }
    // English: a finality after the disease carries the promise further
    // ("fix knees, backs and even autism, for good").
    const size_t reach = spanish ? kSpanishOutcomeReach : kFinalOutcomeReach;
    bool far = false;  // the disease found beyond kOutcomeReach
    for (size_t k = i + 1; k < s.last_token && k <= i + reach && disease == 0; ++k) {
      far = !spanish && k > i + kOutcomeReach;
      if (token_in_entity(doc, k)) continue;
      if (const Phrase* p = matches.starting_at(List::diagnoses, k, s.last_token)) {
        disease = k + p->tokens.size() - 1;
      } else if (!spanish && care_term(doc.tokens[k], a.language) == CareTerm::condition) {
        disease = k;  // any condition of the WordNet class: "heals gastritis", "reverses neuropathy"
      } else if (spanish && spanish_disease_word(doc.tokens[k])) {
        disease = k;
      } else if (spanish && !between.contains(doc.tokens[k])) {
        break;  // "elimina los criaderos del mosquito del dengue": no promise over the disease
      }
    }
    if (disease == 0) continue;
    if (needs_finality || far) {
      bool final = false;
      for (size_t k = disease + 1; k < s.last_token && k <= disease + kFinalityReach && !final; ++k) final = final_at(doc, k);
      if (!final) continue;
    }
    bool hedged = false;
    for (size_t k = i > s.first_token + 2 ? i - 2 : s.first_token; k < i; ++k) hedged = hedged || hedges.in(a.language).contains(doc.tokens[k]);
    if (!hedged && claim_made(a, s, i)) add_claim(a, sink, i, disease);
  }
}

// How far before "than" ("que") its comparative may stand ("more
// effective than": 2) and after "any" ("cualquier") its medicine ("any
// prescription painkiller": 2).
constexpr size_t kComparativeReach = 3;

// Is token k a medicine or a treatment a product can be set against:
// is_medicine, in Spanish also the general words of
// es/lists/claim_medicines.tsv (pastilla, tratamiento, quimio), in English
// also a procedure (lists/procedures.tsv or the WordNet class: "chemo",
// "surgery")?
bool medicine_or_treatment(const Analysis& a, size_t k) {
  static const WordList& general = WordList::builtin("es/lists/claim_medicines.tsv");
  const Token& t = a.doc.tokens[k];
  if (token_in_entity(a.doc, k)) return false;
  if (a.language == Language::es) return is_medicine(t, a.language) || general.contains(t);
  return is_medicine(t, a.language) || care_term(t, a.language) == CareTerm::procedure ||
         lists(a).starting_at(List::procedures, k, a.doc.tokens.size()) != nullptr;
}

// A product ranked above medicine: a comparative
// (lists/claim_comparatives.tsv) before "than" ("que") and a medicine
// (medicine_or_treatment) after it, within kComparativeReach words, through
// "any" ("cualquier") or an article or possessive: "works better than any
// pill", "funciona mejor que cualquier pastilla", "better than chemo",
// "mejor que la quimio". It promises to replace your medication. A ranking
// of one medicine against another ("paracetamol is safer than ibuprofen in
// pregnancy") is a clinician's comparison: only "than any" is read after a
// medicine.
void above_medicine(const Analysis& a, HintSink& sink) {
  static const LocalizedWordList comparatives("lists/claim_comparatives.tsv");
  static const WordList& determiners = WordList::builtin("lists/claim_determiners.tsv");
  const bool spanish = a.language == Language::es;
  const Document& doc = a.doc;
  for (size_t i = 1; i + 1 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].folded != (spanish ? "que" : "than")) continue;
    const Sentence& s = sentence_of(doc, i);
    size_t comparative = i;  // none yet
    for (size_t k = i; k-- > s.first_token && k + kComparativeReach >= i;) {
      if (comparatives.in(a.language).contains(doc.tokens[k])) {
        comparative = k;
        break;
      }
    }
    // "more" ("más") right before "than" counts, it does not rate: "does more than any pill can".
    const auto quantity = [&](size_t k) {
      const std::string_view w = doc.tokens[k].folded;
      return k + 1 == i && (w == "more" || w == "más" || w == "mas");
    };
    if (comparative == i || quantity(comparative)) continue;
    const bool any = doc.tokens[i + 1].folded == (spanish ? "cualquier" : "any");
    if (!any) {
      bool medicine_before = false;
      for (size_t k = s.first_token; k < comparative && !medicine_before; ++k) medicine_before = medicine_or_treatment(a, k);
      if (medicine_before) continue;
    }
    // "any" takes the place of an article: "than any prescription painkiller".
    const size_t reach = i + kComparativeReach + (any ? 1 : 0);
    for (size_t m = i + 1; m < s.last_token && m <= reach; ++m) {
      if (medicine_or_treatment(a, m)) {
        if (claim_made(a, s, comparative)) add_claim(a, sink, comparative, m);
        break;
      }
      if (!any && !determiners.contains(doc.tokens[m])) break;
    }
  }
}

// How far after "never" its condition may come ("never catch a cold
// again": 2) and after the condition "again" ("never get the flu this
// winter again": 3).
constexpr size_t kNeverReach = 4;

// English: the token of the care or medicine the verb at token v ("need")
// makes needless: a place of care (lists/care_sources.tsv: doctor, GP,
// hospital) or a medicine ending its phrase (punctuation, the sentence's
// end or "again" after it) within kNeverReach words; else 0.
size_t needless_care(const Analysis& a, const Sentence& s, size_t v) {
  static const WordList& sources = WordList::builtin("lists/care_sources.tsv");
  const Document& doc = a.doc;
  for (size_t k = v + 1; k < s.last_token && k <= v + kNeverReach; ++k) {
    if (doc.tokens[k].kind == TokenKind::punct) return 0;
    if (!sources.contains(doc.tokens[k]) && !is_medicine(doc.tokens[k], a.language)) continue;
    if (token_in_entity(doc, k)) return 0;
    const bool ends = k + 1 == s.last_token || doc.tokens[k + 1].kind == TokenKind::punct || doc.tokens[k + 1].folded == "again";
    return ends ? k : 0;
  }
  return 0;
}

// English: a condition promised away for good: "never", a condition
// (lists/diagnoses.tsv or the WordNet class, or whatever is caught after
// a regimen: "and you'll never catch a cold again") and "again" in the same
// clause, promised to the reader: "you'll never catch a cold again",
// "and never suffer a migraine again". Not an opening "Never" (an order:
// "Never ignore chest pain again").
void never_again(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  if (a.language == Language::es) return;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].folded != "never" || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    if (i == first_own_word(doc, s.first_token, s.last_token) || doc.tokens[i - 1].kind == TokenKind::punct) continue;
    // Promised to the reader ("you'll never", "your child will never") or
    // after an order ("try our drops and never suffer..."); not a wish of
    // the writer's ("I never want to see sepsis again").
    const size_t from = i >= s.first_token + 3 ? i - 3 : s.first_token;
    if (reader_word_count(a, from, i) == 0 && doc.tokens[i - 1].folded != "and") continue;
    size_t disease = 0;
    for (size_t k = i + 1; k < s.last_token && k <= i + kNeverReach && disease == 0; ++k) {
      if (doc.tokens[k].kind == TokenKind::punct) break;
      if (const Phrase* p = matches.starting_at(List::diagnoses, k, s.last_token)) {
        disease = k + p->tokens.size() - 1;
      } else if (care_term(doc.tokens[k], a.language) == CareTerm::condition) {
        disease = k;
      }
    }
    // After a regimen ("and" within three words before "never"): what is
    // caught is an illness, whatever its name ("... every day and you'll
    // never catch a cold again"; not "you'll never catch the 8am again"),
    // and care or a medicine never needed is made needless ("... every 2
    // hours and you'll never need a doctor": lists/care_sources.tsv).
    bool after_regimen = false;
    for (size_t k = from; k < i; ++k) after_regimen = after_regimen || doc.tokens[k].folded == "and";
    if (after_regimen && disease == 0 && i + 1 < s.last_token && doc.tokens[i + 1].folded == "catch") disease = i + 1;
    if (after_regimen && disease == 0 && i + 1 < s.last_token && doc.tokens[i + 1].folded.starts_with("need")) {
      if (const size_t care = needless_care(a, s, i + 1); care != 0) {
        if (claim_made(a, s, i)) add_claim(a, sink, i, care);
        continue;
      }
    }
    if (disease == 0) continue;
    for (size_t k = disease + 1; k < s.last_token && k <= disease + kNeverReach; ++k) {
      if (doc.tokens[k].kind == TokenKind::punct) break;
      if (doc.tokens[k].folded != "again") continue;
      if (claim_made(a, s, i)) add_claim(a, sink, i, k);
      break;
    }
  }
}

// How far before its finality the word that says a condition is gone may
// stand ("goodbye to lower back pain forever": 5).
constexpr size_t kGoneReach = 6;

// English: a condition promised gone for good: a word of
// lists/claim_gone.tsv (gone, goodbye, vanished) and a finality (final_at)
// within kGoneReach words after it, with a condition (lists/diagnoses.tsv
// or the WordNet class) or a medicine made needless between them or before
// them in the clause, said to the reader ("your eczema is gone for good",
// "say goodbye to migraines forever", "goodbye to your inhaler for good").
// Not a fact of history ("smallpox is gone for good": nobody is promised
// anything). A goodbye said for good in a promotion that names a
// procedure anywhere is the treatment's promised outcome.
void gone_for_good(const Analysis& a, HintSink& sink) {
  static const WordList& gone = WordList::builtin("lists/claim_gone.tsv");
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  if (a.language == Language::es) return;
  std::optional<bool> procedure_named;  // a procedure anywhere in the post: read at the first goodbye in a promotion
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!gone.contains(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    size_t final = 0;
    for (size_t k = i + 1; k < s.last_token && k <= i + kGoneReach && final == 0; ++k) {
      if (final_at(doc, k)) final = k;
    }
    if (final == 0) continue;
    size_t clause = i;  // the clause's first token: back to punctuation
    while (clause > s.first_token && doc.tokens[clause - 1].kind != TokenKind::punct) --clause;
    size_t named = final;  // the condition's or medicine's token: none yet
    for (size_t k = clause; k < final && named == final; ++k) {
      if (token_in_entity(doc, k)) continue;
      if (matches.starting_at(List::diagnoses, k, s.last_token) != nullptr ||
          care_term(doc.tokens[k], a.language) == CareTerm::condition || is_medicine(doc.tokens[k], a.language)) {
        named = k;
      }
    }
    const bool goodbye = doc.tokens[i].folded == "goodbye";
    // "Goodbye ... forever" in a promotion of a procedure promises its
    // outcome, whatever it names: "Book your laser eye surgery today! Say
    // goodbye to glasses forever!" The post is searched for a procedure
    // once, at its first such goodbye, not again at each.
    if (goodbye && a.kind == PostKind::promotion && !procedure_named) {
      bool named_anywhere = matches.any(List::procedures);
      for (size_t k = 0; k < doc.tokens.size() && !named_anywhere; ++k) {
        named_anywhere = care_term(doc.tokens[k], a.language) == CareTerm::procedure && !token_in_entity(doc, k);
      }
      procedure_named = named_anywhere;
    }
    const bool treatment = goodbye && a.kind == PostKind::promotion && *procedure_named;
    if (named == final && !treatment) continue;
    if ((goodbye || reader_word_count(a, clause, final) > 0) && claim_made(a, s, i)) add_claim(a, sink, std::min(named, i), final);
  }
}

// A certainty ("100%", "100 percent", "100 por ciento") of an outcome
// adjective right after it (lists/claim_certain_outcomes.tsv:
// preventable, curable, reversible, prevenible, evitable) in a sentence that
// names a medicine: "Sepsis is 100% preventable if you take antibiotics at
// the first sign of fever". The medicine is what makes it certain. Not
// hedged ("almost 100%", "casi": the word before) and not of a vaccine's
// programme ("rabies is 100% preventable with prompt vaccination" names
// no medicine).
void certain_by_medicine(const Analysis& a, HintSink& sink) {
  static const WordList& outcomes = WordList::builtin("lists/claim_certain_outcomes.tsv");
  const Document& doc = a.doc;
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].text != "100") continue;
    size_t adjective = i + 2;
    const std::string_view unit = doc.tokens[i + 1].folded;
    if (unit == "por" && i + 3 < doc.tokens.size() && doc.tokens[i + 2].folded == "ciento") adjective = i + 3;
    else if (unit != "%" && unit != "percent") continue;
    if (!outcomes.contains(doc.tokens[adjective])) continue;
    if (i > 0) {
      const std::string_view before = doc.tokens[i - 1].folded;
      if (before == "almost" || before == "nearly" || before == "casi") continue;
    }
    const Sentence& s = sentence_of(doc, i);
    bool medicine = false;
    for (size_t k = s.first_token; k < s.last_token && !medicine; ++k) medicine = medicine_or_treatment(a, k);
    if (medicine && claim_made(a, s, i)) add_claim(a, sink, i, adjective);
  }
}

void check_claim(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  // Built-in and configured claims, minus those inside a guard ("no known cure").
  for (const PhraseMatch& m : rule_phrases(a, "care.claim", List::care_claim, List::care_claim_not)) {
    if (match_in_entity(doc, m) || negated(doc, m.first_token, a.language)) continue;
    if (in_quotes(doc, m.first_token) && !quote_is_the_pitch(a)) continue;
    if (job_terms(a, m) || cure_of_the_illness(a, m.first_token)) continue;
    const Sentence& sentence = sentence_of(doc, m.first_token);
    if (ends_with_question_mark(doc, sentence) && !asserts_as_question(a, sentence)) continue;  // "Is there a cure?"
    // A claim reported to refute it ("This misleading video says turmeric
    // cures cancer"): the post is debunking, not claiming.
    if (matches_in(a, List::care_claim_refuted, sentence)) continue;
    // The same in other words: the claim denied in its own clause ("ni el
    // ibuprofeno ni los antibióticos la curan"), or, in English, answered
    // by the next sentence ("... cures cancer. It doesn't.").
    if (denied_in_clause(a, sentence, m.first_token)) continue;
    if (a.language != Language::es &&
        (refuted_next(a, sentence) || denied_after(doc, m.last_token) || hedged_passive(a, m.first_token))) {
      continue;
    }
    const std::string original = doc.utf8(m.start, m.end);
    Hint h{"care.claim", Severity::warning, m.start, m.end, "", "", {}};
    h.message = sink.message("care.claim", {original});
    h.suggestion = sink.message("care.claim.do");
    for (const std::string& r : m.phrase->replacements) h.replacements.push_back(match_case(original, r));
    sink.add(std::move(h));
  }
  outcome_claims(a, sink);
  above_medicine(a, sink);
  never_again(a, sink);
  gone_for_good(a, sink);
  certain_by_medicine(a, sink);
}

const RuleCheck kChecks[] = {
    {"care.patient-privacy", check_patient_privacy},
    {"care.confirms-patient", check_confirms_patient},
    {"care.claim", check_claim},
    {"care.advice", check_advice},
};

}  // namespace

std::span<const RuleCheck> care_checks() { return kChecks; }

}  // namespace chime
