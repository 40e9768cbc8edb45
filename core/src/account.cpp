#include "chime/account.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

namespace chime {

namespace {

constexpr int64_t kMsPerDay = 86'400'000;
constexpr int64_t kTwitterEpochMs = 1288834974657;  // snowflake time zero (Nov 4 2010)
// Ids below this many ms after the epoch (one day) are pre-snowflake
// sequential ids (all below 3e10), which carry no time.
constexpr uint64_t kMinSnowflake = uint64_t{kMsPerDay} << 22;
// Text kept per rewrite candidate: enough for a tweet and a bit.
constexpr size_t kCandidateTextBytes = 600;

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian,
// integer-only, so native and wasm agree.
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year, month, day;
};

Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string month_key(int64_t time_ms) {
  const Civil c = civil_from_days(floor_div(time_ms, kMsPerDay));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(c.year), static_cast<int>(c.month));
  return buf;
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : round3(static_cast<double>(part) / static_cast<double>(whole));
}

// A small cursor over the time string.
struct Scanner {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void skip_spaces() {
    while (peek() == ' ') ++i;
  }
  // Exactly `n` digits (n > 0), or `min..n` when min < n.
  std::optional<int64_t> digits(size_t min, size_t n) {
    int64_t v = 0;
    size_t k = 0;
    while (k < n && peek() >= '0' && peek() <= '9') v = v * 10 + (s[i++] - '0'), ++k;
    if (k < min) return std::nullopt;
    return v;
  }
  std::string_view word() {
    const size_t start = i;
    while (!done() && s[i] != ' ') ++i;
    return s.substr(start, i - start);
  }
};

