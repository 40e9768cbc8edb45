#!/usr/bin/env node
// How far Chime's advice agrees with the expert verdicts of a development
// set (tests/devset/en.jsonl or es.jsonl; how they were made:
// tests/devset/README.md):
//
//   node bench/coach/run.mjs --chime build/ci/native/chime [--set en|en-fresh|en-fresh2|en-fresh3|en-fresh4|en-fresh5|en-fresh6|en-fresh7|en-fresh8|en-fresh9|en-fresh10|es|es-fresh|es-fresh2|es-fresh3|es-fresh4|es-fresh5|es-fresh6|es-fresh7|es-fresh8|es-fresh9|es-fresh10|PATH]
//        [--split tune|heldout|all] [--worst N] [--json] [--kinds] [--lang-set PATH]
//   (or: cmake --build build/ci --target bench-coach / bench-coach-fresh / bench-coach-fresh2 /
//    bench-coach-fresh3 / bench-coach-fresh4 / bench-coach-fresh5 / bench-coach-fresh6 /
//    bench-coach-fresh7 / bench-coach-fresh8 / bench-coach-fresh9 /
//    bench-coach-fresh10 /
//    bench-coach-es / bench-coach-es-fresh / bench-coach-es-fresh2 / bench-coach-es-fresh3 /
//    bench-coach-es-fresh4 / bench-coach-es-fresh5 / bench-coach-es-fresh6 /
//    bench-coach-es-fresh7 / bench-coach-es-fresh8 / bench-coach-es-fresh9 /
//    bench-coach-es-fresh10)
//
// The issue-13 figures are those of the newest fresh held-out part nobody
// tunes on (tests/devset/README.md). The first five fresh parts,
// en-fresh.jsonl (ids `enf-N`), en-fresh2.jsonl (ids `eng-N`),
// en-fresh3.jsonl (ids `enh-N`), en-fresh4.jsonl (ids `eni-N`) and
// en-fresh5.jsonl (ids `enj-N`), were run and are now tuned on; their ids
// stay held out here. The sixth, tests/devset/en-fresh6.jsonl (`--set
// en-fresh6`; ids `enk-N`, all held out), was run twice and is tuned on too.
// So was the seventh, tests/devset/en-fresh7.jsonl (`--set en-fresh7`; ids
// `enl-N`, all held out), and the eighth, tests/devset/en-fresh8.jsonl
// (`--set en-fresh8`; ids `enm-N`, all held out), and the ninth,
// tests/devset/en-fresh9.jsonl (`--set en-fresh9`; ids `enn-N`, all held
// out), each run twice as issue 13's measure. Its measure is now the
// tenth, tests/devset/en-fresh10.jsonl (`--set en-fresh10`; ids
// `eno-N`, all held out), written blind (verdicts committed before Chime
// ran on it) and never tuned on: the coach prints only its aggregate
// figures.
// Issue 17's figures are likewise those of a second fresh Spanish part
// nobody tunes on: tests/devset/es-fresh2.jsonl
// (`--set es-fresh2`; ids `esg-N`, all held out). The first fresh Spanish
// part, es-fresh.jsonl (`--set es-fresh`, ids `esf-N`), was run twice and is
// now for tuning only. Since es-fresh2.jsonl was run twice too and is tuned
// on, issue 17's held-out measure is the third fresh Spanish part,
// tests/devset/es-fresh3.jsonl (`--set es-fresh3`; ids `esh-N`). It was run
// twice and is tuned on too, so issue 17's held-out measure is now the fourth,
// tests/devset/es-fresh4.jsonl (`--set es-fresh4`; ids `esi-N`). It was run
// four times and is tuned on too, so issue 17's held-out measure is now the
// fifth, tests/devset/es-fresh5.jsonl (`--set es-fresh5`; ids `esj-N`, all
// held out). It was run twice and is tuned on too, so issue 17's held-out
// measure was the sixth, tests/devset/es-fresh6.jsonl (`--set es-fresh6`;
// ids `esk-N`, all held out). It was run twice and is tuned on too, so
// issue 17's held-out measure was the seventh,
// tests/devset/es-fresh7.jsonl (`--set es-fresh7`; ids `esl-N`, all held
// out). It was run twice and is tuned on too, so issue 17's held-out
// measure was the eighth, tests/devset/es-fresh8.jsonl (`--set
// es-fresh8`; ids `esm-N`, all held out). It was run twice and is tuned on
// too, and so was the ninth, tests/devset/es-fresh9.jsonl (`--set
// es-fresh9`; ids `esn-N`, all held out). The tenth, tests/devset/es-fresh10.jsonl
// (`--set es-fresh10`; ids `eso-N`, all held out, never tuned on), is
// issue 17's next held-out measure: the coach prints only its aggregate
// figures.
//
// Runs `chime check --format ndjson` once over every post with its context
// and prints, per split (tune and heldout by default), the figures beside
// the targets of the set's issue (13 for English, 17 for Spanish), then the
// rules behind the misses and the false fires. For the Spanish set it also
// runs chime over tests/devset/lang.tsv and reports how often the Result's
// `language` is the labelled one (skipped, with a note, while the Result has
// no `language`). `--worst N` lists the N posts where Chime's overall score is
// furthest from the expert's. Post ids (in --worst and beside each rule's
// misses and false fires) are shown for the tune split and, for en.jsonl,
// whose old held-out split was retired and joined the tuning posts (issue
// 13, third calibration: tests/devset/README.md), and es.jsonl, whose
// held-out split was reported once (issue 17) and is now tuned on too, and
// the first fresh parts en-fresh.jsonl (run once) and es-fresh.jsonl (run
// twice), both retired, for every post; a set whose held-out split is still
// held out (en-fresh2.jsonl, es-fresh2.jsonl, a set given by path) is judged
// there on its aggregate figures alone.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChime } from '../lib/chime.mjs';
import { spearman } from '../lib/stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const devset = path.join(here, '../../tests/devset');
const usage =
  'usage: node bench/coach/run.mjs --chime PATH/chime [--set en|en-fresh|en-fresh2|en-fresh3|en-fresh4|en-fresh5|en-fresh6|en-fresh7|en-fresh8|en-fresh9|en-fresh10|es|es-fresh|es-fresh2|es-fresh3|es-fresh4|es-fresh5|es-fresh6|es-fresh7|es-fresh8|es-fresh9|es-fresh10|PATH.jsonl] ' +
  '[--split tune|heldout|all] [--worst N] [--json] [--kinds] [--lang-set PATH.tsv]\n';

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      chime: { type: 'string' },
      set: { type: 'string', default: 'en' },
      'lang-set': { type: 'string' },
      split: { type: 'string' },
      worst: { type: 'string' },
      json: { type: 'boolean', default: false },
      kinds: { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  process.stderr.write(`${e.message}\n${usage}`);
  process.exit(2);
}
const fail = (message) => {
  process.stderr.write(`bench/coach: ${message}\n`);
  process.exit(2);
};
if (!options.chime) {
  process.stderr.write(usage);
  process.exit(2);
}
if (options.split && !['tune', 'heldout', 'all'].includes(options.split)) {
  fail(`--split must be tune, heldout or all, not "${options.split}"`);
}
const worst = options.worst === undefined ? 0 : Number(options.worst);
if (!Number.isInteger(worst) || worst < 0) fail(`--worst must be a whole number, not "${options.worst}"`);

