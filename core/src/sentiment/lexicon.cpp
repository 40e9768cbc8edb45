#include "sentiment/lexicon.hpp"

#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "data/data.hpp"
#include "text/unicode.hpp"

namespace chime::sentiment {

namespace {

// An emoji's valence is the sum over its description, kept within the range
// of the lexicon's ratings (-4..4, VADER's scale) so that one emoji weighs no
// more than one strong word.
constexpr double kMaxValence = 4.0;

std::string where(std::string_view file, int line) { return std::string(file) + ":" + std::to_string(line); }

// Calls f(fields, "file:line") for each data line of core/data/<file>:
// blank lines and lines that start with "# " (or are "#") are comments.
template <class F>
void for_each_row(std::string_view file, F f) {
  std::string_view text = data::file(file);
  int line_number = 0;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line == "#" || line.starts_with("# ")) continue;
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    f(fields, where(file, line_number));
  }
}

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::string folded = text::fold_utf8(phrase);
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string::npos) space = folded.size();
    if (space > start) words.push_back(folded.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

Effect effect_named(std::string_view name, const std::string& at) {
  if (name == "boost") return Effect::boost;
  if (name == "negate") return Effect::negate;
  if (name == "scale") return Effect::scale;
  if (name == "none") return Effect::none;
  if (name == "contrast") return Effect::contrast;
  throw std::runtime_error(at + ": unknown effect '" + std::string(name) + "'");
}

void add_phrase(Lexicon& lex, Phrase phrase, const std::string& at) {
  if (phrase.words.empty()) throw std::runtime_error(at + ": empty phrase");
  std::vector<Phrase>& list = lex.phrases[phrase.words.front()];
  list.push_back(std::move(phrase));
  // Longest first; equal lengths keep file order (stable), so a match never
  // depends on the sort implementation.
  std::stable_sort(list.begin(), list.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
}

Lexicon load() {
  Lexicon lex;
  for_each_row("sentiment/lexicon.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected token<TAB>valence");
    lex.valence[std::string(f[0])] = parse_decimal(f[1], at);
  });
  for_each_row("sentiment/modifiers.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected phrase<TAB>effect[<TAB>value]");
    Phrase p{split_words(f[0]), effect_named(f[1], at), 0};
    if (p.effect == Effect::boost || p.effect == Effect::scale) {
      if (f.size() < 3) throw std::runtime_error(at + ": this effect needs a value");
      p.value = parse_decimal(f[2], at);
    }
    add_phrase(lex, std::move(p), at);
  });
  for_each_row("sentiment/idioms.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected phrase<TAB>valence");
    add_phrase(lex, Phrase{split_words(f[0]), Effect::idiom, parse_decimal(f[1], at)}, at);
  });
  // Emoji: scored from their descriptions with VADER's tables above.
  for_each_row("sentiment/emoji.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected emoji<TAB>description");
    double v = std::clamp(words_valence(lex, f[1]), -kMaxValence, kMaxValence);
    int32_t replaced = 0;
    lex.emoji[emoji_key(text::decode_utf8(f[0], replaced))] = v;
  });
  // Chime's changes to the word lexicon come after the emoji, whose
  // descriptions name pictures: the heart in "red heart" is love, not the
  // organ that lexicon-chime.tsv makes neutral.
  for_each_row("sentiment/lexicon-chime.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected word<TAB>valence");
    lex.valence[std::string(f[0])] = parse_decimal(f[1], at);
  });
  for_each_row("sentiment/emoji-chime.tsv", [&](const auto& f, const std::string& at) {
    if (f.size() < 2) throw std::runtime_error(at + ": expected emoji<TAB>valence");
    int32_t replaced = 0;
    lex.emoji[emoji_key(text::decode_utf8(f[0], replaced))] = parse_decimal(f[1], at);
  });
  return lex;
}

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lexicon = load();  // C++11 magic static: thread-safe
  return lexicon;
}

double Lexicon::emoji_valence(std::u16string_view sequence) const {
  if (sequence.empty()) return 0;
  if (auto it = emoji.find(emoji_key(sequence)); it != emoji.end()) return it->second;
  size_t first = U16_IS_LEAD(sequence[0]) && sequence.size() > 1 ? 2 : 1;
  if (first < sequence.size()) {
    if (auto it = emoji.find(emoji_key(sequence.substr(0, first))); it != emoji.end()) return it->second;
  }
  return 0;
}

std::string emoji_key(std::u16string_view sequence) {
  std::u16string kept;
  for (size_t i = 0; i < sequence.size(); ++i) {
    char16_t c = sequence[i];
    if (c == 0xFE0F) continue;  // emoji presentation selector
    // U+1F3FB..U+1F3FF skin tones: surrogates D83C DFFB..DFFF.
    if (c == 0xD83C && i + 1 < sequence.size() && sequence[i + 1] >= 0xDFFB && sequence[i + 1] <= 0xDFFF) {
      ++i;
      continue;
    }
    kept.push_back(c);
  }
  return text::to_utf8(kept);
}

double parse_decimal(std::string_view text, std::string_view at) {
  std::string_view digits = text;
  bool negative = digits.starts_with('-');
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
    if (c < '0' || c > '9' || mantissa > 100'000'000'000) {
      throw std::runtime_error(std::string(at) + ": not a number: '" + std::string(text) + "'");
    }
    mantissa = mantissa * 10 + (c - '0');
    if (dot) divisor *= 10;
    any = true;
  }
  if (!any) throw std::runtime_error(std::string(at) + ": not a number: '" + std::string(text) + "'");
  double value = static_cast<double>(mantissa) / static_cast<double>(divisor);
  return negative ? -value : value;
}

}  // namespace chime::sentiment
