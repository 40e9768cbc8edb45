// Character classes and TLD lists of the twitter-text port.
#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>
#include <string>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "data/data.hpp"
#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"
#include "text/unicode.hpp"

namespace chime::text::tw {

namespace {

// The sets of twitter-text's regexes, code unit by code unit.
constexpr bool in(std::u16string_view set, char16_t c) { return set.find(c) != std::u16string_view::npos; }
constexpr bool between(char16_t c, char16_t first, char16_t last) { return c >= first && c <= last; }
constexpr bool ascii_lower_alnum(char16_t c) { return between(c, u'a', u'z') || between(c, u'0', u'9'); }

// latinAccentChars of twitter-text.
constexpr bool latin_accent(char16_t c) {
  return between(c, 0xC0, 0xD6) || between(c, 0xD8, 0xF6) || between(c, 0xF8, 0xFF) || between(c, 0x100, 0x24F) ||
         in(u"\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB", c) ||
         between(c, 0x300, 0x36F) || between(c, 0x1E00, 0x1EFF);
}
constexpr bool cyrillic(char16_t c) { return between(c, 0x400, 0x4FF); }
constexpr bool punct(char16_t c) { return in(u"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$", c); }
constexpr bool space(char16_t c) {
  return between(c, 0x09, 0x0D) || in(u"\u0020\u0085\u00A0\u1680\u180E\u2028\u2029\u202F\u205F\u3000", c) ||
         between(c, 0x2000, 0x200A);
}
constexpr bool invalid(char16_t c) { return in(u"\uFFFE\uFEFF\uFFFF", c); }
constexpr bool directional(char16_t c) {
  return between(c, 0x202A, 0x202E) || in(u"\u061C\u200E\u200F\u2066\u2067\u2068\u2069", c);
}
constexpr bool js_space(char16_t c) {
  return between(c, 0x09, 0x0D) || in(u"\u0020\u00A0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF", c) ||
         between(c, 0x2000, 0x200A);
}

// The members of the classes of regexes with the i flag, before folding.
constexpr bool path_member(char16_t c) {
  return ascii_lower_alnum(c) || cyrillic(c) || in(u"!*';:=+,.$/%#[]-\u2013_~@|&", c) || latin_accent(c);
}
constexpr bool path_end_member(char16_t c) {
  return ascii_lower_alnum(c) || cyrillic(c) || in(u"+-=_#/", c) || latin_accent(c);
}
constexpr bool query_member(char16_t c) { return ascii_lower_alnum(c) || in(u"!?*'@();:&=+$/%#[]-_.,~|", c); }
constexpr bool query_end_member(char16_t c) { return ascii_lower_alnum(c) || in(u"-_&=#/", c); }
constexpr bool label_member(char16_t c) { return ascii_lower_alnum(c) || c == u'-' || latin_accent(c); }
constexpr bool not_preceding_member(char16_t c) {
  return ascii_lower_alnum(c) || between(c, u'A', u'Z') || in(u"@\uFF20$#\uFF03\uFFFE\uFEFF\uFFFF", c);
}

// The classes that do not depend on case.
constexpr uint16_t plain_classes(char16_t c) {
  uint16_t bits = 0;
  if (!punct(c) && !space(c) && !invalid(c) && !directional(c)) bits |= kDomainChar;
  if ((bits & kDomainChar) || c == u'-' || c == u'_') bits |= kDomainRunChar;
  if (space(c)) bits |= kSpace;
  if (js_space(c)) bits |= kJsSpace;
  if (punct(c)) bits |= kPunct;
  if (latin_accent(c)) bits |= kLatinAccent;
  return bits;
}

// ASCII: JavaScript's canonical form is the upper case, and no non-ASCII
// unit folds to ASCII, so a unit is in an /i class when its lower or upper
// case is a member. Letters and digits are hashtag letters and digits in
// every Unicode version (a test holds this to ICU).
constexpr std::array<uint16_t, 128> make_ascii_classes() {
  std::array<uint16_t, 128> table{};
  for (char16_t c = 0; c < 128; ++c) {
    const char16_t lower = between(c, u'A', u'Z') ? static_cast<char16_t>(c + 32) : c;
    const char16_t upper = between(c, u'a', u'z') ? static_cast<char16_t>(c - 32) : c;
    auto folded = [&](bool (*member)(char16_t)) { return member(c) || member(lower) || member(upper); };
    uint16_t bits = plain_classes(c);
    if (folded(path_member)) bits |= kPathChar;
    if (folded(path_end_member)) bits |= kPathEndChar;
    if (folded(query_member)) bits |= kQueryChar;
    if (folded(query_end_member)) bits |= kQueryEndChar;
    if (folded(label_member)) bits |= kAsciiLabelChar;
    if (!folded(not_preceding_member)) bits |= kUrlPrecedingOk;
    if (ascii_letter(c)) bits |= kHashtagAlpha | kHashtagAlnum;
    if (between(c, u'0', u'9') || c == u'_') bits |= kHashtagAlnum;
    bits |= kNfcInert;  // every ASCII character (a test holds this to ICU)
    table[c] = bits;
  }
  return table;
}

// JavaScript's Canonicalize for /i without /u: the full upper case when it
// is one unit, never mapping a non-ASCII unit to ASCII.
char16_t canonical_from_icu(char16_t c) {
  if (U16_IS_SURROGATE(c)) return c;
  icu_data::ensure_registered();
  UChar src = c, dst[4];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_strToUpper(dst, 4, &src, 1, "", &status);
  return U_SUCCESS(status) && n == 1 && dst[0] >= 128 ? dst[0] : c;
}

// Non-ASCII units are classified when first seen, and remembered: most
// texts hold few distinct ones, so no table of all 65,536 is built up front.
// Relaxed atomics keep concurrent analysers race-free (every writer stores
// the same value); 0 means "not yet known".
std::atomic<char16_t> canonical_cache[0x10000];
constexpr uint16_t kKnown = 1 << 15;

// The canonical forms of the non-ASCII members of the /i classes (the ASCII
// members fold to ASCII, which no non-ASCII unit does): built on the first
// non-ASCII unit classified.
struct FoldedMembers {
  enum : uint8_t { kLatin = 1, kCyrillic = 2, kDash = 4, kNotPreceding = 8 };
  std::vector<uint8_t> sets = std::vector<uint8_t>(0x10000, 0);

