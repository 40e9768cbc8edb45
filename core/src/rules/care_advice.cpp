// care.advice (rules.md section 6): no medical advice to one person in
// public: a change to a medicine, or a dose and a regimen, said to the
// reader (docs/rules/care.md).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "match/phrases.hpp"
#include "rules/care_advice.hpp"
#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/rule.hpp"
#include "rules/spanish_words.hpp"

namespace chime {

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
  return endings.ends_with_entry(t.folded);
}

namespace {

bool overlaps_any(const PhraseMatch& m, const std::vector<PhraseMatch>& others) {
  return std::any_of(others.begin(), others.end(),
                     [&](const PhraseMatch& o) { return m.start < o.end && o.start < m.end; });
}

// ---- care.advice by structure: a medicine and a change to it -------------

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
// "should", "could", "then", "and", "so"? Not after "you" that a
// condition opens (lists/advice_conditions.tsv: "before you stop").
bool addressed(const Document& doc, const Sentence& s, size_t i) {
  if (i == first_own_word(doc, s.first_token, s.last_token)) return true;
  if (i == 0) return false;
  static const WordList& before = WordList::builtin("lists/advice_openers.tsv");
  static const WordList& conditions = WordList::builtin("lists/advice_conditions.tsv");
  const Token& prev = doc.tokens[i - 1];
  // "before you stop any medicine", "if you skip your statins": a condition
  // on the reader's change, not an order to make it.
  if (prev.folded == "you" && i >= 2 && conditions.contains(doc.tokens[i - 2])) return false;
  if (prev.text == ":" || before.contains(prev)) return true;
  return judged_safe(doc, i);
}

// Is the -ing change at token i suggested to the reader: a verb of
// lists/advice_suggestions.tsv right before it, itself said to the reader
// or after an opening clause's comma ("if your meds make you drowsy, try
// skipping the morning dose")?
bool suggested(const Document& doc, const Sentence& s, size_t i) {
  static const WordList& verbs = WordList::builtin("lists/advice_suggestions.tsv");
  if (i <= s.first_token || !verbs.contains(doc.tokens[i - 1])) return false;
  const size_t v = i - 1;
  return addressed(doc, s, v) || (v > s.first_token && doc.tokens[v - 1].text == ",");
}

// Is the -s form at token i what the reader is told to see to: "sure" or
// "ensure" (lists/advice_ensure.tsv) two or three tokens before it, a
// subject of one or two words between ("make sure she skips", "ensure
// your mum stops")?
bool seen_to(const Document& doc, const Sentence& s, size_t i) {
  static const WordList& ensure = WordList::builtin("lists/advice_ensure.tsv");
  for (size_t back = 2; back <= 3 && i >= s.first_token + back; ++back) {
    const Token& w = doc.tokens[i - back];
    if (ensure.contains(w)) return true;
  }
  return false;
}

// ---- care.advice by structure: a dose and a regimen ------------------------

// "Units" count a dose only of a medicine named after "of" ("4 units of
// your insulin"; not "2 units of blood", "units of alcohol"): the medicine's
// token when the "units" at token k has one, else 0.
size_t units_of_medicine(const Document& doc, size_t k) {
  if (k + 2 >= doc.tokens.size() || doc.tokens[k + 1].folded != "of") return 0;
  for (size_t m = k + 2; m < doc.tokens.size() && m <= k + 3; ++m) {
    if (is_medicine(doc.tokens[m], Language::en) && !token_in_entity(doc, m)) return m;
  }
  return 0;
}

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
  // A medicine counts itself ("take 2 extra ibuprofen") after digits or a
  // number from "two" up ("a", "an", "one" and "half" a medicine are
  // first aid as often: "chew an aspirin"); not "2 doses" (a vaccination
  // schedule).
  const bool counted = digit_first || (t.folded != "a" && t.folded != "an" && t.folded != "one" && t.folded != "half");
  const auto named_medicine = [](const Token& u) {
    return is_medicine(u, Language::en) && u.folded != "dose" && u.folded != "doses" && u.folded != "dosage";
  };
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
    if (u.folded == "units") return units_of_medicine(doc, k);
    if (counted && named_medicine(u) && !token_in_entity(doc, k)) return k;
    if (u.kind == TokenKind::number || u.text == "-" || u.text == "," || u.folded == "to" || u.folded == "of" || u.folded == "a" ||
        u.folded == "extra" || u.folded == "more") {
      continue;
    }
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

// The first token and the end of the clause around token i: its sentence
// cut at a colon or a semicolon. "Reduce salt to one teaspoon a day: it
// lowers your blood pressure" speaks to the reader only in its reason; the
// measure is guidance to everyone.
std::pair<size_t, size_t> clause_around(const Document& doc, const Sentence& s, size_t i) {
  const auto cut = [&](size_t k) { return doc.tokens[k].text == ":" || doc.tokens[k].text == ";"; };
  size_t first = i, last = i + 1;
  while (first > s.first_token && !cut(first - 1)) --first;
  while (last < s.last_token && !cut(last)) ++last;
  return {first, last};
}

// What a verb moving an amount moves to the count at token i: "Cut your
// insulin to 10 units", "Reduce salt to one teaspoon a day". The verb
// (lists/dose_changes.tsv or lists/dose_verbs.tsv) and its object, the
// word before "to", right after the verb or after "your" or "the"; nothing
// when the count is no such target, or the word is a particle or a pronoun
// ("Drop back to 25mg", "increase it to 2 tablets").
std::optional<std::pair<size_t, size_t>> moved_to(const Document& doc, const Sentence& s, size_t i) {
  static const WordList& verbs = WordList::builtin("lists/dose_verbs.tsv");
  static const WordList& changes = WordList::builtin("lists/dose_changes.tsv");
  if (i < s.first_token + 2 || doc.tokens[i - 1].folded != "to") return std::nullopt;
  const size_t object = i - 2;
  const std::string_view w = doc.tokens[object].folded;
  if (doc.tokens[object].kind != TokenKind::word || w == "back" || w == "up" || w == "down" || w == "it" || w == "them") {
    return std::nullopt;
  }
  if (object == s.first_token) return std::nullopt;
  size_t v = object - 1;
  if (v > s.first_token && (doc.tokens[v].folded == "your" || doc.tokens[v].folded == "the")) --v;
  if (!verbs.contains(doc.tokens[v]) && !changes.contains(doc.tokens[v])) return std::nullopt;
  return std::pair{v, object};
}

// How far after a counted medicine its verdict may come ("a couple of
// diazepam from a friend the night before is fine": 7).
constexpr size_t kDoseVerdictReach = 8;

// English: the verdict on the counted medicine or unit at token m, fine,
// safe or okay (lists/advice_fine.tsv) later in its clause: true when
// called so ("A couple of diazepam from a friend the night before is
// fine"), false when denied ("Taking 2 ibuprofen is not safe if you have
// kidney disease": a caution to everyone), nothing when none.
std::optional<bool> dose_verdict(const Analysis& a, const Sentence& s, size_t m) {
  static const LocalizedWordList fine("lists/advice_fine.tsv");
  const Document& doc = a.doc;
  for (size_t k = m + 1; k < s.last_token && k <= m + kDoseVerdictReach; ++k) {
    if (doc.tokens[k].kind == TokenKind::punct) return std::nullopt;
    if (fine.in(a.language).contains(doc.tokens[k])) return !negated(doc, k, a.language);
  }
  return std::nullopt;
}

// English: is the counted medicine at token m ("2 ibuprofen") called fine?
// A dose is judged for the reader. Not a unit ("2 drops"): only a medicine
// named is its own dose.
bool called_fine_dose(const Analysis& a, const Sentence& s, size_t m) {
  return is_medicine(a.doc.tokens[m], Language::en) && dose_verdict(a, s, m) == true;
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
  static const WordList& changes = WordList::builtin("lists/dose_changes.tsv");
  const Document& doc = a.doc;
  static const WordList& units = WordList::builtin("lists/dose_units.tsv");
  const bool reply = is_public_reply(doc);
  static const WordList& numbers = WordList::builtin("lists/dose_numbers.tsv");
  // The cheap test first: a dose needs a unit ("IU", "drops"), digits
  // joined to one ("500mg") or digits or a number from "two" up counting a
  // medicine ("2 ibuprofen", "a couple of diazepam"); most sentences have
  // none.
  bool unit_seen = false;
  for (size_t k = s.first_token; k < s.last_token && !unit_seen; ++k) {
    const Token& t = doc.tokens[k];
    const bool counting = numbers.contains(t) && t.folded != "a" && t.folded != "an" && t.folded != "one" && t.folded != "half";
    unit_seen = t.kind == TokenKind::number ||
                (t.kind == TokenKind::word && (units.contains(t) || t.folded == "units" || counting ||
                                               std::isdigit(static_cast<unsigned char>(t.text[0]))));
  }
  if (!unit_seen) return std::nullopt;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    size_t unit = dose_at(doc, i);
    if (const auto moved = moved_to(doc, s, i)) {
      // A medicine moved to a count is its dose ("units" too: "Cut your
      // insulin to 10 units"); anything else moved to one is a measure of
      // it, guidance to everyone ("Cut your sugar to 6 teaspoons a day").
      const auto [v, object] = *moved;
      if (!is_medicine(doc.tokens[object], Language::en) || token_in_entity(doc, object)) continue;
      if (unit == 0 && i + 1 < s.last_token && doc.tokens[i + 1].folded == "units") unit = i + 1;
      const bool told = addressed(doc, s, v) || (v > s.first_token && doc.tokens[v - 1].text == ",");
      if (unit != 0 && told && !negated(doc, v, a.language)) return std::pair{v, unit};
    }
    if (unit == 0 || unit >= s.last_token) continue;
    if (called_fine_dose(a, s, unit)) return std::pair{i, unit};
    if (dose_verdict(a, s, unit) == false) continue;
    const size_t from = i > s.first_token + kDoseVerbReach ? i - kDoseVerbReach : s.first_token;
    for (size_t v = from; v < i; ++v) {
      // "For a sore throat, gargle with...": an imperative after an opening clause.
      const bool told = addressed(doc, s, v) || (v > s.first_token && doc.tokens[v - 1].text == ",");
      // A verb that moves the dose ("Drop back to 25mg") tells one person's dose only in a reply.
      const bool verb = verbs.contains(doc.tokens[v]) || (reply && changes.contains(doc.tokens[v]));
      if (verb && !token_in_entity(doc, v) && told && !negated(doc, v, a.language)) {
        return std::pair{v, unit};
      }
    }
    if (!frequency_after(doc, s, unit)) continue;
    const size_t opener = first_own_word(doc, s.first_token, s.last_token);
    const auto [clause_first, clause_last] = clause_around(doc, s, i);
    const bool to_reader = reply || a.kind == PostKind::chat_answer || i == opener || (i > 0 && doc.tokens[i - 1].text == ":") ||
                           reader_word_count(a, clause_first, clause_last) > 0;
    if (to_reader && !negated(doc, i, a.language)) return std::pair{i, unit};
  }
  return std::nullopt;
}

