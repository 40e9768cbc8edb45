// The dev set is well formed and bench/coach/run.mjs measures what it says,
// with the real chime (CHIME_BIN). The figures themselves are not pinned:
// they move as the rules change; bench/README.md records them.
import { execFileSync, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';

const here = path.dirname(new URL(import.meta.url).pathname);
const coach = path.join(here, '../../bench/coach/run.mjs');
const chime = process.env.CHIME_BIN;
// The tests that run the coach need the real chime; without CHIME_BIN they
// skip, and only the form checks run (never chime on a held-out part's posts).
const needsChime = { skip: chime ? false : 'CHIME_BIN is not set: form checks only' };
const readSet = (name) => fs.readFileSync(path.join(here, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const posts = readSet('en.jsonl');
const spanish = readSet('es.jsonl');
const fresh = readSet('en-fresh.jsonl');
const fresh2 = readSet('en-fresh2.jsonl');
const fresh3 = readSet('en-fresh3.jsonl');
const fresh4 = readSet('en-fresh4.jsonl');
const fresh5 = readSet('en-fresh5.jsonl');
const fresh6 = readSet('en-fresh6.jsonl');
const fresh7 = readSet('en-fresh7.jsonl');
const fresh8 = readSet('en-fresh8.jsonl');
const fresh9 = readSet('en-fresh9.jsonl');
const fresh10 = readSet('en-fresh10.jsonl');
const spanishFresh = readSet('es-fresh.jsonl');
const spanishFresh2 = readSet('es-fresh2.jsonl');
const spanishFresh3 = readSet('es-fresh3.jsonl');
const spanishFresh4 = readSet('es-fresh4.jsonl');
const spanishFresh5 = readSet('es-fresh5.jsonl');
const spanishFresh6 = readSet('es-fresh6.jsonl');
const spanishFresh7 = readSet('es-fresh7.jsonl');
const spanishFresh8 = readSet('es-fresh8.jsonl');
const spanishFresh9 = readSet('es-fresh9.jsonl');
const spanishFresh10 = readSet('es-fresh10.jsonl');
const RULE_IDS = fs.readFileSync(path.join(here, '../../core/data/rules.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
const GOOD_RULE_IDS = fs.readFileSync(path.join(here, '../../core/data/rules.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).filter((f) => f[2] === 'good').map((f) => f[0]);
const LABELS = ['risky', 'promotional', 'broadcast', 'good', 'engaging'];
const KINDS = ['reply_complaint', 'reply_praise_or_question', 'reply_other', 'thread_first', 'thread_later',
  'share_or_quote', 'chat_answer', 'crisis_notice', 'service_notice', 'event', 'job_post', 'awareness',
  'research_news', 'fundraising', 'promotion', 'tip', 'general'];
const REGIONS = ['ES', 'MX', 'CO', 'AR', 'CL', 'PE', 'US'];
// es-fresh2.jsonl adds smaller varieties (Venezuela, Ecuador, Uruguay, Costa
// Rica, Puerto Rico, the Dominican Republic).
const REGIONS_FRESH2 = [...REGIONS, 'VE', 'EC', 'UY', 'CR', 'PR', 'DO'];
// es-fresh3.jsonl adds the rest of Central America, Bolivia and Paraguay.
const REGIONS_FRESH3 = [...REGIONS_FRESH2, 'BO', 'PY', 'GT', 'HN', 'SV', 'NI', 'PA'];

function runCoach(args) {
  return spawnSync(process.execPath, [coach, '--chime', chime, ...args], { encoding: 'utf8' });
}
// Every file a test writes goes under one scratch directory, removed at the end.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-devset-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
function tempSet(lines) {
  const dir = fs.mkdtempSync(path.join(scratch, 'set-'));
  const file = path.join(dir, 'set.jsonl');
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

function checkSet(set, prefix, minimum) {
  assert.ok(set.length >= minimum, `${set.length} posts, at least ${minimum} expected`);
  assert.equal(new Set(set.map((p) => p.id)).size, set.length);
  for (const p of set) {
    assert.match(p.id, new RegExp(`^${prefix}-\\d+$`), p.id);
    const n = Number(/(\d+)$/.exec(p.id)[1]);
    assert.equal(p.split, n % 3 === 0 ? 'heldout' : 'tune', p.id);
    assert.ok(typeof p.text === 'string' && p.text.length > 0, p.id);
    assert.ok(Number.isInteger(p.expert.score) && p.expert.score >= 0 && p.expert.score <= 100, p.id);
    assert.ok(LABELS.includes(p.expert.label), p.id);
    assert.ok(KINDS.includes(p.expert.kind), p.id);
    assert.ok(p.expert.why.length > 0, p.id);
    for (const id of [...p.expert.must_fire, ...p.expert.must_not_fire]) assert.match(id, /^[a-z]+\.[a-z-]+$/, p.id);
    // A rule cannot be both expected and forbidden on one post.
    for (const id of p.expert.must_fire) assert.ok(!p.expert.must_not_fire.includes(id), `${p.id}: ${id}`);
  }
  const kinds = new Set(set.map((p) => p.expert.kind));
  for (const kind of kinds) {
    for (const split of ['tune', 'heldout']) {
      assert.ok(set.some((p) => p.expert.kind === kind && p.split === split), `${kind} in ${split}`);
    }
  }
}

test('the English set: at least 300 posts, unique ids, every third id held out, every kind in both parts', () => {
  checkSet(posts, 'en', 300);
});

test('the Spanish set: at least 170 posts in the same form, every kind and region in both parts, a reply has its post', () => {
  checkSet(spanish, 'es', 170);
  assert.equal(new Set(spanish.map((p) => p.expert.kind)).size, KINDS.length);
  for (const p of spanish) {
    assert.ok(REGIONS.includes(p.region), `${p.id}: region ${p.region}`);
    if (p.expert.kind.startsWith('reply_')) assert.ok(p.context?.reply_to && p.context.in_reply_to_text, p.id);
  }
  for (const region of REGIONS) {
    for (const split of ['tune', 'heldout']) {
      assert.ok(spanish.some((p) => p.region === region && p.split === split), `${region} in ${split}`);
    }
  }
});

// The fresh held-out parts (README: "The fresh held-out part", "The second
// fresh held-out part"): their form only. No test here runs chime on their
// posts; their figures are printed by bench/coach/run.mjs --set en-fresh10,
// --set en-fresh9 and --set en-fresh8 (issue 13's, held out), --set en-fresh7, --set en-fresh6, --set en-fresh5, --set en-fresh4, --set en-fresh3, --set en-fresh2 and
// --set en-fresh (now tuned on).
function checkEnglishFresh(set, prefix, { minRisky, others }) {
  assert.ok(set.length >= 150, `${set.length} posts, at least 150 expected`);
  set.forEach((p, i) => {
    assert.equal(p.id, `${prefix}-${String(i + 1).padStart(3, '0')}`, `post ${i + 1} is ${p.id}`);
    assert.equal(p.split, 'heldout', p.id);
    assert.ok(typeof p.text === 'string' && p.text.trim().length > 0, p.id);
    const e = p.expert;
    assert.ok(Number.isInteger(e.score) && e.score >= 0 && e.score <= 100, `${p.id}: score ${e.score}`);
    assert.ok(LABELS.includes(e.label), `${p.id}: label ${e.label}`);
    assert.ok(KINDS.includes(e.kind), `${p.id}: kind ${e.kind}`);
    assert.ok(typeof e.why === 'string' && e.why.length > 0, p.id);
    for (const id of [...e.must_fire, ...e.must_not_fire]) assert.ok(RULE_IDS.includes(id), `${p.id}: no rule ${id}`);
    for (const id of e.must_fire) assert.ok(!e.must_not_fire.includes(id), `${p.id}: ${id} both expected and forbidden`);
    assert.ok(e.expects_new === undefined || (Array.isArray(e.expects_new) && e.expects_new.length > 0), p.id);
    // A reply carries the post it answers and opens with the handle answered;
    // thread parts their index; shares their flag.
    if (e.kind.startsWith('reply_')) {
      assert.ok(p.context?.reply_to && p.context.in_reply_to_text, `${p.id}: a reply needs reply_to and in_reply_to_text`);
      assert.ok(p.text.startsWith(p.context.reply_to), `${p.id}: opens with ${p.context.reply_to}`);
    }
    if (e.kind === 'thread_first') assert.equal(p.context?.thread_index, 0, p.id);
    if (e.kind === 'thread_later') assert.ok(p.context?.thread_index > 0, p.id);
    if (e.kind === 'share_or_quote') assert.ok(p.context?.quote === true || p.context?.retweet === true, p.id);
  });
  for (const kind of KINDS) {
    const n = set.filter((p) => p.expert.kind === kind).length;
    assert.ok(n >= 6, `${kind}: ${n} posts, at least 6 expected`);
  }
  // Enough risky posts for "risky labelled risky" to mean something.
  const risky = set.filter((p) => p.expert.label === 'risky').length;
  assert.ok(risky >= minRisky * set.length, `${risky} risky posts, at least ${minRisky * 100}% expected`);
  // New posts: no text twice, none a text of the other English sets.
  assert.equal(new Set(set.map((p) => p.text)).size, set.length, 'a text appears twice');
  const old = new Set(others.flatMap((other) => other.map((p) => p.text)));
  for (const p of set) assert.ok(!old.has(p.text), `${p.id} repeats a post of another English set`);
}

test('the fresh part: at least 150 posts enf-001... in order, all held out, every kind 6 times, rules that exist', () => {
  checkEnglishFresh(fresh, 'enf', { minRisky: 0.12, others: [posts] });
});

test('the second fresh part: at least 150 posts eng-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  checkEnglishFresh(fresh2, 'eng', { minRisky: 0.15, others: [posts, fresh] });
});

test('the third fresh part: at least 150 posts enh-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  checkEnglishFresh(fresh3, 'enh', { minRisky: 0.15,
    others: [posts, fresh, fresh2, spanish, spanishFresh, spanishFresh2, spanishFresh3] });
});

test('the fourth fresh part: at least 150 posts eni-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  checkEnglishFresh(fresh4, 'eni', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4] });
});

// en-fresh5.jsonl (issue 13's held-out measure since en-fresh4 is tuned on):
// no text of any other set, English or Spanish.
test('the fifth fresh part: at least 150 posts enj-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  checkEnglishFresh(fresh5, 'enj', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5] });
});

// en-fresh6.jsonl (issue 13's held-out measure after en-fresh5, run twice and tuned on since):
// no text of any other set, English or Spanish.
test('the sixth fresh part: at least 150 posts enk-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  checkEnglishFresh(fresh6, 'enk', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, fresh5, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6] });
});

// en-fresh7.jsonl (issue 13's held-out measure since en-fresh6 is tuned on):
// no text of any other set, English or Spanish.
test('the seventh fresh part: at least 160 posts enl-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  assert.ok(fresh7.length >= 160, `${fresh7.length} posts, at least 160 expected`);
  checkEnglishFresh(fresh7, 'enl', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7] });
});

