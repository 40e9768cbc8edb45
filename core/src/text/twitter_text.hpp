// X's own counting and entity extraction, as the official twitter-text
// library does it (conformance: shared/data/twitter-text/*.yml).
#pragma once
#include <string_view>
#include <vector>

#include "chime/result.hpp"

namespace chime::text {

struct WeightRange {
  char32_t start, end;  // inclusive code point range
  int32_t weight;
};

struct TwitterTextConfig {
  int32_t max_weighted_length = 280;
  int32_t scale = 100;
  int32_t default_weight = 200;
  int32_t transformed_url_length = 23;
  bool emoji_parsing = true;
  std::vector<WeightRange> ranges;

  static const TwitterTextConfig& v2();  // emoji not discounted
  static const TwitterTextConfig& v3();  // the current X configuration
};

// twitter-text's parseTweet: NFC-normalises, then weighs. valid_end is the
// UTF-16 offset (in the given, un-normalised text) where the part past the
// limit starts (== text.size() when it fits).
LengthInfo parse_tweet(std::u16string_view text, const TwitterTextConfig& config = TwitterTextConfig::v3());

// extractEntitiesWithIndices: offsets are UTF-16 units into `text`.
Entities extract_entities(std::u16string_view text);

// The single extractors, for the conformance tests and the rules.
std::vector<Entity> extract_hashtags(std::u16string_view text);
std::vector<Entity> extract_mentions_or_lists(std::u16string_view text);
std::vector<Entity> extract_urls(std::u16string_view text);
std::vector<Entity> extract_cashtags(std::u16string_view text);
// extractReplyScreenname: the @handle a tweet opens with, or empty.
std::string extract_reply_screenname(std::u16string_view text);

}  // namespace chime::text
