// A rule looks at a Document and adds hints. Each rule family lives in its
// own file(s) under core/src/rules/ and exposes one function returning its
// RuleInfo list; registry.cpp lists the families. A meta-test checks that
// every registered id is documented in docs/rules.md and has examples in
// tests/examples/.
#pragma once
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
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
 private:
  const Config& config_;
  std::vector<Hint> hints_;
};

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

struct RuleInfo {
  std::string_view id;           // "promo.superlative"
  Severity default_severity;     // the usual severity (some rules vary it)
  std::string_view description;  // one line: feeds docs and the options page
  CheckFn check;                 // may add hints for this id only
};

// Every rule, in a fixed order (the order hints are produced in).
std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

// One function per family, each defined in its family's file.
std::span<const RuleInfo> length_form_rules();
std::span<const RuleInfo> promo_rules();
std::span<const RuleInfo> talk_rules();
std::span<const RuleInfo> value_rules();
std::span<const RuleInfo> tone_rules();
std::span<const RuleInfo> care_rules();

}  // namespace chime
