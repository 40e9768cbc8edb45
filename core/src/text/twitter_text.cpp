// PLACEHOLDER until the twitter-text port lands.
#include "text/twitter_text.hpp"
namespace chime::text {
const TwitterTextConfig& TwitterTextConfig::v2() { static TwitterTextConfig c; return c; }
const TwitterTextConfig& TwitterTextConfig::v3() { static TwitterTextConfig c; return c; }
LengthInfo parse_tweet(std::u16string_view text, const TwitterTextConfig&) {
  LengthInfo l; l.weighted = static_cast<int32_t>(text.size()); l.valid_end = l.weighted; return l;
}
Entities extract_entities(std::u16string_view) { return {}; }
std::vector<Entity> extract_hashtags(std::u16string_view) { return {}; }
std::vector<Entity> extract_mentions_or_lists(std::u16string_view) { return {}; }
std::vector<Entity> extract_urls(std::u16string_view) { return {}; }
std::vector<Entity> extract_cashtags(std::u16string_view) { return {}; }
std::string extract_reply_screenname(std::u16string_view) { return {}; }
}  // namespace chime::text
