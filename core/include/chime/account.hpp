// The account-level summary (rules.md section 8) over many analysed posts:
// how often the account posts, how much it talks with people, how fast it
// answers, how its scores are spread and move, and what is worth rewriting.
//
//   chime::AccountSummary summary;
//   for (each post) summary.add(post_info, analyzer.analyze(text, context));
//   chime::Json report = summary.to_json();
//
// It keeps small aggregates only (counters, a set of posting days, a month
// table, a bounded heap of the weakest posts), so memory stays flat however
// many posts are fed. Output order is deterministic.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "chime/result.hpp"

namespace chime {

// What the summary needs to know about one post besides its Result.
struct PostInfo {
  std::string id;                          // tweet id or the input's own id; may be empty
  std::string text;                        // shown (shortened) in the rewrite list
  std::optional<int64_t> time_ms;          // when it was posted, Unix ms UTC
  std::optional<int64_t> answered_time_ms; // when the post it replies to was posted
  bool reply = false;       // answers someone else
  bool self_reply = false;  // continues the account's own thread (not counted as a reply)
  bool retweet = false;     // shares someone's post as is ("RT @...")
  bool quote = false;       // quotes someone's post
};

// Reads the usual created_at forms: Twitter's "Wed Oct 10 20:19:24 +0000 2018",
// ISO 8601 "2018-10-10T20:19:24Z" / "+02:00" / ".000Z", "2018-10-10 20:19",
// and a bare date "2018-10-10". Returns Unix ms (UTC).
std::optional<int64_t> parse_time(std::string_view text);
// A tweet id is a snowflake: ms = (id >> 22) + 1288834974657. Ids from before
// snowflakes (Nov 2010) carry no time: nullopt.
std::optional<int64_t> snowflake_time_ms(std::string_view id);
// "2018-10-10" for a Unix ms time (UTC).
std::string format_date(int64_t time_ms);

class AccountSummary {
 public:
  explicit AccountSummary(size_t rewrite_count = 10);

  void add(const PostInfo& post, const Result& result);
  size_t posts() const { return static_cast<size_t>(posts_); }  // size_t is 32-bit in wasm
  Json to_json() const;

 private:
  struct Candidate {
    int32_t overall;
    uint64_t order;  // input order: ties go to the earlier post
    std::string id, text, label;
    std::vector<std::string> rules;
    bool operator<(const Candidate& other) const {  // "better" posts sort last
      if (overall != other.overall) return overall < other.overall;
      return order < other.order;
    }
  };
  struct Month {
    int64_t posts = 0;
    int64_t scored = 0;
    int64_t overall_sum = 0;
  };

  size_t rewrite_count_;
  uint64_t posts_ = 0, retweets_ = 0, quotes_ = 0, replies_ = 0, self_replies_ = 0;
  uint64_t questions_ = 0, shares_ = 0, promotional_ = 0, chat_ = 0, undated_ = 0;
  std::set<int64_t> days_;                   // days (since 1970) with a post
  std::map<std::string, Month> months_;      // "2018-10" -> aggregates
  std::vector<uint64_t> overall_counts_;     // 101 counters, one per score
  std::map<std::string, uint64_t> labels_;
  struct RuleCount {
    uint64_t posts = 0;
    Severity severity = Severity::good;  // the most severe seen
  };
  std::map<std::string, RuleCount> rules_;  // rule id -> posts with that hint
  std::vector<uint64_t> reply_delays_;       // log-linear histogram, see account.cpp
  uint64_t timed_replies_ = 0;
  std::vector<Candidate> heap_;              // max-heap of the weakest posts
};

}  // namespace chime
