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
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sentiment/lexicon.hpp"
#include "sentiment/vader_constants.hpp"
#include "text/scratch_list.hpp"
#include "text/unicode.hpp"

namespace chime::sentiment {

namespace {

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
};

// A word that can matter where it stands: a lexicon entry (a sentiment word
// or a word of a modifier or idiom), a word ending in "n't", or an emoji with
// a valence. The others only take up places (modifiers reach three words
// back, a phrase's words stand in a row) and count as neutral.
struct KeptWord {
  Word word;
  int32_t index = 0;     // among all the words of the text
  uint32_t clause = 0;   // each clause break starts the next clause
  size_t sentence = 0;   // index into Document::sentences
  bool clause_break = false;  // a sentence or clause break (, ; : . ! ?) before it
};

// The words of a text as they are read: those that can matter, with their
// places, and what every word adds to the counts.
class Words {
 public:
  void add(const Word& w, bool clause_break) {
    if (clause_break) ++clause_;
    in_caps_ += w.caps ? 1 : 0;
    with_letters_ += w.letters ? 1 : 0;
    if (w.entry != Lexicon::npos || w.nt_negation || (w.is_emoji && w.emoji_valence != 0)) {
      kept_.push_back({w, count_, clause_, sentence_, clause_break});
    }
    ++count_;
  }
  void set_sentence(size_t sentence) { sentence_ = sentence; }
  int32_t count() const { return count_; }
  // Caps emphasise only where the rest of the text is not shouting too.
  bool caps_differ() const { return in_caps_ > 0 && in_caps_ < with_letters_; }
  const text::ScratchList<KeptWord, 16>& kept() const { return kept_; }

 private:
  text::ScratchList<KeptWord, 16> kept_;
  int32_t count_ = 0;
  uint32_t clause_ = 0;
  size_t sentence_ = 0;
  int in_caps_ = 0;
  int with_letters_ = 0;
};

bool is_clause_mark(char16_t c) {
  return c == u',' || c == u';' || c == u':' || c == u'.' || c == u'!' || c == u'?' || c == u'\u2026' ||
         c == u'\uFF0C' || c == u'\uFF01' || c == u'\uFF1F' || c == u'\u3002';
}

// [start, end) of text without the leading and trailing characters that are
// neither letters nor digits.
void strip_punctuation(std::u16string_view text, int32_t& start, int32_t& end) {
  while (start < end) {
    int32_t next = start;
    if (text::is_alnum(text::next_code_point(text.substr(0, static_cast<size_t>(end)), next))) break;
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
  has_letters = true;  // a lower-case letter settles both answers: letters, not ALL CAPS
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    const UChar32 c = text::next_code_point(s, i);
    if (c < 0x80) {
      const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (letter && c >= 'a') return false;
      letters += letter ? 1 : 0;
    } else if (text::is_alpha(c)) {
      if (text::is_lower(c) || !text::is_upper(c)) return false;
      ++letters;
    }
  }
  has_letters = letters > 0;
  return letters >= 2;
}

// A token of ASCII characters only (its text as long as its span).
bool is_ascii(const Token& t) { return t.text.size() == static_cast<size_t>(t.end - t.start); }

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
  // `ascii_utf8`: the text as UTF-8 if it is all ASCII (its offsets are
  // then byte offsets), else empty.
  WordReader(const Lexicon& lex, std::u16string_view text, std::string_view ascii_utf8, const std::vector<Token>& tokens)
      : lex_(lex), text_(text), ascii_utf8_(ascii_utf8), token_(tokens.data()),
        tokens_end_(tokens.data() + tokens.size()) {}

