// Value (rules.md section 4; seed: "Give helpful information, answer
// questions", "you must have something interesting to say").
#include <algorithm>
#include <cctype>
#include <optional>

#include <unicode/uchar.h>

#include "match/phrases.hpp"
#include "rules/features.hpp"
#include "rules/phone.hpp"
#include "rules/rule.hpp"
#include "rules/spanish_words.hpp"
#include "rules/value_crisis.hpp"
#include "rules/value_helpful.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

bool is_number(const Document& doc, size_t i) {
  return i < doc.tokens.size() && doc.tokens[i].kind == TokenKind::number && !token_in_entity(doc, i);
}

// The phrase of `list` (at most six tokens) that starts exactly at token `i`, if any.
const Phrase* match_at(const ListMatches& matches, List list, size_t i) {
  return matches.starting_at(list, i, i + 6);
}

// Spanish: the number at token i as a price or a count. A price has a
// currency sign or code before or after it ("$25", "₡5.000", "10 €",
// "180.000 Gs.": what a kit
// costs, what a job pays); a count has a plural word after it ("14 puntos de vacunación",
// "600 historias", "150 mercados"), a noun in lower case, not a function
// word (es/lists/empty_words.tsv) nor a verb of ours ("el lunes 3
// atendemos"), nor after the end of a thread number or a name's ("1/5
// Trabajas de noche", "COVID-19 gratis").
// A currency is a sign ("$", "€", "₡") or, as Latin America writes many, a
// code (es/lists/currency_codes.tsv: "180.000 Gs.", "Bs 250", "USD 40").
bool is_currency(const Document& doc, const Token& t) {
  static const WordList& codes = WordList::builtin("es/lists/currency_codes.tsv");
  if (t.kind == TokenKind::word) return codes.contains(t);
  return t.kind == TokenKind::punct && t.end - t.start == 1 && u_charType(doc.text[t.start]) == U_CURRENCY_SYMBOL;
}

std::optional<HelpfulFinding> spanish_amount(const ListMatches& matches, size_t i) {
  static const WordList& filler = WordList::builtin("es/lists/empty_words.tsv");
  const Document& doc = matches.doc();
  const Token& n = doc.tokens[i];
  if (i > 0) {
    const Token& sign = doc.tokens[i - 1];
    if (is_currency(doc, sign)) {
      // In a sales push the price is the offer ("¡Solo este fin de semana!
      // Botox a $9 la unidad"), as "20% off" is in English.
      if (matches.hit(List::promo_hard_sell)) return std::nullopt;
      return HelpfulFinding{sign.start, n.end, HelpfulKind::number};
    }
    if (sign.text == "/" || sign.text == "-") return std::nullopt;  // "1/5", "COVID-19"
  }
  if (i + 1 >= doc.tokens.size()) return std::nullopt;
  const Token& noun = doc.tokens[i + 1];
  if (is_currency(doc, noun)) {  // "10 € al mes", as Spain writes it
    if (matches.hit(List::promo_hard_sell)) return std::nullopt;
    return HelpfulFinding{n.start, noun.end, HelpfulKind::number};
  }
  if (noun.kind != TokenKind::word || !noun.space_before || token_in_entity(doc, i + 1) || noun.folded.size() < 4 ||
      !noun.folded.ends_with("s") || noun.folded.ends_with("mos") || !text::is_lower(doc.text[noun.start]) ||
      filler.contains(noun)) {
    return std::nullopt;
  }
  return HelpfulFinding{n.start, noun.end, HelpfulKind::number};
}

// A number that states a fact: "5 minutes", "30%", "1 in 3", "2 out of 5".
// Not a discount ("20% off").
std::optional<HelpfulFinding> number_fact(const ListMatches& matches) {
  const Document& doc = matches.doc();
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i < count; ++i) {
    // Kind first: most tokens are not numbers, and need no entity test.
    if (doc.tokens[i].kind != TokenKind::number || token_in_entity(doc, i)) continue;
    const Token& n = doc.tokens[i];
    const auto next = [&](size_t k) -> std::string_view {
      static const std::string none;
      return i + k < doc.tokens.size() ? doc.tokens[i + k].folded : none;
    };
    if (next(1) == "in" && is_number(doc, i + 2)) return HelpfulFinding{n.start, doc.tokens[i + 2].end, HelpfulKind::number};
    if (next(1) == "out" && next(2) == "of" && is_number(doc, i + 3)) {
      return HelpfulFinding{n.start, doc.tokens[i + 3].end, HelpfulKind::number};
    }
    if (const Phrase* unit = match_at(matches, List::value_units, i + 1)) {
      if (unit->text == "%" && next(2) == "off") continue;
      return HelpfulFinding{n.start, doc.tokens[i + unit->tokens.size()].end, HelpfulKind::number};
    }
    if (matches.language() == Language::es) {
      if (auto found = spanish_amount(matches, i)) return found;
    }
  }
  return std::nullopt;
}

// A number to call or text (rules/phone.hpp).
std::optional<HelpfulFinding> phone(const Document& doc, Language language) {
  if (auto found = phone_number(doc, language)) return HelpfulFinding{found->start, found->end, HelpfulKind::phone};
  return std::nullopt;
}

// Opening hours: a range of times of day ("9am-1pm", "8am to 8pm"), the
// fact a reader most often asks a clinic for.
// An hour of the day written as a bare number, "8" to "24" ("de 8 a 18").
bool is_bare_hour(const Token& t, int32_t* hour) {
  if (t.kind != TokenKind::number || t.folded.size() > 2 || !all_digits(t.folded)) return false;
  *hour = std::stoi(std::string(t.folded));
  return *hour <= 24;
}

// Spanish opening hours from bare hours: "de 8 a 18", "desde las 9 hasta
// las 14" (the later hour after the earlier one, so "de 2 a 1" is no range).
constexpr int32_t kMorning = 6;
std::optional<HelpfulFinding> spanish_hours(const Document& doc) {
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i + 3 < count; ++i) {
    const std::string_view from = doc.tokens[i].folded;
    if (from != "de" && from != "desde") continue;
    size_t k = i + 1;
    if (doc.tokens[k].folded == "las") ++k;
    int32_t open = 0, close = 0;
    if (k + 2 >= count || !is_bare_hour(doc.tokens[k], &open) || token_in_entity(doc, k)) continue;
    size_t to = k + 1;
    if (doc.tokens[to].folded != "a" && doc.tokens[to].folded != "hasta") continue;
    size_t end = to + 1;
    if (doc.tokens[end].folded == "las" && end + 1 < count) ++end;
    // "de 9 a 2": a morning opening and an afternoon closing on the 12-hour
    // clock (but "de 2 a 1" is a score, no range).
    if (is_bare_hour(doc.tokens[end], &close) &&
        (close > open || (close < open && open >= kMorning && open <= 12 && close <= 12))) {
      return HelpfulFinding{doc.tokens[k].start, doc.tokens[end].end, HelpfulKind::number};
    }
  }
  return std::nullopt;
}

