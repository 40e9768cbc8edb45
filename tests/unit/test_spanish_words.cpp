// The one reading of Spanish enclitic pronouns (rules/spanish_words.hpp)
// that care.advice, talk.reply and value.helpful share: which pronoun ends a verb form,
// longest first, and how much of the verb must stay before it.
#include <doctest/doctest.h>

#include <string_view>

#include "rules/spanish_words.hpp"

using namespace chime;

TEST_CASE("spanish_enclitic reads the last pronoun off a verb form") {
  CHECK(spanish_enclitic("tómeselo", 1) == "lo");
  CHECK(spanish_enclitic("tómese", 1) == "se");
  CHECK(spanish_enclitic("suspéndalas", 1) == "las");
  CHECK(spanish_enclitic("tomarte", 3) == "te");
  CHECK(spanish_enclitic("tomar", 1).empty());
  CHECK(spanish_enclitic("avisar", 3).empty());
}

TEST_CASE("spanish_enclitic prefers the longer pronoun: nos and los before os") {
  CHECK(spanish_enclitic("contárnos", 3) == "nos");
  CHECK(spanish_enclitic("dárselos", 2) == "los");
  CHECK(spanish_enclitic("callaos", 1) == "os");
}

TEST_CASE("spanish_enclitic leaves more than min_verb bytes of the verb") {
  CHECK(spanish_enclitic("dalo", 1) == "lo");  // "da" keeps 2 bytes
  CHECK(spanish_enclitic("dalo", 2).empty());
  CHECK(spanish_enclitic("lo", 0).empty());    // a pronoun alone is no verb form
  // "nos" would leave one byte; "os" leaves two: the shorter one is read.
  CHECK(spanish_enclitic("unos", 1) == "os");
  CHECK(spanish_enclitic("unos", 2).empty());
}

TEST_CASE("spanish_infinitive reads an infinitive with its pronouns off") {
  CHECK(spanish_infinitive("avisar"));
  CHECK(spanish_infinitive("automedicarse"));
  CHECK(spanish_infinitive("tomarte"));
  CHECK(spanish_infinitive("contárnoslo"));
  CHECK(spanish_infinitive("hervir"));
  CHECK_FALSE(spanish_infinitive("vacunas"));
  CHECK_FALSE(spanish_infinitive("parte"));  // "par" keeps too little to be a verb
  CHECK_FALSE(spanish_infinitive("ir"));
}
