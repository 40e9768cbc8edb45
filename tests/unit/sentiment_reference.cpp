// The reference VADER scoring for the tests: the text split on white space
// as VADER splits it, each piece read on its own (looked up as written, then
// stripped of punctuation and case-folded through ICU, its case tested code
// point by code point), every word and unit in a list, each unit valued in
// its context. It reads nothing the tokenizer made but the emoji tokens and
// the sentence bounds. test_sentiment_fast.cpp holds sentiment::score, which
// reads the pieces from the tokenizer's folded tokens, to it.
#include "sentiment_reference.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <cmath>
#include <string>
#include <vector>

#include "sentiment/lexicon.hpp"
#include "sentiment/vader_constants.hpp"
#include "text/unicode.hpp"

namespace chime::testing {

using namespace chime::sentiment;

namespace {

// ---- Words: the text split on white space, as VADER does, so that
// emoticons such as ":-)" stay whole; emoji are split off as words of their
// own; URLs, @mentions and $cashtags are not words.
struct Word {
  int32_t entry = -1;     // its lexicon key (case-folded word, or emoticon as
                          // written) in Lexicon::valence, or -1 if not there
  bool nt_negation = false;  // its key ends with "n't"
  bool caps = false;      // ALL CAPS (two letters or more)
  bool letters = false;   // holds a letter (counts for the caps differential)
  bool is_emoji = false;
  double emoji_valence = 0;
  bool clause_break = false;  // a sentence or clause break (, ; : . ! ?) before it
  size_t sentence = 0;        // index into Document::sentences
};

using text::is_space;
inline bool is_clause_mark(char16_t c) {
  // ASCII's (all below 64) by one bit each.
  constexpr uint64_t kAsciiMarks = (1ull << ',') | (1ull << ';') | (1ull << ':') | (1ull << '.') | (1ull << '!') |
                                   (1ull << '?');
  if (c < 64) return (kAsciiMarks >> c) & 1;
  return c == u'\u2026' || c == u'\uFF0C' || c == u'\uFF01' || c == u'\uFF1F' || c == u'\u3002';
}

bool all_caps(std::u16string_view s, bool& has_letters) {
  int letters = 0;
  bool lower = false;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U16_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (text::is_alpha(c)) {
      ++letters;
      if (text::is_lower(c) || !text::is_upper(c)) lower = true;
    }
  }
  has_letters = letters > 0;
  return letters >= 2 && !lower;
}

// Drops leading and trailing characters that are neither letters nor digits.
std::u16string_view strip_punctuation(std::u16string_view s) {
  auto n = static_cast<int32_t>(s.size());
  int32_t start = 0;
  while (start < n) {
    UChar32 c;
    int32_t next = start;
    U16_NEXT(s.data(), next, n, c);
    if (text::is_alnum(c)) break;
    start = next;
  }
  int32_t end = n;
  while (end > start) {
    UChar32 c;
    int32_t prev = end;
    U16_PREV(s.data(), start, prev, c);
    if (text::is_alnum(c)) break;
    end = prev;
  }
  return s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
}

// A word as UTF-8, for looking it up: short ASCII words (nearly all) are
// made in a buffer on the stack, anything else in a string.
class KeyText {
 public:
  // The text as written.
  std::string_view utf8(std::u16string_view s) {
    if (s.size() > sizeof ascii_) return spill_ = text::to_utf8(s);
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] >= 0x80) return spill_ = text::to_utf8(s);
      ascii_[i] = static_cast<char>(s[i]);
    }
    return {ascii_, s.size()};
  }
  // Case-folded; ASCII without a trip through ICU, with the same result:
  // full case folding of ASCII is lower-casing.
  std::string_view folded(std::u16string_view s) {
    if (s.size() > sizeof ascii_) return spill_ = text::to_utf8(text::fold(s));
    for (size_t i = 0; i < s.size(); ++i) {
      char16_t c = s[i];
      if (c >= 0x80) return spill_ = text::to_utf8(text::fold(s));
      ascii_[i] = static_cast<char>(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
    }
    return {ascii_, s.size()};
  }

 private:
  char ascii_[64];
  std::string spill_;
};

// The general reading of a piece (any text): its lexicon entry, case and
// "n't" ending into `w`; false if it is punctuation alone, no word.
bool read_word(const Lexicon& lex, std::u16string_view piece, Word& w) {
  // Emoticons (":)", ":-(", "<3", ":D") are lexicon entries as written.
  KeyText raw_text;
  std::string_view raw = raw_text.utf8(piece);
  int32_t entry = lex.find_word(raw);
  bool as_written = entry != Lexicon::npos && lex.valence.value(static_cast<uint32_t>(entry)).has_valence;
  std::u16string_view stripped = as_written ? piece : strip_punctuation(piece);
  if (stripped.empty()) return false;  // punctuation alone is no word
  std::string_view key = raw;
  KeyText folded_text;
  if (!as_written) {
    key = folded_text.folded(stripped);
    if (key != raw) entry = lex.find_word(key);  // else the same lookup
  }
  w.entry = entry;
  w.nt_negation = key.ends_with("n't");
  w.caps = all_caps(stripped, w.letters);
  return true;
}
// ---- The words of the text in a list, grouped into units, each unit valued
// in its context.