// `--set en`, `--set en-fresh`, `--set en-fresh2`, `--set en-fresh3`, `--set en-fresh4`, `--set en-fresh5`, `--set en-fresh6`, `--set en-fresh7`, `--set en-fresh8`, `--set en-fresh9`, `--set en-fresh10`,
// `--set es`, `--set es-fresh` and `--set es-fresh2` name the project's sets;
// anything else is a path (a set of the same form, English targets). The
// targets apply to the held-out part: issue 13 item 3 for English (reported
// on its newest fresh part, tests/devset/README.md), issue 17 "Done when"
// for Spanish (likewise; it sets none for risky posts).
// `heldoutRetired`: the set's held-out split has been reported and is now
// tuned on like the rest, so its posts may be listed one by one.
const SETS = {
  en: {
    file: path.join(devset, 'en.jsonl'),
    issue: 13,
    heldoutRetired: true,
    targets: {
      spearman: { min: 0.8, text: '>= 0.80' },
      labelAgreement: { min: 0.7, text: '>= 0.70' },
      mustFireRecall: { min: 0.9, text: '>= 0.90' },
      mustNotFireViolations: { max: 0.05, text: '<= 5%' },
      riskyLabelledRisky: { min: 0.9, text: '>= 90%' },
    },
  },
  es: {
    file: path.join(devset, 'es.jsonl'),
    issue: 17,
    language: 'es',
    // Its held-out split was reported once (bench/README.md) and is now
    // tuned on; issue 17's figures come from a fresh Spanish set.
    heldoutRetired: true,
    langSet: path.join(devset, 'lang.tsv'),
    targets: {
      spearman: { min: 0.75, text: '>= 0.75' },
      labelAgreement: { min: 0.65, text: '>= 0.65' },
      mustFireRecall: { min: 0.85, text: '>= 0.85' },
      mustNotFireViolations: { max: 0.1, text: '<= 10%' },
      riskyLabelledRisky: null,
    },
  },
};
// The fresh parts are held out whole and never tuned on (tests/devset/README.md),
// except those retired into tuning, whose posts may be listed one by one:
// en-fresh (run once as issue 13's measure), en-fresh2 (run twice; the third
// English fresh part, en-fresh3, replaces it), es-fresh and es-fresh2 (each
// run twice as issue 17's; es-fresh3 replaces them).
SETS['en-fresh'] = { ...SETS.en, file: path.join(devset, 'en-fresh.jsonl'), heldoutRetired: true };
SETS['en-fresh2'] = { ...SETS.en, file: path.join(devset, 'en-fresh2.jsonl'), heldoutRetired: true };
// en-fresh3 (ids `enh-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since (tests/devset/README.md).
SETS['en-fresh3'] = { ...SETS.en, file: path.join(devset, 'en-fresh3.jsonl'), heldoutRetired: true };
// en-fresh4 (ids `eni-N`) was issue 13's held-out measure, run four times
// (2026-12-07) and tuned on since.
SETS['en-fresh4'] = { ...SETS.en, file: path.join(devset, 'en-fresh4.jsonl'), heldoutRetired: true };
// en-fresh5 (ids `enj-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['en-fresh5'] = { ...SETS.en, file: path.join(devset, 'en-fresh5.jsonl'), heldoutRetired: true };
// en-fresh6 (ids `enk-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['en-fresh6'] = { ...SETS.en, file: path.join(devset, 'en-fresh6.jsonl'), heldoutRetired: true };
// en-fresh7 (ids `enl-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['en-fresh7'] = { ...SETS.en, file: path.join(devset, 'en-fresh7.jsonl'), heldoutRetired: true };
// en-fresh8 (ids `enm-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['en-fresh8'] = { ...SETS.en, file: path.join(devset, 'en-fresh8.jsonl'), heldoutRetired: true };
// en-fresh9 (ids `enn-N`) was issue 13's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['en-fresh9'] = { ...SETS.en, file: path.join(devset, 'en-fresh9.jsonl'), heldoutRetired: true };
// en-fresh10 (ids `eno-N`): issue 13's next held-out measure, written
// blind (verdicts committed before Chime ran on it), never tuned on; only
// its aggregate figures are printed.
SETS['en-fresh10'] = { ...SETS.en, file: path.join(devset, 'en-fresh10.jsonl'), heldoutRetired: false };
SETS['es-fresh'] = { ...SETS.es, file: path.join(devset, 'es-fresh.jsonl'), heldoutRetired: true };
SETS['es-fresh2'] = { ...SETS.es, file: path.join(devset, 'es-fresh2.jsonl'), heldoutRetired: true };
// The third fresh Spanish part: issue 17's held-out measure, run twice
// (2026-12-07) and tuned on since.
SETS['es-fresh3'] = { ...SETS.es, file: path.join(devset, 'es-fresh3.jsonl'), heldoutRetired: true };
// The fourth fresh Spanish part (ids `esi-N`): issue 17's held-out measure,
// run four times (2026-12-07) and tuned on since.
SETS['es-fresh4'] = { ...SETS.es, file: path.join(devset, 'es-fresh4.jsonl'), heldoutRetired: true };
// The fifth fresh Spanish part (ids `esj-N`): issue 17's held-out measure,
// run twice (2026-12-07) and tuned on since.
SETS['es-fresh5'] = { ...SETS.es, file: path.join(devset, 'es-fresh5.jsonl'), heldoutRetired: true };
// The sixth fresh Spanish part (ids `esk-N`): issue 17's held-out measure,
// run twice (2026-12-07) and tuned on since.
SETS['es-fresh6'] = { ...SETS.es, file: path.join(devset, 'es-fresh6.jsonl'), heldoutRetired: true };
// The seventh fresh Spanish part (ids `esl-N`): issue 17's held-out measure,
// run twice (2026-12-07) and tuned on since.
SETS['es-fresh7'] = { ...SETS.es, file: path.join(devset, 'es-fresh7.jsonl'), heldoutRetired: true };
// The eighth fresh Spanish part (ids `esm-N`): issue 17's held-out measure,
// run twice (2026-12-07) and tuned on since.
SETS['es-fresh8'] = { ...SETS.es, file: path.join(devset, 'es-fresh8.jsonl'), heldoutRetired: true };
// The ninth fresh Spanish part (ids `esn-N`): issue 17's held-out measure,
// run twice (2026-12-07) and tuned on since.
SETS['es-fresh9'] = { ...SETS.es, file: path.join(devset, 'es-fresh9.jsonl'), heldoutRetired: true };
// The tenth fresh Spanish part (ids `eso-N`): issue 17's next held-out
// measure, written blind on 2026-12-07, never tuned on; the coach prints
// only its aggregate figures.
SETS['es-fresh10'] = { ...SETS.es, file: path.join(devset, 'es-fresh10.jsonl'), heldoutRetired: false };
// A path to one of those files is that set (so `--set tests/devset/es-fresh.jsonl`
// gets issue 17's targets, as `--set es-fresh` does).
const chosenSet = SETS[options.set] ??
  Object.values(SETS).find((set) => path.resolve(set.file) === path.resolve(options.set)) ??
  { ...SETS.en, file: options.set, langSet: undefined, heldoutRetired: false };
