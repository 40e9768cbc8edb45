// Care (rules.md section 6): the rules a healthcare account lives under:
// patient privacy (HIPAA in the US, and the like elsewhere), honest health
// claims, and no medical advice to one person in public.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "match/phrases.hpp"
#include "rules/care_privacy.hpp"
#include "rules/features.hpp"
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
    const std::string original = doc.utf8(m.start, m.end);
    Hint h{"care.claim", Severity::warning, m.start, m.end, "", "", {}};
    h.message = sink.message("care.claim", {original});
    h.suggestion = sink.message("care.claim.do");
    for (const std::string& r : m.phrase->replacements) h.replacements.push_back(match_case(original, r));
    sink.add(std::move(h));
  }
}

// Spanish: the first token of an imperative to take, give, apply, stop or
// change something (es/lists/advice_verbs.tsv) followed, in the same
// sentence, by a medicine or a dose (es/lists/medicines.tsv): "tómate dos
// ketorolacos", "dale la amoxicilina que tengas en casa", whatever the
// words around them. Its token and the medicine's, or nothing.
std::optional<std::pair<size_t, size_t>> spanish_medicine_order(const Analysis& a, const Sentence& s) {
  if (a.language != Language::es) return std::nullopt;
  static const WordList& verbs = WordList::builtin("es/lists/advice_verbs.tsv");
  static const WordList& medicines = WordList::builtin("es/lists/medicines.tsv");
  const Document& doc = a.doc;
  for (size_t v = s.first_token; v < s.last_token; ++v) {
    if (!verbs.contains(doc.tokens[v]) || token_in_entity(doc, v) || negated(doc, v, a.language)) continue;
    for (size_t m = v + 1; m < s.last_token; ++m) {
      if (medicines.contains(doc.tokens[m]) && !token_in_entity(doc, m)) return std::pair{v, m};
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
  int32_t last_flagged_end = -1;  // one hint per sentence
  std::vector<int32_t> flagged_ends;
  for (const PhraseMatch& m : found) {
    if (match_in_entity(doc, m) || negated(doc, m.first_token, a.language)) continue;
    const Sentence& s = sentence_of(doc, m.first_token);
    if (s.end <= last_flagged_end || ends_with_question_mark(doc, s)) continue;
    // "Don't stop taking it unless your doctor tells you to" already points to a clinician.
    if (matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
    auto [start, end] = sentence_span(doc, s);
    Hint h{"care.advice", Severity::warning, start, end, "", "", m.phrase->replacements};
    h.message = sink.message("care.advice", {doc.utf8(m.start, m.end)});
    h.suggestion = sink.message("care.advice.do");
    sink.add(std::move(h));
    last_flagged_end = s.end;
    flagged_ends.push_back(s.end);
  }
  if (a.language != Language::es) return;
  for (const Sentence& s : doc.sentences) {
    if (std::find(flagged_ends.begin(), flagged_ends.end(), s.end) != flagged_ends.end()) continue;
    if (ends_with_question_mark(doc, s) || matches.any(List::care_advice_safe, s.first_token, s.last_token)) continue;
    const auto order = spanish_medicine_order(a, s);
    if (!order) continue;
    auto [start, end] = sentence_span(doc, s);
    Hint h{"care.advice", Severity::warning, start, end, "", "", {sink.insertion("insert.ask-about-treatment")}};
    h.message = sink.message("care.advice", {doc.utf8(doc.tokens[order->first].start, doc.tokens[order->second].end)});
    h.suggestion = sink.message("care.advice.do");
    sink.add(std::move(h));
  }
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
  if (a.language != Language::es) return std::nullopt;
  static const WordList& person = WordList::builtin("es/lists/confirms_person.tsv");
  static const WordList& record = WordList::builtin("es/lists/confirms_record.tsv");
  static const WordList& finding = WordList::builtin("es/lists/confirms_finding.tsv");
  const Document& doc = a.doc;
  const ListMatches& matches = lists(a);
  const auto own = [&](size_t k, const WordList& list) { return list.contains(doc.tokens[k]) && !token_in_entity(doc, k); };
  std::optional<size_t> told;
  bool has_person = false, has_finding = false;
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (!told && (own(k, record) || matches.any(List::procedures, k, k + 1))) {
      if (matches.any(List::care_confirms_generic, s.first_token, k)) return std::nullopt;
      told = k;
    }
    has_person = has_person || own(k, person);
    has_finding = has_finding || own(k, finding);
  }
  if (told && has_person && has_finding) return told;
  return std::nullopt;
}

void check_confirms_patient(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  if (!is_public_reply(doc)) return;
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
  if (!first) {
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
