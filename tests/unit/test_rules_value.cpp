// value.helpful and value.empty: spans and when each applies.
#include <doctest/doctest.h>

#include <algorithm>

#include "rule_checks.hpp"
#include "rules/features.hpp"

using namespace chime;
using namespace chime::testing;

TEST_CASE("value.helpful: one good hint on the earliest sign of value") {
  auto f = check("Did you know? About 1 in 3 adults has high blood pressure.");
  CHECK(f.count("value.helpful") == 1);
  CHECK(f.span("value.helpful") == "Did you know");
  CHECK(check("About 1 in 3 adults has high blood pressure.").span("value.helpful") == "1 in 3");
  CHECK(check("Reapply sunscreen every 2 hours at the beach.").span("value.helpful") == "2 hours");
}

TEST_CASE("value.helpful: a discount is not a fact, and a resource needs a link") {
  CHECK(check("Spring special: 20% off teeth whitening.").count("value.helpful") == 0);
  CHECK(check("Heart disease causes 1 in 5 deaths, and 80% of it is preventable.").span("value.helpful") == "1 in 5");
  CHECK(check("Our new guide is coming soon.").count("value.helpful") == 0);
  CHECK(check("Our new guide to caring for a newborn https://example.org/newborn").span("value.helpful") == "guide");
}

TEST_CASE("value.helpful: words inside a hashtag or link do not count") {
  CHECK(check("Happy Monday! #HealthTips").count("value.helpful") == 0);
  CHECK(check("Read it here: https://example.org/tips-for-sleep").count("value.helpful") == 0);
}

TEST_CASE("value.empty: flags the slogan, not the whole tweet") {
  auto f = check("Our hospital. Our people. Our commitment to excellence.");
  CHECK(f.span("value.empty") == "commitment to excellence");
  CHECK(f.hints.front().severity <= Severity::tip);
}

TEST_CASE("value.empty: silent once the post offers something") {
  CHECK(check("Check out our website!!! www.mercygeneral.example").count("value.empty") == 1);
  // A fact, a question or a reply each give readers something.
  CHECK(check("Check out our website: flu shots are free for the next 3 days.").count("value.empty") == 0);
  CHECK(check("Check out our website: which topic should we cover next?").count("value.empty") == 0);
  Context reply;
  reply.reply_to = "@jane";
  CHECK(check("@jane Check out our website, the form is there.", reply).count("value.empty") == 0);
}

TEST_CASE("value.helpful: lists/base_verbs.tsv is WordNet's verb list, well formed") {
  const auto& verbs = WordList::builtin("lists/base_verbs.tsv").words();
  CHECK(verbs.size() > 900);
  CHECK(std::is_sorted(verbs.begin(), verbs.end()));
  CHECK(std::adjacent_find(verbs.begin(), verbs.end()) == verbs.end());
  for (const std::string& v : verbs) {
    INFO(v);
    CHECK(std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  }
  // Every verb the rule sets aside is one the list holds: no dead entry.
  for (const std::string& v : WordList::builtin("lists/not_step_verbs.tsv").words()) {
    INFO(v);
    CHECK(std::binary_search(verbs.begin(), verbs.end(), v));
  }
}

TEST_CASE("value.helpful: a sentence opening with a verb is a step, unless it thanks, invites, sells or names") {
  CHECK(check("Remove the tick with fine tweezers, then clean the skin.").span("value.helpful") == "Remove");
  CHECK(check("Giving a child liquid medicine? Use the syringe that comes with it.").span("value.helpful") == "Use");
  CHECK(check("Please put your leg up on a pillow.").span("value.helpful") == "put");
  CHECK(check("Before a long flight, stretch your calves every hour.").span("value.helpful") == "stretch");
  CHECK(check("Thank you to our amazing nurses!").count("value.helpful") == 0);
  CHECK(check("Follow us for updates.").count("value.helpful") == 0);
  CHECK(check("Tell us about your visit.").count("value.helpful") == 0);
  CHECK(check("Test results are back for the whole team.").count("value.helpful") == 0);
  CHECK(check("Learn more about our team.").count("value.helpful") == 0);
}

TEST_CASE("value.helpful: a Spanish tú imperative told by tu/tus, a negative one by its form") {
  CHECK(check("Lava tus manos con agua y jabón.").span("value.helpful") == "Lava");
  CHECK(check("No dejes los medicamentos al alcance de los niños.").span("value.helpful") == "No dejes");
  CHECK(check("Cuando hay fiebre, no te automediques.").span("value.helpful") == "no te automediques");
  CHECK(check("Para tu familia, lo mejor.").count("value.helpful") == 0);
  CHECK(check("No todas las heridas sanan igual.").count("value.helpful") == 0);
}
