// Sentiment in the manner of VADER (Hutto & Gilbert, ICWSM 2014): each
// sentiment word, emoticon, emoji or idiom carries a valence from the
// lexicons; words before it (within three) boost, damp or negate it; ALL CAPS
// and "!" emphasise; "but" shifts the weight to what follows. The sum is
// normalised to a compound score in [-1, 1]. docs/sentiment.md describes the
// steps and measures them against human ratings.
#include "sentiment/sentiment.hpp"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "sentiment/lexicon.hpp"
#include "text/scratch_list.hpp"
#include "text/unicode.hpp"

#if defined(__SSE2__)  // every x86-64; not the wasm build (no SIMD there)
#include <emmintrin.h>
#endif

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
using text::ScratchList;
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

// ---- Reading a piece in one scan. Nearly every piece is short and ASCII, or
// holds only characters that case folding leaves alone (Arabic, CJK, accented
// lower case, punctuation): one scan finds where the piece ends, folds it into
// a buffer on the stack and counts its letters. Any other piece takes
// read_word. test_sentiment_fast.cpp holds the two readings equal.

// ASCII character classes for the scan.
constexpr uint8_t kSpace = 1;  // white space (as text::is_space): ends a piece
constexpr uint8_t kMark = 2;   // "!" or "?" (emphasis)
constexpr uint8_t kAlnum = 4;  // letter or digit
constexpr uint8_t kLetter = 8;
constexpr uint8_t kLower = 16;  // a letter not in upper case (no ALL CAPS)
constexpr uint8_t kUpper = 32;  // ASCII capital: 0x20 makes it lower case (case folding)
static_assert(kUpper >> 1 == kLower);  // add_ascii_parts tests upper after lower so
constexpr std::array<uint8_t, 128> kAscii = [] {
  std::array<uint8_t, 128> table{};
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) table[static_cast<size_t>(c)] = kSpace;
  table['!'] = kMark;
  table['?'] = kMark;
  for (char c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = kAlnum;
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kAlnum | kLetter | kLower;
  for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = kAlnum | kLetter | kUpper;
  return table;
}();

// word.ends_with("n't"), its last byte first (nearly every word fails there).
inline bool ends_with_nt(std::string_view word) {
  const size_t n = word.size();
  return n >= 3 && word[n - 1] == 't' && word[n - 2] == '\'' && word[n - 3] == 'n';
}

bool is_mark(UChar32 c) { return c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F; }

struct PieceScan {
  static constexpr int32_t kMaxUnits = 64;  // longer pieces take the general reading
  char key[4 * kMaxUnits];  // the piece case-folded, UTF-8
  size_t size = 0;
  size_t word_begin = 0;  // key[word_begin, word_end): the word, without leading
  size_t word_end = 0;    // and trailing punctuation; empty: punctuation alone
  uint64_t word_hash = 0;  // FlatMap::hash of the word (text::token_hash)
  int letters = 0;        // (1 for any number if not_caps)
  bool not_caps = false;  // a letter that is lower case or not upper case
  bool marks = false;     // holds "!" or "?" (or their full-width forms)
  bool general = false;   // read_word must read it
};

// The rest of a piece that read_word will read: where it ends (white space,
// `limit`) and whether it holds "!" or "?".
int32_t scan_rest(std::u16string_view text, int32_t i, int32_t limit, PieceScan& s) {
  s.general = true;
  while (i < limit) {
    const char16_t unit = text[static_cast<size_t>(i)];
    if (unit < 0x80) {  // ASCII (URLs, mentions: nearly all) by the table
      const uint8_t flags = kAscii[unit];
      if (flags & kSpace) break;
      s.marks = s.marks || (flags & kMark);
      ++i;
      continue;
    }
    int32_t next = i;
    UChar32 c;
    U16_NEXT(text.data(), next, limit, c);
    if (may_be_space(c) && is_space(c)) break;
    s.marks = s.marks || is_mark(c);
    i = next;
  }
  return i;
}

// What the scan needs of a character beyond ASCII, by its general category
// (one ICU call): u_isalpha is L*, u_isalnum L* or Nd, u_isupper Lu,
// u_islower Ll; white space is among Zs, Zl, Zp, Cc, Cf; and case folding
// changes characters of Lu, Ll, Lt, Mn, Nl and So only, which are folded
// to see. test_sentiment_fast.cpp checks these facts of ICU.
constexpr uint8_t kMaybeSpace = 64;
constexpr uint8_t kMaybeFolds = 128;
constexpr std::array<uint8_t, U_CHAR_CATEGORY_COUNT> kCategory = [] {
  std::array<uint8_t, U_CHAR_CATEGORY_COUNT> table{};
  for (auto c : {U_UPPERCASE_LETTER, U_TITLECASE_LETTER}) table[c] = kAlnum | kLetter | kMaybeFolds;
  table[U_LOWERCASE_LETTER] = kAlnum | kLetter | kLower | kMaybeFolds;
  for (auto c : {U_MODIFIER_LETTER, U_OTHER_LETTER}) table[c] = kAlnum | kLetter | kLower;  // kLower: not upper case
  table[U_DECIMAL_DIGIT_NUMBER] = kAlnum;
  for (auto c : {U_NON_SPACING_MARK, U_LETTER_NUMBER, U_OTHER_SYMBOL}) table[c] = kMaybeFolds;
  for (auto c : {U_SPACE_SEPARATOR, U_LINE_SEPARATOR, U_PARAGRAPH_SEPARATOR, U_CONTROL_CHAR, U_FORMAT_CHAR}) {
    table[c] = kMaybeSpace;
  }
  return table;
}();

