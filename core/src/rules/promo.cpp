// Self-promotion (rules.md section 2; seed: "Your press releases are NOT
// interesting", "Twitter is not a place to just spout out self-promotional
// information"). Docs: docs/rules/promo.md; examples: tests/examples/promo.tsv.
#include <algorithm>
#include <string>

#include "rules/features.hpp"
#include "rules/rule.hpp"

namespace chime {

namespace {

// promo.self-focus: this many references to ourselves, none to the reader.
constexpr int32_t kSelfFocusMinimum = 2;

std::vector<std::string> cased(const std::string& original, const std::vector<std::string>& replacements) {
  std::vector<std::string> out;
  for (const std::string& r : replacements) out.push_back(match_case(original, r));
  return out;
}

void check_press_release(const Analysis& a, HintSink& sink) {
  for (const Finding& f : press_release_findings(a)) {
    Hint h{"promo.press-release", Severity::warning, f.start, f.end, "", "", cased(f.what, f.replacements)};
    switch (f.kind) {
      case Finding::Kind::dateline:
        h.message = sink.message("promo.press-release.dateline", {f.what});
        h.suggestion = sink.message("promo.press-release.dateline.do");
        break;
      case Finding::Kind::executive:
        h.message = sink.message("promo.press-release.executive");
        h.suggestion = sink.message("promo.press-release.executive.do");
        break;
      case Finding::Kind::phrase:
        h.message = sink.message("promo.press-release", {f.what});
        h.suggestion = sink.message("promo.press-release.do");
        break;
    }
    sink.add(std::move(h));
  }
}

// Everyday words ("best", "#1") are praise only in a sentence about us that
// does not speak to the reader ("our best doctors", not "get the best sleep")
// and does not ask ("Our nurses would love to refer people: who's the best
// person to speak to?").
bool praises_us(const Analysis& a, const PhraseMatch& m) {
  if (m.phrase->note != "self") return true;
  const Sentence& s = sentence_of(a.doc, m.first_token);
  return self_reference_count(a, s.first_token, s.last_token) > 0 &&
         reader_word_count(a, s.first_token, s.last_token) == 0 && !ends_with_question_mark(a.doc, s);
}

bool overlaps(const PhraseMatch& m, const std::vector<PhraseMatch>& others) {
  return std::any_of(others.begin(), others.end(), [&](const PhraseMatch& o) { return m.start < o.end && o.start < m.end; });
}

// A hype word ("breakthrough") is promo.research-hype's in research news and
// promotion (its advice: what was found, in whom), so promo.superlative does
// not flag it as well; and never praise inside a clinical term or a name
// ("breakthrough pain", "Breakthrough T1D"): one guard list for both rules.
bool left_to_research_hype(const Analysis& a, const PhraseMatch& m) {
  if (!lists(a).hit(List::promo_research_hype)) return false;
  if (overlaps(m, lists(a).find(List::promo_research_hype_except))) return true;
  static const RuleInfo* hype = find_rule("promo.research-hype");
  return hype && applies(hype->kinds, a.kind) && overlaps(m, lists(a).find(List::promo_research_hype));
}

// How far after a ranking word its scope may come ("the best cardiologist
// in South Florida": 3 tokens on).
constexpr size_t kScopeReach = 6;

// The scope that turns a ranking word into a claim to be first, starting
// at token `k`: "ever", or "in"/"en"/"de"/"del" (and an article or
// "toda") then a word of lists/ranking_scopes.tsv ("in the state", "del
// país") or a capitalised name that is not a month ("in South Florida", "de
// toda Centroamérica"). The index of its last token, or 0.
size_t ranking_scope(const Analysis& a, size_t k, size_t sentence_first) {
  static const LocalizedWordList scopes("lists/ranking_scopes.tsv"), months("lists/months.tsv");
  static const LocalizedWordList joins("lists/ranking_scope_joins.tsv");
  const Document& doc = a.doc;
  const Token& t = doc.tokens[k];
  if (t.folded == "ever") return k;
  if (t.folded != "in" && t.folded != "en" && t.folded != "de" && t.folded != "del") return 0;
  size_t n = k + 1;
  while (n < doc.tokens.size() && n <= k + 3 && joins.in(a.language).contains(doc.tokens[n])) ++n;
  if (n >= doc.tokens.size() || doc.tokens[n].kind != TokenKind::word || token_in_entity(doc, n)) return 0;
  const Token& scope = doc.tokens[n];
  const bool capitalised = n > sentence_first && !scope.text.empty() && scope.text[0] >= 'A' && scope.text[0] <= 'Z';
  if (scopes.in(a.language).contains(scope) || (capitalised && !months.in(a.language).contains(scope))) return n;
  return 0;
}

// A ranking word no list holds: "#1" ("ranked #1 in the state"; in Spanish
// too since es-invite14, "la IPS #1 de Colombia"), or, in English, in a
// sentence about us, "the most" ("we offer the most advanced laser
// treatments in the state"; "the most common cancer in men in the UK" is a
// fact about the world).
bool unlisted_ranking(const Analysis& a, size_t i) {
  const Document& doc = a.doc;
  const Token& t = doc.tokens[i];
  if (i == 0) return false;
  const Token& before = doc.tokens[i - 1];
  if (t.text == "1") return before.text == "#" && before.end == t.start;
  if (a.language == Language::es || t.folded != "most" || before.folded != "the") return false;
  const Sentence& s = sentence_of(doc, i);
  return self_reference_count(a, s.first_token, s.last_token) > 0;
}

// English: where a ranking word ranks may come before it, as a possessive
// or a compound of a scope word (lists/ranking_scopes.tsv): "the nation's
// leading name in prostate care", "a world-leading organisation" (not a
// name's: "Dr Shah's top tips"). The scope's token, or static_cast<size_t>(-1).
size_t scope_before(const Analysis& a, size_t i) {
  static const WordList& scopes = WordList::builtin("lists/ranking_scopes.tsv");
  constexpr size_t kNone = static_cast<size_t>(-1);
  const Document& doc = a.doc;
  if (a.language == Language::es || i < 2 || token_in_entity(doc, i - 1)) return kNone;
  const Token& before = doc.tokens[i - 1];
  if (before.text == "-") return scopes.contains(doc.tokens[i - 2]) ? i - 2 : kNone;
  for (const std::string_view s : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (before.folded.ends_with(s)) return scopes.contains(before.folded.substr(0, before.folded.size() - s.size())) ? i - 1 : kNone;
  }
  return kNone;
}

// Spanish: "más" after an article, with at most two words between that are
// no function word, makes a superlative ("la más completa del país", "el
// hospital privado más completo de Monterrey"; "la gripe es más grave" is
// a comparison); and "uno" after "número" ranks ("número uno de México").
bool spanish_rank_at(const Document& doc, size_t i) {
  static const WordList& filler = WordList::builtin("es/lists/empty_words.tsv");
  static constexpr std::string_view kArticles[] = {"el", "la", "los", "las", "lo"};
  const std::string_view w = doc.tokens[i].folded;
  if (w == "uno") return i > 0 && doc.tokens[i - 1].folded == "número";
  if (w != "más") return false;
  for (size_t k = i; k-- > 0 && k + 3 >= i;) {
    const Token& t = doc.tokens[k];
    if (std::find(std::begin(kArticles), std::end(kArticles), t.folded) != std::end(kArticles)) return true;
    if (t.kind != TokenKind::word || filler.contains(t)) return false;
  }
  return false;
}

// A claim to be first told by its structure, for wordings no list holds: a
// ranking word (lists/ranking_words.tsv: best, leading, top, number one;
// mejor, líder, referente) and, a few words on in the same clause, where
// it ranks ("the best hospital in the province", "the leading imaging
// platform in the Southeast", "Best health app ever", "la número uno en
// odontología de toda Centroamérica"). Whoever is praised, it is a ranking
// the reader cannot check. The span runs from the ranking word to the scope.
std::vector<std::pair<size_t, size_t>> ranking_claims(const Analysis& a) {
  static const LocalizedWordList ranks("lists/ranking_words.tsv");
  const Document& doc = a.doc;
  std::vector<std::pair<size_t, size_t>> found;
  const WordList& words = ranks.in(a.language);
  const bool spanish = a.language == Language::es;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const bool listed = doc.tokens[i].kind == TokenKind::word &&
                        (words.contains(doc.tokens[i]) || (spanish && spanish_rank_at(doc, i)));
    if (!(listed || unlisted_ranking(a, i)) || token_in_entity(doc, i)) continue;
    if (const size_t scope = listed ? scope_before(a, i) : static_cast<size_t>(-1); scope != static_cast<size_t>(-1)) {
      found.emplace_back(scope, i);
      continue;
    }
    const size_t from = listed || doc.tokens[i].text != "1" ? i : i - 1;  // "#1" from its "#"
    const size_t first = sentence_of(doc, i).first_token;
    for (size_t k = i + 1; k < doc.tokens.size() && k <= i + kScopeReach; ++k) {
      const Token& t = doc.tokens[k];
      if (t.kind == TokenKind::punct && t.text != "-") break;  // the clause ends
      if (const size_t end = ranking_scope(a, k, first)) {
        found.emplace_back(from, end);
        i = end;
        break;
      }
    }
  }
  return found;
}

void check_superlative(const Analysis& a, HintSink& sink) {
  std::vector<PhraseMatch> phrases;  // the listed phrases that are praise
  for (const PhraseMatch& m : superlatives(a)) {
    if (match_in_entity(a.doc, m) || !praises_us(a, m) || left_to_research_hype(a, m)) continue;
    phrases.push_back(m);
    const std::string what = a.doc.utf8(m.start, m.end);
    sink.add({"promo.superlative", Severity::warning, m.start, m.end,
              sink.message("promo.superlative", {what}), sink.message("promo.superlative.do"),
              cased(what, m.phrase->replacements)});
  }
  std::vector<PhraseMatch> except;
  bool except_known = false;
  for (const auto& [word, scope] : ranking_claims(a)) {
    const int32_t start = a.doc.tokens[word].start, end = a.doc.tokens[scope].end;
    const auto overlapping = [&](const PhraseMatch& m) { return m.start < end && start < m.end; };
    if (!except_known) {  // "the leading cause of death in the US": rarely reached
      except = lists(a).find(List::promo_superlative_except);
      except_known = true;
    }
    // A listed phrase that praises already has its hint (with a
    // replacement); an exception ("the best way to") is no praise.
    if (std::any_of(phrases.begin(), phrases.end(), overlapping) || std::any_of(except.begin(), except.end(), overlapping)) {
      continue;
    }
    sink.add({"promo.superlative", Severity::warning, start, end,
              sink.message("promo.superlative", {a.doc.utf8(start, end)}), sink.message("promo.superlative.do"), {}});
  }
}

// How far after a sales verb its word of urgency may come ("Book a demo
// today": 3 tokens on).
constexpr size_t kUrgencyReach = 4;

// A sales push told by its structure, for wordings no phrase list holds: a
// verb that asks to buy, book or give (lists/sales_verbs.tsv) and, a few
// words on in the same clause, a word of urgency (lists/urgency_words.tsv):
// "Book a demo today", "DONATE NOW", "Agenda hoy". The span runs from the
// verb to the urgency word. The exceptions of promo_hard_sell_except.tsv
// ("call 911 now") apply as to the phrases.
std::vector<std::pair<size_t, size_t>> sales_pushes(const Analysis& a) {
  static const LocalizedWordList verbs("lists/sales_verbs.tsv"), urgency("lists/urgency_words.tsv");
  const Document& doc = a.doc;
  std::vector<std::pair<size_t, size_t>> found;
  const WordList& sales = verbs.in(a.language);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].kind != TokenKind::word || !sales.contains(doc.tokens[i]) || token_in_entity(doc, i)) {
      continue;
    }
    for (size_t k = i + 1; k < doc.tokens.size() && k <= i + kUrgencyReach; ++k) {
      const Token& t = doc.tokens[k];
      if (t.kind == TokenKind::punct && t.text != "'" && t.text != "\u2019") break;  // the clause ends
      if (!urgency.in(a.language).contains(t) || token_in_entity(doc, k)) continue;
      const auto except = lists(a).find(List::promo_hard_sell_except);  // rarely reached
      const bool excepted = std::any_of(except.begin(), except.end(), [&](const PhraseMatch& m) {
        return m.first_token <= k && i < m.last_token;
      });
      if (!excepted) found.emplace_back(i, k);
      i = k;
      break;
    }
  }
  return found;
}

