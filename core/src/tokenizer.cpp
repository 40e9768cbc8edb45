#include "tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "icu/icu_data.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

using text::is_space;

// Word_Break classes as ICU 72's root word rules (word.txt) use them: '@' is
// a letter, ':' (and its wide forms) not a MidLetter, Format acts as Extend.
// Chime's ICU data has no dictionaries, so the runs of dictionary-script
// letters the rules chain for one (Han, Hiragana, Katakana; Hangul
// syllables) stay whole, and Complex_Context letters (Thai, ...) are
// letters.
enum Wb : uint8_t {
  wb_none,  // before the start or after the end of the text
  wb_other,
  wb_cr,
  wb_lf,
  wb_newline,
  wb_extend,  // Extend, Format
  wb_zwj,
  wb_ri,
  wb_letter,  // ALetter but Hangul syllables and Han, '@', Complex_Context letters
  wb_hebrew,
  wb_mid_letter,
  wb_mid_num_let,
  wb_single_quote,
  wb_double_quote,
  wb_mid_num,
  wb_numeric,
  wb_extend_num_let,
  wb_wseg_space,
  wb_katakana,
  wb_kana_kanji,  // Han and Hiragana
  wb_hangul,      // Hangul syllables
};

// Sentence_Break classes (sent.txt); Format acts as Extend.
enum Sb : uint8_t {
  sb_none,
  sb_other,
  sb_cr,
  sb_lf,
  sb_sep,
  sb_extend,  // Extend, Format
  sb_sp,
  sb_lower,
  sb_upper,
  sb_oletter,
  sb_numeric,
  sb_aterm,
  sb_scontinue,
  sb_sterm,
  sb_close,
};

// What the tokenizer asks of a code point besides its break classes.
enum CharFlag : uint8_t {
  cf_ext_pict = 1,     // Extended_Pictographic
  cf_needs_icu = 2,    // Extend that ICU's rules also count as Han or ideographic: ICU decides
  cf_regional = 4,     // Regional_Indicator
  cf_emoji = 8,        // Emoji
  cf_folds = 16,       // text::fold changes it
  cf_alpha = 32,       // u_isalpha
  cf_upper = 64,       // u_isupper
  cf_space = 128,      // text::is_space
};

struct CharClass {
  Wb wb = wb_other;
  Sb sb = sb_other;
  uint8_t flags = 0;
  bool sentence_stop = false;  // a paragraph separator or sentence terminator
  bool ideo = false;           // a segment ending in it has rule status 400 (Ideographic, Hiragana, Katakana)
  bool has(CharFlag f) const { return (flags & f) != 0; }
};

Wb word_class(UChar32 c) {
  if (c == '@') return wb_letter;
  const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  // The dictionary sets come first: ICU's letters leave them out, and its
  // Extend leaves out Han.
  if (wb == U_WB_KATAKANA) return wb_katakana;
  if (c >= 0xAC00 && c <= 0xD7A3) return wb_hangul;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA) return wb_kana_kanji;
  switch (wb) {
    case U_WB_CR: return wb_cr;
    case U_WB_LF: return wb_lf;
    case U_WB_NEWLINE: return wb_newline;
    case U_WB_EXTEND:
    case U_WB_FORMAT: return wb_extend;
    case U_WB_ZWJ: return wb_zwj;
    case U_WB_REGIONAL_INDICATOR: return wb_ri;
    case U_WB_ALETTER: return wb_letter;
    case U_WB_HEBREW_LETTER: return wb_hebrew;
    case U_WB_MIDLETTER: return c == ':' || c == 0xFE55 || c == 0xFF1A ? wb_other : wb_mid_letter;
    case U_WB_MIDNUMLET: return wb_mid_num_let;
    case U_WB_SINGLE_QUOTE: return wb_single_quote;
    case U_WB_DOUBLE_QUOTE: return wb_double_quote;
    case U_WB_MIDNUM: return wb_mid_num;
    case U_WB_NUMERIC: return wb_numeric;
    case U_WB_EXTENDNUMLET: return wb_extend_num_let;
    case U_WB_WSEGSPACE: return wb_wseg_space;
    default: break;
  }
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT &&
      u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK) != U_GCB_CONTROL) {
    return wb_letter;
  }
  return wb_other;
}

Sb sentence_class(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_CR: return sb_cr;
    case U_SB_LF: return sb_lf;
    case U_SB_SEP: return sb_sep;
    case U_SB_EXTEND:
    case U_SB_FORMAT: return sb_extend;
    case U_SB_SP: return sb_sp;
    case U_SB_LOWER: return sb_lower;
    case U_SB_UPPER: return sb_upper;
    case U_SB_OLETTER: return sb_oletter;
    case U_SB_NUMERIC: return sb_numeric;
    case U_SB_ATERM: return sb_aterm;
    case U_SB_SCONTINUE: return sb_scontinue;
    case U_SB_STERM: return sb_sterm;
    case U_SB_CLOSE: return sb_close;
    default: return sb_other;
  }
}