options.set = chosenSet.file;
const TARGETS = chosenSet.targets;
const langSetPath = options['lang-set'] ?? chosenSet.langSet;
if (langSetPath !== undefined && !fs.existsSync(langSetPath)) fail(`--lang-set: no file ${langSetPath}`);
if (!fs.existsSync(options.set)) fail(`--set: no file ${options.set} (en, en-fresh, en-fresh2, en-fresh3, en-fresh4, en-fresh5, en-fresh6, en-fresh7, en-fresh8, en-fresh9, en-fresh10, es, es-fresh, es-fresh2, es-fresh3, es-fresh4, es-fresh5, es-fresh6, es-fresh7, es-fresh8, es-fresh9, es-fresh10 or a path to a .jsonl set)`);

// --- the set ---------------------------------------------------------------
const LABELS = ['risky', 'promotional', 'broadcast', 'good', 'engaging'];
const KINDS = ['reply_complaint', 'reply_praise_or_question', 'reply_other', 'thread_first', 'thread_later',
  'share_or_quote', 'chat_answer', 'crisis_notice', 'service_notice', 'event', 'job_post', 'awareness',
  'research_news', 'fundraising', 'promotion', 'tip', 'general'];
// The fresh parts (en-fresh.jsonl, ids `enf-N`; en-fresh2.jsonl, ids
// `eng-N`; en-fresh3.jsonl, ids `enh-N`; en-fresh4.jsonl, ids `eni-N`;
// en-fresh5.jsonl, ids `enj-N`; en-fresh6.jsonl, ids `enk-N`;
// en-fresh7.jsonl, ids `enl-N`; en-fresh8.jsonl, ids `enm-N`;
// en-fresh9.jsonl, ids `enn-N`; en-fresh10.jsonl, ids `eno-N`;
// es-fresh.jsonl, ids `esf-N`; es-fresh2.jsonl, ids `esg-N`; es-fresh3.jsonl,
// ids `esh-N`; es-fresh4.jsonl, ids `esi-N`; es-fresh5.jsonl, ids `esj-N`;
// es-fresh6.jsonl, ids `esk-N`; es-fresh7.jsonl, ids `esl-N`;
// es-fresh8.jsonl, ids `esm-N`; es-fresh9.jsonl, ids `esn-N`;
// es-fresh10.jsonl, ids `eso-N`) are
// held out whole; in the other
// sets every third id is.
const FRESH_PREFIXES = ['enf-', 'eng-', 'enh-', 'eni-', 'enj-', 'enk-', 'enl-', 'enm-', 'enn-', 'eno-', 'esf-', 'esg-', 'esh-', 'esi-', 'esj-', 'esk-', 'esl-', 'esm-', 'esn-', 'eso-'];
const isFresh = (id) => FRESH_PREFIXES.some((prefix) => id.startsWith(prefix));
function splitOf(id) {
  if (isFresh(id)) return 'heldout';
  return Number(/(\d+)$/.exec(id)?.[1]) % 3 === 0 ? 'heldout' : 'tune';
}
const posts = [];
const seen = new Set();
fs.readFileSync(options.set, 'utf8')
  .split('\n')
  .forEach((line, index) => {
    if (!line.trim()) return;
    let post;
    try {
      post = JSON.parse(line);
    } catch (e) {
      fail(`${options.set}:${index + 1}: not JSON (${e.message})`);
    }
    const e = post.expert;
    if (typeof post.id !== 'string' || typeof post.text !== 'string' || !e ||
        !Number.isInteger(e.score) || typeof e.label !== 'string' ||
        !Array.isArray(e.must_fire) || !Array.isArray(e.must_not_fire) ||
        !['tune', 'heldout'].includes(post.split)) {
      fail(`${options.set}:${index + 1}: needs id, text, expert {score, label, kind, must_fire, must_not_fire} and split tune|heldout`);
    }
    // The split is fixed by the id (tests/devset/README.md): a post cannot
    // move between the parts.
    const split = splitOf(post.id);
    if (post.split !== split) {
      const rule = isFresh(post.id) ? `every ${post.id.slice(0, 4)} post is held out` : 'every third id is held out';
      fail(`${options.set}:${index + 1}: ${post.id} belongs to ${split} (${rule}), not ${post.split}`);
    }
    if (!LABELS.includes(e.label)) fail(`${options.set}:${index + 1}: unknown label "${e.label}"`);
    if (!KINDS.includes(e.kind)) fail(`${options.set}:${index + 1}: unknown kind "${e.kind}"`);
    if (seen.has(post.id)) fail(`${options.set}:${index + 1}: ${post.id} appears twice`);
    seen.add(post.id);
    posts.push(post);
  });

