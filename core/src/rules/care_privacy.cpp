#include "rules/care_privacy.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "match/phrases.hpp"
#include "rules/care_advice.hpp"
#include "rules/care_terms.hpp"
#include "rules/features.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

// A record number has at least this many digits ("MRN 123456"; "record 12"
// is more likely a count or a page).
constexpr int kRecordDigits = 4;
// How many tokens after a cue ("DOB", "MRN") its date or number may start,
// skipping ":", "#", "-" and the like.
constexpr size_t kCueReach = 3;

const Token* token(const Document& doc, size_t i) { return i < doc.tokens.size() ? &doc.tokens[i] : nullptr; }

// Is the writer's next own word from token `next` on (past a hashtag:
// "diabetes #dsma clinic") one of `words`?
bool next_own_word_in(const Document& doc, size_t next, const WordList& words) {
  while (next < doc.tokens.size() && token_in_entity(doc, next)) ++next;
  return next < doc.tokens.size() && words.contains(doc.tokens[next]);
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  int32_t replaced = 0;
  const std::u16string head = text::decode_utf8(s.substr(0, std::min<size_t>(s.size(), 4)), replaced);
  UChar32 c = 0;
  U16_GET(head.data(), 0, 0, static_cast<int32_t>(head.size()), c);
  return u_isupper(c);
}

// The value of a number token of plain digits, or -1.
long number_value(const Token& t) {
  if (t.kind != TokenKind::number || t.text.empty() || t.text.size() > 6) return -1;
  if (digit_count(t.text) != static_cast<int>(t.text.size())) return -1;
  return std::stol(std::string(t.text));
}

const WordList& not_names(Language lang) {
  static const LocalizedWordList list("lists/not_names.tsv");
  return list.in(lang);
}

// Initials written with stops ("J.K.", one token "J.K" and a "."): single
// capitals, each but the last followed by ".".
bool is_initials(std::string_view text) {
  if (text.size() < 3 || text.size() % 2 == 0) return false;
  for (size_t k = 0; k < text.size(); ++k) {
    if (k % 2 == 0 ? !(text[k] >= 'A' && text[k] <= 'Z') : text[k] != '.') return false;
  }
  return true;
}

// A capitalised word that may be a person's name: not an acronym (but
// initials are a person's: "J.K. from the Thursday INR clinic"; not after
// "the", a country's: "the U.S."), not a pronoun or a service word
// ("Patient Portal"), not part of an entity.
bool is_name_word(const Document& doc, size_t i, std::string_view folded, Language lang) {
  const Token& t = doc.tokens[i];
  const bool initials = is_initials(t.text) && !(i > 0 && doc.tokens[i - 1].folded == "the");
  return t.kind == TokenKind::word && (!t.all_caps || initials) && starts_upper(t.text) && !token_in_entity(doc, i) &&
         !not_names(lang).contains(folded);
}
bool is_name(const Document& doc, size_t i, Language lang) {
  return i < doc.tokens.size() && is_name_word(doc, i, doc.tokens[i].folded, lang);
}

// If an honorific ("Mr.", "Mrs") stands right before token i, its first token; else i.
size_t with_honorific(const Document& doc, size_t i, Language lang) {
  static const LocalizedWordList localized("lists/honorifics.tsv");
  const WordList& honorifics = localized.in(lang);
  size_t j = i;
  if (j > 0 && doc.tokens[j - 1].text == ".") --j;
  if (j > 0 && honorifics.contains(doc.tokens[j - 1])) return j - 1;
  return i;
}

// English: a relation written as a title before a name ("Auntie Grace",
// "Uncle Tunde": lists/kin_titles.tsv) singles one person out as "Mrs"
// does. Is token k one, before a name?
bool is_kin_title(const Document& doc, size_t k, Language lang) {
  static const WordList& kin_titles = WordList::builtin("lists/kin_titles.tsv");
  return lang != Language::es && k + 1 < doc.tokens.size() && kin_titles.contains(doc.tokens[k]) &&
         starts_upper(doc.tokens[k].text) && !token_in_entity(doc, k) && is_name(doc, k + 1, lang);
}
// If a kin title stands right before token i, its token; else i.
size_t with_kin_title(const Document& doc, size_t i, Language lang) {
  return i > 0 && is_kin_title(doc, i - 1, lang) ? i - 1 : i;
}

const WordList& honorifics(Language lang) {
  static const LocalizedWordList list("lists/honorifics.tsv");
  return list.in(lang);
}

// After an honorific or a title starting at token i ("Mr. Jones", "Dr.
// Jones": a patient may be a doctor), the token of the name; else i. The
// span then covers the whole identifier, title and name.
size_t skip_honorific(const Document& doc, size_t i, Language lang) {
  if (i >= doc.tokens.size()) return i;
  const std::string_view w = doc.tokens[i].folded;
  if (!honorifics(lang).contains(doc.tokens[i]) && w != "dr" && w != "prof") return i;
  ++i;
  if (i < doc.tokens.size() && doc.tokens[i].text == ".") ++i;
  return i;
}

bool is_clinician_title(const Document& doc, size_t i, Language lang) {
  static const LocalizedWordList localized("lists/clinician_titles.tsv");
  const WordList& titles = localized.in(lang);
  // "Dr. Patel": the token before the name may be "." after the title.
  if (i < doc.tokens.size() && doc.tokens[i].text == "." && i > 0) --i;
  return i < doc.tokens.size() && titles.contains(doc.tokens[i]);
}

// Is the name whose first token (its honorific, if any) is `first` a
// clinician's: a title at it ("Dr. Pérez", which skip_honorific passes) or
// right before it ("Nurse Ruby")?
bool clinician_named(const Document& doc, size_t first, Language lang) {
  return is_clinician_title(doc, first, lang) || (first > 0 && is_clinician_title(doc, first - 1, lang));
}

bool any_in_text(const ListMatches& matches, List list) {
  for (const PhraseMatch& m : matches.find(list)) {
    if (!match_in_entity(matches.doc(), m)) return true;
  }
  return false;
}

void add(HintSink& sink, int32_t start, int32_t end, std::string message, std::vector<std::string> replacements = {}) {
  sink.add({"care.patient-privacy", Severity::error, start, end, std::move(message), sink.message("care.patient-privacy.do"),
            std::move(replacements)});
}

// ---- "our patient Maria" ----------------------------------------------------

void named_patients(const ListMatches& matches, HintSink& sink) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  for (const PhraseMatch& m : matches.find(List::care_patient_cue)) {
    if (match_in_entity(doc, m)) continue;
    size_t i = m.last_token;
    // "our patient, Maria," but not "thanks for being patient, Maria".
    if (m.last_token - m.first_token >= 2 && token(doc, i) && doc.tokens[i].text == ",") ++i;
    i = skip_honorific(doc, i, lang);  // "our patient Mr. Jones"
    if (!is_name(doc, i, lang)) continue;
    size_t name_end = i + 1;
    while (name_end < i + 3 && is_name(doc, name_end, lang)) ++name_end;  // "Maria Lopez"
    const std::string cue = doc.utf8(m.start, m.end);
    std::vector<std::string> replacements;
    for (const std::string& r : m.phrase->replacements) replacements.push_back(match_case(cue, r));
    add(sink, m.start, doc.tokens[name_end - 1].end,
        sink.message("care.patient-privacy.named", {doc.utf8(doc.tokens[i].start, doc.tokens[name_end - 1].end)}),
        std::move(replacements));
  }
}

// True if token i is the first word of its sentence (after any @mentions).
bool opens_sentence(const Document& doc, size_t i) {
  const Sentence& s = sentence_of(doc, i);
  return i == first_own_word(doc, s.first_token, s.last_token);
}

// ---- "Room 412", "bed 7" ----------------------------------------------------

// A room or bed number: digits, or digits with a letter ("412B", "4-West").
bool is_room_number(const Token& t) {
  return digit_count(t.text) > 0 && (t.kind == TokenKind::number || t.kind == TokenKind::word) && !is_clock_time(t);
}

// A bed, bay or cubicle holds one patient: beside a person's name it says
// where that person lies ("Callum ... in bed 14"). A room or a ward may be a
// place for anyone ("CPR class in Room 204 at Northgate").
bool holds_one_patient(const Document& doc, const PhraseMatch& cue) {
  const std::string_view w = doc.tokens[cue.first_token].folded;
  return w == "bed" || w == "bay" || w == "cubicle";
}

size_t name_start(const Document& doc, size_t last, Language lang);

// English: is the name ending at token `last` a place's, after a title of
// lists/place_titles.tsv ("Bed 4 on St Anne's ward", "St. Vincent's")?
bool names_place(const Document& doc, size_t last, Language lang) {
  static const WordList& titles = WordList::builtin("lists/place_titles.tsv");
  if (lang == Language::es) return false;
  size_t first = name_start(doc, last, lang);
  if (titles.contains(doc.tokens[first])) return true;
  if (first > 0 && doc.tokens[first - 1].text == ".") --first;  // "St. Vincent's"
  return first > 0 && titles.contains(doc.tokens[first - 1]);
}

// Does sentence s name a person: a titled name ("Mr. Hughes"), an age
// ("a 16-year-old"), or, when `any_name`, a capitalised name that does not
// open the sentence and is not the cue itself ("Callum")?
bool names_a_person(const Document& doc, const Sentence& s, const PhraseMatch& cue, bool any_name, Language lang) {
  for (size_t k = s.first_token; k < s.last_token; ++k) {
    if (token_in_entity(doc, k) || (k >= cue.first_token && k <= cue.last_token)) continue;
    const size_t name = skip_honorific(doc, k, lang);
    // Not a member of staff introduced by their role ("Our nurse Mrs Evans
    // from Ward 3").
    if (name != k && honorifics(lang).contains(doc.tokens[k]) && is_name(doc, name, lang) &&
        !(k > 0 && is_clinician_title(doc, k - 1, lang))) {
      return true;
    }
    // "Mr. Hughes in Room 310": the sentence may split after "Mr.".
    if (k == s.first_token && is_name(doc, k, lang) && with_honorific(doc, k, lang) != k) return true;
    if (doc.tokens[k].folded == "old" && k >= 2 && doc.tokens[k - 2].folded == "year") return true;
    // English: a relative's name ("your aunt Brenda was in Room 12").
    // A capitalised relation word is a title ("Sister Joan Daly, who ran Ward 6").
    if (k > 0 && is_kin(doc.tokens[k - 1], lang) && !starts_upper(doc.tokens[k - 1].text) && is_name(doc, k, lang)) {
      return true;
    }
    if (any_name && is_name(doc, k, lang) && !opens_sentence(doc, k) && !is_clinician_title(doc, k - 1, lang) &&
        !names_place(doc, k, lang)) {
      return true;
    }
  }
  return false;
}

bool staff_within(const Document& doc, size_t first, size_t last, Language lang);

// English: does the room's sentence go on to tell the person's own
// condition: "his" or "her" after the room, then a diagnosis or a condition
// or procedure of the classes, not a service's ("her last day of IV
// antibiotics for endocarditis"; not "a talk on our diabetes clinic")? Then
// a name beside the room is its patient, as beside a bed.
bool tells_own_condition(const ListMatches& matches, const Sentence& s, const PhraseMatch& room) {
  static const WordList& followers = WordList::builtin("lists/diagnosis_followers.tsv");
  const Document& doc = matches.doc();
  size_t from = s.last_token;
  for (size_t k = room.last_token; k < s.last_token && from == s.last_token; ++k) {
    if (doc.tokens[k].folded == "his" || doc.tokens[k].folded == "her") from = k + 1;
  }
  // Not a service's, nor a relative's ("after her dad's stroke").
  const auto service = [&](size_t next) { return next_own_word_in(doc, next, followers); };
  const auto relative = [&](size_t first) { return first > 0 && is_kin(doc.tokens[first - 1], matches.language()); };
  for (const PhraseMatch& d : matches.find(List::diagnoses, from, s.last_token)) {
    if (!match_in_entity(doc, d) && !service(d.last_token) && !relative(d.first_token)) return true;
  }
  for (size_t k = from; k < s.last_token; ++k) {
    if (care_term(doc.tokens[k], matches.language()) != CareTerm::none && !token_in_entity(doc, k) && !service(k + 1) &&
        !relative(k)) {
      return true;
    }
  }
  return false;
}