// Extend characters that ICU's rules also count as Han or ideographic (three
// in Unicode 15: U+16FE4, U+16FF0, U+16FF1): the tokenizer leaves texts
// with them to ICU rather than model how the rules overlap on them.
bool needs_icu(UChar32 c) {
  const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  if (wb != U_WB_EXTEND && wb != U_WB_FORMAT) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

// Segments ending in these have rule status 400 whatever Extend follows.
bool ideo_status(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || uscript_getScript(c, &status) == USCRIPT_HIRAGANA ||
         u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_KATAKANA;
}

// True if text::fold changes c: full case folding, or a curly apostrophe.
bool folds(UChar32 c) {
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return true;
  UChar one[2], folded[8];
  int32_t length = 0;
  U16_APPEND_UNSAFE(one, length, c);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t folded_length = u_strFoldCase(folded, 8, one, length, U_FOLD_CASE_DEFAULT, &status);
  return U_FAILURE(status) || folded_length != length || !std::equal(one, one + length, folded);
}

CharClass char_class(UChar32 c) {
  CharClass k;
  k.wb = word_class(c);
  k.sb = sentence_class(c);
  k.sentence_stop = k.sb == sb_cr || k.sb == sb_lf || k.sb == sb_sep || k.sb == sb_aterm || k.sb == sb_sterm;
  const auto flag = [&](bool on, CharFlag f) { k.flags = static_cast<uint8_t>(k.flags | (on ? f : 0)); };
  flag(u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC), cf_ext_pict);
  flag(needs_icu(c), cf_needs_icu);
  k.ideo = ideo_status(c);
  flag(u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR), cf_regional);
  flag(u_hasBinaryProperty(c, UCHAR_EMOJI), cf_emoji);
  // Full case folding maps each code point on its own, so a text folds to
  // itself exactly when each of its code points does.
  flag(folds(c), cf_folds);
  flag(u_isalpha(c), cf_alpha);
  flag(u_isupper(c), cf_upper);
  flag(is_space(c), cf_space);
  return k;
}

// Character classes by code point, filled a block of 256 at a time the first
// time a block is seen: a tweet touches few blocks, and each class then costs
// an index instead of four ICU property lookups.
class ClassTable {
 public:
  ClassTable() {
    for (UChar32 c = 0; c < 0x80; ++c) ascii_[static_cast<size_t>(c)] = char_class(c);
  }
  const CharClass& ascii(char16_t c) const { return ascii_[c]; }
  const CharClass& operator[](UChar32 c) {
    if (c < 0x80) return ascii_[static_cast<size_t>(c)];
    auto& block = blocks_[static_cast<size_t>(c) >> 8];
    if (!block) {
      block = std::make_unique<std::array<CharClass, 256>>();
      const UChar32 first = c & ~0xFF;
      for (UChar32 k = 0; k < 256; ++k) (*block)[static_cast<size_t>(k)] = char_class(first + k);
    }
    return (*block)[static_cast<size_t>(c) & 0xFF];
  }

 private:
  std::array<CharClass, 0x80> ascii_;
  std::array<std::unique_ptr<std::array<CharClass, 256>>, 0x1100> blocks_;
};

// The characters the word rules see once Extend, Format and ZWJ are folded
// into the character before them (WB4): all but those, unless they follow a
// line break or the start of the text.
struct WordChar {
  int32_t pos = 0;  // UTF-16 offset
  Wb cls = wb_none;
  bool ext_pict = false;
  bool extended = false;  // Extend, Format or ZWJ folded in after it
  bool ends_zwj = false;  // ... the last of them a ZWJ
  bool space = false;       // its first code point is white space
  bool ends_space = false;  // its last code point (folded in or not) is white space
  bool ideo = false;        // a segment ending in it has rule status 400
};

bool is_line_break(Wb w) { return w == wb_cr || w == wb_lf || w == wb_newline; }
bool is_para_sep(Sb s) { return s == sb_cr || s == sb_lf || s == sb_sep; }
bool is_letter(Wb w) { return w == wb_letter || w == wb_hebrew; }
bool is_alnum(Wb w) { return w == wb_letter || w == wb_hebrew || w == wb_numeric; }
bool is_kana_kanji(Wb w) { return w == wb_katakana || w == wb_kana_kanji; }

// The list starts with two wb_none entries and ends with two at the text's
// end, so that the rules may look two characters either way.
constexpr int32_t kPad = 2;

