// Tokenizer::run segments most text with Chime's own rendering of ICU's word
// and sentence rules; it must give exactly the tokens and sentences of ICU's
// break iterators (icu_reference below) on any text.
#include <doctest/doctest.h>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "examples.hpp"
#include "icu/icu_data.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

using namespace chime;

namespace {

// ---- The reference: tokens and sentences straight from ICU's iterators.

// The ends of ICU's segments of `text` with their rule status.
std::vector<std::pair<int32_t, int32_t>> icu_segments(const std::u16string& text, bool words) {
  icu_data::ensure_registered();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale root = icu::Locale::getRoot();
  std::unique_ptr<icu::BreakIterator> it(words ? icu::BreakIterator::createWordInstance(root, status)
                                               : icu::BreakIterator::createSentenceInstance(root, status));
  REQUIRE(U_SUCCESS(status));
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  std::vector<std::pair<int32_t, int32_t>> ends;
  it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    ends.emplace_back(end, it->getRuleStatus());
  }
  utext_close(&ut);
  REQUIRE(U_SUCCESS(status));
  return ends;
}

TokenKind kind_of(std::u16string_view piece, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return TokenKind::ideo;
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::word;
  if (rule_status >= UBRK_WORD_NUMBER) return TokenKind::punct;
  UChar32 c;
  U16_GET(piece.data(), 0, 0, static_cast<int32_t>(piece.size()), c);
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
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
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool space_at(const std::u16string& text, int32_t i) {  // the code point starting at i
  UChar32 c;
  U16_GET(text.data(), 0, i, static_cast<int32_t>(text.size()), c);
  return text::is_space(c);
}

// A segment that does not start with white space is a token; a sentence is
// ICU's, without its trailing white space, with the tokens in it.
void icu_reference(Document& doc) {
  const std::u16string& text = doc.text;
  const auto n = static_cast<int32_t>(text.size());
  std::string chars;  // every token's text, then its folded form
  struct Piece { int32_t start, end, status; size_t at, text_size, folded_size; };
  std::vector<Piece> pieces;
  int32_t start = 0;
  for (const auto& [end, status] : icu_segments(text, true)) {
    if (!space_at(text, start)) {
      const std::u16string_view piece(text.data() + start, static_cast<size_t>(end - start));
      const std::string utf8 = text::to_utf8(piece), folded = text::to_utf8(text::fold(piece));
      pieces.push_back({start, end, status, chars.size(), utf8.size(), folded.size()});
      chars += utf8 + folded;
    }
    start = end;
  }
  doc.token_chars.assign(chars.begin(), chars.end());
  const char* base = doc.token_chars.data();
  for (const Piece& p : pieces) {
    const std::u16string_view piece(text.data() + p.start, static_cast<size_t>(p.end - p.start));
    Token& t = doc.tokens.emplace_back();
    t.start = p.start;
    t.end = p.end;
    t.kind = kind_of(piece, p.status);
    UChar32 before = 0;
    if (p.start > 0) U16_GET(text.data(), 0, p.start - 1, n, before);
    t.space_before = p.start == 0 || text::is_space(before);
    t.all_caps = t.kind == TokenKind::word && all_caps(piece);
    t.text = {base + p.at, p.text_size};
    t.folded = {base + p.at + p.text_size, p.folded_size};
    t.folded_hash = text::token_hash(t.folded);
  }
  start = 0;
  size_t token = 0;
  for (const auto& [end, status] : icu_segments(text, false)) {
    int32_t trimmed = end;
    while (trimmed > start && text::is_space(text[static_cast<size_t>(trimmed - 1)])) --trimmed;
    if (trimmed > start) {
      const size_t first = token;
      while (token < doc.tokens.size() && doc.tokens[token].start < end) ++token;
      doc.sentences.push_back({start, trimmed, first, token});
    }
    start = end;
  }
}

// Compares both paths on `text`; returns false (and says why) on the first
// difference.
bool same_as_icu(Tokenizer& tokenizer, const std::u16string& text) {
  Document fast, icu;
  fast.text = icu.text = text;
  tokenizer.run(fast);
  icu_reference(icu);
  const std::string where = text::to_utf8(text.substr(0, 200));
  if (fast.tokens.size() != icu.tokens.size()) {
    MESSAGE("token count ", fast.tokens.size(), " vs ICU ", icu.tokens.size(), " in: ", where);
    return false;
  }
  for (size_t i = 0; i < fast.tokens.size(); ++i) {
    const Token& a = fast.tokens[i];
    const Token& b = icu.tokens[i];
    if (a.start != b.start || a.end != b.end || a.kind != b.kind || a.space_before != b.space_before ||
        a.all_caps != b.all_caps || a.text != b.text || a.folded != b.folded || a.folded_hash != b.folded_hash) {
      MESSAGE("token ", i, " '", a.text, "' kind ", static_cast<int>(a.kind), " vs ICU '", b.text, "' kind ",
              static_cast<int>(b.kind), " in: ", where);
      return false;
    }
    // The tokenizer hashes short ASCII tokens while folding them: the same
    // value as hashing the folded text whole (as phrase lists do).
    if (a.folded_hash != text::token_hash(a.folded)) {
      MESSAGE("token ", i, " '", a.text, "' hashed unlike text::token_hash in: ", where);
      return false;
    }
  }
  if (fast.sentences.size() != icu.sentences.size()) {
    MESSAGE("sentence count ", fast.sentences.size(), " vs ICU ", icu.sentences.size(), " in: ", where);
    return false;
  }
  for (size_t i = 0; i < fast.sentences.size(); ++i) {
    const Sentence& a = fast.sentences[i];
    const Sentence& b = icu.sentences[i];
    if (a.start != b.start || a.end != b.end || a.first_token != b.first_token || a.last_token != b.last_token) {
      MESSAGE("sentence ", i, " [", a.start, ",", a.end, ") vs ICU [", b.start, ",", b.end, ") in: ", where);
      return false;
    }
  }
  return true;
}

std::u16string utf16(const std::string& utf8) {
  int32_t replaced = 0;
  return text::decode_utf8(utf8, replaced);
}

int32_t check_lines(Tokenizer& tokenizer, const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  int32_t failures = 0;
  while (std::getline(in, line)) {
    if (!same_as_icu(tokenizer, utf16(line)) && ++failures > 5) break;
  }
  return failures;
}

void append(std::u16string& s, char32_t c) {
  if (c <= 0xFFFF) {
    s.push_back(static_cast<char16_t>(c));
  } else {
    s.push_back(static_cast<char16_t>(U16_LEAD(c)));
    s.push_back(static_cast<char16_t>(U16_TRAIL(c)));
  }
}

// How many of 100,000 random strings of 1 to max_length characters from
// `alphabet` the tokenizer splits unlike ICU (it stops counting at 5).
int32_t random_strings_failing(const std::vector<char32_t>& alphabet, size_t max_length, unsigned seed) {
  Tokenizer tokenizer;
  std::mt19937 random(seed);
  int32_t failures = 0;
  for (int32_t round = 0; round < 100000 && failures < 5; ++round) {
    std::u16string s;
    const auto length = 1 + random() % max_length;
    for (size_t i = 0; i < length; ++i) append(s, alphabet[random() % alphabet.size()]);
    if (!same_as_icu(tokenizer, s)) ++failures;
  }
  return failures;
}

}  // namespace

