// Chime's scores (docs/scores.md). Integer arithmetic only, so native and
// wasm agree to the bit; the one floating-point input (sentiment, already
// rounded to 3 decimals) is scaled and rounded once.
#include "scores.hpp"

#include "rules/features.hpp"
#include "rules/kinds.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace chime {

namespace {

using D = ScoreDimension;

// The formula's numbers, from core/data/scores.tsv (docs/scores.md).
struct Settings {
  int32_t conversation_base, value_base, tone_base, tone_sentiment_points;
  int32_t conversation_weight, value_weight, tone_weight, promotion_divisor;
  int32_t conversation_not_expected;
  int32_t care_error_score, care_warning_score, over_length_score;
  int32_t promotional_at, engaging_conversation, own_post_overall, good_overall;
  int32_t spread_percent;
  int32_t words_even, words_counted, weak_post_floor;
  int32_t hook_words_after, hook_question_points;
  std::array<int32_t, static_cast<size_t>(PostKind::count)> kind_points{};  // the rows kind.<name>
};

const Settings& settings() {
  static const Settings s = [] {
    Settings out{};
    const std::pair<std::string_view, int32_t*> fields[] = {
        {"conversation_base", &out.conversation_base},
        {"value_base", &out.value_base},
        {"tone_base", &out.tone_base},
        {"tone_sentiment_points", &out.tone_sentiment_points},
        {"conversation_weight", &out.conversation_weight},
        {"value_weight", &out.value_weight},
        {"tone_weight", &out.tone_weight},
        {"promotion_divisor", &out.promotion_divisor},
        {"conversation_not_expected", &out.conversation_not_expected},
        {"care_error_score", &out.care_error_score},
        {"care_warning_score", &out.care_warning_score},
        {"over_length_score", &out.over_length_score},
        {"promotional_at", &out.promotional_at},
        {"engaging_conversation", &out.engaging_conversation},
        {"own_post_overall", &out.own_post_overall},
        {"good_overall", &out.good_overall},
        {"spread_percent", &out.spread_percent},
        {"words_even", &out.words_even},
        {"words_counted", &out.words_counted},
        {"weak_post_floor", &out.weak_post_floor},
        {"hook_words_after", &out.hook_words_after},
        {"hook_question_points", &out.hook_question_points},
    };
    std::vector<bool> seen(std::size(fields), false);
    std::array<bool, static_cast<size_t>(PostKind::count)> kind_seen{};
    for (const auto& row : data_rows("scores.tsv")) {
      // kind.<name>: what a kind of post is worth before any hint.
      if (row[0].starts_with("kind.") && row.size() == 2) {
        const PostKind kind = post_kind_from_string(std::string_view(row[0]).substr(5));
        if (kind == PostKind::count) throw std::logic_error("core/data/scores.tsv: unknown kind in " + row[0]);
        out.kind_points[static_cast<size_t>(kind)] = std::stoi(row[1]);
        kind_seen[static_cast<size_t>(kind)] = true;
        continue;
      }
      size_t k = 0;
      while (k < std::size(fields) && fields[k].first != row[0]) ++k;
      if (k == std::size(fields) || row.size() != 2) {
        throw std::logic_error("core/data/scores.tsv: unknown or malformed row " + row[0]);
      }
      *fields[k].second = std::stoi(row[1]);
      seen[k] = true;
    }
    for (size_t k = 0; k < std::size(fields); ++k) {
      if (!seen[k]) throw std::logic_error("core/data/scores.tsv: no " + std::string(fields[k].first));
    }
    for (size_t i = 0; i < kind_seen.size(); ++i) {
      if (!kind_seen[i]) {
        throw std::logic_error("core/data/scores.tsv: no kind." + std::string(to_string(static_cast<PostKind>(i))));
      }
    }
    if (out.promotion_divisor <= 0) throw std::logic_error("core/data/scores.tsv: promotion_divisor must be > 0");
    return out;
  }();
  return s;
}

// The weights: each rule's row of core/data/rules.tsv (RuleInfo::weight),
// in registry order, with an index by a hash of the rule id (its length,
// first and last letter; open addressing, at least half the slots empty), so
// that a hint finds its row with one comparison or two instead of a scan.
constexpr size_t kSlots = 128;
constexpr size_t kMaxRules = kSlots / 2;
constexpr uint8_t kNoRow = 0xff;

size_t slot_of(std::string_view rule) {
  return (rule.size() * 31 + static_cast<unsigned char>(rule.front()) * 7 + static_cast<unsigned char>(rule.back())) %
         kSlots;
}

struct WeightTable {
  std::vector<ScoreWeight> rows;
  std::array<uint8_t, kSlots> row_at{};
  WeightTable() {
    row_at.fill(kNoRow);
    for (const RuleInfo& r : all_rules()) rows.push_back(r.weight);
    if (rows.size() > kMaxRules) throw std::logic_error("scores.cpp: more rules than the weight index holds");
    for (size_t i = 0; i < rows.size(); ++i) {
      size_t slot = slot_of(rows[i].rule);
      while (row_at[slot] != kNoRow) slot = (slot + 1) % kSlots;
      row_at[slot] = static_cast<uint8_t>(i);
    }
  }
  // Index of the rule's row, or rows.size().
  size_t index(std::string_view rule) const {
    if (rule.empty()) return rows.size();
    for (size_t slot = slot_of(rule); row_at[slot] != kNoRow; slot = (slot + 1) % kSlots) {
      if (rows[row_at[slot]].rule == rule) return row_at[slot];
    }
    return rows.size();
  }
};

const WeightTable& weights() {
  static const WeightTable table;
  return table;
}

// Points each dimension moves by, from the hints (count per rule, then the
// table; the order of hints does not matter). Flat arrays: no map per analysis.
struct Points {
  std::array<int32_t, static_cast<size_t>(D::overall) + 1> by_dimension{};  // indexed by ScoreDimension (overall is last)
  int32_t hook_excess = 0;  // what a hook question earns beyond hook_question_points
  int32_t& operator[](D d) { return by_dimension[static_cast<size_t>(d)]; }
};

// hook: the post opens on a question it goes on to answer (opens_on_a_hook).
Points hint_points(const std::vector<Hint>& hints, bool hook) {
  const WeightTable& table = weights();
  std::array<int32_t, kMaxRules> count{};
  std::array<uint8_t, kMaxRules> rows_hit{};  // the rows with a hint, each once
  std::array<bool, kMaxRules> all_well{};  // a check that costs points said all is well
  size_t hit = 0;
  for (const Hint& h : hints) {
    const size_t i = table.index(h.rule);
    if (i == table.rows.size()) continue;  // not a registered rule
    if (count[i]++ == 0) rows_hit[hit++] = static_cast<uint8_t>(i);
    // A check that costs points when it finds a problem gives them when it
    // says all is well (value.crisis-essentials on a complete notice).
    all_well[i] = h.severity == Severity::good && table.rows[i].first < 0;
  }
  Points points;  // integer sums: the order rows are added in does not matter
  for (size_t k = 0; k < hit; ++k) {
    const size_t i = rows_hit[k];
    const ScoreWeight& w = table.rows[i];
    const int32_t raw = w.first + w.more * (count[i] - 1);
    const int32_t p = std::clamp(all_well[i] ? -raw : raw, -w.cap, w.cap);
    points[w.dimension] += p;
    if (hook && w.rule == "talk.question") points.hook_excess = std::max(p - settings().hook_question_points, 0);
  }
  return points;
}

int32_t clamp100(int32_t v) { return std::clamp(v, 0, 100); }

bool has_care_error(const std::vector<Hint>& hints) {
  return std::any_of(hints.begin(), hints.end(), [](const Hint& h) {
    return h.severity == Severity::error && h.rule.starts_with("care.");
  });
}

// A health claim or a personal medical instruction: the post should not go
// out as is (docs/scores.md), though the hint is a warning (it may be fixed
// by rewording, and a guard may be wrong).
bool has_risky_care_warning(const std::vector<Hint>& hints) {
  return std::any_of(hints.begin(), hints.end(),
                     [](const Hint& h) { return h.rule == "care.claim" || h.rule == "care.advice"; });
}

bool is_over_length(const std::vector<Hint>& hints) {
  return std::any_of(hints.begin(), hints.end(), [](const Hint& h) { return h.rule == "length.over"; });
}

// Press-release and sales phrases ("is pleased to announce", "book your
// consultation today") say nothing to the reader: their words do not count
// as what the post has to say.
bool is_advert_phrase(const Hint& h) { return h.rule == "promo.press-release" || h.rule == "promo.hard-sell"; }

// The words the post has to say: readability's words (not URLs, handles,
// hashtags, numbers or emoji) less those inside an advert phrase.
int32_t words_said(const Analysis& analysis, const std::vector<Hint>& hints) {
  int32_t words = analysis.readability.words;
  if (std::none_of(hints.begin(), hints.end(), is_advert_phrase)) return words;
  const Document& doc = analysis.doc;
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::word || doc.in_entity(t.start, t.end)) continue;
    const bool in_advert = std::any_of(hints.begin(), hints.end(), [&](const Hint& h) {
      return is_advert_phrase(h) && h.start <= t.start && t.end <= h.end;
    });
    words -= in_advert ? 1 : 0;
  }
  return std::max(words, 0);
}

