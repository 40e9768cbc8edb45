// The Result's `language` (docs/language.md): clear English and Spanish
// posts, the edge cases (too short, nothing but entities or emoji, other
// languages), Spanglish by its dominant language, and the same answer from
// the UTF-8 and UTF-16 paths.
#include <doctest/doctest.h>

#include <string>

#include "chime/analyzer.hpp"

using namespace chime;

namespace {

std::string language(const std::string& text) {
  static Analyzer analyzer;
  return analyzer.analyze(text).language;
}

}  // namespace

TEST_CASE("language: clear English and Spanish posts") {
  CHECK(language("Flu shots are free at all our clinics this Saturday, no appointment needed.") == "en");
  CHECK(language("What questions do you have about the new RSV vaccine? Ask us below.") == "en");
  CHECK(language("Las vacunas contra la gripe son gratuitas este sábado en todos nuestros centros.") == "es");
  CHECK(language("¿Tienes preguntas sobre la nueva vacuna? Escríbenos aquí.") == "es");
  CHECK(language("Ahorita no hay citas, pero mañana abrimos temprano") == "es");
}

TEST_CASE("language: fewer than three words is und, whatever the language") {
  CHECK(language("") == "und");
  CHECK(language("   \n ") == "und");
  CHECK(language("gracias!") == "und");
  CHECK(language("Muchas gracias") == "und");
  CHECK(language("Thank you!") == "und");
  CHECK(language("ok 👍") == "und");
  // Three words are enough.
  CHECK(language("Gracias por todo") == "es");
  CHECK(language("Thanks for everything") == "en");
}

TEST_CASE("language: URLs, handles, hashtags, numbers and emoji are not words") {
  CHECK(language("https://t.co/x7Yq2Lm0Pz") == "und");
  CHECK(language("@CDCespanol @CDCgov #SaludDigital #hcsm https://t.co/k2") == "und");
  CHECK(language("🙏 ❤️❤️❤️ 👏👏 😷💉") == "und");
  CHECK(language("2024 10:30 555-0100 #1 $5") == "und");
  // Spanish hashtags do not make an English post Spanish, nor the reverse.
  CHECK(language("@RiverBendHealth thanks for taking care of my dad today #SaludParaTodos #Vacúnate") == "en");
  CHECK(language("@MinSaludCol ¿dónde me puedo vacunar? #GetVaccinated #VaccinesWork") == "es");
}

TEST_CASE("language: a Spanglish post says the language that dominates") {
  CHECK(language("Oye, el appointment de mi mamá es mañana y todavía no nos han llamado para confirmar.") == "es");
  CHECK(language("Llevo una hora on hold con el seguro y nadie contesta.") == "es");
  CHECK(language("Just got my flu shot at the clinic, gracias to the nurses for being so kind!") == "en");
  CHECK(language("The health fair was amazing today, so many families came out. ¡Gracias a todos!") == "en");
}

TEST_CASE("language: other languages, close ones included, are und") {
  CHECK(language("Você sabia que uma em cada três pessoas tem pressão alta?") == "und");              // Portuguese
  CHECK(language("La vaccination contre la grippe est gratuite ce samedi dans nos centres.") == "und");  // French
  CHECK(language("Gràcies a tot l'equip d'infermeria per cuidar tan bé la meva mare.") == "und");     // Catalan
  CHECK(language("Die Grippeimpfung ist am Samstag in allen unseren Praxen kostenlos.") == "und");    // German
  CHECK(language("新しいワクチンについて質問はありますか") == "und");                                   // Japanese
}

TEST_CASE("language: the UTF-16 path agrees with the UTF-8 one") {
  Analyzer analyzer;
  CHECK(analyzer.analyze(std::u16string_view(u"¿A qué hora abren la farmacia?")).language == "es");
  CHECK(analyzer.analyze(std::u16string_view(u"What time does the pharmacy open?")).language == "en");
  CHECK(analyzer.analyze(std::u16string_view(u"Você sabia que uma em cada três pessoas tem pressão alta?")).language == "und");
  CHECK(analyzer.analyze(std::u16string_view(u"¡Sí!")).language == "und");
}