// Spanish: a person's name just before the room ("Lucía Benítez, de la
// habitación 308", "Martina (cama 4)"): the room is that person's. The
// words between may be only "," "(" and the articles and prepositions that
// join them; a clinician ("la Dra. Ruiz, en la sala 2") is not a patient.
bool spanish_name_before(const Document& doc, size_t cue, Language lang) {
  // The words that may join them: punctuation, articles, and what says the
  // person is there ("Brayan está en la habitación 508", "Rosa sigue
  // ingresada en la cama 4"): es/lists/room_joiners.tsv.
  static const WordList& joiners = WordList::builtin("es/lists/room_joiners.tsv");
  static const WordList& places = WordList::builtin("es/lists/not_names.tsv");
  size_t k = cue;
  for (int skipped = 0; k > 0 && skipped < 5; ++skipped) {
    if (!joiners.contains(doc.tokens[k - 1])) break;
    --k;
  }
  // "el señor de la cama 14": a word for who the person is
  // (es/lists/person_nouns.tsv) singles them out by their bed as a name does.
  static const WordList& person_nouns = WordList::builtin("es/lists/person_nouns.tsv");
  if (k != cue && k > 0 && person_nouns.contains(doc.tokens[k - 1]) && !token_in_entity(doc, k - 1)) return true;
  if (k == cue || k == 0 || !is_name(doc, k - 1, lang)) return false;
  const size_t first = name_start(doc, k - 1, lang);
  // "el Ambulatorio de Catia, sala 2": a place's name, not a person's.
  if (first >= 2 && (doc.tokens[first - 1].folded == "de" || doc.tokens[first - 1].folded == "del") &&
      places.contains(doc.tokens[first - 2])) {
    return false;
  }
  return !(first > 0 && is_clinician_title(doc, first - 1, lang));
}

// Spanish: a numbered bed, cot or incubator (only a patient lies there) in
// a sentence whose subject is a person's name ("Valentina se dializa ... en
// la sala 2, cama 5"; a thread's number may come first): the bed is that
// person's. "La cama 12 del piso de Pediatría" names a place.
bool spanish_bed_of_named(const Document& doc, const Sentence& s, size_t cue, Language lang) {
  const std::string_view bed = doc.tokens[cue].folded;
  if (bed != "cama" && bed != "incubadora" && bed != "cuna") return false;
  size_t subject = first_own_word(doc, s.first_token, cue);
  while (subject < cue && (doc.tokens[subject].kind == TokenKind::number || doc.tokens[subject].kind == TokenKind::punct)) {
    ++subject;  // a thread's number, "2/4"
  }
  return subject < cue && is_name(doc, subject, lang);
}

void room_numbers(const ListMatches& matches, HintSink& sink) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  // A room number identifies someone only in a sentence about a patient or
  // naming a person; "CPR class in Room 204" is a place, and "Ward 9" in the
  // sentence after "handover with the patient" names no one.
  if (!matches.any(List::care_room_cue)) return;
  const std::vector<PhraseMatch> context = matches.find(List::patient_context);
  for (const PhraseMatch& m : matches.find(List::care_room_cue)) {
    const Token* number = token(doc, m.last_token);
    if (match_in_entity(doc, m) || !number || !is_room_number(*number)) continue;
    const Sentence& s = sentence_of(doc, m.first_token);
    // A title after a clinician's role is staff's ("Our nurse Mrs Evans from
    // Ward 3"), not a patient's.
    const auto in_sentence = [&](const PhraseMatch& c) {
      return c.first_token >= s.first_token && c.first_token < s.last_token && !match_in_entity(doc, c) &&
             !(c.first_token > 0 && honorifics(lang).contains(doc.tokens[c.first_token]) &&
               is_clinician_title(doc, c.first_token - 1, lang));
    };
    // Names are read by language: English a titled name, an age or a name
    // beside a bed; Spanish a name just before the room.
    const bool person = lang == Language::es ? spanish_name_before(doc, m.first_token, lang)
                                             : names_a_person(doc, s, m,
                                                              holds_one_patient(doc, m) || tells_own_condition(matches, s, m),
                                                              lang);
    // Spanish: a birth, a procedure or a diagnosis told beside a patient's
    // room or bed (es/lists/patient_rooms.tsv: "el parto en la habitación
    // 12") is that room's patient; a "sala" or a "box" is also where
    // classes and clinics are held.
    static const WordList& patient_rooms = WordList::builtin("es/lists/patient_rooms.tsv");
    const bool care_beside = lang == Language::es && patient_rooms.contains(doc.tokens[m.first_token]) &&
                             (matches.any(List::procedures, s.first_token, s.last_token) ||
                              matches.any(List::diagnoses, s.first_token, s.last_token) ||
                              spanish_bed_of_named(doc, s, m.first_token, lang));
    if (!person && !care_beside && std::none_of(context.begin(), context.end(), in_sentence)) continue;
    add(sink, m.start, number->end,
        sink.message("care.patient-privacy.room", {doc.utf8(m.start, number->end)}));
  }
}

// ---- "DOB 03/04/1956" -------------------------------------------------------

bool is_month(const Document& doc, size_t i, Language lang) {
  static const LocalizedWordList months("lists/months.tsv");
  return i < doc.tokens.size() && months.in(lang).contains(doc.tokens[i]);
}

bool joined_separator(const Document& doc, size_t i) {
  const Token* t = token(doc, i);
  return t && !t->space_before && (t->text == "/" || t->text == "-" || t->text == ".");
}

bool joined_number(const Document& doc, size_t i) {
  const Token* t = token(doc, i);
  return t && !t->space_before && t->kind == TokenKind::number;
}

// If a date starts at token i, the index after it; else 0. Dates: 03/04/1956,
// 3-4-56, 03.04.1956 (one token), March 4, March 4 1956, 4 March.
size_t date_end(const Document& doc, size_t i, Language lang) {
  const Token* t = token(doc, i);
  if (!t) return 0;
  if (t->kind == TokenKind::number) {
    if (std::count(t->text.begin(), t->text.end(), '.') == 2 || std::count(t->text.begin(), t->text.end(), '/') == 2) {
      return i + 1;
    }
    if (joined_separator(doc, i + 1) && joined_number(doc, i + 2)) {
      if (joined_separator(doc, i + 3) && joined_number(doc, i + 4)) return i + 5;
      return i + 3;
    }
    long day = number_value(*t);
    if (day >= 1 && day <= 31 && is_month(doc, i + 1, lang)) return i + 2;
    return 0;
  }
  if (is_month(doc, i, lang)) {
    size_t next = i + 1;
    if (token(doc, next) && doc.tokens[next].text == ".") ++next;  // "Mar. 4"
    const Token* day = token(doc, next);
    long value = day ? number_value(*day) : -1;
    if (value >= 1 && value <= 31) return next + 1;
  }
  return 0;
}

bool is_cue_filler(const Token& t) {
  return t.text == ":" || t.text == "#" || t.text == "-" || t.text == "=" || t.folded == "no" || t.text == ".";
}

void dates_of_birth(const ListMatches& matches, HintSink& sink) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  for (const PhraseMatch& m : matches.find(List::care_dob_cue)) {
    if (match_in_entity(doc, m)) continue;
    for (size_t i = m.last_token; i < m.last_token + kCueReach && i < doc.tokens.size(); ++i) {
      if (size_t end = date_end(doc, i, lang)) {
        add(sink, m.start, doc.tokens[end - 1].end,
            sink.message("care.patient-privacy.birth-date", {doc.utf8(m.start, doc.tokens[end - 1].end)}));
        break;
      }
      // "born on" may be followed by "the" or "Tuesday,"; stop at anything else.
      if (!is_cue_filler(doc.tokens[i]) && doc.tokens[i].folded != "on" && doc.tokens[i].folded != "the") break;
    }
  }
}

// ---- "MRN 123456" -----------------------------------------------------------

void record_numbers(const ListMatches& matches, HintSink& sink) {
  const Document& doc = matches.doc();
  for (const PhraseMatch& m : matches.find(List::care_record_cue)) {
    if (match_in_entity(doc, m)) continue;
    for (size_t i = m.last_token; i < m.last_token + kCueReach && i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      // A number written in groups ("NHS number 485 777 3456") counts whole.
      size_t last = i;
      int digits = (t.kind == TokenKind::number || t.kind == TokenKind::word) ? digit_count(t.text) : 0;
      while (t.kind == TokenKind::number && last + 1 < doc.tokens.size() &&
             doc.tokens[last + 1].kind == TokenKind::number) {
        digits += digit_count(doc.tokens[++last].text);
      }
      if (digits >= kRecordDigits) {
        const int32_t end = doc.tokens[last].end;
        add(sink, m.start, end, sink.message("care.patient-privacy.record", {doc.utf8(m.start, end)}));
        break;
      }
      if (!is_cue_filler(t)) break;
    }
  }
}

// ---- "Maria was diagnosed with lupus", "John's leukemia" --------------------

// Where the words naming a diagnosis start, once qualifiers before it
// ("stage 3", "a rare", "type 2") are skipped.
size_t skip_qualifiers_back(const Document& doc, size_t first, Language lang) {
  static const LocalizedWordList localized("lists/diagnosis_qualifiers.tsv");
  const WordList& qualifiers = localized.in(lang);
  while (first > 0) {
    const Token& t = doc.tokens[first - 1];
    if (t.kind == TokenKind::number || t.text == "-" || qualifiers.contains(t)) --first;
    else break;
  }
  return first;
}

// If "N-year-old" stands right before token i, its first token; else i: the
// age belongs to the identifier.
size_t with_age(const Document& doc, size_t i) {
  size_t j = i;
  while (j > 0 && j + 5 > i &&
         (doc.tokens[j - 1].text == "-" || doc.tokens[j - 1].folded == "year" || doc.tokens[j - 1].folded == "old")) {
    --j;
  }
  if (j < i && j > 0 && doc.tokens[i - 1].folded == "old" && number_value(doc.tokens[j - 1]) >= 0) return j - 1;
  return i;
}

// The first token of a name ending at token `last` (inclusive): "Maria Lopez".
size_t name_start(const Document& doc, size_t last, Language lang) {
  size_t first = last;
  while (first > 0 && first + 2 > last && is_name(doc, first - 1, lang)) --first;
  return first;
}

// ---- The words that replace a named person ---------------------------------

// Does a Spanish word end like a feminine participle or adjective
// ("diagnosticada", "operada", "intervenida")?
bool feminine_ending(std::string_view w) { return w.size() > 4 && (w.ends_with("ada") || w.ends_with("ida")); }
bool masculine_ending(std::string_view w) { return w.size() > 4 && (w.ends_with("ado") || w.ends_with("ido")); }

// Is the person named from token `first` on a woman, as far as the Spanish
// words say: a feminine honorific ("Sra.", "doña", "señora": they end in
// -a), else the first participle in tokens [after, last) that follow the
// name ("fue diagnosticada"; the name itself is not read: "Estrada").
bool named_feminine(const Document& doc, size_t first, size_t after, size_t last) {
  if (honorifics(Language::es).contains(doc.tokens[first])) return doc.tokens[first].folded.ends_with("a");
  for (size_t k = after; k < last && k < doc.tokens.size(); ++k) {
    if (feminine_ending(doc.tokens[k].folded)) return true;
    if (masculine_ending(doc.tokens[k].folded)) return false;
  }
  return false;
}

