// Sentiment: behaviour pins (what a reader expects of each rule), then the
// evaluation target against VADER's human-rated sets.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "document.hpp"
#include "language.hpp"
#include "sentiment/lexicon.hpp"
#include "sentiment/sentiment.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {

Sentiment sentiment_of(std::string_view utf8, const sentiment::Lexicon& lexicon = sentiment::Lexicon::get()) {
  static Tokenizer tokenizer;
  Document doc;
  int32_t replaced = 0;
  doc.text = text::decode_utf8(utf8, replaced);
  doc.entities = text::parse_and_extract(doc.text).entities;
  tokenizer.run(doc);
  return sentiment::score(doc, lexicon);
}
double compound(std::string_view utf8) { return sentiment_of(utf8).compound; }

}  // namespace

TEST_CASE("sentiment: positive and negative words, neutral text") {
  CHECK(compound("The staff were kind and helpful") > 0.05);
  CHECK(compound("The wait was awful and the room was dirty") < -0.05);
  CHECK(compound("The clinic opens at 9 on Tuesday") == 0);
  CHECK(compound("") == 0);
}

TEST_CASE("sentiment: Spanish posts score with the Spanish lexicon and modifiers") {
  const sentiment::Lexicon& es = sentiment::Lexicon::get(Language::es);
  const auto spanish = [&](std::string_view utf8) { return sentiment_of(utf8, es).compound; };
  CHECK(spanish("Excelente atención, muy amables") > 0.05);
  CHECK(spanish("Pésimo servicio, nunca más") < -0.05);
  // Negation flips and weakens, as in English.
  const double good = spanish("El servicio es bueno");
  const double not_good = spanish("El servicio no es bueno");
  CHECK(good > 0.05);
  CHECK(not_good < 0);
  CHECK(std::abs(not_good) < good);
  CHECK(spanish("Sin dolor") > 0);  // "sin" negates "dolor"
  // Boosters raise, dampeners lower.
  CHECK(spanish("muy bueno") > spanish("bueno"));
  CHECK(spanish("un poco bueno") < spanish("bueno"));
  // "pero" weighs what follows more, as "but" does.
  CHECK(spanish("La comida es buena pero el servicio es pésimo") < 0);
  CHECK(spanish("El servicio es pésimo pero el personal es excelente") > 0);
  // Multi-word entries of AFINN-es are idioms.
  CHECK(spanish("buena voluntad") > 0);
  // Emoji are shared: the same valence in both languages.
  CHECK(spanish("\xF0\x9F\x98\x80") == compound("\xF0\x9F\x98\x80"));
  CHECK(spanish("\xF0\x9F\x98\x80") > 0);
  // English words are not Spanish ones, and the other way round.
  CHECK(spanish("The staff were kind and helpful") == 0);
  CHECK(compound("Excelente atención, muy amables") == 0);
  // und and en share the English lexicon.
  CHECK(&sentiment::Lexicon::get(Language::und) == &sentiment::Lexicon::get(Language::en));
  CHECK(&es != &sentiment::Lexicon::get(Language::en));
}

TEST_CASE("sentiment: negation flips and weakens") {
  double good = compound("The care was good");
  double not_good = compound("The care was not good");
  CHECK(not_good < 0);
  CHECK(std::abs(not_good) < good);  // "not good" is milder than "bad"
  CHECK(compound("The care wasn't good") < 0);
  CHECK(compound("The care wasn\u2019t good") < 0);  // curly apostrophe
  CHECK(compound("Not bad at all") > 0);
  CHECK(compound("No problem, happy to help") > compound("Problem, happy to help"));
  CHECK(compound("No.") < 0);  // "no" on its own is a (mild) negative word
  CHECK(compound("At least the staff were kind") > 0);  // "at least" is no negation
}

TEST_CASE("sentiment: negation does not reach across a clause break") {
  CHECK(compound("Not me. Great work from the team") > 0);
  CHECK(compound("Not me, great work from the team") > 0);
}

TEST_CASE("sentiment: intensifiers raise, dampeners lower") {
  double good = compound("The food was good");
  CHECK(compound("The food was very good") > good);
  CHECK(compound("The food was extremely good") > good);
  CHECK(compound("The food was slightly good") < good);
  CHECK(compound("The food was kind of good") < good);
  CHECK(compound("The food was slightly good") > 0);
  CHECK(compound("The food was very bad") < compound("The food was bad"));
}

TEST_CASE("sentiment: but shifts the weight to the second clause") {
  CHECK(compound("The food was good but the service was terrible") < 0);
  CHECK(compound("The food was terrible but the service was good") > 0);
  // Its own sentence only: a "but" later does not halve an earlier sentence.
  double first = compound("We love our nurses. The parking is bad but the coffee is okay.");
  double alone = compound("We love our nurses.");
  CHECK(first > alone * 0.75);
}

TEST_CASE("sentiment: ALL CAPS and exclamation marks amplify") {
  CHECK(compound("The staff were GREAT today") > compound("The staff were great today"));
  // All caps everywhere is not emphasis of one word.
  CHECK(compound("THE STAFF WERE GREAT TODAY") == compound("the staff were great today"));
  CHECK(compound("Great job!") > compound("Great job"));
  CHECK(compound("Great job!!") > compound("Great job!"));
  CHECK(compound("Great job!!!!!!!") == compound("Great job!!!!"));  // at most four count
  CHECK(compound("Terrible wait!!") < compound("Terrible wait"));
  // A URL's query string is no emphasis.
  CHECK(compound("Great job https://example.org/a?b=1") == compound("Great job"));
}

