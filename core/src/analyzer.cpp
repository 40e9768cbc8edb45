#include "chime/analyzer.hpp"

#include <algorithm>

#include "document.hpp"
#include "icu/icu_data.hpp"
#include "readability.hpp"
#include "rules/features.hpp"
#include "rules/rule.hpp"
#include "scores.hpp"
#include "sentiment/sentiment.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

namespace chime {

std::string_view version() { return CHIME_VERSION; }

struct Analyzer::Impl {
  Config config;
  ConfigPhrases config_phrases;  // compiled once from config
  mutable Tokenizer tokenizer;

  Document make_document(std::u16string text, const Context& context) const {
    Document doc;
    doc.text = std::move(text);
    doc.context = &context;
    doc.config = &config;
    text::TweetFacts facts = text::parse_and_extract(doc.text);  // one scan finds URLs for both
    doc.length = facts.length;
    doc.entities = std::move(facts.entities);
    doc.index_entities();
    tokenizer.run(doc);
    return doc;
  }

  Result run(std::u16string text, std::vector<std::string> warnings, const Context& context) const {
    Document doc = make_document(std::move(text), context);
    Analysis analysis{doc, sentiment::score(doc), measure_readability(doc), nullptr, {}, &config_phrases, {}};
    Document replied;
    const Context no_context;
    if (!context.in_reply_to_text.empty()) {
      int32_t replaced = 0;
      replied = make_document(text::decode_utf8(context.in_reply_to_text, replaced), no_context);
      analysis.in_reply_to = &replied;
      analysis.in_reply_to_sentiment = sentiment::score(replied);
    }
    HintSink sink(config);
    for (const RuleInfo& rule : all_rules()) {
      if (config.enabled(rule.id)) rule.check(analysis, sink);
    }

    Result r;
    r.hints = sink.take();
    // Reading order; ties broken by rule id so the order never depends on
    // the standard library (native and wasm must agree byte for byte).
    std::stable_sort(r.hints.begin(), r.hints.end(), [](const Hint& a, const Hint& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end > b.end;
      return a.rule < b.rule;
    });
    r.length = doc.length;
    r.entities = std::move(doc.entities);
    r.sentiment = analysis.sentiment;
    r.readability = analysis.readability;
    r.scores = compute_scores(analysis, r.hints);
    r.label = choose_label(r.scores, r.hints);
    r.warnings = std::move(warnings);
    return r;
  }
};

Analyzer::Analyzer(Config config) : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->config_phrases = ConfigPhrases(impl_->config);
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const Config& Analyzer::config() const { return impl_->config; }

Result Analyzer::analyze(std::string_view utf8, const Context& context) const {
  int32_t replaced = 0;
  std::u16string text = text::decode_utf8(utf8, replaced);
  std::vector<std::string> warnings;
  if (replaced > 0) {
    warnings.push_back("invalid UTF-8: " + std::to_string(replaced) +
                       " byte sequence(s) replaced by U+FFFD");
  }
  return impl_->run(std::move(text), std::move(warnings), context);
}

Result Analyzer::analyze(std::u16string_view utf16, const Context& context) const {
  std::u16string text(utf16);
  std::vector<std::string> warnings;
  if (int32_t replaced = text::replace_lone_surrogates(text); replaced > 0) {
    warnings.push_back("lone surrogates: " + std::to_string(replaced) + " replaced by U+FFFD");
  }
  return impl_->run(std::move(text), std::move(warnings), context);
}

}  // namespace chime
