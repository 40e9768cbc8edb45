#!/usr/bin/env node
// Where Chime's overall score and the expert's part ways, per set, per
// expert label, per expert kind and per rule that fired, and what tells
// two expert labels apart in what the Result says (docs/scores.md,
// bench/README.md "The score, reshaped" and "The score, sixth round"):
//
//   node bench/coach/analyse.mjs --chime build/ci/native/chime [--sets en,es,...] [--split all|fit|check] [--contrast broadcast,good] [--worst N]
//
// --worst N lists, per set, the N posts whose rank by Chime's overall is
// farthest from their rank by the expert's score (rank difference, scores,
// labels, kinds, the rules that fired): the posts that cost the most
// Spearman, to see whether a score number or a rule is at fault.
//
// --split: all posts, or the mod-5 halves of the reshaping (fit: ids not a
// multiple of 5; check: the multiples of 5). It prints means side by side:
// a group whose Chime mean sits far from the expert's, or whose order is the
// wrong way round, is where the score's shape breaks.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChime } from '../lib/chime.mjs';
import { averageRanks, spearman } from '../lib/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const devset = path.join(here, '../../tests/devset');
const ALL_SETS = ['en', 'en-fresh', 'en-fresh2', 'en-fresh3', 'en-fresh4', 'en-fresh5', 'en-fresh6', 'en-fresh7', 'en-fresh8', 'es', 'es-fresh', 'es-fresh2', 'es-fresh3', 'es-fresh4', 'es-fresh5', 'es-fresh6', 'es-fresh7', 'es-fresh8'];
const { values: options } = parseArgs({
  options: { chime: { type: 'string' }, sets: { type: 'string', default: ALL_SETS.join(',') }, split: { type: 'string', default: 'all' },
    contrast: { type: 'string', default: 'broadcast,good' }, worst: { type: 'string', default: '0' } },
});
const fail = (m) => { process.stderr.write(`bench/coach/analyse: ${m}\n`); process.exit(2); };
if (!options.chime) fail('usage: node bench/coach/analyse.mjs --chime PATH/chime [--sets en,es,...] [--split all|fit|check]');
if (!['all', 'fit', 'check'].includes(options.split)) fail(`--split must be all, fit or check, not "${options.split}"`);

const idNumber = (id) => Number(/(\d+)$/.exec(id)[1]);
const inSplit = (id) => options.split === 'all' || (options.split === 'check') === (idNumber(id) % 5 === 0);

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f1 = (x) => (Number.isNaN(x) ? '  -' : x.toFixed(0).padStart(3));

const sets = options.sets.split(',').map((name) => {
  if (!ALL_SETS.includes(name)) fail(`--sets takes ${ALL_SETS.join(', ')}, not "${name}"`);
  const posts = fs.readFileSync(path.join(devset, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l)).filter((p) => inSplit(p.id));
  return { name, posts };
});
const all = sets.flatMap((s) => s.posts);
const results = runChime(options.chime, all);

function summary(name, posts) {
  const chime = posts.map((p) => results.get(p.id));
  const rho = spearman(posts.map((p) => p.expert.score), chime.map((r) => r.scores.overall));
  const labels = posts.filter((p, i) => chime[i].label === p.expert.label).length / posts.length;
  const risky = posts.map((p, i) => [p, chime[i]]).filter(([p]) => p.expert.label === 'risky');
  const riskyOk = risky.filter(([, r]) => r.label === 'risky').length;
  const good = posts.map((p, i) => [p, chime[i]]).filter(([p]) => ['good', 'engaging'].includes(p.expert.label));
  // What the risky posts no care rule caught cost: Spearman if every post
  // the expert calls risky scored 0 (as a care error does). The gap between
  // the two is the care rules' work, not the score's.
  const caught = spearman(posts.map((p) => p.expert.score), posts.map((p, i) => (p.expert.label === 'risky' ? 0 : chime[i].scores.overall)));
  console.log(`${name.padEnd(10)} n=${String(posts.length).padStart(4)}  Spearman ${rho.toFixed(3)} (${caught.toFixed(3)} with every risky post at 0)  labels ${(100 * labels).toFixed(1)}%  ` +
    `risky ${riskyOk}/${risky.length}  expert-good: expert ${mean(good.map(([p]) => p.expert.score)).toFixed(0)} chime ${mean(good.map(([, r]) => r.scores.overall)).toFixed(0)}`);
}
console.log(`split ${options.split}`);
for (const s of sets) summary(s.name, s.posts);
summary('together', all);

// Group means: expert vs Chime, by a key of the post.
function groups(title, keyOf) {
  const by = new Map();
  for (const p of all) for (const k of [keyOf(p, results.get(p.id))].flat()) {
    if (!by.has(k)) by.set(k, []);
    by.get(k).push(p);
  }
  console.log(`\n${title}: n, expert mean, chime mean, gap, Spearman within`);
  [...by.entries()].sort((a, b) => mean(b[1].map((p) => p.expert.score)) - mean(a[1].map((p) => p.expert.score))).forEach(([k, ps]) => {
    const e = mean(ps.map((p) => p.expert.score)), c = mean(ps.map((p) => results.get(p.id).scores.overall));
    const rho = ps.length > 4 ? spearman(ps.map((p) => p.expert.score), ps.map((p) => results.get(p.id).scores.overall)).toFixed(2) : '   -';
    console.log(`  ${String(k).padEnd(32)} ${String(ps.length).padStart(4)} ${f1(e)} ${f1(c)} ${f1(c - e)}  ${rho}`);
  });
}
groups('expert label', (p) => p.expert.label);
groups('chime label', (p, r) => `chime:${r.label}`);
groups('chime kind', (p, r) => r.kind);
groups('rule fired (each post once per rule)', (p, r) => [...new Set(r.hints.map((h) => `${h.rule}${h.severity === 'good' ? '+' : ''}`))]);
groups('no hint but good ones / some problem', (p, r) => (r.hints.some((h) => h.severity !== 'good') ? 'has a problem hint' : 'no problem hint'));