// Whether full case folding leaves `c` as it is.
bool folds_to_itself(UChar32 c) {
  UChar in[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(in, n, c);
  UChar out[8];  // a folding is at most three code points
  UErrorCode status = U_ZERO_ERROR;
  const int32_t folded = u_strFoldCase(out, 8, in, n, U_FOLD_CASE_DEFAULT, &status);
  return U_SUCCESS(status) && folded == n && out[0] == in[0] && (n == 1 || out[1] == in[1]);
}

// One character beyond ASCII into a scan: false if the scan must leave the
// piece to read_word (`general`) or the piece ends (white space) here.
struct ScanState {
  size_t size;
  size_t word_begin;
  size_t word_end;
  int letters;
  uint8_t seen;  // the flags of the characters
  bool marks;
  bool general;
};
[[gnu::noinline]] bool scan_non_ascii(UChar32 c, char* key, ScanState& st) {
  const uint8_t flags = kCategory[static_cast<size_t>(u_charType(c))];
  if ((flags & kMaybeSpace) && is_space(c)) return false;
  st.marks = st.marks || is_mark(c);
  // Case folding must leave the character alone: the folded piece holds it as it is.
  if (U_IS_SURROGATE(c) || ((flags & kMaybeFolds) && !folds_to_itself(c))) {
    st.general = true;
    return false;
  }
  st.seen |= flags;
  st.letters += (flags & kLetter) ? 1 : 0;
  if ((flags & kAlnum) && st.word_end == 0) st.word_begin = st.size;
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
    key[st.size++] = '\'';  // text::fold makes curly apostrophes straight
  } else {
    U8_APPEND_UNSAFE(key, st.size, c);
  }
  if (flags & kAlnum) st.word_end = st.size;
  return true;
}

// scan_piece for a piece with characters beyond ASCII.
int32_t scan_mixed_piece(std::u16string_view text, int32_t at, int32_t limit, PieceScan& s) {
  const int32_t fast_limit = std::min(limit, at + PieceScan::kMaxUnits);
  // In locals, not in `s`: stores into its key could alias its members.
  char* const key = s.key;
  size_t size = 0;
  size_t word_begin = 0;
  size_t word_end = 0;
  int letters = 0;
  uint8_t seen = 0;
  ScanState st{0, 0, 0, 0, 0, false, false};
  int32_t i = at;
  for (;;) {
    for (; i < fast_limit; ++i) {  // ASCII
      const char16_t unit = text[static_cast<size_t>(i)];
      if (unit >= 0x80) break;
      const uint8_t flags = kAscii[unit];
      if (flags & kSpace) break;
      seen |= flags;
      if (word_end == 0) word_begin = size;  // stays at the first letter or digit
      if (flags & kAlnum) word_end = size + 1;
      letters += (flags & kLetter) ? 1 : 0;
      key[size++] = static_cast<char>(unit | (flags & kUpper));
    }
    if (i >= fast_limit || text[static_cast<size_t>(i)] < 0x80) break;
    int32_t next = i;
    UChar32 c;
    U16_NEXT(text.data(), next, limit, c);
    st = {size, word_begin, word_end, letters, seen, st.marks, false};
    const bool go_on = scan_non_ascii(c, key, st);
    size = st.size;
    word_begin = st.word_begin;
    word_end = st.word_end;
    letters = st.letters;
    seen = st.seen;
    if (!go_on) break;
    i = next;
  }
  s.size = size;
  s.word_begin = word_begin;
  s.word_end = word_end;
  if (word_end > 0) s.word_hash = text::token_hash(std::string_view(key + word_begin, word_end - word_begin));
  s.letters = letters;
  s.not_caps = (seen & kLower) != 0;
  s.marks = st.marks || (seen & kMark);
  if (st.general || (i >= fast_limit && i < limit)) return scan_rest(text, i, limit, s);  // too long
  return i;
}

// Scans the piece that starts at text[at]: up to white space or `limit`.
// Returns where it ends. An ASCII piece (nearly every one) takes one tight
// loop; its word's bounds and letters are found after it.
int32_t scan_piece(std::u16string_view text, int32_t at, int32_t limit, PieceScan& s) {
  const int32_t fast_limit = std::min(limit, at + PieceScan::kMaxUnits);
  text::TokenHasher hash;  // of the folded piece
  uint8_t seen = 0;  // the flags of its characters
  int32_t i = at;
  for (; i < fast_limit; ++i) {
    const char16_t unit = text[static_cast<size_t>(i)];
    if (unit >= 0x80) return scan_mixed_piece(text, at, limit, s);
    const uint8_t flags = kAscii[unit];
    if (flags & kSpace) break;
    seen |= flags;
    const char folded = static_cast<char>(unit | (flags & kUpper));
    s.key[i - at] = folded;
    hash.add(folded);
  }
  s.marks = (seen & kMark) != 0;
  if (i >= fast_limit && i < limit) return scan_rest(text, i, limit, s);  // too long
  const auto size = static_cast<size_t>(i - at);
  s.size = size;
  if (seen & kAlnum) {
    size_t begin = 0;
    while (!(kAscii[static_cast<size_t>(s.key[begin])] & kAlnum)) ++begin;
    size_t end = size;
    while (!(kAscii[static_cast<size_t>(s.key[end - 1])] & kAlnum)) --end;
    s.word_begin = begin;
    s.word_end = end;
    s.word_hash = begin == 0 && end == size ? hash.value() : text::token_hash(std::string_view(s.key + begin, end - begin));
  }
  // Letters: only ALL CAPS needs their number.
  s.not_caps = (seen & kLower) != 0;
  if ((seen & kLetter) && !s.not_caps) {
    for (size_t k = 0; k < size; ++k) s.letters += (kAscii[static_cast<size_t>(s.key[k])] & kLetter) ? 1 : 0;
  } else {
    s.letters = (seen & kLetter) ? 1 : 0;  // no ALL CAPS either way
  }
  return i;
}

// The first and last bytes of a piece's UTF-8 (Lexicon::may_be_written_key),
// ASCII (nearly every piece) inline.
char first_utf8_byte_beyond_ascii(std::u16string_view piece) {
  UChar32 c;
  U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), c);
  if (c < 0x80) return static_cast<char>(c);
  if (c < 0x800) return static_cast<char>(0xC0 | (c >> 6));
  if (c < 0x10000) return static_cast<char>(0xE0 | (c >> 12));
  return static_cast<char>(0xF0 | (c >> 18));
}
char last_utf8_byte_beyond_ascii(std::u16string_view piece) {
  UChar32 c;
  const auto n = static_cast<int32_t>(piece.size());
  U16_GET(piece.data(), 0, n - 1, n, c);
  return static_cast<char>(c < 0x80 ? c : 0x80 | (c & 0x3F));
}
inline char first_utf8_byte(std::u16string_view piece) {
  return piece.front() < 0x80 ? static_cast<char>(piece.front()) : first_utf8_byte_beyond_ascii(piece);
}
inline char last_utf8_byte(std::u16string_view piece) {
  return piece.back() < 0x80 ? static_cast<char>(piece.back()) : last_utf8_byte_beyond_ascii(piece);
}

