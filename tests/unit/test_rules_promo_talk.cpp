// promo.research-hype and talk.non-answer: what they flag, what they offer
// instead, and the near misses a healthcare social-media lead would defend.
#include <doctest/doctest.h>

#include "rule_checks.hpp"

using namespace chime;
using namespace chime::testing;

TEST_CASE("promo.research-hype: one hint per hype word, plainer words in the writer's capitals") {
  auto f = check("BREAKTHROUGH: our researchers found a revolutionary way to spot Alzheimer's early.");
  REQUIRE(f.count("promo.research-hype") == 2);
  CHECK(f.spans("promo.research-hype") == std::vector<std::string>{"BREAKTHROUGH", "revolutionary"});
  const Hint* first = f.first("promo.research-hype");
  CHECK(first->severity == Severity::warning);
  CHECK(first->replacements.front() == "Advance");  // match_case: a capitalised word, not a shout
  CHECK(first->suggestion.find("in whom") != std::string::npos);
  // Research news gets this advice for a hype word, not promo.superlative's as well.
  CHECK(f.count("promo.superlative") == 0);
  CHECK(check("Our revolutionary new clinic opens Monday on Elm St.").count("promo.superlative") == 1);
  // A promo.* problem: no engagement rewrite or chat suggestion on top.
  CHECK(f.count("talk.chat-suggest") == 0);
}

TEST_CASE("promo.research-hype: research and promotion posts only") {
  CHECK(check("A new study calls the drug a game-changer for migraine.").count("promo.research-hype") == 1);
  CHECK(check("Our new heart valve is a game-changer. Book your consultation today!").count("promo.research-hype") == 1);
  // A tip about recovery is not research news.
  CHECK(check("A breakthrough in your recovery can be as small as walking to the mailbox.")
            .count("promo.research-hype") == 0);
}

TEST_CASE("promo.research-hype: clinical terms, names, negations, quotes, questions and doubt stay silent") {
  for (const char* text : {
           "New study: a nurse-led plan cut breakthrough pain by a third in people with cancer.",
           "Study finds breakthrough infections were mild in vaccinated adults.",
           "Our researchers join Breakthrough T1D to study insulin-making cells.",
           "Research news: the FDA gave the drug breakthrough therapy designation.",
           "No breakthrough yet: our study found a small effect in 120 adults.",
           "Study results are in, and it is not a miracle: a modest benefit for some.",
           "Researchers warn against calling the result a \"breakthrough\" before the trial ends.",
           "Is this study a breakthrough? Dr. Lee explains what it found.",
           "Critics say calling the mouse study a breakthrough oversells it.",
       }) {
    INFO(text);
    CHECK(check(text).count("promo.research-hype") == 0);
  }
}

TEST_CASE("talk.non-answer: a deflection with nothing else, in reply to a question") {
  const Context asked = reply_to("@joe", "@clinic do I need an appointment for a flu shot or can I just walk in?");
  auto f = check("@joe Please check our website.", asked);
  REQUIRE(f.count("talk.non-answer") == 1);
  CHECK(f.span("talk.non-answer") == "check our website");
  CHECK(f.first("talk.non-answer")->severity == Severity::tip);
  // Not credited as an answer by talk.reply.
  const Hint* reply = f.first("talk.reply");
  CHECK((reply == nullptr || reply->message.find("answers the question") == std::string::npos));

  auto refusal = check("@joe We don't offer that. Thanks.", reply_to("@joe", "do you do DEXA scans?"));
  REQUIRE(refusal.count("talk.non-answer") == 1);
  // The digits of a handle are no phone number.
  CHECK(check("@FitAt50 We don't offer that.", reply_to("@FitAt50", "do you do DEXA scans?")).count("talk.non-answer") == 1);
  CHECK(refusal.first("talk.non-answer")->suggestion.find("where they can get it") != std::string::npos);
}

TEST_CASE("talk.non-answer: an answer, a pointer, a yes, or a complaint keep it silent") {
  const Context asked = reply_to("@joe", "Can I get a flu shot without an appointment?");
  for (const char* text : {
           "@joe Walk-ins are welcome for flu shots until 6pm; see our website for Saturday hours.",
           "@joe Yes! Please call us to book a time that suits you.",
           "@joe Please see our website: cascadehealth.org/flu",
           "@joe Please call the office at 555-0142 and ask for the flu clinic.",
       }) {
    INFO(text);
    CHECK(check(text, asked).count("talk.non-answer") == 0);
  }
  // A private channel is the right answer to a complaint, and no question was asked.
  CHECK(check("@joe Please DM us.", reply_to("@joe", "Waited 4 hours in your ER. Disgraceful."))
            .count("talk.non-answer") == 0);
  CHECK(check("@joe Please check our website.", reply_to("@joe")).count("talk.non-answer") == 0);
  // A yes does not excuse a refusal: it is still nowhere to go.
  CHECK(check("@joe No, we don't offer that.", reply_to("@joe", "Do you do DEXA scans?")).count("talk.non-answer") == 1);
}
