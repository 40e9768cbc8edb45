#!/usr/bin/env node
// The JavaScript pipeline Chime's full analysis is measured against, per
// tweet: twitter-text parseTweet + extractEntitiesWithIndices, and
// vader-sentiment polarity_scores (bench/package.json pins both).
//
//   node bench/full/js-pipeline.mjs CORPUS [ROUNDS]
//
// Warms up on the first tweets (JIT), times ROUNDS passes, keeps the
// fastest, prints one JSON object (same fields as chime-bench-full). Time is
// the process's CPU time (user + system, process.cpuUsage), as on the
// native side: the machine is shared, waiting for a core does not count.
import fs from 'node:fs';
import twitter from 'twitter-text';
import vader from 'vader-sentiment';

const [corpus, roundsArg] = process.argv.slice(2);
const rounds = Math.max(1, Number(roundsArg ?? 3));
const WARMUP_TWEETS = 200;
const tweets = fs.readFileSync(corpus, 'utf8').split('\n').filter((t) => t.length > 0);

let checksum = 0;
function analyse(text) {
  const parsed = twitter.parseTweet(text);
  const entities = twitter.extractEntitiesWithIndices(text);
  const sentiment = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  checksum += parsed.weightedLength + entities.length + Math.round(sentiment.compound * 1000);
}

for (const t of tweets.slice(0, WARMUP_TWEETS)) analyse(t);
const rssAfterWarmup = process.resourceUsage().maxRSS;
let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const start = process.cpuUsage();
  for (const t of tweets) analyse(t);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  best = Math.min(best, seconds);
}
console.log(JSON.stringify({
  tweets: tweets.length, rounds, seconds: best, us_per_tweet: (best * 1e6) / tweets.length,
  rss_after_warmup_kb: rssAfterWarmup, peak_rss_kb: process.resourceUsage().maxRSS, checksum,
}));