void add_word(const Lexicon& lex, std::u16string_view piece, bool clause_break, std::vector<Word>& out) {
  Word w;
  if (!read_word(lex, piece, w)) return;
  w.clause_break = clause_break;
  out.push_back(w);
}

// u_isdigit, with ASCII (where the decimal digits are 0-9) inline.
bool is_digit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c) != 0; }

// Calls visit(part) for each part of a hashtag's body, split where lower
// case turns upper or digits start or stop: "HeartHealth2024" -> "Heart",
// "Health", "2024". Both scorings split hashtags with this one function.
template <typename Visit>
void for_each_hashtag_part(std::u16string_view body, Visit visit) {
  const auto n = static_cast<int32_t>(body.size());
  int32_t start = 0;
  UChar32 prev = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c = body[static_cast<size_t>(i)];
    if (c < 0x80) {
      ++i;
    } else {
      U16_NEXT(body.data(), i, n, c);
    }
    if (at > start && ((text::is_upper(c) && text::is_lower(prev)) || (is_digit(c) != is_digit(prev)))) {
      visit(body.substr(static_cast<size_t>(start), static_cast<size_t>(at - start)));
      start = at;
    }
    prev = c;
  }
  visit(body.substr(static_cast<size_t>(start)));
}

// "#HeartHealth" -> "heart", "health" (unless "#love" is a word as it is).
void add_hashtag(const Lexicon& lex, std::u16string_view tag, bool clause_break, std::vector<Word>& out) {
  std::u16string_view body = strip_punctuation(tag);
  if (body.empty()) return;
  KeyText folded;
  if (lex.find_valence(folded.folded(body))) {
    add_word(lex, body, clause_break, out);
    return;
  }
  for_each_hashtag_part(body, [&](std::u16string_view part) {
    add_word(lex, part, clause_break, out);
    clause_break = false;
  });
}

bool overlaps(const std::vector<Entity>& entities, int32_t start, int32_t end) {
  for (const Entity& e : entities) {
    if (e.start < end && start < e.end) return true;
  }
  return false;
}

constexpr uint8_t kSpace = 1;
// Code point classes for the scan of a document: white space (as
// text::is_space) and the "!" and "?" that punctuation_emphasis counts.
constexpr uint8_t kBang = 2;
constexpr uint8_t kQuery = 4;
uint8_t class_of(UChar32 c) {
  if (c == '!' || c == 0xFF01) return kBang;
  if (c == '?' || c == 0xFF1F) return kQuery;
  return is_space(c) ? kSpace : 0;
}

struct DocumentWords {
  std::vector<Word> words;
  int exclamations = 0;  // "!" and "?" outside URLs (a URL's query
  int questions = 0;     // string is not emphasis)
};

DocumentWords document_words(const Lexicon& lex, const Document& doc) {
  DocumentWords result;
  std::vector<Word>& words = result.words;
  words.reserve(doc.tokens.size() + 1);
  const std::u16string& text = doc.text;
  const auto n = static_cast<int32_t>(text.size());
  size_t token = 0;    // cursor into doc.tokens (emoji spans come from them)
  size_t sentence = 0;  // cursor into doc.sentences
  bool clause_break = true;
  auto add_piece = [&](int32_t start, int32_t end) {
    if (start >= end) return;
    const Entities& e = doc.entities;
    if (overlaps(e.urls, start, end) || overlaps(e.mentions, start, end) || overlaps(e.cashtags, start, end)) return;
    std::u16string_view piece(text.data() + start, static_cast<size_t>(end - start));
    if (overlaps(e.hashtags, start, end)) {
      add_hashtag(lex, piece, clause_break, words);
    } else {
      add_word(lex, piece, clause_break, words);
    }
    clause_break = false;
  };
  auto count_mark = [&](uint8_t mark, int32_t at) {
    if (overlaps(doc.entities.urls, at, at + 1)) return;
    (mark == kBang ? result.exclamations : result.questions) += 1;
  };
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    uint8_t c = class_of(text::next_code_point(text, i));
    if (c == kSpace) continue;
    if (c != 0) count_mark(c, start);
    while (i < n) {  // the chunk: up to the next white space
      int32_t next = i;
      c = class_of(text::next_code_point(text, next));
      if (c == kSpace) break;
      if (c != 0) count_mark(c, i);
      i = next;
    }
    int32_t end = i;
    while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= start) ++sentence;
    if (sentence < doc.sentences.size() && doc.sentences[sentence].start == start) clause_break = true;
    size_t first_word = words.size();
    // Split emoji off the chunk: "great😀" is "great" and "😀".
    while (token < doc.tokens.size() && doc.tokens[token].end <= start) ++token;
    int32_t piece_start = start;
    for (; token < doc.tokens.size() && doc.tokens[token].start < end; ++token) {
      const Token& t = doc.tokens[token];
      if (t.kind != TokenKind::emoji) continue;
      add_piece(piece_start, t.start);
      std::u16string_view seq(text.data() + t.start, static_cast<size_t>(t.end - t.start));
      Word emoji;
      emoji.is_emoji = true;
      emoji.emoji_valence = lex.emoji_valence(seq);
      emoji.clause_break = clause_break;
      words.push_back(emoji);
      clause_break = false;
      piece_start = t.end;
    }
    add_piece(piece_start, end);
    for (size_t k = first_word; k < words.size(); ++k) words[k].sentence = sentence;
    if (is_clause_mark(text[static_cast<size_t>(end - 1)])) clause_break = true;
  }
  return result;
}