// Words of the author's own (not URLs, handles, hashtags, numbers or emoji)
// in [from, to).
int32_t own_words_between(const Document& doc, int32_t from, int32_t to) {
  int32_t words = 0;
  for (const Token& t : doc.tokens) {
    if (t.kind == TokenKind::word && from <= t.start && t.end <= to && !doc.in_entity(t.start, t.end)) ++words;
  }
  return words;
}

// The post opens on a question (no word of its own before its first
// talk.question hint) and says hook_words_after words or more after its
// last: a hook the post goes on to answer ("Why do ER waits get longer in
// winter? Our emergency physician explains, in 6 short posts."). It draws
// the reader in, so overall keeps the question's points (the expert scores
// these posts as high as those that ask), but it asks nobody to reply: the
// conversation score, and the engaging label that reads it, count at most
// hook_question_points for it (docs/scores.md).
bool opens_on_a_hook(const Document& doc, const std::vector<Hint>& hints) {
  const Hint* first = nullptr;
  const Hint* last = nullptr;
  for (const Hint& h : hints) {
    if (h.rule != "talk.question") continue;
    if (!first || h.start < first->start) first = &h;
    if (!last || h.end > last->end) last = &h;
  }
  if (!first) return false;
  const auto text_end = static_cast<int32_t>(doc.text.size());
  return own_words_between(doc, 0, first->start) == 0 &&
         own_words_between(doc, last->end, text_end) >= settings().hook_words_after;
}

}  // namespace