// Does the post answered name a medicine ("is it ok to stop my warfarin")?
bool answered_names_medicine(const Analysis& a) {
  if (!a.in_reply_to) return false;
  return std::any_of(a.in_reply_to->tokens.begin(), a.in_reply_to->tokens.end(),
                     [](const Token& t) { return is_medicine(t, Language::en); });
}

// How many tokens after a change verb its medicine may come ("stop taking
// your blood thinners": 4).
constexpr size_t kMedicineReach = 5;

// Does token k name a medicine that a change can be made to: not in an
// entity, not a word only modifying a service noun after it
// (lists/medicine_services.tsv: "switch your prescription delivery to our
// app" changes how it comes, not what is taken), nor a prescription moved
// "to" or "over" somewhere (lists/medicine_documents.tsv: "switch your
// repeat prescription to electronic").
bool changeable_medicine(const Document& doc, size_t k) {
  static const WordList& services = WordList::builtin("lists/medicine_services.tsv");
  static const WordList& documents = WordList::builtin("lists/medicine_documents.tsv");
  if (!is_medicine(doc.tokens[k], Language::en) || token_in_entity(doc, k)) return false;
  if (k + 1 >= doc.tokens.size()) return true;
  const Token& next = doc.tokens[k + 1];
  return !services.contains(next) && !(documents.contains(doc.tokens[k]) && (next.folded == "to" || next.folded == "over"));
}