TEST_CASE("tokenizer fast path: example texts, parity corpus and review sentences") {
  Tokenizer tokenizer;
  int32_t failures = 0;
  for (const auto& e : testing::load_examples()) {
    if (!same_as_icu(tokenizer, utf16(e.text))) ++failures;
  }
  CHECK(failures == 0);
  const std::filesystem::path source(CHIME_SOURCE_DIR), data_dir(CHIME_TEST_DATA_DIR);
  CHECK(check_lines(tokenizer, source / "tests" / "parity" / "corpus.txt") == 0);
  for (const char* name : {"amazonReviewSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
                           "emoji_utf8_lexicon.txt"}) {
    const auto path = data_dir / "vader" / name;
    if (std::filesystem::exists(path)) CHECK(check_lines(tokenizer, path) == 0);
  }
}

TEST_CASE("tokenizer fast path: random strings from a nasty alphabet") {
  // Every ASCII class the rules tell apart, and non-ASCII letters, marks,
  // emoji pieces, quotes, spaces and terminators.
  std::vector<char32_t> alphabet;
  for (char32_t c = 1; c < 0x80; ++c) alphabet.push_back(c);
  for (char32_t c : {U'é', U'É', U'ß', U'ñ', U'¿', U'¡', U'ا', U'ل', U'٣', U'Ж', U'ж', U'\u0301', U'\u200D', U'\uFE0F',
                     U'\u20E3', U'\u00AD', U'\u200B', U'\u00A0', U'\u2028', U'\u2029', U'\u0085', U'\u3000',
                     U'\u2019', U'\u2018', U'\u201C', U'\u201D', U'\u02BC', U'\u2024', U'\uFE55', U'\uFF1A',
                     U'\uFF0E', U'\u3002', U'\u2026', U'\u00B7', U'\u0387', U'\u066B', U'\u066C', U'\u203F',
                     U'\u2060', U'\uFEFF', U'\u2764', U'\u2695', U'\u24C2', U'\u00A9', U'\U0001F600',
                     U'\U0001F469', U'\U0001F3FE', U'\U0001F1FA', U'\U0001F1F8', U'\U0001F44D', U'\u0660',
                     U'\uFF11', U'\u2070', U'\u00B2', U'\u0E01', U'\u4E00', U'\u3042', U'\u30A2', U'\uAC00',
                     U'\u05D0', U'\u05F3', U'\u05F4', U'\u1100', U'\u0300', U'\u0964'}) {
    alphabet.push_back(c);
  }
  // The common ones again, so that they meet each other often.
  for (char32_t c : U"aaaZZ1 9.,;:'_-  \n\r!?\"()#@") alphabet.push_back(c);
  CHECK(random_strings_failing(alphabet, 20, 12345) == 0);
}