Scores compute_scores(const Analysis& analysis, const std::vector<Hint>& hints) {
  const Settings& k = settings();
  auto points = hint_points(hints, opens_on_a_hook(analysis.doc, hints));
  const auto sentiment_points = static_cast<int32_t>(
      std::lround(analysis.sentiment.compound * static_cast<double>(k.tone_sentiment_points)));
  Scores s;
  const int32_t conversation_heard = clamp100(k.conversation_base + points[D::conversation]);
  s.conversation = clamp100(k.conversation_base + points[D::conversation] - points.hook_excess);
  s.value = clamp100(k.value_base + points[D::value]);
  s.tone = clamp100(k.tone_base + sentiment_points + points[D::tone]);
  s.promotion = clamp100(points[D::promotion]);
  // Notices and later thread parts are not meant to start a conversation
  // (docs/kinds.md): the mean does not hold its absence against them.
  const int32_t heard = applies(kNoticeKinds, analysis.kind)
                           ? std::max(conversation_heard, k.conversation_not_expected)
                           : conversation_heard;
  const int32_t mean = (k.conversation_weight * heard + k.value_weight * s.value + k.tone_weight * s.tone + 50) / 100;
  // The kind's own worth, then the spread around good_overall (integer,
  // rounded half away from zero): a wider scale, the same order.
  // What the post has to say: a point for each word of its own beyond
  // words_even, up to words_counted; a point off for each word short of it.
  // An empty slogan or a two-line reply says less than a notice that says
  // what, where and when.
  const int32_t words = std::min(words_said(analysis, hints), k.words_counted) - k.words_even;
  const int32_t raw = mean - s.promotion / k.promotion_divisor + points[D::overall] +
                      k.kind_points[static_cast<size_t>(analysis.kind)] + words;
  const int32_t spread = (raw - k.good_overall) * k.spread_percent;
  s.overall = clamp100(k.good_overall + (spread < 0 ? -((-spread + 50) / 100) : (spread + 50) / 100));
  // A fixed score while an error is left: no rewrite of something else can
  // raise it (a privacy breach with a friendly question is still a breach).
  if (has_care_error(hints)) {
    s.overall = k.care_error_score;
  } else if (has_risky_care_warning(hints)) {
    s.overall = std::min(s.overall, k.care_warning_score);
  } else {
    // Merely weak (an advert, an empty slogan, shouting) is not harmful:
    // the very bottom of the scale is for posts that should not go out.
    s.overall = std::max(s.overall, k.weak_post_floor);
    // Too long for X: at most over_length_score until it fits, never good.
    if (is_over_length(hints)) s.overall = std::min(s.overall, k.over_length_score);
  }
  return s;
}

bool answers_someone(PostKind kind, const Entities& entities, const std::vector<Hint>& hints) {
  constexpr KindSet kConversationKinds = kReplyKinds | kind_bit(PostKind::chat_answer);
  if (applies(kConversationKinds, kind)) return true;
  // A post that opens on a handle is addressed to that person (a reply
  // exported without its context: "@sam Yes, we're open Sundays 10-4"); a
  // wall of handles is not (form.mention-wall).
  return !entities.mentions.empty() && entities.mentions.front().start == 0 &&
         std::none_of(hints.begin(), hints.end(), [](const Hint& h) { return h.rule == "form.mention-wall"; });
}

std::string choose_label(const Scores& scores, const std::vector<Hint>& hints, bool answers) {
  const Settings& k = settings();
  if (has_care_error(hints) || has_risky_care_warning(hints)) return "risky";
  if (scores.promotion >= k.promotional_at) return "promotional";
  // Too long to post as written: neither good nor engaging yet.
  if (is_over_length(hints)) return "broadcast";
  // A reply or a chat answer is already a conversation: one good enough to
  // send carries it.
  if (answers) return scores.overall >= k.good_overall ? "engaging" : "broadcast";
  // A post of its own has to say enough to be worth reading: below the
  // line, one-way and weak (a vague notice, a slogan). Above it, engaging
  // when it asks or invites, else good (a clear notice, a tip).
  if (scores.overall < k.own_post_overall) return "broadcast";
  return scores.conversation >= k.engaging_conversation ? "engaging" : "good";
}

}  // namespace chime
