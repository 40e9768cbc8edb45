#include "rules/phone.hpp"

#include "rules/features.hpp"

namespace chime {

namespace {

// A phone number has at least this many digits unless a cue word asks to
// call it ("call 111"): fewer are a count, a price or an hour.
constexpr size_t kPhoneDigits = 5;

// The digits of a number token that can be part of a phone number: plain
// digits, or groups joined by dots as one token ("555.0142"), every group
// after the first of 3 or 4 digits and not all of 3 (that is "1.200.000",
// a Spanish thousand; "12.05.2026" is a date); 0 for any other token.
size_t phone_digits(const Document& doc, size_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::number || token_in_entity(doc, i)) return 0;
  const std::string_view f = t.folded;
  if (all_digits(f)) return f.size();
  size_t dot = f.find('.');
  if (dot == std::string_view::npos || !all_digits(f.substr(0, dot))) return 0;
  size_t digits = dot;
  bool all_thousands = true;
  while (dot != std::string_view::npos) {
    const size_t next = f.find('.', dot + 1);
    const std::string_view group = f.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    if (!all_digits(group) || group.size() < 3 || group.size() > 4) return 0;
    all_thousands = all_thousands && group.size() == 3;
    digits += group.size();
    dot = next;
  }
  return all_thousands ? 0 : digits;
}

// What may join two digit groups of one number: nothing but a space, or a
// "-" or closing bracket written with no space before it ("555-0142",
// "(555) 010").
bool joins_groups(const Token& t) { return t.text == "-" || t.text == ")"; }

// The word that asks to call the number starting at token `i`, after any
// punctuation and, in Spanish, "al" ("Helpline: 104", "llame al 107").
bool after_phone_cue(const Document& doc, size_t i, Language language) {
  static const LocalizedWordList cues("lists/phone_cues.tsv");
  size_t before = i;
  while (before > 0 && doc.tokens[before - 1].kind == TokenKind::punct) --before;
  if (before > 1 && language == Language::es && doc.tokens[before - 1].folded == "al") --before;
  return before > 0 && cues.in(language).contains(doc.tokens[before - 1]);
}

bool is_year(const Token& t) {
  return t.folded.size() == 4 && all_digits(t.folded) && (t.folded.starts_with("19") || t.folded.starts_with("20"));
}

// "2026-2030": two years joined, a period and not a number to call.
bool is_year_range(const Document& doc, size_t first, size_t last) {
  return last == first + 2 && is_year(doc.tokens[first]) && is_year(doc.tokens[last]);
}

}  // namespace

std::optional<PhoneSpan> phone_number(const Document& doc, Language language) {
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i < count; ++i) {
    // Kind first: most tokens are not numbers, and need no entity test.
    if (doc.tokens[i].kind != TokenKind::number) continue;
    size_t digits = phone_digits(doc, i), last = i;
    if (digits == 0) continue;
    for (size_t k = i + 1; k < count; ++k) {
      const Token& t = doc.tokens[k];
      const size_t group = k <= last + 2 ? phone_digits(doc, k) : 0;
      if (group > 0 && (k == last + 1 || (k == last + 2 && joins_groups(doc.tokens[k - 1])))) {
        digits += group;
        last = k;
      } else if (!(k == last + 1 && joins_groups(t) && !t.space_before)) {
        break;
      }
    }
    size_t first = i;  // "(555) 010-0100": the bracket is part of the number
    if (first > 0 && doc.tokens[first - 1].text == "(") --first;
    if ((digits >= kPhoneDigits && !is_year_range(doc, i, last)) || after_phone_cue(doc, first, language)) {
      return PhoneSpan{doc.tokens[first].start, doc.tokens[last].end};
    }
    i = last;
  }
  return std::nullopt;
}

}  // namespace chime