// read_word for a scanned piece.
bool read_scanned(const Lexicon& lex, std::u16string_view piece, const PieceScan& s, Word& w) {
  if (s.general) return read_word(lex, piece, w);
  w.letters = s.letters > 0;
  w.caps = s.letters >= 2 && !s.not_caps;
  // Emoticons (":)", ":-(", "<3", ":D") are lexicon entries as written.
  if (lex.may_be_written_key(first_utf8_byte(piece), last_utf8_byte(piece))) {
    KeyText raw_text;
    std::string_view raw = raw_text.utf8(piece);
    int32_t entry = lex.find_word(raw);
    if (entry != Lexicon::npos && lex.valence.value(static_cast<uint32_t>(entry)).has_valence) {
      w.entry = entry;
      w.nt_negation = raw.ends_with("n't");
      return true;
    }
  }
  if (s.word_end == 0) return false;  // punctuation alone
  const std::string_view word(s.key + s.word_begin, s.word_end - s.word_begin);
  w.entry = lex.find_word(word, s.word_hash);
  w.nt_negation = word.ends_with("n't");
  return true;
}

// The reading of a piece with no white space in it.
bool read_any(const Lexicon& lex, std::u16string_view piece, Word& w) {
  PieceScan s;
  const auto n = static_cast<int32_t>(piece.size());
  if (scan_piece(piece, 0, n, s) != n) return read_word(lex, piece, w);
  return read_scanned(lex, piece, s, w);
}

// ---- The reference scoring: the words of the text in a list, grouped into
// units, each unit valued in its context. score() does the same in one pass.

