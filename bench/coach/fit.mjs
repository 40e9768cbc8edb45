#!/usr/bin/env node
// Searches the score numbers (core/data/scores.tsv, and with --rule-weights
// the weight columns of core/data/rules.tsv) on the tuning sets of
// tests/devset/ (all eighteen by default: en, en-fresh ... en-fresh8, es,
// es-fresh ... es-fresh8; never the ninth, blind, parts), all their posts or one half of the
// mod-5 split: --split fit (ids not a multiple of 5) searches there and also
// prints the figures on the other half, check (the multiples of 5), never
// searched. --predict names sets it reads and reports on but never searches
// (leave-one-set-out: fit on the older sets, predict the newest):
//
//   node bench/coach/fit.mjs --chime build/ci/native/chime [--sets en,es,...] [--predict en-fresh3,...] [--split all|fit] [--rule-weights] [--numbers a,b,...] [--rounds N] [--write] [--sweep]
//
// It runs chime once over the chosen posts, keeps which rules fired how often,
// the sentiment and the kind, and recomputes the overall score and label
// with a copy of the formula of core/src/scores.cpp (docs/scores.md). It
// first checks that the copy gives chime's own scores and labels for every
// post with the current numbers (else it stops: the copy is stale; with
// --trust-copy it goes on, to try numbers before chime is rebuilt), then
// changes one number at a time by small integer steps, keeping a change
// when Spearman(overall, expert) + label agreement on the searched posts goes up. Rule
// weights keep their sign (a problem never adds points). --numbers names the
// only numbers to search (scores.tsv names or rule ids), the others stay. `--write` puts the
// numbers found into the two data files; rebuild chime and run
// bench/coach/run.mjs to see the figures chime itself prints.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChime } from '../lib/chime.mjs';
import { spearman } from '../lib/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '../..');
const TUNING_SETS = ['en', 'en-fresh', 'en-fresh2', 'en-fresh3', 'en-fresh4', 'en-fresh5', 'en-fresh6', 'en-fresh7', 'en-fresh8', 'es', 'es-fresh', 'es-fresh2', 'es-fresh3', 'es-fresh4', 'es-fresh5', 'es-fresh6', 'es-fresh7', 'es-fresh8'];
const { values: options } = parseArgs({
  options: { chime: { type: 'string' }, split: { type: 'string', default: 'all' }, worst: { type: 'string', default: '0' }, rounds: { type: 'string', default: '6' }, write: { type: 'boolean', default: false },
    'rule-weights': { type: 'boolean', default: false },
    // Instead of searching: move each number by each step alone and print, per
    // set fitted on, how Spearman + label agreement moves (a move that helps
    // every writer generalises; one that helps the sum only may not).
    sweep: { type: 'boolean', default: false },
    // Search only these numbers (comma-separated scores.tsv names or rule ids).
    numbers: { type: 'string', default: '' },
    // With --split fit and --write: the least gain in Spearman + label
    // agreement on the check half that is worth writing the numbers for.
    'min-gain': { type: 'string', default: '0' },
    // Skip the check that the copy gives chime's own scores: for trying
    // numbers in the data files before chime is rebuilt with them.
    'trust-copy': { type: 'boolean', default: false },
    // The sets fitted on, comma-separated names of tests/devset/*.jsonl
    // (the held-out measures of issues 13 and 17 are other files, never read here).
    sets: { type: 'string', default: TUNING_SETS.join(',') },
    // Sets reported on, never searched (the prediction of a set not fitted on).
    predict: { type: 'string', default: '' } },
});
if (!['all', 'fit'].includes(options.split)) {
  process.stderr.write(`bench/coach/fit: --split must be all or fit, not "${options.split}"\n`);
  process.exit(2);
}
if (!options.chime) {
  process.stderr.write('usage: node bench/coach/fit.mjs --chime PATH/chime [--rounds N] [--write]\n');
  process.exit(2);
}

// --- the posts fitted on ------------------------------------------------------
// The mod-5 check half: ids that are a multiple of 5 (never searched with --split fit).
const isCheck = (id) => Number(/(\d+)$/.exec(id)[1]) % 5 === 0;
const predicted = new Set(options.predict.split(',').filter(Boolean));
const allPosts = [...options.sets.split(','), ...predicted].flatMap((name) => {
  const file = path.join(root, 'tests/devset', `${name}.jsonl`);
  if (!TUNING_SETS.includes(name) || !fs.existsSync(file)) {
    process.stderr.write(`bench/coach/fit: --sets takes ${TUNING_SETS.join(', ')}, not "${name}"\n`);
    process.exit(2);
  }
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => ({ ...JSON.parse(line), set: name }));
});
const posts = allPosts;
const results = runChime(options.chime, posts);