  // The key of text[start, end).
  Key key(int32_t start, int32_t end) {
    while (token_ != tokens_end_ && token_->end <= start) ++token_;
    if (token_ != tokens_end_ && token_->start <= start && end <= token_->end) {
      if (token_->start == start && token_->end == end) return {token_->folded, token_->folded_hash, token_};
      // Part of an ASCII token (a hashtag's "Health"): part of its folded form.
      if (is_ascii(*token_)) {
        const std::string_view part =
            token_->folded.substr(static_cast<size_t>(start - token_->start), static_cast<size_t>(end - start));
        return {part, text::token_hash(part)};
      }
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

  // text[start, end) as written, in UTF-8.
  std::string_view raw(int32_t start, int32_t end) {
    const auto at = static_cast<size_t>(start), size = static_cast<size_t>(end - start);
    if (!ascii_utf8_.empty()) return ascii_utf8_.substr(at, size);
    // Within an ASCII token (a hashtag's part): part of its text.
    if (token_ != tokens_end_ && token_->start <= start && end <= token_->end && is_ascii(*token_)) {
      return token_->text.substr(static_cast<size_t>(start - token_->start), size);
    }
    raw_ = text::to_utf8(text_.substr(at, size));
    return raw_;
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
      const std::string_view raw = this->raw(piece_start, piece_end);
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
    if (key.token && key.token->kind == TokenKind::word && is_ascii(*key.token)) {
      w.caps = key.token->all_caps;  // an ASCII word token: letters, ALL CAPS as all_caps finds
      w.letters = true;
    } else {
      w.caps = all_caps(text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)), w.letters);
    }
    return true;
  }

  // read() for a piece that is exactly `t`, an ASCII word or number token
  // with a letter or digit at each end (nearly every piece): the same
  // reading, from the token's text, folded form and hash.
  Word read_token(const Token& t) const {
    Word w;
    const bool has_capitals = t.folded.data() != t.text.data();  // else its text is its key
    if (has_capitals) {
      const int32_t entry = lex_.find_word(t.text);  // an emoticon as written ("XD")
      if (entry != Lexicon::npos && lex_.valence.value(static_cast<uint32_t>(entry)).has_valence) {
        w.entry = entry;
        w.nt_negation = t.text.ends_with("n't");
      }
    }
    if (w.entry == Lexicon::npos) {
      w.entry = lex_.find_word(t.folded, t.folded_hash);
      w.nt_negation = t.folded.ends_with("n't");
    }
    if (t.kind == TokenKind::word) {
      w.caps = t.all_caps;
      w.letters = true;
    } else if (has_capitals) {  // a number token may hold letters ("COVID19")
      w.caps = all_caps(text_.substr(static_cast<size_t>(t.start), static_cast<size_t>(t.end - t.start)), w.letters);
    } else {
      w.letters = std::any_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
    return w;
  }

 private:
  const Lexicon& lex_;
  std::u16string_view text_;
  std::string_view ascii_utf8_;
  const Token* token_;  // the first token that may hold the next word
  const Token* tokens_end_;
  std::string spill_;  // a key folded here
  std::string raw_;    // a piece made UTF-8 here
};

void add_word(WordReader& reader, int32_t start, int32_t end, bool clause_break, Words& out) {
  if (Word w; reader.read(start, end, w)) out.add(w, clause_break);
}

// u_isdigit, with ASCII inline.
bool is_digit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c) != 0; }

// "#HeartHealth" -> "heart", "health" (unless "#love" is a word as it is):
// the body is split where lower case turns upper or digits start or stop
// ("HeartHealth2024" -> "Heart", "Health", "2024").
void add_hashtag(WordReader& reader, const Lexicon& lex, std::u16string_view text, int32_t start, int32_t end,
                 bool clause_break, Words& out) {
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
    const UChar32 c = text::next_code_point(text.substr(0, static_cast<size_t>(end)), i);
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
    if (end <= next_start_) return false;  // most spans: before the next entity
    while (next_ < list_.size() && list_[next_].end <= start) ++next_;
    next_start_ = next_ < list_.size() ? list_[next_].start : INT32_MAX;
    return next_start_ < end;
  }

 private:
  const std::vector<Entity>& list_;
  size_t next_ = 0;
  // list_[next_].start (INT32_MAX past the last): the entities before next_
  // end at or before the last start asked.
  int32_t next_start_ = INT32_MIN;
};

bool is_exclamation(UChar32 c) { return c == '!' || c == 0xFF01; }
bool is_question(UChar32 c) { return c == '?' || c == 0xFF1F; }

// An ASCII word or number token: no white space, "!" or "?" in it.
bool is_ascii_word(const Token& t) { return (t.kind == TokenKind::word || t.kind == TokenKind::number) && is_ascii(t); }
bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