// The time of day that starts at token i, as one token or more: "9am",
// "7:30pm", "5.30pm", "8:30", "5 pm"; in Spanish also "las" and a bare
// hour ("a las 18"). The index after it, or i.
size_t clock_end(const Document& doc, size_t i, Language language) {
  const size_t count = doc.tokens.size();
  const Token& t = doc.tokens[i];
  int32_t hour = 0;
  if (language == Language::es && t.folded == "las" && i + 1 < count && is_bare_hour(doc.tokens[i + 1], &hour)) {
    return std::max(clock_end(doc, i + 1, language), i + 2);  // "a las 8:15"
  }
  if (is_clock_time(t)) return i + 1;
  std::string_view f = t.folded;
  // One token: "7:30pm", "5.30pm" (a dot only with am or pm: "5.30" may be a price).
  const bool meridiem = f.size() > 2 && (f.ends_with("am") || f.ends_with("pm"));
  if (meridiem) f.remove_suffix(2);
  const size_t sep = f.find_first_of(meridiem ? ":." : ":");
  if (sep != std::string_view::npos && sep >= 1 && sep <= 2 && f.size() == sep + 3 && all_digits(f.substr(0, sep)) &&
      all_digits(f.substr(sep + 1))) {
    return i + 1;
  }
  if (!is_bare_hour(t, &hour) || i + 1 >= count) return i;
  const std::string_view next = doc.tokens[i + 1].folded;
  if (next == "am" || next == "pm") return i + 2;  // "5 pm"
  // "8:30", "7:30pm" split at the colon.
  if (next == ":" && i + 2 < count && doc.tokens[i + 2].start == doc.tokens[i + 1].end) {
    std::string_view minutes = doc.tokens[i + 2].folded;
    if (minutes.ends_with("am") || minutes.ends_with("pm")) minutes.remove_suffix(2);
    if (minutes.size() == 2 && all_digits(minutes)) return i + 3;
  }
  return i;
}

std::optional<HelpfulFinding> opening_hours(const Document& doc, Language language) {
  if (language == Language::es) {
    if (auto found = spanish_hours(doc)) return found;
  }
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i + 2 < count; ++i) {
    // The first time may be a bare hour when the second says am or pm ("4-7pm").
    int32_t hour = 0;
    if (!(is_clock_time(doc.tokens[i]) || is_bare_hour(doc.tokens[i], &hour)) || token_in_entity(doc, i)) continue;
    const std::string_view join = doc.tokens[i + 1].folded;
    if ((join == "-" || join == "\u2013" || join == "to") && is_clock_time(doc.tokens[i + 2])) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[i + 2].end, HelpfulKind::number};
    }
  }
  if (language == Language::es) return std::nullopt;
  // English: either end may be a time with minutes ("8:30-12", "6-7:30pm").
  for (size_t i = 0; i + 2 < count; ++i) {
    if (doc.tokens[i].kind != TokenKind::number || token_in_entity(doc, i)) continue;
    int32_t hour = 0;
    const size_t from_end = clock_end(doc, i, language);
    if (from_end == i && !is_bare_hour(doc.tokens[i], &hour)) continue;
    const size_t join = std::max(from_end, i + 1);
    if (join + 1 >= count) break;
    const std::string_view j = doc.tokens[join].folded;
    if (j != "-" && j != "\u2013" && j != "to") continue;
    const size_t to_end = clock_end(doc, join + 1, language);
    if (to_end == join + 1 && (from_end == i || !is_bare_hour(doc.tokens[join + 1], &hour))) continue;
    const size_t last = std::max(to_end, join + 2) - 1;
    return HelpfulFinding{doc.tokens[i].start, doc.tokens[last].end, HelpfulKind::number};
  }
  return std::nullopt;
}

// An appointment that is one person's: an owner right before what is
// booked ("your appointment", "su cita"; lists/appointment_owners.tsv,
// appointment_nouns.tsv) or a titled name (lists/honorifics.tsv: "la Sra.
// Pacheco ... el jueves a las 10"). Its day and time tell one reader, not
// the public, and may be a leak (care.patient-privacy).
bool names_one_persons_appointment(const Document& doc, Language language) {
  static const LocalizedWordList owners("lists/appointment_owners.tsv");
  static const LocalizedWordList nouns("lists/appointment_nouns.tsv");
  static const LocalizedWordList honorifics("lists/honorifics.tsv");
  const size_t count = doc.tokens.size();
  for (size_t i = 0; i + 1 < count; ++i) {
    const Token& t = doc.tokens[i];
    if (owners.in(language).contains(t) && nouns.in(language).contains(doc.tokens[i + 1])) return true;
    // A title before a capitalised name ("Mr. Okoro"), not "MS nurse".
    const size_t name = doc.tokens[i + 1].text == "." ? i + 2 : i + 1;
    if (honorifics.in(language).contains(t) && !t.all_caps && name < count &&
        doc.tokens[name].kind == TokenKind::word && std::isupper(static_cast<unsigned char>(doc.tokens[name].text[0]))) {
      return true;
    }
  }
  return false;
}

// When something happens, in either language: a time of day (clock_end)
// in a sentence that also names a day, a day's name or "today"
// (lists/days.tsv), or a month beside a number ("Sat 23 Nov, 9am", "open
// again today until 4pm", "los jueves a las 18", "el 3 de mayo a las
// 10"). A time alone ("Tonight!!! 6pm!!!") says too little. The span is
// the time.
std::optional<HelpfulFinding> day_and_time(const Document& doc, Language language) {
  static const LocalizedWordList days("lists/days.tsv");
  static const LocalizedWordList months("lists/months.tsv");
  const WordList& day_words = days.in(language);
  const WordList& month_words = months.in(language);
  for (const Sentence& s : doc.sentences) {
    bool day = false;
    std::optional<std::pair<size_t, size_t>> time;
    const size_t opener = first_own_word(doc, s.first_token, s.last_token);
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      if (token_in_entity(doc, i)) continue;
      const Token& t = doc.tokens[i];
      const auto number_at = [&](size_t k) { return k >= s.first_token && k < s.last_token && doc.tokens[k].kind == TokenKind::number; };
      // A date: a month beside a number, or after "de" ("3 de mayo").
      const bool dated = month_words.contains(t) && (number_at(i + 1) || (i > 0 && number_at(i - 1)) ||
                                                     (i > 1 && doc.tokens[i - 1].folded == "de" && number_at(i - 2)));
      // An abbreviation may be a word ("has sat beside", "Sun safety"):
      // capitalised after the sentence's start, or before a number ("Sat 23 Nov").
      const bool abbreviation = t.folded.size() <= 4 && language == Language::en;
      const bool day_word = day_words.contains(t) &&
                            (!abbreviation || number_at(i + 1) || (i > opener && t.text[0] >= 'A' && t.text[0] <= 'Z'));
      day = day || day_word || dated;
      if (time || (t.kind != TokenKind::number && t.kind != TokenKind::word)) continue;
      if (const size_t end = clock_end(doc, i, language); end > i && end <= s.last_token) time.emplace(i, end - 1);
    }
    if (day && time) {
      if (names_one_persons_appointment(doc, language)) return std::nullopt;
      return HelpfulFinding{doc.tokens[time->first].start, doc.tokens[time->second].end, HelpfulKind::number};
    }
  }
  return std::nullopt;
}