// Spanish: what replaces a person from token `first` on, and where the
// replaced span starts, given the article before it ("" when none counts)
// and whether the person is a woman. The article stays and agrees: "al Sr.
// Gómez" -> "al paciente", "la Sra. Torres" -> "la paciente"; without one,
// "una paciente" or "un paciente".
std::pair<size_t, std::string> agreeing_patient_noun(const HintSink& sink, const Document& doc, size_t first,
                                                     std::string_view article, bool feminine) {
  if (article == "al" || article == "del") return {first, sink.insertion("insert.patient")};
  if (article == "la" || article == "el") {
    const bool opening = opens_sentence(doc, first - 1);
    const char* key = feminine ? (opening ? "insert.the-patient.f.opening" : "insert.the-patient.f")
                               : (opening ? "insert.the-patient.opening" : "insert.the-patient");
    return {first - 1, sink.insertion(key)};
  }
  const bool opening = opens_sentence(doc, first);
  const char* key = feminine ? (opening ? "insert.a-patient.f.opening" : "insert.a-patient.f")
                             : (opening ? "insert.a-patient.opening" : "insert.a-patient");
  return {first, sink.insertion(key)};
}

// What replaces a named person from token `first` (the identifier: an
// honorific or the name), whose words after the name are tokens [after,
// last), and where the replaced span starts. English: "a patient". Spanish
// agrees with the person and keeps the sentence's article: "la Sra. Torres"
// -> "la paciente", "Lucía fue diagnosticada" -> "Una paciente fue
// diagnosticada".
std::pair<size_t, std::string> patient_noun(const HintSink& sink, const Document& doc, size_t first, size_t after,
                                            size_t last, Language lang) {
  if (lang != Language::es) {
    return {first, sink.insertion(opens_sentence(doc, first) ? "insert.a-patient.opening" : "insert.a-patient")};
  }
  const std::string_view article = first > 0 ? std::string_view(doc.tokens[first - 1].folded) : std::string_view();
  const bool feminine = article == "la" || (article != "el" && named_feminine(doc, first, after, last));
  return agreeing_patient_noun(sink, doc, first, article, feminine);
}

// How many tokens after a link or a possessive its diagnosis may start,
// qualifiers included ("had a rare | sarcoma", "Leah's stage 2 | ...").
constexpr size_t kTermReach = 5;

// English: the conditions and procedures of the WordNet classes
// (care_terms.hpp) where a name could be tied to them: within kTermReach
// tokens after a link phrase or a possessive ("Maria's"), or after "who"
// in its sentence. Only those tokens are read (a scan of every word would
// cost every post).
std::vector<PhraseMatch> care_terms_near_names(const Document& doc, const std::vector<PhraseMatch>& links,
                                               Language lang) {
  std::vector<char> candidate(doc.tokens.size(), 0);
  const auto mark = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < candidate.size(); ++k) candidate[k] = 1;
  };
  for (const PhraseMatch& link : links) mark(link.last_token, link.last_token + kTermReach);
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (t.folded.ends_with("'s")) mark(k + 1, k + 1 + kTermReach);
    if (t.folded == "who") mark(k + 1, sentence_of(doc, k).last_token);
  }
  std::vector<PhraseMatch> found;
  for (size_t k = 0; k < candidate.size(); ++k) {
    if (!candidate[k] || care_term(doc.tokens[k], lang) == CareTerm::none || token_in_entity(doc, k)) continue;
    found.push_back({nullptr, k, k + 1, doc.tokens[k].start, doc.tokens[k].end});
  }
  return found;
}

// A care word that begins a title or a name: capitalised, not opening its
// sentence, with a capitalised word right after it ("named Dementia Champion
// of the year", "our Stroke Nurse award"): an award, a role or a body, not
// anyone's condition. The care words are tokens [first, end).
bool in_title(const Document& doc, size_t first, size_t end) {
  if (end >= doc.tokens.size() || !starts_upper(doc.tokens[first].text) || opens_sentence(doc, first)) return false;
  const Token& next = doc.tokens[end];
  return next.kind == TokenKind::word && starts_upper(next.text) && !token_in_entity(doc, end);
}

// English: is the care match of tokens [first, end) a unit
// (lists/care_units.tsv: ward, ICU)? A unit is a place: where staff work
// and gifts go ("who has worked on our stroke ward", "who donated blankets
// to our ICU"); a clause must tell more than the place to tell care.
bool is_unit(const Document& doc, size_t first, size_t end, Language lang) {
  static const WordList& units = WordList::builtin("lists/care_units.tsv");
  return lang != Language::es && end == first + 1 && units.contains(doc.tokens[first]);
}

// Spanish names a service before its care: "la unidad de trasplante", "el
// programa de diabetes", "la carrera contra el cáncer", "la nueva UCI"
// (es/lists/service_nouns.tsv, then "de", "del", "contra" or "para" and an
// article, or "nueva" right before). The care at token k is the service's.
bool spanish_service_before(const Document& doc, size_t k, Language lang) {
  static const WordList& service_nouns = WordList::builtin("es/lists/service_nouns.tsv");
  if (lang != Language::es) return false;
  static constexpr std::string_view kArticles[] = {"el", "la", "los", "las"};
  static constexpr std::string_view kJoins[] = {"de", "del", "contra", "para"};
  const auto in = [&](size_t i, const auto& words) {
    return std::find(std::begin(words), std::end(words), doc.tokens[i].folded) != std::end(words);
  };
  if (k > 0 && in(k - 1, kArticles)) --k;
  if (k > 0 && service_nouns.contains(doc.tokens[k - 1])) return true;  // "la nueva UCI"
  return k > 1 && in(k - 1, kJoins) && service_nouns.contains(doc.tokens[k - 2]);
}

bool overlaps_hint(const HintSink& sink, size_t from, int32_t start, int32_t end) {
  for (size_t k = from; k < sink.hints().size(); ++k) {
    const Hint& h = sink.hints()[k];
    if (h.rule == "care.patient-privacy" && start < h.end && h.start < end) return true;
  }
  return false;
}

void named_diagnoses(const ListMatches& matches, HintSink& sink) {
  const size_t first_hint = sink.hints().size();
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  // A diagnosis or a procedure: "Rosa had surgery" names a patient as surely
  // as "Rosa had a stroke".
  auto diagnoses = matches.find(List::diagnoses);
  for (const PhraseMatch& p : matches.find(List::procedures)) diagnoses.push_back(p);
  const auto links = matches.find(List::care_diagnosis_link);
  // English: any condition or procedure of the WordNet classes
  // (care_terms.hpp: "Rosa's gastritis", "Omar had a thyroidectomy") where
  // a name could be tied to one.
  if (lang != Language::es) {
    for (const PhraseMatch& t : care_terms_near_names(doc, links, lang)) {
      const bool listed = std::any_of(diagnoses.begin(), diagnoses.end(), [&](const PhraseMatch& d) {
        return d.first_token <= t.first_token && t.first_token < d.last_token;
      });
      if (!listed) diagnoses.push_back(t);
    }
  }
  if (diagnoses.empty()) return;
  static const LocalizedWordList localized_followers("lists/diagnosis_followers.tsv");
  const WordList& followers = localized_followers.in(lang);
  for (const PhraseMatch& d : diagnoses) {
    if (match_in_entity(doc, d)) continue;
    // "Dr. Patel's cancer research", "Texas has a diabetes problem".
    if (next_own_word_in(doc, d.last_token, followers) || in_title(doc, d.first_token, d.last_token)) continue;
    const size_t before = skip_qualifiers_back(doc, d.first_token, lang);
    size_t first = 0, name_last = 0;
    std::string rest;  // the text after the name, kept in the replacement
    bool found = false;
    if (before > 0) {
      // "Maria's cancer": the possessive is one token.
      const Token& p = doc.tokens[before - 1];
      // A unit after it is named for the person ("St Anne's ward").
      if (p.folded.size() > 2 && p.folded.ends_with("'s") && !is_unit(doc, d.first_token, d.last_token, lang) &&
          is_name_word(doc, before - 1, std::string_view(p.folded).substr(0, p.folded.size() - 2), lang)) {
        name_last = before - 1;
        first = name_start(doc, name_last, lang);
        rest = "'s" + doc.utf8(p.end, d.end);
        found = true;
      }
    }
    if (!found) {
      for (const PhraseMatch& link : links) {
        // The link may end inside the skipped qualifiers: "had a | stroke".
        if (link.last_token < before || link.last_token > d.first_token || link.first_token == 0 ||
            !is_name(doc, link.first_token - 1, lang)) {
          continue;
        }
        name_last = link.first_token - 1;
        first = name_start(doc, name_last, lang);
        // A lone capitalised word opening a sentence with a one-word link is
        // more likely an imperative ("Help beat cancer") than a name.
        if (opens_sentence(doc, first) && first == name_last && link.last_token - link.first_token == 1) break;
        rest = doc.utf8(doc.tokens[name_last].end, d.end);
        found = true;
        break;
      }
    }
    if (!found && !is_unit(doc, d.first_token, d.last_token, lang)) {
      // "Derek, who finished chemo for lymphoma": a name with a relative
      // clause that tells their care, in the same sentence.
      const Sentence& s = sentence_of(doc, d.first_token);
      for (size_t k = s.first_token; k + 2 < before; ++k) {
        if (doc.tokens[k + 1].text != "," || doc.tokens[k + 2].folded != "who" || !is_name(doc, k, lang)) continue;
        name_last = k;
        first = name_start(doc, name_last, lang);
        if (opens_sentence(doc, first) && first == name_last) continue;  // "Remember, who..." is no name
        // Staff: "Meet our new consultant, Ciarán, who has a special interest in asthma".
        if (staff_within(doc, s.first_token, s.last_token, lang)) break;
        rest = doc.utf8(doc.tokens[name_last].end, d.end);
        found = true;
        break;
      }
    }
    if (!found || (first > 0 && is_clinician_title(doc, first - 1, lang))) continue;
    first = with_honorific(doc, first, lang);  // "Mr. Lee had a stroke" -> "A patient had a stroke"
    first = with_kin_title(doc, first, lang);  // "Grandma Rose is recovering" -> "A patient is recovering"
    first = with_age(doc, first);        // "4-year-old Sophie was..." -> "A patient was..."
    const auto [from, noun] = patient_noun(sink, doc, first, name_last + 1, d.first_token, lang);
    const int32_t start = doc.tokens[from].start;
    // A class word (no phrase) for a name already flagged adds nothing:
    // "Mateo, who has neuroblastoma and is in bed 8 on our oncology ward".
    if (!d.phrase && overlaps_hint(sink, first_hint, start, d.end)) continue;
    add(sink, start, d.end,
        sink.message("care.patient-privacy.diagnosis", {doc.utf8(start, d.end)}),
        {noun + rest});
  }
}

// ---- "Mrs. Alvarez ... her hip replacement", "4-year-old Sophie" ------------