TEST_CASE("tokenizer fast path: random strings of dictionary scripts, Hebrew and what meets them") {
  // ICU's rules chain Han, Hiragana, Katakana and Hangul syllables for a
  // dictionary Chime's data leaves out, and treat Hebrew letters, quotes,
  // Thai and ideographs apart: those, with marks, joiners, "_" and the
  // common ASCII classes, in short random strings.
  const std::vector<char32_t> alphabet = {
      U'\u4E00', U'\u4E8C', U'\u3042', U'\u3044', U'\u30A2', U'\u30A4', U'\u30FC', U'\u3005', U'\u3006',
      U'\u3007', U'\u2E80', U'\u2F00', U'\U00017000', U'\U00020000', U'\uFF71', U'\uFF9E', U'\u3099', U'\u309D',
      U'\U0001F200', U'\u31F0', U'\uAC00', U'\uAC01', U'\uD7A3', U'\u1100', U'\u3131', U'\u05D0', U'\u05D1',
      U'\u05F3', U'\u05F4', U'\uFB1D', U'\u0E01', U'\u0E31', U'\u0E50', U'\u0E81', U'\u1000', U'\u1039',
      U'\u1780', U'\u0301', U'\u200D', U'\u00AD', U'\uFE0F', U'\U0001F600', U'\u3000', U'\u3001', U'\u3002',
      U'\uFF0C', U'\u2019', U'a', U'Z', U'1', U'_', U'.', U',', U':', U'\'', U'"', U' ', U' ', U'\n', U'!', U'#', U'@'};
  CHECK(random_strings_failing(alphabet, 12, 2024) == 0);
}