// en-fresh8.jsonl (issue 13's held-out measure since en-fresh7 is tuned on):
// no text of any other set, English or Spanish.
test('the eighth fresh part: at least 160 posts enm-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  assert.ok(fresh8.length >= 160, `${fresh8.length} posts, at least 160 expected`);
  checkEnglishFresh(fresh8, 'enm', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, spanishFresh8, spanishFresh9] });
});

// en-fresh9.jsonl (issue 13's next held-out measure, written blind after
// en-fresh8): no text of any other set, English or Spanish.
test('the ninth fresh part: at least 160 posts enn-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  assert.ok(fresh9.length >= 160, `${fresh9.length} posts, at least 160 expected`);
  checkEnglishFresh(fresh9, 'enn', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, spanishFresh8] });
});

// en-fresh10.jsonl (issue 13's next held-out measure, written blind after
// en-fresh9): no text of any other set, English or Spanish, the Spanish
// tenth part written at the same time included.
test('the tenth fresh part: at least 160 posts eno-001... in order, all held out, every kind 6 times, 15% risky, new texts', () => {
  assert.ok(fresh10.length >= 160, `${fresh10.length} posts, at least 160 expected`);
  checkEnglishFresh(fresh10, 'eno', { minRisky: 0.15,
    others: [posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, spanishFresh8, spanishFresh9, spanishFresh10] });
});