// A link with a label that says what it leads to, the label ending in a
// colon right before the link ("Wait times: sunrise.example/wait", "Datos y
// lista completa: estudio.example"). A label that only points ("More
// info:", "Link:", "Más información:"; lists/vague_link_labels.tsv) says
// nothing, and is value.empty's; so does a clause of more than
// kLabelWords words.
constexpr int32_t kLabelWords = 4;
std::optional<HelpfulFinding> labelled_link(const ListMatches& matches) {
  static const LocalizedWordList vague("lists/vague_link_labels.tsv");
  const Document& doc = matches.doc();
  size_t i = 0;
  for (const Entity& url : doc.entities.urls) {
    while (i < doc.tokens.size() && doc.tokens[i].end <= url.start) ++i;
    // tokens[i - 1] is the last token before the link: the colon, then the label.
    if (i < 2 || doc.tokens[i - 1].text != ":" || token_in_entity(doc, i - 2)) continue;
    const Token& label = doc.tokens[i - 2];
    if (label.kind != TokenKind::word || vague.in(matches.language()).contains(label)) continue;
    // A label names a thing in a few words; a longer clause before the
    // colon says something else ("Our new website is live: ...").
    const Sentence& s = sentence_of(doc, i - 2);
    int32_t words = 0;
    for (size_t k = s.first_token; k + 1 < i; ++k) words += doc.tokens[k].kind == TokenKind::word ? 1 : 0;
    if (words > kLabelWords) continue;
    return HelpfulFinding{label.start, url.end, HelpfulKind::resource};
  }
  return std::nullopt;
}

// A resource described in words next to a link: "our free guide to ...".
std::optional<HelpfulFinding> described_resource(const ListMatches& matches) {
  const Document& doc = matches.doc();
  if (doc.entities.urls.empty()) return std::nullopt;
  for (const PhraseMatch& m : matches.find(List::value_resource)) {
    if (!match_in_entity(doc, m)) return HelpfulFinding{m.start, m.end, HelpfulKind::resource};
  }
  return labelled_link(matches);
}

// A chat answer's label ("A4:", "Q2") or a thread number ("3/6"): what a
// sentence may open with before its first word.
// Spanish chats answer "R3:" (respuesta) to "P3" (pregunta), as kinds.cpp reads them.
bool is_chat_label(const Token& t, Language language) {
  const std::string_view f = t.folded;
  if (f.size() < 2 || !all_digits(f.substr(1))) return false;
  return f[0] == 'a' || f[0] == 'q' || (language == Language::es && (f[0] == 'r' || f[0] == 'p'));
}
bool is_sentence_label(const Document& doc, size_t i, Language language) {
  const Token& t = doc.tokens[i];
  return t.kind == TokenKind::number || t.kind == TokenKind::punct || t.kind == TokenKind::emoji || is_chat_label(t, language);
}

// A Spanish imperative told by its form, for the verbs no list holds: one
// with a pronoun attached carries a written accent the bare verb lacks
// ("levántate", "acérquese", "pregúntele"; an adverb in -mente is not one),
// and the voseo of an -ar verb ends in a stressed "á" ("cortá", "tratá",
// "cená"). Not the futures ("cerrará", "atenderá": -ará, -erá, -irá) nor
// the words listed in es/lists/not_imperatives.tsv ("está", "será",
// "mamá", "Bogotá", and the invitations "únete", "súmate", which ask the
// reader to join, not to do something for their health).
bool spanish_imperative_form(const Token& t) {
  static const WordList& not_imperatives = WordList::builtin("es/lists/not_imperatives.tsv");
  static constexpr std::string_view kAccents[] = {"\u00e1", "\u00e9", "\u00ed", "\u00f3", "\u00fa"};
  static constexpr std::string_view kPronouns[] = {"te", "se", "le", "les"};
  static constexpr std::string_view kObjects[] = {"los", "las", "lo", "la"};
  const std::string_view f = t.folded;
  if (t.kind != TokenKind::word || f.size() < 4 || not_imperatives.contains(t)) return false;
  if (f.ends_with("\u00e1")) {
    const std::string_view stem = f.substr(0, f.size() - 2);
    return !(stem.ends_with("ar") || stem.ends_with("er") || stem.ends_with("ir"));
  }
  if (f.size() < 6 || f.ends_with("mente")) return false;
  const auto accented = [&](std::string_view before) {
    return std::any_of(std::begin(kAccents), std::end(kAccents),
                       [&](std::string_view accent) { return before.find(accent) != std::string_view::npos; });
  };
  for (std::string_view pronoun : kPronouns) {
    if (f.ends_with(pronoun) && accented(f.substr(0, f.size() - pronoun.size()))) return true;
  }
  // An object pronoun ("coméntalo", "llévalos", "tómeselo") after a verb's
  // own vowel: "artículo", "título", "célula" end in -ulo, -ula. The
  // vosotros imperative keeps its -d before one ("devolvedlo", "tomadla").
  for (std::string_view pronoun : kObjects) {
    if (!f.ends_with(pronoun)) continue;
    const std::string_view before = f.substr(0, f.size() - pronoun.size());
    if ((before.ends_with("a") || before.ends_with("e") || before.ends_with("i")) && accented(before)) return true;
    if (before.ends_with("ad") || before.ends_with("ed") || before.ends_with("id")) return true;
  }
  // ... and drops it before "os" ("apuntaos", "hidrataos"; "caos" is short).
  return f.size() >= 7 && f.ends_with("aos");
}

