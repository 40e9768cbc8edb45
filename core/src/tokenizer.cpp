#include "tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <array>
#include <stdexcept>

#include "icu/icu_data.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

using text::is_space;

// Word_Break classes as ICU 72's root word rules (word.txt) use them once
// the text holds no dictionary-script or Hebrew letters: '@' is a letter,
// ':' (and its wide forms) not a MidLetter, Single_Quote acts as MidNumLet,
// Format as Extend, Double_Quote as any other character.
enum Wb : uint8_t {
  wb_none,  // before the start or after the end of the text
  wb_other,
  wb_cr,
  wb_lf,
  wb_newline,
  wb_extend,  // Extend, Format
  wb_zwj,
  wb_ri,
  wb_letter,
  wb_mid_letter,
  wb_mid_num_let,
  wb_mid_num,
  wb_numeric,
  wb_extend_num_let,
  wb_wseg_space,
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

struct CharClass {
  Wb wb = wb_other;
  Sb sb = sb_other;
  bool ext_pict = false;    // Extended_Pictographic
  bool needs_icu = false;   // dictionary scripts, Hebrew letters, Katakana: ICU's own code paths
};

Wb word_class(UChar32 c) {
  if (c == '@') return wb_letter;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_CR: return wb_cr;
    case U_WB_LF: return wb_lf;
    case U_WB_NEWLINE: return wb_newline;
    case U_WB_EXTEND:
    case U_WB_FORMAT: return wb_extend;
    case U_WB_ZWJ: return wb_zwj;
    case U_WB_REGIONAL_INDICATOR: return wb_ri;
    case U_WB_ALETTER: return wb_letter;
    case U_WB_MIDLETTER: return c == ':' || c == 0xFE55 || c == 0xFF1A ? wb_other : wb_mid_letter;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE: return wb_mid_num_let;
    case U_WB_MIDNUM: return wb_mid_num;
    case U_WB_NUMERIC: return wb_numeric;
    case U_WB_EXTENDNUMLET: return wb_extend_num_let;
    case U_WB_WSEGSPACE: return wb_wseg_space;
    default: return wb_other;
  }
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

bool needs_icu(UChar32 c) {
  const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  if (wb == U_WB_HEBREW_LETTER || wb == U_WB_KATAKANA) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || (c >= 0xAC00 && c <= 0xD7A3) ||
         u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
}

CharClass char_class(UChar32 c) {
  CharClass k;
  k.wb = word_class(c);
  k.sb = sentence_class(c);
  k.ext_pict = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
  k.needs_icu = needs_icu(c);
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
};

// The same for the sentence rules (SB5: Extend and Format).
struct SentenceChar {
  int32_t pos = 0;
  Sb cls = sb_none;
};

// A word-break segment and ICU's rule status for it.
struct Segment {
  int32_t start;
  int32_t end;
  int32_t status;
};

bool is_line_break(Wb w) { return w == wb_cr || w == wb_lf || w == wb_newline; }
bool is_para_sep(Sb s) { return s == sb_cr || s == sb_lf || s == sb_sep; }
bool is_alnum(Wb w) { return w == wb_letter || w == wb_numeric; }

// Both lists start with two wb_none / sb_none entries and end with two at
// the text's end, so that the rules may look two characters either way.
constexpr int32_t kPad = 2;

// UAX #29 word boundaries (WB3 to WB999) with ICU's root tailoring, and
// ICU's rule status per segment: 200 for a segment ending in a letter (or
// a letter or "_" then "_"), 100 ending in a digit (or a digit then "_"),
// else 0 (also when marks follow a final "_").
void word_segments(const WordChar* w, int32_t count, std::vector<Segment>& out) {
  out.clear();
  const int32_t end = kPad + count;
  int32_t seg_first = kPad;
  auto status = [&](int32_t last) {  // of the segment [seg_first, last]
    switch (w[last].cls) {
      case wb_letter: return 200;
      case wb_numeric: return 100;
      case wb_extend_num_let:
        if (last == seg_first || w[last].extended) return 0;
        return w[last - 1].cls == wb_numeric ? 100 : 200;
      default: return 0;
    }
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
      const bool mid_letter = b.cls == wb_mid_letter || b.cls == wb_mid_num_let;
      const bool mid_num = b.cls == wb_mid_num || b.cls == wb_mid_num_let;
      keep = (zwj_before && b.ext_pict) ||                                                        // WB3c
             (a.cls == wb_wseg_space && !a.extended && b.cls == wb_wseg_space) ||                  // WB3d
             (a.cls == wb_letter && mid_letter && b2 == wb_letter) ||                              // WB6
             (a2 == wb_letter && (a.cls == wb_mid_letter || a.cls == wb_mid_num_let) && b.cls == wb_letter) ||  // WB7
             (a2 == wb_numeric && (a.cls == wb_mid_num || a.cls == wb_mid_num_let) && b.cls == wb_numeric) ||  // WB11
             (a.cls == wb_numeric && mid_num && b2 == wb_numeric) ||                               // WB12
             ((is_alnum(a.cls) || a.cls == wb_extend_num_let) && b.cls == wb_extend_num_let) ||    // WB13a
             (a.cls == wb_extend_num_let && is_alnum(b.cls)) ||                                    // WB13b
             (b.cls == wb_ri && ri_run % 2 == 1);                                                  // WB15, WB16
    }
    if (!keep) {
      out.push_back({w[seg_first].pos, b.pos, status(k - 1)});
      seg_first = k;
    }
  }
  if (count > 0) out.push_back({w[seg_first].pos, w[end].pos, status(end - 1)});
}

