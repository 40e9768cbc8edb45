#!/usr/bin/env node
// `chime check --format ndjson` end to end, CPU time per tweet, this build
// beside a baseline build (issue 16: at least 1.5x faster than 746fee3):
//
//   node bench/ndjson/run.mjs --chime build/ci/native/chime --baseline PATH/chime [--passes 5]
//
// The corpus is bench/corpus/make-corpus.mjs's, written to a temporary
// directory: an empty file, 10,000 lines and 50,000 lines. Each pass runs
// every binary on every file, the binaries alternating, so a change in the
// machine's load falls on both; each figure is the best of the passes. CPU
// time is the child's user + system time as bash's `times` reports it.
// Per tweet is the slope between 10,000 and 50,000 lines, so start-up (the
// empty file's time, printed apart) is not in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: { chime: { type: 'string' }, baseline: { type: 'string' }, passes: { type: 'string', default: '5' } },
});
const fail = (m) => { process.stderr.write(`bench/ndjson: ${m}\n`); process.exit(2); };
if (!options.chime || !options.baseline) {
  fail('usage: node bench/ndjson/run.mjs --chime PATH/chime --baseline PATH/chime [--passes N]');
}
for (const bin of [options.chime, options.baseline]) {
  if (!fs.existsSync(bin)) fail(`no such binary: ${bin}`);
}
const passes = Number.parseInt(options.passes, 10);
if (!(passes >= 1)) fail(`--passes must be a positive integer, not "${options.passes}"`);

const here = path.dirname(new URL(import.meta.url).pathname);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-ndjson-'));
const SIZES = [0, 10000, 50000];
const corpus = execFileSync('node', [path.join(here, '../corpus/make-corpus.mjs'), String(SIZES.at(-1))],
  { maxBuffer: 1 << 28 }).toString().split('\n').filter(Boolean);
const files = SIZES.map((n) => {
  const file = path.join(dir, `${n}.txt`);
  fs.writeFileSync(file, n ? corpus.slice(0, n).join('\n') + '\n' : '');
  return file;
});

// CPU seconds (user + system) of one run, from bash's `times` (to the
// millisecond), whose second line is its children's: "0m0.512s 0m0.019s".
function cpuSeconds(bin, file) {
  const out = execFileSync('bash', ['-c', '"$0" check --format ndjson "$1" > /dev/null; times', bin, file]).toString();
  const children = out.trim().split('\n').at(-1);
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) fail(`cannot read the times of ${bin}: ${children}`);
  return seconds[0] + seconds[1];
}

const binaries = { baseline: options.baseline, chime: options.chime };
const best = { baseline: SIZES.map(() => Infinity), chime: SIZES.map(() => Infinity) };
try {
  for (let pass = 0; pass < passes; pass++) {
    SIZES.forEach((_, i) => {
      for (const name of Object.keys(binaries)) best[name][i] = Math.min(best[name][i], cpuSeconds(binaries[name], files[i]));
    });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const slope = (times) => (times[2] - times[1]) / (SIZES[2] - SIZES[1]) * 1e6;  // us per tweet
console.log(`chime check --format ndjson, CPU seconds (user + system), best of ${passes} passes, binaries alternating`);
console.log('                           baseline      chime');
SIZES.forEach((n, i) => {
  console.log(`${String(n).padStart(6)} lines${n ? "            " : " (start-up)"}${best.baseline[i].toFixed(3).padStart(8)}   ${best.chime[i].toFixed(3).padStart(8)}`);
});
const [b, c] = [slope(best.baseline), slope(best.chime)];
console.log(`per tweet (slope)          ${b.toFixed(1).padStart(6)} us  ${c.toFixed(1).padStart(6)} us`);
console.log(`chime against the baseline: ${(b / c).toFixed(2)}x faster per tweet (issue 16's target: >= 1.5x)`);
