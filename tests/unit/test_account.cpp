// The account summary (rules.md section 8): times, shares, reply speed,
// score spread and trend, and the bounded list of posts worth rewriting.
#include <doctest/doctest.h>

#include "chime/account.hpp"

using namespace chime;

namespace {

constexpr int64_t kDay = 86'400'000;

Result result_with(int32_t overall, std::string label = "good", std::vector<std::string> rules = {}) {
  Result r;
  r.scores.overall = overall;
  r.label = std::move(label);
  for (std::string& rule : rules) {
    Hint h;
    h.rule = std::move(rule);
    h.severity = h.rule.starts_with("talk.") ? Severity::good : Severity::warning;
    r.hints.push_back(std::move(h));
  }
  return r;
}

PostInfo post_at(int64_t time_ms, std::string id = "") {
  PostInfo p;
  p.id = std::move(id);
  p.text = "post " + p.id;
  p.time_ms = time_ms;
  return p;
}

}  // namespace

TEST_CASE("created_at is read in Twitter's and ISO 8601 forms, in UTC") {
  const int64_t expected = 1539202764000;  // 2018-10-10 20:19:24 UTC
  CHECK(parse_time("Wed Oct 10 20:19:24 +0000 2018") == expected);
  CHECK(parse_time("2018-10-10T20:19:24Z") == expected);
  CHECK(parse_time("2018-10-10T20:19:24.000Z") == expected);
  CHECK(parse_time("2018-10-10 22:19:24+02:00") == expected);
  CHECK(parse_time("2018-10-10T15:19:24-0500") == expected);
  CHECK(parse_time("2018-10-10T20:19:24.5Z") == expected + 500);
  CHECK(parse_time("2018-10-10") == expected - (20 * 3600 + 19 * 60 + 24) * 1000);
  CHECK(parse_time("2018-10-10 20:19") == expected - 24000);
  CHECK_FALSE(parse_time(""));
  CHECK_FALSE(parse_time("yesterday"));
  CHECK_FALSE(parse_time("2018-02-30"));
  CHECK_FALSE(parse_time("2018-10-10T25:00"));
  CHECK_FALSE(parse_time("Wed Foo 10 20:19:24 +0000 2018"));
  CHECK(format_date(expected) == "2018-10-10");
  CHECK(format_date(0) == "1970-01-01");
}

TEST_CASE("tweet ids carry their time (snowflakes); old sequential ids do not") {
  // Twitter's documented example tweet: id 1050118621198921728 at 20:19:24.211.
  CHECK(snowflake_time_ms("1050118621198921728") == 1539202764211);
  CHECK_FALSE(snowflake_time_ms("20"));  // the very first tweet: no time in it
  CHECK_FALSE(snowflake_time_ms("12a"));
  CHECK_FALSE(snowflake_time_ms("99999999999999999999999"));
  CHECK_FALSE(snowflake_time_ms(""));
}

TEST_CASE("posts per week, the longest silence and the trend by month") {
  AccountSummary s;
  const int64_t start = *parse_time("2024-01-01");
  // Posts on Jan 1, 2 and 3, then nothing until Jan 20, then Feb 4: 5 posts over 35 days.
  s.add(post_at(start), result_with(40));
  s.add(post_at(start + kDay), result_with(60));
  s.add(post_at(start + 2 * kDay + 5000), result_with(80));
  s.add(post_at(start + 19 * kDay), result_with(70));
  s.add(post_at(start + 34 * kDay), result_with(90));
  PostInfo undated;
  s.add(undated, result_with(50));
  const Json j = s.to_json();
  CHECK(j["posts"] == 6);
  CHECK(j["period"]["first"] == "2024-01-01");
  CHECK(j["period"]["last"] == "2024-02-04");
  CHECK(j["period"]["days"] == 35);
  CHECK(j["period"]["active_days"] == 5);
  CHECK(j["period"]["undated_posts"] == 1);
  CHECK(j["posts_per_week"] == 1.0);  // 5 dated posts over 5 weeks
  // Jan 4 to Jan 19 without a post: between the posts of Jan 3 and Jan 20.
  CHECK(j["longest_silence"]["days"] == 16);
  CHECK(j["longest_silence"]["from"] == "2024-01-03");
  CHECK(j["longest_silence"]["to"] == "2024-01-20");
  REQUIRE(j["trend"].size() == 2);
  CHECK(j["trend"][0]["month"] == "2024-01");
  CHECK(j["trend"][0]["posts"] == 4);
  CHECK(j["trend"][0]["mean_overall"] == 62.5);
  CHECK(j["trend"][1]["month"] == "2024-02");
  CHECK(j["trend"][1]["mean_overall"] == 90.0);
  CHECK(j["scores"]["scored_posts"] == 6);
  CHECK(j["scores"]["median"] == 60);  // lower middle of 40 50 60 70 80 90
  CHECK(j["scores"]["mean"] == 65.0);
  REQUIRE(j["scores"]["histogram"].size() == 10);
  CHECK(j["scores"]["histogram"][4]["posts"] == 1);
  CHECK(j["scores"]["histogram"][9]["posts"] == 1);
  CHECK(j["scores"]["histogram"][9]["to"] == 100);
}

