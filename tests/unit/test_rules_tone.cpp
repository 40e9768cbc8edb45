// tone.*: spans, replacements, and how the reply context changes the advice.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "rule_checks.hpp"
#include "rules/features.hpp"

using namespace chime;
using namespace chime::testing;

TEST_CASE("tone.jargon: plain replacements that keep the writer's capitals") {
  auto f = check("Utilize the portal. Patients with hypertension should utilize it too.");
  REQUIRE(f.count("tone.jargon") == 3);
  std::vector<std::string> first, second;
  for (const Hint& h : f.hints) {
    if (h.rule != "tone.jargon") continue;
    if (first.empty()) first = h.replacements;
    else if (second.empty()) second = h.replacements;
  }
  CHECK(f.span("tone.jargon") == "Utilize");
  CHECK(first == std::vector<std::string>{"Use"});
  CHECK(second == std::vector<std::string>{"high blood pressure"});
  auto mi = check("Learn the signs of myocardial infarction.");
  CHECK(mi.span("tone.jargon") == "myocardial infarction");
  CHECK(mi.hints.back().replacements.front() == "heart attack");
}

TEST_CASE("tone.jargon: word boundaries, entities and terms already explained") {
  CHECK(check("Hypertensive? Read our guide.").count("tone.jargon") == 0);  // not "hypertension"
  CHECK(check("Join our #hypertension chat tonight.").count("tone.jargon") == 0);
  CHECK(check("Hypertension (high blood pressure) is common.").count("tone.jargon") == 0);
  auto npo = check("You will be NPO after midnight.");
  REQUIRE(npo.count("tone.jargon") == 1);
  CHECK(npo.hints.back().replacements == std::vector<std::string>{"nothing by mouth"});
}

TEST_CASE("tone.defensive: stronger in a reply to a complaint, with a gentler rewrite") {
  const std::string text = "@jsmith Our records show you were seen in 20 minutes.";
  auto plain = check(text, reply_to("@jsmith"));
  auto complaint = check(text, reply_to("@jsmith", "Waited 6 hours in your ER. Unacceptable."));
  REQUIRE(plain.count("tone.defensive") == 1);
  REQUIRE(complaint.count("tone.defensive") == 1);
  CHECK(plain.span("tone.defensive") == "Our records show");
  const auto find = [](const Found& f) {
    return *std::find_if(f.hints.begin(), f.hints.end(), [](const Hint& h) { return h.rule == "tone.defensive"; });
  };
  CHECK(find(complaint).message.find("complaint") != std::string::npos);
  CHECK(find(plain).message.find("complaint") == std::string::npos);
  CHECK(find(plain).replacements == std::vector<std::string>{"We'd like to look into this with you"});
  CHECK(find(plain).severity == Severity::warning);
}

TEST_CASE("tone.defensive: some phrases are curt only when said to one person") {
  CHECK(check("As we said last week, the clinic opens at 7am.").count("tone.defensive") == 0);
  CHECK(check("@amy As we said, the clinic opens at 7am.", reply_to("@amy")).count("tone.defensive") == 1);
}

TEST_CASE("tone.empathy: an apology with a private channel is the best answer") {
  auto both = check("@lisa We're so sorry about your wait. Could you DM us?", reply_to("@lisa", "Waited 5 hours."));
  auto apology = check("@lisa We're so sorry about your wait.", reply_to("@lisa", "Waited 5 hours."));
  REQUIRE(both.count("tone.empathy") == 1);
  REQUIRE(apology.count("tone.empathy") == 1);
  CHECK(both.span("tone.empathy") == "We're so sorry");
  const auto find = [](const Found& f) {
    return *std::find_if(f.hints.begin(), f.hints.end(), [](const Hint& h) { return h.rule == "tone.empathy"; });
  };
  CHECK(find(both).message.find("private channel") != std::string::npos);
  CHECK(find(both).suggestion.empty());
  CHECK(!find(apology).suggestion.empty());  // suggests adding the channel
}

TEST_CASE("tone.empathy: not in a broadcast, not with 'but', not a non-apology") {
  CHECK(check("We're sorry: the clinic is closed Monday.").count("tone.empathy") == 0);
  CHECK(check("@ann We're sorry, but the fee stands.", reply_to("@ann")).count("tone.empathy") == 0);
  CHECK(check("@ann We're sorry you feel that way.", reply_to("@ann")).count("tone.empathy") == 0);
}