void check_hard_sell(const Analysis& a, HintSink& sink) {
  const std::vector<PhraseMatch> phrases = hard_sells(a);
  for (const PhraseMatch& m : phrases) {
    if (match_in_entity(a.doc, m)) continue;
    const std::string what = a.doc.utf8(m.start, m.end);
    sink.add({"promo.hard-sell", Severity::warning, m.start, m.end,
              sink.message("promo.hard-sell", {what}), sink.message("promo.hard-sell.do"),
              cased(what, m.phrase->replacements)});
  }
  for (const auto& [verb, urgent] : sales_pushes(a)) {
    const int32_t start = a.doc.tokens[verb].start, end = a.doc.tokens[urgent].end;
    const bool listed = std::any_of(phrases.begin(), phrases.end(),
                                    [&](const PhraseMatch& m) { return m.start < end && start < m.end; });
    if (listed) continue;  // the phrase's hint, with its replacement, is there
    sink.add({"promo.hard-sell", Severity::warning, start, end,
              sink.message("promo.hard-sell", {a.doc.utf8(start, end)}), sink.message("promo.hard-sell.do"), {}});
  }
}

// Research and health news told in hype words ("breakthrough", "game-changer"):
// the kind of post reporters and clinicians stop trusting. Silent on the
// clinical terms and names that contain such a word ("breakthrough pain",
// "Breakthrough T1D"), after a negation ("no breakthrough yet"), in quotation
// marks or a question, and in a sentence that reports the word to doubt it
// ("critics call it a breakthrough"). One hint per hype word.
void check_research_hype(const Analysis& a, HintSink& sink) {
  const ListMatches& matches = lists(a);
  if (!matches.hit(List::promo_research_hype)) return;
  const Document& doc = a.doc;
  const auto guards = matches.find(List::promo_research_hype_except);
  for (const PhraseMatch& m : matches.find(List::promo_research_hype)) {
    if (match_in_entity(doc, m) || overlaps(m, guards) || negated(doc, m.first_token, a.language) ||
        in_quotes(doc, m.first_token)) {
      continue;
    }
    const Sentence& s = sentence_of(doc, m.first_token);
    if (ends_with_question_mark(doc, s) ||
        matches.any(List::promo_research_hype_reported, s.first_token, s.last_token)) {
      continue;
    }
    const std::string what = doc.utf8(m.start, m.end);
    sink.add({"promo.research-hype", Severity::warning, m.start, m.end,
              sink.message("promo.research-hype", {what}), sink.message("promo.research-hype.do"),
              cased(what, m.phrase->replacements)});
  }
}

void check_self_focus(const Analysis& a, HintSink& sink) {
  if (is_reply(a) || is_share(a)) return;  // a reply already speaks to someone
  // "Join us, bring the family": an invitation speaks to the reader.
  if (!invitations(a).empty()) return;
  const int32_t self = self_reference_count(a);
  if (self < kSelfFocusMinimum || reader_word_count(a) > 0 || !conversational_mentions(a).empty()) return;
  sink.add({"promo.self-focus", Severity::tip, 0, text_end(a.doc),
            sink.message("promo.self-focus", {std::to_string(self)}), sink.message("promo.self-focus.do"), {}});
}

constexpr RuleCheck kChecks[] = {
    {"promo.press-release", check_press_release},
    {"promo.superlative", check_superlative},
    {"promo.hard-sell", check_hard_sell},
    {"promo.research-hype", check_research_hype},
    {"promo.self-focus", check_self_focus},
};

}  // namespace

std::span<const RuleCheck> promo_checks() { return kChecks; }

}  // namespace chime
