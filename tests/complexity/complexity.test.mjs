// Linear time on any input (issue 14): every rule, the tokenizer and the
// entity extractor together, on worst-case texts (hashtags, mentions, URLs,
// cashtags, emoji, punctuation, one long word, shouting, many sentences, a
// mix). Work is counted, not timed: callgrind counts the instructions run
// inside one analysis (chime_worst_case's chime_measured) of n and of 4n
// bytes. Linear work grows about 4x; a quadratic step grows it about 16x.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.CHIME_WORST_CASE;
const VALGRIND = process.env.CHIME_VALGRIND;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-complexity-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SMALL = 25 * 1024, LARGE = 4 * SMALL;  // the large text is 100 KB
const MAX_RATIO = 5.0;  // 4x plus room for n log n sorting and block-sized buffers

function instructions(kind, bytes) {
  const out = path.join(tmp, `${kind}-${bytes}.out`);
  const r = spawnSync(VALGRIND, ['--tool=callgrind', `--callgrind-out-file=${out}`, '--collect-atstart=no',
                                 '--toggle-collect=chime_measured', BIN, kind, String(bytes)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const totals = fs.readFileSync(out, 'utf8').match(/^(?:summary|totals): (\d+)/m);
  assert.ok(totals, `no totals in ${out}`);
  return Number(totals[1]);
}

for (const kind of ['hashtags', 'mentions', 'urls', 'cashtags', 'emoji', 'punctuation', 'word', 'shouting',
                    'sentences', 'mixed']) {
  test(`${kind}: the work on 4n bytes is about 4x the work on n`, () => {
    const small = instructions(kind, SMALL), large = instructions(kind, LARGE);
    assert.ok(small > SMALL, `${kind}: ${small} instructions for ${SMALL} bytes: nothing measured?`);
    const ratio = large / small;
    console.log(`${kind}: ${small} -> ${large} instructions, x${ratio.toFixed(2)}`);
    assert.ok(ratio < MAX_RATIO, `${kind}: ${small} -> ${large} instructions (x${ratio.toFixed(2)}): super-linear`);
  });
}