// The fresh parts' ids: en-fresh (enf-), en-fresh2 (eng-), en-fresh3 (enh-),
// en-fresh4 (eni-), en-fresh5 (enj-), en-fresh6 (enk-), en-fresh7 (enl-), en-fresh8 (enm-), en-fresh9 (enn-), en-fresh10 (eno-), es-fresh (esf-), es-fresh2 (esg-), es-fresh3 (esh-), es-fresh4 (esi-),
// es-fresh5 (esj-), es-fresh6 (esk-), es-fresh7 (esl-), es-fresh8 (esm-), es-fresh9 (esn-), es-fresh10 (eso-).
for (const [prefix, source] of [['enf', posts], ['eng', posts], ['enh', posts], ['eni', posts], ['enj', posts], ['enk', posts], ['enl', posts], ['enm', posts], ['enn', posts], ['eno', posts], ['esf', spanish], ['esg', spanish], ['esh', spanish], ['esi', spanish], ['esj', spanish], ['esk', spanish], ['esl', spanish], ['esm', spanish], ['esn', spanish], ['eso', spanish]]) {
  test(`the coach holds out every ${prefix}- post, and refuses one marked tune`, needsChime, () => {
    // Three TUNE posts of en.jsonl or es.jsonl renamed ${prefix}-: never a
    // post of a fresh part. Each expects length.over of a short post: a miss
    // the coach must count without naming the held-out post.
    const renamed = source.filter((p) => p.split === 'tune').slice(0, 3)
      .map((p, i) => ({ ...p, id: `${prefix}-${String(i + 1).padStart(3, '0')}`, split: 'heldout',
        expert: { ...p.expert, must_fire: [...p.expert.must_fire, 'length.over'] } }));
    const set = tempSet(renamed);
    const figures = JSON.parse(runCoach(['--set', set, '--json']).stdout);
    assert.deepEqual(figures.map((f) => [f.split, f.posts]), [['heldout', 3]]);
    assert.equal(figures[0].rules['length.over'].missed, 3);
    for (const [id, r] of Object.entries(figures[0].rules)) assert.deepEqual([...r.missedIds, ...r.firedIds], [], id);
    const run = runCoach(['--set', set, '--split', 'heldout']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /== split: heldout \(3 posts\) ==/);
    const moved = runCoach(['--set', tempSet(renamed.map((p, i) => (i === 1 ? { ...p, split: 'tune' } : p)))]);
    assert.equal(moved.status, 2);
    assert.match(moved.stderr, new RegExp(`${prefix}-002 belongs to heldout \\(every ${prefix}- post is held out\\)`));
  });
}