// An English instruction told by its form, for the verbs no phrase list
// holds: the sentence opens with a verb in its base form
// (lists/base_verbs.tsv, from WordNet: "Remove the tick", "Put your
// leg up"), perhaps after a word such as "please" or "always"
// (lists/step_adverbs.tsv), and goes on with what it acts on: a
// determiner, possessive, pronoun or particle (lists/step_objects.tsv: "Use
// the syringe", "Tell your dentist"; "Bake sale" and "Peer workers" are
// nouns). Not the verbs of thanks, slogans, invitations, appeals and
// pointers (lists/not_step_verbs.tsv: "Thank you", "Be kind", "Join us",
// "Read more") or sales (lists/sales_verbs.tsv: "Book now"), not an empty
// call to action (phrases/value_empty.tsv), not one aimed at us in its next
// words ("Tell us", "Walk, run or cheer with us": lists/self_words.txt),
// not a heading in capitals ("BOIL WATER notice") and not in a question
// ("Could you DM us?"). After a condition the verb is advice whatever
// follows it ("If it swells, rest."). The verb's index, if any.
constexpr size_t kSelfWindow = 4;
bool has_lowercase(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
std::optional<size_t> english_step_verb(const ListMatches& matches, const Sentence& s, size_t i, bool after_condition) {
  static const WordList& verbs = WordList::builtin("lists/base_verbs.tsv");
  static const WordList& adverbs = WordList::builtin("lists/step_adverbs.tsv");
  static const WordList& objects = WordList::builtin("lists/step_objects.tsv");
  static const WordList& not_steps = WordList::builtin("lists/not_step_verbs.tsv");
  static const WordList& sales = WordList::builtin("lists/sales_verbs.tsv");
  static const WordList& self = WordList::builtin("lists/self_words.txt");
  const Document& doc = matches.doc();
  while (i + 1 < s.last_token && adverbs.contains(doc.tokens[i])) ++i;
  const Token& verb = doc.tokens[i];
  const bool acts_on = i + 1 < s.last_token && objects.contains(doc.tokens[i + 1]);
  if (verb.kind != TokenKind::word || !has_lowercase(verb.text) || !verbs.contains(verb) || not_steps.contains(verb) ||
      sales.contains(verb) || !(acts_on || after_condition)) {
    return std::nullopt;
  }
  if (matches.starting_at(List::value_empty, i, s.last_token)) return std::nullopt;
  for (size_t k = i + 1; k < s.last_token && k <= i + kSelfWindow; ++k) {
    if (self.contains(doc.tokens[k])) return std::nullopt;
  }
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (doc.tokens[k].text == "?") return std::nullopt;
  }
  return i;
}

// A Spanish tú imperative has the form of a statement ("Lava", "Cuida",
// "Bebe"), so it is told by what follows it: the reader's own "tu" or "tus"
// within kTuWindow words ("Lava tus manos", "Protege a tu familia", "llega
// con tu DUI"); a vosotros one (-ad, -ed, -id) by "vuestro" ("Llevad
// vuestra tarjeta"). A negative one is told by its
// form: "no", perhaps a pronoun, then a verb in -es or -as, the tú
// subjunctive ("No dejes", "No te automediques"; the indicative "estás"
// carries an accent), or in -áis or -éis, the vosotros one ("No lo comáis"). Neither may be a function or slogan word
// (es/lists/empty_words.tsv: "para tu", "toda tu"), a sales verb
// (es/lists/sales_verbs.tsv: "Agenda tu cita") nor a word of
// es/lists/not_imperatives.tsv. After a condition, any word with an
// imperative's ending (below). The verb's index, if any.
constexpr size_t kTuWindow = 3;
std::optional<size_t> spanish_step_verb(const Document& doc, const Sentence& s, size_t i, bool after_condition) {
  static const WordList& filler = WordList::builtin("es/lists/empty_words.tsv");
  static const WordList& not_imperatives = WordList::builtin("es/lists/not_imperatives.tsv");
  static const WordList& sales = WordList::builtin("es/lists/sales_verbs.tsv");
  static const WordList& irregular = WordList::builtin("es/lists/irregular_imperatives.tsv");
  static constexpr std::string_view kPronouns[] = {"te", "se", "me", "lo", "la", "los", "las", "le", "les", "nos"};
  const auto word = [&](size_t k) -> std::string_view { return k < s.last_token ? doc.tokens[k].folded : ""; };
  const auto is_verb = [&](size_t k) {
    const Token& t = doc.tokens[k];
    return t.kind == TokenKind::word && !filler.contains(t) && !not_imperatives.contains(t) && !sales.contains(t);
  };
  if (word(i) == "no") {
    size_t k = i + 1;
    while (k < s.last_token && std::find(std::begin(kPronouns), std::end(kPronouns), word(k)) != std::end(kPronouns)) ++k;
    const std::string_view v = word(k);
    const bool subjunctive = v.ends_with("es") || v.ends_with("as") || v.ends_with("\u00e1is") || v.ends_with("\u00e9is");
    if (v.size() >= 5 && subjunctive && is_verb(k)) return k;
    return std::nullopt;
  }
  const std::string_view v = word(i);
  // "ven", "haz", "pon": the tú imperatives of their own form.
  const bool own_form = doc.tokens[i].kind == TokenKind::word && irregular.contains(doc.tokens[i]);
  if (own_form && after_condition) return i;
  const bool vosotros = v.ends_with("ad") || v.ends_with("ed") || v.ends_with("id");
  // After a condition, a word in an imperative's endings is the advice:
  // tú and usted ("busca", "acuda"), ustedes ("consulten"), vos
  // ("consultá"), vosotros ("consultad").
  if (after_condition && v.size() >= 4 && is_verb(i) &&
      (v.ends_with("a") || v.ends_with("e") || v.ends_with("an") || v.ends_with("en") || v.ends_with("\u00e1") ||
       v.ends_with("\u00e9") || vosotros)) {
    return i;
  }
  if (!own_form && (v.size() < 3 || !(v.ends_with("a") || v.ends_with("e") || vosotros) || !is_verb(i))) {
    return std::nullopt;
  }
  for (size_t k = i + 1; k <= i + kTuWindow && k < s.last_token; ++k) {
    const std::string_view w = word(k);
    if (vosotros ? w.starts_with("vuestr") : (w == "tu" || w == "tus")) return i;
  }
  return std::nullopt;
}

