// Times chime::Analyzer::analyze per tweet, for bench/full/run.mjs.
//
//   chime-bench-full CORPUS [ROUNDS] [--json] [--repeat K]   (one tweet per line)
//
// --repeat K makes a round K passes over the corpus, timed together: run.mjs
// uses it so that a Chime round lasts about as long as a Node round.
// --json also writes each Result as JSON text (to_json_text), as the wasm
// engine's analyzeJson does: bench/wasm compares the two like for like.
// Streams the corpus (one line in memory at a time), so peak memory shows
// what the analyser itself holds: it should not grow with the number of
// tweets. Warms up on the first tweets (ICU, lexicons: one-time costs), then
// times ROUNDS passes and keeps the fastest. Time is the process's CPU time
// (user + system), not wall time: the machine is shared, and a process that
// waits for a core should not count the wait. Prints one JSON object.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "chime/analyzer.hpp"
#include "chime/json_text.hpp"

namespace {

// Peak resident set size in KiB: VmHWM from /proc (Linux), else getrusage.
long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      long kb = 0;
      status >> kb;
      return kb;
    }
    status.ignore(1 << 12, '\n');
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: chime-bench-full CORPUS [ROUNDS] [--json]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  bool as_json = false;
  int repeat = 1;
  for (int i = 3; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "--repeat" && i + 1 < argc && std::atoi(argv[i + 1]) >= 1) {
      repeat = std::atoi(argv[++i]);
    } else {
      std::cerr << "chime-bench-full: unknown or incomplete option '" << arg << "'\n";
      return 2;
    }
  }
  constexpr int kWarmupTweets = 200;
  chime::Analyzer analyzer;

  long checksum = 0;  // uses every result, so no call is optimised away
  auto pass = [&](long limit) {
    std::ifstream in(argv[1]);
    if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
    std::string line;
    long tweets = 0;
    double start = cpu_seconds();
    while ((limit < 0 || tweets < limit) && std::getline(in, line)) {
      chime::Result r = analyzer.analyze(line);
      checksum += r.scores.overall + static_cast<long>(r.hints.size()) +
                  static_cast<long>(r.sentiment.compound * 1000);
      if (as_json) checksum += static_cast<long>(chime::to_json_text(r).size());
      ++tweets;
    }
    return std::pair{tweets, cpu_seconds() - start};
  };

  pass(kWarmupTweets);
  const long rss_after_warmup = peak_rss_kb();
  long tweets = 0;
  double best = 0;
  for (int r = 0; r < rounds; ++r) {
    double seconds = 0;
    for (int k = 0; k < repeat; ++k) {
      auto [n, pass_seconds] = pass(-1);
      tweets = n;
      seconds += pass_seconds;
    }
    if (r == 0 || seconds < best) best = seconds;
  }
  if (tweets == 0) {
    std::cerr << "empty corpus\n";
    return 1;
  }
  std::printf(
      "{\"tweets\": %ld, \"rounds\": %d, \"repeat\": %d, \"seconds\": %.6f, \"us_per_tweet\": %.3f, "
      "\"rss_after_warmup_kb\": %ld, \"peak_rss_kb\": %ld, \"checksum\": %ld}\n",
      tweets, rounds, repeat, best, best * 1e6 / (static_cast<double>(tweets) * repeat), rss_after_warmup,
      peak_rss_kb(), checksum);
  return 0;
}