// The fresh held-out parts of the Spanish set (README: "The fresh Spanish
// part", "The second fresh Spanish part"): their form only, as for
// en-fresh.jsonl. No test here runs chime on their posts; their figures are
// printed by bench/coach/run.mjs --set es-fresh / es-fresh2 / es-fresh3 / es-fresh4 / es-fresh5 / es-fresh6 /
// es-fresh7 / es-fresh8 / es-fresh9 / es-fresh10.
function checkSpanishFreshPart(set, prefix, { minimum, perKind, regions, others }) {
  assert.ok(set.length >= minimum, `${set.length} posts, at least ${minimum} expected`);
  set.forEach((p, i) => {
    assert.equal(p.id, `${prefix}-${String(i + 1).padStart(3, '0')}`, `post ${i + 1} is ${p.id}`);
    assert.equal(p.split, 'heldout', p.id);
    assert.ok(regions.includes(p.region), `${p.id}: region ${p.region}`);
    assert.ok(typeof p.text === 'string' && p.text.trim().length > 0, p.id);
    const e = p.expert;
    assert.ok(Number.isInteger(e.score) && e.score >= 0 && e.score <= 100, `${p.id}: score ${e.score}`);
    assert.ok(LABELS.includes(e.label), `${p.id}: label ${e.label}`);
    assert.ok(KINDS.includes(e.kind), `${p.id}: kind ${e.kind}`);
    assert.ok(typeof e.why === 'string' && e.why.length > 0, p.id);
    for (const id of [...e.must_fire, ...e.must_not_fire]) assert.ok(RULE_IDS.includes(id), `${p.id}: no rule ${id}`);
    for (const id of e.must_fire) assert.ok(!e.must_not_fire.includes(id), `${p.id}: ${id} both expected and forbidden`);
    // talk.chat-suggest does not apply to Spanish posts (docs/language.md):
    // a verdict on it would measure nothing.
    assert.ok(![...e.must_fire, ...e.must_not_fire].includes('talk.chat-suggest'), `${p.id}: talk.chat-suggest`);
    assert.ok(e.expects_new === undefined || (Array.isArray(e.expects_new) && e.expects_new.length > 0), p.id);
    if (e.kind.startsWith('reply_')) {
      assert.ok(p.context?.reply_to && p.context.in_reply_to_text, `${p.id}: a reply needs reply_to and in_reply_to_text`);
      assert.ok(p.text.startsWith(p.context.reply_to), `${p.id}: opens with ${p.context.reply_to}`);
    }
    if (e.kind === 'thread_first') assert.equal(p.context?.thread_index, 0, p.id);
    if (e.kind === 'thread_later') assert.ok(p.context?.thread_index > 0, p.id);
    if (e.kind === 'share_or_quote') assert.ok(p.context?.quote === true || p.context?.retweet === true, p.id);
  });
  for (const kind of KINDS) {
    const n = set.filter((p) => p.expert.kind === kind).length;
    assert.ok(n >= perKind, `${kind}: ${n} posts, at least ${perKind} expected`);
  }
  for (const region of regions) assert.ok(set.some((p) => p.region === region), `no post from ${region}`);
  assert.ok(set.filter((p) => p.expert.label === 'risky').length >= 0.12 * set.length);
  // New posts: no text twice, none a text of the other sets.
  assert.equal(new Set(set.map((p) => p.text)).size, set.length, 'a text appears twice');
  const old = new Set(others.flat().map((p) => p.text));
  for (const p of set) assert.ok(!old.has(p.text), `${p.id} repeats a post of another set`);
}

