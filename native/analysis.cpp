#include "analysis.hpp"

#include "text/unicode.hpp"

namespace chime::cli {

namespace {

bool is_own_handle(std::string_view handle, const Config& config) {
  if (handle.starts_with("@")) handle.remove_prefix(1);
  if (handle.empty()) return false;
  const std::string folded = text::fold_utf8(handle);
  for (const std::string& own : config.org_handles) {
    if (own == folded) return true;
  }
  return false;
}

}  // namespace

Context context_for(const Item& item, const Config& config, std::vector<std::string>& errors) {
  if (!item.context.is_null()) return Context::from_json(item.context, errors);
  Context c;
  if (is_own_handle(item.reply_to, config)) {
    c.thread_index = 1;  // continues the account's own thread
  } else {
    c.reply_to = item.reply_to;
    c.in_reply_to_text = item.in_reply_to_text;
  }
  c.retweet = item.retweet;
  c.quote = item.quote;
  return c;
}

PostInfo post_info(const Item& item, const Config& config) {
  PostInfo p;
  p.id = item.id;
  p.text = item.text;
  // A tweet id tells the time to the millisecond, created_at to the second:
  // reply times compare against the answered post's id, so ids come first.
  p.time_ms = snowflake_time_ms(item.id);
  if (!p.time_ms) p.time_ms = parse_time(item.created_at);
  p.answered_time_ms = snowflake_time_ms(item.in_reply_to_id);
  p.self_reply = is_own_handle(item.reply_to, config);
  p.reply = !item.reply_to.empty() || !item.in_reply_to_id.empty() || !item.in_reply_to_text.empty();
  if (item.context.is_object()) {
    std::vector<std::string> ignored;  // already reported by context_for
    const Context c = Context::from_json(item.context, ignored);
    p.reply = p.reply || c.is_reply();
    p.retweet = c.retweet;
    p.quote = c.quote;
  }
  p.retweet = p.retweet || item.retweet;
  p.quote = p.quote || item.quote;
  return p;
}

std::string describe(const std::vector<ConfigError>& errors, std::string_view prefix) {
  std::string out;
  for (const ConfigError& e : errors) {
    if (!out.empty()) out += "; ";
    out += std::string(prefix) + (e.path.empty() ? ": " + e.message : "." + e.path + ": " + e.message);
  }
  return out.empty() ? "invalid configuration" : out;
}

Analyzer* AnalyzerCache::get(const Json& config, std::string& message) {
  const std::string key = config.is_null() ? std::string() : config.dump();
  if (auto it = analyzers_.find(key); it != analyzers_.end()) {
    message = it->second.failure;
    return it->second.analyzer.get();
  }
  if (analyzers_.size() >= kMaxEntries) analyzers_.clear();  // a page that keeps changing its config
  Entry& entry = analyzers_[key];
  Config parsed;
  if (!config.is_null()) {
    std::vector<ConfigError> errors;
    std::optional<Config> c;
    try {
      c = Config::parse(config, errors);
    } catch (const std::exception& e) {
      errors.push_back({"", e.what()});
    }
    if (!c) {
      entry.failure = message = describe(errors, "config");
      return nullptr;
    }
    parsed = std::move(*c);
  }
  entry.analyzer = std::make_unique<Analyzer>(std::move(parsed));
  return entry.analyzer.get();
}

}  // namespace chime::cli