// ---- Units: words grouped where a modifier or idiom phrase matches.
struct Unit {
  double valence = 0;              // its own: lexicon word, emoji or idiom
  bool scored = false;             // has a valence of its own
  const Phrase* modifier = nullptr;  // boosts, negates, ... what follows
  bool caps = false;
  int words = 1;                   // words it spans (for the neutral share)
  bool clause_break = false;       // a clause break right before it
  size_t sentence = 0;
};

const Phrase* match_phrase(const Lexicon& lex, const std::vector<Word>& words, size_t i) {
  if (words[i].is_emoji || words[i].entry == Lexicon::npos) return nullptr;
  const WordInfo& first = lex.valence.value(static_cast<uint32_t>(words[i].entry));
  for (uint32_t n = first.phrases_begin; n < first.phrases_end; ++n) {  // longest first
    const Phrase& p = lex.phrases[n];
    if (i + p.words.size() > words.size()) continue;
    bool same = true;
    for (size_t k = 1; k < p.words.size() && same; ++k) {
      const Word& w = words[i + k];
      same = !w.is_emoji && !w.clause_break && w.entry == static_cast<int32_t>(p.words[k]);
    }
    if (same) return &p;
  }
  return nullptr;
}

// The valence of a word's lexicon entry, or nullptr.
const double* valence_of(const Lexicon& lex, const Word& w) {
  if (w.entry == Lexicon::npos) return nullptr;
  const WordInfo& info = lex.valence.value(static_cast<uint32_t>(w.entry));
  return info.has_valence ? &info.valence : nullptr;
}

std::vector<Unit> make_units(const Lexicon& lex, const std::vector<Word>& words) {
  std::vector<Unit> units;
  units.reserve(words.size());
  for (size_t i = 0; i < words.size();) {
    const Word& w = words[i];
    Unit u;
    u.caps = w.caps;
    u.clause_break = w.clause_break;
    u.sentence = w.sentence;
    if (const Phrase* p = match_phrase(lex, words, i)) {
      u.words = static_cast<int>(p->words.size());
      for (size_t k = 1; k < p->words.size(); ++k) u.caps = u.caps && words[i + k].caps;
      if (p->effect == Effect::idiom) {
        u.valence = p->value;
        u.scored = true;
      } else {
        u.modifier = p;
        // A modifier may be a sentiment word too ("no"): see score_units.
        if (const double* v = p->words.size() == 1 ? valence_of(lex, w) : nullptr) u.valence = *v;
      }
      i += p->words.size();
    } else {
      if (w.is_emoji) {
        u.valence = w.emoji_valence;
        u.scored = u.valence != 0;
      } else if (const double* v = valence_of(lex, w)) {
        u.valence = *v;
        u.scored = true;
      } else if (w.nt_negation) {
        u.modifier = &kNtNegation;
      }
      ++i;
    }
    units.push_back(u);
  }
  return units;
}

double sign(double v) { return v < 0 ? -1.0 : 1.0; }

// Valence v as the modifier unit m, d words before it, changes it.
double modified(double v, const Unit& m, size_t d, bool caps_differ) {
  switch (m.modifier->effect) {
    case Effect::boost: {
      double s = m.modifier->value;
      if (m.caps && caps_differ) s += sign(s) * kCapsEmphasis;
      return v + sign(v) * s * kBoosterDecay[d - 1];
    }
    case Effect::negate: return v * kNegationScalar;
    case Effect::scale: return v * m.modifier->value;
    case Effect::none:
    case Effect::contrast:
    case Effect::idiom: break;
  }
  return v;
}

