// care.*: spans, replacements, and the patterns behind patient privacy.
#include <doctest/doctest.h>

#include <algorithm>

#include "rule_checks.hpp"

using namespace chime;
using namespace chime::testing;

TEST_CASE("care.patient-privacy: each identifier is its own error") {
  auto f = check("Congratulations to our patient Maria Lopez in room 412!");
  CHECK(f.spans("care.patient-privacy") == std::vector<std::string>{"our patient Maria Lopez", "room 412"});
  REQUIRE(f.first("care.patient-privacy"));
  CHECK(f.first("care.patient-privacy")->severity == Severity::error);
  CHECK(f.first("care.patient-privacy")->replacements == std::vector<std::string>{"one of our patients"});

  auto ids = check("Patient check-in: DOB 03/04/1956, MRN: 4417782.");
  CHECK(ids.spans("care.patient-privacy") == std::vector<std::string>{"DOB 03/04/1956", "MRN: 4417782"});
  CHECK(check("Born on March 3, 1990 in our NICU, Ava went home today.")
                  .spans("care.patient-privacy") == std::vector<std::string>{"Born on March 3"});
  CHECK(check("Patient ID 20231187 was discharged.").spans("care.patient-privacy") ==
        std::vector<std::string>{"Patient ID 20231187"});
}

TEST_CASE("care.patient-privacy: a named person with a diagnosis, rewritten to 'a patient'") {
  auto f = check("We're cheering for Grace Kim's breast cancer recovery.");
  REQUIRE(f.first("care.patient-privacy"));
  CHECK(f.spans("care.patient-privacy") == std::vector<std::string>{"Grace Kim's breast cancer"});
  CHECK(f.first("care.patient-privacy")->replacements == std::vector<std::string>{"a patient's breast cancer"});
  auto lee = check("Mr. Lee had a stroke last spring.");
  CHECK(lee.spans("care.patient-privacy") == std::vector<std::string>{"Mr. Lee had a stroke"});
  CHECK(lee.first("care.patient-privacy")->replacements == std::vector<std::string>{"A patient had a stroke"});
  auto g = check("Jamal was diagnosed with leukemia at 6.");
  CHECK(g.first("care.patient-privacy")->replacements == std::vector<std::string>{"A patient was diagnosed with leukemia"});
}

TEST_CASE("care.patient-privacy: places, clinicians, services and years are not patients") {
  CHECK(!check("CPR class in Room 204 on Saturday.").first("care.patient-privacy"));
  CHECK(!check("Dr. Patel's cancer research won an award.").first("care.patient-privacy"));
  CHECK(!check("Log in to the Patient Portal to see results.").first("care.patient-privacy"));
  CHECK(!check("Babies born in 2024 need the RSV shot.").first("care.patient-privacy"));
  CHECK(!check("Our record: 1200 flu shots in one day!").first("care.patient-privacy"));
}

TEST_CASE("care.confirms-patient: only in a public reply, with a private-channel rewrite") {
  const std::string text = "@carlos We reviewed your chart and everything looks fine. Have a good day!";
  auto f = check(text, reply_to("@carlos"));
  const Hint* h = f.first("care.confirms-patient");
  REQUIRE(h);
  CHECK(h->severity == Severity::error);
  CHECK(f.spans("care.confirms-patient") == std::vector<std::string>{"We reviewed your chart and everything looks fine."});
  REQUIRE(h->replacements.size() == 1);
  CHECK(h->replacements[0].find("direct message") != std::string::npos);
  CHECK(h->replacements[0].find("chart") == std::string::npos);  // confirms nothing
  // The same words in a broadcast describe a service.
  CHECK(!check("Your test results appear in MyChart within 3 days.").first("care.confirms-patient"));
  // An opening @mention is a public reply even without context.
  CHECK(check("@carlos Your test results look fine.").first("care.confirms-patient"));
}

TEST_CASE("care.claim: claims flagged with honest rewrites; negations and guards are silent") {
  auto f = check("Our laser treatment is 100% effective and risk-free.");
  CHECK(f.spans("care.claim") == std::vector<std::string>{"100% effective", "risk-free"});
  CHECK(f.first("care.claim")->replacements == std::vector<std::string>{"highly effective", "effective for most people"});
  CHECK(check("Cures arthritis fast.").first("care.claim")->replacements.front() == "Treats");
  CHECK(!check("There is no known cure for ALS.").first("care.claim"));
  CHECK(!check("A good night's sleep is not a miracle cure.").first("care.claim"));
  CHECK(!check("Results are not guaranteed.").first("care.claim"));
  CHECK(!check("Is there a cure for the flu?").first("care.claim"));
  CHECK(!check("Our #CureCancer walk is Saturday.").first("care.claim"));
}