  FoldedMembers() {
    // Every non-ASCII member lies in these ranges.
    constexpr std::pair<char16_t, char16_t> kRanges[] = {
        {0xC0, 0x36F}, {0x400, 0x4FF}, {0x1E00, 0x1EFF}, {0x2013, 0x2013}, {0xFEFF, 0xFEFF}, {0xFF03, 0xFF03},
        {0xFF20, 0xFF20}, {0xFFFE, 0xFFFF}};
    for (const auto& [first, last] : kRanges) {
      for (uint32_t c = first; c <= last; ++c) {
        const auto unit = static_cast<char16_t>(c);
        uint8_t bits = 0;
        if (latin_accent(unit)) bits |= kLatin;
        if (cyrillic(unit)) bits |= kCyrillic;
        if (unit == 0x2013) bits |= kDash;
        if (not_preceding_member(unit)) bits |= kNotPreceding;
        if (bits != 0) sets[canonical(unit)] |= bits;
      }
    }
  }
};

const FoldedMembers& folded_members() {
  static const FoldedMembers f;
  return f;
}

uint16_t classes_from_icu(char16_t c) {
  uint16_t bits = plain_classes(c);
  if (nfc_inert(c)) bits |= kNfcInert;
  const uint8_t folded = folded_members().sets[canonical(c)];
  if (folded & (FoldedMembers::kLatin | FoldedMembers::kCyrillic | FoldedMembers::kDash)) bits |= kPathChar;
  if (folded & (FoldedMembers::kLatin | FoldedMembers::kCyrillic)) bits |= kPathEndChar;
  if (folded & FoldedMembers::kLatin) bits |= kAsciiLabelChar;
  if (!(folded & FoldedMembers::kNotPreceding)) bits |= kUrlPrecedingOk;
  if (!U16_IS_SURROGATE(c)) {
    if (hashtag_alpha(c)) bits |= kHashtagAlpha;
    if (hashtag_alnum(c)) bits |= kHashtagAlnum;
  }
  return bits;
}

// The TLD lists in their regex order: generic first, then country codes.
struct Tlds {
  std::vector<std::u16string> keys;  // canonical forms; the map views them
  // An open-addressing table of indexes into keys (+1; 0: empty), found by
  // a hash that match_tld extends one unit at a time as its key grows.
  std::vector<uint32_t> slots;
  uint32_t mask = 0;
  int32_t max_length = 0;

  static constexpr uint32_t kHashStart = 2166136261u;  // FNV-1a, 32-bit
  static uint32_t hash_step(uint32_t hash, char16_t unit) { return (hash ^ unit) * 16777619u; }
  static uint32_t hash_of(std::u16string_view key) {
    uint32_t hash = kHashStart;
    for (const char16_t unit : key) hash = hash_step(hash, unit);
    return hash;
  }
  // The regex order of `key` (its index in keys), or -1; hash: hash_of(key).
  int32_t order(std::u16string_view key, uint32_t hash) const {
    for (uint32_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const uint32_t entry = slots[slot];
      if (entry == 0) return -1;
      if (keys[entry - 1] == key) return static_cast<int32_t>(entry - 1);
    }
  }
  std::vector<bool> first_unit = std::vector<bool>(0x10000, false);  // canonical first units
  std::vector<bool> any_unit = std::vector<bool>(0x10000, false);    // canonical units of any TLD