bool valid_date(int64_t y, int64_t m, int64_t d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1970 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

// "+0000", "+02:00", "-0530", "Z": offset in minutes east of UTC.
std::optional<int64_t> parse_offset(Scanner& sc) {
  if (sc.eat('Z') || sc.eat('z')) return 0;
  const char sign = sc.peek();
  if (sign != '+' && sign != '-') return std::nullopt;
  ++sc.i;
  auto hours = sc.digits(2, 2);
  sc.eat(':');
  auto minutes = sc.digits(2, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const int64_t total = *hours * 60 + *minutes;
  return sign == '-' ? -total : total;
}

std::optional<int64_t> to_ms(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s,
                             int64_t ms, int64_t offset_minutes) {
  if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const int64_t days = days_from_civil(y, mo, d);
  return ((days * 24 + h) * 60 + mi - offset_minutes) * 60'000 + s * 1000 + ms;
}

// "Wed Oct 10 20:19:24 +0000 2018" (the v1.1 API and the archive).
std::optional<int64_t> parse_twitter_time(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Scanner sc{text};
  sc.word();  // day of the week
  sc.skip_spaces();
  const std::string_view mon = sc.word();
  int64_t month = 0;
  for (int64_t k = 0; k < 12; ++k) {
    if (kMonths[k] == mon) month = k + 1;
  }
  sc.skip_spaces();
  auto day = sc.digits(1, 2);
  sc.skip_spaces();
  auto h = sc.digits(2, 2);
  bool ok = sc.eat(':');
  auto mi = sc.digits(2, 2);
  ok = sc.eat(':') && ok;
  auto s = sc.digits(2, 2);
  sc.skip_spaces();
  auto offset = parse_offset(sc);
  sc.skip_spaces();
  auto year = sc.digits(4, 4);
  if (!ok || month == 0 || !day || !h || !mi || !s || !offset || !year || !sc.done()) {
    return std::nullopt;
  }
  return to_ms(*year, month, *day, *h, *mi, *s, 0, *offset);
}

// "2018-10-10", "2018-10-10T20:19", "2018-10-10 20:19:24.123+02:00", ...
std::optional<int64_t> parse_iso_time(std::string_view text) {
  Scanner sc{text};
  auto y = sc.digits(4, 4);
  bool ok = sc.eat('-');
  auto mo = sc.digits(2, 2);
  ok = sc.eat('-') && ok;
  auto d = sc.digits(2, 2);
  if (!ok || !y || !mo || !d) return std::nullopt;
  if (sc.done()) return to_ms(*y, *mo, *d, 0, 0, 0, 0, 0);
  if (!sc.eat('T') && !sc.eat(' ')) return std::nullopt;
  auto h = sc.digits(2, 2);
  ok = sc.eat(':');
  auto mi = sc.digits(2, 2);
  if (!ok || !h || !mi) return std::nullopt;
  int64_t s = 0, ms = 0;
  if (sc.eat(':')) {
    auto sec = sc.digits(2, 2);
    if (!sec) return std::nullopt;
    s = *sec;
    if (sc.eat('.')) {
      const size_t start = sc.i;
      auto frac = sc.digits(1, 9);
      if (!frac) return std::nullopt;
      int64_t f = *frac;
      for (size_t n = sc.i - start; n < 3; ++n) f *= 10;
      for (size_t n = sc.i - start; n > 3; --n) f /= 10;
      ms = f;
    }
  }
  sc.skip_spaces();
  int64_t offset = 0;  // no zone: read as UTC, the only deterministic choice
  if (!sc.done()) {
    auto o = parse_offset(sc);
    if (!o || !sc.done()) return std::nullopt;
    offset = *o;
  }
  return to_ms(*y, *mo, *d, *h, *mi, s, ms, offset);
}

// Reply delays go into a log-linear histogram: exact below 64 s, then 32
// buckets per power of two (each bucket under 3.2% wide). Integer-only.
constexpr uint64_t kExactSeconds = 64;
constexpr int kSubBuckets = 32;
constexpr int kSubBits = 5;  // log2(kSubBuckets)

size_t delay_bucket(uint64_t seconds) {
  if (seconds < kExactSeconds) return static_cast<size_t>(seconds);
  const int k = static_cast<int>(std::bit_width(seconds)) - 1;  // >= 6
  const uint64_t sub = (seconds >> (k - kSubBits)) & (kSubBuckets - 1);
  return kExactSeconds + static_cast<size_t>(k - 6) * kSubBuckets + static_cast<size_t>(sub);
}

// The middle of a bucket, in seconds.
uint64_t delay_bucket_value(size_t bucket) {
  if (bucket < kExactSeconds) return bucket;
  const size_t rest = bucket - kExactSeconds;
  const int k = static_cast<int>(rest / kSubBuckets) + 6;
  const uint64_t sub = rest % kSubBuckets;
  const uint64_t width = uint64_t{1} << (k - kSubBits);
  return (kSubBuckets + sub) * width + width / 2;
}

bool has_rule(const Result& r, std::string_view rule) {
  return std::any_of(r.hints.begin(), r.hints.end(), [&](const Hint& h) { return h.rule == rule; });
}

// Cuts at a UTF-8 character boundary.
std::string shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "\u2026";
}

}  // namespace

std::optional<int64_t> parse_time(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9') return parse_iso_time(text);
  return parse_twitter_time(text);
}

std::optional<int64_t> snowflake_time_ms(std::string_view id) {
  if (id.empty() || id.size() > 20) return std::nullopt;
  uint64_t v = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  if (v < kMinSnowflake) return std::nullopt;
  return static_cast<int64_t>(v >> 22) + kTwitterEpochMs;
}

std::string format_date(int64_t time_ms) {
  const Civil c = civil_from_days(floor_div(time_ms, kMsPerDay));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(c.year),
                static_cast<int>(c.month), static_cast<int>(c.day));
  return buf;
}

AccountSummary::AccountSummary(size_t rewrite_count)
    : rewrite_count_(rewrite_count), overall_counts_(101, 0) {}

