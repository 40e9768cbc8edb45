#!/usr/bin/env node
// Writes core/data/language/trigrams.tsv, the character-trigram model of
// core/src/language.cpp (docs/language.md), from the tune parts of the
// project's own dev sets: the held-back posts (every third id) are never
// read, so the figures on them stay honest.
//   en: tests/devset/en.jsonl (text and in_reply_to_text) + lang.tsv's `en` posts
//   es: tests/devset/es.jsonl (the same) + lang.tsv's `es` posts
//   other: lang.tsv's posts in other languages (group `other`)
// Usage: node scripts/make-language-model.mjs  (rerun after editing those sets)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devset = path.join(root, 'tests/devset');
const out = path.join(root, 'core/data/language/trigrams.tsv');
const CLASSES = ['en', 'es', 'other'];
const tune = (id) => Number(/(\d+)$/.exec(id)[1]) % 3 !== 0;

const texts = { en: [], es: [], other: [] };
for (const [file, cls] of [['en.jsonl', 'en'], ['es.jsonl', 'es']]) {
  for (const line of fs.readFileSync(path.join(devset, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const post = JSON.parse(line);
    if (!tune(post.id)) continue;
    texts[cls].push(post.text);
    if (post.context?.in_reply_to_text) texts[cls].push(post.context.in_reply_to_text);
  }
}
for (const line of fs.readFileSync(path.join(devset, 'lang.tsv'), 'utf8').split('\n').slice(1)) {
  if (!line) continue;
  const [id, label, group, text] = line.split('\t');
  if (!tune(id)) continue;
  if (label === 'en' || label === 'es') texts[label].push(text);
  else if (group === 'other') texts.other.push(text);
}

// The words the analyser scores: letters (and apostrophes inside them),
// outside handles, hashtags and links, lower-cased.
function words(text) {
  const plain = text.replace(/https?:\/\/\S+|[@#$][\p{L}\p{N}_]+/gu, ' ');
  return (plain.match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? []).map((w) => w.normalize('NFC').toLowerCase().replace(/’/g, "'"));
}
// The trigrams of " word ": a space marks each end.
function trigrams(word) {
  const chars = [' ', ...word, ' '];
  const grams = [];
  for (let i = 0; i + 3 <= chars.length; ++i) grams.push(chars.slice(i, i + 3).join(''));
  return grams;
}

const counts = new Map();  // trigram -> [en, es, other]
const totals = [0, 0, 0];
CLASSES.forEach((cls, c) => {
  for (const text of texts[cls]) {
    for (const word of words(text)) {
      for (const g of trigrams(word)) {
        if (!counts.has(g)) counts.set(g, [0, 0, 0]);
        counts.get(g)[c]++;
        totals[c]++;
      }
    }
  }
});

// Costs are -ln p x 100, rounded: the analyser adds integers, so native and
// wasm agree without a log function. Add-one-half smoothing over every
// trigram seen; one seen in no class costs the `unseen` row.
const ALPHA = 0.5;
const V = counts.size + 1;
const cost = (n, c) => Math.round(-100 * Math.log((n + ALPHA) / (totals[c] + ALPHA * V)));
// A trigram seen fewer than 3 times in all the texts says little and costs
// wasm bytes (3 kept the tune figures of 2 and 1; 5 lost a tune post):
// it is left out, so it costs what an unseen one does.
const MIN_COUNT = Number(process.env.MIN_COUNT ?? 3);
const rows = [...counts.entries()]
  .filter(([, n]) => n[0] + n[1] + n[2] >= MIN_COUNT)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const lines = [
  '# Character trigrams of words (a space marks each end), with their cost in each',
  '# class: round(-100 x ln p), add-one-half smoothing. Made by',
  '# scripts/make-language-model.mjs from the tune parts of tests/devset/en.jsonl,',
  '# es.jsonl and lang.tsv (written for Chime; same licence as the repository).',
  `# Read: en ${texts.en.length} texts, es ${texts.es.length}, other ${texts.other.length}; trigrams counted ${totals.join(" / ")}.`,
  `# Only trigrams seen at least ${MIN_COUNT} times are listed; the first row is the cost`,
  '# of an unseen (or unlisted) trigram. trigram<TAB>en<TAB>es<TAB>other.',
  `<unseen>\t${cost(0, 0)}\t${cost(0, 1)}\t${cost(0, 2)}`,
  ...rows.map(([g, n]) => `${g}\t${cost(n[0], 0)}\t${cost(n[1], 1)}\t${cost(n[2], 2)}`),
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`${path.relative(root, out)}: ${rows.length} trigrams (${totals.join(' / ')} in en / es / other)`);