  Tlds() {
    for (const char* file : {"twitter/tlds-generic.txt", "twitter/tlds-country.txt"}) {
      std::string_view data = chime::data::file(file);
      while (!data.empty()) {
        const size_t nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
        if (line.empty() || line[0] == '#') continue;
        int32_t replaced = 0;
        std::u16string key = decode_utf8(line, replaced);
        for (char16_t& c : key) c = canonical(c);
        keys.push_back(std::move(key));
      }
    }
    size_t table_size = 16;
    while (table_size < 2 * keys.size()) table_size *= 2;  // at most half full
    slots.assign(table_size, 0);
    mask = static_cast<uint32_t>(table_size - 1);
    for (size_t i = 0; i < keys.size(); ++i) {
      const uint32_t hash = hash_of(keys[i]);
      if (order(keys[i], hash) < 0) {  // first listed wins
        uint32_t slot = hash & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = static_cast<uint32_t>(i + 1);
      }
      if (!may_start_tld(keys[i][0])) throw std::logic_error("a TLD that match_tld would skip");
      max_length = std::max(max_length, static_cast<int32_t>(keys[i].size()));
      first_unit[keys[i][0]] = true;
      for (char16_t c : keys[i]) any_unit[c] = true;
    }
  }
};

const Tlds& tlds() {
  static const Tlds t;
  return t;
}

}  // namespace

const std::array<uint16_t, 128> kAsciiClasses = make_ascii_classes();

std::atomic<uint16_t> class_cache[0x10000];

uint16_t non_ascii_classes_slow(char16_t c) {
  const auto bits = static_cast<uint16_t>(classes_from_icu(c) | kKnown);
  class_cache[c].store(bits, std::memory_order_relaxed);
  return bits;
}

char16_t canonical(char16_t c) {
  if (c < 0x80) return between(c, u'a', u'z') ? static_cast<char16_t>(c - 32) : c;
  char16_t canon = canonical_cache[c].load(std::memory_order_relaxed);
  if (canon == 0) {  // no non-ASCII unit's canonical form is 0
    canon = canonical_from_icu(c);
    canonical_cache[c].store(canon, std::memory_order_relaxed);
  }
  return canon;
}

namespace {

uint8_t code_point_props_from_icu(char32_t c) {
  icu_data::ensure_registered();  // the emoji properties need uemoji.icu
  const auto cp = static_cast<UChar32>(c);
  uint8_t props = 0;
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI)) props |= kCpEmoji;
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION)) props |= kCpEmojiPresentation;
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI_MODIFIER_BASE)) props |= kCpModifierBase;
  if (u_getCombiningClass(cp) == 0 && u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
    props |= kCpNfcInert;
  return props;
}

// As class_cache: 0 is "not yet known".
constexpr uint8_t kCpKnown = 1 << 7;

}  // namespace

std::atomic<uint8_t> props_cache[kCachedCodePoints];

uint8_t code_point_props_slow(char32_t c) {
  if (c >= kCachedCodePoints) return code_point_props_from_icu(c);
  const auto props = static_cast<uint8_t>(code_point_props_from_icu(c) | kCpKnown);
  props_cache[c].store(props, std::memory_order_relaxed);
  return props;
}

bool hashtag_alpha(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

bool hashtag_alnum(char32_t c) {
  if (hashtag_alpha(c) || u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) return true;
  static constexpr std::u16string_view kSpecial =
      u"_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7";
  return c < 0x10000 && kSpecial.find(static_cast<char16_t>(c)) != std::u16string_view::npos;
}

int32_t match_tld_slow(std::u16string_view text, int32_t pos, int32_t limit) {
  const Tlds& t = tlds();
  char16_t key[64];
  int32_t best_order = -1, best_end = -1;
  const int32_t longest = pos < limit && t.first_unit[canonical(text[pos])] ? std::min(t.max_length, limit - pos) : 0;
  uint32_t hash = Tlds::kHashStart;  // of key[0, len)
  for (int32_t len = 1; len <= longest; ++len) {
    const char16_t c = text[pos + len - 1];
    if (ascii_letter(c)) {  // most units: the upper case is canonical
      key[len - 1] = static_cast<char16_t>(c & ~0x20);
    } else {
      key[len - 1] = canonical(c);
      if (!t.any_unit[key[len - 1]]) break;  // no TLD holds this unit: none is longer
    }
    hash = Tlds::hash_step(hash, key[len - 1]);
    const int32_t end = pos + len;
    // (?=[^0-9a-zA-Z@+-]|$)
    if (end < limit) {
      const char16_t next = text[end];
      if (ascii_alnum(next) || next == u'@' || next == u'+' || next == u'-') continue;
    }
    const int32_t order = t.order(std::u16string_view(key, static_cast<size_t>(len)), hash);
    if (order >= 0 && (best_order < 0 || order < best_order)) {
      best_order = order;
      best_end = end;
    }
  }
  if (best_end >= 0) return best_end;
  // validPunycode: xn--[\-0-9a-z]+ (case-insensitive), no lookahead.
  if (limit - pos >= 5 && canonical(text[pos]) == u'X' && canonical(text[pos + 1]) == u'N' &&
      text[pos + 2] == u'-' && text[pos + 3] == u'-') {
    int32_t end = pos + 4;
    while (end < limit && (ascii_alnum(text[end]) || text[end] == u'-')) ++end;
    if (end > pos + 4) return end;
  }
  return -1;
}

}  // namespace chime::text::tw