TEST_CASE("tokenizer fast path: random texts of words, spaces and non-ASCII pieces") {
  // The tokenizer reads ASCII words itself and hands the text around
  // non-ASCII pieces to its general path: longer texts, built from pieces
  // that meet at every kind of edge (joiners after a word, marks after a
  // space, ideographic spaces, numbers and abbreviations).
  const std::vector<std::u16string> pieces = {
      u"word", u"Dr.", u"U.S.", u"3.5", u"1,000", u"don't", u"CAPS", u"a_b", u"_", u"x1", u" ", u" ", u"  ", u"\t",
      u"\n", u"\r\n", u"\u000B", u".", u",", u"'", u"\"", u":", u"!", u"?", u"#tag", u"@user", u"$CVS", u"http://x.co/a",
      u"\U0001F600", u"\u2764\uFE0F", u"\U0001F469\u200D\u2695\uFE0F", u"\U0001F1FA\U0001F1F8", u"1\uFE0F\u20E3",
      u"\u0301", u"\u200D", u"\u00AD", u"\u00E9", u"caf\u00E9", u"\u2019", u"don\u2019t", u"\u3000", u"\u00A0",
      u"\u2003", u"\u4F60\u597D", u"\u3002", u"\uC548\uB155", u"\u30AB\u30BF", u"\u05E9\u05DC\u05D5\u05DD",
      u"\u0E2A\u0E27\u0E31\u0E2A", u"\u2026", u"\u2028", u"\u0085", u"\U00010400"};
  Tokenizer tokenizer;
  std::mt19937 random(77);
  int32_t failures = 0;
  for (int32_t round = 0; round < 50000 && failures < 5; ++round) {
    std::u16string s;
    for (auto count = 1 + random() % 16; count > 0; --count) s += pieces[random() % pieces.size()];
    if (!same_as_icu(tokenizer, s)) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("tokenizer fast path: every assigned code point between letters, digits, stops and itself") {
  Tokenizer tokenizer;
  int32_t failures = 0;
  // Sixteen code points a text, so that a dictionary-script letter (which
  // sends its whole text to ICU) hides few others from the fast path.
  for (char32_t chunk = 0; chunk <= 0x10FFF && failures < 5; ++chunk) {
    std::u16string s;
    for (char32_t c = chunk << 4; c < ((chunk + 1) << 4); ++c) {
      const auto type = u_charType(static_cast<UChar32>(c));
      if (type == U_UNASSIGNED || type == U_SURROGATE || (type == U_PRIVATE_USE_CHAR && c > 0xE010)) {
        continue;  // unassigned, surrogate and most private use code points: nothing new to learn
      }
      for (char32_t context : {U'a', U'1', U'.', U' ', U'A'}) {
        append(s, context);
        append(s, c);
        append(s, context);
        append(s, c);
        append(s, c);
        s += u" ";
      }
    }
    if (!s.empty() && !same_as_icu(tokenizer, s)) ++failures;
  }
  CHECK(failures == 0);
}

TEST_CASE("Document::in_entity gives the same answers once the entities are indexed") {
  std::mt19937 random(99);
  for (int32_t round = 0; round < 2000; ++round) {
    Document plain;
    for (auto* list : {&plain.entities.urls, &plain.entities.mentions, &plain.entities.hashtags,
                       &plain.entities.cashtags}) {
      for (auto count = random() % 3; count > 0; --count) {
        Entity e;
        e.start = static_cast<int32_t>(random() % 40);
        e.end = e.start + static_cast<int32_t>(random() % 8);  // empty spans too
        list->push_back(e);
      }
    }
    Document indexed;  // Documents are not copied (tokens view their bytes): the entities are
    indexed.entities = plain.entities;
    indexed.index_entities();
    for (int32_t start = 0; start < 50; ++start) {
      for (int32_t end = start; end < start + 10; ++end) {
        if (plain.in_entity(start, end) != indexed.in_entity(start, end)) {
          FAIL("in_entity(", start, ", ", end, ") differs in round ", round);
        }
      }
    }
  }
}

TEST_CASE("decode_utf8 writes what ICU's conversion with U+FFFD writes, on random bytes") {
  std::mt19937 random(7);
  const uint8_t bytes[] = {'a', 'Z', ' ', 0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xED, 0xEF, 0xBD,
                           0xF0, 0xF4, 0xF5, 0x9F, 0xA0, 0x90, 0x8F, 0xFF};
  for (int32_t round = 0; round < 20000; ++round) {
    std::string in;
    for (auto length = random() % 12; length > 0; --length) in.push_back(static_cast<char>(bytes[random() % sizeof bytes]));
    int32_t replaced = 0;
    const std::u16string ours = text::decode_utf8(in, replaced);
    std::u16string icu(in.size() + 1, u'\0');
    int32_t icu_length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(icu.data(), static_cast<int32_t>(icu.size()), &icu_length, in.data(),
                         static_cast<int32_t>(in.size()), 0xFFFD, nullptr, &status);
    REQUIRE(U_SUCCESS(status));
    icu.resize(static_cast<size_t>(icu_length));
    if (ours != icu) FAIL("decode_utf8 differs from ICU in round ", round);
  }
}
