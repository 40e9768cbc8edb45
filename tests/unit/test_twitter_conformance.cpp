// twitter-text's conformance suite (shared/data/twitter-text/*.yml), read
// as is: every case of every section that concerns counting, extraction or
// validity. Each section reports "N cases, N pass"; a failing case is
// reported with its description. Sections not run, and why, are listed in
// tests/conformance/known-differences.md.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>

#include "text/twitter_text.hpp"
#include "text/unicode.hpp"

namespace {

using chime::Entity;
namespace text = chime::text;

std::u16string u16(const std::string& s) {
  int32_t replaced = 0;
  return text::decode_utf8(s, replaced);
}

YAML::Node load(const char* name) {
  return YAML::LoadFile(std::string(CHIME_SHARED_DIR) + "/data/twitter-text/" + name)["tests"];
}

// Runs `check` on every case of a section; reports and asserts the counts.
void run_section(const YAML::Node& tests, const std::string& section,
                 const std::function<bool(const YAML::Node&)>& check) {
  const YAML::Node cases = tests[section];
  REQUIRE_MESSAGE(cases.IsSequence(), "no section " << section);
  size_t passed = 0;
  for (const YAML::Node& c : cases) {
    bool ok = false;
    try {
      ok = check(c);
    } catch (const std::exception& e) {
      MESSAGE(section << ": exception " << e.what());
    }
    if (ok) ++passed;
    else MESSAGE(section << " FAILED: " << c["description"].as<std::string>() << " | " << c["text"].as<std::string>());
  }
  MESSAGE(section << ": " << cases.size() << " cases, " << passed << " pass");
  CHECK_MESSAGE(passed == cases.size(), section << ": " << cases.size() << " cases, " << passed << " pass");
}

std::vector<std::string> texts(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) out.push_back(e.text);
  return out;
}

std::vector<std::string> expected_strings(const YAML::Node& n) {
  std::vector<std::string> out;
  for (const YAML::Node& s : n) out.push_back(s.as<std::string>());
  return out;
}

// Entities against [{<key>: ..., indices: [a, b]}, ...].
bool same_with_indices(const std::vector<Entity>& got, const YAML::Node& expected, const std::string& key) {
  if (got.size() != expected.size()) return false;
  for (size_t i = 0; i < got.size(); ++i) {
    const YAML::Node e = expected[i];
    if (got[i].text != e[key].as<std::string>()) return false;
    if (got[i].start != e["indices"][0].as<int32_t>() || got[i].end != e["indices"][1].as<int32_t>()) return false;
    if (e["list_slug"] && got[i].list_slug != e["list_slug"].as<std::string>()) return false;
  }
  return true;
}

bool same_parse(const text::TweetParse& got, const YAML::Node& e) {
  return got.weighted_length == e["weightedLength"].as<int32_t>() && got.valid == e["valid"].as<bool>() &&
         got.permillage == e["permillage"].as<int32_t>() && e["displayRangeStart"].as<int32_t>() == 0 &&
         got.display_range_end == e["displayRangeEnd"].as<int32_t>() && e["validRangeStart"].as<int32_t>() == 0 &&
         got.valid_range_end == e["validRangeEnd"].as<int32_t>();
}

}  // namespace

