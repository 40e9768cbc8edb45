// Sentiment in the manner of VADER (Hutto & Gilbert, ICWSM 2014): each
// sentiment word, emoticon, emoji or idiom carries a valence from the
// lexicons; words before it (within three) boost, damp or negate it; ALL CAPS
// and "!" emphasise; "but" shifts the weight to what follows. The sum is
// normalised to a compound score in [-1, 1]. docs/sentiment.md describes the
// steps and measures them against human ratings.
#include "sentiment/sentiment.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "sentiment/lexicon.hpp"
#include "text/unicode.hpp"

namespace chime::sentiment {

namespace {

// ---- Tuning constants: VADER's (vaderSentiment 3.3.2, the ICWSM 2014 paper)
// Added to the magnitude of a sentiment word (or booster) in ALL CAPS when
// the text is not all caps (C_INCR: mean rating increase the paper measured).
constexpr double kCapsEmphasis = 0.733;
// A negated sentiment word's valence is multiplied by this (N_SCALAR).
constexpr double kNegationScalar = -0.74;
// Modifiers act on a sentiment word up to this many words after them.
constexpr size_t kModifierWindow = 3;
// A booster one, two or three words back counts in full, 95% or 90% (VADER).
constexpr double kBoosterDecay[kModifierWindow] = {1.0, 0.95, 0.9};
// Around "but": the sentiment before it is halved, after it raised by half.
constexpr double kBeforeContrast = 0.5;
constexpr double kAfterContrast = 1.5;
// Each "!" adds this to the magnitude, up to four of them (VADER's
// empirically derived 0.292).
constexpr double kExclamation = 0.292;
constexpr int kMaxExclamations = 4;
// Two or three "?" add 0.18 each; four or more add 0.96 in all (VADER).
constexpr double kQuestion = 0.18;
constexpr int kMaxCountedQuestions = 3;
constexpr double kManyQuestions = 0.96;
// compound = sum / sqrt(sum^2 + alpha), alpha approximating the largest
// expected sum (VADER's normalize(), alpha = 15).
constexpr double kNormalizationAlpha = 15;

// "couldn't", "don't", "isn't": negations by their ending (VADER's "n't").
const Phrase kNtNegation{{}, Effect::negate, 0};

// ---- Words: the text split on white space, as VADER does, so that
// emoticons such as ":-)" stay whole; emoji are split off as words of their
// own; URLs, @mentions and $cashtags are not words.
struct Word {
  int32_t entry = -1;  // its key's entry in Lexicon::valence (-1: none)
  bool nt_negation = false;  // its key ends with "n't"
  bool caps = false;      // ALL CAPS (two letters or more)
  bool letters = false;   // holds a letter (counts for the caps differential)
  bool is_emoji = false;
  double emoji_valence = 0;
  bool clause_break = false;  // a sentence or clause break (, ; : . ! ?) before it
  size_t sentence = 0;        // index into Document::sentences
};

bool is_clause_mark(char16_t c) {
  return c == u',' || c == u';' || c == u':' || c == u'.' || c == u'!' || c == u'?' || c == u'\u2026' ||
         c == u'\uFF0C' || c == u'\uFF01' || c == u'\uFF1F' || c == u'\u3002';
}

// U16_NEXT, with an ASCII unit (nearly every one) taken inline.
inline UChar32 next_code_point(std::u16string_view text, int32_t& i) {
  const char16_t unit = text[static_cast<size_t>(i)];
  if (unit < 0x80) {
    ++i;
    return unit;
  }
  UChar32 c;
  U16_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c;
}

// [start, end) of text without the leading and trailing characters that are
// neither letters nor digits.
void strip_punctuation(std::u16string_view text, int32_t& start, int32_t& end) {
  while (start < end) {
    int32_t next = start;
    if (text::is_alnum(next_code_point(text.substr(0, static_cast<size_t>(end)), next))) break;
    start = next;
  }
  while (end > start) {
    UChar32 c;
    int32_t prev = end;
    U16_PREV(text.data(), start, prev, c);
    if (text::is_alnum(c)) break;
    end = prev;
  }
}

// ALL CAPS: two letters or more, none of them lower case.
bool all_caps(std::u16string_view s, bool& has_letters) {
  int letters = 0;
  bool lower = false;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    const UChar32 c = next_code_point(s, i);
    if (c < 0x80) {
      const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      letters += letter ? 1 : 0;
      lower = lower || (letter && c >= 'a');
    } else if (text::is_alpha(c)) {
      ++letters;
      if (text::is_lower(c) || !text::is_upper(c)) lower = true;
    }
  }
  has_letters = letters > 0;
  return letters >= 2 && !lower;
}

// The key of a word (text::fold of its characters, in UTF-8) and its hash.
struct Key {
  std::string_view text;
  size_t hash = 0;
  const Token* token = nullptr;  // the token it comes from, if one
};

// Reads the words of one text from left to right. A word's key is the
// tokenizer's folded form of the token that is exactly the word, when there
// is one (nearly every word); else (a word of several tokens, a hashtag's
// part, a text without tokens) it is folded here: text::fold either way.
class WordReader {
 public:
  WordReader(const Lexicon& lex, std::u16string_view text, const std::vector<Token>& tokens)
      : lex_(lex), text_(text), token_(tokens.data()), tokens_end_(tokens.data() + tokens.size()) {}