// UAX #29 word boundaries (WB3 to WB999) with ICU's root tailoring, and
// ICU's rule status per segment: 400 for one ending in an ideograph or kana
// (or kana then "_", or Han chained to the dictionary letter before it),
// 200 ending in a letter (or a letter or "_" then "_", or a Hebrew letter
// then an apostrophe), 100 ending in a digit (or a digit then "_"), else 0
// (also when marks follow a final "_", a Hangul syllable or chained Han).
// Calls emit(start, end, status, space_before) for each segment that does
// not start with white space (those make no token), space_before telling
// whether white space or the start of the text comes right before it
// (`space_before_first` for the first segment).
template <typename Emit>
void word_segments(const WordChar* w, int32_t count, bool space_before_first, Emit emit) {
  const int32_t end = kPad + count;
  int32_t seg_first = kPad;
  auto status = [&](int32_t last) {  // of the segment [seg_first, last]
    const WordChar& c = w[last];
    if (c.ideo) return 400;
    switch (c.cls) {
      case wb_letter:
      case wb_hebrew: return 200;
      case wb_numeric: return 100;
      case wb_hangul: return c.extended ? 0 : 200;
      case wb_kana_kanji: return c.extended || last == seg_first ? 0 : 400;
      case wb_single_quote:  // WB7a
        return !c.extended && last > seg_first && w[last - 1].cls == wb_hebrew ? 200 : 0;
      case wb_extend_num_let:
        if (last == seg_first || c.extended) return 0;
        if (w[last - 1].cls == wb_katakana) return 400;
        return w[last - 1].cls == wb_numeric ? 100 : 200;
      default: return 0;
    }
  };
  auto emit_segment = [&](int32_t last) {  // [seg_first, last]
    if (w[seg_first].space) return;
    emit(w[seg_first].pos, w[last + 1].pos, status(last),
         seg_first == kPad ? space_before_first : w[seg_first - 1].ends_space);
  };
  int32_t ri_run = 0;  // regional indicators in a row before b
  for (int32_t k = kPad + 1; k < end; ++k) {
    // WB5, WB8, WB9, WB10: no break inside a run of letters and digits (most
    // of a text); the sentinel at the end stops the run.
    if (is_alnum(w[k - 1].cls)) {
      while (is_alnum(w[k].cls)) ++k;
      if (k == end) break;
    }
    const WordChar& a = w[k - 1];
    const WordChar& b = w[k];
    ri_run = a.cls == wb_ri ? ri_run + 1 : 0;
    bool keep;
    if (is_line_break(a.cls) || is_line_break(b.cls)) {
      keep = a.cls == wb_cr && b.cls == wb_lf;  // WB3; else WB3a, WB3b
    } else {
      const Wb a2 = w[k - 2].cls, b2 = w[k + 1].cls;
      const bool zwj_before = a.extended ? a.ends_zwj : a.cls == wb_zwj;
      const auto mid_letter = [](Wb x) { return x == wb_mid_letter || x == wb_mid_num_let || x == wb_single_quote; };
      const auto mid_num = [](Wb x) { return x == wb_mid_num || x == wb_mid_num_let || x == wb_single_quote; };
      keep = (zwj_before && b.ext_pict) ||                                                        // WB3c
             (a.cls == wb_wseg_space && !a.extended && b.cls == wb_wseg_space) ||                  // WB3d
             (is_alnum(a.cls) && is_alnum(b.cls)) ||                                               // WB5, WB8-10
             (is_letter(a.cls) && mid_letter(b.cls) && is_letter(b2)) ||                           // WB6
             (is_letter(a2) && mid_letter(a.cls) && is_letter(b.cls)) ||                           // WB7
             (a.cls == wb_hebrew && b.cls == wb_single_quote) ||                                   // WB7a
             (a.cls == wb_hebrew && b.cls == wb_double_quote && b2 == wb_hebrew) ||                // WB7b
             (a2 == wb_hebrew && a.cls == wb_double_quote && b.cls == wb_hebrew) ||                // WB7c
             (a2 == wb_numeric && mid_num(a.cls) && b.cls == wb_numeric) ||                        // WB11
             (a.cls == wb_numeric && mid_num(b.cls) && b2 == wb_numeric) ||                        // WB12
             (a.cls == wb_katakana && b.cls == wb_katakana) ||                                     // WB13
             ((is_alnum(a.cls) || a.cls == wb_katakana || a.cls == wb_extend_num_let) &&
              b.cls == wb_extend_num_let) ||                                                       // WB13a
             (a.cls == wb_extend_num_let && (is_alnum(b.cls) || b.cls == wb_katakana)) ||          // WB13b
             (b.cls == wb_ri && ri_run % 2 == 1) ||                                                // WB15, WB16
             // ICU's dictionary chains, without Extend between: Hangul syllables,
             // and Han, Hiragana and Katakana.
             (a.cls == wb_hangul && !a.extended && b.cls == wb_hangul) ||
             (is_kana_kanji(a.cls) && !a.extended && is_kana_kanji(b.cls));
    }
    if (!keep) {
      emit_segment(k - 1);
      seg_first = k;
    }
  }
  if (count > 0) emit_segment(end - 1);
}

// The kind of a token from ICU's rule status (for a status of 0, emit asks
// the token's first code point).
TokenKind kind_by_status(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
  return TokenKind::punct;
}