// --- Chime, one process over the whole set ----------------------------------
function runChimeOrFail(items) {
  try {
    return runChime(options.chime, items);
  } catch (e) {
    fail(e.message);
  }
}

// The post's language, once the Result says it (issue 17 item 1): a string,
// or an object naming it.
function languageOf(result) {
  const l = result.language;
  if (typeof l === 'string') return l;
  if (l && typeof l === 'object') return l.id ?? l.code ?? l.tag ?? l.language ?? null;
  return null;
}

// --- the language-identification set (tests/devset/lang.tsv) ----------------
// id, label (en, es or und), group, text; the split follows the id as in the
// dev sets.
const LANGUAGE_LABELS = ['en', 'es', 'und'];
function readLanguageSet(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== 'id\tlabel\tgroup\ttext') fail(`${file}:1: the header must be id<TAB>label<TAB>group<TAB>text`);
  const rows = [];
  const ids = new Set();
  lines.slice(1).forEach((line, index) => {
    if (!line) return;
    const fields = line.split('\t');
    const where = `${file}:${index + 2}`;
    if (fields.length !== 4) fail(`${where}: needs 4 tab-separated fields (id, label, group, text), found ${fields.length}`);
    const [id, label, group, text] = fields;
    if (!LANGUAGE_LABELS.includes(label)) fail(`${where}: label must be en, es or und, not "${label}"`);
    if (ids.has(id)) fail(`${where}: ${id} appears twice`);
    const number = Number(/(\d+)$/.exec(id)?.[1]);
    if (!Number.isInteger(number)) fail(`${where}: the id "${id}" must end in a number`);
    ids.add(id);
    rows.push({ id, label, group, text, split: number % 3 === 0 ? 'heldout' : 'tune' });
  });
  return rows;
}
const languageRows = langSetPath ? readLanguageSet(langSetPath) : [];
const results = runChimeOrFail(posts);
const languageResults = languageRows.length ? runChimeOrFail(languageRows) : new Map();
const hasLanguage = [...languageResults.values(), ...results.values()].some((r) => languageOf(r) !== null);