  // The key of text[start, end).
  Key key(int32_t start, int32_t end) {
    while (token_ != tokens_end_ && token_->end <= start) ++token_;
    if (token_ != tokens_end_ && token_->start == start && token_->end == end) {
      return {token_->folded, token_->folded_hash, token_};
    }
    const std::u16string_view word = text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    if (std::all_of(word.begin(), word.end(), [](char16_t c) { return c < 0x80; })) {
      spill_.assign(word.begin(), word.end());  // ASCII folds to lower case
      for (char& c : spill_) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    } else {
      spill_ = text::to_utf8(text::fold(word));
    }
    return {spill_, text::token_hash(spill_)};
  }

  // Reads the piece text[start, end) (no white space in it) into `w`; false
  // if it is punctuation alone, no word.
  bool read(int32_t start, int32_t end, Word& w) {
    const std::u16string_view piece = text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    const int32_t piece_start = start, piece_end = end;
    strip_punctuation(text_, start, end);
    const Key key = start < end ? this->key(start, end) : Key{};
    // Emoticons (":)", ":-(", "<3", ":D") are lexicon entries as written:
    // a piece is looked up so first, unless it is its key already (a token
    // whose folded form is its text, no punctuation around it).
    const bool is_key = key.token && start == piece_start && end == piece_end &&
                        key.token->folded.data() == key.token->text.data();
    if (!is_key) {
      const std::string raw = text::to_utf8(piece);
      const int32_t entry = lex_.find_word(raw);
      if (entry != Lexicon::npos && lex_.valence.value(static_cast<uint32_t>(entry)).has_valence) {
        w.entry = entry;
        w.nt_negation = raw.ends_with("n't");
        w.caps = all_caps(piece, w.letters);
        return true;
      }
    }
    if (start == end) return false;
    w.entry = lex_.find_word(key.text, key.hash);
    w.nt_negation = key.text.ends_with("n't");
    if (key.token && key.token->kind == TokenKind::word && key.token->text.size() == static_cast<size_t>(end - start)) {
      w.caps = key.token->all_caps;  // an ASCII word token: letters, ALL CAPS as all_caps finds
      w.letters = true;
    } else {
      w.caps = all_caps(text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)), w.letters);
    }
    return true;
  }

 private:
  const Lexicon& lex_;
  std::u16string_view text_;
  const Token* token_;  // the first token that may hold the next word
  const Token* tokens_end_;
  std::string spill_;  // a key folded here
};

void add_word(WordReader& reader, int32_t start, int32_t end, bool clause_break, std::vector<Word>& out) {
  Word w;
  if (!reader.read(start, end, w)) return;
  w.clause_break = clause_break;
  out.push_back(w);
}

// u_isdigit, with ASCII inline.
bool is_digit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c) != 0; }

// "#HeartHealth" -> "heart", "health" (unless "#love" is a word as it is):
// the body is split where lower case turns upper or digits start or stop
// ("HeartHealth2024" -> "Heart", "Health", "2024").
void add_hashtag(WordReader& reader, const Lexicon& lex, std::u16string_view text, int32_t start, int32_t end,
                 bool clause_break, std::vector<Word>& out) {
  strip_punctuation(text, start, end);
  if (start == end) return;
  if (lex.find_valence(reader.key(start, end).text)) {
    add_word(reader, start, end, clause_break, out);
    return;
  }
  int32_t part = start;
  UChar32 prev = 0;
  for (int32_t i = start; i < end;) {
    const int32_t at = i;
    const UChar32 c = next_code_point(text.substr(0, static_cast<size_t>(end)), i);
    if (at > part && ((text::is_upper(c) && text::is_lower(prev)) || is_digit(c) != is_digit(prev))) {
      add_word(reader, part, at, clause_break, out);
      clause_break = false;
      part = at;
    }
    prev = c;
  }
  add_word(reader, part, end, clause_break, out);
}

// One kind of entity (in text order, none overlapping another), asked
// whether a span overlaps one, for spans whose starts never decrease.
class EntityCursor {
 public:
  explicit EntityCursor(const std::vector<Entity>& list) : list_(list) {}
  bool overlaps(int32_t start, int32_t end) {
    while (next_ < list_.size() && list_[next_].end <= start) ++next_;
    return next_ < list_.size() && list_[next_].start < end;
  }

 private:
  const std::vector<Entity>& list_;
  size_t next_ = 0;
};

bool is_exclamation(UChar32 c) { return c == '!' || c == 0xFF01; }
bool is_question(UChar32 c) { return c == '?' || c == 0xFF1F; }

