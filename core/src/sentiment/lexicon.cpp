#include "sentiment/lexicon.hpp"

#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <stdexcept>

#include "data/data.hpp"
#include "data/tsv.hpp"
#include "text/unicode.hpp"

namespace chime::sentiment {

namespace {

// An emoji's valence is the sum over its description, kept within the range
// of the lexicon's ratings (-4..4, VADER's scale) so that one emoji weighs no
// more than one strong word.
constexpr double kMaxValence = 4.0;

// A phrase's case-folded words, as entries of the word table.
std::vector<uint32_t> phrase_words(Lexicon& lex, std::string_view phrase) {
  std::vector<uint32_t> words;
  std::string folded = text::fold_utf8(phrase);
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string::npos) space = folded.size();
    if (space > start) words.push_back(lex.valence.insert(std::string_view(folded).substr(start, space - start)));
    start = space + 1;
  }
  return words;
}

Effect effect_named(std::string_view name, const data::TsvRow& at) {
  if (name == "boost") return Effect::boost;
  if (name == "negate") return Effect::negate;
  if (name == "scale") return Effect::scale;
  if (name == "none") return Effect::none;
  if (name == "contrast") return Effect::contrast;
  throw std::runtime_error(at.where() + ": unknown effect '" + std::string(name) + "'");
}

void add_phrase(Lexicon& lex, Phrase phrase, const data::TsvRow& at) {
  if (phrase.words.empty()) throw std::runtime_error(at.where() + ": empty phrase");
  lex.phrases.push_back(std::move(phrase));
}

// Groups the phrases by first word, longest first; equal lengths keep file
// order (stable), so a match never depends on the sort implementation.
void index_phrases(Lexicon& lex) {
  std::stable_sort(lex.phrases.begin(), lex.phrases.end(), [](const Phrase& a, const Phrase& b) {
    if (a.words.front() != b.words.front()) return a.words.front() < b.words.front();
    return a.words.size() > b.words.size();
  });
  for (uint32_t i = 0; i < lex.phrases.size(); ++i) {
    WordInfo& first = lex.valence.value(lex.phrases[i].words.front());
    if (first.phrases_begin == first.phrases_end) first.phrases_begin = i;
    first.phrases_end = i + 1;
  }
}

void set_valence(Lexicon& lex, std::string_view word, double valence) {
  WordInfo& info = lex.valence.value(lex.valence.insert(word));
  info.valence = valence;
  info.has_valence = true;
}

void set_emoji(Lexicon& lex, std::string_view utf8, double valence) {
  int32_t replaced = 0;
  lex.emoji.value(lex.emoji.insert(emoji_key(text::decode_utf8(utf8, replaced)))) = valence;
}

// The word tables of core/data/<dir>: lexicon.tsv, modifiers.tsv, idioms.tsv.
void load_words(Lexicon& lex, const std::string& dir) {
  for (const data::TsvRow& at : data::tsv_rows(dir + "lexicon.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected token<TAB>valence");
    set_valence(lex, f[0], parse_decimal(f[1], at));
  }
  for (const data::TsvRow& at : data::tsv_rows(dir + "modifiers.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected phrase<TAB>effect[<TAB>value]");
    Phrase p{phrase_words(lex, f[0]), effect_named(f[1], at), 0};
    if (p.effect == Effect::boost || p.effect == Effect::scale) {
      if (f.size() < 3) throw std::runtime_error(at.where() + ": this effect needs a value");
      p.value = parse_decimal(f[2], at);
    }
    add_phrase(lex, std::move(p), at);
  }
  for (const data::TsvRow& at : data::tsv_rows(dir + "idioms.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected phrase<TAB>valence");
    add_phrase(lex, Phrase{phrase_words(lex, f[0]), Effect::idiom, parse_decimal(f[1], at)}, at);
  }
  index_phrases(lex);
}

Lexicon load_english() {
  Lexicon lex;
  lex.valence.reserve(8192, 64 * 1024);  // 7,500 words and emoticons, about 6 bytes each
  lex.emoji.reserve(256, 1024);
  load_words(lex, "sentiment/");
  // Emoji: scored from their descriptions with VADER's tables above.
  for (const data::TsvRow& at : data::tsv_rows("sentiment/emoji.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected emoji<TAB>description");
    set_emoji(lex, f[0], std::clamp(words_valence(lex, f[1]), -kMaxValence, kMaxValence));
  }
  // Chime's changes to the word lexicon come after the emoji, whose
  // descriptions name pictures: the heart in "red heart" is love, not the
  // organ that lexicon-chime.tsv makes neutral.
  for (const data::TsvRow& at : data::tsv_rows("sentiment/lexicon-chime.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected word<TAB>valence");
    set_valence(lex, f[0], parse_decimal(f[1], at));
  }
  for (const data::TsvRow& at : data::tsv_rows("sentiment/emoji-chime.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected emoji<TAB>valence");
    set_emoji(lex, f[0], parse_decimal(f[1], at));
  }
  return lex;
}