// --- the numbers ---------------------------------------------------------------
const scoresFile = path.join(root, 'core/data/scores.tsv');
const rulesFile = path.join(root, 'core/data/rules.tsv');
const settings = {};
for (const line of fs.readFileSync(scoresFile, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [name, value] = line.split('\t');
  settings[name] = Number(value);
}
const rules = {};  // id -> {dimension, first, more, cap}
for (const line of fs.readFileSync(rulesFile, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const f = line.split('\t');
  rules[f[0]] = { dimension: f[3], first: Number(f[4]), more: Number(f[5]), cap: Number(f[6]) };
}

// --- the formula (a copy of core/src/scores.cpp) -------------------------------
const NOTICE_KINDS = new Set(['crisis', 'service', 'thread-later']);
// A reply, a chat answer or a post that opens on a handle (not a wall of
// them) answers someone: its label reads it as part of a conversation.
const CONVERSATION_KINDS = new Set(['reply-complaint', 'reply-question', 'reply-praise', 'reply', 'chat-answer']);
const answersSomeone = (r) => CONVERSATION_KINDS.has(r.kind) ||
  (r.entities.mentions[0]?.start === 0 && !r.hints.some((h) => h.rule === 'form.mention-wall'));
const RISKY_WARNINGS = new Set(['care.claim', 'care.advice']);
const lround = (x) => Math.sign(x) * Math.round(Math.abs(x));
const clamp = (v) => Math.min(100, Math.max(0, v));
// The words the post has to say (core/src/scores.cpp, words_said):
// readability's words less those inside a press-release or sales phrase.
const ADVERT_PHRASES = new Set(['promo.press-release', 'promo.hard-sell']);
function wordsSaid(p, r) {
  const spans = r.hints.filter((h) => ADVERT_PHRASES.has(h.rule));
  if (!spans.length) return r.readability.words;
  const entities = Object.values(r.entities).flat();
  let inAdvert = 0;
  for (const m of p.text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*/gu)) {
    const start = m.index, end = m.index + m[0].length;
    if (entities.some((e) => e.start < end && start < e.end)) continue;
    if (spans.some((h) => h.start <= start && end <= h.end)) inAdvert++;
  }
  return Math.max(r.readability.words - inAdvert, 0);
}
// Words of the author's own in [from, to) (core/src/scores.cpp,
// own_words_between): not inside a URL, handle, hashtag or cashtag.
function ownWordsBetween(p, r, from, to) {
  const entities = Object.values(r.entities).flat();
  let n = 0;
  // Words as chime's tokenizer (ICU, UAX #29) reads them: letters and digits
  // with a letter, joined across a dot, a colon or an apostrophe between
  // letters ("sunrisehealth.example" is one), split at a hyphen.
  for (const m of p.text.matchAll(/[\p{L}\p{M}\p{N}]*[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[.:'’][\p{L}\p{M}][\p{L}\p{M}\p{N}]*)*/gu)) {
    const start = m.index, end = m.index + m[0].length;
    if (start >= from && end <= to && !entities.some((e) => e.start < end && start < e.end)) n++;
  }
  return n;
}
// A question that opens the post, which the post goes on to answer (core/src/scores.cpp, opens_on_a_hook).
function opensOnAHook(p, r, k) {
  const qs = r.hints.filter((h) => h.rule === 'talk.question');
  if (!qs.length) return false;
  const first = Math.min(...qs.map((h) => h.start)), last = Math.max(...qs.map((h) => h.end));
  return ownWordsBetween(p, r, 0, first) === 0 && ownWordsBetween(p, r, last, p.text.length) >= k.hook_words_after;
}
const features = posts.map((p) => {
  const r = results.get(p.id);
  const count = {};
  // A good hint of a check that costs points gives them instead (core/src/scores.cpp).
  const allWell = new Set();
  for (const h of r.hints) {
    if (!rules[h.rule]) continue;
    count[h.rule] = (count[h.rule] ?? 0) + 1;
    if (h.severity === 'good' && rules[h.rule].first < 0) allWell.add(h.rule); else allWell.delete(h.rule);
  }
  return {
    post: p, result: r, count, allWell, compound: r.sentiment.compound, kind: r.kind, words: wordsSaid(p, r),
    answers: answersSomeone(r),
    // Whether a question opens the post and is answered by it, for the numbers read then.
    hook: (k) => opensOnAHook(p, r, k),
    careError: r.hints.some((h) => h.rule.startsWith('care.') && h.severity === 'error'),
    careWarning: r.hints.some((h) => RISKY_WARNINGS.has(h.rule)),
    overLength: r.hints.some((h) => h.rule === 'length.over'),
  };
});

function score(f, k, w) {
  const points = { conversation: 0, value: 0, tone: 0, promotion: 0, overall: 0 };
  let hookExcess = 0;
  for (const [id, n] of Object.entries(f.count)) {
    const rw = w[id];
    const raw = (rw.first + rw.more * (n - 1)) * (f.allWell.has(id) ? -1 : 1);
    const p = Math.min(rw.cap, Math.max(-rw.cap, raw));
    points[rw.dimension] += p;
    if (id === 'talk.question' && f.hook(k)) hookExcess = Math.max(p - k.hook_question_points, 0);
  }
  // A hook question keeps its points in overall, not in conversation (core/src/scores.cpp).
  const conversationHeard = clamp(k.conversation_base + points.conversation);
  const conversation = clamp(k.conversation_base + points.conversation - hookExcess);
  const value = clamp(k.value_base + points.value);
  const tone = clamp(k.tone_base + lround(f.compound * k.tone_sentiment_points) + points.tone);
  const promotion = clamp(points.promotion);
  const heard = NOTICE_KINDS.has(f.kind) ? Math.max(conversationHeard, k.conversation_not_expected) : conversationHeard;
  const mean = Math.trunc((k.conversation_weight * heard + k.value_weight * value + k.tone_weight * tone + 50) / 100);
  const words = Math.min(f.words, k.words_counted) - k.words_even;
  const raw = mean - Math.trunc(promotion / k.promotion_divisor) + points.overall + k[`kind.${f.kind}`] + words;
  const spread = (raw - k.good_overall) * k.spread_percent;
  let overall = clamp(k.good_overall + Math.sign(spread) * Math.trunc((Math.abs(spread) + 50) / 100));
  if (f.careError) overall = k.care_error_score;
  else if (f.careWarning) overall = Math.min(overall, k.care_warning_score);
  else {
    overall = Math.max(overall, k.weak_post_floor);
    if (f.overLength) overall = Math.min(overall, k.over_length_score);
  }
  let label;
  if (f.careError || f.careWarning) label = 'risky';
  else if (promotion >= k.promotional_at) label = 'promotional';
  else if (f.overLength) label = 'broadcast';
  else if (f.answers) label = overall >= k.good_overall ? 'engaging' : 'broadcast';
  else if (overall < k.own_post_overall) label = 'broadcast';
  else label = conversation >= k.engaging_conversation ? 'engaging' : 'good';
  return { overall, label, conversation, value, tone, promotion };
}

// Figures on a part of the posts (indices into features): Spearman, label
// agreement, risky labelled risky, and the expert-good posts' means.
function figuresOn(s, part) {
  const rho = spearman(part.map((i) => s[i].overall), part.map((i) => features[i].post.expert.score));
  const labels = part.filter((i) => s[i].label === features[i].post.expert.label).length / part.length;
  const risky = part.filter((i) => features[i].post.expert.label === 'risky');
  const good = part.filter((i) => ['good', 'engaging'].includes(features[i].post.expert.label));
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { rho, labels, riskyOk: risky.filter((i) => s[i].label === 'risky').length, risky: risky.length,
    goodExpert: avg(good.map((i) => features[i].post.expert.score)), goodChime: avg(good.map((i) => s[i].overall)) };
}
const everyIndex = features.map((_, i) => i);
const fitted = everyIndex.filter((i) => !predicted.has(features[i].post.set));
const searched = options.split === 'all' ? fitted : fitted.filter((i) => !isCheck(features[i].post.id));
const checked = fitted.filter((i) => isCheck(features[i].post.id));
function figures(k, w) {
  const s = features.map((f) => score(f, k, w));
  const { rho, labels } = figuresOn(s, searched);
  return { rho, labels, objective: rho + labels, s };
}
function report(title, s) {
  const line = (name, part) => {
    const f = figuresOn(s, part);
    console.log(`  ${name.padEnd(16)} ${String(part.length).padStart(4)} posts: Spearman ${f.rho.toFixed(3)}, labels ${(100 * f.labels).toFixed(1)}%, ` +
      `risky ${f.riskyOk}/${f.risky}, expert-good ${f.goodExpert.toFixed(0)} vs chime ${f.goodChime.toFixed(0)}`);
  };
  console.log(title);
  for (const set of options.sets.split(',')) line(set, everyIndex.filter((i) => features[i].post.set === set));
  line('all fitted sets', fitted);
  line('fit (id % 5 != 0)', fitted.filter((i) => !isCheck(features[i].post.id)));
  line('check (id % 5 == 0)', checked);
  for (const set of predicted) line(`predicted ${set}`, everyIndex.filter((i) => features[i].post.set === set));
}

// The copy must agree with chime before it is trusted.
const current = figures(settings, rules);
const stale = features.filter((f, i) => {
  const mine = current.s[i], r = f.result;
  return mine.overall !== r.scores.overall || mine.label !== r.label || mine.conversation !== r.scores.conversation ||
    mine.value !== r.scores.value || mine.tone !== r.scores.tone || mine.promotion !== r.scores.promotion;
});
if (stale.length && !options['trust-copy']) {
  const f = stale[0], mine = current.s[features.indexOf(f)];
  process.stderr.write(`bench/coach/fit: the formula's copy disagrees with chime on ${stale.length} posts ` +
    `(first ${f.post.id}: chime ${f.result.scores.overall} ${f.result.label}, copy ${mine.overall} ${mine.label}); ` +
    'rebuild chime or update the copy\n');
  process.exit(1);
}
report(`current numbers (searching on ${options.split === 'all' ? 'all posts' : 'the fit half'}):`, current.s);

// --- the search -------------------------------------------------------------------
// Ranges keep the numbers meaningful: bases and thresholds 0..100, weights of
// the mean 0..100, a rule's points keep their sign.
const k = { ...settings };
const w = JSON.parse(JSON.stringify(rules));
const knobs = [];
const only = options.numbers ? new Set(options.numbers.split(',')) : null;
for (const name of Object.keys(k)) {
  // promotion_divisor stays as written: press-release's floor below assumes it.
  if (name === 'promotion_divisor') continue;
  // The label's thresholds follow the expert's anchors (tests/devset/README.md):
  // below 40 is poor, so never good; engaging needs a conversation.
  else if (name === 'good_overall' || name === 'own_post_overall') knobs.push({ name, get: () => k[name], set: (v) => (k[name] = v), min: 40, max: 100, steps: [1, 3, 10] });
  else if (name.startsWith('kind.')) knobs.push({ name, get: () => k[name], set: (v) => (k[name] = v), min: -30, max: 30, steps: [1, 3, 10] });
  else if (name !== 'care_error_score') knobs.push({ name, get: () => k[name], set: (v) => (k[name] = v), min: 0, max: 100, steps: [1, 3, 10] });
}
const fired = new Set(features.flatMap((f) => Object.keys(f.count)));
for (const id of options['rule-weights'] || only ? Object.keys(w) : []) {
  if (!fired.has(id) || w[id].cap === 0) continue;  // nothing to learn from; 0-weight rules stay 0
  // A rule that fires keeps its sign and moves its dimension by 5 to 45
  // points: every rule counts for something, none decides the score alone.
  // Form rules (style) cost at most 20; press-release language always costs
  // overall more than any form rule its longer text may hide (the scores
  // test prepends "For immediate release:" to every example): 42 / the
  // promotion_divisor of 2 > 20.
  const sign = Math.sign(w[id].first);
  let [min, max] = sign > 0 ? [5, 45] : [-45, -5];
  if (id.startsWith('form.')) min = -20;
  if (id === 'promo.press-release') min = 42;
  knobs.push({ name: id, get: () => w[id].first, set: (v) => { w[id].first = v; w[id].cap = Math.max(Math.abs(v), Math.abs(v + w[id].more * 2)); }, min, max, steps: [1, 3, 10] });
}
// --numbers: search only the numbers named (scores.tsv names, or rule ids
// for their weights), leaving every other number as written.
if (only) {
  const unknown = [...only].filter((name) => !knobs.some((knob) => knob.name === name));
  if (unknown.length) {
    process.stderr.write(`bench/coach/fit: --numbers: nothing to search for ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  knobs.splice(0, knobs.length, ...knobs.filter((knob) => only.has(knob.name)));
}
if (options.sweep) {
  const setNames = options.sets.split(',');
  const bySet = (s) => setNames.map((set) => {
    const f = figuresOn(s, searched.filter((i) => features[i].post.set === set));
    return f.rho + f.labels;
  });
  const before = bySet(current.s);
  console.log(`sweep: per move, sets up / down (of ${setNames.length}), the least and the mean change of Spearman + labels per set`);
  for (const knob of knobs) {
    for (const delta of [-10, -3, -1, 1, 3, 10]) {
      const old = knob.get();
      if (old + delta < knob.min || old + delta > knob.max) continue;
      knob.set(old + delta);
      const change = bySet(figures(k, w).s).map((v, i) => v - before[i]);
      knob.set(old);
      const up = change.filter((c) => c > 1e-9).length, down = change.filter((c) => c < -1e-9).length;
      if (!up) continue;
      console.log(`  ${knob.name} ${old} -> ${old + delta}: up ${up}, down ${down}, least ${Math.min(...change).toFixed(4)}, mean ${(change.reduce((a, b) => a + b, 0) / change.length).toFixed(4)}`);
    }
  }
  process.exit(0);
}
let best = figures(k, w).objective;
for (let round = 0; round < Number(options.rounds); round++) {
  let improved = false;
  for (const knob of knobs) {
    for (const step of knob.steps) {
      for (const dir of [1, -1]) {
        for (;;) {
          const old = knob.get();
          const next = old + dir * step;
          if (next < knob.min || next > knob.max) break;
          knob.set(next);
          const o = figures(k, w).objective;
          if (o > best + 1e-9) { best = o; improved = true; } else { knob.set(old); break; }
        }
      }
    }
  }
  const f = figures(k, w);
  console.log(`round ${round + 1}: Spearman ${f.rho.toFixed(3)}, labels ${(100 * f.labels).toFixed(1)}%`);
  if (!improved) break;
}
report('found:', figures(k, w).s);
console.log('scores.tsv:', Object.entries(k).map(([n, v]) => `${n}=${v}`).join(' '));
console.log('moved:', Object.keys(k).filter((n) => k[n] !== settings[n]).map((n) => `${n} ${settings[n]} -> ${k[n]}`).join(', ') || 'nothing');
console.log('rules.tsv (dimension first more cap):');
for (const [id, r] of Object.entries(w)) {
  const o = rules[id];
  if (r.first !== o.first || r.cap !== o.cap) console.log(`  ${id}: ${o.first}/${o.more}/${o.cap} -> ${r.first}/${r.more}/${r.cap}`);
}

// The tune posts the fitted numbers get most wrong, to see what no number
// can fix (a rule that misses, a kind decided wrongly).
const found = figures(k, w).s;
features.map((f, i) => ({ f, s: found[i], gap: found[i].overall - f.post.expert.score }))
  .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap)).slice(0, Number(options.worst))
  .forEach(({ f, s }) => {
    console.log(`${f.post.id} fitted ${s.overall} ${s.label} (c${s.conversation} v${s.value} t${s.tone} p${s.promotion}) / expert ${f.post.expert.score} ${f.post.expert.label} ${f.post.expert.kind}; kind ${f.kind}`);
    console.log(`   ${f.post.text.slice(0, 160)}`);
    console.log(`   fired: ${Object.entries(f.count).map(([id, n]) => n > 1 ? `${id}x${n}` : id).join(' ')}; sentiment ${f.compound}`);
  });

// With --split fit, the numbers are written only if the check half (never
// searched) agrees with the expert better than before by --min-gain.
const checkObjective = (part) => { const f = figuresOn(part, checked); return f.rho + f.labels; };
const checkGain = checkObjective(found) - checkObjective(current.s);
const checkHolds = options.split !== 'fit' || checkGain >= Number(options['min-gain']) - 1e-9;
if (options.write && !checkHolds) {
  console.log(`not written: on the check half, Spearman + labels moved by ${checkGain.toFixed(4)}, under --min-gain ${options['min-gain']}`);
}
if (options.write && checkHolds) {
  const s = fs.readFileSync(scoresFile, 'utf8').split('\n').map((line) => {
    if (!line || line.startsWith('#')) return line;
    const [name] = line.split('\t');
    return `${name}\t${k[name]}`;
  });
  fs.writeFileSync(scoresFile, s.join('\n'));
  const r = fs.readFileSync(rulesFile, 'utf8').split('\n').map((line) => {
    if (!line || line.startsWith('#')) return line;
    const f = line.split('\t');
    f[4] = String(w[f[0]].first); f[5] = String(w[f[0]].more); f[6] = String(w[f[0]].cap);
    return f.join('\t');
  });
  if (options['rule-weights'] || only) fs.writeFileSync(rulesFile, r.join('\n'));
  console.log(`written: core/data/scores.tsv${options['rule-weights'] || only ? ', core/data/rules.tsv' : ''}`);
}