void add_word(const Lexicon& lex, std::u16string_view piece, bool clause_break, std::vector<Word>& out) {
  Word w;
  if (!read_any(lex, piece, w)) return;
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

// Code point classes for the scan of a document: white space (as
// text::is_space) and the "!" and "?" that punctuation_emphasis counts.
constexpr uint8_t kBang = 2;
constexpr uint8_t kQuery = 4;
uint8_t class_of(UChar32 c) {
  if (c == '!' || c == 0xFF01) return kBang;
  if (c == '?' || c == 0xFF1F) return kQuery;
  return is_space(c) ? kSpace : 0;
}

// U16_NEXT, with an ASCII unit (nearly every one) taken inline.
[[gnu::always_inline]] inline UChar32 next_code_point(const std::u16string& text, int32_t& i) {
  char16_t unit = text[static_cast<size_t>(i)];
  if (unit < 0x80) {
    ++i;
    return unit;
  }
  UChar32 c;
  U16_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c;
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
    uint8_t c = class_of(next_code_point(text, i));
    if (c == kSpace) continue;
    if (c != 0) count_mark(c, start);
    while (i < n) {  // the chunk: up to the next white space
      int32_t next = i;
      c = class_of(next_code_point(text, next));
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

// Valence v as the modifier unit m, d words before it, changes it. Both
// scorings (the one-pass score and score_reference) use this one step, so
// their floating-point operations are the same by construction.
template <typename ModifierUnit>
double modified(double v, const ModifierUnit& m, size_t d, bool caps_differ) {
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

// ---- Scoring in one pass: the reference scoring without its lists of every
// word and unit. Most words have no valence and modify nothing; they only
// take up places (modifiers reach three units, phrases need their words in a
// row) and count as neutral. So the pass reads each word where it stands
// (no copy, one lookup) and keeps only the words that can matter, with
// their places; the units are made and valued from those.

// Entity kinds for the scan: URLs, @mentions and $cashtags are no words;
// hashtags are split into words.
constexpr uint8_t kNoWords = 1;
constexpr uint8_t kUrl = 2;
constexpr uint8_t kHashtag = 4;

// The entities of a document, for pieces visited from left to right.
class EntityCursor {
 public:
  explicit EntityCursor(const Entities& e) {
    add(e.urls, kNoWords | kUrl);
    add(e.mentions, kNoWords);
    add(e.cashtags, kNoWords);
    add(e.hashtags, kHashtag);
    sort_long_list();
    // In start order (each added in its place: a tweet has a few);
    // kinds() answers the same whatever the order of equal starts.
    for (size_t i = 1; i < spans_.size(); ++i) spans_[i].max_end = std::max(spans_[i].max_end, spans_[i - 1].max_end);
    next_ = spans_.begin();
    end_ = spans_.end();
    next_start_ = spans_.empty() ? INT32_MAX : next_->start;
  }
  EntityCursor(const EntityCursor&) = delete;  // next_ and end_ point into it
  EntityCursor& operator=(const EntityCursor&) = delete;
  // The kinds of the entities that overlap [start, end); `start` never
  // decreases from one call to the next.
  uint8_t kinds(int32_t start, int32_t end) {
    // Most pieces end before the next span starts (the spans before it end
    // at or before `start`).
    if (end <= next_start_) return 0;
    while (next_ != end_ && next_->max_end <= start) ++next_;  // all before `start`
    next_start_ = next_ != end_ ? next_->start : INT32_MAX;
    uint8_t kinds = 0;
    for (const Span* s = next_; s != end_ && s->start < end; ++s) {
      if (start < s->end) kinds |= s->kind;
    }
    return kinds;
  }
  // A URL, mention or cashtag that holds text[at], after kinds(at, at + 1)
  // found one: its end and whether it is a URL; {at, false} if none.
  std::pair<int32_t, bool> no_words_span(int32_t at) const {
    for (const Span* s = next_; s != end_ && s->start <= at; ++s) {
      if ((s->kind & kNoWords) && at < s->end) return {s->end, (s->kind & kUrl) != 0};
    }
    return {at, false};
  }

 private:
  struct Span {
    int32_t start, end;
    int32_t max_end;  // the largest end of this span and those before it
    uint8_t kind;
  };
  ScratchList<Span, 16> spans_;
  // spans_[next_, end_) may overlap what is still to come (pointers: the
  // list is final once made).
  const Span* next_ = nullptr;
  const Span* end_ = nullptr;
  int32_t next_start_ = 0;  // next_->start, or INT32_MAX past the last span
  void add(const std::vector<Entity>& list, uint8_t kind) {
    for (const Entity& e : list) {
      spans_.push_back({e.start, e.end, e.end, kind});
      if (spans_.size() > kInsertionMax) continue;  // a long text's many entities: sorted at once, below
      for (Span* s = spans_.end() - 1; s != spans_.begin() && s[-1].start > s->start; --s) std::swap(s[-1], s[0]);
    }
  }
  // Past this many spans, inserting each in its place would be quadratic:
  // a stable sort gives the same order in n log n.
  static constexpr size_t kInsertionMax = 64;
  void sort_long_list() {
    if (spans_.size() <= kInsertionMax) return;
    std::stable_sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  }
};

// A word that can matter: a lexicon entry (a sentiment word or a word of a
// modifier or idiom), a word ending in "n't", or an emoji with a valence.
struct KeyWord {
  int32_t index;   // among all the words of the text
  int32_t entry;   // in Lexicon::valence, or npos
  uint32_t clause;  // each clause break starts the next clause
  size_t sentence;  // index into Document::sentences
  double emoji_valence;
  bool is_emoji;
  bool caps;
  bool nt_negation;
  bool clause_break;
};

// A unit (as in the reference scoring) that has a valence or modifies.
struct KeyUnit {
  int32_t index;  // among all the units of the text
  uint32_t clause;
  size_t sentence;
  double valence;  // its own
  double value;    // in its context
  const Phrase* modifier;
  int words;
  bool scored;
  bool caps;
};

class OnePass {
 public:
  OnePass(const Lexicon& lex, const Document& doc) : lex_(lex), doc_(doc), text_(doc.text), entities_(doc.entities) {}

  // False if an emoji token holds white space or "!" or "?" (the reference
  // scoring splits such a token; no tokenizer makes one, but it may).
  bool read(const std::vector<Token>& tokens) {
    ScratchList<const Token*, 16> emoji;
    for (const Token& t : tokens) {
      if (t.kind != TokenKind::emoji) continue;
      for (int32_t i = t.start; i < t.end;) {
        UChar32 c;
        U16_NEXT(text_.data(), i, t.end, c);
        if (is_space(c) || is_mark(c)) return false;
      }
      emoji.push_back(&t);
    }
    const auto n = static_cast<int32_t>(text_.size());
    const char16_t* const text = text_.data();
    const Token* const* next_emoji = emoji.begin();
    const Token* const* const emoji_end = emoji.end();
    const Sentence* const sentences = doc_.sentences.data();
    const size_t sentence_count = doc_.sentences.size();
    size_t sentence = 0;  // cursor into doc.sentences
    // Its bounds (none past the last): a chunk before sentence_end needs no step.
    int32_t sentence_start = sentence_count > 0 ? sentences[0].start : -1;
    int32_t sentence_end = sentence_count > 0 ? sentences[0].end : INT32_MAX;
    // The next chunk start at which enter_chunk has anything to do: its
    // sentence's start while not passed, then its end (chunk starts never
    // decrease; before it both tests below fail).
    int32_t next_step = sentence_count > 0 ? sentence_start : INT32_MAX;
    for (int32_t i = 0; i < n;) {
      // White space: ASCII inline.
      if (text[i] < 0x80) {
        if (kAscii[text[i]] & kSpace) {
          ++i;
          continue;
        }
      } else {
        int32_t next = i;
        UChar32 c;
        U16_NEXT(text, next, n, c);
        if (may_be_space(c) && is_space(c)) {
          i = next;
          continue;
        }
      }
      // A chunk of text up to white space: pieces between the emoji in it.
      const int32_t start = i;
      // Its sentence (a chunk starts at most once; asked again, the same).
      const auto enter_chunk = [&](int32_t chunk_start) {
        if (chunk_start < next_step) return;
        if (sentence_end <= chunk_start) {
          while (sentence < sentence_count && sentences[sentence].end <= chunk_start) ++sentence;
          sentence_start = sentence < sentence_count ? sentences[sentence].start : -1;
          sentence_end = sentence < sentence_count ? sentences[sentence].end : INT32_MAX;
          sentence_ = sentence;
        }
        if (sentence_start == chunk_start) clause_break_ = true;
        next_step = sentence_start >= chunk_start ? sentence_start : sentence_end;
      };
      enter_chunk(start);
      // Most chunks are one ASCII word or number token alone: read from it.
      if (const Token* token = bare_token(start)) {
        // And most of those follow one another one white space apart: the
        // next token, if it starts right after the white space bare_token
        // saw, starts the next chunk (no scan for it).
        for (;;) {
          add_word(read_token(*token), clause_break_);
          clause_break_ = false;
          i = std::min(token->end + 1, n);
          ++token;
          if (token == tokens_end_ || token->start != i) break;
          enter_chunk(i);
          if (!is_bare(token)) {
            not_bare_ = i;  // for bare_token, which would test it again
            break;
          }
        }
        next_token_ = token;
        continue;
      }
      while (next_emoji != emoji_end && (*next_emoji)->end <= start) ++next_emoji;
      for (;;) {
        const int32_t limit = next_emoji != emoji_end ? (*next_emoji)->start : n;
        i = add_piece(i, limit);
        if (i < limit || limit == n) break;  // white space or the end
        add_emoji(**next_emoji);
        i = (*next_emoji++)->end;
      }
      if (is_clause_mark(text[i - 1])) clause_break_ = true;
    }
    return true;
  }

  Sentiment score() {
    if (word_count_ == 0) return {0, 0, 1, 0};
    const int32_t units = make_units();
    // Caps emphasise only where the rest of the text is not shouting too:
    // in_caps < with_letters (as the reference), since a word in caps has letters.
    const bool caps_differ = in_caps_ > 0 && lettered_not_caps_;
    value_units(units, caps_differ);
    double sum = 0;
    double positive = 0;
    double negative = 0;
    int32_t valued_words = 0;
    for (const KeyUnit& u : units_) {
      double v = u.value;
      if (v == 0) continue;  // adds nothing to the sums (which are never -0)
      sum += v;
      if (v > 0) positive += v + 1;
      if (v < 0) negative += -v + 1;
      valued_words += u.words;
    }
    const double neutral = word_count_ - valued_words;
    return finish(sum, positive, negative, neutral, exclamations_, questions_);
  }

 private:
  const Lexicon& lex_;
  const Document& doc_;
  std::u16string_view text_;
  EntityCursor entities_;
  ScratchList<KeyWord, 32> words_;
  ScratchList<KeyUnit, 32> units_;
  int32_t word_count_ = 0;
  uint32_t clause_ = 0;
  bool clause_break_ = true;  // a clause break before the next word
  size_t sentence_ = 0;
  int in_caps_ = 0;
  bool lettered_not_caps_ = false;  // a word with letters not in caps (read no more once found)
  int exclamations_ = 0;  // "!" and "?" outside URLs (a URL's query
  int questions_ = 0;     // string is not emphasis)
  const Token* next_token_ = doc_.tokens.data();  // cursor into doc_.tokens for token_piece
  int32_t not_bare_ = -1;  // a chunk start where is_bare failed
  const Token* const tokens_end_ = doc_.tokens.data() + doc_.tokens.size();

  // Reads the piece from text[start] up to white space or `limit`; returns
  // where it ends.
  int32_t add_piece(int32_t start, int32_t limit) {
    if (start >= limit) return start;
    PieceScan s;
    // A piece that starts in a URL or mention is no word: find its end only.
    const bool no_words = entities_.kinds(start, start + 1) & kNoWords;
    // Most pieces are a token of the tokenizer as it stands: read from it.
    const TokenPiece token = no_words ? TokenPiece{} : token_piece(start, limit);
    int32_t end = 0;
    if (token.token || token.punctuation) {
      end = token.end;
      s.marks = token.marks;
    } else {
      end = no_words ? scan_entity(start, limit, s) : scan_piece(text_, start, limit, s);
    }
    if (end == start) return end;
    const uint8_t kinds = entities_.kinds(start, end);
    if (s.marks) count_marks(start, end, kinds & kUrl);
    if (kinds & kNoWords) return end;
    const std::u16string_view piece = text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    if (kinds & kHashtag) {
      // A tag is read from its token's folded form only if ASCII.
      const Token* tag = token.token;
      add_hashtag(piece, tag && tag->text.size() == static_cast<size_t>(tag->end - tag->start) ? tag : nullptr);
    } else if (token.token) {
      add_word(read_token(*token.token), clause_break_);
    } else if (token.punctuation) {
      // punctuation alone is no word
    } else if (Word w; read_scanned(lex_, piece, s, w)) {
      add_word(w, clause_break_);
    }
    clause_break_ = false;
    return end;
  }

  // scan_rest for a piece that starts in a URL, mention or cashtag: the
  // entity's printable ASCII (all of it, nearly always) holds no white space
  // and is passed over in one tight loop; in a URL without a look at "!" and
  // "?" either (count_marks skips those in a URL). The rest as scan_rest.
  int32_t scan_entity(int32_t start, int32_t limit, PieceScan& s) const {
    const auto [entity_end, url] = entities_.no_words_span(start);
    const int32_t stop = std::min(entity_end, limit);
    const int32_t i = url ? printable_run<false>(start, stop) : printable_run<true>(start, stop);
    return scan_rest(text_, i, limit, s);
  }

  // The first of text[i, stop) that is not printable ASCII (or is "!" or
  // "?", if `kMarksToo`), or `stop`: eight units a step with SSE2.
  template <bool kMarksToo>
  int32_t printable_run(int32_t i, int32_t stop) const {
    const char16_t* const text = text_.data();
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi16(' ');
    const __m128i del = _mm_set1_epi16(0x7F);
    for (; i + 8 <= stop; i += 8) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
      // Signed compares: a unit from 0x8000 up is negative, so not printable.
      __m128i printable = _mm_and_si128(_mm_cmpgt_epi16(v, space), _mm_cmplt_epi16(v, del));
      if constexpr (kMarksToo) {
        const __m128i marks =
            _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('!')), _mm_cmpeq_epi16(v, _mm_set1_epi16('?')));
        printable = _mm_andnot_si128(marks, printable);
      }
      const auto bits = static_cast<unsigned>(_mm_movemask_epi8(printable));  // two per unit
      if (bits != 0xFFFF) return i + __builtin_ctz(~bits) / 2;
    }
#endif
    for (; i < stop; ++i) {
      const char16_t c = text[i];
      if (c <= u' ' || c >= 0x7F || (kMarksToo && (kAscii[c] & kMark))) break;
    }
    return i;
  }

  // The token that is the whole chunk at text[start] (up to white space or
  // the end), if it is an ASCII word or number token that begins and ends
  // with a letter or digit, in no entity and no key as written: what
  // add_piece would read from token_piece, without finding its bounds by
  // scanning. Else nullptr (and add_piece reads the chunk).
  const Token* bare_token(int32_t start) {
    const char16_t* const text = text_.data();
    if (text[start] >= 0x80 || !(kAscii[text[start]] & kAlnum) || start == not_bare_) return nullptr;
    const Token* token = next_token_;
    while (token != tokens_end_ && token->start < start) ++token;
    next_token_ = token;
    if (token == tokens_end_ || token->start != start) return nullptr;
    return is_bare(token) ? token : nullptr;
  }
  // bare_token's tests of a token that starts at a chunk's start (inline:
  // the call cost a sixth of the tests).
  [[gnu::always_inline]] bool is_bare(const Token* token) {
    const char16_t* const text = text_.data();
    const int32_t start = token->start;
    if (text[start] >= 0x80 || !(kAscii[text[start]] & kAlnum)) return false;
    if (token->kind != TokenKind::word && token->kind != TokenKind::number) return false;
    const int32_t end = token->end;
    if (token->text.size() != static_cast<size_t>(end - start) ||
        !(kAscii[static_cast<size_t>(token->folded.back())] & kAlnum)) {
      return false;
    }
    if (static_cast<size_t>(end) < text_.size() && (text[end] >= 0x80 || !(kAscii[text[end]] & kSpace))) {
      return false;
    }
    if (entities_.kinds(start, end) != 0) return false;
    if (lex_.may_be_written_key(static_cast<char>(text[start]), static_cast<char>(text[end - 1]))) return false;
    return true;
  }

  // The piece from text[start] up to white space or `limit`, if it is ASCII
  // punctuation around one ASCII word or number token of the tokenizer that
  // begins and ends with a letter or digit ("care", "don't", "great!",
  // "(covid19),", "#love"): without its punctuation it is that token, so
  // read_token reads it as read_scanned would. Or ASCII punctuation alone
  // ("-", "&"): no word. With its end and whether it holds "!" or "?".
  struct TokenPiece {
    const Token* token = nullptr;  // none: not such a piece
    int32_t end = 0;
    bool marks = false;
    bool punctuation = false;  // punctuation alone, no word
  };
  TokenPiece token_piece(int32_t start, int32_t limit) {
    const char16_t* const text = text_.data();
    uint8_t seen = 0;  // the flags of the punctuation
    // The punctuation before the token up to a letter or digit, or all of
    // the piece's if it has none. false: not such a piece.
    // (Stops at a unit beyond ASCII: a token may start there.)
    auto punctuation = [&](int32_t& i) {
      for (; i < limit; ++i) {
        const char16_t unit = text[i];
        if (unit >= 0x80) return false;
        const uint8_t flags = kAscii[unit];
        if (flags & (kSpace | kAlnum)) break;
        seen |= flags;
      }
      return true;
    };
    int32_t i = start;
    const bool ascii_before = punctuation(i);
    const Token* token = nullptr;
    if (i < limit && (!ascii_before || (kAscii[text[i]] & kAlnum))) {
      token = next_token_;  // in a local while it moves: a member would be stored each step
      while (token != tokens_end_ && token->start < i) ++token;
      next_token_ = token;
      if (token == tokens_end_) return {};
      if (token->start != i || token->end > limit ||
          (token->kind != TokenKind::word && token->kind != TokenKind::number)) {
        return {};
      }
      // ASCII (as many UTF-8 bytes as UTF-16 units), ending with a letter or
      // digit: its folded form, of the same length, is the word. A word
      // beyond ASCII must show that it is one (whole_word).
      if (token->text.size() == static_cast<size_t>(token->end - token->start)) {
        if (!(kAscii[static_cast<size_t>(token->folded.back())] & kAlnum)) return {};
      } else if (token->kind != TokenKind::word || !whole_word(*token)) {
        return {};
      }
      i = token->end;
      if (!punctuation(i) || (i < limit && (kAscii[text[i]] & kAlnum))) return {};
    }
    if (i == start) return {};  // white space at `start`
    // An emoticon may be a key as written (read_scanned looks it up first).
    const std::u16string_view piece(text + start, static_cast<size_t>(i - start));
    if (lex_.may_be_written_key(first_utf8_byte(piece), last_utf8_byte(piece))) return {};
    return {token, i, (seen & kMark) != 0, token == nullptr};
  }

  // Whether a word token beyond ASCII is what the scan would read as the
  // word of its piece: it begins and ends with a letter or digit (so
  // strip_punctuation leaves it whole) and holds no white space and no "!"
  // or "?" (where the scan would end the piece or count emphasis). Its
  // folded form is then the piece's key: the tokenizer folds as read_word.
  bool whole_word(const Token& t) const {
    const char16_t* const text = text_.data();
    UChar32 first;
    UChar32 last;
    U16_GET(text, t.start, t.start, t.end, first);
    U16_GET(text, t.start, t.end - 1, t.end, last);
    if (!text::is_alnum(first) || !text::is_alnum(last)) return false;
    for (int32_t k = t.start; k < t.end; ++k) {
      const char16_t unit = text[k];
      if (unit >= 0x80 && (is_mark(unit) || (may_be_space(unit) && is_space(unit)))) return false;
    }
    return true;
  }

  // read_scanned for a piece that token_piece found: its word is the
  // token's folded form, its letters are the token's (ASCII).
  // Inlined into its callers: a Word returned through memory, and the call,
  // cost more than the reading itself.
  [[gnu::always_inline]] Word read_token(const Token& t) const {
    const std::string_view word = t.folded;
    Word w;
    w.entry = lex_.find_word(word, t.folded_hash);
    w.nt_negation = ends_with_nt(word);
    if (t.kind == TokenKind::word) {  // all_caps: two letters or more, none lower case
      w.caps = t.all_caps;
      if (lettered_not_caps_) return w;  // its letters no longer matter (add_word)
      const auto is_letter = [](char c) {
        return static_cast<unsigned char>(c) < 0x80 && (kAscii[static_cast<size_t>(c)] & kLetter) != 0;
      };
      w.letters = t.all_caps || is_letter(word.front()) || std::any_of(word.begin(), word.end(), is_letter) ||
                  (t.text.size() != static_cast<size_t>(t.end - t.start) && has_letter(t));
    } else {  // all_caps is of words only ("NOT3,000" may be a number)
      int letters = 0;
      uint8_t seen = 0;
      for (const char c : t.text) {
        const uint8_t flags = kAscii[static_cast<size_t>(c)];
        letters += (flags & kLetter) ? 1 : 0;
        seen |= flags;
      }
      w.caps = letters >= 2 && !(seen & kLower);
      w.letters = letters > 0;
    }
    return w;
  }

  // Whether a token beyond ASCII holds a letter (as all_caps counts them).
  bool has_letter(const Token& t) const {
    for (int32_t k = t.start; k < t.end;) {
      UChar32 c;
      U16_NEXT(text_.data(), k, t.end, c);
      if (text::is_alpha(c)) return true;
    }
    return false;
  }

  // read_any for an ASCII piece with its folded form (as long).
  bool read_ascii(std::u16string_view piece, std::string_view folded, Word& w) const {
    // An emoticon may be a key as written (read_scanned looks it up first).
    if (lex_.may_be_written_key(static_cast<char>(piece.front()), static_cast<char>(piece.back()))) {
      return read_any(lex_, piece, w);
    }
    int letters = 0;
    uint8_t seen = 0;
    size_t begin = piece.size();  // the word: [begin, end) without punctuation
    size_t end = 0;
    for (size_t k = 0; k < piece.size(); ++k) {
      const uint8_t flags = kAscii[piece[k]];
      letters += (flags & kLetter) ? 1 : 0;
      seen |= flags;
      if (flags & kAlnum) {
        begin = std::min(begin, k);
        end = k + 1;
      }
    }
    if (end == 0) return false;  // punctuation alone
    const std::string_view word = folded.substr(begin, end - begin);
    w.entry = lex_.find_word(word);
    w.nt_negation = ends_with_nt(word);
    w.caps = letters >= 2 && !(seen & kLower);
    w.letters = letters > 0;
    return true;
  }

  // The parts of an ASCII hashtag body ("HeartHealth2024"), each read as
  // read_ascii reads it, in one pass: for_each_hashtag_part's splits (lower
  // case to upper, digits to others and back) by the ASCII table, and each
  // part's word hashed once found (the body's hash if it is the whole body).
  // `body`: a token, not empty; `folded`: its folded form; `folded_hash`: its hash.
  void add_ascii_parts(std::u16string_view body, std::string_view folded, size_t folded_hash) {
    bool clause_break = clause_break_;
    size_t part_start = 0;
    uint8_t seen = 0;  // the flags of the part's characters
    const auto read_part = [&](size_t part_end) __attribute__((always_inline)) {
      const std::u16string_view part = body.substr(part_start, part_end - part_start);
      if (lex_.may_be_written_key(static_cast<char>(part.front()), static_cast<char>(part.back()))) {
        add_any(part, clause_break);  // an emoticon may be a key as written
      } else if (seen & kAlnum) {
        // The word: the part without leading and trailing punctuation
        // (found here, not per character in the loop below: parts rarely have any).
        size_t begin = part_start;
        while (!(kAscii[body[begin]] & kAlnum)) ++begin;
        size_t end = part_end;
        while (!(kAscii[body[end - 1]] & kAlnum)) --end;
        const std::string_view word = folded.substr(begin, end - begin);
        Word w;
        w.entry = lex_.find_word(word, word.size() == folded.size() ? folded_hash : text::token_hash(word));
        w.nt_negation = ends_with_nt(word);
        // Letters: only ALL CAPS needs their number (the folded part has the same).
        int letters = (seen & kLetter) ? 1 : 0;
        if (letters && !(seen & kLower)) {
          letters = 0;
          for (size_t k = part_start; k < part_end; ++k) letters += (kAscii[body[k]] & kLetter) ? 1 : 0;
        }
        w.caps = letters >= 2 && !(seen & kLower);
        w.letters = letters > 0;
        add_word(w, clause_break);
      }
      clause_break = false;
    };
    const auto is_digit = [](uint8_t f) { return (f & (kAlnum | kLetter)) == kAlnum; };
    uint8_t prev = kAscii[body[0]];  // the flags of the character before
    seen = prev;
    for (size_t k = 1; k < body.size(); ++k) {
      const uint8_t flags = kAscii[body[k]];
      // Upper case after lower (kUpper >> 1 is kLower), or digits start or stop.
      if ((((flags >> 1) & prev & kLower) != 0) | (is_digit(flags) != is_digit(prev))) {
        read_part(k);
        part_start = k;
        seen = 0;
      }
      prev = flags;
      seen |= flags;
    }
    read_part(body.size());
  }

  // read_any, then add_word: out of line, for the rare pieces that need it.
  [[gnu::noinline]] void add_any(std::u16string_view piece, bool clause_break) {
    if (Word w; read_any(lex_, piece, w)) add_word(w, clause_break);
  }

  void count_marks(int32_t start, int32_t end, bool in_url) {
    for (int32_t i = start; i < end; ++i) {
      const char16_t c = text_[static_cast<size_t>(i)];
      if (!is_mark(c) || (in_url && overlaps(doc_.entities.urls, i, i + 1))) continue;
      (c == u'!' || c == u'\uFF01' ? exclamations_ : questions_) += 1;
    }
  }

  // "#HeartHealth" -> "heart", "health" (unless "#love" is a word as it is),
  // as the reference add_hashtag. `token`: the tag without its punctuation,
  // if token_piece found it.
  void add_hashtag(std::u16string_view tag, const Token* token) {
    if (token) {
      const std::u16string_view body =
          text_.substr(static_cast<size_t>(token->start), static_cast<size_t>(token->end - token->start));
      if (!valence_of(lex_.find_word(token->folded, token->folded_hash))) {
        add_ascii_parts(body, token->folded, token->folded_hash);
        return;
      }
      // A word as it is, unless read_scanned would look it up as written.
      if (!lex_.may_be_written_key(static_cast<char>(body.front()), static_cast<char>(body.back()))) {
        add_word(read_token(*token), clause_break_);
        return;
      }
    }
    std::u16string_view body = strip_punctuation(tag);
    if (body.empty()) return;
    PieceScan s;
    const auto n = static_cast<int32_t>(body.size());
    scan_piece(body, 0, n, s);
    KeyText folded;
    const std::string_view key = s.general ? folded.folded(body) : std::string_view(s.key, s.size);
    bool clause_break = clause_break_;
    if (lex_.find_valence(key)) {
      if (Word w; read_scanned(lex_, body, s, w)) add_word(w, clause_break);
      return;
    }
    for_each_hashtag_part(body, [&](std::u16string_view part) {
      if (Word w; read_any(lex_, part, w)) add_word(w, clause_break);
      clause_break = false;
    });
  }

  [[gnu::always_inline]] void add_word(const Word& w, bool clause_break) {
    if (clause_break) ++clause_;
    in_caps_ += w.caps ? 1 : 0;
    lettered_not_caps_ = lettered_not_caps_ || (w.letters && !w.caps);
    if (w.entry != Lexicon::npos || w.nt_negation) {
      words_.push_back({word_count_, w.entry, clause_, sentence_, 0.0, false, w.caps, w.nt_negation, clause_break});
    }
    ++word_count_;
  }

  void add_emoji(const Token& t) {
    const double valence =
        lex_.emoji_valence(text_.substr(static_cast<size_t>(t.start), static_cast<size_t>(t.end - t.start)));
    if (clause_break_) ++clause_;
    if (valence != 0) {
      words_.push_back({word_count_, Lexicon::npos, clause_, sentence_, valence, true, false, false, clause_break_});
    }
    ++word_count_;
    clause_break_ = false;
  }

  // The phrase (modifier or idiom) that starts at words_[i], as match_phrase.
  const Phrase* match_phrase(size_t i) {
    const KeyWord& w = words_[i];
    if (w.is_emoji || w.entry == Lexicon::npos) return nullptr;
    const WordInfo& first = lex_.valence.value(static_cast<uint32_t>(w.entry));
    for (uint32_t n = first.phrases_begin; n < first.phrases_end; ++n) {  // longest first
      const Phrase& p = lex_.phrases[n];
      if (i + p.words.size() > words_.size()) continue;  // its words are not all here
      bool same = true;
      for (size_t k = 1; k < p.words.size() && same; ++k) {
        const KeyWord& next = words_[i + k];
        same = next.index == w.index + static_cast<int32_t>(k) && !next.is_emoji && !next.clause_break &&
               next.entry == static_cast<int32_t>(p.words[k]);
      }
      if (same) return &p;
    }
    return nullptr;
  }

  // The units that have a valence or modify, as make_units; returns the
  // number of all units.
  int32_t make_units() {
    int32_t merged = 0;  // words joined into a phrase's unit so far, past its first
    for (size_t i = 0; i < words_.size();) {
      const KeyWord& w = words_[i];
      KeyUnit u{w.index - merged, w.clause, w.sentence, 0.0, 0.0, nullptr, 1, false, w.caps};
      if (const Phrase* p = match_phrase(i)) {
        u.words = static_cast<int>(p->words.size());
        for (size_t k = 1; k < p->words.size(); ++k) u.caps = u.caps && words_[i + k].caps;
        if (p->effect == Effect::idiom) {
          u.valence = p->value;
          u.scored = true;
        } else {
          u.modifier = p;
          // A modifier may be a sentiment word too ("no"): see value_units.
          if (const double* v = p->words.size() == 1 ? valence_of(w.entry) : nullptr) u.valence = *v;
        }
        merged += u.words - 1;
        i += p->words.size();
      } else {
        if (w.is_emoji) {
          u.valence = w.emoji_valence;
          u.scored = true;
        } else if (const double* v = valence_of(w.entry)) {
          u.valence = *v;
          u.scored = true;
        } else if (w.nt_negation) {
          u.modifier = &kNtNegation;
        }
        ++i;
      }
      if (u.scored || u.modifier) units_.push_back(u);
    }
    return word_count_ - merged;
  }

  const double* valence_of(int32_t entry) const {
    if (entry == Lexicon::npos) return nullptr;
    const WordInfo& info = lex_.valence.value(static_cast<uint32_t>(entry));
    return info.has_valence ? &info.valence : nullptr;
  }

  // Each unit's value in its context, as score_units. Units in the same
  // clause have no clause break between them.
  void value_units(int32_t unit_count, bool caps_differ) {
    const size_t n = units_.size();
    for (size_t i = 0; i < n; ++i) {
      KeyUnit& u = units_[i];
      if (!u.modifier || u.valence == 0) continue;
      bool modifies = false;
      for (size_t j = i + 1; j < n && units_[j].index - u.index <= static_cast<int32_t>(kModifierWindow) &&
                             units_[j].clause == u.clause;
           ++j) {
        modifies = modifies || (units_[j].scored && !units_[j].modifier);
      }
      u.scored = !modifies;
    }

    for (size_t i = 0; i < n; ++i) {
      KeyUnit& u = units_[i];
      if (!u.scored || u.valence == 0) continue;
      double v = u.valence;
      if (u.caps && caps_differ) v += sign(v) * kCapsEmphasis;
      for (size_t k = i; k-- > 0;) {  // nearest first
        const KeyUnit& m = units_[k];
        const auto d = static_cast<size_t>(u.index - m.index);
        if (d > kModifierWindow || m.clause != u.clause) break;
        if (!m.modifier || (m.scored && m.valence != 0)) continue;
        v = modified(v, m, d, caps_differ);
      }
      u.value = v;
    }

    size_t weighed = static_cast<size_t>(unit_count);  // as score_units
    for (size_t b = 0; b < n; ++b) {
      if (!units_[b].modifier || units_[b].modifier->effect != Effect::contrast) continue;
      if (units_[b].sentence == weighed) continue;  // its first "but" only
      weighed = units_[b].sentence;
      for (size_t i = 0; i < n; ++i) {
        if (units_[i].sentence != units_[b].sentence) continue;
        if (i < b) units_[i].value *= kBeforeContrast;
        if (i > b) units_[i].value *= kAfterContrast;
      }
    }
  }
};

}  // namespace