TEST_CASE("shares of replies, questions, shares, promotion and chats") {
  AccountSummary s;
  PostInfo reply = post_at(0);
  reply.reply = true;
  PostInfo thread = post_at(0);
  thread.reply = true;
  thread.self_reply = true;
  PostInfo retweet = post_at(0);
  retweet.retweet = true;
  s.add(reply, result_with(70, "engaging", {"talk.question", "talk.reply"}));
  s.add(thread, result_with(60, "good", {"talk.chat"}));
  s.add(retweet, result_with(5, "broadcast"));
  s.add(post_at(0), result_with(20, "promotional", {"promo.superlative", "promo.hard-sell", "promo.superlative"}));
  const Json j = s.to_json();
  CHECK(j["counts"]["replies"] == 1);  // the thread post is the account's own
  CHECK(j["counts"]["thread_posts"] == 1);
  CHECK(j["counts"]["questions"] == 1);
  CHECK(j["counts"]["shares"] == 1);
  CHECK(j["counts"]["promotional"] == 1);
  CHECK(j["counts"]["chat"] == 1);
  CHECK(j["shares"]["replies"] == 0.25);
  CHECK(j["retweets"] == 1);
  // Rules count posts, not hints; most frequent first, ties by id.
  REQUIRE(j["rules"].size() == 5);
  CHECK(j["rules"][0]["rule"] == "promo.hard-sell");
  CHECK(j["rules"][0]["posts"] == 1);
  CHECK(j["rules"][0]["severity"] == "warning");
  CHECK(j["rules"][1]["rule"] == "promo.superlative");
  CHECK(j["rules"][1]["posts"] == 1);
  CHECK(j["labels"]["promotional"] == 1);
  // The retweet is someone else's writing: not scored, not to rewrite.
  CHECK(j["scores"]["scored_posts"] == 3);
  REQUIRE(j["rewrite"].size() == 3);
  CHECK(j["rewrite"][0]["overall"] == 20);
  CHECK(j["rewrite"][0]["rules"] == Json({"promo.superlative", "promo.hard-sell"}));
}

TEST_CASE("median reply time from the ids' times") {
  AccountSummary s;
  const int64_t t0 = *parse_time("2024-03-01T09:00:00Z");
  const int64_t delays_s[] = {30, 600, 3600, 7200, 86400};
  for (int64_t d : delays_s) {
    PostInfo p = post_at(t0 + d * 1000);
    p.reply = true;
    p.answered_time_ms = t0;
    s.add(p, result_with(50));
  }
  PostInfo untimed = post_at(t0);
  untimed.reply = true;  // answers a post whose time is unknown
  s.add(untimed, result_with(50));
  const Json j = s.to_json();
  CHECK(j["reply_time"]["timed_replies"] == 5);
  const auto median = j["reply_time"]["median_seconds"].get<int64_t>();
  CHECK(median >= 3600 * 97 / 100);  // the histogram is within 3.2%
  CHECK(median <= 3600 * 103 / 100);
  CHECK(AccountSummary().to_json()["reply_time"]["median_seconds"].is_null());
}

TEST_CASE("the rewrite list keeps the N lowest scores, earliest first on ties") {
  AccountSummary s(3);
  const int32_t scores[] = {50, 10, 90, 10, 30, 70, 5, 30};
  int n = 0;
  for (int32_t score : scores) s.add(post_at(0, std::to_string(n++)), result_with(score));
  const Json rewrite = s.to_json()["rewrite"];
  REQUIRE(rewrite.size() == 3);
  CHECK(rewrite[0]["id"] == "6");
  CHECK(rewrite[1]["id"] == "1");
  CHECK(rewrite[2]["id"] == "3");
  CHECK(rewrite[2]["text"] == "post 3");
  CHECK(AccountSummary(0).to_json()["rewrite"].empty());
}
