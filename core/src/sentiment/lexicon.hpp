// The sentiment lexicons of core/data/sentiment/ (formats: the header of each
// file and docs/sentiment.md), parsed once, on first use, into hash maps that
// are only ever looked up, never iterated (output never depends on their
// order).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chime::sentiment {

// What a modifier or idiom does (modifiers.tsv, idioms.tsv).
enum class Effect { boost, negate, scale, none, contrast, idiom };

struct Phrase {
  std::vector<std::string> words;  // case-folded
  Effect effect = Effect::none;
  double value = 0;  // boost: magnitude added; scale: factor; idiom: valence
};

struct Lexicon {
  // lexicon.tsv: case-folded word or emoticon as written -> mean valence.
  std::unordered_map<std::string, double> valence;
  // modifiers.tsv and idioms.tsv by their first word, longest first.
  std::unordered_map<std::string, std::vector<Phrase>> phrases;
  // emoji.tsv and emoji-chime.tsv: emoji (UTF-8, see emoji_key) -> valence.
  std::unordered_map<std::string, double> emoji;

  // The lexicons, loaded once (thread-safe).
  static const Lexicon& get();

  const double* find_valence(const std::string& key) const {
    auto it = valence.find(key);
    return it == valence.end() ? nullptr : &it->second;
  }
  // Valence of an emoji sequence: the sequence itself, else its first code
  // point (so a ZWJ or skin-tone variant scores as its base); 0 if unknown.
  double emoji_valence(std::u16string_view sequence) const;
};

// An emoji sequence without variation selectors (U+FE0F) and skin-tone
// modifiers, as UTF-8: the key of Lexicon::emoji.
std::string emoji_key(std::u16string_view sequence);

// "-1.25" -> -1.25 exactly as the compiler would read it (digits / 10^k, one
// correctly rounded division: the same bits everywhere, no locale).
double parse_decimal(std::string_view text, std::string_view where);

// The summed valence of the words of a plain UTF-8 text, modifiers and idioms
// applied (sentiment.cpp): how an emoji's description scores.
double words_valence(const Lexicon& lexicon, std::string_view utf8);

}  // namespace chime::sentiment