// The valence of each unit in its context (caps, modifiers, "but").
std::vector<double> score_units(std::vector<Unit>& units, bool caps_differ) {
  // A modifier that is also a sentiment word ("no") is a modifier when a
  // sentiment word follows it within reach in the same clause ("no
  // problem"), else it counts on its own ("No.").
  for (size_t i = 0; i < units.size(); ++i) {
    Unit& u = units[i];
    if (!u.modifier || u.valence == 0) continue;
    bool modifies = false;
    for (size_t j = i + 1; j < units.size() && j <= i + kModifierWindow && !units[j].clause_break; ++j) {
      modifies = modifies || (units[j].scored && !units[j].modifier);
    }
    u.scored = !modifies;
  }

  std::vector<double> valences(units.size(), 0.0);
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (!u.scored || u.valence == 0) continue;
    double v = u.valence;
    if (u.caps && caps_differ) v += sign(v) * kCapsEmphasis;
    for (size_t d = 1; d <= kModifierWindow && d <= i; ++d) {
      const Unit& m = units[i - d];
      if (units[i - d + 1].clause_break) break;  // modifiers do not reach across clauses
      if (!m.modifier || (m.scored && m.valence != 0)) continue;
      v = modified(v, m, d, caps_differ);
    }
    valences[i] = v;
  }

  // "but": in its sentence, what comes before it counts less and what
  // follows more. VADER weighs the whole text around the first "but"; a
  // tweet's sentences are separate thoughts, so each sentence gets its own
  // (the human-rated sets score the same either way, docs/sentiment.md).
  size_t weighed = units.size();  // the sentence whose "but" was applied
  for (size_t b = 0; b < units.size(); ++b) {
    if (!units[b].modifier || units[b].modifier->effect != Effect::contrast) continue;
    if (units[b].sentence == weighed) continue;  // its first "but" only, as VADER
    weighed = units[b].sentence;
    for (size_t i = 0; i < units.size(); ++i) {
      if (units[i].sentence != units[b].sentence) continue;
      if (i < b) valences[i] *= kBeforeContrast;
      if (i > b) valences[i] *= kAfterContrast;
    }
  }
  return valences;
}

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// What the "!" and "?" of a text add to the magnitude of its sum.
double punctuation_emphasis(int exclamations, int questions) {
  double emphasis = kExclamation * (exclamations < kMaxExclamations ? exclamations : kMaxExclamations);
  if (questions > kMaxCountedQuestions) {
    emphasis += kManyQuestions;
  } else if (questions > 1) {
    emphasis += kQuestion * questions;
  }
  return emphasis;
}

// The scores from the sums over the units (VADER's split: each sentiment
// unit counts 1 + |valence| towards pos or neg, each neutral word 1).
Sentiment finish(double sum, double positive, double negative, double neutral, int exclamations, int questions) {
  double emphasis = punctuation_emphasis(exclamations, questions);
  if (sum > 0) sum += emphasis;
  if (sum < 0) sum -= emphasis;
  if (positive > negative) positive += emphasis;
  if (negative > positive) negative += emphasis;

  Sentiment s;
  double compound = sum / std::sqrt(sum * sum + kNormalizationAlpha);
  s.compound = round3(compound);
  double total = positive + negative + neutral;
  s.pos = round3(positive / total);
  s.neg = round3(negative / total);
  s.neu = round3(1.0 - s.pos - s.neg);
  return s;
}
}  // namespace

Sentiment score_reference(const Document& doc, const Lexicon& lex) {
  DocumentWords document = document_words(lex, doc);
  int with_letters = 0;
  int in_caps = 0;
  for (const Word& w : document.words) {
    with_letters += w.letters ? 1 : 0;
    in_caps += w.caps ? 1 : 0;
  }
  // Caps emphasise only where the rest of the text is not shouting too.
  bool caps_differ = in_caps > 0 && in_caps < with_letters;
  std::vector<Unit> units = make_units(lex, document.words);
  std::vector<double> valences = score_units(units, caps_differ);
  if (units.empty()) return {0, 0, 1, 0};

  double sum = 0;
  double positive = 0;  // VADER's split: each sentiment unit counts 1 + |valence|,
  double negative = 0;  // each neutral word 1
  double neutral = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    double v = valences[i];
    sum += v;
    if (v > 0) positive += v + 1;
    if (v < 0) negative += -v + 1;
    if (v == 0) neutral += units[i].words;
  }
  return finish(sum, positive, negative, neutral, document.exclamations, document.questions);
}

}  // namespace chime::testing
