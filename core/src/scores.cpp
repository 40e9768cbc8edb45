// Chime's scores (docs/scores.md). Integer arithmetic only, so native and
// wasm agree to the bit; the one floating-point input (sentiment, already
// rounded to 3 decimals) is scaled and rounded once.
#include "scores.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace chime {

namespace {

using D = ScoreDimension;

// Where each dimension starts before any hint: a plain statement with no
// conversation, a little value, a neutral tone, no promotion.
constexpr int32_t kConversationBase = 20;
constexpr int32_t kValueBase = 40;
constexpr int32_t kToneBase = 70;
// Sentiment moves tone by up to this many points either way (compound -1..1).
constexpr double kToneSentimentPoints = 20.0;
// overall = weighted mean of conversation, value, tone (percent weights,
// conversation first: the seed's main advice), minus promotion / 2, plus the
// overall-only adjustments (form and care).
constexpr int32_t kConversationWeight = 40, kValueWeight = 35, kToneWeight = 25;
constexpr int32_t kPromotionDivisor = 2;
// Label thresholds.
constexpr int32_t kPromotionalAt = 40;    // promotion >= this: promotional
constexpr int32_t kEngagingConversation = 55;  // a question or a reply
constexpr int32_t kEngagingOverall = 50;  // above a plain broadcast (40)

constexpr ScoreWeight kWeights[] = {
    // Length and form: what stops or spoils a post costs overall points.
    {"length.over", D::overall, -30, 0, 30},
    {"form.hashtag-pileup", D::overall, -8, 0, 8},
    {"form.shouting", D::overall, -8, -4, 16},
    {"form.exclamations", D::overall, -4, 0, 4},
    {"form.link-only", D::overall, -10, 0, 10},
    {"form.mention-wall", D::overall, -5, 0, 5},
    // Self-promotion: raises promotion (higher is worse).
    {"promo.press-release", D::promotion, 45, 15, 75},
    {"promo.superlative", D::promotion, 25, 10, 45},
    {"promo.hard-sell", D::promotion, 40, 10, 60},
    {"promo.self-focus", D::promotion, 15, 0, 15},
    // Conversation: each way of talking with people counts once.
    {"talk.question", D::conversation, 35, 0, 35},
    {"talk.invite", D::conversation, 25, 0, 25},
    {"talk.mention", D::conversation, 15, 0, 15},
    {"talk.reply", D::conversation, 35, 0, 35},
    {"talk.share", D::conversation, 20, 0, 20},
    {"talk.chat", D::conversation, 20, 0, 20},
    {"talk.broadcast", D::conversation, 0, 0, 0},     // the base already is a broadcast
    {"talk.chat-suggest", D::conversation, 0, 0, 0},  // advice, not a fault
    // Value.
    {"value.helpful", D::value, 40, 0, 40},
    {"value.empty", D::value, -25, 0, 25},
    // Tone.
    {"tone.sentiment", D::tone, -10, 0, 10},
    {"tone.defensive", D::tone, -35, -10, 45},
    {"tone.empathy", D::tone, 20, 0, 20},
    {"tone.jargon", D::tone, -5, -5, 15},
    {"tone.reading-level", D::tone, -10, 0, 10},
    // Care: errors make the label risky; all cost overall points.
    {"care.patient-privacy", D::overall, -40, 0, 40},
    {"care.confirms-patient", D::overall, -40, 0, 40},
    {"care.claim", D::overall, -15, -5, 25},
    {"care.advice", D::overall, -15, -5, 25},
};

constexpr size_t kWeightCount = std::size(kWeights);

// The rows of kWeights by a hash of the rule id (its length, first and last
// letter; open addressing, half the slots empty), so that a hint finds its
// row with one comparison or two instead of a scan of every row.
constexpr size_t kSlots = 64;
constexpr size_t slot_of(std::string_view rule) {
  return (rule.size() * 31 + static_cast<unsigned char>(rule.front()) * 7 + static_cast<unsigned char>(rule.back())) %
         kSlots;
}
constexpr std::array<uint8_t, kSlots> kRowAt = [] {
  static_assert(kWeightCount < kSlots / 2);
  std::array<uint8_t, kSlots> rows{};
  rows.fill(static_cast<uint8_t>(kWeightCount));
  for (size_t i = 0; i < kWeightCount; ++i) {
    size_t slot = slot_of(kWeights[i].rule);
    while (rows[slot] != kWeightCount) slot = (slot + 1) % kSlots;
    rows[slot] = static_cast<uint8_t>(i);
  }
  return rows;
}();

// Index of the rule's row in kWeights, or kWeightCount.
size_t weight_index(std::string_view rule) {
  if (rule.empty()) return kWeightCount;
  for (size_t slot = slot_of(rule); kRowAt[slot] != kWeightCount; slot = (slot + 1) % kSlots) {
    if (kWeights[kRowAt[slot]].rule == rule) return kRowAt[slot];
  }
  return kWeightCount;
}

// Points each dimension moves by, from the hints (count per rule, then the
// table; the order of hints does not matter). Flat arrays: no map per analysis.
struct Points {
  std::array<int32_t, static_cast<size_t>(D::overall) + 1> by_dimension{};  // indexed by ScoreDimension (overall is last)
  int32_t& operator[](D d) { return by_dimension[static_cast<size_t>(d)]; }
};

Points hint_points(const std::vector<Hint>& hints) {
  std::array<int32_t, kWeightCount> count{};
  std::array<uint8_t, kWeightCount> rows_hit{};  // the rows with a hint, each once
  size_t hit = 0;
  for (const Hint& h : hints) {
    const size_t i = weight_index(h.rule);
    if (i == kWeightCount) continue;  // a rule without a weight
    if (count[i]++ == 0) rows_hit[hit++] = static_cast<uint8_t>(i);
  }
  Points points;  // integer sums: the order rows are added in does not matter
  for (size_t k = 0; k < hit; ++k) {
    const size_t i = rows_hit[k];
    const ScoreWeight& w = kWeights[i];
    const int32_t raw = w.first + w.more * (count[i] - 1);
    points[w.dimension] += std::clamp(raw, -w.cap, w.cap);
  }
  return points;
}

int32_t clamp100(int32_t v) { return std::clamp(v, 0, 100); }

}  // namespace

