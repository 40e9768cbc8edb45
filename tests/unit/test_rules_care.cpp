// care.*: spans, replacements, and the patterns behind patient privacy.
#include <doctest/doctest.h>

#include <algorithm>

#include "chime/analyzer.hpp"
#include "text/unicode.hpp"

using namespace chime;

namespace {

struct Found {
  std::vector<Hint> hints;
  std::string text;
  // The flagged text of the first hint of `rule`, or "(none)".
  std::string span(std::string_view rule) const {
    for (const Hint& h : hints) {
      if (h.rule != rule) continue;
      int32_t replaced = 0;
      std::u16string u = text::decode_utf8(text, replaced);
      return text::to_utf8(std::u16string_view(u).substr(static_cast<size_t>(h.start), static_cast<size_t>(h.end - h.start)));
    }
    return "(none)";
  }
  int count(std::string_view rule) const {
    return static_cast<int>(std::count_if(hints.begin(), hints.end(), [&](const Hint& h) { return h.rule == rule; }));
  }
};

Found check(std::string text, Context context = {}) {
  static const Analyzer analyzer;
  return {analyzer.analyze(text, context).hints, text};
}

}  // namespace

namespace {
Context reply_to(std::string handle) {
  Context c;
  c.reply_to = std::move(handle);
  return c;
}
const Hint* first(const Found& f, std::string_view rule) {
  auto it = std::find_if(f.hints.begin(), f.hints.end(), [&](const Hint& h) { return h.rule == rule; });
  return it == f.hints.end() ? nullptr : &*it;
}
std::vector<std::string> spans(const Found& f, std::string_view rule) {
  std::vector<std::string> out;
  int32_t replaced = 0;
  std::u16string u = text::decode_utf8(f.text, replaced);
  for (const Hint& h : f.hints) {
    if (h.rule == rule) out.push_back(text::to_utf8(u.substr(static_cast<size_t>(h.start), static_cast<size_t>(h.end - h.start))));
  }
  return out;
}
}  // namespace

TEST_CASE("care.patient-privacy: each identifier is its own error") {
  auto f = check("Congratulations to our patient Maria Lopez in room 412!");
  CHECK(spans(f, "care.patient-privacy") == std::vector<std::string>{"our patient Maria Lopez", "room 412"});
  REQUIRE(first(f, "care.patient-privacy"));
  CHECK(first(f, "care.patient-privacy")->severity == Severity::error);
  CHECK(first(f, "care.patient-privacy")->replacements == std::vector<std::string>{"one of our patients"});

  auto ids = check("Patient check-in: DOB 03/04/1956, MRN: 4417782.");
  CHECK(spans(ids, "care.patient-privacy") == std::vector<std::string>{"DOB 03/04/1956", "MRN: 4417782"});
  CHECK(spans(check("Born on March 3, 1990 in our NICU, Ava went home today.")
                  , "care.patient-privacy") == std::vector<std::string>{"Born on March 3"});
  CHECK(spans(check("Patient ID 20231187 was discharged."), "care.patient-privacy") ==
        std::vector<std::string>{"Patient ID 20231187"});
}

TEST_CASE("care.patient-privacy: a named person with a diagnosis, rewritten to 'a patient'") {
  auto f = check("We're cheering for Grace Kim's breast cancer recovery.");
  REQUIRE(first(f, "care.patient-privacy"));
  CHECK(spans(f, "care.patient-privacy") == std::vector<std::string>{"Grace Kim's breast cancer"});
  CHECK(first(f, "care.patient-privacy")->replacements == std::vector<std::string>{"a patient's breast cancer"});
  auto lee = check("Mr. Lee had a stroke last spring.");
  CHECK(spans(lee, "care.patient-privacy") == std::vector<std::string>{"Mr. Lee had a stroke"});
  CHECK(first(lee, "care.patient-privacy")->replacements == std::vector<std::string>{"A patient had a stroke"});
  auto g = check("Jamal was diagnosed with leukemia at 6.");
  CHECK(first(g, "care.patient-privacy")->replacements == std::vector<std::string>{"A patient was diagnosed with leukemia"});
}

TEST_CASE("care.patient-privacy: places, clinicians, services and years are not patients") {
  CHECK(!first(check("CPR class in Room 204 on Saturday."), "care.patient-privacy"));
  CHECK(!first(check("Dr. Patel's cancer research won an award."), "care.patient-privacy"));
  CHECK(!first(check("Log in to the Patient Portal to see results."), "care.patient-privacy"));
  CHECK(!first(check("Babies born in 2024 need the RSV shot."), "care.patient-privacy"));
  CHECK(!first(check("Our record: 1200 flu shots in one day!"), "care.patient-privacy"));
}

TEST_CASE("care.confirms-patient: only in a public reply, with a private-channel rewrite") {
  const std::string text = "@carlos We reviewed your chart and everything looks fine. Have a good day!";
  auto f = check(text, reply_to("@carlos"));
  const Hint* h = first(f, "care.confirms-patient");
  REQUIRE(h);
  CHECK(h->severity == Severity::error);
  CHECK(spans(f, "care.confirms-patient") == std::vector<std::string>{"We reviewed your chart and everything looks fine."});
  REQUIRE(h->replacements.size() == 1);
  CHECK(h->replacements[0].find("direct message") != std::string::npos);
  CHECK(h->replacements[0].find("chart") == std::string::npos);  // confirms nothing
  // The same words in a broadcast describe a service.
  CHECK(!first(check("Your test results appear in MyChart within 3 days."), "care.confirms-patient"));
  // An opening @mention is a public reply even without context.
  CHECK(first(check("@carlos Your test results look fine."), "care.confirms-patient"));
}

TEST_CASE("care.claim: claims flagged with honest rewrites; negations and guards are silent") {
  auto f = check("Our laser treatment is 100% effective and risk-free.");
  CHECK(spans(f, "care.claim") == std::vector<std::string>{"100% effective", "risk-free"});
  CHECK(first(f, "care.claim")->replacements == std::vector<std::string>{"highly effective", "effective for most people"});
  CHECK(first(check("Cures arthritis fast."), "care.claim")->replacements.front() == "Treats");
  CHECK(!first(check("There is no known cure for ALS."), "care.claim"));
  CHECK(!first(check("A good night's sleep is not a miracle cure."), "care.claim"));
  CHECK(!first(check("Results are not guaranteed."), "care.claim"));
  CHECK(!first(check("Is there a cure for the flu?"), "care.claim"));
  CHECK(!first(check("Our #CureCancer walk is Saturday."), "care.claim"));
}

TEST_CASE("care.advice: the sentence is flagged and replaced by one that points to a clinician") {
  auto f = check("@sam If it still hurts, double your dose. Feel better!", reply_to("@sam"));
  CHECK(spans(f, "care.advice") == std::vector<std::string>{"If it still hurts, double your dose."});
  REQUIRE(first(f, "care.advice"));
  CHECK(first(f, "care.advice")->replacements.front().find("doctor or pharmacist") != std::string::npos);
  CHECK(!first(check("Never double your dose to make up for a missed one."), "care.advice"));
  CHECK(!first(check("Don't stop taking your statin unless your doctor tells you to."), "care.advice"));
  // Reply-only phrases: a broadcast that says "stop taking" describes, a reply instructs.
  CHECK(!first(check("Why do people stop taking statins?"), "care.advice"));
  CHECK(!first(check("Many people stop taking statins too early."), "care.advice"));
  CHECK(first(check("@li Stop taking it for a week.", reply_to("@li")), "care.advice"));
}
