// Emoji as twemoji-parser finds them for twitter-text's weighting (each one,
// however long, weighs as one character): RGI sequences from ICU's emoji
// data (ZWJ sequences, skin tones, flags, keycaps, tag sequences), the
// longest first; then twemoji's single-character rules.
#include <algorithm>
#include <array>

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "icu/icu_data.hpp"
#include "text/twitter_scan.hpp"

namespace chime::text::tw {
namespace {

constexpr char32_t kZwj = 0x200D, kVs15 = 0xFE0E, kVs16 = 0xFE0F, kKeycap = 0x20E3, kCancelTag = 0xE007F;

bool is_modifier(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool is_regional(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool is_tag(char32_t c) { return c >= 0xE0020 && c <= 0xE007E; }

// The code point at pos (a lone surrogate as itself) and its length.
char32_t at(std::u16string_view s, int32_t pos, int32_t& len) {
  const int32_t n = static_cast<int32_t>(s.size());
  char16_t c = s[pos];
  if (U16_IS_LEAD(c) && pos + 1 < n && U16_IS_TRAIL(s[pos + 1])) {
    len = 2;
    return U16_GET_SUPPLEMENTARY(c, s[pos + 1]);
  }
  len = 1;
  return c;
}

bool rgi_from_icu(const char16_t* units, int32_t len) {
  icu_data::ensure_registered();  // RGI sequences need uemoji.icu
  return u_stringHasBinaryProperty(reinterpret_cast<const UChar*>(units), len, UCHAR_RGI_EMOJI);
}

// ICU's answers for the sequences asked about lately: asking costs about a
// thousand instructions, and texts repeat the same few ZWJ sequences. One
// table per thread (no sharing between concurrent analysers), one slot per
// hash of the units; a slot holds the whole sequence, so an answer is only
// ever reused for the same units.
struct RgiMemo {
  static constexpr int32_t kMaxUnits = 16;
  struct Slot {
    std::array<char16_t, kMaxUnits> units;
    int8_t len = 0;  // 0: empty
    bool rgi = false;
  };
  std::array<Slot, 64> slots;
};

bool rgi(std::u16string_view s, int32_t pos, int32_t len) {
  const char16_t* units = s.data() + pos;
  if (len > RgiMemo::kMaxUnits) return rgi_from_icu(units, len);
  thread_local RgiMemo memo;
  uint32_t hash = static_cast<uint32_t>(len);
  for (int32_t i = 0; i < len; ++i) hash = hash * 31 + units[i];
  RgiMemo::Slot& slot = memo.slots[hash % memo.slots.size()];
  if (slot.len == len && std::equal(units, units + len, slot.units.begin())) return slot.rgi;
  slot.rgi = rgi_from_icu(units, len);
  std::copy(units, units + len, slot.units.begin());
  slot.len = static_cast<int8_t>(len);
  return slot.rgi;
}

}  // namespace

int32_t match_emoji(std::u16string_view text, int32_t pos) {
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t len = 0;
  const char32_t c = at(text, pos, len);
  if (c < 0x80) {
    // Keycaps: [#*0-9]\ufe0f?\u20e3
    if (!(c == '#' || c == '*' || (c >= '0' && c <= '9'))) return 0;
    int32_t p = pos + 1;
    if (p < n && text[p] == kVs16) ++p;
    return p < n && text[p] == kKeycap ? p + 1 - pos : 0;
  }
  if (c == kVs16) return 1;  // a lone VS16 is twemoji's last alternative
  const bool regional = is_regional(c);
  const uint8_t props = code_point_props(c);
  if (!regional && !(props & kCpEmoji)) return 0;

  // The longest emoji sequence (UTS #51 grammar) that could start here:
  // element (ZWJ element)*, an element being a character with a variation
  // selector, skin tone, keycap or tag run, or a pair of flag letters.
  int32_t ends[16];
  int32_t count = 0;
  int32_t p = pos;
  while (count < 16) {
    int32_t l = 0;
    const char32_t e = at(text, p, l);
    p += l;
    if (is_regional(e) && p < n) {
      int32_t l2 = 0;
      if (is_regional(at(text, p, l2))) p += l2;
    }
    if (p < n) {
      int32_t l2 = 0;
      const char32_t next = at(text, p, l2);
      if (next == kVs16) {
        p += l2;
        if (p < n && text[p] == kKeycap) ++p;
      } else if (is_modifier(next)) {
        p += l2;
      } else if (is_tag(next)) {
        int32_t q = p, lt = 0;
        while (q < n && is_tag(at(text, q, lt))) q += lt;
        if (q < n && at(text, q, lt) == kCancelTag) p = q + lt;
      }
    }
    ends[count++] = p;
    if (p + 1 >= n || text[p] != kZwj) break;
    int32_t l3 = 0;
    const char32_t after = at(text, p + 1, l3);
    if (!(code_point_props(after) & kCpEmoji)) break;
    p += 1;
  }
  // One variation selector or skin tone after the first character takes
  // the same units whether the pair is RGI or not (the single-character
  // rules below take them too): no need to ask ICU, which is costly.
  if (count == 1 && !regional) {
    const int32_t extra = ends[0] - pos - len;
    if (extra == 1 && text[pos + len] == kVs16) return len + 1;
    int32_t l = 0;
    if (extra == 2 && (props & kCpModifierBase) && is_modifier(at(text, pos + len, l))) return len + 2;
  }
  for (int32_t i = count; i-- > 0;) {
    if (ends[i] - pos > len && rgi(text, pos, ends[i] - pos)) return ends[i] - pos;
  }

  // No RGI sequence: twemoji's single-character rules.
  if (regional) return len;  // a lone flag letter
  const int32_t next = pos + len < n ? text[pos + len] : 0;
  if (c == 0xA9 || c == 0xAE || c == 0x2122 || c == 0x265F)  // ©®™♟ need VS16
    return next == kVs16 ? len + 1 : 0;
  const bool text_default = !(props & kCpEmojiPresentation);
  if (text_default && next == kVs15) return 0;
  int32_t total = len;
  if (next == kVs16) {
    total += 1;
  } else if (pos + len < n && (props & kCpModifierBase)) {
    int32_t l = 0;
    if (is_modifier(at(text, pos + len, l))) total += l;
  }
  return total;
}

}  // namespace chime::text::tw
