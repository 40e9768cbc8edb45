#!/usr/bin/env node
// One run of both sides of the twitter-text benchmark on the same corpus:
// Chime's native port (parse_and_extract) and the npm
// twitter-text (parseTweet + extractEntitiesWithIndices), per tweet, best of
// ROUNDS rounds each. Also checks that both give the same weighted lengths
// and entity counts on every tweet.
//
//   node bench/twitter-text/run.mjs [--build DIR] [--tweets N] [--rounds R] [--corpus FILE]
//
// DIR is a configured build dir (default build/twtext); the driver is built
// there first (target chime_bench_twitter_text).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const build = resolve(opt('--build', join(root, 'build/twtext')));
const tweets = Number(opt('--tweets', '10000'));
const rounds = Number(opt('--rounds', '5'));
let corpus = opt('--corpus', null);
if (!corpus) {
  corpus = join(mkdtempSync(join(tmpdir(), 'chime-bench-')), 'corpus.txt');
  writeFileSync(corpus, execFileSync('node', [join(root, 'bench/corpus/make-corpus.mjs'), String(tweets)], { maxBuffer: 1 << 28 }));
}

// Chime, native.
execFileSync('cmake', ['--build', build, '-j2', '--target', 'chime_bench_twitter_text'], { stdio: 'inherit' });
const native = JSON.parse(execFileSync(join(build, 'bench/chime_bench_twitter_text'), [corpus, String(rounds)],
  { maxBuffer: 1 << 28 }).toString());

// twitter-text, in this Node.
const require = createRequire(join(root, 'bench/package.json'));
const twttr = require('twitter-text');
const texts = readFileSync(corpus, 'utf8').split('\n');
if (texts[texts.length - 1] === '') texts.pop();
const results = texts.map((t) => {
  const entities = twttr.extractEntitiesWithIndices(t);
  const count = (k) => entities.filter((e) => k in e).length;
  return `${twttr.parseTweet(t).weightedLength} ${count('url')} ${count('screenName')} ${count('hashtag')} ${count('cashtag')}`;
});
let best = Infinity, sink = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  for (const t of texts) {
    sink += twttr.parseTweet(t).weightedLength + twttr.extractEntitiesWithIndices(t).length;
  }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / texts.length);
}

const differing = results.map((r, i) => [i, r, native.results[i]]).filter(([, a, b]) => a !== b);
console.log(`corpus: ${texts.length} tweets (${corpus}), best of ${rounds} rounds`);
console.log(`twitter-text (Node ${process.version}): ${best.toFixed(2)} us/tweet`);
console.log(`Chime native:                 ${native.us_per_tweet.toFixed(2)} us/tweet`);
console.log(`ratio (twitter-text / Chime): ${(best / native.us_per_tweet).toFixed(1)}x`);
console.log(`results that differ (weighted length, url/mention/hashtag/cashtag counts): ${differing.length}`);
for (const [i, a, b] of differing.slice(0, 10)) console.log(`  #${i}: twitter-text ${a} | Chime ${b} | ${texts[i]}`);
if (sink < 0) console.log(sink);