struct Marks {
  int exclamations = 0;  // "!" and "?" outside URLs (a URL's query
  int questions = 0;     // string is not emphasis)
};

// Reads the words of `doc` into `words`, in text order; returns its marks.
Marks read_words(const Lexicon& lex, const Document& doc, Words& words) {
  Marks marks;
  const std::u16string_view text = doc.text;
  const Entities& e = doc.entities;
  const auto n = static_cast<int32_t>(text.size());
  const std::vector<Token>& tokens = doc.tokens;
  WordReader reader(lex, text, doc.ascii_source() ? doc.utf8_source : std::string_view(), tokens);
  // One cursor per kind for the pieces, one over the URLs for the marks.
  EntityCursor urls(e.urls), mentions(e.mentions), cashtags(e.cashtags), hashtags(e.hashtags), mark_urls(e.urls);
  size_t token = 0;     // cursor into doc.tokens (emoji spans come from them)
  size_t sentence = 0;  // cursor into doc.sentences
  bool clause_break = true;
  const auto no_words = [&](int32_t start, int32_t end) {
    return urls.overlaps(start, end) || mentions.overlaps(start, end) || cashtags.overlaps(start, end);
  };
  auto add_piece = [&](int32_t start, int32_t end) {
    if (start >= end || no_words(start, end)) return;
    if (hashtags.overlaps(start, end)) {
      add_hashtag(reader, lex, text, start, end, clause_break, words);
    } else {
      add_word(reader, start, end, clause_break, words);
    }
    clause_break = false;
  };
  const auto space_at = [&](int32_t at) {
    int32_t next = at;
    return at < n && text::is_space(text::next_code_point(text, next));
  };
  size_t skip = 0;  // cursor into doc.tokens for the scan below
  for (int32_t i = 0; i < n;) {
    if (space_at(i)) {
      text::next_code_point(text, i);
      continue;
    }
    // A chunk of text up to white space.
    const int32_t start = i;
    while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= start) ++sentence;
    if (sentence < doc.sentences.size() && doc.sentences[sentence].start == start) clause_break = true;
    words.set_sentence(sentence);
    while (token < tokens.size() && tokens[token].end <= start) ++token;
    // Nearly every chunk is one ASCII word or number token: read from it
    // (it has no "!" or "?", and ends in a letter or digit: no clause mark).
    if (token < tokens.size()) {
      const Token& t = tokens[token];
      if (t.start == start && is_ascii_word(t) && (t.end == n || space_at(t.end)) && is_ascii_alnum(t.text.front()) &&
          is_ascii_alnum(t.text.back()) && !no_words(t.start, t.end) && !hashtags.overlaps(t.start, t.end)) {
        words.add(reader.read_token(t), clause_break);
        clause_break = false;
        i = t.end < n && text[static_cast<size_t>(t.end)] == u' ' ? t.end + 1 : t.end;
        ++token;
        continue;
      }
    }
    // Else its end, its "!" and "?" counted. An ASCII word or number token
    // holds neither: it is passed over whole.
    for (int32_t next = i; i < n; i = next) {
      while (skip < tokens.size() && tokens[skip].end <= i) ++skip;
      if (skip < tokens.size() && tokens[skip].start == i && is_ascii_word(tokens[skip])) {
        i = next = tokens[skip].end;
        if (i == n) break;
      }
      const int32_t at = i;
      const UChar32 c = text::next_code_point(text, next);
      if (text::is_space(c)) break;
      if ((is_exclamation(c) || is_question(c)) && !mark_urls.overlaps(at, at + 1)) {
        (is_exclamation(c) ? marks.exclamations : marks.questions) += 1;
      }
    }
    const int32_t end = i;
    // Split emoji off the chunk: "great😀" is "great" and "😀".
    int32_t piece_start = start;
    for (; token < tokens.size() && tokens[token].start < end; ++token) {
      const Token& t = tokens[token];
      if (t.kind != TokenKind::emoji) continue;
      add_piece(piece_start, t.start);
      Word emoji;
      emoji.is_emoji = true;
      emoji.emoji_valence = lex.emoji_valence(text.substr(static_cast<size_t>(t.start), static_cast<size_t>(t.end - t.start)));
      words.add(emoji, clause_break);
      clause_break = false;
      piece_start = t.end;
    }
    add_piece(piece_start, end);
    if (is_clause_mark(text[static_cast<size_t>(end - 1)])) clause_break = true;
  }
  return marks;
}

