// X's own counting and entity extraction, as the official twitter-text
// library does it (conformance: shared/data/twitter-text/*.yml). A hand port
// of twitter-text 3.1.0's regular expressions to scanners over UTF-16 code
// units (what JavaScript regexes see), with ICU character properties.
#pragma once
#include <string_view>
#include <vector>

#include "chime/result.hpp"
#include "text/unicode.hpp"

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

  static const TwitterTextConfig& v1();  // 140 code points, every one weighs 1
  static const TwitterTextConfig& v2();  // emoji not discounted
  static const TwitterTextConfig& v3();  // the current X configuration
};

// twitter-text's parseTweet: NFC-normalises, then weighs. valid_end is the
// UTF-16 offset (in the given, un-normalised text) where the part past the
// limit starts (== text.size() when it fits). It looks at weight only (an
// invalid character such as U+FFFF does not move it). When normalisation
// changed the text, an offset in the normalised text is mapped back through
// the normalisation segments (ICU boundaries): a segment that straddles the
// limit counts as past it.
LengthInfo parse_tweet(std::u16string_view text, const TwitterTextConfig& config = TwitterTextConfig::v3());

// parseTweet's own fields, as twitter-text returns them (for the conformance
// suite): valid_range_end and display_range_end are inclusive UTF-16 indexes.
struct TweetParse {
  int32_t weighted_length = 0;
  bool valid = false;
  int32_t permillage = 0;
  int32_t valid_range_end = 0;    // twitter-text's validRangeEnd
  int32_t display_range_end = 0;  // twitter-text's displayRangeEnd
};
TweetParse parse_tweet_details(std::u16string_view text, const TwitterTextConfig& config = TwitterTextConfig::v3());

// extractEntitiesWithIndices: offsets are UTF-16 units into `text`.
Entities extract_entities(std::u16string_view text);

// parse_tweet (v3) and extract_entities of one text at once: the URLs both
// need are found once, in one pass that also finds every entity's signs.
struct TweetFacts {
  LengthInfo length;
  Entities entities;
};
TweetFacts parse_and_extract(std::u16string_view text);

// The single extractors, for the conformance tests and the rules.
std::vector<Entity> extract_hashtags(std::u16string_view text);  // URL overlaps removed
std::vector<Entity> extract_mentions_or_lists(std::u16string_view text);
std::vector<Entity> extract_mentions(std::u16string_view text);  // without the lists
std::vector<Entity> extract_urls(std::u16string_view text);
std::vector<Entity> extract_cashtags(std::u16string_view text);

}  // namespace chime::text