TEST_CASE("tone.reading-level: the configured grade, whole-text span, long words named") {
  const std::string hard =
      "Comprehensive cardiovascular evaluations facilitate individualized preventive interventions "
      "for patients experiencing intermittent symptomatology.";
  auto f = check(hard);
  REQUIRE(f.count("tone.reading-level") == 1);
  CHECK(f.span("tone.reading-level") == hard);
  const Hint& h = *std::find_if(f.hints.begin(), f.hints.end(), [](const Hint& x) { return x.rule == "tone.reading-level"; });
  CHECK(h.suggestion.find("\u201cComprehensive\u201d") != std::string::npos);
  CHECK(h.message.find("grade 8 ") != std::string::npos);

  const std::string middling =
      "Reminder: the north wing will open late Monday because of staff training. We apologise for any inconvenience.";
  CHECK(check(middling).count("tone.reading-level") == 1);
  Config lenient;
  lenient.reading_grade = 12;
  const auto relaxed = Analyzer(lenient).analyze(middling).hints;
  CHECK(std::none_of(relaxed.begin(), relaxed.end(), [](const Hint& x) { return x.rule == "tone.reading-level"; }));
  CHECK(check("Vaccination appointments available.").count("tone.reading-level") == 0);  // too short to grade
}

TEST_CASE("tone.sentiment: a hint only for a strongly negative broadcast") {
  const std::string grim = "Flu deaths rose sharply this winter. Three children died in our county. This is a tragic, terrible loss.";
  auto f = check(grim);
  CHECK(f.count("tone.sentiment") == 1);
  CHECK(f.span("tone.sentiment") == grim);
  CHECK(check("@amy " + grim, reply_to("@amy")).count("tone.sentiment") == 0);
  CHECK(check("Get your flu shot this week at any of our clinics.").count("tone.sentiment") == 0);
}

TEST_CASE("tone.sentiment: a very negative Spanish broadcast, scored with Spanish words") {
  static Analyzer analyzer;
  const std::string grim =
      "Este invierno murieron tres niños por la gripe en nuestra región. Una pérdida trágica, terrible y dolorosa.";
  const Result r = analyzer.analyze(grim);
  CHECK(r.language == "es");
  CHECK(r.sentiment.compound <= -0.6);
  auto f = check(grim);
  CHECK(f.count("tone.sentiment") == 1);
  CHECK(f.span("tone.sentiment") == grim);
  // Not in a reply, and not for a plain invitation.
  CHECK(check("@ana " + grim, reply_to("@ana")).count("tone.sentiment") == 0);
  const std::string invite = "Vacúnese contra la gripe esta semana en cualquiera de nuestros centros de salud.";
  CHECK(analyzer.analyze(invite).sentiment.compound > -0.6);
  CHECK(check(invite).count("tone.sentiment") == 0);
}

// The word classes of the English structural tests are well formed: every
// row has a word and roles the code knows (an unknown role would be
// silently ignored), and each class is there.
TEST_CASE("lists/empathy_words.tsv and lists/invite_verbs.tsv (English, Spanish): known roles, every class present") {
  const std::set<std::string> empathy_roles = {"self", "degree", "link", "pointer", "feeling", "failing", "negation", "after-sorry"};
  std::set<std::string> seen;
  for (const auto& row : chime::data_rows("lists/empathy_words.tsv")) {
    REQUIRE(row.size() == 2);
    CHECK(!row[0].empty());
    for (size_t at = 0; at <= row[1].size();) {
      const size_t bar = std::min(row[1].find('|', at), row[1].size());
      const std::string role = row[1].substr(at, bar - at);
      INFO(row[0] << " " << role);
      CHECK(empathy_roles.contains(role));
      seen.insert(role);
      at = bar + 1;
    }
  }
  CHECK(seen == empathy_roles);
  // The Spanish file (es-invite14) has no "recruit" words (its job posts
  // are left out by kind) and two classes of its own.
  const std::set<std::string> classes = {"lead", "asked", "about", "channel", "recruit", "forum", "statement"};
  auto kinds_of = [&](std::string_view file) {
    std::set<std::string> kinds;
    for (const auto& row : chime::data_rows(file)) {
      REQUIRE(row.size() == 2);
      CHECK(!row[0].empty());
      CHECK(!row[1].empty());
      kinds.insert(classes.contains(row[1]) ? row[1] : "verb");
    }
    return kinds;
  };
  CHECK(kinds_of("lists/invite_verbs.tsv") == std::set<std::string>{"about", "asked", "channel", "lead", "recruit", "verb"});
  CHECK(kinds_of("es/lists/invite_verbs.tsv") ==
        std::set<std::string>{"about", "asked", "channel", "forum", "lead", "statement", "verb"});
}
