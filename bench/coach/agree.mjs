// How far two experts agree on the same posts: the ceiling of the coach's
// figures. A second expert wrote verdicts for every post of a dev set
// without seeing the first expert's (tests/devset/README.md, "A second
// expert on the same posts"); this prints the coach's figures with the second expert in
// Chime's place, the first expert's verdicts being the reference:
//
//   node bench/coach/agree.mjs --set tests/devset/en-fresh7.jsonl --second tests/devset/agreement/en-fresh7-b.jsonl
//
// The same definitions as bench/coach/run.mjs: Spearman of the scores
// (average ranks for ties), label agreement, must-fire recall (a rule the
// first expert wants that the second also wants), must-not-fire violations
// (a rule the first forbids that the second wants), risky labelled risky.
// And both ways round, since neither expert is the truth. Plain Node.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { spearman } from '../lib/stats.mjs';

const usage = 'usage: node bench/coach/agree.mjs --set FIRST.jsonl --second SECOND.jsonl\n';
let options;
try {
  ({ values: options } = parseArgs({ options: { set: { type: 'string' }, second: { type: 'string' } } }));
} catch (e) {
  fail(e.message);
}
if (!options.set || !options.second) fail('--set and --second are both needed');

function fail(message) {
  process.stderr.write(`agree: ${message}\n${usage}`);
  process.exit(2);
}

function readVerdicts(file) {
  if (!fs.existsSync(file)) fail(`no file ${file}`);
  const byId = new Map();
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let post;
    try {
      post = JSON.parse(line);
    } catch (e) {
      fail(`${file}:${index + 1}: not JSON (${e.message})`);
    }
    const e = post.expert;
    if (!e || !Number.isInteger(e.score) || !Array.isArray(e.must_fire) || !Array.isArray(e.must_not_fire) || !e.label) {
      fail(`${file}:${index + 1}: ${post.id ?? 'a post'} has no complete expert verdict`);
    }
    if (byId.has(post.id)) fail(`${file}:${index + 1}: ${post.id} appears twice`);
    byId.set(post.id, e);
  });
  return byId;
}

const first = readVerdicts(options.set);
const second = readVerdicts(options.second);
for (const id of first.keys()) if (!second.has(id)) fail(`${options.second} has no verdict for ${id}`);
for (const id of second.keys()) if (!first.has(id)) fail(`${options.second} has ${id}, which ${options.set} has not`);

// `reference` is the verdict measured against, `other` stands where Chime
// stands in the coach.
function figures(reference, other) {
  const ids = [...reference.keys()];
  let labels = 0, expected = 0, met = 0, forbidden = 0, broken = 0, risky = 0, riskyMet = 0;
  for (const id of ids) {
    const r = reference.get(id), o = other.get(id);
    if (r.label === o.label) labels++;
    for (const rule of r.must_fire) {
      expected++;
      if (o.must_fire.includes(rule)) met++;
    }
    for (const rule of r.must_not_fire) {
      forbidden++;
      if (o.must_fire.includes(rule)) broken++;
    }
    if (r.label === 'risky') {
      risky++;
      if (o.label === 'risky') riskyMet++;
    }
  }
  const rho = spearman(ids.map((id) => reference.get(id).score), ids.map((id) => other.get(id).score));
  const pct = (a, b) => (b === 0 ? `n/a (0/0)` : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
  return {
    Spearman: rho.toFixed(3),
    labels: pct(labels, ids.length),
    'must-fire recall': pct(met, expected),
    'must-not-fire violations': pct(broken, forbidden),
    'risky labelled risky': pct(riskyMet, risky),
  };
}

const ab = figures(first, second);
const ba = figures(second, first);
console.log(`Two experts on the same ${first.size} posts: ${options.set} (first) and ${options.second} (second)`);
console.log(`  ${'figure'.padEnd(26)} ${'second against first'.padEnd(24)} first against second`);
for (const name of Object.keys(ab)) console.log(`  ${name.padEnd(26)} ${ab[name].padEnd(24)} ${ba[name]}`);
