// The dev set is well formed and bench/coach/run.mjs measures what it says,
// with the real chime (CHIME_BIN). The figures themselves are not pinned:
// they move as the rules change; bench/README.md records them.
import { execFileSync, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';

const here = path.dirname(new URL(import.meta.url).pathname);
const setPath = path.join(here, 'en.jsonl');
const coach = path.join(here, '../../bench/coach/run.mjs');
const chime = process.env.CHIME_BIN;
const posts = fs.readFileSync(setPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function runCoach(args) {
  return spawnSync(process.execPath, [coach, '--chime', chime, ...args], { encoding: 'utf8' });
}
function tempSet(lines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-devset-'));
  const file = path.join(dir, 'set.jsonl');
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

test('the set: at least 300 posts, unique ids, every third id held out, every kind in both parts', () => {
  assert.ok(posts.length >= 300);
  assert.equal(new Set(posts.map((p) => p.id)).size, posts.length);
  for (const p of posts) {
    const n = Number(/(\d+)$/.exec(p.id)[1]);
    assert.equal(p.split, n % 3 === 0 ? 'heldout' : 'tune', p.id);
    assert.ok(Number.isInteger(p.expert.score) && p.expert.score >= 0 && p.expert.score <= 100, p.id);
    assert.ok(p.expert.why.length > 0, p.id);
    for (const id of [...p.expert.must_fire, ...p.expert.must_not_fire]) assert.match(id, /^[a-z]+\.[a-z-]+$/, p.id);
  }
  const kinds = new Set(posts.map((p) => p.expert.kind));
  for (const kind of kinds) {
    for (const split of ['tune', 'heldout']) {
      assert.ok(posts.some((p) => p.expert.kind === kind && p.split === split), `${kind} in ${split}`);
    }
  }
});

test('the coach prints both splits of the real set beside the targets', () => {
  const run = runCoach([]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /== split: tune \(\d+ posts\) ==/);
  assert.match(run.stdout, /== split: heldout \(\d+ posts\) ==/);
  assert.match(run.stdout, /Spearman overall vs expert\s+-?\d\.\d{3}\s+target >= 0\.80/);
  const figures = JSON.parse(runCoach(['--json']).stdout);
  assert.deepEqual(figures.map((f) => f.posts), [posts.filter((p) => p.split === 'tune').length,
                                                 posts.filter((p) => p.split === 'heldout').length]);
});

test('figures are right on a set whose verdicts copy (or invert) chime', () => {
  // Chime's own output on twelve posts becomes the "expert" verdict: every
  // agreement figure must then be perfect, and an inverted score must give -1.
  const sample = posts.slice(0, 12).map((p, i) => ({ ...p, id: `t-${i + 1}`, split: (i + 1) % 3 === 0 ? 'heldout' : 'tune' }));
  const input = sample.map((p) => JSON.stringify({ id: p.id, text: p.text, context: p.context })).join('\n') + '\n';
  const results = new Map(execFileSync(chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '-'], { input, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((o) => [o.id, o.result]));
  const copy = sample.map((p) => {
    const r = results.get(p.id);
    const fired = [...new Set(r.hints.map((h) => h.rule))];
    return { ...p, expert: { ...p.expert, score: r.scores.overall, label: r.label, must_fire: fired, must_not_fire: [] } };
  });
  const [same] = JSON.parse(runCoach(['--set', tempSet(copy), '--split', 'all', '--json']).stdout);
  assert.ok(Math.abs(same.spearman - 1) < 1e-9, String(same.spearman));
  assert.equal(same.labelAgreement, 1);
  assert.equal(same.mustFireRecall, 1);

  const inverted = copy.map((p) => ({ ...p, expert: { ...p.expert, score: 100 - p.expert.score,
    must_fire: [], must_not_fire: p.expert.must_fire } }));
  const [opposite] = JSON.parse(runCoach(['--set', tempSet(inverted), '--split', 'all', '--json']).stdout);
  assert.ok(Math.abs(opposite.spearman + 1) < 1e-9, String(opposite.spearman));
  assert.equal(opposite.mustNotFireViolations, 1);
});

test('a post moved to the other split, or a bad option, is refused with a clear message', () => {
  const moved = posts.slice(0, 3).map((p) => ({ ...p }));
  moved[0].split = 'heldout';  // en-001 is a tune post
  const run = runCoach(['--set', tempSet(moved)]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /en-001 belongs to tune/);
  const worst = runCoach(['--split', 'heldout', '--worst', '5']);
  assert.equal(worst.status, 2);
  assert.match(worst.stderr, /tune split only/);
});