// The Result's `kind` (docs/kinds.md) in the dev set's words: the set was
// written before the analyser named its kinds, and joins a reply to a
// question and a reply to praise into one kind.
const KIND_OF_RESULT = {
  'reply-complaint': 'reply_complaint', 'reply-question': 'reply_praise_or_question',
  'reply-praise': 'reply_praise_or_question', reply: 'reply_other', share: 'share_or_quote',
  'thread-later': 'thread_later', 'thread-first': 'thread_first', 'chat-answer': 'chat_answer',
  crisis: 'crisis_notice', service: 'service_notice', job: 'job_post', fundraising: 'fundraising',
  event: 'event', awareness: 'awareness', research: 'research_news', promotion: 'promotion', tip: 'tip',
  general: 'general',
};
function kindOf(result) {
  if (typeof result.kind !== 'string') return null;
  return KIND_OF_RESULT[result.kind] ?? result.kind;
}

// `expects_new` hints that a rule now gives (bench/README.md, the coach
// section): the set was written before these rules existed. Every post with
// one of these texts, in both splits, expects the rule as if it were in its
// must_fire; the texts left are still counted as hints no rule gives.
const EXPECTS_NEW_RULE = {
  'cold or boilerplate reply to a complaint': 'tone.boilerplate',
  'cold or policy-recital reply to a complaint': 'tone.boilerplate',
  'consent: privacy warning to confirm written authorisation': 'care.patient-privacy',
  'research hype (breakthrough, revolutionary, game-changer)': 'promo.research-hype',
  'unhelpful non-answer to a question': 'talk.non-answer',
  // value.crisis-essentials checks every crisis notice: a warning when two or
  // more essentials are missing, else a good hint saying what it gives.
  'crisis notice checks (what, what to do, where, next update, official link)': 'value.crisis-essentials',
  // The Spanish set's (tests/devset/es.jsonl) texts for the same hints.
  'respuesta fría o de plantilla a una queja': 'tone.boilerplate',
  'consentimiento declarado: confirmar la autorización escrita': 'care.patient-privacy',
  'exageración en noticias de investigación': 'promo.research-hype',
};
function mustFire(expert) {
  const ids = [...expert.must_fire];
  for (const text of expert.expects_new ?? []) {
    const id = EXPECTS_NEW_RULE[text];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

// --- statistics ---------------------------------------------------------------
const ratio = (a, b) => (b === 0 ? NaN : a / b);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

// A rule id in must_not_fire means "no hint of that rule here" for a rule
// whose hints are praise (registered severity `good`: tone.empathy,
// value.helpful, talk.*), and "no PROBLEM hint" for a rule that checks for a
// problem: its `good` hint (value.crisis-essentials on a complete crisis
// notice says all is well) is not a problem and is no violation. A must_fire
// id is met by any hint of the rule (the check ran and spoke).
const GOOD_RULES = new Set(fs.readFileSync(path.join(here, '../../core/data/rules.tsv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t'))
  .filter((f) => f[2] === 'good')
  .map((f) => f[0]));
const isProblemOrPraise = (hint) => hint.severity !== 'good' || GOOD_RULES.has(hint.rule);

function measure(split) {
  const chosen = posts.filter((p) => split === 'all' || p.split === split);
  const rows = chosen.map((p) => {
    const result = results.get(p.id);
    return {
      post: p, result,
      fired: new Set(result.hints.map((h) => h.rule)),
      forbiddenFired: new Set(result.hints.filter(isProblemOrPraise).map((h) => h.rule)),
    };
  });
  // Post ids are kept for the tune split only, in the table and in --json:
  // held-out posts are seen as figures.
  const perRule = new Map();
  const rule = (id) => {
    if (!perRule.has(id)) perRule.set(id, { expected: 0, missed: 0, forbidden: 0, fired: 0, missedIds: [], firedIds: [] });
    return perRule.get(id);
  };
  let expected = 0, hit = 0, forbidden = 0, violated = 0, risky = 0, riskyCaught = 0, labelsAgree = 0;
  let kinds = 0, kindsAgree = 0;
  const confusion = new Map();
  const kindConfusion = new Map();
  const expectsNew = new Map();
  for (const { post, result, fired, forbiddenFired } of rows) {
    const e = post.expert;
    for (const id of mustFire(e)) {
      expected++;
      rule(id).expected++;
      if (fired.has(id)) hit++;
      else { rule(id).missed++; if (isListable(post.id)) rule(id).missedIds.push(post.id); }
    }
    for (const id of e.must_not_fire) {
      forbidden++;
      rule(id).forbidden++;
      if (forbiddenFired.has(id)) { violated++; rule(id).fired++; if (isListable(post.id)) rule(id).firedIds.push(post.id); }
    }
    if (e.label === 'risky') { risky++; if (result.label === 'risky') riskyCaught++; }
    if (e.label === result.label) labelsAgree++;
    const key = `${e.label}>${result.label}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    const kind = kindOf(result);
    if (kind !== null) {
      kinds++;
      if (kind === e.kind) kindsAgree++;
      else { const k = `${e.kind}>${kind}`; kindConfusion.set(k, (kindConfusion.get(k) ?? 0) + 1); }
    }
    for (const d of e.expects_new ?? []) if (!EXPECTS_NEW_RULE[d]) expectsNew.set(d, (expectsNew.get(d) ?? 0) + 1);
  }
  const byLabel = {};
  for (const label of LABELS) {
    const mine = rows.filter((r) => r.post.expert.label === label);
    byLabel[label] = {
      posts: mine.length,
      expertMean: mean(mine.map((r) => r.post.expert.score)),
      chimeMean: mean(mine.map((r) => r.result.scores.overall)),
    };
  }
  return {
    split,
    posts: rows.length,
    spearman: spearman(rows.map((r) => r.result.scores.overall), rows.map((r) => r.post.expert.score)),
    labelAgreement: ratio(labelsAgree, rows.length),
    mustFireRecall: ratio(hit, expected),
    mustFire: { expected, hit },
    mustNotFireViolations: ratio(violated, forbidden),
    mustNotFire: { listed: forbidden, fired: violated },
    riskyLabelledRisky: ratio(riskyCaught, risky),
    risky: { posts: risky, labelledRisky: riskyCaught },
    kindAgreement: kinds === 0 ? null : ratio(kindsAgree, kinds),
    kinds: { withKind: kinds, agree: kindsAgree },
    kindConfusion: Object.fromEntries([...kindConfusion].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    byLabel,
    confusion: Object.fromEntries([...confusion].sort()),
    rules: Object.fromEntries([...perRule].sort((a, b) => (b[1].missed + b[1].fired) - (a[1].missed + a[1].fired) || a[0].localeCompare(b[0]))),
    expectsNew: Object.fromEntries([...expectsNew].sort((a, b) => b[1] - a[1])),
    language: measureLanguage(split, rows),
    rows,
  };
}

// Language identification on lang.tsv (and, for a set in one language, how
// many of its posts are said to be in it); null while the Result has no
// `language`.
function measureLanguage(split, rows) {
  if (!languageRows.length && !chosenSet.language) return null;
  if (!hasLanguage) return null;
  const chosen = languageRows.filter((r) => split === 'all' || r.split === split);
  const byGroup = {};
  const confusion = {};
  let right = 0;
  for (const row of chosen) {
    const said = languageOf(languageResults.get(row.id)) ?? 'none';
    const ok = said === row.label;
    if (ok) right++;
    const g = (byGroup[`${row.group}/${row.label}`] ??= { posts: 0, right: 0 });
    g.posts++;
    if (ok) g.right++;
    confusion[`${row.label}>${said}`] = (confusion[`${row.label}>${said}`] ?? 0) + 1;
  }
  const setPosts = chosenSet.language
    ? { posts: rows.length, right: rows.filter((r) => languageOf(r.result) === chosenSet.language).length }
    : null;
  return {
    posts: chosen.length,
    right,
    accuracy: ratio(right, chosen.length),
    byGroup,
    confusion: Object.fromEntries(Object.entries(confusion).sort()),
    devsetInItsLanguage: setPosts && { ...setPosts, share: ratio(setPosts.right, setPosts.posts), language: chosenSet.language },
  };
}

// --- printing -----------------------------------------------------------------
const pct = (x) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const fixed = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
function verdict(name, value) {
  const t = TARGETS[name];
  if (!t) return '-';
  if (Number.isNaN(value)) return 'n/a';
  return ('min' in t ? value >= t.min : value <= t.max) ? 'met' : 'NOT met';
}

// The posts that may be looked at one by one: the tune split, and the
// held-out one too once it is retired.
const listable = new Set(posts.filter((p) => p.split === 'tune' || chosenSet.heldoutRetired).map((p) => p.id));
const isListable = (id) => listable.has(id);
if (worst > 0 && !chosenSet.heldoutRetired && options.split && options.split !== 'tune') {
  fail('--worst lists tune posts only on this set: its held-out posts are judged on aggregate figures');
}

function print(m) {
  const out = [];
  const row = (label, value, name, detail) =>
    out.push(`  ${label.padEnd(30)} ${value.padStart(7)}   target ${(TARGETS[name]?.text ?? 'none').padEnd(7)} ${verdict(name, m[name]).padEnd(8)} ${detail}`);
  out.push(`== split: ${m.split} (${m.posts} posts) ==`);
  row('Spearman overall vs expert', fixed(m.spearman), 'spearman', '(average ranks for ties)');
  row('label agreement', pct(m.labelAgreement), 'labelAgreement', '');
  row('must-fire recall', pct(m.mustFireRecall), 'mustFireRecall', `(${m.mustFire.hit}/${m.mustFire.expected} rule expectations)`);
  row('must-not-fire violations', pct(m.mustNotFireViolations), 'mustNotFireViolations', `(${m.mustNotFire.fired}/${m.mustNotFire.listed})`);
  row('risky labelled risky', pct(m.riskyLabelledRisky), 'riskyLabelledRisky', `(${m.risky.labelledRisky}/${m.risky.posts})`);
  out.push(m.kindAgreement === null
    ? '  kind agreement                     n/a   (the Result has no `kind` field yet: skipped)'
    : `  kind agreement                 ${pct(m.kindAgreement).padStart(7)}   (${m.kinds.agree}/${m.kinds.withKind}; no target)`);
  // --kinds: the kind disagreements, expert>chime, most frequent first.
  if (options.kinds) {
    out.push('  kinds, expert>chime (disagreements): ' +
      (Object.keys(m.kindConfusion).length ? Object.entries(m.kindConfusion).map(([k, v]) => `${k} ${v}`).join(', ') : 'none'));
  }
  out.push('  mean overall by expert label:   ' + Object.entries(m.byLabel)
    .filter(([, v]) => v.posts)
    .map(([k, v]) => `${k} ${v.chimeMean.toFixed(0)} (expert ${v.expertMean.toFixed(0)}, n=${v.posts})`).join('; '));
  out.push('  labels, expert>chime: ' + Object.entries(m.confusion).map(([k, v]) => `${k} ${v}`).join(', '));
  out.push('  per rule (must-fire missed / expected; must-not-fire fired / listed):');
  for (const [id, r] of Object.entries(m.rules)) {
    if (!r.missed && !r.fired) continue;
    // Post ids only where they may be looked at (a held-out split still in
    // use is seen as figures).
    const shown = [...r.missedIds.filter(isListable).map((x) => `-${x}`), ...r.firedIds.filter(isListable).map((x) => `+${x}`)];
    const ids = shown.length ? `  ${shown.join(' ')}` : '';
    out.push(`    ${id.padEnd(24)} missed ${String(r.missed).padStart(3)}/${String(r.expected).padEnd(3)} false ${String(r.fired).padStart(3)}/${String(r.forbidden).padEnd(3)}${ids}`);
  }
  const quiet = Object.entries(m.rules).filter(([, r]) => !r.missed && !r.fired).map(([id]) => id);
  if (quiet.length) out.push(`    no misses or false fires: ${quiet.join(', ')}`);
  out.push('  expected hints no rule gives yet (expects_new): ' +
    (Object.keys(m.expectsNew).length ? Object.entries(m.expectsNew).map(([k, v]) => `${v}x ${k}`).join('; ') : 'none'));
  if (languageRows.length || chosenSet.language) {
    const l = m.language;
    if (l === null) {
      out.push('  language identification        n/a   (the Result has no `language` field yet: skipped)');
    } else {
      out.push(`  language identification  ${pct(l.accuracy).padStart(13)}   (${l.right}/${l.posts} posts of ${path.relative(process.cwd(), langSetPath) || langSetPath}; reported, no target)`);
      out.push('    by group/label: ' + Object.entries(l.byGroup).map(([k, v]) => `${k} ${v.right}/${v.posts}`).join(', '));
      out.push('    label>said: ' + Object.entries(l.confusion).map(([k, v]) => `${k} ${v}`).join(', '));
      if (l.devsetInItsLanguage) {
        const d = l.devsetInItsLanguage;
        out.push(`    dev-set posts said to be "${d.language}": ${pct(d.share)} (${d.right}/${d.posts})`);
      }
    }
  }
  console.log(out.join('\n'));
}

function printWorst(m, n) {
  const rows = m.rows
    .filter((r) => isListable(r.post.id))
    .map((r) => ({ ...r, gap: r.result.scores.overall - r.post.expert.score }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.post.id.localeCompare(b.post.id))
    .slice(0, n);
  console.log(`  ${n} largest score gaps (${chosenSet.heldoutRetired ? m.split : 'tune'}):`);
  for (const r of rows) {
    const fired = [...r.fired].join(' ') || '-';
    console.log(`    ${r.post.id} chime ${r.result.scores.overall} ${r.result.label} / expert ${r.post.expert.score} ${r.post.expert.label} (${r.post.expert.kind})`);
    console.log(`      ${r.post.text.slice(0, 150)}`);
    console.log(`      fired: ${fired}`);
    console.log(`      expert: ${r.post.expert.why}`);
  }
}

// By default both parts, or the one a set has (the fresh parts are all held out).
const splits = options.split ? [options.split] : ['tune', 'heldout'].filter((s) => posts.some((p) => p.split === s));
const measured = splits.map(measure);
if (options.json) {
  console.log(JSON.stringify(measured.map(({ rows, ...m }) => m), null, 1));
} else {
  console.log(`Chime against the expert verdicts of ${path.relative(process.cwd(), options.set) || options.set} (targets of issue ${chosenSet.issue}, on heldout)`);
  for (const m of measured) {
    print(m);
    if (worst > 0 && (m.split === 'tune' || chosenSet.heldoutRetired)) printWorst(m, worst);
  }
}