// Spanish: a verb whose object is us ("Colaborá con nosotros", "Apoyá
// nuestra causa", "Consulte nuestra web") asks the reader to help, follow
// or visit the organisation: an appeal, not a step (English reads the same
// off its verb's next words, english_step_verb). "Acuda a nuestro centro"
// is a step: the place it names is where to go.
bool spanish_aimed_at_us(const Document& doc, const Sentence& s, size_t verb) {
  static const WordList& self = WordList::builtin("es/lists/self_words.txt");
  size_t k = verb + 1;
  if (k < s.last_token && doc.tokens[k].folded == "con") ++k;
  return k < s.last_token && self.contains(doc.tokens[k]);
}

// A sentence that opens with a step the reader can take: "Check your feet
// every day", "Pack your medicines in your hand luggage" (the verb must open
// the sentence, after @mentions, a chat label or a thread number: "we check"
// is not an instruction to the reader).
//
// The step may also open the sentence's second part: after a colon that
// names the topic ("Drinking water in summer: carry a bottle"), or after the
// comma that ends an opening condition, time or purpose ("If you're over
// 50, talk to your GP"; "Before your visit, write down..."; "Si tiene
// fiebre, acuda..."; lists/condition_openers.tsv), the two forms health
// advice is usually written in.
std::optional<HelpfulFinding> action_at(const ListMatches& matches, const Sentence& s, size_t i, bool after_condition) {
  const Document& doc = matches.doc();
  while (i < s.last_token && (token_in_entity(doc, i) || is_sentence_label(doc, i, matches.language()))) ++i;
  if (i == s.last_token) return std::nullopt;
  // A step says what to do to what: a verb alone before a stop ("Always.",
  // "Never.", "¡Inscríbete!", the ends of slogans) is no step; one before a
  // colon or a comma goes on ("Apply: careers.example", "Brush, spit").
  // Nor is a verb with only a word of urgency after it ("¡DONÁ YA!", a
  // sales push: lists/urgency_words.tsv). After a condition the verb alone
  // is the advice ("Si el bebé duerme mucho, consultá.").
  static const LocalizedWordList urgency("lists/urgency_words.tsv");
  const auto goes_on = [&](size_t after) {
    if (after >= s.last_token) return after_condition;
    const Token& t = doc.tokens[after];
    if (t.kind == TokenKind::punct) {
      return after_condition || (t.text != "." && t.text != "!" && t.text != "?" && t.text != "\u2026");
    }
    return !(urgency.in(matches.language()).contains(t) &&
             (after + 1 == s.last_token || doc.tokens[after + 1].kind == TokenKind::punct));
  };
  // English: "always" or "never" before an auxiliary states a fact ("Always
  // has been, always will be"), where a step has a verb ("Always wear...").
  static constexpr std::string_view kAuxiliaries[] = {"has", "have", "had", "is", "are", "was", "were", "will", "would"};
  const auto statement = [&](const Phrase* p) {
    return matches.language() != Language::es && p->tokens.size() == 1 && i + 1 < s.last_token &&
           std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), doc.tokens[i + 1].folded) != std::end(kAuxiliaries);
  };
  const bool spanish = matches.language() == Language::es;
  if (const Phrase* p = matches.starting_at(List::value_action, i, s.last_token); p && !statement(p)) {
    const size_t last = i + p->tokens.size() - 1;
    if ((p->tokens.size() > 1 || goes_on(i + 1)) && !(spanish && spanish_aimed_at_us(doc, s, last))) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[last].end, HelpfulKind::action};
    }
  }
  if (spanish) {
    // A sales push is no step ("No te lo pierdas", "Dona hoy":
    // es/phrases/promo_hard_sell.tsv), as sales verbs are none in English.
    if (matches.starting_at(List::promo_hard_sell, i, s.last_token)) return std::nullopt;
    // "Mejor" before an imperative is how advice is softened ("Si te notas
    // cansada, mejor consúltalo en tu centro de salud").
    if (doc.tokens[i].folded == "mejor" && i + 1 < s.last_token && spanish_imperative_form(doc.tokens[i + 1])) ++i;
    if (spanish_imperative_form(doc.tokens[i]) && goes_on(i + 1) && !spanish_aimed_at_us(doc, s, i)) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[i].end, HelpfulKind::action};
    }
    if (auto verb = spanish_step_verb(doc, s, i, after_condition); verb && goes_on(*verb + 1) && !spanish_aimed_at_us(doc, s, *verb)) {
      return HelpfulFinding{doc.tokens[i].start, doc.tokens[*verb].end, HelpfulKind::action};
    }
  } else if (auto verb = english_step_verb(matches, s, i, after_condition); verb && goes_on(*verb + 1)) {
    return HelpfulFinding{doc.tokens[*verb].start, doc.tokens[*verb].end, HelpfulKind::action};
  }
  return std::nullopt;
}

// A sentence that only sends the reader to our own channels, with no link
// and no number in it ("Manténgase atento a nuestras redes sociales para
// más información", "diríjase a nuestra web"): our + a channel
// (lists/own_channels.tsv) gives the reader nothing to use.
bool only_points_to_our_channels(const Document& doc, const Sentence& s, Language language) {
  static const LocalizedWordList channels("lists/own_channels.tsv");
  static const LocalizedWordList ours("lists/our_words.tsv");
  bool points = false;
  for (size_t i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (in_list_of(doc.entities.urls, t)) return false;
    if (token_in_entity(doc, i)) continue;  // the mention a reply opens with
    if (t.kind == TokenKind::number) return false;
    points = points || (i + 1 < s.last_token && ours.in(language).contains(t) &&
                        channels.in(language).contains(doc.tokens[i + 1]));
  }
  return points;
}

std::optional<HelpfulFinding> action_step(const ListMatches& matches) {
  static const LocalizedWordList openers("lists/condition_openers.tsv");
  const Document& doc = matches.doc();
  const WordList& conditions = openers.in(matches.language());
  for (const Sentence& s : doc.sentences) {
    if (only_points_to_our_channels(doc, s, matches.language())) continue;
    size_t first = s.first_token;
    while (first < s.last_token && (token_in_entity(doc, first) || is_sentence_label(doc, first, matches.language()))) ++first;
    if (first == s.last_token) continue;
    if (auto found = action_at(matches, s, first, false)) return found;
    // A clause opens after a colon, a semicolon or an emoji too ("To get seen
    // faster: 1) check wait times"; "...; ask at any appointment"; "Semana de
    // la Lactancia 🤱 Si te duele..."); after one that opens
    // with a condition, each comma or colon may end it ("Si respira rápido,
    // se le hunden las costillas o no quiere comer, consulten ya").
    bool condition = conditions.contains(doc.tokens[first]);
    for (size_t i = first + 1; i + 1 < s.last_token; ++i) {
      const TokenKind kind = doc.tokens[i].kind;
      if (kind != TokenKind::punct && kind != TokenKind::emoji) continue;  // most tokens: one test
      const std::string_view t = doc.tokens[i].text;
      if (token_in_entity(doc, i)) continue;
      if (kind == TokenKind::emoji || t == ":" || t == ";") {
        if (auto found = action_at(matches, s, i + 1, condition)) return found;
        condition = condition || conditions.contains(doc.tokens[i + 1]);
      } else if (t == ",") {
        // English: a step may follow any comma when it has the form of one,
        // a verb and what it acts on ("Any of our clinics can help, just
        // bring your brown book").
        if (condition || matches.language() != Language::es) {
          if (auto found = action_at(matches, s, i + 1, condition)) return found;
        }
        // A condition may open after a comma too, alone or after a
        // conjunction ("..., so if you have diabetes, ask your GP").
        condition = condition || conditions.contains(doc.tokens[i + 1]) ||
                    (i + 2 < s.last_token && conditions.contains(doc.tokens[i + 2]));
      }
    }
  }
  return std::nullopt;
}

