// What the CLI and the host share between reading an item and writing its
// result: the item's context, what the account summary needs to know about
// it, and analysers kept per configuration.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chime/account.hpp"
#include "chime/analyzer.hpp"
#include "readers.hpp"

namespace chime::cli {

// The analysis context of an item: its "context" object if it has one, else
// what its fields say (a reply to @handle, a retweet, a quote). A reply to one
// of the organisation's own handles is a thread post, not a reply.
Context context_for(const Item& item, const Config& config, std::vector<std::string>& errors);
PostInfo post_info(const Item& item, const Config& config);

// "config.thresholds.hashtags: must be an integer; ..." for the errors.
std::string describe(const std::vector<ConfigError>& errors, std::string_view prefix);

// Parses a configuration once per distinct document and keeps the analyser,
// or the reasons an invalid one was refused (a page that keeps sending it
// pays for it once).
class AnalyzerCache {
 public:
  // null config = the defaults. On an invalid config returns null and fills `message`.
  Analyzer* get(const Json& config, std::string& message);

 private:
  static constexpr size_t kMaxEntries = 8;
  struct Entry {
    std::unique_ptr<Analyzer> analyzer;  // null: the configuration is invalid, for `failure`
    std::string failure;
  };
  std::map<std::string, Entry> analyzers_;
};

}  // namespace chime::cli
