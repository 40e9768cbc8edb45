// Times Chime's port of twitter-text (parse_and_extract: parseTweet and
// extractEntitiesWithIndices at once, as the analyser calls it) per
// tweet over a corpus (one tweet per line): `chime_bench_twitter_text FILE
// [ROUNDS]`. Prints one JSON line: the mean microseconds per tweet and a
// checksum of the results (weighted lengths and entity counts), which
// run.mjs compares with twitter-text's own results on the same texts.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "text/twitter_text.hpp"
#include "text/unicode.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: chime_bench_twitter_text corpus.txt [rounds]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 5;
  std::ifstream in(argv[1]);
  std::vector<std::u16string> tweets;
  for (std::string line; std::getline(in, line);) {
    int32_t replaced = 0;
    tweets.push_back(chime::text::decode_utf8(line, replaced));
  }
  if (tweets.empty()) return 1;

  // Per tweet: weighted length and entity counts, for the cross-check.
  std::vector<std::string> results;
  for (const std::u16string& t : tweets) {
    const chime::text::TweetFacts facts = chime::text::parse_and_extract(t);
    const chime::Entities& e = facts.entities;
    results.push_back(std::to_string(facts.length.weighted) + " " + std::to_string(e.urls.size()) + " " +
                      std::to_string(e.mentions.size()) + " " + std::to_string(e.hashtags.size()) + " " +
                      std::to_string(e.cashtags.size()));
  }

  int64_t sink = 0;
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (const std::u16string& t : tweets) {
      const chime::text::TweetFacts facts = chime::text::parse_and_extract(t);
      const chime::Entities& e = facts.entities;
      sink += facts.length.weighted + static_cast<int64_t>(e.urls.size() + e.mentions.size() + e.hashtags.size());
    }
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, us / static_cast<double>(tweets.size()));
  }
  std::printf("{\"tweets\": %zu, \"us_per_tweet\": %.3f, \"sink\": %lld, \"results\": [", tweets.size(), best,
              static_cast<long long>(sink));
  for (size_t i = 0; i < results.size(); ++i) std::printf("%s\"%s\"", i ? "," : "", results[i].c_str());
  std::printf("]}\n");
  return 0;
}
