// Internals of the twitter-text port (twitter_text.hpp): character classes
// as twitter-text's regexes see them, the TLD lists and the URL scanner.
// Everything works on UTF-16 code units, as JavaScript regexes without the
// u flag do; positions are indexes into the scanned text.
#pragma once
#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "text/scratch_list.hpp"

namespace chime::text::tw {

using text::ScratchList;

// One bit per class of twitter-text's regexes; classes of regexes with the
// i flag already include JavaScript's case-insensitive matches.
enum CharClass : uint16_t {
  kDomainChar = 1 << 0,       // validDomainChars: not punct/space/invalid/directional
  kPathChar = 1 << 1,         // validGeneralUrlPathChars
  kPathEndChar = 1 << 2,      // validUrlPathEndingChars (without the parentheses)
  kQueryChar = 1 << 3,        // validUrlQueryChars
  kQueryEndChar = 1 << 4,     // validUrlQueryEndingChars
  kAsciiLabelChar = 1 << 5,   // validAsciiDomain's [\-a-z0-9 latinAccentChars]
  kUrlPrecedingOk = 1 << 6,   // validUrlPrecedingChars' one-character case
  kSpace = 1 << 7,            // twitter-text's spaces
  kJsSpace = 1 << 8,          // JavaScript \s
  kPunct = 1 << 9,            // twitter-text's punct
  kLatinAccent = 1 << 10,     // latinAccentChars (no i flag)
  kHashtagAlpha = 1 << 11,    // hashtagAlpha: a letter or mark (ICU)
  kHashtagAlnum = 1 << 12,    // hashtagAlphaNumeric
  kNfcInert = 1 << 13,        // nfc_inert (not a twitter-text class)
  kDomainRunChar = 1 << 14,   // kDomainChar, '-' or '_': what a run of domain labels holds between dots
};

// The classes of a UTF-16 code unit: ASCII from a table made at compile
// time, other units from ICU when first seen (then remembered).
extern const std::array<uint16_t, 128> kAsciiClasses;
// Non-ASCII units' classes as found so far (0: not yet known), read here
// without a call; non_ascii_classes_slow finds and notes them.
extern std::atomic<uint16_t> class_cache[0x10000];
uint16_t non_ascii_classes_slow(char16_t c);
inline uint16_t non_ascii_classes(char16_t c) {
  const uint16_t bits = class_cache[c].load(std::memory_order_relaxed);
  return bits != 0 ? bits : non_ascii_classes_slow(c);
}
inline uint16_t classes(char16_t c) { return c < 0x80 ? kAsciiClasses[c] : non_ascii_classes(c); }
inline bool is(char16_t c, uint16_t cls) { return (classes(c) & cls) != 0; }
// The Unicode properties twemoji's rules and the NFC check ask about a code
// point: from ICU when first seen below U+20000 (where emoji live), then
// remembered; from ICU every time above.
enum CodePointProp : uint8_t {
  kCpEmoji = 1 << 0,              // Emoji
  kCpEmojiPresentation = 1 << 1,  // Emoji_Presentation
  kCpModifierBase = 1 << 2,       // Emoji_Modifier_Base
  kCpNfcInert = 1 << 3,           // nfc_inert
};
// props_cache: as class_cache, read here without a call.
constexpr char32_t kCachedCodePoints = 0x20000;
extern std::atomic<uint8_t> props_cache[kCachedCodePoints];
uint8_t code_point_props_slow(char32_t c);
inline uint8_t code_point_props(char32_t c) {
  const uint8_t props = c < kCachedCodePoints ? props_cache[c].load(std::memory_order_relaxed) : 0;
  return props != 0 ? props : code_point_props_slow(c);
}
// A code point with NFC_Quick_Check=Yes and combining class 0: a text of
// such code points only is NFC (ICU's quick check answers yes at once).
inline bool nfc_inert(char32_t c) { return (code_point_props(c) & kCpNfcInert) != 0; }
// Code point classes for hashtags (letters beyond the BMP too).
bool hashtag_alpha(char32_t c);
bool hashtag_alnum(char32_t c);

// Whether the four units at `units` are all ASCII and none is '.', '@', '#'
// or '$' (the units find_signs looks at), tested a word at a time. It may
// answer false for a block without them (one holding %&'()*+,-), never the
// reverse.
inline bool plain_ascii_block(const char16_t* units) {
  uint64_t block;
  std::memcpy(&block, units, sizeof block);
  constexpr uint64_t kOnes = 0x0001000100010001;
  if ((block & (kOnes * 0xFF80)) != 0) return false;
  // Every unit is below 0x80, so adding to it carries into no other unit:
  // bit 7 of unit + (0x80 - k) is set exactly when unit >= k.
  const uint64_t in_23_to_2e = (block + kOnes * (0x80 - 0x23)) & ~(block + kOnes * (0x80 - 0x2F));
  // (x - 1) sets a unit's top bit only when the unit is 0 or a lower one
  // borrowed (which only a 0 does): some top bit is set when some unit is '@'.
  const uint64_t at_sign = (block ^ (kOnes * 0x40)) - kOnes;
  return ((in_23_to_2e & (kOnes * 0x80)) | (at_sign & (kOnes * 0x8000))) == 0;
}

// Positions in a text, in order, for one text's scan.
using Positions = ScratchList<int32_t, 16>;

// The units twitter-text's scanners start from: '.', '@', '#', '$' and every
// unit above ASCII.
constexpr bool sign_unit(char16_t c) { return c >= 0x80 || c == u'.' || c == u'@' || c == u'#' || c == u'$'; }
// The offsets of the text's sign units, all kinds together, in order.
void find_sign_units(std::u16string_view text, Positions& out);

constexpr bool ascii_alnum(char16_t c) {
  return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
constexpr bool ascii_letter(char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }

// True when text[pos..] starts with `word` (lower case), ignoring ASCII case.
inline bool starts_with_nocase(std::u16string_view text, int32_t pos, std::u16string_view word) {
  if (pos < 0 || text.size() < static_cast<size_t>(pos) + word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char16_t c = text[static_cast<size_t>(pos) + i];
    if (c >= u'A' && c <= u'Z') c = static_cast<char16_t>(c + 32);
    if (c != word[i]) return false;
  }
  return true;
}

// JavaScript's case-insensitive comparison key of a code unit.
char16_t canonical(char16_t c);

// (?:validGTLD|validCCTLD|validPunycode) at `pos`, with the TLD lists'
// lookahead seeing `limit` as the end of the string: the end of the match,
// or -1. Most dots end a sentence: what follows them is looked at here,
// without a call.
int32_t match_tld_slow(std::u16string_view text, int32_t pos, int32_t limit);
// Every TLD of the lists (their loader checks) and xn-- starts with a letter.
constexpr bool may_start_tld(char16_t c) { return c >= 0x80 || ascii_letter(c); }
inline int32_t match_tld(std::u16string_view text, int32_t pos, int32_t limit) {
  return pos < limit && may_start_tld(text[pos]) ? match_tld_slow(text, pos, limit) : -1;
}

// One extractUrlsWithIndices result. Its url text is text[start, seg_end)
// followed by text[tail_start, end): twitter-text rewrites a protocol-less
// URL with a path to its ASCII domain plus the path.
struct RawUrl {
  int32_t start = 0, end = 0;
  int32_t seg_end = 0;     // end of the first piece of the url text
  int32_t tail_start = 0;  // start of the second piece (== end when none)
  int32_t text_length() const { return (seg_end - start) + (end - tail_start); }
};
// extractUrlsWithIndices(text) with extractUrlsWithoutProtocol: appends.
// dots: where the text's '.' units lie (in order). The scan skips the
// positions where no URL can start; every_position (for tests) tries a URL at
// every position, as the regex does.
using UrlList = ScratchList<RawUrl, 8>;
void extract_urls(std::u16string_view text, std::span<const int32_t> dots, UrlList& out, bool every_position = false);

// Length in UTF-16 units of the emoji twemoji-parser would match at `pos`
// (0: none). Weighting counts each as one default-weight character.
// ICU is asked whether a sequence is RGI only where the answer can change
// the length, and its recent answers are remembered (the tests hold this to
// a reference that asks every time).
int32_t match_emoji(std::u16string_view text, int32_t pos);

// Whether a non-ASCII unit surely starts no emoji (match_emoji answers 0
// there whatever follows), without a call: the blocks where text in most
// scripts lies hold no Emoji character but these few (Unicode 15); the
// tests hold it to ICU's Emoji property over the whole BMP.
constexpr bool starts_no_emoji(char16_t c) {
  if (c < 0x2000) return c >= 0x80 && c != 0xA9 && c != 0xAE;
  return c >= 0x2C00 && c < 0xD800 && c != 0x3030 && c != 0x303D && c != 0x3297 && c != 0x3299;
}

}  // namespace chime::text::tw
