// Care (rules.md section 6): the rules a healthcare account lives under:
// patient privacy (HIPAA in the US, and the like elsewhere), honest health
// claims, and no medical advice to one person in public.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "match/phrases.hpp"
#include "rules/care_privacy.hpp"
#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/rule.hpp"

namespace chime {

namespace {

bool matches_in(const Analysis& a, List list, const Sentence& s) {
  return lists(a).any(list, s.first_token, s.last_token);
}

bool overlaps_any(const PhraseMatch& m, const std::vector<PhraseMatch>& others) {
  return std::any_of(others.begin(), others.end(),
                     [&](const PhraseMatch& o) { return m.start < o.end && o.start < m.end; });
}

// A sentence's span without the @mentions it opens with ("@jane Stop taking
// your..."): replacing it must not delete whom the reply is for.
std::pair<int32_t, int32_t> sentence_span(const Document& doc, const Sentence& s) {
  size_t first = first_own_word(doc, s.first_token, s.last_token);
  return {first < s.last_token ? doc.tokens[first].start : s.start, s.end};
}

// How far back a negation may deny a claim in its own clause ("no food or
// drink cures type 2 diabetes": 5 tokens).
constexpr size_t kClauseReach = 8;

// Is the claim at token `first` denied in its own clause: a negation
// (lists/negations.tsv) between it and the clause's start (the sentence's
// start, a comma, colon, semicolon or "but"), at most kClauseReach tokens
// back? "No tea or supplement cures...", "nothing you drink detoxes...".
bool denied_in_clause(const Analysis& a, const Sentence& s, size_t first) {
  static const LocalizedWordList negations("lists/negations.tsv");
  const Document& doc = a.doc;
  for (size_t k = first; k > s.first_token && k + kClauseReach > first; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.text == "," || t.text == ":" || t.text == ";" || t.folded == "but") return false;
    if (negations.in(a.language).contains(t)) return true;
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

// How far after an outcome verb its disease may come ("reverses type 2
// diabetes": 1; "kills 99% of cancer cells": 3).
constexpr size_t kOutcomeReach = 4;

// English: an outcome verb (lists/claim_outcomes.tsv: reverses, heals,
// kills, eliminates...) with a diagnosis within kOutcomeReach words after
// it, not hedged (lists/claim_hedges.tsv) in the two words before, and not
// denied, asked, quoted or reported to refute it: "our herbal protocol
// reverses type 2 diabetes", whatever the product.
void outcome_claims(const Analysis& a, HintSink& sink) {
  static const WordList& outcomes = WordList::builtin("lists/claim_outcomes.tsv");
  static const WordList& hedges = WordList::builtin("lists/claim_hedges.tsv");
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  if (!matches.hit(List::diagnoses)) return;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!outcomes.contains(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    size_t disease = 0;
    for (size_t k = i + 1; k < s.last_token && k <= i + kOutcomeReach && disease == 0; ++k) {
      if (const Phrase* p = matches.starting_at(List::diagnoses, k, s.last_token)) {
        if (!token_in_entity(doc, k)) disease = k + p->tokens.size() - 1;
      }
    }
    if (disease == 0) continue;
    bool hedged = false;
    for (size_t k = i > s.first_token + 2 ? i - 2 : s.first_token; k < i; ++k) hedged = hedged || hedges.contains(doc.tokens[k]);
    if (hedged || negated(doc, i, a.language) || in_quotes(doc, i) || ends_with_question_mark(doc, s)) continue;
    if (matches.any(List::care_claim_refuted, s.first_token, s.last_token) || denied_in_clause(a, s, i) || refuted_next(a, s)) continue;
    const int32_t start = doc.tokens[i].start, end = doc.tokens[disease].end;
    if (std::any_of(sink.hints().begin(), sink.hints().end(), [&](const Hint& h) {
          return h.rule == "care.claim" && h.start < end && start < h.end;
        })) {
      continue;
    }
    const std::string original = doc.utf8(start, end);
    Hint h{"care.claim", Severity::warning, start, end, "", "", {}};
    h.message = sink.message("care.claim", {original});
    h.suggestion = sink.message("care.claim.do");
    sink.add(std::move(h));
  }
}

void check_claim(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  // Built-in and configured claims, minus those inside a guard ("no known cure").
  for (const PhraseMatch& m : rule_phrases(a, "care.claim", List::care_claim, List::care_claim_not)) {
    if (match_in_entity(doc, m) || negated(doc, m.first_token, a.language) || in_quotes(doc, m.first_token)) continue;
    const Sentence& sentence = sentence_of(doc, m.first_token);
    if (ends_with_question_mark(doc, sentence)) continue;  // "Is there a cure?"
    // A claim reported to refute it ("This misleading video says turmeric
    // cures cancer"): the post is debunking, not claiming.
    if (matches_in(a, List::care_claim_refuted, sentence)) continue;
    // The same in other words, in English: the claim denied in its own
    // clause, or answered by the next sentence ("... cures cancer. It
    // doesn't.").
    if (a.language != Language::es && (denied_in_clause(a, sentence, m.first_token) || refuted_next(a, sentence))) {
      continue;
    }
    const std::string original = doc.utf8(m.start, m.end);
    Hint h{"care.claim", Severity::warning, m.start, m.end, "", "", {}};
    h.message = sink.message("care.claim", {original});
    h.suggestion = sink.message("care.claim.do");
    for (const std::string& r : m.phrase->replacements) h.replacements.push_back(match_case(original, r));
    sink.add(std::move(h));
  }
  if (a.language != Language::es) outcome_claims(a, sink);
}

// ---- care.advice by structure: a medicine and a change to it -------------

// A word that names a medicine in the post's language: a generic noun or a
// common name (lists/medicines.tsv, es/lists/medicines.tsv), or an
// international non-proprietary name's ending ("lisinopril": -pril;
// "losartán", "rosuvastatina": es/lists/medicine_suffixes.tsv) with at least
// three letters before it.
bool is_medicine(const Token& t, Language language) {
  static const WordList& english_names = WordList::builtin("lists/medicines.tsv");
  static const WordList& english_endings = WordList::builtin("lists/medicine_suffixes.tsv");
  static const WordList& spanish_names = WordList::builtin("es/lists/medicines.tsv");
  static const WordList& spanish_endings = WordList::builtin("es/lists/medicine_suffixes.tsv");
  const bool spanish = language == Language::es;
  const WordList& names = spanish ? spanish_names : english_names;
  const WordList& endings = spanish ? spanish_endings : english_endings;
  if (t.kind != TokenKind::word) return false;
  if (names.contains(t)) return true;
  const std::string_view w = t.folded;
  for (size_t cut = 3; cut + 3 <= w.size(); ++cut) {
    if (endings.contains(w.substr(cut))) return true;
  }
  return false;
}

// Is the change at token i called safe: a verdict (lists/advice_verdicts.tsv)
// right before it, or before "to" ("fine stopping", "safe to skip")?
bool judged_safe(const Document& doc, size_t i) {
  static const WordList& verdicts = WordList::builtin("lists/advice_verdicts.tsv");
  if (i == 0) return false;
  if (verdicts.contains(doc.tokens[i - 1])) return true;
  return i >= 2 && doc.tokens[i - 1].folded == "to" && verdicts.contains(doc.tokens[i - 2]);
}

// Is token i said to the reader: the sentence's first word (or the first
// after a colon: "Quick tip: stop..."), or after "you", "just", "can",
// "should", "could", "then", "and", "so"?
bool addressed(const Document& doc, const Sentence& s, size_t i) {
  if (i == first_own_word(doc, s.first_token, s.last_token)) return true;
  if (i == 0) return false;
  static const WordList& before = WordList::builtin("lists/advice_openers.tsv");
  const Token& prev = doc.tokens[i - 1];
  if (prev.text == ":" || before.contains(prev)) return true;
  return judged_safe(doc, i);
}

// ---- care.advice by structure: a dose and a regimen ------------------------

// If a dose is counted at token i ("10,000 IU", "15 drops", "a teaspoon",
// "500mg": a number or a number word, then a unit or form of
// lists/dose_units.tsv), the dose's last token; else 0.
size_t dose_at(const Document& doc, size_t i) {
  static const WordList& units = WordList::builtin("lists/dose_units.tsv");
  static const WordList& numbers = WordList::builtin("lists/dose_numbers.tsv");
  const Token& t = doc.tokens[i];
  // The cheap test first: most tokens are neither digits nor number words.
  const bool digit_first = !t.text.empty() && std::isdigit(static_cast<unsigned char>(t.text[0]));
  if (!digit_first && !numbers.contains(t)) return 0;
  if (token_in_entity(doc, i)) return 0;
  // "500mg", "5ml": digits and the unit in one token.
  if (t.kind == TokenKind::word && digit_first) {
    const std::string_view w = t.folded;
    size_t cut = 0;
    while (cut < w.size() && (std::isdigit(static_cast<unsigned char>(w[cut])) || w[cut] == '.' || w[cut] == ',')) ++cut;
    return cut > 0 && cut < w.size() && units.contains(w.substr(cut)) ? i : 0;
  }
  // The unit right after the number, or after a "-" ("2-3 drops") or "of" ("half of a tablet").
  for (size_t k = i + 1; k < doc.tokens.size() && k <= i + 3; ++k) {
    const Token& u = doc.tokens[k];
    if (units.contains(u) && !token_in_entity(doc, k)) return k;
    if (u.kind == TokenKind::number || u.text == "-" || u.text == "," || u.folded == "to" || u.folded == "of" || u.folded == "a") continue;
    break;
  }
  return 0;
}

// How far after a dose its frequency may come ("5ml of the syrup every 4
// hours": 6; "half a teaspoon of hydrogen peroxide three times a day": 7).
constexpr size_t kFrequencyReach = 7;

// Does a frequency follow token i within a few tokens ("twice a day",
// "every 2 hours", "at night", "daily")?
bool frequency_after(const Document& doc, const Sentence& s, size_t i) {
  static const WordList& words = WordList::builtin("lists/dose_frequencies.tsv");
  for (size_t k = i + 1; k < s.last_token && k <= i + kFrequencyReach; ++k) {
    const Token& t = doc.tokens[k];
    if (words.contains(t)) return true;
    const std::string_view w = t.folded;
    if ((w == "day" || w == "night" || w == "hours" || w == "hrs" || w == "morning" || w == "evening") && k > 0) {
      const Token& p = doc.tokens[k - 1];
      if (p.kind == TokenKind::number || p.folded == "a" || p.folded == "per" || p.folded == "each" ||
          p.folded == "every" || p.folded == "at" || p.folded == "in") {
        return true;
      }
    }
  }
  return false;
}

// How far before its dose the verb may stand ("Start taking 10,000 IU":
// 2; "Gargle with a teaspoon": 2; "give her 2.5ml of": 3).
constexpr size_t kDoseVerbReach = 6;

// English: the first and last tokens of a dose told to the reader: a dose
// (dose_at) after a verb of taking or giving said to the reader ("Start
// taking 10,000 IU a day", "Gargle with a teaspoon of bleach"), or a dose
// with a frequency ("15 drops twice a day", "alternate them every 2 hours")
// in a reply, a chat answer or a sentence that opens with it or speaks to
// "you". Nothing when neither.
std::optional<std::pair<size_t, size_t>> dose_order(const Analysis& a, const Sentence& s) {
  static const WordList& verbs = WordList::builtin("lists/dose_verbs.tsv");
  const Document& doc = a.doc;
  static const WordList& units = WordList::builtin("lists/dose_units.tsv");
  // The cheap test first: a dose needs a unit ("IU", "drops") or digits
  // joined to one ("500mg"); most sentences have neither.
  bool unit_seen = false;
  for (size_t k = s.first_token; k < s.last_token && !unit_seen; ++k) {
    const Token& t = doc.tokens[k];
    unit_seen = t.kind == TokenKind::word && (units.contains(t) || std::isdigit(static_cast<unsigned char>(t.text[0])));
  }
  if (!unit_seen) return std::nullopt;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    const size_t unit = dose_at(doc, i);
    if (unit == 0 || unit >= s.last_token) continue;
    const size_t from = i > s.first_token + kDoseVerbReach ? i - kDoseVerbReach : s.first_token;
    for (size_t v = from; v < i; ++v) {
      // "For a sore throat, gargle with...": an imperative after an opening clause.
      const bool told = addressed(doc, s, v) || (v > s.first_token && doc.tokens[v - 1].text == ",");
      if (verbs.contains(doc.tokens[v]) && !token_in_entity(doc, v) && told && !negated(doc, v, a.language)) {
        return std::pair{v, unit};
      }
    }
    if (!frequency_after(doc, s, unit)) continue;
    const size_t opener = first_own_word(doc, s.first_token, s.last_token);
    const bool to_reader = is_public_reply(doc) || a.kind == PostKind::chat_answer || i == opener || (i > 0 && doc.tokens[i - 1].text == ":") ||
                           reader_word_count(a, s.first_token, s.last_token) > 0;
    if (to_reader && !negated(doc, i, a.language)) return std::pair{i, unit};
  }
  return std::nullopt;
}

// How many tokens after a change verb its medicine may come ("stop taking
// your blood thinners": 4).
constexpr size_t kMedicineReach = 5;

// English: the first and last tokens of what tells the reader to change a
// medicine ("stop taking finasteride", "you can skip the tablets"), or, in a
// reply, says two medicines are fine together; nothing when neither.
std::optional<std::pair<size_t, size_t>> medicine_change(const Analysis& a, const Sentence& s) {
  static const WordList& changes = WordList::builtin("lists/medicine_changes.tsv");
  static const WordList& fine = WordList::builtin("lists/advice_fine.tsv");
  const Document& doc = a.doc;
  // The cheap words first: a medicine is looked for only after a change
  // verb, or in a reply that calls something fine.
  const bool reply = is_public_reply(doc);
  size_t fine_word = s.last_token;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word) continue;
    if (reply && fine_word == s.last_token && fine.contains(t)) fine_word = i;
    if (!changes.contains(t) || token_in_entity(doc, i) || negated(doc, i, a.language)) continue;
    // "stopping" only when called safe ("and stopping them can be
    // dangerous" warns); the imperative also after an opening clause ("if
    // the fever won't come down, alternate...").
    const bool told = t.folded.ends_with("ing") ? judged_safe(doc, i)
                                                : addressed(doc, s, i) || (i > s.first_token && doc.tokens[i - 1].text == ",");
    if (!told) continue;
    for (size_t k = i + 1; k < s.last_token && k <= i + kMedicineReach; ++k) {
      if (is_medicine(doc.tokens[k], Language::en) && !token_in_entity(doc, k)) return std::pair{i, k};
    }
  }
  if (fine_word == s.last_token || negated(doc, fine_word, a.language)) return std::nullopt;
  size_t medicines = 0;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    if (is_medicine(doc.tokens[i], Language::en) && !token_in_entity(doc, i)) ++medicines;
  }
  if (medicines >= 2) return std::pair{first_own_word(doc, s.first_token, s.last_token), fine_word};
  return std::nullopt;
}

