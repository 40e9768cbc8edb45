#!/usr/bin/env node
// Language identification (the Result's `language`, docs/language.md) on
// tests/devset/lang.tsv: accuracy per split, per group and label, the
// confusion (label>said) and every miss of the held-back part.
// The split follows the id, as in the coach's dev sets: `lang-N` is held
// back when N is a multiple of 3; the model was made from the other posts.
// Usage: node bench/lang/run.mjs --chime build/ci/native/chime [--set PATH] [--json]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: options } = parseArgs({
  options: {
    chime: { type: 'string' },
    set: { type: 'string', default: path.join(root, 'tests/devset/lang.tsv') },
    json: { type: 'boolean', default: false },
  },
});
function fail(message) {
  process.stderr.write(`bench/lang: ${message}\n`);
  process.exit(2);
}
if (!options.chime) fail('usage: node bench/lang/run.mjs --chime PATH/TO/chime [--set lang.tsv] [--json]');
if (!fs.existsSync(options.chime)) fail(`--chime: no file ${options.chime}`);

const lines = fs.readFileSync(options.set, 'utf8').split('\n');
if (lines[0] !== 'id\tlabel\tgroup\ttext') fail(`${options.set}:1: the header must be id<TAB>label<TAB>group<TAB>text`);
const rows = [];
lines.slice(1).forEach((line, i) => {
  if (!line) return;
  const f = line.split('\t');
  if (f.length !== 4) fail(`${options.set}:${i + 2}: needs 4 tab-separated fields, found ${f.length}`);
  const [id, label, group, text] = f;
  if (!['en', 'es', 'und'].includes(label)) fail(`${options.set}:${i + 2}: label must be en, es or und, not "${label}"`);
  const n = Number(/(\d+)$/.exec(id)?.[1]);
  if (!Number.isInteger(n)) fail(`${options.set}:${i + 2}: the id "${id}" must end in a number`);
  rows.push({ id, label, group, text, split: n % 3 === 0 ? 'heldout' : 'tune' });
});

const input = rows.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n') + '\n';
const output = execFileSync(options.chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '--no-progress', '-'],
  { input, encoding: 'utf8', maxBuffer: 1 << 26 });
const said = new Map();
for (const line of output.split('\n')) {
  if (!line) continue;
  const item = JSON.parse(line);
  if (item.error) fail(`chime could not read ${item.id}: ${item.error.message}`);
  said.set(String(item.id), item.result.language ?? 'none');
}
for (const r of rows) {
  if (!said.has(r.id)) fail(`chime returned no result for ${r.id}`);
  r.said = said.get(r.id);
}

// Words as the model counts them (docs/language.md): letters outside
// handles, hashtags and links; numbers and emoji are not words.
const wordCount = (text) => (text.replace(/https?:\/\/\S+|[@#$][\p{L}\p{N}_]+/gu, ' ').match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? []).length;

function measure(split) {
  const chosen = rows.filter((r) => split === 'all' || r.split === split);
  const groups = {};
  const confusion = {};
  for (const r of chosen) {
    const g = (groups[`${r.group}/${r.label}`] ??= { posts: 0, right: 0 });
    g.posts++;
    if (r.said === r.label) g.right++;
    confusion[`${r.label}>${r.said}`] = (confusion[`${r.label}>${r.said}`] ?? 0) + 1;
  }
  const right = chosen.filter((r) => r.said === r.label).length;
  // The 3-word replies: labelled en or es with exactly three words.
  const threeWords = chosen.filter((r) => r.label !== 'und' && wordCount(r.text) === 3);
  return {
    split,
    posts: chosen.length,
    right,
    accuracy: right / chosen.length,
    threeWords: { posts: threeWords.length, right: threeWords.filter((r) => r.said === r.label).length },
    groups: Object.fromEntries(Object.entries(groups).sort()),
    confusion: Object.fromEntries(Object.entries(confusion).sort()),
    misses: chosen.filter((r) => r.said !== r.label).map(({ id, label, group, said: s, text }) => ({ id, label, group, said: s, text })),
  };
}
const report = ['heldout', 'tune', 'all'].map(measure);
if (options.json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exit(0);
}
const pct = (right, posts) => `${((100 * right) / posts).toFixed(1)}% (${right}/${posts})`;
const out = [`language identification on ${path.relative(process.cwd(), options.set) || options.set} (held back: ids that are multiples of 3)`];
for (const m of report) {
  out.push('', `${m.split.padEnd(8)} accuracy ${pct(m.right, m.posts)}`);
  if (m.split === 'all') continue;
  for (const [g, v] of Object.entries(m.groups)) out.push(`  ${g.padEnd(18)} ${pct(v.right, v.posts)}`);
  out.push(`  ${'3-word en/es'.padEnd(18)} ${pct(m.threeWords.right, m.threeWords.posts)}`);
  out.push(`  confusion (label>said): ${Object.entries(m.confusion).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (m.split === 'heldout') for (const x of m.misses) out.push(`  miss ${x.id} ${x.group}/${x.label} said ${x.said}: ${x.text}`);
}
process.stdout.write(out.join('\n') + '\n');