// Does a dose word ("dose", "doses"; Spanish "dosis") stand in tokens
// [first, last)?
bool names_dose(const Document& doc, size_t first, size_t last) {
  for (size_t k = first; k < last; ++k) {
    const std::string_view w = doc.tokens[k].folded;
    if (w == "dose" || w == "doses" || w == "dosis") return true;
  }
  return false;
}

// English: the first and last tokens of what tells the reader to change a
// medicine ("stop taking finasteride", "you can skip the tablets"), or, in
// a post that promises a cure (`claimed`), to discard it
// (lists/medicine_discards.tsv: "throw away your pills"); nothing when
// nothing does.
std::optional<std::pair<size_t, size_t>> medicine_change(const Analysis& a, const Sentence& s, bool claimed) {
  static const WordList& changes = WordList::builtin("lists/medicine_changes.tsv");
  static const WordList& discards = WordList::builtin("lists/medicine_discards.tsv");
  const Document& doc = a.doc;
  // The cheap words first: a medicine is looked for only after a change verb.
  const bool reply = is_public_reply(doc);
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word) continue;
    if (!(changes.contains(t) || (claimed && discards.contains(t))) || token_in_entity(doc, i) || negated(doc, i, a.language)) continue;
    // "stopping" only when called safe ("and stopping them can be
    // dangerous" warns); the imperative also after an opening clause ("if
    // the fever won't come down, alternate...").
    // "skips" only after "make sure she" (lists/advice_ensure.tsv).
    const bool told = t.folded.ends_with("ing") ? judged_safe(doc, i) || suggested(doc, s, i)
                      : t.folded.ends_with("s") ? seen_to(doc, s, i)
                                                : addressed(doc, s, i) || (i > s.first_token && doc.tokens[i - 1].text == ",");
    if (!told) continue;
    for (size_t k = i + 1; k < s.last_token && k <= i + kMedicineReach; ++k) {
      if (changeable_medicine(doc, k)) return std::pair{i, k};
      // "If you miss a dose, double the next one": "one" takes up the dose
      // the sentence named before the change.
      if (doc.tokens[k].folded == "one" && names_dose(doc, s.first_token, i)) return std::pair{i, k};
    }
    // "stop it 5 days before", answering "is it ok to stop my warfarin?":
    // the pronoun takes up the medicine the post answered names. Not a
    // prescription moved somewhere ("switch it to our Elm St branch").
    if (reply && i + 1 < s.last_token && (doc.tokens[i + 1].folded == "it" || doc.tokens[i + 1].folded == "them") &&
        !(i + 2 < s.last_token && (doc.tokens[i + 2].folded == "to" || doc.tokens[i + 2].folded == "over")) &&
        answered_names_medicine(a)) {
      return std::pair{i, i + 1};
    }
  }
  return std::nullopt;
}