// UAX #29 sentence boundaries (SB3 to SB998), as ICU's root rules give
// them; `out` gets each sentence's end.
void sentence_ends(const SentenceChar* s, int32_t count, std::vector<int32_t>& out) {
  out.clear();
  const int32_t end = kPad + count;
  int32_t k = kPad;
  while (k < end) {
    const Sb c = s[k].cls;
    if (is_para_sep(c)) {  // SB3, SB4: a break after CR LF, LF, CR or Sep
      int32_t next = k + 1;
      if (c == sb_cr && s[next].cls == sb_lf) ++next;
      if (next < end) out.push_back(s[next].pos);
      k = next;
      continue;
    }
    if (c != sb_aterm && c != sb_sterm) {
      ++k;
      continue;
    }
    int32_t j = k + 1;
    if (c == sb_aterm && (s[j].cls == sb_numeric ||                                                        // SB6
                          ((s[k - 1].cls == sb_upper || s[k - 1].cls == sb_lower) && s[j].cls == sb_upper))) {  // SB7
      k = j;
      continue;
    }
    while (s[j].cls == sb_close) ++j;  // SB9
    while (s[j].cls == sb_sp) ++j;     // SB10
    if (j >= end || is_para_sep(s[j].cls)) {  // SB11 after the separator, handled above
      k = j;
      continue;
    }
    bool keep = s[j].cls == sb_scontinue || s[j].cls == sb_aterm || s[j].cls == sb_sterm;  // SB8a
    if (!keep && c == sb_aterm) {  // SB8: ATerm Close* Sp* × (not a letter or terminator)* Lower
      int32_t m = j;
      while (m < end) {
        const Sb x = s[m].cls;
        if (x == sb_oletter || x == sb_upper || x == sb_lower || is_para_sep(x) || x == sb_aterm || x == sb_sterm) break;
        ++m;
      }
      keep = s[m].cls == sb_lower;
    }
    if (!keep) out.push_back(s[j].pos);  // SB11
    k = j;
  }
  out.push_back(s[end].pos);
}

TokenKind classify(std::u16string_view piece, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
  // One ASCII character: no ASCII character is Extended_Pictographic or a
  // regional indicator, and the Emoji test needs two units.
  if (piece.size() == 1 && piece[0] < 0x80) return TokenKind::punct;
  UChar32 c;
  U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), c);
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
      u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
      (piece.size() > 1 && u_hasBinaryProperty(c, UCHAR_EMOJI))) {
    return TokenKind::emoji;
  }
  return TokenKind::punct;
}