// Spanish words (core/data/sentiment/es/, AFINN-es) with Chime's changes;
// the emoji as English scores them: an emoji means the same in both
// languages, and its description in emoji.tsv is English.
Lexicon load_spanish(const Lexicon& english) {
  Lexicon lex;
  lex.valence.reserve(8192, 96 * 1024);  // 5,900 words and 250 phrases, about 9 bytes a word
  load_words(lex, "sentiment/es/");
  for (const data::TsvRow& at : data::tsv_rows("sentiment/es/lexicon-chime.tsv")) {
    const std::vector<std::string_view>& f = at.fields;
    if (f.size() < 2) throw std::runtime_error(at.where() + ": expected word<TAB>valence");
    set_valence(lex, f[0], parse_decimal(f[1], at));
  }
  lex.emoji = english.emoji;
  return lex;
}

}  // namespace

const Lexicon& Lexicon::get(Language language) {
  static const Lexicon english = load_english();  // C++11 magic statics: thread-safe
  if (language != Language::es) return english;
  static const Lexicon spanish = load_spanish(english);
  return spanish;
}

namespace {

// emoji_key into `out` (room for sequence.size() units); returns its length.
size_t emoji_key_into(std::u16string_view sequence, char16_t* out) {
  size_t size = 0;
  for (size_t i = 0; i < sequence.size(); ++i) {
    char16_t c = sequence[i];
    if (c == 0xFE0F) continue;  // emoji presentation selector
    // U+1F3FB..U+1F3FF skin tones: surrogates D83C DFFB..DFFF.
    if (c == 0xD83C && i + 1 < sequence.size() && sequence[i + 1] >= 0xDFFB && sequence[i + 1] <= 0xDFFF) {
      ++i;
      continue;
    }
    out[size++] = c;
  }
  return size;
}

// The entry of the emoji sequence, or npos; no allocation for the short
// sequences that emoji are.
int32_t find_emoji(const FlatMap<char16_t, double>& emoji, std::u16string_view sequence) {
  char16_t buffer[32];
  if (sequence.size() > std::size(buffer)) return emoji.find(emoji_key(sequence));
  return emoji.find(std::u16string_view(buffer, emoji_key_into(sequence, buffer)));
}

}  // namespace

double Lexicon::emoji_valence(std::u16string_view sequence) const {
  if (sequence.empty()) return 0;
  if (int32_t e = find_emoji(emoji, sequence); e != emoji.npos) return emoji.value(static_cast<uint32_t>(e));
  size_t first = U16_IS_LEAD(sequence[0]) && sequence.size() > 1 ? 2 : 1;
  if (first < sequence.size()) {
    if (int32_t e = find_emoji(emoji, sequence.substr(0, first)); e != emoji.npos) {
      return emoji.value(static_cast<uint32_t>(e));
    }
  }
  return 0;
}

std::u16string emoji_key(std::u16string_view sequence) {
  std::u16string key(sequence.size(), u'\0');
  key.resize(emoji_key_into(sequence, key.data()));
  return key;
}

double parse_decimal(std::string_view text, const data::TsvRow& at) {
  const auto not_a_number = [&] { return std::runtime_error(at.where() + ": not a number: '" + std::string(text) + "'"); };
  std::string_view digits = text;
  const bool negative = digits.starts_with('-');
  if (negative) digits.remove_prefix(1);
  int64_t mantissa = 0;
  int64_t divisor = 1;
  bool dot = false;
  bool any = false;
  for (char c : digits) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9' || mantissa > 100'000'000'000) throw not_a_number();
    mantissa = mantissa * 10 + (c - '0');
    if (dot) divisor *= 10;
    any = true;
  }
  if (!any) throw not_a_number();
  const double value = static_cast<double>(mantissa) / static_cast<double>(divisor);
  return negative ? -value : value;
}

}  // namespace chime::sentiment