// English: the first and last tokens of a medicine moved up or down, said
// to the reader: an imperative (addressed, or after an opening clause's
// comma), "your" or "the", a medicine, "up" or "down", then "to", "by" or
// a count ("Bump your allopurinol up to twice the usual tablets", "Knock
// the steroids down by half"), whatever the verb. Not "keep your meds up
// high" (no amount) nor "up to date".
std::optional<std::pair<size_t, size_t>> moved_up_or_down(const Analysis& a, const Sentence& s) {
  static const WordList& numbers = WordList::builtin("lists/dose_numbers.tsv");
  const Document& doc = a.doc;
  for (size_t k = s.first_token + 2; k + 2 < s.last_token; ++k) {
    const std::string_view particle = doc.tokens[k + 1].folded;
    if ((particle != "up" && particle != "down") || !is_medicine(doc.tokens[k], Language::en) || token_in_entity(doc, k)) continue;
    const std::string_view det = doc.tokens[k - 1].folded;
    if (det != "your" && det != "the") continue;
    const size_t v = k - 2;
    const bool told = addressed(doc, s, v) || (v > s.first_token && doc.tokens[v - 1].text == ",");
    if (!told || doc.tokens[v].kind != TokenKind::word || negated(doc, v, a.language)) continue;
    const Token& amount = doc.tokens[k + 2];
    const std::string_view w = amount.folded;
    if (w == "to" && k + 3 < s.last_token && doc.tokens[k + 3].folded == "date") continue;  // "keep your jabs up to date"
    if (w == "to" || w == "by" || w == "twice" || w == "double" || amount.kind == TokenKind::number || numbers.contains(amount)) {
      return std::pair{v, k + 1};
    }
  }
  return std::nullopt;
}