// Does this word open an indirect question ("quién debe tomar", "qué
// hacer si")? Advice after it names a topic, not an order.
bool starts_indirect_question(const Token& t) {
  static const WordList& words = WordList::builtin("es/lists/question_words.tsv");
  return words.contains(t);
}

// Spanish words without the stress accent pronouns add to an imperative
// ("tómese" -> "tomese"): only a, e, i, o, u with an acute accent change.
std::string without_accents(std::string_view w) {
  std::string plain;
  plain.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (static_cast<unsigned char>(w[i]) == 0xC3 && i + 1 < w.size()) {
      const char* plain_vowel = nullptr;
      switch (static_cast<unsigned char>(w[i + 1])) {
        case 0xA1: plain_vowel = "a"; break;
        case 0xA9: plain_vowel = "e"; break;
        case 0xAD: plain_vowel = "i"; break;
        case 0xB3: plain_vowel = "o"; break;
        case 0xBA: plain_vowel = "u"; break;
        default: break;
      }
      if (plain_vowel) {
        plain += plain_vowel;
        ++i;
        continue;
      }
    }
    plain += w[i];
  }
  return plain;
}

// Is this Spanish word an imperative to take, give, apply, stop or change
// something? Listed as it is (es/lists/advice_verbs.tsv: "tome", "dale"),
// or an imperative (es/lists/advice_verb_stems.tsv) carrying one or two
// pronouns: "tómeselo", "suspéndalo", "aplíquesela", "dénselo", "tomalo".
// Pronouns on a longer imperative put an accent on it ("tómate"; "tomate"
// is a tomato); only a single lo/la/le (the vos form "tomalo") or a
// one-syllable imperative ("ponte") does without.
bool is_spanish_advice_verb(const Token& t) {
  static const WordList& verbs = WordList::builtin("es/lists/advice_verbs.tsv");
  static const WordList& stems = WordList::builtin("es/lists/advice_verb_stems.tsv");
  static constexpr std::string_view kPronouns[] = {"los", "las", "les", "nos", "lo", "la", "le", "se", "me", "te"};
  if (t.kind != TokenKind::word) return false;
  if (verbs.contains(t)) return true;
  std::string_view w = t.folded;
  bool object_only = true;  // every pronoun is lo, la, los, las, le or les
  bool accented = false;
  for (int pronouns = 0; pronouns < 2; ++pronouns) {
    const auto* p = std::find_if(std::begin(kPronouns), std::end(kPronouns),
                                 [&](std::string_view c) { return w.size() > c.size() + 1 && w.ends_with(c); });
    if (p == std::end(kPronouns)) break;
    if (pronouns == 0) accented = without_accents(w) != w;  // only a word that may carry pronouns is looked at
    object_only = object_only && p->starts_with("l");
    w.remove_suffix(p->size());
    const std::string stem = without_accents(w);
    const bool one_syllable = stem.size() <= 3;
    if (stems.contains(stem) && (accented || one_syllable || (pronouns == 0 && object_only))) return true;
  }
  return false;
}