// English: what the reader or a group of people can do or get, told by its
// form: "can" and a verb in its base form (lists/base_verbs.tsv) that goes
// on to say what, where or when, in a statement ("Donors can give at the
// Claremont centre", "Parents whose baby stays 3+ days can get a free
// weekly permit", "You can see them in the patient app", "Your GP practice
// can book it"). Not what we or I can do ("We can help", "so we can
// celebrate": lists/self_words.txt), nor what our own service can do, a
// subject ours by its possessive ("our award-winning clinic can help you":
// us talking about us, see ours_before), a verb with nothing after it
// ("Turnaround times can vary."), nor in a question ("Can I self-refer?").
// The span runs from the word before "can" to the verb.
std::optional<HelpfulFinding> english_option(const ListMatches& matches) {
  static const WordList& verbs = WordList::builtin("lists/base_verbs.tsv");
  static const WordList& self = WordList::builtin("lists/self_words.txt");
  static const WordList& function_words = WordList::builtin("lists/english_function_words.tsv");
  if (matches.language() == Language::es) return std::nullopt;
  const Document& doc = matches.doc();
  // Is the subject ending at `last` ours: its content words and hyphens
  // ("award-winning clinic") read back to the word that opens it, a self
  // word ("our") that opens the clause (after the sentence's start, a
  // mention or a mark)? Within a clause it may belong to a phrase of the
  // subject: "Families of children in our ER can get a voucher" names the
  // families, not us.
  const auto ours_before = [&](const Sentence& s, size_t last) {
    size_t k = last;
    while (k > s.first_token && !token_in_entity(doc, k - 1) &&
           ((doc.tokens[k - 1].kind == TokenKind::word && !function_words.contains(doc.tokens[k - 1])) ||
            doc.tokens[k - 1].text == "-")) {
      --k;
    }
    if (k == s.first_token || !self.contains(doc.tokens[k - 1])) return false;
    const size_t before = k - 2;
    return k - 1 == s.first_token || doc.tokens[before].kind != TokenKind::word || token_in_entity(doc, before);
  };
  for (const Sentence& s : doc.sentences) {
    for (size_t i = s.first_token + 1; i + 2 < s.last_token; ++i) {
      if (doc.tokens[i].folded != "can" || token_in_entity(doc, i)) continue;
      const Token& subject = doc.tokens[i - 1];
      const Token& verb = doc.tokens[i + 1];
      if (subject.kind != TokenKind::word || subject.folded == "i" || self.contains(subject) ||
          verb.kind != TokenKind::word || !verbs.contains(verb) || doc.tokens[i + 2].kind == TokenKind::punct ||
          ends_with_question_mark(doc, s) || ours_before(s, i - 1)) {
        continue;
      }
      return HelpfulFinding{subject.start, verb.end, HelpfulKind::option};
    }
  }
  return std::nullopt;
}

// Spanish: advice in the impersonal forms it is written in, an infinitive
// (its pronouns read off) after a word that makes it advice ("no conviene
// automedicarse", "es importante vacunarse", "hay que hervir el agua";
// es/lists/advice_leads.tsv), and the promise to tell the reader something:
// a pronoun of the reader, a verb of ours and what it tells, an indirect
// question or "lo que" ("te contamos cada cuánto revisarte los ojos", "os
// dejamos lo que funciona", "les decimos dónde"; es/lists/question_words.tsv).
// "Les informamos que" announces, and tells nothing yet; "le recomendamos
// leer nuestra política" sends the reader to us, and "se recomienda estar
// atentos" is a teaser (es/phrases/value_empty.tsv).
std::optional<HelpfulFinding> spanish_told_cue(const ListMatches& matches) {
  const Document& doc = matches.doc();
  static const WordList& leads = WordList::builtin("es/lists/advice_leads.tsv");
  static const WordList& questions = WordList::builtin("es/lists/question_words.tsv");
  static constexpr std::string_view kReader[] = {"te", "le", "les", "os"};
  static constexpr std::string_view kOurs[] = {"amos", "emos", "imos"};
  const auto word = [&](size_t k) -> std::string_view { return k < doc.tokens.size() ? doc.tokens[k].folded : ""; };
  for (size_t i = 0; i + 1 < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word || token_in_entity(doc, i)) continue;
    const bool lead = leads.contains(t) || (t.folded == "que" && i > 0 && word(i - 1) == "hay");
    const Token& next = doc.tokens[i + 1];
    if (lead && next.kind == TokenKind::word && !token_in_entity(doc, i + 1) && spanish_infinitive(next.folded) &&
        !spanish_aimed_at_us(doc, sentence_of(doc, i + 1), i + 1) &&
        !matches.starting_at(List::value_empty, i + 2, i + 8)) {
      return HelpfulFinding{t.start, next.end, HelpfulKind::cue};
    }
    const std::string_view verb = word(i + 1);
    if (std::find(std::begin(kReader), std::end(kReader), t.folded) == std::end(kReader) || verb.size() < 6 ||
        std::none_of(std::begin(kOurs), std::end(kOurs), [&](std::string_view e) { return verb.ends_with(e); })) {
      continue;
    }
    size_t what = i + 2;
    if (word(what) == "cada") ++what;
    if (what < doc.tokens.size() && (questions.contains(doc.tokens[what]) || (word(what) == "lo" && word(what + 1) == "que"))) {
      return HelpfulFinding{t.start, doc.tokens[what].end, HelpfulKind::cue};
    }
  }
  return std::nullopt;
}

