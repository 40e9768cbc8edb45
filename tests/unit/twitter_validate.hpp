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

#include "text/twitter_text.hpp"

namespace chime::testing {

bool is_valid_tweet(std::u16string_view text, const text::TwitterTextConfig& config);
bool is_valid_username(std::u16string_view text);  // "@name"
bool is_valid_list(std::u16string_view text);      // "@name/slug"
bool is_valid_hashtag(std::u16string_view text);   // "#tag"
bool is_valid_url(std::u16string_view text, bool unicode_domains = true, bool require_protocol = true);
// extractReplyScreenname: the @handle a tweet opens with, or empty.
std::string extract_reply_screenname(std::u16string_view text);

}  // namespace chime::testing