// Spanish: if a dose schedule starts at token i ("cada 8 horas", "cada
// ocho horas", "dos veces al día"), its last token; else 0. A schedule is
// advice as much as a medicine's name.
size_t spanish_regimen_at(const Document& doc, size_t i) {
  static const WordList& numbers = WordList::builtin("es/lists/number_words.tsv");
  const auto word = [&](size_t k) { return k < doc.tokens.size() ? std::string_view(doc.tokens[k].folded) : std::string_view(); };
  const auto count = [&](size_t k) {
    return k < doc.tokens.size() && (doc.tokens[k].kind == TokenKind::number || numbers.contains(doc.tokens[k]));
  };
  if (word(i) == "cada" && count(i + 1)) {
    const std::string_view unit = word(i + 2);
    return unit == "horas" || unit == "hora" || unit == "h" || unit == "hs" ? i + 2 : 0;
  }
  const bool daily = count(i) && word(i + 1) == "veces" && (word(i + 2) == "al" || word(i + 2) == "por") &&
                     (word(i + 3) == "día" || word(i + 3) == "dia");
  return daily ? i + 3 : 0;
}

// Spanish: is token v an infinitive of taking, stopping or changing
// (es/lists/advice_infinitives.tsv, with its pronouns: "dejarla",
// "tomarlo") after a modal that tells the reader to ("pueden dejar la
// metformina", "tiene que tomar", "hay que suspender":
// es/lists/advice_modals.tsv)? Not in an indirect question ("quién debe
// tomar profilaxis"): that names a topic.
bool spanish_modal_advice(const Document& doc, size_t v) {
  static const WordList& infinitives = WordList::builtin("es/lists/advice_infinitives.tsv");
  static const WordList& modals = WordList::builtin("es/lists/advice_modals.tsv");
  static constexpr std::string_view kPronouns[] = {"selo", "sela", "los", "las", "lo", "la", "le", "se"};
  std::string_view w = doc.tokens[v].folded;
  if (!infinitives.contains(doc.tokens[v])) {
    const auto* p = std::find_if(std::begin(kPronouns), std::end(kPronouns),
                                 [&](std::string_view c) { return w.size() > c.size() + 2 && w.ends_with(c); });
    if (p == std::end(kPronouns)) return false;
    w.remove_suffix(p->size());
    if (!infinitives.contains(without_accents(w))) return false;
  }
  // The modal just before, or two before with "que" ("tiene que tomar").
  size_t m = v;
  if (m > 0 && doc.tokens[m - 1].folded == "que") --m;
  if (m == 0 || !modals.contains(doc.tokens[m - 1])) return false;
  return !(m >= 2 && starts_indirect_question(doc.tokens[m - 2]));
}

