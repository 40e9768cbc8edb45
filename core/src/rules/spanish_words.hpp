// Spanish word forms that several rule families read the same way.
#pragma once
#include <cstddef>
#include <string_view>

namespace chime {

// The pronoun attached to the end of the Spanish verb form `word` (folded),
// if `word` keeps more than `min_verb` bytes before it: "lo" of
// "tómeselo" (call again on "tómese" for "se"), "nos" of "contárnos";
// empty if none. The longest pronoun wins ("nos", not "os"). A caller
// that reads only some pronouns checks the one returned: a word that ends
// in another listed pronoun carries none of its own list.
std::string_view spanish_enclitic(std::string_view word, size_t min_verb);

// Is the folded `word` an infinitive, with up to two pronouns read off
// ("avisar", "tomarte", "contárnoslo", "automedicarse")? Told by its ending
// (-ar, -er, -ir, accented before pronouns), so a noun such as "lugar" or
// "mujer" passes too: callers ask after words an infinitive follows
// ("gracias por", "conviene").
bool spanish_infinitive(std::string_view word);

}  // namespace chime