// An ASCII word or number token: no white space, "!" or "?" in it.
bool is_ascii_word(const Token& t) {
  return (t.kind == TokenKind::word || t.kind == TokenKind::number) &&
         t.text.size() == static_cast<size_t>(t.end - t.start);
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
  const std::u16string_view text = doc.text;
  const Entities& e = doc.entities;
  const auto n = static_cast<int32_t>(text.size());
  WordReader reader(lex, text, doc.tokens);
  // One cursor per kind for the pieces, one over the URLs for the marks.
  EntityCursor urls(e.urls), mentions(e.mentions), cashtags(e.cashtags), hashtags(e.hashtags), mark_urls(e.urls);
  size_t token = 0;     // cursor into doc.tokens (emoji spans come from them)
  size_t sentence = 0;  // cursor into doc.sentences
  bool clause_break = true;
  auto add_piece = [&](int32_t start, int32_t end) {
    if (start >= end) return;
    if (urls.overlaps(start, end) || mentions.overlaps(start, end) || cashtags.overlaps(start, end)) return;
    if (hashtags.overlaps(start, end)) {
      add_hashtag(reader, lex, text, start, end, clause_break, words);
    } else {
      add_word(reader, start, end, clause_break, words);
    }
    clause_break = false;
  };
  size_t skip = 0;  // cursor into doc.tokens for the scan below
  for (int32_t i = 0; i < n;) {
    // The chunk: up to the next white space, its "!" and "?" counted. An
    // ASCII word or number token holds neither: it is passed over whole.
    const int32_t start = i;
    for (int32_t next = i; i < n; i = next) {
      while (skip < doc.tokens.size() && doc.tokens[skip].end <= i) ++skip;
      if (skip < doc.tokens.size() && doc.tokens[skip].start == i && is_ascii_word(doc.tokens[skip])) {
        i = next = doc.tokens[skip].end;
        if (i == n) break;
      }
      const int32_t at = i;
      const UChar32 c = next_code_point(text, next);
      if (text::is_space(c)) break;
      if ((is_exclamation(c) || is_question(c)) && !mark_urls.overlaps(at, at + 1)) {
        (is_exclamation(c) ? result.exclamations : result.questions) += 1;
      }
    }
    const int32_t end = i;
    if (start == end) {  // white space
      next_code_point(text, i);
      continue;
    }
    while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= start) ++sentence;
    if (sentence < doc.sentences.size() && doc.sentences[sentence].start == start) clause_break = true;
    const size_t first_word = words.size();
    // Split emoji off the chunk: "great😀" is "great" and "😀".
    while (token < doc.tokens.size() && doc.tokens[token].end <= start) ++token;
    int32_t piece_start = start;
    for (; token < doc.tokens.size() && doc.tokens[token].start < end; ++token) {
      const Token& t = doc.tokens[token];
      if (t.kind != TokenKind::emoji) continue;
      add_piece(piece_start, t.start);
      Word emoji;
      emoji.is_emoji = true;
      emoji.emoji_valence = lex.emoji_valence(text.substr(static_cast<size_t>(t.start), static_cast<size_t>(t.end - t.start)));
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

}  // namespace

double words_valence(const Lexicon& lexicon, std::string_view utf8) {
  int32_t replaced = 0;
  const std::u16string text = text::decode_utf8(utf8, replaced);
  const std::vector<Token> no_tokens;
  WordReader reader(lexicon, text, no_tokens);
  std::vector<Word> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(u' ', start);
    if (space == std::u16string::npos) space = text.size();
    if (space > start) add_word(reader, static_cast<int32_t>(start), static_cast<int32_t>(space), false, words);
    start = space + 1;
  }
  std::vector<Unit> units = make_units(lexicon, words);
  double sum = 0;
  for (double v : score_units(units, false)) sum += v;
  return sum;
}

Sentiment score(const Document& doc) {
  const Lexicon& lex = Lexicon::get();
  DocumentWords document = document_words(lex, doc);
  if (document.words.empty()) return {0, 0, 1, 0};
  int with_letters = 0;
  int in_caps = 0;
  for (const Word& w : document.words) {
    with_letters += w.letters ? 1 : 0;
    in_caps += w.caps ? 1 : 0;
  }
  // Caps emphasise only where the rest of the text is not shouting too.
  const bool caps_differ = in_caps > 0 && in_caps < with_letters;
  std::vector<Unit> units = make_units(lex, document.words);
  const std::vector<double> valences = score_units(units, caps_differ);

  double sum = 0;
  double positive = 0;  // VADER's split: each sentiment unit counts 1 + |valence|,
  double negative = 0;  // each neutral word 1
  double neutral = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    const double v = valences[i];
    sum += v;
    if (v > 0) positive += v + 1;
    if (v < 0) negative += -v + 1;
    if (v == 0) neutral += units[i].words;
  }

  const double emphasis = punctuation_emphasis(document.exclamations, document.questions);
  if (sum > 0) sum += emphasis;
  if (sum < 0) sum -= emphasis;
  if (positive > negative) positive += emphasis;
  if (negative > positive) negative += emphasis;
  Sentiment s;
  s.compound = round3(sum / std::sqrt(sum * sum + kNormalizationAlpha));
  const double total = positive + negative + neutral;
  s.pos = round3(positive / total);
  s.neg = round3(negative / total);
  s.neu = round3(1.0 - s.pos - s.neg);
  return s;
}

}  // namespace chime::sentiment