std::span<const ScoreWeight> score_weights() { return kWeights; }

Scores compute_scores(const Analysis& analysis, const std::vector<Hint>& hints) {
  auto points = hint_points(hints);
  const auto sentiment_points =
      static_cast<int32_t>(std::lround(analysis.sentiment.compound * kToneSentimentPoints));
  Scores s;
  s.conversation = clamp100(kConversationBase + points[D::conversation]);
  s.value = clamp100(kValueBase + points[D::value]);
  s.tone = clamp100(kToneBase + sentiment_points + points[D::tone]);
  s.promotion = clamp100(points[D::promotion]);
  const int32_t mean =
      (kConversationWeight * s.conversation + kValueWeight * s.value + kToneWeight * s.tone + 50) / 100;
  s.overall = clamp100(mean - s.promotion / kPromotionDivisor + points[D::overall]);
  return s;
}

std::string choose_label(const Scores& scores, const std::vector<Hint>& hints) {
  const bool care_error = std::any_of(hints.begin(), hints.end(), [](const Hint& h) {
    return h.severity == Severity::error && h.rule.starts_with("care.");
  });
  if (care_error) return "risky";
  if (scores.promotion >= kPromotionalAt) return "promotional";
  if (scores.conversation >= kEngagingConversation && scores.overall >= kEngagingOverall) return "engaging";
  if (scores.conversation <= kConversationBase) return "broadcast";
  return "good";
}

}  // namespace chime
