// A configuration the host refused is cached as refused (issue 14): the same
// invalid config in later requests is answered from the cache, not parsed
// again. Counted, not timed: callgrind records how many times the host calls
// chime::Config::parse while it serves the requests.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHIME = process.env.CHIME_BIN;
const VALGRIND = process.env.CHIME_VALGRIND;
const ORIGIN = 'chrome-extension://kkkfifglcgnhgagiogkeliijainjgpfh/';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-config-cache-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function frame(message) {
  const body = Buffer.from(JSON.stringify(message));
  const length = Buffer.alloc(4);
  if (os.endianness() === 'LE') length.writeUInt32LE(body.length); else length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

// Serves `configs` (one analyze request each) and returns the number of
// Config::parse calls and the error codes of the replies.
function parseCalls(configs, name) {
  const out = path.join(tmp, `${name}.out`);
  const input = Buffer.concat(configs.map((config, i) => frame({ id: i + 1, type: 'analyze', text: 'hi', config })));
  const r = spawnSync(VALGRIND, ['--tool=callgrind', `--callgrind-out-file=${out}`, '--compress-strings=no',
                                 CHIME, ORIGIN], { input });
  assert.equal(r.status, 0, r.stderr.toString());
  const codes = (r.stdout.toString().match(/"code":"[a-z_]+"/g) || []).map((c) => c.slice(8, -1));
  // Each call site in the profile: "cfn=<callee>" then "calls=<count> ...".
  const lines = fs.readFileSync(out, 'utf8').split('\n');
  let calls = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/^cfn=.*chime::Config::parse\(nlohmann/.test(lines[i]) && lines[i + 1].startsWith('calls=')) {
      calls += Number(lines[i + 1].slice(6).split(' ')[0]);
    }
  }
  return { calls, codes };
}

test('the same refused config, sent three times, is parsed once', () => {
  const bad = { thresholds: { reading_grade: 'twelve' } };
  const same = parseCalls([bad, bad, bad], 'same');
  assert.deepEqual(same.codes, ['bad_config', 'bad_config', 'bad_config']);
  assert.equal(same.calls, 1);
  // Three different refused configs are each parsed: the count above is the cache's doing.
  const different = parseCalls([1, 2, 3].map((n) => ({ thresholds: { reading_grade: `x${n}` } })), 'different');
  assert.deepEqual(different.codes, ['bad_config', 'bad_config', 'bad_config']);
  assert.equal(different.calls, 3);
});