// ---- Units: words grouped where a modifier or idiom phrase matches. Only
// the units that have a valence or modify are made; the others are neutral
// words, which count only by their places.
struct Unit {
  int32_t index = 0;               // among all the units of the text
  uint32_t clause = 0;
  size_t sentence = 0;
  double valence = 0;              // its own: lexicon word, emoji or idiom
  double value = 0;                // in its context
  const Phrase* modifier = nullptr;  // boosts, negates, ... what follows
  int words = 1;                   // words it spans (for the neutral share)
  bool scored = false;             // has a valence of its own
  bool caps = false;
};

// The phrase (modifier or idiom) whose words stand in a row from kept[i],
// within one clause; the longest first.
const Phrase* match_phrase(const Lexicon& lex, std::span<const KeptWord> kept, size_t i) {
  const KeptWord& w = kept[i];
  if (w.word.is_emoji || w.word.entry == Lexicon::npos) return nullptr;
  const WordInfo& first = lex.valence.value(static_cast<uint32_t>(w.word.entry));
  for (uint32_t n = first.phrases_begin; n < first.phrases_end; ++n) {
    const Phrase& p = lex.phrases[n];
    if (i + p.words.size() > kept.size()) continue;  // its words are not all here
    bool same = true;
    for (size_t k = 1; k < p.words.size() && same; ++k) {
      const KeptWord& next = kept[i + k];
      same = next.index == w.index + static_cast<int32_t>(k) && !next.word.is_emoji && !next.clause_break &&
             next.word.entry == static_cast<int32_t>(p.words[k]);
    }
    if (same) return &p;
  }
  return nullptr;
}

// The valence of a lexicon entry, or nullptr.
const double* valence_of(const Lexicon& lex, int32_t entry) {
  if (entry == Lexicon::npos) return nullptr;
  const WordInfo& info = lex.valence.value(static_cast<uint32_t>(entry));
  return info.has_valence ? &info.valence : nullptr;
}