// How far before the place of care the verb that skips it may stand
// ("never need to see a doctor": 4).
constexpr size_t kSkipReach = 4;

// English: the first and last tokens of what tells the reader to skip
// care: a place of care (lists/care_sources.tsv: doctor, GP, hospital)
// ending its phrase (punctuation, the sentence's end or "again" after it),
// within kSkipReach words after "never need" or a denied "wait" ("you'll
// never need a doctor", "Don't wait for a doctor!"), said to the reader
// (a reader word in the sentence, or the denial opening it). Nothing when
// nothing does. "You don't need a GP appointment for a flu jab" names a
// service. Whether the post makes skipping care advice at all (a medicine
// named or a cure promised, no emergency care) is check_advice's to say,
// once per post.
std::optional<std::pair<size_t, size_t>> skips_care(const Analysis& a, const Sentence& s) {
  static const WordList& sources = WordList::builtin("lists/care_sources.tsv");
  const Document& doc = a.doc;
  for (size_t k = s.first_token + 1; k < s.last_token; ++k) {
    if (!sources.contains(doc.tokens[k]) || token_in_entity(doc, k)) continue;
    const bool ends = k + 1 == s.last_token || doc.tokens[k + 1].kind == TokenKind::punct || doc.tokens[k + 1].folded == "again";
    if (!ends) continue;
    for (size_t v = k > s.first_token + kSkipReach ? k - kSkipReach : s.first_token; v < k; ++v) {
      const std::string_view w = doc.tokens[v].folded;
      const bool never_need = w.starts_with("need") && v > s.first_token && doc.tokens[v - 1].folded == "never";
      const bool no_wait = w == "wait" && negated(doc, v, a.language);
      if (!never_need && !no_wait) continue;
      const size_t opener = first_own_word(doc, s.first_token, s.last_token);
      if (reader_word_count(a, s.first_token, s.last_token) > 0 || v <= opener + 2) return std::pair{v, k};
    }
  }
  return std::nullopt;
}

// Is token k a medicine in the post's language: is_medicine, and in Spanish
// also the general words of es/lists/claim_medicines.tsv ("pastillas",
// "tratamiento"), which English's list holds itself.
bool names_medicine(const Analysis& a, size_t k) {
  static const WordList& general = WordList::builtin("es/lists/claim_medicines.tsv");
  const Token& t = a.doc.tokens[k];
  if (token_in_entity(a.doc, k)) return false;
  return is_medicine(t, a.language) || (a.language == Language::es && general.contains(t));
}

