#!/usr/bin/env node
// Builds the English care-term classes (core/data/lists/care_conditions.tsv,
// care_procedures.tsv) from Princeton WordNet 3.0 as Debian's wordnet-base
// installs it (/usr/share/wordnet; `apt-get install wordnet-base`). WordNet's
// licence allows redistribution with its notice: core/data/lists/LICENSE-wordnet.md.
//
// A word is kept when
//   - it is one lower-case word of 4+ letters (the phrase lists hold the
//     multi-word names: lists/diagnoses.tsv, lists/procedures.tsv);
//   - its MOST FREQUENT noun sense (WordNet orders senses by frequency) lies
//     under one of the roots below: "cold" is kept only if its first sense is
//     the illness, "operation" is dropped (its first sense is not surgery);
//   - it is no verb, adjective or adverb in WordNet ("burn", "sore", "fit",
//     "stroke" read as other words too often; the hand lists name the ones
//     that matter);
//   - no plural or -ing form of another WordNet word ("aids": "hearing
//     aids"; "spots", "piles", "coughing", "wasting");
//   - not read more often as something else (READ_OTHERWISE, below: "your
//     complaint" answers a complaint, "congestion" is traffic);
//   - no suffix of lists/care_condition_suffixes.tsv or
//     care_procedure_suffixes.tsv already covers it (the code reads those
//     endings: "gastritis", "tonsillectomy").
// Usage: node scripts/care-terms-wordnet.mjs [/usr/share/wordnet] [core/data/lists]
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const wordnet = process.argv[2] ?? '/usr/share/wordnet';
const to = process.argv[3] ?? path.join(here, '../core/data/lists');

// Synset offsets in WordNet 3.0's data.noun.
const ROOTS = {
  conditions: {
    '14052046': 'ill health (illness, disease)',
    '14052403': 'disorder',
    '14299637': 'symptom',
    '14285662': 'injury',
    '14204950': 'pathology',
    '14380140': 'mental illness',
    '14081941': 'seizure (attack)',
  },
  // Not under these (a post's "blight" or "scrapie" is no one's care).
  excluded: {
    '14276936': 'plant disease',
    '14253124': 'animal disease',
  },
  procedures: {
    '01024392': 'medical procedure (surgery, therapy...)',
    '00177127': 'diagnostic procedure',
    '05739043': 'diagnostic test',
    '00661091': 'therapy',
  },
};

// First senses WordNet files under a condition, whose word a post means
// otherwise: a complaint is what replies answer; a fugue is music.
const READ_OTHERWISE = new Set([
  'aura', 'complaint', 'congestion', 'contagion', 'floater', 'folie', 'frenzy', 'fugue', 'gameness', 'hardening',
  'hickey', 'lichen', 'looseness', 'overbite', 'peduncle', 'pest', 'shiner', 'stasis', 'stigmata', 'throe', 'wale', 'weal',
]);

const read = (file) => fs.readFileSync(path.join(wordnet, file), 'latin1').split('\n');

// data.noun: offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr offset pos src/tgt)...
const hyponyms = new Map();
for (const line of read('data.noun')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.split(' ');
  const words = parseInt(f[3], 16);
  let p = 4 + 2 * words;
  const pointers = parseInt(f[p], 10);
  const below = [];
  for (let i = 0; i < pointers; ++i) {
    const [symbol, offset, pos] = [f[p + 1 + 4 * i], f[p + 2 + 4 * i], f[p + 3 + 4 * i]];
    if ((symbol === '~' || symbol === '~i') && pos === 'n') below.push(offset);
  }
  hyponyms.set(f[0], below);
}
if (hyponyms.size < 80000) throw new Error(`${wordnet}/data.noun: ${hyponyms.size} synsets, WordNet 3.0 has 82,115`);

const under = (roots) => {
  const seen = new Set();
  const stack = Object.keys(roots);
  for (const r of stack) if (!hyponyms.has(r)) throw new Error(`no synset ${r} in data.noun (not WordNet 3.0?)`);
  while (stack.length) {
    const o = stack.pop();
    if (seen.has(o)) continue;
    seen.add(o);
    stack.push(...hyponyms.get(o));
  }
  return seen;
};

// index.<pos>: lemma pos synset_cnt p_cnt [ptr]... sense_cnt tagsense_cnt offsets (most frequent first)
const firstSense = new Map();
for (const line of read('index.noun')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.trim().split(' ');
  firstSense.set(f[0], f[6 + parseInt(f[3], 10)]);
}
const otherPos = new Set();
for (const pos of ['verb', 'adj', 'adv']) {
  for (const line of read(`index.${pos}`)) if (line && !line.startsWith('  ')) otherPos.add(line.split(' ')[0]);
}

const suffixes = (file) =>
  fs.readFileSync(path.join(to, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
// The code reads a suffix only after 3+ letters ("trophy" is no condition).
const covered = (word, ends) => ends.some((s) => word.length >= s.length + 3 && word.endsWith(s));

const header = {
  conditions: 'illnesses, disorders, symptoms and injuries',
  procedures: 'medical procedures, tests and therapies',
};
const excluded = under(ROOTS.excluded);
const nouns = new Set(firstSense.keys());
// A plural or an -ing form of another word: "aids" (aid), "coughing" (cough).
const inflected = (w) =>
  (w.endsWith('s') && (nouns.has(w.slice(0, -1)) || otherPos.has(w.slice(0, -1)))) ||
  (w.endsWith('ing') && [w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4)].some((s) => otherPos.has(s)));
for (const name of ['conditions', 'procedures']) {
  const roots = ROOTS[name];
  const synsets = under(roots);
  const ends = suffixes(`care_${name.slice(0, -1)}_suffixes.tsv`);
  const words = [...firstSense]
    .filter(([w, o]) => /^[a-z]{4,}$/.test(w) && synsets.has(o) && !excluded.has(o) && !otherPos.has(w) &&
        !inflected(w) && !READ_OTHERWISE.has(w) && !covered(w, ends))
    .map(([w]) => w)
    .sort();
  const out = [
    `# English ${header[name]} for the care rules: generated by scripts/care-terms-wordnet.mjs, do not edit.`,
    `# From Princeton WordNet 3.0 (Debian wordnet-base), first noun sense under: ${Object.values(roots).join('; ')}.`,
    '# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: LICENSE-wordnet.md.',
    ...words,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(to, `care_${name}.tsv`), out);
  console.log(`care_${name}.tsv: ${words.length} words, ${out.length} bytes`);
}