TEST_CASE("sentiment: emoticons count") {
  CHECK(compound("See you at the clinic :)") > 0);
  CHECK(compound("See you at the clinic :-(") < 0);
  CHECK(compound("Thank you nurses <3") > compound("Thank you nurses"));
  CHECK(compound("See you there :D") > 0);  // emoticons are matched as written
}

TEST_CASE("sentiment: emoji count, attached or not, in any skin tone") {
  CHECK(compound("See you today \U0001F600") > 0);      // grinning face
  CHECK(compound("Flu shots today \U0001F622") < 0);    // crying face
  CHECK(compound("See you today\U0001F600") > 0);       // glued to the word
  CHECK(compound("\U0001F494") < 0);                    // broken heart: the idiom, not "heart"
  CHECK(compound("Done \U0001F44D") > 0);               // thumbs up (Chime's own value)
  CHECK(compound("Done \U0001F44D\U0001F3FD") == compound("Done \U0001F44D"));  // skin tone
  CHECK(compound("We \u2764\uFE0F our volunteers") > 0);  // red heart with VS16
  CHECK(compound("Game night \U0001F3B2") == 0);        // "game die" is not death
}

TEST_CASE("sentiment: URLs and mentions are not words; hashtags are") {
  CHECK(compound("@happy_clinic https://example.org/love") == 0);
  CHECK(compound("Stay home if you are sick #StaySafe") > compound("Stay home if you are sick"));
  CHECK(compound("#love") > 0);
}

TEST_CASE("sentiment: healthcare terms are not feelings") {
  CHECK(compound("Know the signs of heart disease") <= 0);  // "heart" is the organ
  CHECK(compound("Visit our urgent care clinic") == 0);
  CHECK(compound("Never mind the delay") < 0);  // "never mind" negates nothing
}

TEST_CASE("sentiment: proportions sum to one, values rounded to 3 decimals") {
  for (const char* text : {"The food was good but the service was terrible!!", "Hello", "Great :) \U0001F600",
                           "no", ""}) {
    Sentiment s = sentiment_of(text);
    CAPTURE(text);
    CHECK(s.compound >= -1);
    CHECK(s.compound <= 1);
    CHECK(s.pos + s.neu + s.neg == doctest::Approx(1.0).epsilon(1e-9));
    for (double v : {s.compound, s.pos, s.neu, s.neg}) {
      CHECK(std::abs(v * 1000 - std::round(v * 1000)) < 1e-6);
    }
  }
  Sentiment mixed = sentiment_of("The food was good but the service was terrible");
  CHECK(mixed.pos > 0);
  CHECK(mixed.neg > mixed.pos);
}

TEST_CASE("sentiment: lexicons load") {
  const sentiment::Lexicon& lex = sentiment::Lexicon::get();
  CHECK(lex.valence.size() > 7000);
  REQUIRE(lex.find_valence("good") != nullptr);
  CHECK(*lex.find_valence("good") == 1.9);
  CHECK(*lex.find_valence("heart") == 0);  // lexicon-chime.tsv replaces VADER's 3.2
  const data::TsvRow row{{}, "test.tsv", 1};
  CHECK(sentiment::parse_decimal("-0.293", row) == -0.293);
  CHECK_THROWS_WITH(sentiment::parse_decimal("1,5", row), "core/data/test.tsv:1: not a number: '1,5'");
}

// The target: at least as good as the npm vader-sentiment package on
// each of VADER's human-rated sets. Its numbers here were measured by
// bench/sentiment/compare.mjs (vader-sentiment 1.1.3; Pearson r with the
// mean human rating, three-class accuracy with the thresholds documented
// there and in docs/sentiment.md).
TEST_CASE("sentiment: at least as good as vader-sentiment on VADER's human-rated sets") {
  struct Set {
    const char* file;
    double vader_r;   // rounded up at the 4th decimal
    int vader_right;  // texts whose class vader-sentiment got right
  };
  const Set sets[] = {
      {"amazonReviewSnippets_GroundTruth.txt", 0.5718, 2183},   // of 3708
      {"movieReviewSnippets_GroundTruth.txt", 0.4176, 5748},    // of 10605
      {"nytEditorialSnippets_GroundTruth.txt", 0.4923, 2884},   // of 5190
  };
  auto tool_class = [](double c) { return c >= 0.05 ? 1 : c <= -0.05 ? -1 : 0; };
  auto human_class = [](double m) { return m > 0.5 ? 1 : m < -0.5 ? -1 : 0; };
  for (const Set& set : sets) {
    CAPTURE(set.file);
    std::ifstream in(std::string(CHIME_TEST_DATA_DIR) + "/vader/" + set.file);
    REQUIRE(in);
    std::vector<double> human, chime;
    std::string line;
    while (std::getline(in, line)) {
      size_t tab1 = line.find('\t');
      size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string::npos) continue;
      human.push_back(std::stod(line.substr(tab1 + 1, tab2 - tab1 - 1)));
      chime.push_back(compound(std::string_view(line).substr(tab2 + 1)));
    }
    REQUIRE(human.size() > 1000);
    double n = static_cast<double>(human.size());
    double mh = 0, mc = 0;
    for (size_t i = 0; i < human.size(); ++i) {
      mh += human[i] / n;
      mc += chime[i] / n;
    }
    double shc = 0, shh = 0, scc = 0;
    int agree = 0;
    for (size_t i = 0; i < human.size(); ++i) {
      shc += (human[i] - mh) * (chime[i] - mc);
      shh += (human[i] - mh) * (human[i] - mh);
      scc += (chime[i] - mc) * (chime[i] - mc);
      agree += tool_class(chime[i]) == human_class(human[i]) ? 1 : 0;
    }
    CHECK(shc / std::sqrt(shh * scc) >= set.vader_r);
    CHECK(agree >= set.vader_right);
  }
}