// In a reply, the first and last tokens of what calls two medicines fine
// together ("ibuprofen is fine with your lisinopril", "el ibuprofeno es
// compatible con tus pastillas": lists/advice_fine.tsv); nothing when
// nothing does.
std::optional<std::pair<size_t, size_t>> called_fine(const Analysis& a, const Sentence& s) {
  static const LocalizedWordList fine("lists/advice_fine.tsv");
  const Document& doc = a.doc;
  if (!is_public_reply(doc)) return std::nullopt;
  size_t fine_word = s.last_token;
  for (size_t i = s.first_token; i < s.last_token && fine_word == s.last_token; ++i) {
    if (doc.tokens[i].kind == TokenKind::word && fine.in(a.language).contains(doc.tokens[i])) fine_word = i;
  }
  if (fine_word == s.last_token || negated(doc, fine_word, a.language)) return std::nullopt;
  // One medicine before the verdict and one after it in its clause: "most
  // antibiotics are fine with a glass of wine, but a few (like
  // metronidazole) are not" calls wine fine, not a second medicine.
  bool before = false, after = false;
  for (size_t i = s.first_token; i < fine_word && !before; ++i) before = names_medicine(a, i);
  for (size_t i = fine_word + 1; i < s.last_token && !after && doc.tokens[i].kind != TokenKind::punct; ++i) after = names_medicine(a, i);
  if (before && after) return std::pair{first_own_word(doc, s.first_token, s.last_token), fine_word};
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
  if (t.kind != TokenKind::word) return false;
  if (verbs.contains(t)) return true;
  std::string_view w = t.folded;
  bool object_only = true;  // every pronoun is lo, la, los, las, le or les
  bool accented = false;
  for (int pronouns = 0; pronouns < 2; ++pronouns) {
    // Any pronoun but the vosotros "os" (the stems are tú, usted and
    // ustedes imperatives; "-os" ends many plurals); the verb keeps 2
    // bytes or more ("da", "di").
    const std::string_view p = spanish_enclitic(w, 1);
    if (p.empty() || p == "os") break;
    if (pronouns == 0) accented = without_accents(w) != w;  // only a word that may carry pronouns is looked at
    object_only = object_only && p.starts_with("l");
    w.remove_suffix(p.size());
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

// Spanish: does the imperative give to someone in the reader's care, the
// third person's "le" or "les" on it ("dale", "dele", "ponle",
// "adminístrele")? A regimen of anything given to a child or a parent is
// a dosing; one for yourself is as often a diet ("toma una cucharada de
// chía cada mañana").
bool gives_to_another(const Token& v) {
  const std::string_view w = v.folded;
  return w.ends_with("le") || w.ends_with("les");
}

// Spanish: does a schedule follow token m in its sentence: a regimen
// (spanish_regimen_at), a word that is one (es/lists/dose_schedules.tsv:
// "diarias", "en ayunas"), or "cada" and a time (es/lists/dose_times.tsv:
// "cada noche")?
bool spanish_schedule_after(const Document& doc, const Sentence& s, size_t m) {
  static const WordList& frequencies = WordList::builtin("es/lists/dose_schedules.tsv");
  static const WordList& times = WordList::builtin("es/lists/dose_times.tsv");
  for (size_t k = m + 1; k < s.last_token; ++k) {
    if (frequencies.contains(doc.tokens[k])) return true;
    if (doc.tokens[k].folded == "cada" && k + 1 < s.last_token && times.contains(doc.tokens[k + 1])) return true;
    if (const size_t last = spanish_regimen_at(doc, k); last != 0 && last < s.last_token) return true;
  }
  return false;
}

// How far after an order read by its place in the clause its medicine or
// dose may come ("prueba con 2 cápsulas": 3).
constexpr size_t kClauseOrderReach = 4;

// Spanish: is the word at token v, one of `verbs` (imperatives that are
// also a noun or a third person's present, es/lists/advice_clause_verbs.tsv:
// "prueba", "toma", "sigue"; or lists/medicine_discards.tsv), an order:
// does it open the sentence or a clause (after punctuation, "y" or "e")?
// "Paz, prueba con 2 cápsulas", not "una prueba con 50 pacientes".
bool spanish_clause_order(const Document& doc, const Sentence& s, size_t v, const WordList& verbs) {
  if (!verbs.contains(doc.tokens[v])) return false;
  if (v == first_own_word(doc, s.first_token, s.last_token)) return true;
  if (v == s.first_token) return false;
  const Token& prev = doc.tokens[v - 1];
  return prev.kind == TokenKind::punct || prev.folded == "y" || prev.folded == "e";
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
  std::string_view w = doc.tokens[v].folded;
  if (!infinitives.contains(doc.tokens[v])) {
    // One third person's pronoun (not "les"), or the reader's own
    // reflexive in any form of address, "se" (usted), "te" (tú) or "os"
    // (vosotros): "tomarlo", "tomarse", "tomarte", "tomaros"; or that and
    // "lo" or "la" ("dárselo", "tomártelo"). Not "me" or "nos": the writer
    // taking it is no advice. The infinitive keeps 3 bytes or more ("dar").
    const std::string_view p = spanish_enclitic(w, 2);
    const bool reflexive = p == "se" || p == "te" || p == "os";
    if (!(reflexive || (p.starts_with("l") && p != "les"))) return false;
    w.remove_suffix(p.size());
    if (const std::string_view r = spanish_enclitic(w, 2); (p == "lo" || p == "la") && (r == "se" || r == "te" || r == "os")) {
      w.remove_suffix(r.size());
    }
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
// en casa", "tómeselo cada 8 horas", whatever the words around them; in a
// post that promises a cure (`claimed`), also an order to discard a
// medicine ("Tira tus pastillas"). Its token and the medicine's, or nothing.
std::optional<std::pair<size_t, size_t>> spanish_medicine_order(const Analysis& a, const Sentence& s, bool claimed) {
  static const WordList& dose_forms = WordList::builtin("es/lists/dose_forms.tsv");
  static const WordList& changes = WordList::builtin("es/lists/advice_dose_changes.tsv");
  static const WordList& clause_verbs = WordList::builtin("es/lists/advice_clause_verbs.tsv");
  static const WordList& discards = WordList::builtin("lists/medicine_discards.tsv");
  const Document& doc = a.doc;
  for (size_t v = s.first_token; v < s.last_token; ++v) {
    if (token_in_entity(doc, v) || negated(doc, v, a.language)) continue;
    if (claimed && spanish_clause_order(doc, s, v, discards)) {
      for (size_t m = v + 1; m < s.last_token && m <= v + kClauseOrderReach; ++m) {
        if (names_medicine(a, m)) return std::pair{v, m};
      }
    }
    const bool listed = is_spanish_advice_verb(doc.tokens[v]) || spanish_modal_advice(doc, v);
    if (!listed && !spanish_clause_order(doc, s, v, clause_verbs)) continue;
    for (size_t m = v + 1; m < s.last_token; ++m) {
      // An order read by its place in the clause reaches a few words into
      // it only ("toma agua durante el día, no te automediques con ...";
      // "Sigue en directo la charla sobre antibióticos" names a topic).
      if (!listed && (doc.tokens[m].kind == TokenKind::punct || m > v + kClauseOrderReach)) break;
      if (token_in_entity(doc, m)) continue;
      if (is_medicine(doc.tokens[m], Language::es)) return std::pair{v, m};
      // "Si se te olvida una dosis, toma el doble": "el doble" takes up the
      // dose the sentence named before the order.
      if (doc.tokens[m].folded == "doble" && doc.tokens[m - 1].folded == "el" && names_dose(doc, s.first_token, v)) return std::pair{v, m};
      // A change to the reader's own dose: "puedes bajar tu dosis a la mitad".
      if (doc.tokens[m].folded == "dosis" && changes.contains(doc.tokens[v]) && reader_word_count(a, m - 1, m) > 0) {
        return std::pair{v, m};
      }
      if (dose_forms.contains(doc.tokens[m])) {
        // "dos gotas de cloro por litro": a measure of something that is
        // no medicine; "20 gotas de metamizol" names one, and the reader's
        // own dose ("seguí con tus 500 mg de siempre") or a schedule for
        // someone in their care makes a dose of any ("dale 3 gotitas de té
        // de anís cada noche").
        const bool of_other = m + 2 < s.last_token && doc.tokens[m + 1].folded == "de" &&
                              !is_medicine(doc.tokens[m + 2], Language::es);
        const bool theirs = reader_word_count(a, m >= v + 3 ? m - 2 : v + 1, m) > 0;
        if (!of_other || theirs || (gives_to_another(doc.tokens[v]) && spanish_schedule_after(doc, s, m))) return std::pair{v, m};
        continue;
      }
      if (const size_t last = spanish_regimen_at(doc, m); last != 0 && last < s.last_token) return std::pair{v, last};
    }
  }
  return std::nullopt;
}

// English: is the care a post says the reader may skip scoped to an
// illness in general, "for a" or "for an" right after the phrase ("You
// don't need to see a doctor for a cold: rest, fluids and paracetamol
// help", a pharmacy's guidance to everyone)? Not in a reply, where "you"
// is the person answered, nor "for this" or "for your cough".
bool general_scope(const Analysis& a, const PhraseMatch& m) {
  const Document& doc = a.doc;
  if (a.language == Language::es || is_public_reply(doc) || m.phrase->note != "discourages care") return false;
  const size_t k = m.last_token;
  return k + 1 < doc.tokens.size() && doc.tokens[k].folded == "for" &&
         (doc.tokens[k + 1].folded == "a" || doc.tokens[k + 1].folded == "an");
}

}  // namespace

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
    if (general_scope(a, m)) continue;
    auto [start, end] = sentence_span(doc, s);
    Hint h{"care.advice", Severity::warning, start, end, "", "", m.phrase->replacements};
    h.message = sink.message("care.advice", {doc.utf8(m.start, m.end)});
    h.suggestion = sink.message("care.advice.do");
    sink.add(std::move(h));
    flagged.push_back(s.end);
  }
  // The same instruction in words no list holds: in English a change verb
  // said to the reader with a medicine, in Spanish an imperative to take,
  // give or stop with a medicine or a dose; in a reply in either, two
  // medicines called fine together.
  const bool spanish = a.language == Language::es;
  // A cure promised in the post (care.claim runs first) makes discarding a
  // medicine an order to stop it for the product.
  const bool claimed = has_problem(sink, "care.claim");
  // Skipping care is advice where a medicine is named or a cure promised,
  // but not in a post naming emergency care (lists/care_emergency.tsv):
  // "Don't wait for a doctor: call 999" sends the reader to faster care.
  // Decided once for the post, not per sentence.
  static const WordList& emergency = WordList::builtin("lists/care_emergency.tsv");
  bool medicine_named = claimed;
  for (size_t k = 0; k < doc.tokens.size() && !medicine_named && !spanish; ++k) {
    medicine_named = is_medicine(doc.tokens[k], a.language) && !token_in_entity(doc, k);
  }
  const bool care_skippable = !spanish && medicine_named &&
                              std::none_of(doc.tokens.begin(), doc.tokens.end(), [&](const Token& t) { return emergency.contains(t); });
  for (const Sentence& s : doc.sentences) {
    // The cheap test first: most sentences name no change to a medicine.
    auto order = spanish ? spanish_medicine_order(a, s, claimed) : medicine_change(a, s, claimed);
    if (!order) order = called_fine(a, s);
    if (!order && !spanish) order = dose_order(a, s);
    if (!order && !spanish) order = moved_up_or_down(a, s);
    if (!order && care_skippable) order = skips_care(a, s);
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

}  // namespace chime