void AccountSummary::add(const PostInfo& post, const Result& r) {
  const uint64_t order = posts_++;
  if (post.retweet) ++retweets_;
  if (post.quote) ++quotes_;
  if (post.reply && !post.self_reply) ++replies_;
  if (post.self_reply) ++self_replies_;
  if (post.retweet || post.quote || has_rule(r, "talk.share")) ++shares_;
  if (has_rule(r, "talk.question")) ++questions_;
  if (has_rule(r, "talk.chat")) ++chat_;
  if (r.label == "promotional") ++promotional_;
  ++labels_[r.label];

  // Count each rule once per post.
  std::set<std::string_view> seen;
  for (const Hint& h : r.hints) {
    RuleCount& count = rules_[h.rule];
    if (seen.insert(h.rule).second) ++count.posts;
    count.severity = std::max(count.severity, h.severity);
  }

  // A retweet is someone else's writing: it counts as a post and a share,
  // but not in the account's scores or the rewrite list.
  const bool scored = !post.retweet;
  const int32_t overall = std::clamp(r.scores.overall, 0, 100);
  if (scored) ++overall_counts_[static_cast<size_t>(overall)];

  if (post.time_ms) {
    days_.insert(floor_div(*post.time_ms, kMsPerDay));
    Month& m = months_[month_key(*post.time_ms)];
    ++m.posts;
    if (scored) ++m.scored, m.overall_sum += overall;
  } else {
    ++undated_;
  }

  if (post.reply && !post.self_reply && post.time_ms && post.answered_time_ms &&
      *post.time_ms >= *post.answered_time_ms) {
    const auto seconds = static_cast<uint64_t>((*post.time_ms - *post.answered_time_ms) / 1000);
    const size_t bucket = delay_bucket(seconds);
    if (reply_delays_.size() <= bucket) reply_delays_.resize(bucket + 1, 0);
    ++reply_delays_[bucket];
    ++timed_replies_;
  }

  if (!scored || rewrite_count_ == 0) return;
  Candidate c{overall, order, post.id, {}, r.label, {}};
  if (heap_.size() == rewrite_count_ && !(c < heap_.front())) return;
  c.text = shorten(post.text, kCandidateTextBytes);
  // The issues worth fixing first: most severe, then in reading order.
  std::vector<const Hint*> issues;
  for (const Hint& h : r.hints) {
    if (h.severity != Severity::good) issues.push_back(&h);
  }
  std::stable_sort(issues.begin(), issues.end(),
                   [](const Hint* a, const Hint* b) { return a->severity > b->severity; });
  for (const Hint* h : issues) {
    if (c.rules.size() == 3) break;
    if (std::find(c.rules.begin(), c.rules.end(), h->rule) == c.rules.end()) c.rules.push_back(h->rule);
  }
  if (heap_.size() == rewrite_count_) {
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.pop_back();
  }
  heap_.push_back(std::move(c));
  std::push_heap(heap_.begin(), heap_.end());
}

