// Care (rules.md section 6): the rules a healthcare account lives under:
// patient privacy (HIPAA in the US, and the like elsewhere), honest health
// claims, and no medical advice to one person in public.
#include <algorithm>
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
  }
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