// Returns the number of all units, those made and the neutral words.
int32_t make_units(const Lexicon& lex, const Words& words, text::ScratchList<Unit, 16>& units) {
  const std::span<const KeptWord> kept = words.kept().span();
  int32_t merged = 0;  // words joined into a phrase's unit so far, past its first
  for (size_t i = 0; i < kept.size();) {
    const KeptWord& w = kept[i];
    Unit u;
    u.index = w.index - merged;
    u.clause = w.clause;
    u.sentence = w.sentence;
    u.caps = w.word.caps;
    if (const Phrase* p = match_phrase(lex, kept, i)) {
      u.words = static_cast<int>(p->words.size());
      for (size_t k = 1; k < p->words.size(); ++k) u.caps = u.caps && kept[i + k].word.caps;
      if (p->effect == Effect::idiom) {
        u.valence = p->value;
        u.scored = true;
      } else {
        u.modifier = p;
        // A modifier may be a sentiment word too ("no"): see value_units.
        if (const double* v = p->words.size() == 1 ? valence_of(lex, w.word.entry) : nullptr) u.valence = *v;
      }
      merged += u.words - 1;
      i += p->words.size();
    } else {
      if (w.word.is_emoji) {
        u.valence = w.word.emoji_valence;
        u.scored = true;
      } else if (const double* v = valence_of(lex, w.word.entry)) {
        u.valence = *v;
        u.scored = true;
      } else if (w.word.nt_negation) {
        u.modifier = &kNtNegation;
      }
      ++i;
    }
    if (u.scored || u.modifier) units.push_back(u);
  }
  return words.count() - merged;
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

// Each unit's value in its context (caps, modifiers, "but").
void value_units(std::span<Unit> units, int32_t unit_count, bool caps_differ) {
  const size_t n = units.size();
  const auto within_reach = [](const Unit& a, const Unit& b) {  // a before b
    return b.index - a.index <= static_cast<int32_t>(kModifierWindow) && a.clause == b.clause;
  };
  // A modifier that is also a sentiment word ("no") is a modifier when a
  // sentiment word follows it within reach in the same clause ("no
  // problem"), else it counts on its own ("No.").
  for (size_t i = 0; i < n; ++i) {
    Unit& u = units[i];
    if (!u.modifier || u.valence == 0) continue;
    bool modifies = false;
    for (size_t j = i + 1; j < n && within_reach(u, units[j]); ++j) {
      modifies = modifies || (units[j].scored && !units[j].modifier);
    }
    u.scored = !modifies;
  }

  for (size_t i = 0; i < n; ++i) {
    Unit& u = units[i];
    if (!u.scored || u.valence == 0) continue;
    double v = u.valence;
    if (u.caps && caps_differ) v += sign(v) * kCapsEmphasis;
    for (size_t k = i; k-- > 0 && within_reach(units[k], u);) {  // nearest first
      const Unit& m = units[k];
      if (!m.modifier || (m.scored && m.valence != 0)) continue;
      v = modified(v, m, static_cast<size_t>(u.index - m.index), caps_differ);
    }
    u.value = v;
  }

  // "but": in its sentence, what comes before it counts less and what
  // follows more. VADER weighs the whole text around the first "but"; a
  // tweet's sentences are separate thoughts, so each sentence gets its own
  // (the human-rated sets score the same either way, docs/sentiment.md).
  // The sentence whose "but" was applied; at first the number of units, as
  // the reference has it (a "but" in the sentence of that index is passed over).
  auto weighed = static_cast<size_t>(unit_count);
  for (size_t b = 0; b < n; ++b) {
    if (!units[b].modifier || units[b].modifier->effect != Effect::contrast) continue;
    if (units[b].sentence == weighed) continue;  // its first "but" only, as VADER
    weighed = units[b].sentence;
    for (size_t i = 0; i < n; ++i) {
      if (units[i].sentence != units[b].sentence) continue;
      if (i < b) units[i].value *= kBeforeContrast;
      if (i > b) units[i].value *= kAfterContrast;
    }
  }
}

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// What the "!" and "?" of a text add to the magnitude of its sum.
double punctuation_emphasis(const Marks& marks) {
  double emphasis = kExclamation * std::min(marks.exclamations, kMaxExclamations);
  if (marks.questions > kMaxCountedQuestions) {
    emphasis += kManyQuestions;
  } else if (marks.questions > 1) {
    emphasis += kQuestion * marks.questions;
  }
  return emphasis;
}

}  // namespace

double words_valence(const Lexicon& lexicon, std::string_view utf8) {
  int32_t replaced = 0;
  const std::u16string text = text::decode_utf8(utf8, replaced);
  const std::vector<Token> no_tokens;
  WordReader reader(lexicon, text, {}, no_tokens);
  Words words;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(u' ', start);
    if (space == std::u16string::npos) space = text.size();
    if (space > start) add_word(reader, static_cast<int32_t>(start), static_cast<int32_t>(space), false, words);
    start = space + 1;
  }
  text::ScratchList<Unit, 16> units;
  const int32_t unit_count = make_units(lexicon, words, units);
  value_units({units.data(), units.size()}, unit_count, false);
  double sum = 0;
  for (const Unit& u : units) sum += u.value;
  return sum;
}

Sentiment score(const Document& doc, const Lexicon& lex) {
  Words words;
  const Marks marks = read_words(lex, doc, words);
  if (words.count() == 0) return {0, 0, 1, 0};
  text::ScratchList<Unit, 16> units;
  const int32_t unit_count = make_units(lex, words, units);
  value_units({units.data(), units.size()}, unit_count, words.caps_differ());

  double sum = 0;
  double positive = 0;  // VADER's split: each sentiment unit counts 1 + |valence|,
  double negative = 0;  // each neutral word 1
  int32_t valued_words = 0;
  for (const Unit& u : units) {
    const double v = u.value;
    if (v == 0) continue;  // adds nothing to the sums
    sum += v;
    if (v > 0) positive += v + 1;
    if (v < 0) negative += -v + 1;
    valued_words += u.words;
  }
  const double neutral = words.count() - valued_words;

  const double emphasis = punctuation_emphasis(marks);
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