test('the fresh Spanish part: at least 100 posts esf-001... in order, all held out, every kind 5 times, regions, rules that exist', () => {
  checkSpanishFreshPart(spanishFresh, 'esf', { minimum: 100, perKind: 5, regions: REGIONS,
    others: [spanish, posts, fresh] });
});

test('the second fresh Spanish part: at least 110 posts esg-001... in order, all held out, every kind 6 times, 13 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh2, 'esg', { minimum: 110, perKind: 6, regions: REGIONS_FRESH2,
    others: [spanish, spanishFresh, posts, fresh, fresh2] });
});

test('the third fresh Spanish part: at least 110 posts esh-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh3, 'esh', { minimum: 110, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, posts, fresh, fresh2, fresh3] });
});

// es-fresh4.jsonl (issue 17's held-out measure since es-fresh3 is tuned on):
// the same twenty varieties, and no text of any other set, English or Spanish.
test('the fourth fresh Spanish part: at least 120 posts esi-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh4, 'esi', { minimum: 120, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, posts, fresh, fresh2, fresh3, fresh4] });
});

// es-fresh5.jsonl (issue 17's held-out measure since es-fresh4 is tuned on):
// the same twenty varieties, and no text of any other set, English or Spanish.
test('the fifth fresh Spanish part: at least 120 posts esj-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh5, 'esj', { minimum: 120, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, posts, fresh, fresh2, fresh3, fresh4, fresh5] });
});

// es-fresh6.jsonl (issue 17's held-out measure since es-fresh5 is tuned on):
// the same twenty varieties, and no text of any other set, English or Spanish.
test('the sixth fresh Spanish part: at least 120 posts esk-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh6, 'esk', { minimum: 120, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6] });
});

// es-fresh7.jsonl (issue 17's held-out measure since es-fresh6 is tuned on):
// the same twenty varieties, and no text of any other set, English or Spanish.
test('the seventh fresh Spanish part: at least 140 posts esl-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh7, 'esl', { minimum: 140, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7] });
});

// es-fresh8.jsonl (issue 17's held-out measure since es-fresh7 is tuned on):
// the same twenty varieties, and no text of any other set, English or Spanish.
test('the eighth fresh Spanish part: at least 140 posts esm-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh8, 'esm', { minimum: 140, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8] });
});

// es-fresh9.jsonl (issue 17's held-out measure after es-fresh8): the same
// twenty varieties, and no text of any other set, English or Spanish.
test('the ninth fresh Spanish part: at least 140 posts esn-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh9, 'esn', { minimum: 140, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, spanishFresh8, posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9] });
});

// es-fresh10.jsonl (issue 17's next held-out measure, after es-fresh9): the
// same twenty varieties, and no text of any other set, English or Spanish,
// en-fresh10.jsonl written at the same time included.
test('the tenth fresh Spanish part: at least 150 posts eso-001... in order, all held out, every kind 6 times, 20 regions, rules that exist, no text of the other sets', () => {
  checkSpanishFreshPart(spanishFresh10, 'eso', { minimum: 150, perKind: 6, regions: REGIONS_FRESH3,
    others: [spanish, spanishFresh, spanishFresh2, spanishFresh3, spanishFresh4, spanishFresh5, spanishFresh6, spanishFresh7, spanishFresh8, spanishFresh9, posts, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10] });
});

