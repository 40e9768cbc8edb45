// value.crisis-essentials (docs/rules/value.md): a crisis or safety notice
// (a lockdown, a boil-water notice, an outage) must tell people what to do,
// where, when the next update comes, and an official link or number. The
// phrases that give each are in core/data/phrases/crisis_essentials.tsv.
#include "rules/value_crisis.hpp"

#include <array>
#include <string>

#include "rules/features.hpp"
#include "rules/phone.hpp"
#include "rules/value_helpful.hpp"

namespace chime {

namespace {

// A place named in the notice ("Boil-water notice, Harlow Heights and
// Eastgate:", "warning for Kurrajong Valley"): a capitalised word, not in
// capitals, that is not the first word of its sentence or after a colon.
bool names_a_place(const Document& doc) {
  for (size_t i = 1; i < doc.tokens.size(); ++i) {
    const std::string_view t = doc.tokens[i].text;
    if (t.size() < 2 || t[0] < 'A' || t[0] > 'Z' || t[1] < 'a' || t[1] > 'z') continue;
    if (token_in_entity(doc, i) || first_own_word(doc, sentence_of(doc, i).first_token, i + 1) == i) continue;
    size_t before = i - 1;
    while (before > 0 && doc.tokens[before].text == " ") --before;
    if (doc.tokens[before].text == ":") continue;
    return true;
  }
  return false;
}

}  // namespace

void check_crisis_essentials(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  if (doc.tokens.empty()) return;
  // The order the message names what is missing in.
  constexpr std::array<std::string_view, 4> kEssentials = {"action", "where", "update", "contact"};
  constexpr std::array<std::string_view, 4> kNames = {"value.crisis-essentials.action", "value.crisis-essentials.where",
                                                      "value.crisis-essentials.update",
                                                      "value.crisis-essentials.contact"};
  std::array<bool, 4> given{};
  for (const PhraseMatch& m : lists(a).find(List::crisis_essentials)) {
    if (match_in_entity(doc, m)) continue;
    for (size_t i = 0; i < kEssentials.size(); ++i) given[i] = given[i] || m.phrase->note == kEssentials[i];
  }
  // Spanish: any step the reader can take, as value.helpful reads one, says
  // what to do ("ve de inmediato a urgencias", "cierren ventanas"), in
  // whatever form of address and words the list lacks.
  given[0] = given[0] || (a.language == Language::es && find_step(lists(a)).has_value());
  given[1] = given[1] || names_a_place(doc);
  given[3] = given[3] || !doc.entities.urls.empty() || phone_number(doc, a.language).has_value();
  std::string missing, present;
  int32_t count = 0;
  for (size_t i = 0; i < kEssentials.size(); ++i) {
    std::string& names = given[i] ? present : missing;
    names = names.empty() ? sink.message(kNames[i]) : sink.message("list.comma", {names, sink.message(kNames[i])});
    count += given[i] ? 0 : 1;
  }
  // One essential left out is normal in 280 characters (a short lockdown
  // notice with its next update but no link is still a good notice): the
  // check says what the notice gives, so the writer knows it was checked
  // (a good hint costs no points, docs/scores.md); two or more leave people
  // without what they need.
  if (count < 2) {
    sink.add({"value.crisis-essentials", Severity::good, 0, text_end(doc),
              sink.message("value.crisis-essentials.gives", {present}),
              count == 0 ? sink.message("value.crisis-essentials.complete")
                         : sink.message("value.crisis-essentials.add", {missing}),
              {}});
    return;
  }
  sink.add({"value.crisis-essentials", Severity::warning, 0, text_end(doc),
            sink.message("value.crisis-essentials", {missing}), sink.message("value.crisis-essentials.do"),
            {}});
}

}  // namespace chime
