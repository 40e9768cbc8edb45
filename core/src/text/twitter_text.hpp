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

  static const TwitterTextConfig& v3();  // the current X configuration
};

// twitter-text's parseTweet and extractEntitiesWithIndices of one text at
// once: the URLs both need are found once, in one pass that also finds every
// entity's signs. Entity offsets are UTF-16 units into `text`.
//
// parseTweet NFC-normalises, then weighs. length.valid_end is the UTF-16
// offset (in the given, un-normalised text) where the part past the limit
// starts (== text.size() when it fits). It looks at weight only (an invalid
// character such as U+FFFF does not move it). When normalisation changed the
// text, an offset in the normalised text is mapped back through the
// normalisation segments (ICU boundaries): a segment that straddles the
// limit counts as past it. valid_range_end is parseTweet's own
// validRangeEnd (inclusive; it stops at an invalid character too).
struct TweetFacts {
  LengthInfo length;
  int32_t valid_range_end = 0;
  Entities entities;
};
TweetFacts parse_and_extract(std::u16string_view text, const TwitterTextConfig& config = TwitterTextConfig::v3());

}  // namespace chime::text