TEST_CASE("care.advice: the sentence is flagged and replaced by one that points to a clinician") {
  auto f = check("@sam If it still hurts, double your dose. Feel better!", reply_to("@sam"));
  CHECK(f.spans("care.advice") == std::vector<std::string>{"If it still hurts, double your dose."});
  REQUIRE(f.first("care.advice"));
  CHECK(f.first("care.advice")->replacements.front().find("doctor or pharmacist") != std::string::npos);
  CHECK(!check("Never double your dose to make up for a missed one.").first("care.advice"));
  CHECK(!check("Don't stop taking your statin unless your doctor tells you to.").first("care.advice"));
  // Reply-only phrases: a broadcast that says "stop taking" describes, a reply instructs.
  CHECK(!check("Why do people stop taking statins?").first("care.advice"));
  CHECK(!check("Many people stop taking statins too early.").first("care.advice"));
  CHECK(check("@li Stop taking it for a week.", reply_to("@li")).first("care.advice"));
}

TEST_CASE("care.patient-privacy: consent in the post makes it a warning to confirm the authorization") {
  auto without = check("Our patient Rosa Diaz is home after a double bypass.");
  REQUIRE(without.first("care.patient-privacy"));
  CHECK(without.first("care.patient-privacy")->severity == Severity::error);
  auto with = check("Shared with her permission: our patient Rosa Diaz is home after a double bypass.");
  REQUIRE(with.first("care.patient-privacy"));
  CHECK(with.first("care.patient-privacy")->severity == Severity::warning);
  CHECK(with.first("care.patient-privacy")->suggestion.find("written authorization") != std::string::npos);
  // "with", a few words, then "consent" or "permission", whoever gave it.
  for (const char* text :
       {"Used with the family's permission: 4-year-old Sophie rang the bell after her last chemo.",
        "Meet Sam, 8, who spent his birthday on our ward. Shared with his family's consent: thank you to the nurses!",
        "«Tenía miedo a la quimio, pero el equipo me lo puso fácil». Compartido con permiso de Rosa, con sus propias palabras."}) {
    CAPTURE(text);
    auto r = check(text);
    REQUIRE(r.first("care.patient-privacy"));
    CHECK(r.first("care.patient-privacy")->severity == Severity::warning);
  }
  // A named person's consent is theirs, not their roommate's.
  auto roommate = check("With Mr Sharma's consent we're sharing his recovery photo from our rehab gym. That's also his roommate Mr Bose, recovering from a stroke, in the background.");
  int errors = 0, warnings = 0;
  for (const Hint& h : roommate.hints) {
    if (h.rule != "care.patient-privacy") continue;
    (h.severity == Severity::error ? errors : warnings) += 1;
  }
  CHECK(errors == 1);
  CHECK(warnings == 1);
}

TEST_CASE("care.patient-privacy: a span covers the whole identifier, title and name") {
  auto dr = check("Welcome back to our patient Dr. Hughes, recovering from heart surgery.");
  CHECK(dr.spans("care.patient-privacy") == std::vector<std::string>{"our patient Dr. Hughes"});
  auto mrs = check("Mrs. Alvarez walked the hallway two days after her hip replacement!");
  CHECK(mrs.spans("care.patient-privacy") == std::vector<std::string>{"Mrs. Alvarez"});
  CHECK(mrs.first("care.patient-privacy")->replacements == std::vector<std::string>{"A patient"});
}

TEST_CASE("care.confirms-patient: a condition report or a named visit in a public reply, not a unit named alone") {
  const Context reporter = reply_to("@jen", "@BayviewGeneral can you confirm the condition of the crash victim?");
  auto update = check("@jen The crash victim is in stable condition after surgery overnight.", reporter);
  REQUIRE(update.count("care.confirms-patient") == 1);
  CHECK(update.span("care.confirms-patient") == "The crash victim is in stable condition after surgery overnight.");
  CHECK(check("@raj Sorry. Your father's condition is stable now, don't worry.", reply_to("@raj"))
            .count("care.confirms-patient") == 1);
  CHECK(check("@jd Our staff explained the fasting rules at your pre-op visit.", reply_to("@jd"))
            .count("care.confirms-patient") == 1);
  CHECK(check("@meg There is no outbreak in our NICU; infection rates are published quarterly.", reply_to("@meg"))
            .count("care.confirms-patient") == 0);
  // Not a reply: a condition report in a broadcast is care.patient-privacy's to judge.
  CHECK(check("The crash victim is in stable condition.").count("care.confirms-patient") == 0);
}

TEST_CASE("care.patient-privacy: a name with a procedure; written permission, however worded, makes it a warning") {
  auto rosa = check("After her mammogram, Rosa had surgery at our Northside centre.");
  REQUIRE(rosa.count("care.patient-privacy") == 1);
  CHECK(rosa.span("care.patient-privacy") == "Rosa had surgery");
  CHECK(rosa.first("care.patient-privacy")->severity == Severity::error);
  auto aarav = check("Meet Aarav, 8, who lives with Duchenne muscular dystrophy. Shared with his parents' written permission.");
  REQUIRE(aarav.count("care.patient-privacy") >= 1);
  CHECK(aarav.first("care.patient-privacy")->severity == Severity::warning);
  CHECK(check("Dr. Rosa Lee has surgery clinics on Tuesdays.").count("care.patient-privacy") == 0);
}