// Spanish: a procedure named by its ending among tokens [first, last),
// outside entities ("su colostomía", "la endoscopia").
bool any_spanish_procedure(const Document& doc, size_t first, size_t last) {
  for (size_t k = first; k < last && k < doc.tokens.size(); ++k) {
    if (spanish_procedure_word(doc.tokens[k]) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// Spanish: a disease named by its ending among tokens [first, last),
// outside entities ("drepanocitosis", "neuropatía"), as English reads the
// conditions of the classes.
bool any_spanish_disease(const Document& doc, size_t first, size_t last) {
  for (size_t k = first; k < last && k < doc.tokens.size(); ++k) {
    if (spanish_disease_word(doc.tokens[k]) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// Does the text mention a diagnosis or a procedure (outside entities)?
// In English also a condition or procedure of the WordNet classes
// (care_terms.hpp): a token scan, so callers ask it last.
bool mentions_care(const ListMatches& matches) {
  const Document& doc = matches.doc();
  return any_in_text(matches, List::diagnoses) || any_in_text(matches, List::procedures) ||
         any_care_term(doc, 0, doc.tokens.size(), matches.language()) ||
         (matches.language() == Language::es &&
          (any_in_text(matches, List::patient_context) || any_spanish_procedure(doc, 0, doc.tokens.size()) ||
           any_spanish_disease(doc, 0, doc.tokens.size())));
}

// mentions_care(), asked at most once per post and only when needed.
class MentionsCare {
 public:
  explicit MentionsCare(const ListMatches& matches) : matches_(matches) {}
  bool operator()() {
    if (!asked_) {
      mentions_ = mentions_care(matches_);
      asked_ = true;
    }
    return mentions_;
  }
 private:
  const ListMatches& matches_;
  // Two plain bools: GCC's -O2 flags std::optional<bool> as maybe-uninitialized.
  bool asked_ = false;
  bool mentions_ = false;
};

// Staff, not a patient: a clinician's title or a staff word among tokens
// [first, last) ("Mrs. Jones, our head nurse", "Ms. Patel, RN").
bool staff_within(const Document& doc, size_t first, size_t last, Language lang) {
  static const LocalizedWordList localized("lists/clinician_titles.tsv");
  const WordList& titles = localized.in(lang);
  for (size_t k = first; k < doc.tokens.size() && k < last; ++k) {
    const Token& t = doc.tokens[k];
    if (titles.contains(t) || t.folded == "rn" || t.folded == "md" || t.folded == "staff" || t.folded == "team" ||
        t.folded == "volunteer" || t.folded == "retires" || t.folded == "retiring") {
      return true;
    }
  }
  return false;
}
bool staff_follows(const Document& doc, size_t name_end, Language lang) {
  return staff_within(doc, name_end, name_end + 4, lang);
}

// How many tokens after a Spanish titled name its clause may give "su" and
// a record ("la Sra. Marisol Fuentes Parra (RUT terminado en 4-K) tiene su
// examen": 10).
constexpr size_t kSpanishRecordReach = 10;

// Spanish: does the clause after a titled name (from token `after`; a note
// in brackets is passed over, a comma, a colon or a sentence mark ends it)
// give "su" or "sus" and, right after it or one word later, a care record
// (es/lists/confirms_record.tsv: examen, cita, receta, cirugía...)? The
// record is that person's ("la Sra. Marisol Fuentes Parra ... tiene su
// examen el martes 14").
bool spanish_record_of(const Document& doc, size_t after) {
  static const WordList& records = WordList::builtin("es/lists/confirms_record.tsv");
  const size_t n = doc.tokens.size();
  int depth = 0;
  for (size_t k = after; k < n && k < after + kSpanishRecordReach; ++k) {
    const Token& t = doc.tokens[k];
    if (t.text == "(") ++depth;
    if (t.text == ")") --depth;
    if (depth > 0 || t.kind == TokenKind::punct) {
      if (depth == 0 && t.text != ")") return false;  // the clause ends
      continue;
    }
    if (t.folded != "su" && t.folded != "sus") continue;
    for (size_t r = k + 1; r < n && r <= k + 2; ++r) {
      if (records.contains(doc.tokens[r]) && !token_in_entity(doc, r)) return true;
    }
  }
  return false;
}

// English: does a care record or a care term follow a titled name's
// possessive within three words ("Mr Thompson's Monday infusion": the
// record nouns of care.confirms-patient, lists/care_record_nouns.tsv)?
bool care_owned_by(const Document& doc, size_t name, size_t name_end, Language lang) {
  static const WordList& records = WordList::builtin("lists/care_record_nouns.tsv");
  if (lang == Language::es) return spanish_record_of(doc, name_end);
  size_t name_last = name;
  while (name_last < name_end && !doc.tokens[name_last].folded.ends_with("'s")) ++name_last;
  if (name_last == name_end) return false;
  for (size_t k = name_last + 1; k < doc.tokens.size() && k <= name_last + 3; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) return false;  // punctuation ends the reach
    if ((records.contains(t) || care_term(t, lang) != CareTerm::none) && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// A titled name (Mr., Mrs., Ms., Miss, Mx. + a capitalised name) in a post
// that mentions a diagnosis or a procedure, or whose care record follows:
// English by its possessive ("Mr Thompson's Monday infusion"), Spanish by
// "su" in its clause ("la Sra. Marisol Fuentes Parra ... tiene su examen").
void titled_names(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  MentionsCare care(matches);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!honorifics(lang).contains(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    const size_t name = skip_honorific(doc, i, lang);
    if (name == i || !is_name(doc, name, lang)) continue;
    size_t name_end = name + 1;
    while (name_end < name + 3 && is_name(doc, name_end, lang)) ++name_end;
    // Staff: "Mrs. Jones, our head nurse", "our nurse Mrs Evans".
    if (staff_follows(doc, name_end, lang) || (i > 0 && is_clinician_title(doc, i - 1, lang))) continue;
    const bool owned = !care() && care_owned_by(doc, name, name_end, lang);
    if (!owned && !care()) continue;
    const auto [from, noun] = patient_noun(sink, doc, i, name_end, name_end, lang);
    const int32_t start = doc.tokens[from].start, end = doc.tokens[name_end - 1].end;
    if (overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end,
        sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}),
        {owned && lang != Language::es ? noun + "'s" : noun});
  }
}

// Spanish ages follow the name: "Mateo, de 8 años,", "Lupita, 6 años,",
// "Samuel Ortiz (7 años)". If token i is the number of such an age, the
// first token of the name; else the token count.
size_t spanish_aged_name(const Document& doc, size_t i, Language lang) {
  const size_t n = doc.tokens.size();
  if (lang != Language::es || i + 1 >= n || i < 2) return n;
  const std::string_view unit = doc.tokens[i + 1].folded;
  if (unit != "años" && unit != "anos" && unit != "meses") return n;
  // "Clínica Norte, de 25 años de historia": an institution's age.
  if (i + 2 < n && doc.tokens[i + 2].folded == "de") return n;
  size_t k = i - 1;
  if (doc.tokens[k].folded == "de") --k;             // "de 8 años"
  if (doc.tokens[k].text != "," && doc.tokens[k].text != "(") return n;
  if (k == 0 || !is_name(doc, k - 1, lang)) return n;
  const size_t first = name_start(doc, k - 1, lang);
  // "el Dr. Pérez, de 60 años, se jubila": staff, not a patient.
  if (first > 0 && is_clinician_title(doc, first - 1, lang)) return n;
  return first;
}

// A person's age beside a first name ("4-year-old Sophie", "Sophie, 4,") in
// a post about a diagnosis or a procedure: a child's story told without
// consent identifies the child to everyone who knows them.
void named_ages(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  MentionsCare care(matches);
  const size_t n = doc.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    const long age = number_value(doc.tokens[i]);
    if (age < 0 || age > 120 || token_in_entity(doc, i)) continue;
    size_t name = n;
    int32_t start = 0, end = 0;
    // "4-year-old Sophie": number, "-", "year", "-", "old", name.
    size_t k = i + 1;
    while (k < n && (doc.tokens[k].text == "-" || doc.tokens[k].folded == "year" || doc.tokens[k].folded == "years" ||
                     doc.tokens[k].folded == "old") && k < i + 6) {
      ++k;
    }
    if (k > i + 2 && doc.tokens[k - 1].folded == "old" && is_name(doc, k, lang)) {
      name = k;
      start = doc.tokens[i].start;
      end = doc.tokens[k].end;
    } else if (i >= 2 && doc.tokens[i - 1].text == "," &&
               (i + 1 == n || doc.tokens[i + 1].text == "," || doc.tokens[i + 1].text == ".") &&
               is_name(doc, i - 2, lang)) {
      // "Sophie, 4, ...", "Meet Arjun, 6.": the first name alone ("Meet
      // Liam, 7," is not "Meet Liam").
      name = i - 2;
      start = doc.tokens[name].start;
      end = doc.tokens[i].end;
    } else if (lang != Language::es && i >= 2 && doc.tokens[i - 1].text == "(" && i + 1 < n &&
               doc.tokens[i + 1].text == ")" && is_name(doc, i - 2, lang)) {
      // "Liam (7) rang the bell": the age in brackets (English; Spanish
      // writes "(7 años)", below).
      name = i - 2;
      start = doc.tokens[name].start;
      end = doc.tokens[i + 1].end;
    } else if (const size_t first = spanish_aged_name(doc, i, lang); first != n) {
      name = first;
      start = doc.tokens[first].start;
      end = doc.tokens[i + 1].end;
      if (i + 2 < n && doc.tokens[i + 2].text == ")") end = doc.tokens[i + 2].end;  // "(7 años)"
    }
    if (name == n || overlaps_hint(sink, first_hint, start, end) || !care()) continue;
    add(sink, start, end,
        sink.message("care.patient-privacy.age", {doc.utf8(start, end)}));
  }
}

// The name a pronoun before token `pronoun` stands for: the nearest name
// (or possessive name: "Maya's story") in its sentence or the one before,
// not opening a sentence and not a clinician's; else npos.
size_t antecedent_name(const Document& doc, size_t pronoun, Language lang) {
  constexpr size_t none = static_cast<size_t>(-1);
  const Sentence& own = sentence_of(doc, pronoun);
  size_t from = own.first_token;
  if (from > 0) from = sentence_of(doc, from - 1).first_token;
  for (size_t k = pronoun; k > from; --k) {
    const size_t i = k - 1;
    const Token& t = doc.tokens[i];
    const bool possessive = t.folded.size() > 2 && t.folded.ends_with("'s");
    const std::string_view word = possessive ? std::string_view(t.folded).substr(0, t.folded.size() - 2)
                                             : std::string_view(t.folded);
    if (!is_name_word(doc, i, word, lang) || opens_sentence(doc, i)) continue;
    if (i > 0 && is_clinician_title(doc, i - 1, lang)) return none;
    return i;
  }
  return none;
}

// "we're sharing Maya's story. At 3 she was diagnosed with leukemia": a
// personal pronoun with a diagnosis link and a diagnosis, and a name in its
// sentence or the one before. English only. The span is the name.
void named_by_pronoun(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const WordList& pronouns = WordList::builtin("lists/person_pronouns.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  if (lang == Language::es || !matches.hit(List::care_diagnosis_link)) return;
  MentionsCare care(matches);
  for (const PhraseMatch& link : matches.find(List::care_diagnosis_link)) {
    if (link.first_token == 0 || !pronouns.contains(doc.tokens[link.first_token - 1])) continue;
    const bool with_diagnosis = matches.any(List::diagnoses, link.last_token, link.last_token + 4) ||
                                matches.any(List::procedures, link.last_token, link.last_token + 4) ||
                                any_care_term(doc, link.last_token, link.last_token + 4, lang);
    if (!with_diagnosis || !care()) continue;
    const size_t name = antecedent_name(doc, link.first_token - 1, lang);
    if (name == static_cast<size_t>(-1)) continue;
    const size_t first = with_honorific(doc, name_start(doc, name, lang), lang);
    const int32_t start = doc.tokens[first].start, end = doc.tokens[name].end;
    if (overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
  }
}

// How far after a relative their diagnosis may be told ("Our colleague's
// daughter has just been diagnosed with type 1 diabetes": 7).
constexpr size_t kRelativeReach = 10;

// English: a relative described by whose they are, in a sentence that tells
// their diagnosis or procedure: "Our colleague's daughter has just been
// diagnosed with type 1 diabetes", "Ana's son, who has epilepsy". The
// description identifies the person to everyone who knows the colleague. A
// third party's possessive ("colleague's", "Ana's"; "your" and "my" are
// not possessives of this shape) right before a relation word
// (lists/kin_words.tsv), then in the same clause (commas allowed) a link
// ("diagnosed", or a phrase of care_diagnosis_link.tsv) and a diagnosis, a
// procedure or a condition within four words after it. The span is the
// possessive and the relation.
void described_relatives(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  if (lang == Language::es) return;
  for (size_t o = 0; o + 1 < doc.tokens.size(); ++o) {
    const Token& owner = doc.tokens[o];
    // The cheap test first: few words are possessives.
    if (owner.folded.size() <= 2 || !owner.folded.ends_with("'s") || token_in_entity(doc, o)) continue;
    // The relation right after it, or after one word ("our head of
    // finance's little girl").
    size_t i = o + 1;
    if (!is_kin(doc.tokens[i], lang) && i + 1 < doc.tokens.size() && doc.tokens[i].kind == TokenKind::word) ++i;
    if (!is_kin(doc.tokens[i], lang) || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    bool told = false;
    for (size_t k = i + 1; k < s.last_token && k <= i + kRelativeReach && !told; ++k) {
      const Token& t = doc.tokens[k];
      if (t.kind == TokenKind::punct && t.text != ",") break;  // the clause ends
      size_t after = 0, reach = 4;
      if (t.folded == "diagnosed") after = k + 1;
      else if (const Phrase* link = matches.starting_at(List::care_diagnosis_link, k, s.last_token)) after = k + link->tokens.size();
      // "... having her kidney transplant": their own care, by its possessive
      // (one word between at most, as for a named person's).
      else if (t.folded == "his" || t.folded == "her") after = k + 1, reach = 2;
      if (after == 0) continue;
      const size_t until = std::min(after + reach, static_cast<size_t>(s.last_token));
      told = matches.any(List::diagnoses, after, until) || matches.any(List::procedures, after, until) ||
             any_care_term(doc, after, until, lang);
    }
    const int32_t start = owner.start, end = doc.tokens[i].end;
    if (!told || overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.diagnosis", {doc.utf8(start, end)}));
  }
}

// English: a person named in a sentence that tells "his" or "her"
// diagnosis or procedure: "Lovely to see Kwame (the plumber from Tema Road)
// back on his feet after his bypass", "So glad we could help @dan_rugby get
// back on the pitch after his ACL repair". The name is a capitalised word
// that does not open the sentence and is no clinician's, or an @mention
// that is not the reply's own addressee (whose care is
// care.confirms-patient's); not a word after "the", "our", "from", "in"...
// ("The Lancet", "from Mullingar"); the possessive comes after it, and the
// diagnosis, procedure or condition right after the possessive (one
// qualifier between at most: "his second bypass"). The span is the name.
void named_with_possessive(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const WordList& followers = WordList::builtin("lists/diagnosis_followers.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  if (lang == Language::es) return;
  for (size_t p = 1; p + 1 < doc.tokens.size(); ++p) {
    const std::string_view w = doc.tokens[p].folded;
    if ((w != "his" && w != "her") || token_in_entity(doc, p)) continue;
    // "her dad's stroke": a relative's care, told as the person's context.
    if (is_kin(doc.tokens[p + 1], lang)) continue;
    const size_t until = std::min(p + 3, doc.tokens.size());
    // Not a service, a role or a course ("her diabetes educator course":
    // a word of lists/diagnosis_followers.tsv after it).
    const auto own = [&](size_t next) { return !next_own_word_in(doc, next, followers); };
    bool told = false;
    for (List list : {List::diagnoses, List::procedures}) {
      for (const PhraseMatch& m : matches.find(list, p + 1, until)) told = told || own(m.last_token);
    }
    for (size_t k = p + 1; k < until && !told; ++k) {
      told = care_term(doc.tokens[k], lang) != CareTerm::none && !token_in_entity(doc, k) && own(k + 1);
    }
    if (!told) continue;
    const Sentence& s = sentence_of(doc, p);
    int32_t start = -1, end = -1;
    // The nearest name before the possessive; a capitalised word after "the",
    // "our", "from", "in"... is a title or a place ("The Lancet", "our Stroke
    // Survivors Walk", "from Mullingar").
    static constexpr std::string_view kNotBeforeName[] = {"the", "a", "an", "our", "from", "in", "at", "of", "on"};
    for (size_t k = p; k > s.first_token && start < 0; --k) {
      const size_t n = k - 1;
      if (n == 0 || !is_name(doc, n, lang) || opens_sentence(doc, n) || is_clinician_title(doc, n - 1, lang) ||
          honorifics(lang).contains(doc.tokens[n - 1]) || is_name(doc, n - 1, lang) ||
          std::find(std::begin(kNotBeforeName), std::end(kNotBeforeName), doc.tokens[n - 1].folded) != std::end(kNotBeforeName)) {
        continue;
      }
      // The whole name, with a relation written as a title ("Grandad Joe").
      size_t last = n;
      while (last + 1 < p && is_name(doc, last + 1, lang)) ++last;
      start = doc.tokens[with_kin_title(doc, n, lang)].start;
      end = doc.tokens[last].end;
    }
    // A mention inside the sentence's words, not one a reply opens with.
    const size_t opening = first_own_word(doc, s.first_token, s.last_token);
    for (const Entity& m : doc.entities.mentions) {
      if (start >= 0 || opening >= s.last_token) break;
      if (m.start > doc.tokens[opening].start && m.end <= doc.tokens[p].start) {
        start = m.start;
        end = m.end;
      }
    }
    if (start < 0 || overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
  }
}

// Does sentence s or the next tell of care: a diagnosis, a procedure or a
// stay, a word of lists/patient_context.tsv ("born", "admitted",
// "recovery"), or (English) a condition or procedure of the classes?
bool tells_care_near(const ListMatches& matches, const Sentence& s) {
  const Document& doc = matches.doc();
  const auto index = static_cast<size_t>(&s - doc.sentences.data());
  const size_t until = index + 1 < doc.sentences.size() ? doc.sentences[index + 1].last_token : s.last_token;
  const auto own = [&](List list) {
    for (const PhraseMatch& m : matches.find(list, s.first_token, until)) {
      if (!match_in_entity(doc, m)) return true;
    }
    return false;
  };
  return own(List::diagnoses) || own(List::procedures) || own(List::patient_context) ||
         any_care_term(doc, s.first_token, until, matches.language()) ||
         (matches.language() == Language::es && any_spanish_procedure(doc, s.first_token, until));
}

// A named person's story in a post about care: "we're sharing Ruby's story:
// she's 9, has kidney failure", "la historia de Ramón Ibarra, 71 años, ...
// tras su implante coclear" (lists/story_words.tsv: story; Spanish
// historia, testimonio, relato). A story a health account tells of a named
// person is a patient's. English: a name's possessive (not opening its
// sentence: "Women's story") right before the story word or one word
// before it; Spanish: the story word, "de", and a name, with its
// honorific ("la historia de don Efraín Molina"); and care told in that
// sentence or the next. Not a clinician's ("Dr. Osei's story"), nor in a
// sentence with a staff word ("Priya's story of 20 years as a volunteer on
// our children's ward"). The span is the name.
void named_stories(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const LocalizedWordList localized("lists/story_words.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  const WordList& stories = localized.in(lang);
  const size_t n = doc.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    if (!stories.contains(doc.tokens[i]) || token_in_entity(doc, i)) continue;
    const Sentence& s = sentence_of(doc, i);
    size_t first = n, name_last = n;
    bool possessive = false;
    if (lang == Language::es && i + 1 < n && doc.tokens[i + 1].folded == "de") {
      // "la historia de don Efraín Molina"
      const size_t name = skip_honorific(doc, i + 2, lang);
      if (name < n && is_name(doc, name, lang)) {
        first = i + 2;
        name_last = name;
        while (name_last + 1 < name + 3 && is_name(doc, name_last + 1, lang)) ++name_last;
      }
    }
    if (lang != Language::es) {
      // "Ruby's story", "Ruby's incredible story"
      for (size_t k = i; k > 0 && k + 3 > i && first == n; --k) {
        const Token& p = doc.tokens[k - 1];
        if (p.folded.size() <= 2 || !p.folded.ends_with("'s")) continue;
        if (!is_name_word(doc, k - 1, std::string_view(p.folded).substr(0, p.folded.size() - 2), lang)) break;
        name_last = k - 1;
        first = with_honorific(doc, name_start(doc, name_last, lang), lang);
        possessive = true;
        if (opens_sentence(doc, first)) first = n;
        break;
      }
    }
    if (first == n) continue;
    if (clinician_named(doc, first, lang) || staff_within(doc, s.first_token, s.last_token, lang) ||
        !tells_care_near(matches, s)) {
      continue;
    }
    const auto [from, noun] = patient_noun(sink, doc, first, name_last + 1, doc.tokens.size(), lang);
    const int32_t start = doc.tokens[from].start, end = doc.tokens[name_last].end;
    if (overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}),
        {possessive ? noun + "'s" : noun});
  }
}

// How many tokens a note in brackets after a name may hold ("Maureen
// (Tuesdays 10am, Alzheimer's)": 6).
constexpr size_t kBracketReach = 8;

// A name with its diagnosis or procedure in brackets right after it: "lovely
// people like Maureen (Tuesdays 10am, Alzheimer's)", "Rosa (diabetes tipo
// 1)". The note says what the person has. Not a clinician ("Dr. Kim
// (oncology)"), not a service or a role ("Sarah (diabetes nurse)": a word
// of lists/diagnosis_followers.tsv after the diagnosis, or a staff word in
// the note). The span is the name.
void named_in_brackets(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const LocalizedWordList localized_followers("lists/diagnosis_followers.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  const WordList& followers = localized_followers.in(lang);
  const size_t n = doc.tokens.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    if (doc.tokens[i + 1].text != "(" || !is_name(doc, i, lang)) continue;
    const size_t first = with_honorific(doc, name_start(doc, i, lang), lang);
    if (clinician_named(doc, first, lang)) continue;
    size_t close = i + 2;
    while (close < n && close < i + 2 + kBracketReach && doc.tokens[close].text != ")") ++close;
    if (close >= n || doc.tokens[close].text != ")" || staff_within(doc, i + 2, close, lang)) continue;
    bool told = false;
    for (List list : {List::diagnoses, List::procedures}) {
      for (const PhraseMatch& m : matches.find(list, i + 2, close)) {
        const Token* next = token(doc, m.last_token);
        told = told || (!match_in_entity(doc, m) && !(next && followers.contains(*next)));
      }
    }
    for (size_t k = i + 2; k < close && !told; ++k) {
      const Token* next = token(doc, k + 1);
      told = care_term(doc.tokens[k], lang) != CareTerm::none && !token_in_entity(doc, k) &&
             !(next && followers.contains(*next));
    }
    const int32_t start = doc.tokens[first].start, end = doc.tokens[i].end;
    if (!told || overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
  }
}

// Spanish: the person whose permission a post states, by name ("Con el
// permiso de Mabel y de su familia, hoy les contamos su trasplante de
// riñón": a consent phrase of care_consent.tsv that ends in "de", then a
// name), in a post about care, is the patient the post names; the consent
// makes it the warning. Not a clinician's ("con la autorización de la Dra.
// Ruiz" has an article and a title).
void named_in_consent(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  if (lang != Language::es) return;
  MentionsCare care(matches);
  for (const PhraseMatch& m : matches.find(List::care_consent)) {
    if (match_in_entity(doc, m) || doc.tokens[m.last_token - 1].folded != "de") continue;
    const size_t name = skip_honorific(doc, m.last_token, lang);
    if (!is_name(doc, name, lang)) continue;
    if (is_clinician_title(doc, m.last_token, lang)) continue;  // "la Dra. Ruiz"
    size_t name_end = name + 1;
    while (name_end < name + 3 && is_name(doc, name_end, lang)) ++name_end;
    const int32_t start = doc.tokens[m.last_token].start, end = doc.tokens[name_end - 1].end;
    if (overlaps_hint(sink, first_hint, start, end) || !care()) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
  }
}

// How far after a relative their care may be told ("their father's stay",
// "her mum's hip replacement": 3).
constexpr size_t kKinCareReach = 3;

// English: a family named by its surname ("the Nkosi family") in a sentence
// that tells a relative's care: a relation word with a care record, a
// diagnosis, a procedure or a condition within three words after it ("A
// huge thank you to the Nkosi family for the flowers they sent to Ward 9
// after their father's stay with us"), or the account's care of the
// relative ("for letting us care for your gran at home"). The family's name
// tells everyone who the patient was. Not "the Westmere Family Practice" (a capital F names a
// place), not a family's gift without a relative's care ("the Ortega family
// donated chairs for the ward"). The span is the family's name.
void named_families(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const WordList& records = WordList::builtin("lists/care_record_nouns.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  if (lang == Language::es) return;
  // "for letting us care for your gran", "nursed their dad": the account's
  // care of the relative at token k (lists/care_giving_verbs.tsv, then "for"
  // or "after" and one word, or the verb and one word).
  static const WordList& care_verbs = WordList::builtin("lists/care_giving_verbs.tsv");
  const auto cared_for = [&](size_t k) {
    if (k >= 3 && (doc.tokens[k - 2].folded == "for" || doc.tokens[k - 2].folded == "after") &&
        care_verbs.contains(doc.tokens[k - 3])) {
      return true;
    }
    return k >= 2 && care_verbs.contains(doc.tokens[k - 2]) && doc.tokens[k - 1].kind == TokenKind::word;
  };
  for (size_t i = 1; i + 1 < doc.tokens.size(); ++i) {
    if (doc.tokens[i + 1].text != "family" || doc.tokens[i - 1].folded != "the" || !is_name(doc, i, lang)) continue;
    const Sentence& s = sentence_of(doc, i);
    bool told = false;
    for (size_t k = s.first_token; k < s.last_token && !told; ++k) {
      if (!is_kin(doc.tokens[k], lang) || token_in_entity(doc, k)) continue;
      const size_t until = std::min(k + 1 + kKinCareReach, static_cast<size_t>(s.last_token));
      for (size_t c = k + 1; c < until && !told; ++c) {
        told = (records.contains(doc.tokens[c]) && !token_in_entity(doc, c)) ||
               matches.any(List::diagnoses, c, c + 1) || matches.any(List::procedures, c, c + 1);
      }
      told = told || any_care_term(doc, k + 1, until, lang) || cared_for(k);
    }
    const int32_t start = doc.tokens[i].start, end = doc.tokens[i + 1].end;
    if (!told || overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.named", {doc.utf8(start, end)}));
  }
}

// What replaces "la niña Valentina" (the person word at token i and the
// name after it), and where the replaced span starts: the article stays in
// agreement ("la niña Valentina" -> "la paciente", "al pequeño Tomás" -> "al
// paciente"), a possessive goes with the person ("nuestro vecino Julián" ->
// "un paciente").
std::pair<size_t, std::string> introduced_patient_noun(const HintSink& sink, const Document& doc, size_t i) {
  const std::string_view det = i > 0 ? std::string_view(doc.tokens[i - 1].folded) : std::string_view();
  const std::string_view noun = doc.tokens[i].folded;
  const bool feminine = det == "la" || det == "una" || det == "nuestra" || det == "esta" ||
                        (det != "el" && det != "un" && det != "nuestro" && det != "este" &&
                         (noun.ends_with("a") || noun == "mamá" || noun == "madre"));
  const bool possessive = det == "su" || det == "sus" || det == "tu" || det == "mi" || det == "nuestro" ||
                          det == "nuestra" || det == "este" || det == "esta" || det == "un" || det == "una";
  // The possessive goes with the person, and no article stands before it.
  if (possessive) return agreeing_patient_noun(sink, doc, i - 1, "", feminine);
  return agreeing_patient_noun(sink, doc, i, det, feminine);
}

// How many tokens before "de su" a record may stand ("la cita de
// neuropediatría | de su hijo": 3).
constexpr size_t kKinRecordReach = 4;

// Spanish introduces a person by a word for who they are before the name:
// "la niña Valentina", "el pequeño Tomás", "la usuaria Luz Marina Ospina",
// "nuestro vecino Julián" (es/lists/person_nouns.tsv). With a care fact
// (a diagnosis, a procedure or a stay, a patient-context word, a room) in
// the same sentence or the next, that person is a patient.
void spanish_introduced_names(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  const Language lang = matches.language();
  if (lang != Language::es) return;
  const Document& doc = matches.doc();
  static const WordList& person_nouns = WordList::builtin("es/lists/person_nouns.tsv");
  // A room counts with its number ("la habitación 508"; "la sala de
  // espera" is no one's).
  const auto numbered_room_in = [&](size_t first, size_t last) {
    for (const PhraseMatch& m : matches.find(List::care_room_cue, first, last)) {
      if (const Token* number = token(doc, m.last_token); number && number->kind == TokenKind::number) return true;
    }
    return false;
  };
  // A care fact named after a service ("el programa de diabetes", "la
  // unidad de cuidados paliativos") is the service's, no one's.
  const auto care_fact_in = [&](size_t first, size_t last) {
    for (List list : {List::diagnoses, List::procedures, List::patient_context}) {
      for (const PhraseMatch& m : matches.find(list, first, last)) {
        if (!spanish_service_before(doc, m.first_token, lang)) return true;
      }
    }
    return numbered_room_in(first, last);
  };
  const auto care_fact_near = [&](size_t i) {
    const Sentence& s = sentence_of(doc, i);
    const auto index = static_cast<size_t>(&s - doc.sentences.data());
    const size_t until = index + 1 < doc.sentences.size() ? doc.sentences[index + 1].last_token : s.last_token;
    return care_fact_in(s.first_token, until);
  };
  const auto name_end_from = [&](size_t first) {
    size_t end = first + 1;
    while (end < first + 3 && is_name(doc, end, lang)) ++end;  // "Luz Marina Ospina"
    return end;
  };
  static const WordList& kin = WordList::builtin("es/lists/kin_nouns.tsv");
  // A care record whose "de su" names the relative at token i: "la cita de
  // neuropediatría de su hijo Samuel", "la receta de acenocumarol de su
  // esposa Amparo" (es/lists/confirms_record.tsv, up to kKinRecordReach
  // tokens before "de").
  static const WordList& records = WordList::builtin("es/lists/confirms_record.tsv");
  const auto record_of_kin = [&](size_t i) {
    if (i < 3 || (doc.tokens[i - 1].folded != "su" && doc.tokens[i - 1].folded != "tu") ||
        doc.tokens[i - 2].folded != "de") {
      return false;
    }
    const size_t from = i - 2 > kKinRecordReach ? i - 2 - kKinRecordReach : 0;
    for (size_t r = i - 2; r > from; --r) {
      const Token& t = doc.tokens[r - 1];
      if (t.kind == TokenKind::punct) return false;  // the phrase ends
      if (records.contains(t) && !token_in_entity(doc, r - 1)) return true;
    }
    return false;
  };
  for (size_t i = 0; i + 1 < doc.tokens.size(); ++i) {
    if (token_in_entity(doc, i)) continue;
    if (person_nouns.contains(doc.tokens[i]) && is_name(doc, i + 1, lang)) {
      const size_t name_end = name_end_from(i + 1);
      if (!care_fact_near(i) && !record_of_kin(i)) continue;
      const auto [from, noun] = introduced_patient_noun(sink, doc, i);
      const int32_t start = doc.tokens[from].start, end = doc.tokens[name_end - 1].end;
      if (overlaps_hint(sink, first_hint, start, end)) continue;
      add(sink, start, end,
          sink.message("care.patient-privacy.named", {doc.utf8(doc.tokens[i + 1].start, end)}), {noun});
    } else if (kin.contains(doc.tokens[i])) {
      // "la familia de Rosa", "la familia Huamán Quispe", "su mamá, Luz
      // Dary": the person is named by whom they belong to. The name alone
      // is flagged (no rewrite: the sentence's grammar decides what
      // replaces it).
      size_t name = i + 1;
      if (name < doc.tokens.size() && (doc.tokens[name].folded == "de" || doc.tokens[name].text == ",")) ++name;
      // "la Asociación de Familiares de Alzheimer": a disease named after a
      // person is no relative's name.
      if (!is_name(doc, name, lang) || matches.any(List::diagnoses, name, name + 1)) continue;
      const size_t name_end = name_end_from(name);
      const Token& first = doc.tokens[name];
      if ((!care_fact_near(i) && !record_of_kin(i)) ||
          overlaps_hint(sink, first_hint, first.start, doc.tokens[name_end - 1].end)) {
        continue;
      }
      add(sink, first.start, doc.tokens[name_end - 1].end,
          sink.message("care.patient-privacy.named", {doc.utf8(first.start, doc.tokens[name_end - 1].end)}));
    }
  }
  // A name with who they are after it: "María, paciente de Nefrología",
  // "Rosa, nuestra usuaria del CESFAM", "Tomás, un pequeño de 4 años".
  static const WordList& determiners = WordList::builtin("es/lists/person_determiners.tsv");
  for (size_t i = 0; i + 2 < doc.tokens.size(); ++i) {
    if (!is_name(doc, i, lang) || token_in_entity(doc, i) || doc.tokens[i + 1].text != ",") continue;
    const size_t name_first = name_start(doc, i, lang);
    if (name_first > 0 && is_clinician_title(doc, name_first - 1, lang)) continue;  // staff, not a patient
    size_t k = i + 2;
    if (determiners.contains(doc.tokens[k])) ++k;
    if (k >= doc.tokens.size() || token_in_entity(doc, k)) continue;
    const bool who = person_nouns.contains(doc.tokens[k]) || doc.tokens[k].folded == "paciente";
    if (!who || !care_fact_near(i)) continue;
    const int32_t start = doc.tokens[name_first].start, end = doc.tokens[i].end;
    if (overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.named", {doc.utf8(start, end)}));
  }
}

// How many tokens after a name its clause may tell its care ("Yina Barros
// ingresó anoche con quemaduras": 4; "Tane, who after 20 years of flare-ups
// is now in remission": 12).
constexpr size_t kSubjectReach = 12;
// How many tokens after "whose" a role's care may end ("whose double hand
// transplant": 3).
constexpr size_t kRoleCareReach = 3;
// How many tokens after a present verb its care may end ("starts | his |
// chemo": 2).
constexpr size_t kPresentCareReach = 2;

// Does a word have a capital after its first letter ("CalmaMax", "HbA1c")?
// A product's or a measure's name, not a person's.
bool inner_capital(std::string_view text) {
  for (size_t k = 1; k < text.size(); ++k) {
    if (text[k] >= 'A' && text[k] <= 'Z') return true;
  }
  return false;
}

// Is there a word (letters, outside entities) before token i in sentence s?
// A capitalised word with none before it opens the sentence ("2/ Signs of
// sepsis", "A4: Honestly", "R3: Yo les digo"), where any word is written so.
bool word_before(const Document& doc, const Sentence& s, size_t i) {
  for (size_t k = s.first_token; k < i; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind == TokenKind::word && digit_count(t.text) == 0 && !token_in_entity(doc, k)) return true;
  }
  return false;
}

// A person named as the subject of a clause that tells their care. Both
// languages: a name, then ", who" / ", que" or "whose" and the clause
// ("meet Tane, who ... is now in remission", "su compañero de cuarto, Julio
// Arana, que sigue internado por un derrame"); English also a role after a
// place, which singles someone out as a name does ("the Phibsborough
// postman whose double hand transplant we did") and a name, a verb of
// going through care and the care at once ("Our porter Dave starts chemo");
// Spanish also the name
// and at once its verb ("Confirmamos que Yina Barros ingresó anoche con
// quemaduras"). The name: one to three capitalised words that do not open
// the sentence, no clinician's title or honorific before (their readings
// are others'), not after a word of lists/not_before_subject.tsv ("the",
// "from", "de": a title or a place; "San Isidro" is a place too), after a
// word in lower case or a comma, no capital inside ("CalmaMax"), no staff
// word in the sentence. The care, before the clause ends (".", ";",
// ":", "!", "?"; commas do not end it): a diagnosis, a procedure or
// (Spanish) a stay of patient_context.tsv, not a service's (a word of
// diagnosis_followers.tsv after it), or a condition or procedure by its
// class or ending; not right after the name, which then names the disease
// ("Batten disease", "Duchenne muscular dystrophy"). The span is the name
// (with the role).
void named_subjects(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const LocalizedWordList localized_followers("lists/diagnosis_followers.tsv");
  static const LocalizedWordList localized_pronouns("lists/relative_pronouns.tsv");
  static const LocalizedWordList localized_before("lists/not_before_subject.tsv");
  static const WordList& subject_verbs = WordList::builtin("lists/subject_verbs.tsv");
  static const WordList& subject_openers = WordList::builtin("es/lists/subject_openers.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  const WordList& followers = localized_followers.in(lang);
  const WordList& relatives = localized_pronouns.in(lang);
  const WordList& not_before = localized_before.in(lang);
  static const LocalizedWordList localized_statistics("lists/statistic_words.tsv");
  const WordList& statistics = localized_statistics.in(lang);
  const size_t n = doc.tokens.size();
  const auto service = [&](size_t next) { return next_own_word_in(doc, next, followers); };
  // The end of the care words at token k, or 0: not a service's
  // ("diabetes clinic").
  const auto care_at = [&](size_t k, size_t last) -> size_t {
    if (token_in_entity(doc, k) || spanish_service_before(doc, k, lang)) return 0;
    for (List list : {List::diagnoses, List::procedures, List::patient_context}) {
      if (list == List::patient_context && lang != Language::es) continue;  // English's holds "baby", "congrats"
      if (const Phrase* p = matches.starting_at(list, k, last)) {
        const size_t end = k + p->tokens.size();
        return service(end) ? 0 : end;
      }
    }
    const Token& t = doc.tokens[k];
    const bool term = lang == Language::es ? spanish_procedure_word(t) || spanish_disease_word(t)
                                           : care_term(t, lang) != CareTerm::none;
    return term && !service(k + 1) ? k + 1 : 0;
  };
  // Care told of the subject: not a title ("named Dementia Champion") nor
  // a unit alone ("who has worked on our stroke ward").
  const auto care_told_at = [&](size_t k, size_t last) {
    const size_t end = care_at(k, last);
    return end != 0 && !in_title(doc, k, end) && !is_unit(doc, k, end, lang);
  };
  // A word that may be a clause's verb: lower case, letters, no article or
  // preposition ("Día Mundial del Ictus").
  const auto verb_at = [&](size_t k) {
    const Token& t = doc.tokens[k];
    return t.kind == TokenKind::word && !starts_upper(t.text) && digit_count(t.text) == 0 && !token_in_entity(doc, k) &&
           !not_before.contains(t);
  };
  // English: a verb of going through care (lists/undergo_verbs.tsv: "Our
  // porter Dave starts chemo on Monday"), whose care must then come at once
  // (kPresentCareReach); a verb of doing makes the care a topic ("runs
  // diabetes workshops").
  static const WordList& undergo_verbs = WordList::builtin("lists/undergo_verbs.tsv");
  const auto present_verb = [&](size_t k) {
    return lang != Language::es && undergo_verbs.contains(doc.tokens[k]) && !token_in_entity(doc, k);
  };
  for (size_t i = 0; i + 2 < n; ++i) {
    if (!is_name(doc, i, lang) || is_name(doc, i + 1, lang) || token_in_entity(doc, i)) continue;
    const size_t first = name_start(doc, i, lang);
    const Sentence& s = sentence_of(doc, i);
    if (!word_before(doc, s, first) || inner_capital(doc.tokens[i].text) || care_at(first, i + 1) ||
        doc.tokens[i].text.size() < 2 || not_before.contains(doc.tokens[first])) {
      continue;
    }
    // After a colon, a quote or an emoji a capital opens a title or a
    // heading ("RT @x: Campaña nacional", "Encuentro "Comer con diabetes"").
    // In Spanish a name after a noun is a place's or a school's ("la aldea
    // Chuicacá", "la primaria Benito Juárez"): only a comma or a
    // conjunction (es/lists/subject_openers.tsv: "que", "y") may come
    // before the subject.
    // In English a sentence (or what a colon opens) may start with a
    // capitalised word that is no name ("Today Aisha is 19, has a diagnosis
    // of..."): the subject follows it. (Spanish: "Hoy México vive con un
    // brote de dengue" is a place's.)
    const Token& prev = doc.tokens[first - 1];
    const bool opener = lang != Language::es && starts_upper(prev.text) && not_names(lang).contains(prev) &&
                        (!word_before(doc, s, first - 1) || (first >= 2 && doc.tokens[first - 2].text == ":"));
    if (prev.text != "," && !opener &&
        (prev.kind != TokenKind::word || starts_upper(prev.text) || (lang == Language::es && !subject_openers.contains(prev)))) {
      continue;
    }
    if (first > 0 && (is_clinician_title(doc, first - 1, lang) || honorifics(lang).contains(doc.tokens[first - 1]))) {
      continue;
    }
    size_t k = i + 1;
    bool present = false;
    // "the Phibsborough postman whose": a role after a place (English).
    const bool role = lang != Language::es && verb_at(k) && relatives.contains(doc.tokens[k + 1]) &&
                      doc.tokens[k + 1].folded != "who";
    if (role) {
      ++k;
    } else {
      if (first > 0 && not_before.contains(doc.tokens[first - 1])) continue;
      if (doc.tokens[k].text == "," && relatives.contains(doc.tokens[k + 1])) ++k;  // ", who"
      // English reads the clause a relative pronoun opens, or a name then
      // "is", "was", "has"... (lists/subject_verbs.tsv): a name and another
      // word after it may be a product's or a group's ("Cedar Hollow
      // scientists discover").
      const bool verb = lang == Language::es ? verb_at(k) && !care_at(k, s.last_token)
                                             : subject_verbs.contains(doc.tokens[k]) && !token_in_entity(doc, k);
      present = !verb && present_verb(k);
      if (!relatives.contains(doc.tokens[k]) && !verb && !present) continue;
    }
    if (staff_within(doc, s.first_token, s.last_token, lang)) continue;
    bool told = false;
    // The care of "whose" comes right after it ("whose double hand
    // transplant"; not "whose cakes raised money for our diabetes clinic",
    // "Niall, whose band played at our hospice fundraiser").
    const size_t reach = present ? kPresentCareReach
                         : role || doc.tokens[k].folded == "whose" ? kRoleCareReach : kSubjectReach;
    for (size_t c = k + 1; c < s.last_token && c <= k + reach && !told; ++c) {
      const Token& t = doc.tokens[c];
      if (t.kind == TokenKind::punct && t.text != "," && t.text != "'" && t.text != "-") break;  // the clause ends
      if (statistics.contains(t)) break;  // "Ireland has the highest rate of...": a place's count
      told = care_told_at(c, s.last_token);
    }
    const int32_t start = doc.tokens[first].start, end = doc.tokens[role ? i + 1 : i].end;
    if (!told || overlaps_hint(sink, first_hint, start, end)) continue;
    add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
  }
}

// The broad reading (session 13, docs/rules/care.md): in one sentence, a
// person singled out (a name; in English also a role tied to a place, "a
// retired crossing warden from Dalkey") and a care fact told of them,
// whatever the words between. The care is theirs by its grammar: a personal
// pronoun that stands for them (the nearest name before it:
// lists/person_pronouns_all.tsv, he, she, his, her; su, sus, él, ella) with
// the care within kPronounCareReach words after it ("caring for Huw on CCU
// after his bypass"), or an honorific before the name, the care anywhere
// after it ("Mr Bose, recovering from a stroke"), or "with" and the care
// right after a role's place. The care fact: a diagnosis, a procedure, a
// condition or a procedure by its class or (Spanish) ending, a stay, a
// medicine, or (English) a care event of lists/care_events.tsv; not a
// service's, a unit's or a title's. Not a name that opens the sentence,
// that a clinician's title or a word of not_before_subject.tsv precedes,
// that "his" or "her" and a role precede ("her optometrist Ms Kavanagh"),
// that a public reply calls out (the person answered), or in Spanish that
// follows a noun (a school's: "la primaria Benito Juárez"); not in a
// sentence that names staff or gives a statistic, nor after "his own" or
// a verb of lists/tells_own.tsv (the person tells their own care). The
// span is the name or the role.
constexpr size_t kPronounCareReach = 3;

void named_persons_care(const ListMatches& matches, HintSink& sink, size_t first_hint) {
  static const LocalizedWordList localized_pronouns("lists/person_pronouns_all.tsv");
  static const LocalizedWordList localized_tells_own("lists/tells_own.tsv");
  static const WordList& events = WordList::builtin("lists/care_events.tsv");
  static const LocalizedWordList localized_followers("lists/diagnosis_followers.tsv");
  static const LocalizedWordList localized_before("lists/not_before_subject.tsv");
  static const LocalizedWordList localized_statistics("lists/statistic_words.tsv");
  const Document& doc = matches.doc();
  const Language lang = matches.language();
  const bool spanish = lang == Language::es;
  const WordList& pronouns = localized_pronouns.in(lang);
  const WordList& tells_own = localized_tells_own.in(lang);
  const WordList& followers = localized_followers.in(lang);
  const WordList& not_before = localized_before.in(lang);
  const WordList& statistics = localized_statistics.in(lang);
  static const LocalizedWordList localized_subjects("lists/person_pronouns.tsv");
  const WordList& subjects = localized_subjects.in(lang);
  const auto care_end = [&](size_t k, size_t last) -> size_t {
    if (token_in_entity(doc, k)) return 0;
    size_t end = 0;
    for (List list : {List::diagnoses, List::procedures}) {
      if (const Phrase* p = matches.starting_at(list, k, last)) end = k + p->tokens.size();
    }
    if (spanish && end == 0) {
      if (const Phrase* p = matches.starting_at(List::patient_context, k, last)) end = k + p->tokens.size();
    }
    const Token& t = doc.tokens[k];
    const bool term = spanish ? spanish_procedure_word(t) || spanish_disease_word(t)
                              : care_term(t, lang) != CareTerm::none || events.contains(t);
    if (end == 0 && (term || is_medicine(t, lang))) end = k + 1;
    if (end == 0 || (spanish && spanish_service_before(doc, k, lang)) || next_own_word_in(doc, end, followers) || in_title(doc, k, end) || is_unit(doc, k, end, lang)) return 0;
    return end;
  };
  // In a public reply, a name called out at the start of a sentence ("Hola
  // Araceli,", "Señora Luisana,", "Thank you Gwen!") is the person answered:
  // what the reply tells of them is care.confirms-patient's to judge.
  const bool reply = is_public_reply(doc);
  // In Spanish a name after a noun is a place's or a school's ("la primaria
  // Benito Juárez"): a person's comes after a comma, "que" or "y"
  // (es/lists/subject_openers.tsv), a capitalised word ("Hoy Juanito"), a
  // relative or a person noun ("su tía Carmita", "la niña Luana").
  const auto spanish_subject_after = [&](const Token& prev) {
    static const WordList& openers = WordList::builtin("es/lists/subject_openers.tsv");
    static const WordList& kin = WordList::builtin("es/lists/kin_nouns.tsv");
    static const WordList& persons = WordList::builtin("es/lists/person_nouns.tsv");
    return prev.text == "," || starts_upper(prev.text) || openers.contains(prev) || kin.contains(prev) ||
           persons.contains(prev);
  };
  const auto addressed = [&](size_t first, size_t last) {
    if (!reply || last + 1 >= doc.tokens.size() || (doc.tokens[last + 1].text != "," && doc.tokens[last + 1].text != "!")) {
      return false;
    }
    const Sentence& s = sentence_of(doc, first);
    size_t words = 0;
    for (size_t k = s.first_token; k < first; ++k) words += !token_in_entity(doc, k) && doc.tokens[k].kind == TokenKind::word;
    return words <= 2;
  };
  // English: a role tied to a place, which singles someone out as a name
  // does: "a", "an" or "the", up to three words in lower case, then "from",
  // "outside" or "off" and a name ("a retired crossing warden from Dalkey",
  // "a 19yo student from Waterford"). The place's last token, else 0.
  const auto role_from_place = [&](size_t i, const Sentence& s) -> size_t {
    const std::string_view w = doc.tokens[i].folded;
    if (w != "a" && w != "an" && w != "the") return 0;
    for (size_t k = i + 1; k < s.last_token && k <= i + 4; ++k) {
      const Token& t = doc.tokens[k];
      const bool from = t.folded == "from" || t.folded == "outside" || t.folded == "off";
      if (from && k > i + 1 && k + 1 < s.last_token && is_name(doc, k + 1, lang)) {
        size_t last = k + 1;
        while (last + 1 < s.last_token && is_name(doc, last + 1, lang)) ++last;
        return last;
      }
      if (t.kind != TokenKind::word || starts_upper(t.text) || token_in_entity(doc, k) || care_end(k, s.last_token)) return 0;
    }
    return 0;
  };
  // Does the sentence open (past a thread's number, "2/") with a subject
  // pronoun (lists/person_pronouns.tsv: she, he, "she's"; él, ella) or the
  // name `last` ends? Then it goes on about the person the sentence before
  // named ("Come and meet Nomvula on Thursday! She had her foot amputated").
  const auto goes_on_about = [&](const Sentence& s, size_t last) {
    size_t k = s.first_token;
    while (k < s.last_token && doc.tokens[k].kind != TokenKind::word) ++k;
    if (k >= s.last_token || token_in_entity(doc, k)) return false;
    std::string_view w = doc.tokens[k].folded;
    if (w.ends_with("'s")) w.remove_suffix(2);
    return subjects.contains(w) || doc.tokens[k].text == doc.tokens[last].text;
  };
  // In a post that is no reply, a name called out ("Get well soon, Marie!",
  // "Que te mejores pronto, Francisca Muñoz 💐"): after a comma or among the
  // sentence's first words, and before "!" or the sentence's end. "Your"
  // ("tu") then stands for that person, in its sentence or the next.
  static const LocalizedWordList localized_addressed("lists/addressed_possessives.tsv");
  const WordList& yours = localized_addressed.in(lang);
  const auto called_out = [&](const Sentence& s, size_t first, size_t last) {
    if (reply || first <= s.first_token) return false;
    const bool after = last + 1 >= s.last_token || doc.tokens[last + 1].text == "!" ||
                       (doc.tokens[last + 1].kind != TokenKind::word && doc.tokens[last + 1].kind != TokenKind::punct &&
                        doc.tokens[last + 1].kind != TokenKind::number);
    size_t words = 0;
    for (size_t k = s.first_token; k < first; ++k) words += doc.tokens[k].kind == TokenKind::word;
    return after && (doc.tokens[first - 1].text == "," || words <= kPronounCareReach);
  };
  // A person singled out: tokens [first, last], a role tied to a place or
  // a name, called out or not.
  struct Named {
    size_t first, last;
    bool role, called;
  };
  // The name carried from the sentence before: its last one, while the
  // next sentence goes on about it (or whatever it says, when called out).
  std::optional<Named> carried;
  for (const Sentence& s : doc.sentences) {
    const std::optional<Named> before = carried;
    carried.reset();
    if (staff_within(doc, s.first_token, s.last_token, lang)) continue;
    bool statistic = false;
    for (size_t k = s.first_token; k < s.last_token; ++k) statistic = statistic || statistics.contains(doc.tokens[k]);
    if (statistic) continue;
    // The names of the sentence, [first, last] each: a pronoun stands for
    // the nearest one before it.
    std::vector<Named> names;
    if (before && (before->called || goes_on_about(s, before->last))) names.push_back(*before);
    for (size_t i = s.first_token; i < s.last_token; ++i) {
      if (const size_t place = spanish ? 0 : role_from_place(i, s)) {
        names.push_back({i, place, true, false});
        i = place;
        continue;
      }
      if (!is_name(doc, i, lang) || !word_before(doc, s, i) || inner_capital(doc.tokens[i].text) ||
          doc.tokens[i].text.size() < 2 || care_end(i, s.last_token) != 0) {
        continue;
      }
      size_t last = i;
      while (last + 1 < s.last_token && is_name(doc, last + 1, lang)) ++last;
      const size_t first = with_kin_title(doc, with_honorific(doc, name_start(doc, i, lang), lang), lang);
      i = last;
      if (clinician_named(doc, first, lang) || (first > 0 && not_before.contains(doc.tokens[first - 1]))) continue;
      // "her optometrist Ms Kavanagh": a role in someone's care, staff.
      if (first >= 2 && (doc.tokens[first - 2].folded == "her" || doc.tokens[first - 2].folded == "his") &&
          !is_kin(doc.tokens[first - 1], lang)) {
        continue;
      }
      if (addressed(first, last) || (spanish && first > 0 && !spanish_subject_after(doc.tokens[first - 1]))) continue;
      names.push_back({first, last, false, called_out(s, first, last)});
    }
    bool flagged = false;
    for (size_t n = 0; n < names.size() && !flagged; ++n) {
      const auto [first, last, role, called] = names[n];
      // A name carried from the sentence before is read from this one's start.
      const size_t from = first < s.first_token ? s.first_token : last + 1;
      const size_t next = n + 1 < names.size() ? names[n + 1].first : s.last_token;
      // Titled, the care anywhere after the name; else a pronoun that
      // stands for the name and the care within kPronounCareReach words
      // after it ("his kidney transplant", "she was diagnosed with").
      const bool titled = honorifics(lang).contains(doc.tokens[first]) || is_kin_title(doc, first, lang);
      bool told = false, own = false;
      for (size_t k = from; k < s.last_token && !told && !own; ++k) {
        if (tells_own.contains(doc.tokens[k])) own = true;
        // A role's care may also follow "with" right after the place ("from
        // Dalkey with early dementia"; not "from Galway of our diabetes quiz").
        const bool with_care = role && from == last + 1 && k > last + 1 && k <= last + 1 + kPronounCareReach &&
                               doc.tokens[last + 1].folded == "with";
        if (titled || with_care) {
          told = care_end(k, s.last_token) != 0;
        } else if (k < next && (pronouns.contains(doc.tokens[k]) || (called && yours.contains(doc.tokens[k]))) &&
                   !token_in_entity(doc, k) && !(k + 1 < s.last_token && is_kin(doc.tokens[k + 1], lang)) &&  // "her mum": a relative's care
                   !matches.any(List::care_confirms_generic, k >= 3 ? std::max(k - 3, s.first_token) : s.first_token, k + 1)) {  // "book your"
          own = k + 1 < s.last_token && doc.tokens[k + 1].folded == "own";
          for (size_t c = k + 1; c < s.last_token && c <= k + kPronounCareReach && !told && !own; ++c) {
            if (doc.tokens[c].kind != TokenKind::word) break;
            told = care_end(c, s.last_token) != 0;
          }
        }
      }
      const int32_t start = doc.tokens[first].start, end = doc.tokens[last].end;
      if (told && !own && !overlaps_hint(sink, first_hint, start, end)) {
        add(sink, start, end, sink.message("care.patient-privacy.titled", {doc.utf8(start, end)}));
        flagged = true;
      }
    }
    if (!flagged && !names.empty()) carried = names.back();
  }
}

// How many words may stand between "with" and the consent it opens ("with
// his family's consent": 2).
constexpr size_t kConsentReach = 3;

// Who agreed to be named, as far as the post says: `any` when it says
// someone did ("with her permission", "shared with the family's consent":
// the phrase list; in English also "with", up to kConsentReach words, then
// a word of lists/consent_nouns.tsv: "Shared with his family's consent"),
// and the names whose possessive gave it ("With Mr Sharma's consent").
struct Consent {
  bool any = false;
  std::vector<std::string_view> names;  // "Sharma", without the "'s"
};

Consent consent_of(const ListMatches& matches) {
  static const WordList& nouns = WordList::builtin("lists/consent_nouns.tsv");
  Consent c;
  const Document& doc = matches.doc();
  if (matches.language() != Language::es) {
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.tokens[i].folded != "with" || token_in_entity(doc, i)) continue;
      for (size_t k = i + 1; k < doc.tokens.size() && k <= i + 1 + kConsentReach; ++k) {
        const Token& t = doc.tokens[k];
        if (t.kind != TokenKind::word || token_in_entity(doc, k)) break;
        if (!nouns.contains(t)) continue;
        c.any = true;
        for (size_t j = i + 1; j < k; ++j) {
          const std::string_view w = doc.tokens[j].text;
          if (starts_upper(w) && (w.ends_with("'s") || w.ends_with("\u2019s"))) {
            c.names.push_back(w.substr(0, w.size() - (w.ends_with("'s") ? 2 : 4)));
          }
        }
        break;
      }
    }
  }
  c.any = c.any || any_in_text(matches, List::care_consent);
  return c;
}

}  // namespace

bool is_person_name(const Document& doc, size_t i, Language lang) { return is_name(doc, i, lang); }

void check_patient_privacy(const Analysis& a, HintSink& sink) {
  const ListMatches& matches = lists(a);
  const size_t first_hint = sink.hints().size();
  named_patients(matches, sink);
  room_numbers(matches, sink);
  dates_of_birth(matches, sink);
  record_numbers(matches, sink);
  named_diagnoses(matches, sink);
  titled_names(matches, sink, first_hint);
  named_ages(matches, sink, first_hint);
  named_by_pronoun(matches, sink, first_hint);
  described_relatives(matches, sink, first_hint);
  named_with_possessive(matches, sink, first_hint);
  spanish_introduced_names(matches, sink, first_hint);
  named_stories(matches, sink, first_hint);
  named_families(matches, sink, first_hint);
  named_in_brackets(matches, sink, first_hint);
  named_in_consent(matches, sink, first_hint);
  named_subjects(matches, sink, first_hint);
  named_persons_care(matches, sink, first_hint);
  const Consent consent = consent_of(matches);
  if (!consent.any) return;
  // The post says the patient agreed: still a warning, since only a written
  // authorisation on file makes it lawful. Consent given by a name is that
  // person's alone, not their roommate's ("With Mr Sharma's consent ...
  // his roommate Mr Bose, recovering from a stroke").
  const Document& doc = matches.doc();
  for (size_t k = first_hint; k < sink.hints().size(); ++k) {
    Hint& h = sink.hints()[k];
    if (h.rule != "care.patient-privacy" || h.severity != Severity::error) continue;
    const std::string named = doc.utf8(h.start, h.end);
    if (!consent.names.empty() && std::none_of(consent.names.begin(), consent.names.end(), [&](std::string_view n) {
          return named.find(n) != std::string::npos;
        })) {
      continue;
    }
    h.severity = Severity::warning;
    h.message = sink.message("care.patient-privacy.agreed", {h.message});
    h.suggestion = sink.message("care.patient-privacy.agreed.do");
  }
}

}  // namespace chime