// Spanish: the first token of an imperative to take, give, apply, stop or
// change something followed, in the same sentence, by a medicine, a dose
// or a regimen: "tómate dos ketorolacos", "dale la amoxicilina que tengas
// en casa", "tómeselo cada 8 horas", whatever the words around them. Its
// token and the medicine's, or nothing.
std::optional<std::pair<size_t, size_t>> spanish_medicine_order(const Analysis& a, const Sentence& s) {
  static const WordList& dose_forms = WordList::builtin("es/lists/dose_forms.tsv");
  const Document& doc = a.doc;
  for (size_t v = s.first_token; v < s.last_token; ++v) {
    if (!is_spanish_advice_verb(doc.tokens[v]) && !spanish_modal_advice(doc, v)) continue;
    if (token_in_entity(doc, v) || negated(doc, v, a.language)) continue;
    for (size_t m = v + 1; m < s.last_token; ++m) {
      if (token_in_entity(doc, m)) continue;
      if (is_medicine(doc.tokens[m], Language::es)) return std::pair{v, m};
      if (dose_forms.contains(doc.tokens[m])) {
        // "dos gotas de cloro por litro": a measure of something that is
        // no medicine; "20 gotas de metamizol" names one.
        const bool of_other = m + 2 < s.last_token && doc.tokens[m + 1].folded == "de" &&
                              !is_medicine(doc.tokens[m + 2], Language::es);
        if (!of_other) return std::pair{v, m};
        continue;
      }
      if (const size_t last = spanish_regimen_at(doc, m); last != 0 && last < s.last_token) return std::pair{v, last};
    }
  }
  return std::nullopt;
}