Json AccountSummary::to_json() const {
  Json out;
  out["posts"] = posts_;
  out["retweets"] = retweets_;

  Json period;
  if (days_.empty()) {
    period = {{"first", nullptr}, {"last", nullptr}, {"days", 0}};
  } else {
    const int64_t first = *days_.begin(), last = *days_.rbegin();
    period = {{"first", format_date(first * kMsPerDay)},
              {"last", format_date(last * kMsPerDay)},
              {"days", last - first + 1}};
  }
  period["active_days"] = days_.size();
  period["undated_posts"] = undated_;
  out["period"] = std::move(period);

  // Posts per week over the dated span (a span shorter than a week counts as one week).
  const uint64_t dated = posts_ - undated_;
  double weeks = 1.0;
  if (!days_.empty()) {
    weeks = std::max(1.0, static_cast<double>(*days_.rbegin() - *days_.begin() + 1) / 7.0);
  }
  out["posts_per_week"] = dated == 0 ? 0.0 : round3(static_cast<double>(dated) / weeks);

  // The longest run of days without a post, between two posting days.
  Json silence = {{"days", 0}, {"from", nullptr}, {"to", nullptr}};
  int64_t longest = 0, prev = 0;
  bool have_prev = false;
  for (int64_t day : days_) {
    if (have_prev && day - prev - 1 > longest) {
      longest = day - prev - 1;
      silence = {{"days", longest},
                 {"from", format_date(prev * kMsPerDay)},
                 {"to", format_date(day * kMsPerDay)}};
    }
    prev = day;
    have_prev = true;
  }
  out["longest_silence"] = std::move(silence);

  out["counts"] = {{"replies", replies_}, {"thread_posts", self_replies_}, {"questions", questions_},
                   {"shares", shares_}, {"promotional", promotional_}, {"chat", chat_}};
  out["shares"] = {{"replies", share(replies_, posts_)}, {"questions", share(questions_, posts_)},
                   {"shares", share(shares_, posts_)}, {"promotional", share(promotional_, posts_)},
                   {"chat", share(chat_, posts_)}};

  // Median reply time: the lower middle of the sorted delays.
  Json reply_time = {{"timed_replies", timed_replies_}, {"median_seconds", nullptr}};
  if (timed_replies_ > 0) {
    const uint64_t target = (timed_replies_ + 1) / 2;
    uint64_t seen = 0;
    for (size_t b = 0; b < reply_delays_.size(); ++b) {
      seen += reply_delays_[b];
      if (seen >= target) {
        reply_time["median_seconds"] = delay_bucket_value(b);
        break;
      }
    }
  }
  out["reply_time"] = std::move(reply_time);

  // Scores of the account's own posts (retweets left out).
  uint64_t scored = 0, sum = 0;
  Json histogram = Json::array();
  std::vector<uint64_t> buckets(10, 0);
  for (size_t s = 0; s <= 100; ++s) {
    scored += overall_counts_[s];
    sum += overall_counts_[s] * s;
    buckets[std::min<size_t>(s / 10, 9)] += overall_counts_[s];
  }
  for (size_t b = 0; b < 10; ++b) {
    histogram.push_back({{"from", b * 10}, {"to", b == 9 ? 100 : b * 10 + 9}, {"posts", buckets[b]}});
  }
  Json median = nullptr;
  if (scored > 0) {
    const uint64_t target = (scored + 1) / 2;
    uint64_t seen = 0;
    for (size_t s = 0; s <= 100; ++s) {
      seen += overall_counts_[s];
      if (seen >= target) {
        median = s;
        break;
      }
    }
  }
  out["scores"] = {{"scored_posts", scored},
                   {"mean", scored == 0 ? Json(nullptr)
                                        : Json(round3(static_cast<double>(sum) / static_cast<double>(scored)))},
                   {"median", median},
                   {"histogram", std::move(histogram)}};

  Json labels = Json::object();
  for (const auto& [label, n] : labels_) labels[label] = n;
  out["labels"] = std::move(labels);

  // Rules by how many posts they touched, most first; ties by id.
  std::vector<std::pair<std::string, RuleCount>> rules(rules_.begin(), rules_.end());
  std::stable_sort(rules.begin(), rules.end(),
                   [](const auto& a, const auto& b) { return a.second.posts > b.second.posts; });
  Json rule_list = Json::array();
  for (const auto& [rule, n] : rules) {
    rule_list.push_back({{"rule", rule}, {"severity", to_string(n.severity)}, {"posts", n.posts}});
  }
  out["rules"] = std::move(rule_list);

  Json trend = Json::array();
  for (const auto& [month, m] : months_) {
    trend.push_back({{"month", month},
                     {"posts", m.posts},
                     {"mean_overall", m.scored == 0 ? Json(nullptr)
                                                    : Json(round3(static_cast<double>(m.overall_sum) /
                                                                  static_cast<double>(m.scored)))}});
  }
  out["trend"] = std::move(trend);

  std::vector<Candidate> worst = heap_;
  std::sort(worst.begin(), worst.end());  // (overall, order) is a total order
  Json rewrite = Json::array();
  for (const Candidate& c : worst) {
    rewrite.push_back({{"id", c.id.empty() ? Json(nullptr) : Json(c.id)},
                       {"overall", c.overall},
                       {"label", c.label},
                       {"rules", c.rules},
                       {"text", c.text}});
  }
  out["rewrite"] = std::move(rewrite);
  return out;
}

}  // namespace chime