TEST_CASE("twitter-text conformance: validate.yml") {
  const YAML::Node tests = load("validate.yml");
  auto text_of = [](const YAML::Node& c) { return u16(c["text"].as<std::string>()); };
  // The "tweets" cases count 140 characters: twitter-text's version 1 config.
  run_section(tests, "tweets", [&](const YAML::Node& c) {
    return text::is_valid_tweet(text_of(c), text::TwitterTextConfig::v1()) == c["expected"].as<bool>();
  });
  run_section(tests, "usernames",
              [&](const YAML::Node& c) { return text::is_valid_username(text_of(c)) == c["expected"].as<bool>(); });
  run_section(tests, "lists",
              [&](const YAML::Node& c) { return text::is_valid_list(text_of(c)) == c["expected"].as<bool>(); });
  run_section(tests, "hashtags",
              [&](const YAML::Node& c) { return text::is_valid_hashtag(text_of(c)) == c["expected"].as<bool>(); });
  run_section(tests, "urls",
              [&](const YAML::Node& c) { return text::is_valid_url(text_of(c)) == c["expected"].as<bool>(); });
  run_section(tests, "urls_without_protocol", [&](const YAML::Node& c) {
    return text::is_valid_url(text_of(c), true, false) == c["expected"].as<bool>();
  });
  run_section(tests, "WeightedTweetsCounterTest", [&](const YAML::Node& c) {
    return same_parse(text::parse_tweet_details(text_of(c), text::TwitterTextConfig::v2()), c["expected"]);
  });
  run_section(tests, "WeightedTweetsWithDiscountedEmojiCounterTest", [&](const YAML::Node& c) {
    return same_parse(text::parse_tweet_details(text_of(c), text::TwitterTextConfig::v3()), c["expected"]);
  });
  run_section(tests, "UnicodeDirectionalMarkerCounterTest", [&](const YAML::Node& c) {
    return same_parse(text::parse_tweet_details(text_of(c), text::TwitterTextConfig::v3()), c["expected"]);
  });
}

TEST_CASE("twitter-text conformance: extract.yml") {
  const YAML::Node tests = load("extract.yml");
  auto text_of = [](const YAML::Node& c) { return u16(c["text"].as<std::string>()); };
  run_section(tests, "mentions", [&](const YAML::Node& c) {
    return texts(text::extract_mentions(text_of(c))) == expected_strings(c["expected"]);
  });
  run_section(tests, "mentions_with_indices", [&](const YAML::Node& c) {
    return same_with_indices(text::extract_mentions(text_of(c)), c["expected"], "screen_name");
  });
  run_section(tests, "mentions_or_lists_with_indices", [&](const YAML::Node& c) {
    return same_with_indices(text::extract_mentions_or_lists(text_of(c)), c["expected"], "screen_name");
  });
  run_section(tests, "replies", [&](const YAML::Node& c) {
    const std::string got = text::extract_reply_screenname(text_of(c));
    return c["expected"].IsNull() ? got.empty() : got == c["expected"].as<std::string>();
  });
  for (const char* section : {"urls", "tco_urls_with_params"}) {
    run_section(tests, section, [&](const YAML::Node& c) {
      return texts(text::extract_urls(text_of(c))) == expected_strings(c["expected"]);
    });
  }
  for (const char* section : {"urls_with_indices", "urls_with_directional_markers"}) {
    run_section(tests, section, [&](const YAML::Node& c) {
      return same_with_indices(text::extract_urls(text_of(c)), c["expected"], "url");
    });
  }
  for (const char* section : {"hashtags", "hashtags_from_astral"}) {
    run_section(tests, section, [&](const YAML::Node& c) {
      return texts(text::extract_hashtags(text_of(c))) == expected_strings(c["expected"]);
    });
  }
  run_section(tests, "hashtags_with_indices", [&](const YAML::Node& c) {
    return same_with_indices(text::extract_hashtags(text_of(c)), c["expected"], "hashtag");
  });
  run_section(tests, "cashtags", [&](const YAML::Node& c) {
    return texts(text::extract_cashtags(text_of(c))) == expected_strings(c["expected"]);
  });
  run_section(tests, "cashtags_with_indices", [&](const YAML::Node& c) {
    return same_with_indices(text::extract_cashtags(text_of(c)), c["expected"], "cashtag");
  });
}

TEST_CASE("twitter-text conformance: tlds.yml") {
  const YAML::Node tests = load("tlds.yml");
  for (const char* section : {"country", "generic"}) {
    run_section(tests, section, [&](const YAML::Node& c) {
      return texts(text::extract_urls(u16(c["text"].as<std::string>()))) == expected_strings(c["expected"]);
    });
  }
}