void check_advice(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  std::vector<PhraseMatch> found = matches.find(List::care_advice);
  if (is_public_reply(doc)) {
    for (const PhraseMatch& m : matches.find(List::care_advice_reply)) {
      if (!overlaps_any(m, found)) found.push_back(m);
    }
    std::stable_sort(found.begin(), found.end(), [](const PhraseMatch& x, const PhraseMatch& y) { return x.start < y.start; });
  }
  std::vector<int32_t> flagged;  // the sentences flagged, by their end: one hint per sentence
  for (const PhraseMatch& m : found) {
    if (match_in_entity(doc, m) || negated(doc, m.first_token, a.language)) continue;
    // "quién debe tomar profilaxis": a topic, not an order.
    if (a.language == Language::es && m.first_token > 0 && starts_indirect_question(doc.tokens[m.first_token - 1])) continue;
    const Sentence& s = sentence_of(doc, m.first_token);
    if ((!flagged.empty() && s.end <= flagged.back()) || ends_with_question_mark(doc, s)) continue;
    // "Don't stop taking it unless your doctor tells you to" already points to a clinician.
    if (matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
    auto [start, end] = sentence_span(doc, s);
    Hint h{"care.advice", Severity::warning, start, end, "", "", m.phrase->replacements};
    h.message = sink.message("care.advice", {doc.utf8(m.start, m.end)});
    h.suggestion = sink.message("care.advice.do");
    sink.add(std::move(h));
    flagged.push_back(s.end);
  }
  // The same instruction in words no list holds: in English a change verb
  // said to the reader with a medicine, in Spanish an imperative to take,
  // give or stop with a medicine or a dose.
  const bool spanish = a.language == Language::es;
  for (const Sentence& s : doc.sentences) {
    // The cheap test first: most sentences name no change to a medicine.
    auto order = spanish ? spanish_medicine_order(a, s) : medicine_change(a, s);
    if (!order && !spanish) order = dose_order(a, s);
    if (!order) continue;
    if (std::find(flagged.begin(), flagged.end(), s.end) != flagged.end() || ends_with_question_mark(doc, s)) continue;
    if (matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
    auto [start, end] = sentence_span(doc, s);
    const char* insertion = spanish ? "insert.ask-about-treatment" : "insert.ask-before-medicine-change";
    Hint h{"care.advice", Severity::warning, start, end, "", "", {sink.insertion(insertion)}};
    h.message = sink.message("care.advice", {doc.utf8(doc.tokens[order->first].start, doc.tokens[order->second].end)});
    h.suggestion = sink.message("care.advice.do");
    sink.add(std::move(h));
  }
}

size_t care_fact_at(const Analysis& a, const Sentence& s, size_t i);

// How many words may stand between "your" and what the clinic holds
// ("your lumbar MRI", "your follow-up blood test results": 3).
constexpr size_t kCareNounReach = 3;

// If token i is "your" followed within kCareNounReach words by a care-record
// noun (lists/care_record_nouns.tsv), a procedure or a diagnosis, that
// noun's last token; else 0.
size_t care_noun_after_your(const Analysis& a, size_t i) {
  const Document& doc = a.doc;
  if (doc.tokens[i].folded != "your" || token_in_entity(doc, i)) return 0;
  const Sentence& s = sentence_of(doc, i);
  for (size_t k = i + 1; k < s.last_token && k <= i + kCareNounReach; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) return 0;  // punctuation ends the phrase
    if (token_in_entity(doc, k)) return 0;
    if (const size_t fact = care_fact_at(a, s, k)) return fact;
  }
  return 0;
}

// Does the sentence say what happened to it (lists/care_findings.tsv:
// ready, done, back, booked, normal, high...)?
bool has_finding(const Document& doc, const Sentence& s) {
  static const WordList& findings = WordList::builtin("lists/care_findings.tsv");
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (findings.contains(doc.tokens[k]) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// Does a post speak of its writer or their family in the first person
// (es/lists/first_person.tsv: mi, mis, me, yo)?
bool speaks_of_self(const Document& doc) {
  static const WordList& self = WordList::builtin("es/lists/first_person.tsv");
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    if (self.contains(doc.tokens[k]) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// Is token i a care-record noun, a procedure or a diagnosis starting there,
// or (with a finding in its sentence) a medicine? Its last token, else 0.
size_t care_fact_at(const Analysis& a, const Sentence& s, size_t i) {
  static const WordList& nouns = WordList::builtin("lists/care_record_nouns.tsv");
  const Document& doc = a.doc;
  const Token& t = doc.tokens[i];
  if (token_in_entity(doc, i)) return 0;
  if (nouns.contains(t)) return i;
  for (List list : {List::procedures, List::diagnoses}) {
    if (const Phrase* p = lists(a).starting_at(list, i)) return i + p->tokens.size() - 1;
  }
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
// (es/lists/confirms_finding: "salió", "aparece", "revisamos", "después"):
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
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (!told && (own(k, record) || matches.any(List::procedures, k, k + 1))) {
      if (matches.any(List::care_confirms_generic, s.first_token, k)) return std::nullopt;
      told = k;
    }
    has_person = has_person || own(k, person);
    has_finding = has_finding || (own(k, finding) && !negated(doc, k, a.language));  // "no revisamos resultados aquí"
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
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const size_t noun = care_noun_after_your(a, i);
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

const RuleCheck kChecks[] = {
    {"care.patient-privacy", check_patient_privacy},
    {"care.confirms-patient", check_confirms_patient},
    {"care.claim", check_claim},
    {"care.advice", check_advice},
};

}  // namespace

std::span<const RuleCheck> care_checks() { return kChecks; }

}  // namespace chime