std::optional<HelpfulFinding> helpful_cue(const ListMatches& matches) {
  const Document& doc = matches.doc();
  std::optional<HelpfulFinding> found;
  for (const PhraseMatch& m : matches.find(List::value_helpful)) {
    if (!match_in_entity(doc, m)) {
      found = HelpfulFinding{m.start, m.end, HelpfulKind::cue};
      break;
    }
  }
  if (matches.language() == Language::es) {
    if (auto told = spanish_told_cue(matches); told && (!found || told->start < found->start)) found = told;
  }
  return found;
}

void check_helpful(const Analysis& a, HintSink& sink) {
  auto found = find_helpful(a);
  if (!found) return;
  // The fact a care rule (run first) flags is no value to praise: one
  // person's appointment told for everyone to read ("Your colonoscopy is now
  // Thurs 12th at 8am"). A post that makes a false claim or gives everyone
  // one dose ("Resultados garantizados", "Tómese 2 gotas por kilo") is
  // selling or risky as a whole: its numbers and steps are the claim's.
  if (content_is_care_harm(sink)) return;
  // A post that pushes a sale (promo.hard-sell, run first: "30% de
  // descuento, cupos limitados, agenda YA") offers its price, dates and
  // booking step as the pitch, not as help; a reply is answering someone.
  if (!is_reply(a) && std::any_of(sink.hints().begin(), sink.hints().end(),
                                  [](const Hint& h) { return h.rule == "promo.hard-sell"; })) {
    return;
  }
  for (const Hint& h : sink.hints()) {
    if (h.severity != Severity::good && h.rule.starts_with("care.") && h.start < found->end &&
        found->start < h.end) {
      return;
    }
  }
  std::string_view key;
  switch (found->kind) {
    case HelpfulKind::cue:
      key = "value.helpful.cue";
      break;
    case HelpfulKind::number:
      key = "value.helpful.number";
      break;
    case HelpfulKind::resource:
      key = "value.helpful.resource";
      break;
    case HelpfulKind::action:
      key = "value.helpful.action";
      break;
    case HelpfulKind::option:
      key = "value.helpful.option";
      break;
    case HelpfulKind::phone:
      key = "value.helpful.phone";
      break;
  }
  sink.add({"value.helpful", Severity::good, found->start, found->end, sink.message(key),
            sink.message("value.helpful.do"), {}});
}

// A greeting with nothing after it has at most this many words ("Happy
// World Health Day from all of us at Meridian Health!": 10).
constexpr int32_t kGreetingWords = 12;

// A post that is one greeting and nothing else, whatever the day it names
// ("Happy World Heart Day!", "Happy Nurses Week from the team at ..."): its
// first own word greets (lists/greetings.tsv), and it is short. English only.
// The span is the first sentence.
const Sentence* greeting_only(const Analysis& a) {
  static const WordList& greetings = WordList::builtin("lists/greetings.tsv");
  const Document& doc = a.doc;
  if (a.language == Language::es || doc.sentences.empty()) return nullptr;
  const Sentence& s = doc.sentences.front();
  const size_t word = first_own_word(doc, s.first_token, s.last_token);
  if (word >= s.last_token || !greetings.contains(doc.tokens[word])) return nullptr;
  if (own_word_count_up_to(doc, kGreetingWords + 1) > kGreetingWords) return nullptr;
  return &s;
}

// A post that says nothing a reader can use or answer, told by what it
// lacks rather than by its phrases: no fact (no number outside links, tags
// and mentions), and at most kContentWords own words that are not of
// lists/empty_words.tsv (function words, slogan and values words, agreement,
// greetings, the naming words of awareness days). The caller has already
// found no step, no labelled link and no question. A reply to a person is
// small talk, not a post (a warm "Thanks Hannah! 🙌" is right), and crisis,
// service and later thread parts carry their facts elsewhere; a chat answer
// or a share is judged like any post ("A6: Totally agree! #hcsm", "This. 👇";
// the chat label "A6" is neither a number nor a word of its own).
constexpr int32_t kContentWords = 2;

// English: the capitalised words that name an awareness day, week or month
// ("World Suicide Prevention Day", "Men's Health Week"): the day's name, not
// something the post says. One flag per token.
// Spanish names the day first and capitalises its significant words, the
// words between them in lower case ("Día Internacional de la Eliminación de
// la Violencia contra la Mujer", "Semana Mundial de la Lactancia Materna"):
// the name runs from "Día", "Semana" or "Mes" to its last capitalised word,
// over gaps of at most kNameGap lower-case words.
constexpr size_t kNameGap = 3;
std::vector<bool> spanish_awareness_day_names(const Document& doc) {
  std::vector<bool> out(doc.tokens.size(), false);
  const auto capitalised = [&](size_t i) {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::word && text::is_upper(doc.text[t.start]);
  };
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const std::string_view f = doc.tokens[i].folded;
    if (!capitalised(i) || (f != "día" && f != "semana" && f != "mes")) continue;
    size_t last = i;
    for (size_t k = i + 1; k < doc.tokens.size() && k <= last + kNameGap + 1 && doc.tokens[k].kind == TokenKind::word; ++k) {
      if (capitalised(k)) last = k;
    }
    for (size_t k = i; k <= last; ++k) out[k] = true;
    i = last;
  }
  return out;
}

std::vector<bool> awareness_day_names(const Analysis& a) {
  const Document& doc = a.doc;
  if (a.language == Language::es) return spanish_awareness_day_names(doc);
  std::vector<bool> out(doc.tokens.size(), false);
  const auto capitalised = [&](size_t i) {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::word && !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z';
  };
  for (size_t i = 1; i < doc.tokens.size(); ++i) {
    const std::string_view f = doc.tokens[i].folded;
    if (!capitalised(i) || (f != "day" && f != "week" && f != "month")) continue;
    for (size_t k = i; k-- > 0 && capitalised(k);) out[k] = true;
  }
  return out;
}

// Spanish: a sentence that is a slogan of giving, at most four words of its
// own ending in a verb that only says it matters (es/lists/slogan_verbs.tsv:
// "Cada dólar cuenta.", "Tu ayuda cuenta 💙", "Tu aporte sí suma"), and a
// sales verb with nothing after it to act on (es/lists/sales_verbs.tsv:
// "Dona, ayuda, comparte 🙏"): their words say nothing the reader can use.
// Marks them in `named`.
void mark_spanish_slogans(const Analysis& a, std::vector<bool>& named) {
  static const WordList& verbs = WordList::builtin("es/lists/slogan_verbs.tsv");
  static const WordList& sales = WordList::builtin("es/lists/sales_verbs.tsv");
  constexpr size_t kSloganWords = 4;
  const Document& doc = a.doc;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const bool bare = i + 1 == doc.tokens.size() || doc.tokens[i + 1].kind == TokenKind::punct ||
                      doc.tokens[i + 1].kind == TokenKind::emoji;
    if (bare && sales.contains(doc.tokens[i])) named[i] = true;
  }
  for (const Sentence& s : doc.sentences) {
    std::vector<size_t> own;
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      if (is_wordlike(doc.tokens[i]) && !in_entity(doc, doc.tokens[i])) own.push_back(i);
    }
    if (own.size() < 2 || own.size() > kSloganWords || !verbs.contains(doc.tokens[own.back()])) continue;
    for (size_t i : own) named[i] = true;
  }
}