test('the language set: at least 300 labelled short posts, header, en/es/und, every label and group in both parts', () => {
  const lines = fs.readFileSync(path.join(here, 'lang.tsv'), 'utf8').split('\n').filter(Boolean);
  assert.equal(lines[0], 'id\tlabel\tgroup\ttext');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  assert.ok(rows.length >= 300, String(rows.length));
  for (const r of rows) assert.equal(r.length, 4, r.join(' | '));
  assert.equal(new Set(rows.map((r) => r[0])).size, rows.length);
  assert.equal(new Set(rows.map((r) => r[3])).size, rows.length, 'a text appears twice');
  for (const [id, label, group, text] of rows) {
    assert.match(id, /^lang-\d+$/);
    assert.ok(['en', 'es', 'und'].includes(label), `${id}: ${label}`);
    assert.ok(['plain', 'spanglish', 'short', 'entities', 'emoji', 'other'].includes(group), `${id}: ${group}`);
    assert.ok(text.trim().length > 0, id);
  }
  const splitOf = (id) => (Number(/(\d+)$/.exec(id)[1]) % 3 === 0 ? 'heldout' : 'tune');
  for (const key of new Set(rows.map((r) => `${r[2]}/${r[1]}`))) {
    for (const split of ['tune', 'heldout']) {
      assert.ok(rows.some((r) => `${r[2]}/${r[1]}` === key && splitOf(r[0]) === split), `${key} in ${split}`);
    }
  }
});

test('the coach prints both splits of the real set beside the targets', needsChime, () => {
  const run = runCoach([]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /== split: tune \(\d+ posts\) ==/);
  assert.match(run.stdout, /== split: heldout \(\d+ posts\) ==/);
  assert.match(run.stdout, /Spearman overall vs expert\s+-?\d\.\d{3}\s+target >= 0\.80/);
  const figures = JSON.parse(runCoach(['--json']).stdout);
  assert.deepEqual(figures.map((f) => f.posts), [posts.filter((p) => p.split === 'tune').length,
                                                 posts.filter((p) => p.split === 'heldout').length]);
});

