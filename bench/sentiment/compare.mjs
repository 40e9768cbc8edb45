#!/usr/bin/env node
// Chime's sentiment against the npm vader-sentiment package on VADER's
// human-rated sets (tests/data/vader/*_GroundTruth.txt), in one run:
//
//   node bench/sentiment/compare.mjs --chime build/<dir>/bench/chime-sentiment-score [--data tests/data/vader]
//   (or: cmake --build build/<dir> --target bench-sentiment)
//
// For each set: n, Pearson r of the compound score with the mean human
// rating, and three-class accuracy, for Chime and vader-sentiment.
// Classes (the same for both tools, docs/sentiment.md):
//   tool:  compound >= 0.05 positive, <= -0.05 negative, else neutral
//          (VADER's published thresholds);
//   human: mean rating > 0.5 positive, < -0.5 negative, else neutral (the
//          ratings run -4..4 in whole steps; a mean within half a step of 0
//          rounds to the neutral rating).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import vader from 'vader-sentiment';
import { pearson } from '../lib/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const { values: options } = parseArgs({
  options: { chime: { type: 'string' }, data: { type: 'string', default: path.join(here, '../../tests/data/vader') } },
});
const chimeBinary = options.chime;
const dataDir = options.data;
if (!chimeBinary) {
  process.stderr.write('usage: node bench/sentiment/compare.mjs --chime PATH/chime-sentiment-score [--data DIR]\n');
  process.exit(2);
}

const sets = ['amazonReviewSnippets', 'movieReviewSnippets', 'nytEditorialSnippets'];
const files = sets.map((s) => path.join(dataDir, `${s}_GroundTruth.txt`));

const TOOL_THRESHOLD = 0.05;
const HUMAN_THRESHOLD = 0.5;
const toolClass = (c) => (c >= TOOL_THRESHOLD ? 1 : c <= -TOOL_THRESHOLD ? -1 : 0);
const humanClass = (m) => (m > HUMAN_THRESHOLD ? 1 : m < -HUMAN_THRESHOLD ? -1 : 0);

const accuracy = (scores, ratings) =>
  scores.filter((s, i) => toolClass(s) === humanClass(ratings[i])).length / scores.length;

// Chime: one process over all files.
const chimeOut = execFileSync(chimeBinary, files, { encoding: 'utf8', maxBuffer: 1 << 28 });
const chime = sets.map(() => new Map());
for (const line of chimeOut.split('\n')) {
  if (!line) continue;
  const [file, id, compound] = line.split('\t');
  chime[Number(file)].set(id, Number(compound));
}

const rows = [];
sets.forEach((set, f) => {
  const ratings = [], chimeScores = [], vaderScores = [];
  for (const line of fs.readFileSync(files[f], 'utf8').split('\n')) {
    const [id, rating, text] = line.replace(/\r$/, '').split('\t');
    if (text === undefined) continue;
    if (!chime[f].has(id)) throw new Error(`Chime gave no score for ${set} ${id}`);
    ratings.push(Number(rating));
    chimeScores.push(chime[f].get(id));
    vaderScores.push(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound);
  }
  rows.push({
    set, n: ratings.length,
    rChime: pearson(chimeScores, ratings), rVader: pearson(vaderScores, ratings),
    accChime: accuracy(chimeScores, ratings), accVader: accuracy(vaderScores, ratings),
  });
});

const pad = (s, w) => String(s).padStart(w);
console.log(`${'set'.padEnd(22)}${pad('n', 7)}${pad('r Chime', 10)}${pad('r vader', 10)}` +
  `${pad('acc Chime', 11)}${pad('acc vader', 11)}`);
let ok = true;
for (const r of rows) {
  const better = r.rChime >= r.rVader && r.accChime >= r.accVader;
  ok &&= better;
  console.log(`${r.set.padEnd(22)}${pad(r.n, 7)}${pad(r.rChime.toFixed(4), 10)}${pad(r.rVader.toFixed(4), 10)}` +
    `${pad((100 * r.accChime).toFixed(2) + '%', 11)}${pad((100 * r.accVader).toFixed(2) + '%', 11)}` +
    `${better ? '' : '   <- Chime below vader-sentiment'}`);
}
console.log(ok ? 'Chime >= vader-sentiment on every set (r and accuracy).'
  : 'TARGET MISSED: Chime below vader-sentiment somewhere.');
process.exitCode = ok ? 0 : 1;