bool all_caps(std::u16string_view piece) {
  int32_t letters = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(piece.size());) {
    UChar32 c;
    U16_NEXT(piece.data(), i, static_cast<int32_t>(piece.size()), c);
    if (text::is_alpha(c)) {
      if (!text::is_upper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

std::unique_ptr<icu::BreakIterator> make(bool words) {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale root = icu::Locale::getRoot();
  std::unique_ptr<icu::BreakIterator> it(words ? icu::BreakIterator::createWordInstance(root, status)
                                               : icu::BreakIterator::createSentenceInstance(root, status));
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

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words = make(true);
  std::unique_ptr<icu::BreakIterator> sentences = make(false);
  ClassTable classes;
  // Reused between calls so that a run allocates only for its results.
  std::vector<WordChar> word_chars;
  std::vector<SentenceChar> sentence_chars;
  int32_t word_count = 0, sentence_count = 0;
  std::vector<Segment> segments;
  std::vector<int32_t> sentence_ends;

  // Fills word_chars and sentence_chars; false if the text needs ICU's word
  // break iterator.
  bool read_chars(const std::u16string& text) {
    const auto n = static_cast<int32_t>(text.size());
    const auto capacity = static_cast<size_t>(n + 2 * kPad);
    if (word_chars.size() < capacity) {
      word_chars.resize(capacity);
      sentence_chars.resize(capacity);
    }
    WordChar* w = word_chars.data();
    SentenceChar* s = sentence_chars.data();
    w[0] = w[1] = WordChar{};
    s[0] = s[1] = SentenceChar{};
    int32_t wn = kPad, sn = kPad;  // next free entries
    bool fast = true;
    for (int32_t i = 0; i < n;) {
      const int32_t pos = i;
      UChar32 c = text[static_cast<size_t>(i)];
      if (c < 0x80) {
        ++i;
      } else {
        U16_NEXT(text.data(), i, n, c);
      }
      const CharClass& k = classes[c];
      fast = fast && !k.needs_icu;
      WordChar& last_word = w[wn - 1];
      if ((k.wb == wb_extend || k.wb == wb_zwj) && last_word.cls != wb_none && !is_line_break(last_word.cls)) {
        last_word.extended = true;
        last_word.ends_zwj = k.wb == wb_zwj;
      } else {
        w[wn++] = WordChar{pos, k.wb, k.ext_pict, false, false};
      }
      const Sb last_sentence = s[sn - 1].cls;
      if (!(k.sb == sb_extend && last_sentence != sb_none && !is_para_sep(last_sentence))) {
        s[sn++] = SentenceChar{pos, k.sb};
      }
    }
    w[wn] = w[wn + 1] = WordChar{n};
    s[sn] = s[sn + 1] = SentenceChar{n};
    word_count = wn - kPad;
    sentence_count = sn - kPad;
    return fast;
  }

  void icu_words(const std::u16string& text) {
    segments.clear();
    icu_segments(*words, text, [&](int32_t s, int32_t e, int32_t status) { segments.push_back({s, e, status}); });
  }
  void icu_sentences(const std::u16string& text) {
    sentence_ends.clear();
    icu_segments(*sentences, text, [&](int32_t, int32_t e, int32_t) { sentence_ends.push_back(e); });
  }

  void build(Document& doc) const;
};

// Tokens from `segments`, sentences from `sentence_ends`.
void Tokenizer::Impl::build(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  const std::u16string& text = doc.text;
  const auto n = static_cast<int32_t>(text.size());
  doc.tokens.reserve(segments.size());
  for (const Segment& seg : segments) {
    const int32_t start = seg.start, end = seg.end;
    std::u16string_view piece(text.data() + start, static_cast<size_t>(end - start));
    UChar32 first;
    U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), first);
    if (is_space(first)) continue;
    Token& t = doc.tokens.emplace_back();
    t.start = start;
    t.end = end;
    t.kind = classify(piece, seg.status);
    UChar32 prev = 0;
    if (start > 0) U16_GET(text.data(), 0, start - 1, n, prev);
    t.space_before = start == 0 || is_space(prev);
    // Most tokens are short and ASCII: copied, lower-cased (ASCII's full
    // case folding), hashed and their capitals counted in one walk, without
    // ICU.
    char raw[32], folded[32];
    size_t length = 0;
    int32_t upper = 0, lower = 0;
    text::TokenHasher hasher;
    for (; length < piece.size() && length < sizeof raw && piece[length] < 0x80; ++length) {
      const char c = static_cast<char>(piece[length]);
      const bool is_upper = c >= 'A' && c <= 'Z';
      upper += is_upper ? 1 : 0;
      lower += c >= 'a' && c <= 'z' ? 1 : 0;
      raw[length] = c;
      folded[length] = is_upper ? static_cast<char>(c - 'A' + 'a') : c;
      hasher.add(folded[length]);
    }
    if (length == piece.size()) {
      t.all_caps = t.kind == TokenKind::word && lower == 0 && upper >= 2;
      // The token's strings are new and empty: append skips assign's
      // aliasing checks.
      t.text.append(raw, length);
      t.folded.append(folded, length);
      t.folded_hash = hasher.value();
    } else {
      t.all_caps = t.kind == TokenKind::word && all_caps(piece);
      t.text = text::to_utf8(piece);
      // Most such tokens (emoji, dashes, double quotes) fold to themselves:
      // then their UTF-8 is already made.
      const std::u16string folded_piece = text::fold(piece);
      t.folded = folded_piece == piece ? t.text : text::to_utf8(folded_piece);
      t.folded_hash = text::token_hash(t.folded);
    }
  }

  size_t token = 0;
  int32_t start = 0;
  for (const int32_t end : sentence_ends) {
    int32_t trimmed = end;
    while (trimmed > start && is_space(text[static_cast<size_t>(trimmed - 1)])) --trimmed;
    if (trimmed > start) {
      Sentence s;
      s.start = start;
      s.end = trimmed;
      while (token < doc.tokens.size() && doc.tokens[token].start < start) ++token;
      s.first_token = token;
      while (token < doc.tokens.size() && doc.tokens[token].start < end) ++token;
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
  if (m.read_chars(doc.text)) {
    word_segments(m.word_chars.data(), m.word_count, m.segments);
  } else {
    m.icu_words(doc.text);
  }
  sentence_ends(m.sentence_chars.data(), m.sentence_count, m.sentence_ends);
  m.build(doc);
}

void Tokenizer::run_with_icu(Document& doc) {
  impl_->icu_words(doc.text);
  impl_->icu_sentences(doc.text);
  impl_->build(doc);
}

}  // namespace chime