test('figures are right on a set whose verdicts copy (or invert) chime', needsChime, () => {
  // Chime's own output on twelve posts becomes the "expert" verdict: every
  // agreement figure must then be perfect, and an inverted score must give -1.
  const sample = posts.slice(0, 12).map((p, i) => ({ ...p, id: `t-${i + 1}`, split: (i + 1) % 3 === 0 ? 'heldout' : 'tune' }));
  const input = sample.map((p) => JSON.stringify({ id: p.id, text: p.text, context: p.context })).join('\n') + '\n';
  const results = new Map(execFileSync(chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '-'], { input, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((o) => [o.id, o.result]));
  const copy = sample.map((p) => {
    const r = results.get(p.id);
    const fired = [...new Set(r.hints.map((h) => h.rule))];
    // Chime's own verdicts expect nothing beyond what fired: no expects_new
    // (the coach maps some of those texts to rules).
    return { ...p, expert: { ...p.expert, score: r.scores.overall, label: r.label, must_fire: fired, must_not_fire: [],
      expects_new: [] } };
  });
  const [same] = JSON.parse(runCoach(['--set', tempSet(copy), '--split', 'all', '--json']).stdout);
  assert.ok(Math.abs(same.spearman - 1) < 1e-9, String(same.spearman));
  assert.equal(same.labelAgreement, 1);
  assert.equal(same.mustFireRecall, 1);

  // Inverted: every rule that gave a problem hint, or praise, is forbidden
  // (a problem rule's good hint is no violation: next test).
  const inverted = copy.map((p) => {
    const r = results.get(p.id);
    const forbidden = [...new Set(r.hints.filter((h) => h.severity !== 'good' || GOOD_RULE_IDS.includes(h.rule))
      .map((h) => h.rule))];
    return { ...p, expert: { ...p.expert, score: 100 - p.expert.score, must_fire: [], must_not_fire: forbidden } };
  });
  const [opposite] = JSON.parse(runCoach(['--set', tempSet(inverted), '--split', 'all', '--json']).stdout);
  assert.ok(Math.abs(opposite.spearman + 1) < 1e-9, String(opposite.spearman));
  assert.equal(opposite.mustNotFireViolations, 1);
});

test('must_not_fire forbids a problem hint, or praise: a problem rule\'s good hint is no violation', needsChime, () => {
  // A complete crisis notice: value.crisis-essentials says all is well (good);
  // a reply that praises: tone.empathy's hint is the praise itself.
  const crisis = { id: 'g-1', split: 'tune', text: 'Boil water notice for Elm Park after a main break today. Boil tap water 1 minute before drinking. Free bottled water at Elm Park Library until 8pm. Next update 6pm. Info: 555-0134',
    expert: { score: 80, label: 'good', kind: 'crisis_notice', must_fire: [], must_not_fire: ['value.crisis-essentials'], why: 'complete' } };
  const reply = { id: 'g-2', split: 'tune', text: '@sam_k We are so sorry about the wait, Sam. Please DM us so we can look into it.',
    context: { reply_to: '@sam_k', in_reply_to_text: 'Waited 5 hours in your ER and nobody told us anything.' },
    expert: { score: 30, label: 'broadcast', kind: 'reply_complaint', must_fire: [], must_not_fire: ['tone.empathy'], why: 'test' } };
  const input = [crisis, reply].map((p) => JSON.stringify({ id: p.id, text: p.text, context: p.context })).join('\n') + '\n';
  const results = new Map(execFileSync(chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '-'], { input, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((o) => [o.id, o.result]));
  const severity = (id, rule) => results.get(id).hints.filter((h) => h.rule === rule).map((h) => h.severity);
  assert.deepEqual(severity('g-1', 'value.crisis-essentials'), ['good']);
  assert.deepEqual(severity('g-2', 'tone.empathy'), ['good']);
  const [m] = JSON.parse(runCoach(['--set', tempSet([crisis, reply]), '--split', 'all', '--json']).stdout);
  assert.deepEqual(m.mustNotFire, { listed: 2, fired: 1 });
  assert.equal(m.rules['value.crisis-essentials'].fired, 0);
  assert.equal(m.rules['tone.empathy'].fired, 1);
});

test('a post moved to the other split, or a bad option, is refused with a clear message', needsChime, () => {
  const moved = posts.slice(0, 3).map((p) => ({ ...p }));
  moved[0].split = 'heldout';  // en-001 is a tune post
  const run = runCoach(['--set', tempSet(moved)]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /en-001 belongs to tune/);
  // A set given by path keeps its held-out split: its posts are not listed.
  const worst = runCoach(['--set', tempSet(spanish), '--split', 'heldout', '--worst', '5']);
  assert.equal(worst.status, 2);
  assert.match(worst.stderr, /tune posts only/);
});

test('on en.jsonl, whose old held-out split is retired, --worst and the per-rule ids cover every post', needsChime, () => {
  const run = runCoach(['--split', 'all', '--worst', '400']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /largest score gaps \(all\)/);
  const listed = [...run.stdout.matchAll(/^    (en-\d+) chime /gm)].map((m) => m[1]);
  assert.equal(listed.length, posts.length);
  assert.ok(listed.some((id) => Number(/(\d+)$/.exec(id)[1]) % 3 === 0), 'held-out posts are listed');
});

test('on es.jsonl, whose held-out split is retired too, --worst and the per-rule ids cover every post', needsChime, () => {
  const run = runCoach(['--set', 'es', '--split', 'all', '--worst', '200']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /largest score gaps \(all\)/);
  const listed = [...run.stdout.matchAll(/^    (es-\d+) chime /gm)].map((m) => m[1]);
  assert.equal(listed.length, spanish.length);
  assert.ok(listed.some((id) => Number(/(\d+)$/.exec(id)[1]) % 3 === 0), 'held-out posts are listed');
});

test('the Spanish set is measured against issue 17\'s targets, with language identification reported or skipped', needsChime, () => {
  const run = runCoach(['--set', 'es']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /targets of issue 17/);
  assert.match(run.stdout, /Spearman overall vs expert\s+-?\d\.\d{3}\s+target >= 0\.75/);
  assert.match(run.stdout, /label agreement\s+\S+\s+target >= 0\.65/);
  assert.match(run.stdout, /must-fire recall\s+\S+\s+target >= 0\.85/);
  assert.match(run.stdout, /must-not-fire violations\s+\S+\s+target <= 10%/);
  assert.match(run.stdout, /language identification/);
  const figures = JSON.parse(runCoach(['--set', 'es', '--json']).stdout);
  assert.deepEqual(figures.map((f) => f.posts), [spanish.filter((p) => p.split === 'tune').length,
                                                 spanish.filter((p) => p.split === 'heldout').length]);
});

test('language accuracy is exact on a language set that copies (or contradicts) chime, or skipped while there is none', needsChime, () => {
  const texts = ['Gracias por la información, nos vemos el jueves.', 'Thanks for the info, see you on Thursday.',
    'ok 👍', 'Obrigada a toda a equipe de enfermagem.', '¡Sí!', 'Our clinic opens at 8am on weekdays.'];
  const input = texts.map((text, i) => JSON.stringify({ id: `lang-${i + 1}`, text })).join('\n') + '\n';
  const said = execFileSync(chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '-'], { input, encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l).result.language);
  const file = (labels) => {
    const dir = fs.mkdtempSync(path.join(scratch, 'lang-'));
    const tsv = path.join(dir, 'lang.tsv');
    fs.writeFileSync(tsv, ['id\tlabel\tgroup\ttext', ...texts.map((t, i) => `lang-${i + 1}\t${labels[i]}\tplain\t${t}`)].join('\n') + '\n');
    return tsv;
  };
  const name = (l) => (typeof l === 'string' ? l : l?.id ?? l?.code ?? l?.tag ?? l?.language);
  if (said.every((l) => l === undefined)) {
    const run = runCoach(['--set', 'es', '--lang-set', file(texts.map(() => 'und')), '--split', 'all']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /language identification\s+n\/a\s+\(the Result has no `language` field yet: skipped\)/);
    return;
  }
  const copied = said.map(name);
  const [same] = JSON.parse(runCoach(['--set', 'es', '--lang-set', file(copied), '--split', 'all', '--json']).stdout);
  assert.equal(same.language.accuracy, 1);
  const other = { en: 'es', es: 'und', und: 'en' };
  const [wrong] = JSON.parse(runCoach(['--set', 'es', '--lang-set', file(copied.map((l) => other[l] ?? 'und')), '--split', 'all', '--json']).stdout);
  assert.equal(wrong.language.accuracy, 0);
});

test('a malformed language set is refused with the line and what is wrong', needsChime, () => {
  const dir = fs.mkdtempSync(path.join(scratch, 'lang-'));
  const tsv = path.join(dir, 'lang.tsv');
  fs.writeFileSync(tsv, 'id\tlabel\tgroup\ttext\nlang-1\tpt\tother\tOlá a todos\n');
  const run = runCoach(['--set', 'es', '--lang-set', tsv]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /lang\.tsv:2: label must be en, es or und, not "pt"/);
});

// bench/coach/agree.mjs: two experts' verdicts on the same posts.
const agree = path.join(here, '../../bench/coach/agree.mjs');
function runAgree(first, second) {
  return spawnSync(process.execPath, [agree, '--set', first, '--second', second], { encoding: 'utf8' });
}
const verdict = (id, score, label, mustFire, mustNotFire) =>
  ({ id, text: id, expert: { score, label, kind: 'general', must_fire: mustFire, must_not_fire: mustNotFire, why: '-' } });

test('agree.mjs: an expert agrees fully with themself, and a second expert is counted rule by rule both ways', () => {
  const first = tempSet([verdict('a-1', 10, 'risky', ['care.advice'], ['talk.chat']), verdict('a-2', 60, 'good', ['value.helpful', 'talk.question'], []),
    verdict('a-3', 80, 'engaging', [], ['care.claim'])]);
  const same = runAgree(first, first);
  assert.equal(same.status, 0, same.stderr);
  assert.match(same.stdout, /must-fire recall\s+100\.0% \(3\/3\)\s+100\.0% \(3\/3\)/);
  // The second expert misses one rule, wants one the first forbids, calls the risky post broadcast.
  const second = tempSet([verdict('a-1', 30, 'broadcast', ['care.advice'], []), verdict('a-2', 70, 'good', ['value.helpful'], []),
    verdict('a-3', 90, 'engaging', ['care.claim'], [])]);
  const run = runAgree(first, second);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /labels\s+66\.7% \(2\/3\)/);
  assert.match(run.stdout, /must-fire recall\s+66\.7% \(2\/3\)\s+66\.7% \(2\/3\)/);
  assert.match(run.stdout, /must-not-fire violations\s+50\.0% \(1\/2\)\s+n\/a \(0\/0\)/);
  assert.match(run.stdout, /risky labelled risky\s+0\.0% \(0\/1\)/);
  assert.match(run.stdout, /Spearman\s+1\.000/);
});

test('agree.mjs: a second file that lacks a post is refused, naming it', () => {
  const first = tempSet([verdict('a-1', 10, 'risky', [], []), verdict('a-2', 60, 'good', [], [])]);
  const second = tempSet([verdict('a-1', 10, 'risky', [], [])]);
  const run = runAgree(first, second);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /has no verdict for a-2/);
});