double words_valence(const Lexicon& lexicon, std::string_view utf8) {
  std::vector<Word> words;
  int32_t replaced = 0;
  std::u16string text = text::decode_utf8(utf8, replaced);
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(u' ', start);
    if (space == std::u16string::npos) space = text.size();
    if (space > start) add_word(lexicon, std::u16string_view(text).substr(start, space - start), false, words);
    start = space + 1;
  }
  std::vector<Unit> units = make_units(lexicon, words);
  double sum = 0;
  for (double v : score_units(units, false)) sum += v;
  return sum;
}

bool reads_as_folded(std::string_view key) {
  // ASCII (nearly every key): a letter or digit at each end, no capitals.
  if (std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return !key.empty() && (kAscii[static_cast<size_t>(key.front())] & kAlnum) &&
           (kAscii[static_cast<size_t>(key.back())] & kAlnum) &&
           std::none_of(key.begin(), key.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  int32_t replaced = 0;
  const std::u16string piece = text::decode_utf8(key, replaced);
  if (replaced > 0 || strip_punctuation(piece).size() != piece.size()) return false;
  return text::to_utf8(text::fold(piece)) == key;
}

PieceReading read_piece(std::u16string_view piece, bool fast_path) {
  const Lexicon& lex = Lexicon::get();
  Word w;
  if (!(fast_path ? read_any(lex, piece, w) : read_word(lex, piece, w))) return {};
  return {true, w.entry, w.caps, w.letters, w.nt_negation};
}

Sentiment score_reference(const Document& doc) {
  const Lexicon& lex = Lexicon::get();
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

Sentiment score(const Document& doc) {
  OnePass pass(Lexicon::get(), doc);
  if (!pass.read(doc.tokens)) return score_reference(doc);
  return pass.score();
}

}  // namespace chime::sentiment
