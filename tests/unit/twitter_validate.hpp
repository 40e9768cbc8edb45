// twitter-text's validation functions (isValidTweetText, isValidUsername,
// isValidList, isValidHashtag, isValidUrl) and extractReplyScreenname, which
// Chime itself never calls: they live with the conformance suite that runs
// validate.yml and extract.yml's "replies" whole. The username, hashtag and
// tweet checks are built on core's extractors and weighing, so those cases
// still test core; the URL and list validators are ports of twitter-text's
// regexes kept only for their cases.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "text/twitter_text.hpp"

namespace chime::testing {

// twitter-text's older configurations, which X no longer uses (core has v3
// only): version 1 counts 140 code points that each weigh 1; version 2 does
// not discount emoji.
const text::TwitterTextConfig& twitter_text_v1();
const text::TwitterTextConfig& twitter_text_v2();

// parseTweet's own fields, as twitter-text returns them, from core's
// parse_and_extract: valid_range_end and display_range_end are inclusive
// UTF-16 indexes.
struct TweetParse {
  int32_t weighted_length = 0;
  bool valid = false;
  int32_t permillage = 0;
  int32_t valid_range_end = 0;    // twitter-text's validRangeEnd
  int32_t display_range_end = 0;  // twitter-text's displayRangeEnd
};
TweetParse parse_tweet_details(std::u16string_view text,
                               const text::TwitterTextConfig& config = text::TwitterTextConfig::v3());

// The single extractors, as the entities core's parse_and_extract finds (the
// suite's extractor cases hold no entity that another kind's overlaps).
std::vector<Entity> extract_hashtags(std::u16string_view text);
std::vector<Entity> extract_mentions_or_lists(std::u16string_view text);
std::vector<Entity> extract_mentions(std::u16string_view text);  // without the lists
std::vector<Entity> extract_urls(std::u16string_view text);
std::vector<Entity> extract_cashtags(std::u16string_view text);

bool is_valid_tweet(std::u16string_view text, const text::TwitterTextConfig& config);
bool is_valid_username(std::u16string_view text);  // "@name"
bool is_valid_list(std::u16string_view text);      // "@name/slug"
bool is_valid_hashtag(std::u16string_view text);   // "#tag"
bool is_valid_url(std::u16string_view text, bool unicode_domains = true, bool require_protocol = true);
// extractReplyScreenname: the @handle a tweet opens with, or empty.
std::string extract_reply_screenname(std::u16string_view text);

}  // namespace chime::testing
