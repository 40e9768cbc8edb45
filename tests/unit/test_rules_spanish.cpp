// Spanish posts (docs/language.md): the Spanish syllable count and the
// Fernández-Huerta grade against hand-computed values, the Spanish lists
// chosen for a Spanish post and only for it, and no English chat or English
// question ever suggested for a Spanish post; the words that replace a named
// patient agree with that patient.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "readability.hpp"
#include "rules/lists.hpp"
#include "text/unicode.hpp"

using namespace chime;

namespace {

bool fires(const Result& r, std::string_view rule) {
  for (const Hint& h : r.hints) {
    if (h.rule == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("readability: Spanish syllables, counted by hand") {
  CHECK(count_spanish_syllables("lávate") == 3);   // lá-va-te
  CHECK(count_spanish_syllables("agua") == 2);     // a-gua: "ua" is a diphthong
  CHECK(count_spanish_syllables("ciudad") == 2);   // ciu-dad: two weak vowels
  CHECK(count_spanish_syllables("día") == 2);      // dí-a: an accented í breaks it
  CHECK(count_spanish_syllables("país") == 2);     // pa-ís
  CHECK(count_spanish_syllables("leer") == 2);     // le-er: two strong vowels
  CHECK(count_spanish_syllables("aéreo") == 4);    // a-é-re-o
  CHECK(count_spanish_syllables("hoy") == 1);      // final y closes the diphthong
  CHECK(count_spanish_syllables("uruguay") == 3);  // u-ru-guay: a triphthong
  CHECK(count_spanish_syllables("que") == 1);      // the u of "que" is no syllable of its own
  CHECK(count_spanish_syllables("y") == 1);
  CHECK(count_spanish_syllables("enfermería") == 5);  // en-fer-me-rí-a
}

TEST_CASE("readability: the Fernández-Huerta scale as grades") {
  CHECK(fernandez_huerta_grade(120) == doctest::Approx(3));
  CHECK(fernandez_huerta_grade(90) == doctest::Approx(4));
  CHECK(fernandez_huerta_grade(65) == doctest::Approx(7));   // half way from 70 (6) to 60 (8)
  CHECK(fernandez_huerta_grade(60) == doctest::Approx(8));
  CHECK(fernandez_huerta_grade(55) == doctest::Approx(10));  // half way from 60 (8) to 50 (12)
  CHECK(fernandez_huerta_grade(-20) == doctest::Approx(18));
}

TEST_CASE("readability: a Spanish post is graded with Fernández-Huerta, by hand") {
  Analyzer analyzer;
  // 7 words, 12 syllables (lá-va-te las ma-nos con a-gua y ja-bón), 1 sentence:
  // 206.84 - 60 * 12 / 7 - 1.02 * 7 = 96.84 -> 4 - 0.684 = 3.3.
  const Result r = analyzer.analyze("Lávate las manos con agua y jabón.");
  REQUIRE(r.language == "es");
  CHECK(r.readability.words == 7);
  CHECK(r.readability.sentences == 1);
  CHECK(r.readability.grade == doctest::Approx(3.3));
  // A long, dense sentence is flagged; the English formula would have said
  // nothing (it does not grade Spanish).
  const Result dense = analyzer.analyze(
      "La administración concomitante de anticoagulantes orales y antiinflamatorios no esteroideos incrementa "
      "considerablemente la probabilidad de complicaciones hemorrágicas gastrointestinales.");
  REQUIRE(dense.language == "es");
  CHECK(dense.readability.grade > 8);
  CHECK(fires(dense, "tone.reading-level"));
}

TEST_CASE("lists: a Spanish post reads the Spanish file, others the English one") {
  CHECK(data_file("phrases/care_claim.tsv", Language::es) == "es/phrases/care_claim.tsv");
  CHECK(data_file("phrases/care_claim.tsv", Language::en) == "phrases/care_claim.tsv");
  CHECK(data_file("phrases/care_claim.tsv", Language::und) == "phrases/care_claim.tsv");
  // Shared lists have no Spanish file.
  CHECK(data_file("lists/chats.tsv", Language::es) == "lists/chats.tsv");
  CHECK(data_file("lists/acronyms.txt", Language::es) == "lists/acronyms.txt");
  // Spanish phrases match a Spanish post only.
  Analyzer analyzer;
  CHECK(fires(analyzer.analyze("Este suplemento cura la diabetes en 30 días."), "care.claim"));
  const Result english = analyzer.analyze("Our new supplement garantizado helps with energy every day.");
  REQUIRE(english.language == "en");
  CHECK_FALSE(fires(english, "care.claim"));
}

TEST_CASE("talk.chat-suggest: never an English chat for a Spanish post") {
  Analyzer analyzer;
  // The English post gets #bcsm, so the check below can fail.
  const Result english = analyzer.analyze("October is breast cancer awareness month. Get your mammogram this year.");
  REQUIRE(english.language == "en");
  REQUIRE(fires(english, "talk.chat-suggest"));
  for (const char* text : {
           "Octubre es el mes de la concienciación sobre el cáncer de mama (breast cancer). Hazte la mamografía.",
           "Noviembre es el Mes de la Diabetes: hágase la prueba gratis en nuestras clínicas.",
           "La salud mental importa: si necesitas hablar, llama a la línea 106 las 24 horas.",
       }) {
    const Result r = analyzer.analyze(text);
    INFO(text);
    REQUIRE(r.language == "es");
    CHECK_FALSE(fires(r, "talk.chat-suggest"));
  }
}

TEST_CASE("talk.broadcast: a Spanish post is offered a Spanish question") {
  Analyzer analyzer;
  const Result r = analyzer.analyze("La nueva sala de espera de pediatría ya tiene juguetes y libros nuevos.");
  REQUIRE(r.language == "es");
  for (const Hint& h : r.hints) {
    if (h.rule != "talk.broadcast") continue;
    for (const std::string& replacement : h.replacements) {
      INFO(replacement);
      CHECK(replacement.find("¿") != std::string::npos);
      CHECK(replacement.find("What") == std::string::npos);
    }
  }
}

namespace {

// The post with the replacements of its first care.patient-privacy hint
// that has one applied, one by one.
std::vector<std::string> privacy_rewrites(const Result& r, std::string_view text) {
  for (const Hint& h : r.hints) {
    if (h.rule != "care.patient-privacy" || h.replacements.empty()) continue;
    int32_t replaced = 0;
    const std::u16string utf16 = text::decode_utf8(text, replaced);
    std::vector<std::string> out;
    for (const std::string& replacement : h.replacements) {
      std::u16string changed = utf16.substr(0, static_cast<size_t>(h.start));
      changed += text::decode_utf8(replacement, replaced);
      changed += utf16.substr(static_cast<size_t>(h.end));
      out.push_back(text::to_utf8(changed));
    }
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("care.patient-privacy: the Spanish replacement agrees with the person it replaces") {
  Analyzer analyzer;
  struct Case {
    const char* text;
    const char* rewritten;
  };
  for (const Case& c : {
           // The article stays and the noun takes its gender.
           Case{"¡Felicidades a la Sra. Graciela Torres, que hoy se fue a casa tras su reemplazo de cadera!",
                "¡Felicidades a la paciente, que hoy se fue a casa tras su reemplazo de cadera!"},
           Case{"Hoy el Sr. Julio Peña vuelve a casa tras su cirugía.",
                "Hoy el paciente vuelve a casa tras su cirugía."},
           // "al" and "del" keep their article too.
           Case{"Un saludo del equipo al Sr. Andrés Gómez tras su cirugía de cadera.",
                "Un saludo del equipo al paciente tras su cirugía de cadera."},
           // No article: the honorific says who it is.
           Case{"Doña Leonor Bermúdez lleva 40 días en el hospital por una neumonía y hoy cumple 90 años.",
                "Una paciente lleva 40 días en el hospital por una neumonía y hoy cumple 90 años."},
           Case{"Gracias a don Efraín Molina por contar cómo venció un cáncer de colon.",
                "Gracias a un paciente por contar cómo venció un cáncer de colon."},
           // No honorific: the participle does.
           Case{"Lucía fue diagnosticada de leucemia y hoy termina el tratamiento.",
                "Una paciente fue diagnosticada de leucemia y hoy termina el tratamiento."},
           Case{"Mario fue diagnosticado de leucemia y hoy termina el tratamiento.",
                "Un paciente fue diagnosticado de leucemia y hoy termina el tratamiento."},
           // The name is not read for gender: "Alvarado" is a surname.
           Case{"Ana Alvarado fue diagnosticada de leucemia y hoy termina el tratamiento.",
                "Una paciente fue diagnosticada de leucemia y hoy termina el tratamiento."},
       }) {
    INFO(std::string(c.text));
    const Result r = analyzer.analyze(c.text);
    REQUIRE(r.language == "es");
    const std::vector<std::string> rewrites = privacy_rewrites(r, c.text);
    REQUIRE_FALSE(rewrites.empty());
    CHECK(rewrites.front() == c.rewritten);
  }
  // English is unchanged: "a patient", whatever the title.
  const std::string english = "Congratulations to Mrs. Grace Torres, who went home today after her hip replacement!";
  const Result r = analyzer.analyze(english);
  REQUIRE(r.language == "en");
  const std::vector<std::string> rewrites = privacy_rewrites(r, english);
  REQUIRE_FALSE(rewrites.empty());
  CHECK(rewrites.front() == "Congratulations to a patient, who went home today after her hip replacement!");
}