// What separates two expert labels (--contrast A,B; broadcast,good by
// default) in what the Result says: the share of each group with a feature,
// and the expert's and Chime's mean on the posts with it. A feature far more
// common in one group, on which Chime's order disagrees with the expert's,
// is what the score should read.
const [labelA, labelB] = options.contrast.split(',');
const pair = all.filter((p) => [labelA, labelB].includes(p.expert.label));
function features(p, r) {
  const fired = [...new Set(r.hints.map((h) => `${h.rule}${h.severity === 'good' ? '+' : ''}`))];
  const problems = r.hints.filter((h) => h.severity !== 'good');
  return [
    ...fired.map((f) => `fired ${f}`),
    `kind ${r.kind}`,
    `chime label ${r.label}`,
    `problem hints ${Math.min(problems.length, 3)}${problems.length >= 3 ? '+' : ''}`,
    `good hints ${Math.min(r.hints.length - problems.length, 3)}${r.hints.length - problems.length >= 3 ? '+' : ''}`,
    `length ${r.length.weighted < 100 ? '<100' : r.length.weighted < 180 ? '100-179' : r.length.weighted <= 280 ? '180-280' : '>280'}`,
    `own words ${r.readability.words < 10 ? '<10' : r.readability.words < 20 ? '10-19' : r.readability.words < 30 ? '20-29' : '30+'}`,
    `has ? ${/[?？]/.test(p.text)}`,
    `has link ${/https?:\/\/|www\.|\.[a-z]{2,}\//i.test(p.text)}`,
    `reply context ${Boolean(p.context?.reply_to || p.context?.in_reply_to_text)}`,
    `conversation ${r.scores.conversation >= 55 ? '>=55' : r.scores.conversation > 42 ? '43-54' : r.scores.conversation === 42 ? '42' : '<42'}`,
    `value ${r.scores.value > 34 ? '>base' : r.scores.value === 34 ? 'base' : '<base'}`,
    `tone ${r.scores.tone > 68 ? '>base' : r.scores.tone === 68 ? 'base' : '<base'}`,
    `promotion ${r.scores.promotion > 0 ? '>0' : '0'}`,
  ];
}
const byFeature = new Map();
for (const p of pair) for (const f of features(p, results.get(p.id))) {
  if (!byFeature.has(f)) byFeature.set(f, { [labelA]: [], [labelB]: [] });
  byFeature.get(f)[p.expert.label].push(p);
}
const nA = pair.filter((p) => p.expert.label === labelA).length, nB = pair.length - nA;
console.log(`\nexpert ${labelA} (${nA}) vs ${labelB} (${nB}): share with the feature, then expert / chime mean on each side`);
const pct = (k, n) => `${(100 * k / n).toFixed(0).padStart(3)}%`;
const means = (ps) => `${f1(mean(ps.map((p) => p.expert.score)))}/${f1(mean(ps.map((p) => results.get(p.id).scores.overall)))}`;
[...byFeature.entries()].filter(([, g]) => g[labelA].length + g[labelB].length >= 8)
  .sort((a, b) => (b[1][labelA].length / nA - b[1][labelB].length / nB) - (a[1][labelA].length / nA - a[1][labelB].length / nB))
  .forEach(([f, g]) => console.log(`  ${f.padEnd(34)} ${labelA} ${pct(g[labelA].length, nA)} ${means(g[labelA])}   ${labelB} ${pct(g[labelB].length, nB)} ${means(g[labelB])}`));

// The posts whose ranks part most, per set (--worst N).
for (const s of Number(options.worst) > 0 ? sets : []) {
  const expertRank = averageRanks(s.posts.map((p) => p.expert.score));
  const chimeRank = averageRanks(s.posts.map((p) => results.get(p.id).scores.overall));
  console.log(`\n${s.name}: the ${options.worst} posts ranked farthest from the expert (chime rank - expert rank)`);
  s.posts.map((p, i) => ({ p, d: chimeRank[i] - expertRank[i] })).sort((a, b) => Math.abs(b.d) - Math.abs(a.d))
    .slice(0, Number(options.worst)).forEach(({ p, d }) => {
      const r = results.get(p.id);
      console.log(`  ${p.id} ${d > 0 ? '+' : ''}${d.toFixed(0)}: chime ${r.scores.overall} ${r.label} (${r.kind}), expert ${p.expert.score} ${p.expert.label} (${p.expert.kind})`);
      console.log(`     ${p.text.slice(0, 140)}`);
      console.log(`     ${[...new Set(r.hints.map((h) => `${h.rule}${h.severity === 'good' ? '+' : ''}`))].join(' ') || '(no hint)'}`);
    });
}
