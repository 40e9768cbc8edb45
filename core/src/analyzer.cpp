#include "chime/analyzer.hpp"

#include <algorithm>
#include <memory>

#include "document.hpp"
#include "icu/icu_data.hpp"
#include "language.hpp"
#include "readability.hpp"
#include "rules/features.hpp"
#include "rules/kinds.hpp"
#include "rules/rule.hpp"
#include "scores.hpp"
#include "sentiment/sentiment.hpp"
#include "text/twitter_text.hpp"
#include "text/unicode.hpp"
#include "tokenizer.hpp"

namespace chime {

std::string_view version() { return CHIME_VERSION; }

namespace {

// Hints in reading order; ties broken by rule id so the order never depends
// on the standard library (native and wasm must agree byte for byte).
bool reads_before(const Hint& a, const Hint& b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.end != b.end) return a.end > b.end;
  return a.rule < b.rule;
}

// A stable insertion sort: a tweet has a handful of hints, and std::stable_sort
// would allocate a buffer for them on every analysis. A long text with many
// hints gets std::stable_sort (n log n; the same order, both being stable).
void sort_hints(std::vector<Hint>& hints) {
  if (hints.size() > 64) {
    std::stable_sort(hints.begin(), hints.end(), reads_before);
    return;
  }
  for (size_t i = 1; i < hints.size(); ++i) {
    if (!reads_before(hints[i], hints[i - 1])) continue;
    Hint moving = std::move(hints[i]);
    size_t j = i;
    for (; j > 0 && reads_before(moving, hints[j - 1]); --j) hints[j] = std::move(hints[j - 1]);
    hints[j] = std::move(moving);
  }
}

}  // namespace

struct Analyzer::Impl {
  explicit Impl(Config c) : config(std::move(c)), config_phrases(config), sink(config) {}

  Config config;
  ConfigPhrases config_phrases;  // compiled once from config
  // Kept between analyses so that their buffers are reused, not allocated
  // again for every text. This is why an Analyzer serves one thread at a
  // time (analyzer.hpp).
  Tokenizer tokenizer;
  Document doc;      // the text analysed
  Document replied;  // the text being answered, when the context has one
  HintSink sink;
  const std::shared_ptr<FeatureMemo> memo = std::make_shared<FeatureMemo>();  // cleared for each text
  const Context no_context;

  // Makes `d` the Document of `d.text` (already filled in).
  void make_document(Document& d, const Context& context) {
    d.context = &context;
    d.config = &config;
    text::TweetFacts facts = text::parse_and_extract(d.text);  // one scan finds URLs for both
    d.length = facts.length;
    d.entities = std::move(facts.entities);
    d.index_entities();
    tokenizer.run(d);
  }

  // Analyses `doc.text` (already filled in).
  Result run(std::vector<std::string> warnings, const Context& context) {
    Result r = analyse(std::move(warnings), context);
    doc.utf8_source = {};  // a view of the caller's text: not kept past this call
    replied.utf8_source = {};
    return r;
  }

  Result analyse(std::vector<std::string> warnings, const Context& context) {
    make_document(doc, context);
    memo->clear();
    const Language language = identify_language(doc);
    Analysis analysis{.doc = doc,
                      .sentiment = sentiment::score(doc, sentiment::Lexicon::get(language)),
                      .readability = measure_readability(doc, language),
                      .in_reply_to = nullptr,  // set below when there is one
                      .in_reply_to_sentiment = {},
                      .config_phrases = &config_phrases,
                      .memo = memo,
                      .kind = PostKind::general,  // classified below
                      .language = language};
    if (!context.in_reply_to_text.empty()) {
      int32_t replaced = 0;
      text::decode_utf8(context.in_reply_to_text, replied.text, replaced);
      replied.utf8_source = replaced == 0 ? std::string_view(context.in_reply_to_text) : std::string_view();
      make_document(replied, no_context);
      analysis.in_reply_to = &replied;
      // The replied-to text in its own language's words.
      analysis.in_reply_to_sentiment = sentiment::score(replied, sentiment::Lexicon::get(identify_language(replied)));
    }
    KindDecision kind = classify_post(analysis);
    analysis.kind = kind.kind;
    sink.clear();
    // Texts written into the post follow the post; messages follow the
    // configuration's `lang`, which by default is the post's language too.
    const Language insertions = language == Language::es ? Language::es : Language::en;
    sink.set_languages(config.lang == "en"   ? Language::en
                       : config.lang == "es" ? Language::es
                                             : insertions,
                       insertions);
    for (const RuleInfo& rule : all_rules()) {
      if (applies(rule.kinds, analysis.kind) && config.enabled(rule.id)) rule.check(analysis, sink);
    }
    std::vector<Hint>& hints = sink.hints();
    drop_replacements_inside_entities(doc, hints);
    sort_hints(hints);

    Result r;
    r.hints.assign(std::make_move_iterator(hints.begin()), std::make_move_iterator(hints.end()));
    sink.clear();
    r.length = doc.length;
    r.entities = std::move(doc.entities);
    r.sentiment = analysis.sentiment;
    r.readability = analysis.readability;
    r.scores = compute_scores(analysis, r.hints);
    r.label = choose_label(r.scores, r.hints, answers_someone(analysis.kind, r.entities, r.hints));
    r.kind = to_string(kind.kind);
    r.kind_cue = std::move(kind.cue);
    r.language = std::string(to_string(analysis.language));
    r.warnings = std::move(warnings);
    return r;
  }
};

Analyzer::Analyzer(Config config) : impl_(std::make_unique<Impl>(std::move(config))) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const Config& Analyzer::config() const { return impl_->config; }

Result Analyzer::analyze(std::string_view utf8, const Context& context) {
  int32_t replaced = 0;
  text::decode_utf8(utf8, impl_->doc.text, replaced);
  impl_->doc.utf8_source = replaced == 0 ? utf8 : std::string_view();
  std::vector<std::string> warnings;
  if (replaced > 0) {
    warnings.push_back("invalid UTF-8: " + std::to_string(replaced) +
                       " byte sequence(s) replaced by U+FFFD");
  }
  return impl_->run(std::move(warnings), context);
}

Result Analyzer::analyze(std::u16string_view utf16, const Context& context) {
  std::u16string& text = impl_->doc.text;
  text.assign(utf16);
  impl_->doc.utf8_source = {};
  std::vector<std::string> warnings;
  if (int32_t replaced = text::replace_lone_surrogates(text); replaced > 0) {
    warnings.push_back("lone surrogates: " + std::to_string(replaced) + " replaced by U+FFFD");
  }
  return impl_->run(std::move(warnings), context);
}

}  // namespace chime
