// The English care-term classes (rules/care_terms.hpp): the WordNet-derived
// lists (core/data/lists/care_conditions.tsv, care_procedures.tsv, generated
// by scripts/care-terms-wordnet.mjs) are well formed and keep their notice,
// and the care rules read them as a class of care facts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "data/data.hpp"
#include "rule_checks.hpp"
#include "rules/features.hpp"

using namespace chime;
using namespace chime::testing;

namespace {

std::vector<std::string> entries(std::string_view name) {
  std::vector<std::string> out;
  for (const auto& row : data_rows(name)) out.push_back(row.at(0));
  return out;
}

bool covered_by(const std::string& word, std::string_view suffixes) {
  for (const std::string& s : entries(suffixes)) {
    if (word.size() >= s.size() + 3 && word.ends_with(s)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("care terms: the WordNet lists are sorted lower-case words with WordNet's notice, none an ending covers") {
  struct Class {
    const char* list;
    const char* suffixes;
    size_t at_least;
  };
  // Named members, not a structured binding: the sanitizer build's clang
  // will not capture a binding in doctest's INFO.
  for (const Class& cls : {Class{"lists/care_conditions.tsv", "lists/care_condition_suffixes.tsv", 800},
                         Class{"lists/care_procedures.tsv", "lists/care_procedure_suffixes.tsv", 100}}) {
    const char* list = cls.list;
    const char* suffixes = cls.suffixes;
    const size_t at_least = cls.at_least;
    INFO(list);
    const std::string_view text = data::file(list);
    CHECK(text.find("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.") != std::string_view::npos);
    const auto words = entries(list);
    CHECK(words.size() >= at_least);
    CHECK(std::is_sorted(words.begin(), words.end()));
    CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
    for (const std::string& w : words) {
      INFO(w);
      CHECK(w.size() >= 4);
      CHECK(std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
      CHECK_FALSE(covered_by(w, suffixes));
    }
  }
  // Words read more often as something else stay out ("hearing aids", "your
  // complaint", "piles of forms").
  const auto conditions = entries("lists/care_conditions.tsv");
  for (const char* other : {"aids", "complaint", "piles", "spots", "congestion", "coughing", "operation"}) {
    INFO(other);
    CHECK(std::find(conditions.begin(), conditions.end(), other) == conditions.end());
  }
}

TEST_CASE("care terms: a condition or procedure of the class is a care fact, in English only") {
  // care.confirms-patient: "your" and a condition no hand list names.
  CHECK(check("@dana_k So glad your gastritis has settled down.", reply_to("dana_k")).count("care.confirms-patient") == 1);
  CHECK(check("@dana_k Hope the polyps were nothing serious and your colonoscopy went well.", reply_to("dana_k"))
            .count("care.confirms-patient") == 1);
  CHECK(check("@dana_k Your feedback on parking has gone to the estates team.", reply_to("dana_k"))
            .count("care.confirms-patient") == 0);
  // care.claim: an outcome verb over any condition.
  CHECK(check("Our turmeric drops reverse neuropathy in 30 days.").count("care.claim") == 1);
  CHECK(check("Losing weight can reverse neuropathy for some people.").count("care.claim") == 0);
  // care.patient-privacy: a name tied to a condition by a link or a possessive.
  CHECK(check("Get well soon to Kofi, who has sarcoidosis and is home now.").span("care.patient-privacy") ==
        "Kofi, who has sarcoidosis");
  CHECK(check("Mrs. Okafor is back home after her thyroidectomy.").count("care.patient-privacy") == 1);
  CHECK(check("Sarcoidosis awareness month: learn the signs.").count("care.patient-privacy") == 0);
  // Spanish posts read their own lists only.
  CHECK(check("Tu gastritis mejorará pronto, Ana.").count("care.confirms-patient") == 0);
}
