// A rule looks at a Document and adds hints. Every rule is registered in one
// place, core/data/rules.tsv: its id, the post kinds it runs on, its usual
// severity, its score weight and the data files it reads; its one-line
// description is the message rule.<id> (core/data/messages/{en,es}.tsv).
// Each rule family lives in its own file(s) under core/src/rules/ and
// exposes its checks by id; registry.cpp joins the two. A meta-test checks
// that every registered id has a check, is documented in docs/rules/*.md and
// has examples in tests/examples/, and that every check is registered.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "language.hpp"
#include "messages.hpp"
#include "rules/kinds.hpp"
#include "sentiment/sentiment.hpp"

namespace chime {

struct ConfigPhrases;  // rules/features.hpp
struct FeatureMemo;    // rules/features.cpp

// What rules can read besides the Document: results of earlier stages.
struct Analysis {
  const Document& doc;
  Sentiment sentiment;
  Readability readability;
  // The post being answered (context.in_reply_to_text), analysed the same
  // way; null when there is none.
  const Document* in_reply_to = nullptr;
  Sentiment in_reply_to_sentiment;
  // The configuration's phrases and names, compiled once per Analyzer; null
  // means none (rules then use their built-in lists only).
  const ConfigPhrases* config_phrases = nullptr;
  // Features several rules ask for (sincere questions, press-release
  // findings, ...), kept by rules/features.cpp once computed, so each is
  // worked out once per analysis however many rules read it.
  mutable std::shared_ptr<FeatureMemo> memo;
  // What kind of post this is (rules/kinds.hpp), decided before the rules run.
  PostKind kind = PostKind::general;
  // The post's language (language.hpp), decided before the kind: a Spanish
  // post is matched against the Spanish lists (rules/lists.hpp: data_file).
  Language language = Language::und;
};

class HintSink {
 public:
  explicit HintSink(const Config& config) : config_(config) {}
  // Adds a hint unless its rule is switched off; applies severity overrides.
  void add(Hint hint);
  const std::vector<Hint>& hints() const { return hints_; }
  std::vector<Hint>& hints() { return hints_; }
  std::vector<Hint> take() { return std::move(hints_); }
  // Forgets the hints but keeps their storage: the Analyzer reuses one sink.
  void clear() { hints_.clear(); }

  // The languages of one analysis: of the messages (Config::lang) and of
  // the texts the engine writes into the post (the post's own language).
  void set_languages(Language messages, Language insertions) {
    messages_ = messages;
    insertions_ = insertions;
  }
  Language insertion_language() const { return insertions_; }
  Language message_language() const { return messages_; }
  // A message or suggestion from the catalog (messages.hpp).
  std::string message(std::string_view key, std::initializer_list<std::string_view> args = {}) const {
    return chime::message(messages_, key, args);
  }
  // "1 hashtag", "3 hashtags": the message `one` or `other` with n as {1}.
  std::string count(std::string_view one, std::string_view other, size_t n) const {
    const std::string digits = std::to_string(n);
    return chime::message(messages_, n == 1 ? one : other, {digits});
  }
  // A text the engine inserts into the post, in the post's language.
  std::string insertion(std::string_view key, std::initializer_list<std::string_view> args = {}) const {
    return chime::message(insertions_, key, args);
  }
 private:
  const Config& config_;
  std::vector<Hint> hints_;
  Language messages_ = Language::en;
  Language insertions_ = Language::en;
};

// A problem hint (tip or worse) of a rule of `family` ("care.") among the
// hints so far: the registry runs care and promo before value, tone and talk.
inline bool has_problem(const HintSink& sink, std::string_view family) {
  for (const Hint& h : sink.hints()) {
    if (h.severity != Severity::good && h.rule.starts_with(family)) return true;
  }
  return false;
}

// A problem hint of care.claim or care.advice so far: the post's content
// itself is the harm (a cure promised, one person dosed in public), so no
// praise of its answer or its facts (talk.reply, value.helpful).
inline bool content_is_care_harm(const HintSink& sink) {
  return has_problem(sink, "care.claim") || has_problem(sink, "care.advice");
}

// The pieces joined in one string, allocated once: hint messages are built
// from a few pieces on many analyses, and `a + b + c` may allocate per `+`.
inline std::string concat(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

// before + doc.text[start, end) in UTF-8 + after ("“" span "” is jargon"),
// allocated once when the text is ASCII.
inline std::string around_span(const Document& doc, std::string_view before, int32_t start, int32_t end,
                               std::string_view after) {
  std::string out;
  out.reserve(before.size() + static_cast<size_t>(end > start ? end - start : 0) + after.size());
  out.append(before);
  doc.append_utf8(out, start, end);
  out.append(after);
  return out;
}

using CheckFn = void (*)(const Analysis&, HintSink&);

enum class ScoreDimension { conversation, value, tone, promotion, overall };

// What one rule's hints do to the scores: the first hint moves `dimension`
// by `first` points, each further hint by `more`, in all at most `cap` points
// (positive raises the dimension; for promotion that is worse).
struct ScoreWeight {
  std::string_view rule;
  ScoreDimension dimension;
  int32_t first;
  int32_t more;
  int32_t cap;
};

// One row of core/data/rules.tsv with its check.
struct RuleInfo {
  std::string_view id;                  // "promo.superlative"
  std::string_view family;              // "promo"
  KindSet kinds;                        // the post kinds it runs on (rules/kinds.hpp)
  Severity default_severity;            // the usual severity (some rules vary it)
  ScoreWeight weight;                   // what its hints do to the scores
  std::vector<std::string_view> files;  // the data files it reads, under core/data/
  CheckFn check;                        // may add hints for this id only
};

// Every rule, in the order of rules.tsv (the order they run in).
std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

// What the rule looks for, in one line, in `language` (und reads English):
// the message rule.<id>, for the extension's options page.
std::string rule_description(const RuleInfo& rule, Language language);

// A family's check of one rule id.
struct RuleCheck {
  std::string_view id;
  CheckFn check;
};
// One function per family, each defined in its family's file.
std::span<const RuleCheck> length_form_checks();
std::span<const RuleCheck> promo_checks();
std::span<const RuleCheck> talk_checks();
std::span<const RuleCheck> value_checks();
std::span<const RuleCheck> tone_checks();
std::span<const RuleCheck> care_checks();

}  // namespace chime