std::unique_ptr<icu::BreakIterator> word_iterator() {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it) {
    throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
  }
  return it;
}

// Runs ICU's iterator over `text`, calling visit(start, end, rule status)
// for each segment.
template <typename Visit>
void icu_segments(icu::BreakIterator& it, const std::u16string& text, Visit visit) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it.setText(&ut, status);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    visit(start, end, it.getRuleStatus());
  }
  utext_close(&ut);
  if (U_FAILURE(status)) throw std::runtime_error("ICU break iteration failed");
}

// Full case folding of ASCII is lower-casing.
constexpr std::array<char, 0x80> kAsciiFold = [] {
  std::array<char, 0x80> fold{};
  for (int c = 0; c < 0x80; ++c) fold[static_cast<size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return fold;
}();

// An ASCII character as tokens of ASCII are made from it: two bytes, so that
// the loop over a word's characters indexes the table directly.
struct AsciiChar {
  enum : uint8_t { word_part = 1, upper = 2, lower = 4 };
  char fold = 0;      // kAsciiFold
  uint8_t flags = 0;  // word_part: a letter, digit or "_", which hold together in a word (WB5 to WB13b)
};

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words = word_iterator();
  ClassTable classes;
  // Reused between calls so that a run allocates only for its results.
  std::vector<WordChar> word_chars;
  int32_t word_count = 0;
  std::vector<int32_t> sentence_stops;  // where separators and terminators are, in order
  std::vector<int32_t> sentence_ends;
  size_t used = 0;  // bytes of doc.token_chars taken by tokens so far
  // The word character each ASCII character makes, but for its position.
  std::array<WordChar, 0x80> ascii_word_chars = [this] {
    std::array<WordChar, 0x80> chars;
    for (char16_t c = 0; c < 0x80; ++c) {
      const CharClass& k = classes.ascii(c);
      chars[c] = WordChar{0, k.wb, false, false, false, k.has(cf_space), k.has(cf_space), false};
    }
    return chars;
  }();
  // What a token of ASCII needs of each character.
  std::array<AsciiChar, 0x80> ascii = [this] {
    std::array<AsciiChar, 0x80> chars{};
    const auto bit = [](bool on, uint8_t b) { return static_cast<uint8_t>(on ? b : 0); };
    for (char16_t c = 0; c < 0x80; ++c) {
      const Wb k = ascii_word_chars[c].cls;
      chars[c].fold = kAsciiFold[c];
      chars[c].flags = static_cast<uint8_t>(bit(is_alnum(k) || k == wb_extend_num_let, AsciiChar::word_part) |
                                            bit(c >= 'A' && c <= 'Z', AsciiChar::upper) |
                                            bit(c >= 'a' && c <= 'z', AsciiChar::lower));
    }
    return chars;
  }();
  // The folded_hash of a token of one ASCII character that folds to itself.
  std::array<size_t, 0x80> ascii_hash = [] {
    std::array<size_t, 0x80> hashes{};
    for (char16_t c = 0; c < 0x80; ++c) hashes[c] = text::token_hash({&kAsciiFold[c], 1});
    return hashes;
  }();

  // Fills word_chars with text[from, to), a range that starts where a
  // segment does, and adds its sentence stops; false if the text needs
  // ICU's word break iterator.
  bool read_chars(const std::u16string& text, int32_t from, int32_t to) {
    const auto capacity = static_cast<size_t>(to - from + 2 * kPad);
    if (word_chars.size() < capacity) word_chars.resize(capacity);
    WordChar* w = word_chars.data();
    w[0] = w[1] = WordChar{};
    int32_t wn = kPad;  // next free entry
    uint8_t flags = 0;  // of every non-ASCII character
    const char16_t* p = text.data();
    for (int32_t i = from; i < to;) {
      const char16_t u = p[i];
      if (u < 0x80) {  // never Extend, Format or ZWJ, nor for ICU
        w[wn] = ascii_word_chars[u];
        w[wn++].pos = i;
        if (classes.ascii(u).sentence_stop) sentence_stops.push_back(i);
        ++i;
        continue;
      }
      const int32_t pos = i;
      UChar32 c;
      U16_NEXT(p, i, to, c);
      const CharClass& k = classes[c];
      flags = static_cast<uint8_t>(flags | k.flags);
      if (k.sentence_stop) sentence_stops.push_back(pos);
      WordChar& last = w[wn - 1];
      if ((k.wb == wb_extend || k.wb == wb_zwj) && last.cls != wb_none && !is_line_break(last.cls)) {
        last.extended = true;
        last.ends_zwj = k.wb == wb_zwj;
        last.ends_space = k.has(cf_space);
      } else {
        const bool space = k.has(cf_space);
        w[wn++] = WordChar{pos, k.wb, k.has(cf_ext_pict), false, false, space, space, k.ideo};
      }
    }
    w[wn] = w[wn + 1] = WordChar{to};
    word_count = wn - kPad;
    return (flags & cf_needs_icu) == 0;
  }

  bool scan(Document& doc);
  int32_t island_end(const char16_t* p, int32_t n, int32_t from);
  void find_sentence_ends(const std::u16string& text);

  void start(Document& doc);
  // Where the next `bytes` bytes of token text go.
  char* room(Document& doc, size_t bytes) {
    if (used + bytes > doc.token_chars.size()) grow(doc, used + bytes);
    return doc.token_chars.data() + used;
  }
  void grow(Document& doc, size_t bytes);
  bool space_at(const char16_t* text, int32_t n, int32_t i) {  // the code point ending or starting at i
    const char16_t c = text[i];
    if (c < 0x80) return classes.ascii(c).has(cf_space);
    UChar32 cp;
    U16_GET(text, 0, i, n, cp);
    return classes[cp].has(cf_space);
  }
  void emit(Document& doc, int32_t start, int32_t end, int32_t status, bool space_before);
  void emit_ascii(Document& doc, int32_t start, int32_t end, TokenKind kind, bool space_before);
  // A token of ASCII as it is read: where its next byte goes, the hash of
  // its folded form so far, and the flags of its characters or'ed.
  struct AsciiToken {
    char* out;
    text::TokenHasher hasher;
    uint8_t seen = 0;
  };
  // Adds the ASCII letters, digits and "_" from q on to `token` ("@" is a
  // letter here); returns where they end (at the latest at the text's
  // terminating 0).
  const char16_t* take_word_parts(const char16_t* q, AsciiToken& token) const {
    char* o = token.out;
    text::TokenHasher h = token.hasher;
    uint8_t flags = token.seen;
    for (char16_t c; (c = *q) < 0x80 && (ascii[c].flags & AsciiChar::word_part) != 0; ++q) {  // text[n] is 0
      *o++ = static_cast<char>(c);
      h.add(ascii[c].fold);
      flags |= ascii[c].flags;
    }
    token.out = o;
    token.hasher = h;
    token.seen = flags;
    return q;
  }
  // Writes the folded form of the `length` ASCII bytes at `out` right
  // after them.
  static void fold_ascii(char* out, size_t length) {
    for (size_t i = 0; i < length; ++i) out[length + i] = kAsciiFold[static_cast<unsigned char>(out[i])];
  }
  // Adds the token for [start, end), all ASCII, whose bytes are at `out`
  // with room for as many after them, `hash` the hash
  // of its folded form and `seen` the flags of its characters or'ed. Its folded form is its
  // text unless it has capitals; then a copy goes right after the text.
  void add_ascii(Document& doc, int32_t start, int32_t end, TokenKind kind, bool space_before, char* out,
                 size_t hash, uint8_t seen) {
    const auto length = static_cast<size_t>(end - start);
    const std::string_view text(out, length);
    std::string_view folded = text;
    bool all_caps = false;
    used += length;
    if ((seen & AsciiChar::upper) != 0) {
      fold_ascii(out, length);
      folded = {out + length, length};
      used += length;
      // All capitals: no small letter, two capitals at least (counted only
      // then: most words with capitals have small letters).
      all_caps = kind == TokenKind::word && (seen & AsciiChar::lower) == 0 &&
                 std::count_if(out, out + length, [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2;
    }
    doc.tokens.push_back(Token{start, end, kind, space_before, all_caps, text, folded, hash});
  }
  void build_sentences(Document& doc) const;
};

// Token texts take at most 3 bytes per UTF-16 unit; folded forms that differ
// from their text (capitals) at most 1 more per unit unless folding expands
// non-ASCII letters, when room() makes more.
void Tokenizer::Impl::start(Document& doc) {
  doc.tokens.clear();
  doc.sentences.clear();
  // Grown only: the bytes past `used` are written before they are read.
  const size_t bytes = 4 * doc.text.size() + 16;
  if (doc.token_chars.size() < bytes) doc.token_chars.resize(bytes);
  used = 0;
}

// Makes room for `bytes` bytes of token text in all: the bytes move to a
// larger buffer, and the tokens' views with them.
void Tokenizer::Impl::grow(Document& doc, size_t bytes) {
  std::vector<char>& chars = doc.token_chars;
  std::vector<char> larger(std::max(bytes, 2 * chars.size()));
  std::copy(chars.begin(), chars.begin() + static_cast<std::ptrdiff_t>(used), larger.begin());
  const auto move = [&](std::string_view& v) { v = {larger.data() + (v.data() - chars.data()), v.size()}; };
  for (Token& t : doc.tokens) {
    move(t.text);
    move(t.folded);
  }
  chars = std::move(larger);
}

// Adds the token for word-break segment [start, end), which does not start
// with white space, with ICU rule status `status`. Tokens of ASCII go to
// emit_ascii; others ask the class table, and ICU only when they have
// letters that fold.
void Tokenizer::Impl::emit(Document& doc, int32_t start, int32_t end, int32_t status, bool space_before) {
  const char16_t* text = doc.text.data();
  const auto length = static_cast<size_t>(end - start);
  if (std::all_of(text + start, text + end, [](char16_t c) { return c < 0x80; })) {
    // No ASCII character is Extended_Pictographic or a regional indicator;
    // some ("#", "*", digits) are Emoji.
    TokenKind kind = TokenKind::punct;
    if (status >= UBRK_WORD_NUMBER) {
      kind = kind_by_status(status);
    } else if (length > 1 && classes.ascii(text[start]).has(cf_emoji)) {
      kind = TokenKind::emoji;
    }
    emit_ascii(doc, start, end, kind, space_before);
    return;
  }
  Token& t = doc.tokens.emplace_back();
  t.start = start;
  t.end = end;
  t.space_before = space_before;
  // UTF-8 of every code point, each looked up for its letter case and
  // whether it folds.
  char* out = room(doc, 3 * length);
  size_t bytes = 0;
  int32_t letters = 0;
  bool lower_letter = false, folds = false;
  for (int32_t k = start; k < end;) {
    UChar32 c;
    U16_NEXT(text, k, end, c);
    const CharClass& cls = classes[c];
    if (cls.has(cf_alpha)) {
      ++letters;
      lower_letter = lower_letter || !cls.has(cf_upper);
    }
    folds = folds || cls.has(cf_folds);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // as text::to_utf8 writes a lone surrogate
    U8_APPEND_UNSAFE(out, bytes, c);
  }
  UChar32 first_cp;
  U16_GET(text, start, start, end, first_cp);
  const CharClass& first_class = classes[first_cp];
  if (status >= UBRK_WORD_NUMBER) {
    t.kind = kind_by_status(status);
  } else if (first_class.has(cf_ext_pict) || first_class.has(cf_regional) ||
             (length > 1 && first_class.has(cf_emoji))) {
    t.kind = TokenKind::emoji;
  } else {
    t.kind = TokenKind::punct;
  }
  t.all_caps = t.kind == TokenKind::word && !lower_letter && letters >= 2;
  t.text = {out, bytes};
  used += bytes;
  if (!folds) {
    t.folded = t.text;
  } else {
    const std::string folded_utf8 = text::to_utf8(text::fold(std::u16string_view(text + start, length)));
    char* to = room(doc, folded_utf8.size());
    std::copy(folded_utf8.begin(), folded_utf8.end(), to);
    t.folded = {to, folded_utf8.size()};
    used += folded_utf8.size();
  }
  t.folded_hash = text::token_hash(t.folded);
}

// Adds the token for [start, end), all ASCII: copied, folded, hashed and
// its letters noted in one walk.
void Tokenizer::Impl::emit_ascii(Document& doc, int32_t start, int32_t end, TokenKind kind, bool space_before) {
  const auto length = static_cast<size_t>(end - start);
  char* out = room(doc, 2 * length);
  const char16_t* c = doc.text.data() + start;
  text::TokenHasher hasher;
  uint8_t seen = 0;
  for (size_t i = 0; i < length; ++i) {
    const AsciiChar& a = ascii[c[i]];
    out[i] = static_cast<char>(c[i]);
    hasher.add(a.fold);
    seen |= a.flags;
  }
  add_ascii(doc, start, end, kind, space_before, out, hasher.value(), seen);
}

// Where an island of text for the general path, which has non-ASCII text
// at `from`, may end: at the first ASCII space after `from`, or at the end.
// A word boundary comes before such a space unless white space does (the
// two then hold together, WB3d, but white space makes no token either
// way), and the rules looking past the island's end see a space there or
// nothing, which they treat alike; so the island's tokens are the text's.
int32_t Tokenizer::Impl::island_end(const char16_t* p, int32_t n, int32_t from) {
  for (int32_t e = from + 1; e < n; ++e) {
    if (p[e] == ' ') return e;
  }
  return n;
}

// Fills doc.tokens and sentence_stops. A segment of ASCII characters that
// no non-ASCII character follows closely enough to matter (most of a
// tweet) is found by the rules as they read in ASCII, and made a token
// right away; from a segment that meets non-ASCII text on, the text up to
// island_end goes through read_chars, word_segments and emit. False if the
// text needs ICU's word break iterator.
bool Tokenizer::Impl::scan(Document& doc) {
  const char16_t* p = doc.text.data();
  const auto n = static_cast<int32_t>(doc.text.size());
  sentence_stops.clear();
  const auto wb = [&](char16_t c) { return ascii_word_chars[c].cls; };  // c < 0x80
  const auto stop = [&](int32_t i) {
    if (classes.ascii(p[i]).sentence_stop) sentence_stops.push_back(i);
  };
  // After a token, one space and then ASCII but another space (the most
  // common case) is passed over here rather than made a segment of its own:
  // no token, no sentence stop, and (ASCII next) no island.
  const auto past_one_space = [&](int32_t j) {
    return p[j] == ' ' && p[j + 1] < 0x80 && p[j + 1] != ' ' ? j + 1 : j;  // text[n] is 0
  };
  bool space_before = true;  // white space or the start of the text before i
  int32_t i = 0;
  while (i < n) {
    const int32_t s = i;  // where a segment starts
    int32_t j = s + 1;    // where it ends, once found
    int32_t non_ascii = s;  // ... or where non-ASCII text makes it an island
    bool island = p[s] >= 0x80;
    if (!island) {
      const Wb k = wb(p[s]);
      if ((ascii[p[s]].flags & AsciiChar::word_part) != 0) {
        // WB5 to WB13b: letters, digits and "_" hold together, and a
        // letter (digit) keeps a "." or "'" (also "," ";") that a letter
        // (digit) follows. The token is made as it is read: its bytes
        // copied and its folded form hashed in the same walk.
        char* out = room(doc, 2 * static_cast<size_t>(n - s));
        AsciiToken token{out, {}};
        j = s;
        for (;;) {
          j = static_cast<int32_t>(take_word_parts(p + j, token) - p);
          const char16_t c = p[j];
          if (j == n) break;
          if (c >= 0x80) {
            island = true;
            non_ascii = j;
            break;
          }
          const Wb mid = wb(c);
          const bool mid_num_let = mid == wb_mid_num_let || mid == wb_single_quote;
          if (!mid_num_let && mid != wb_mid_num) break;
          if (j + 1 < n && p[j + 1] >= 0x80) {  // a letter or Extend after the "."?
            island = true;
            non_ascii = j + 1;
            break;
          }
          const Wb before = wb(p[j - 1]), after = j + 1 < n ? wb(p[j + 1]) : wb_none;
          if ((before == wb_letter && mid_num_let && after == wb_letter) ||
              (before == wb_numeric && (mid_num_let || mid == wb_mid_num) && after == wb_numeric)) {
            stop(j);
            *token.out++ = static_cast<char>(c);  // no capital: folds to itself
            token.hasher.add(static_cast<char>(c));
            ++j;  // the letter or digit after it comes next
            continue;
          }
          break;
        }
        if (!island) {
          const Wb last = wb(p[j - 1]);
          TokenKind kind = last == wb_letter ? TokenKind::word : TokenKind::number;
          if (last == wb_extend_num_let) {  // WB13a: "_" after a digit, a letter or "_"; alone no word
            kind = j - 1 == s ? TokenKind::punct : wb(p[j - 2]) == wb_numeric ? TokenKind::number : TokenKind::word;
          }
          add_ascii(doc, s, j, kind, space_before, out, token.hasher.value(), token.seen);
          const int32_t next = past_one_space(j);
          space_before = next != j;
          j = next;
        }
      } else if (is_line_break(k)) {  // WB3 to WB3b: a segment of its own, CR LF one
        stop(s);
        if (p[s] == '\r' && j < n && p[j] == '\n') stop(j++);
        space_before = true;
      } else {
        // White space, punctuation or a symbol: a segment of one character
        // (WB999; spaces in a row one, WB3d) unless Extend follows (WB4).
        if (k == wb_wseg_space) {
          while (p[j] == ' ') ++j;  // text[n] is 0
        }
        if (j < n && p[j] >= 0x80) {
          island = true;
          non_ascii = j;
        } else if (classes.ascii(p[s]).has(cf_space)) {
          space_before = true;
        } else {
          // One character (only " " is WSegSpace in ASCII), which folds to
          // itself: its hash is known.
          stop(s);
          char* out = room(doc, 1);
          *out = static_cast<char>(p[s]);
          ++used;
          const std::string_view one(out, 1);
          doc.tokens.push_back(Token{s, j, TokenKind::punct, space_before, false, one, one, ascii_hash[p[s]]});
          const int32_t next = past_one_space(j);
          space_before = next != j;
          j = next;
        }
      }
    }
    if (island) {
      // read_chars notes this segment's stops again.
      while (!sentence_stops.empty() && sentence_stops.back() >= s) sentence_stops.pop_back();
      j = island_end(p, n, non_ascii);
      if (!read_chars(doc.text, s, j)) return false;
      word_segments(word_chars.data(), word_count, space_before,
                    [&](int32_t start, int32_t end, int32_t status, bool space) {
                      emit(doc, start, end, status, space);
                    });
      space_before = true;  // a space (or the end) comes next
    }
    i = j;
  }
  return true;
}

// UAX #29 sentence boundaries (SB3 to SB998), as ICU's root rules give
// them, into `sentence_ends`. Read from the text: SB5 folds Extend and
// Format into the character before them, and as none of those is a
// separator or terminator, the rules only ever look past them.
void Tokenizer::Impl::find_sentence_ends(const std::u16string& text) {
  sentence_ends.clear();
  const auto n = static_cast<int32_t>(text.size());
  const char16_t* p = text.data();
  const auto class_at = [&](int32_t i) {  // of the code point at i < n
    if (p[i] < 0x80) return classes.ascii(p[i]).sb;
    UChar32 c;
    U16_GET(p, 0, i, n, c);
    return classes[c].sb;
  };
  const auto after = [&](int32_t i) {  // where the code point at i < n ends
    U16_FWD_1(p, i, n);
    return i;
  };
  // The class of the first code point at or after i that is not Extend or
  // Format, which i is moved to (sb_none at the end).
  const auto folded_at = [&](int32_t& i) {
    for (; i < n; i = after(i)) {
      const Sb c = class_at(i);
      if (c != sb_extend) return c;
    }
    return sb_none;
  };
  // The class of the character before the one at i, Extend and Format
  // folded in (sb_none at the start).
  const auto folded_before = [&](int32_t i) {
    while (i > 0) {
      U16_BACK_1(p, 0, i);
      const Sb c = class_at(i);
      if (c != sb_extend) return c;
    }
    return sb_none;
  };
  int32_t k = 0;
  // Only separators and terminators start a rule: the loop visits those
  // (read_chars noted where they are) past where the last rule looked.
  for (const int32_t stop : sentence_stops) {
    if (stop < k) continue;
    k = stop;
    const Sb c = class_at(k);
    if (is_para_sep(c)) {  // SB3, SB4: a break after CR LF, LF, CR or Sep
      int32_t next = after(k);
      if (c == sb_cr && next < n && p[next] == '\n') ++next;
      if (next < n) sentence_ends.push_back(next);
      k = next;
      continue;
    }
    if (c != sb_aterm && c != sb_sterm) {
      k = after(k);
      continue;
    }
    int32_t j = after(k);
    Sb next = folded_at(j);
    if (c == sb_aterm && (next == sb_numeric ||  // SB6
                          (next == sb_upper && (folded_before(k) == sb_upper || folded_before(k) == sb_lower)))) {  // SB7
      k = j;
      continue;
    }
    while (next == sb_close) next = folded_at(j = after(j));  // SB9
    while (next == sb_sp) next = folded_at(j = after(j));     // SB10
    if (j >= n || is_para_sep(next)) {  // SB11 after the separator, handled above
      k = j;
      continue;
    }
    bool keep = next == sb_scontinue || next == sb_aterm || next == sb_sterm;  // SB8a
    if (!keep && c == sb_aterm) {  // SB8: ATerm Close* Sp* × (not a letter or terminator)* Lower
      int32_t m = j;
      Sb x = next;
      while (m < n && !(x == sb_oletter || x == sb_upper || x == sb_lower || is_para_sep(x) || x == sb_aterm ||
                        x == sb_sterm)) {
        x = folded_at(m = after(m));
      }
      keep = x == sb_lower;
    }
    if (!keep) sentence_ends.push_back(j);  // SB11
    k = j;
  }
  sentence_ends.push_back(n);
}

// Sentences from `sentence_ends`, with the tokens they hold.
void Tokenizer::Impl::build_sentences(Document& doc) const {
  const std::u16string& text = doc.text;
  const auto n = static_cast<int32_t>(text.size());
  const size_t tokens = doc.tokens.size();
  // Sentences follow one another, and white space between them holds no
  // token: a sentence's tokens start where the last one's end.
  size_t token = 0;
  int32_t start = 0;
  for (const int32_t end : sentence_ends) {
    int32_t trimmed = end;
    while (trimmed > start && is_space(text[static_cast<size_t>(trimmed - 1)])) --trimmed;
    if (trimmed > start) {
      Sentence s;
      s.start = start;
      s.end = trimmed;
      s.first_token = token;
      if (end == n) {  // the last sentence: all the tokens left
        token = tokens;
      } else {
        while (token < tokens && doc.tokens[token].start < end) ++token;
      }
      s.last_token = token;
      doc.sentences.push_back(s);
    }
    start = end;
  }
}

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

void Tokenizer::run(Document& doc) {
  Impl& m = *impl_;
  m.start(doc);
  doc.tokens.reserve(doc.text.size());  // at most a token a UTF-16 unit
  if (!m.scan(doc)) {
    m.start(doc);
    m.sentence_stops.clear();
    m.read_chars(doc.text, 0, static_cast<int32_t>(doc.text.size()));
    const char16_t* text = doc.text.data();
    const auto n = static_cast<int32_t>(doc.text.size());
    icu_segments(*m.words, doc.text, [&](int32_t start, int32_t end, int32_t status) {
      if (!m.space_at(text, n, start)) m.emit(doc, start, end, status, start == 0 || m.space_at(text, n, start - 1));
    });
  }
  m.find_sentence_ends(doc.text);
  m.build_sentences(doc);
}


}  // namespace chime