bool says_nothing(const Analysis& a) {
  static const LocalizedWordList empty_words("lists/empty_words.tsv");
  constexpr KindSet kQuiet = kReplyKinds | kind_bit(PostKind::thread_later) | kind_bit(PostKind::crisis) |
                             kind_bit(PostKind::service);
  if ((kind_bit(a.kind) & kQuiet) || is_reply(a) || !conversational_mentions(a).empty()) return false;
  const WordList& filler = empty_words.in(a.language);
  // The words of a day's name; in Spanish also of a sales push ("Dona
  // hoy", "No te lo pierdas") and a slogan of giving ("Cada dólar
  // cuenta"), which say nothing the reader can use.
  std::vector<bool> named = awareness_day_names(a);
  if (a.language == Language::es) {
    for (const PhraseMatch& m : hard_sells(a)) {
      for (size_t k = m.first_token; k < m.last_token; ++k) named[k] = true;
    }
    mark_spanish_slogans(a, named);
  }
  int32_t words = 0, content = 0;
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    const Token& t = a.doc.tokens[i];
    if (!is_wordlike(t) || in_entity(a.doc, t) || is_chat_label(t, a.language)) continue;
    if (t.kind == TokenKind::number) return false;
    ++words;
    if (!filler.contains(t) && !named[i] && ++content > kContentWords) return false;
  }
  // A post with no words of its own: a bare link is form.link-only's; in
  // English, hashtags alone with no link say nothing ("#Movember #Health
  // #Awareness"), though an emoji alone may be a reaction.
  if (words == 0 && a.language != Language::es) {
    return a.doc.entities.urls.empty() && !a.doc.entities.hashtags.empty();
  }
  return words > 0;
}

// Configured phrases for value.empty join the built-in list. A listed
// phrase is the better span to show, and its message says what it is.
// Whether any was found.
bool listed_empty_phrases(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  bool found = false;
  for (const PhraseMatch& m : rule_phrases(a, "value.empty", List::value_empty)) {
    if (match_in_entity(doc, m)) continue;
    const std::string& kind = m.phrase->note;
    Hint h{"value.empty", Severity::tip, m.start, m.end, "", "", {}};
    const std::string what = doc.utf8(m.start, m.end);
    if (kind == "empty call to action") {
      h.message = sink.message("value.empty.call-to-action", {what});
      h.suggestion = sink.message("value.empty.call-to-action.do");
    } else if (kind == "teaser") {
      h.message = sink.message("value.empty.teaser", {what});
      h.suggestion = sink.message("value.empty.teaser.do");
    } else if (kind == "greeting only") {
      h.message = sink.message("value.empty.greeting");
      h.suggestion = sink.message("value.empty.greeting.do");
    } else {
      h.message = sink.message("value.empty", {what});
      h.suggestion = sink.message("value.empty.do");
    }
    sink.add(std::move(h));
    found = true;
  }
  return found;
}

// A greeting and nothing else ("Good morning, everyone!"). Whether found.
bool greeting_alone(const Analysis& a, HintSink& sink) {
  const Sentence* greeting = greeting_only(a);
  if (!greeting) return false;
  sink.add({"value.empty", Severity::tip, greeting->start, greeting->end, sink.message("value.empty.greeting"),
            sink.message("value.empty.greeting.do"), {}});
  return true;
}

// Slogans, empty calls to action, greetings alone and posts that say
// nothing, in a post that has nothing else to offer: nothing helpful, no
// question.
void check_empty(const Analysis& a, HintSink& sink) {
  const Document& doc = a.doc;
  if (find_helpful(a)) return;
  // Any question is something a reader can answer, sincere or not.
  if (any_question(a)) return;
  // A post that invites or asks the reader opens a conversation: its slogan
  // phrases and greetings are no hint then, though its structure still is.
  if (!opens_conversation(a) && (listed_empty_phrases(a, sink) || greeting_alone(a, sink))) return;
  // Else the post's structure: the span runs from its first own word (after
  // a chat label) to its end.
  if (says_nothing(a)) {
    size_t first = first_own_word(doc, 0, doc.tokens.size());
    if (first < doc.tokens.size() && is_chat_label(doc.tokens[first], a.language)) {
      first = first_own_word(doc, first + 1, doc.tokens.size());
    }
    // Hashtags alone have no own word: the whole post.
    const int32_t start = first < doc.tokens.size() ? doc.tokens[first].start : 0;
    sink.add({"value.empty", Severity::tip, start, text_end(doc), sink.message("value.empty.nothing"),
              sink.message("value.empty.do"), {}});
  }
}

const RuleCheck kChecks[] = {
    {"value.helpful", check_helpful},
    {"value.empty", check_empty},
    {"value.crisis-essentials", check_crisis_essentials},
};

}  // namespace

std::optional<HelpfulFinding> find_step(const ListMatches& matches) { return action_step(matches); }

std::optional<HelpfulFinding> find_helpful(const ListMatches& matches) {
  std::optional<HelpfulFinding> best;
  // The earliest of the three kinds of value is the one shown.
  for (auto found : {helpful_cue(matches), number_fact(matches), described_resource(matches)}) {
    if (found && (!best || found->start < best->start)) best = found;
  }
  // A step to take counts when nothing else does (the cue or the number it
  // comes with is the better span to show), opening hours or a number to
  // call when nothing else at all does, and what someone can do or get
  // last (the hours are the better span: "10am-8pm ... partners can stay").
  if (best) return best;
  if (auto step = action_step(matches)) return step;
  if (auto hours = opening_hours(matches.doc(), matches.language())) return hours;
  if (auto when = day_and_time(matches.doc(), matches.language())) return when;
  if (auto number = phone(matches.doc(), matches.language())) return number;
  return english_option(matches);
}

std::optional<HelpfulFinding> find_helpful(const Analysis& a) {
  FeatureMemo& m = memo(a);
  if (!m.helpful.known) {
    m.helpful.value = find_helpful(lists(a));
    m.helpful.known = true;
  }
  return m.helpful.value;
}

std::span<const RuleCheck> value_checks() { return kChecks; }

}  // namespace chime
