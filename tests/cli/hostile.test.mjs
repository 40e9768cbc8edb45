// `chime check` on hostile and unusual input (issue 14): each case crashed,
// blew up or misread before. Memory is bounded with `ulimit -v` (address
// space), so a blow-up fails the run instead of slowing the machine; nothing
// here times anything.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateMember, makeZip } from './zip.mjs';

const CHIME = process.env.CHIME_BIN;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-hostile-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
// Address space for one run: chime's own mappings (ICU data, libraries) are
// well under this; a run that held its input many times over is not.
const MEMORY_KB = 400 * 1024;

// A sanitizer build (CHIME_SANITIZED, tests/native.cmake) reserves terabytes
// of address space, so there the bound is ASan's largest allocation instead.
const SANITIZED = process.env.CHIME_SANITIZED === '1';
const memoryCap = (kb) => (SANITIZED ? `export ASAN_OPTIONS=max_allocation_size_mb=${Math.floor(kb / 1024)}:allocator_may_return_null=0`
                                     : `ulimit -v ${kb}`);

function chime(args, { input, memoryKb = MEMORY_KB } = {}) {
  const r = spawnSync('sh', ['-c', `${memoryCap(memoryKb)}; exec "$0" "$@"`, CHIME, ...args],
                      { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}
function write(name, content) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}
const lines = (out) => out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
const results = (out) => lines(out).filter((o) => o.result);
const errors = (out) => lines(out).filter((o) => o.error);
const tweets = (part, texts, variable = `window.YTD.tweets.part${part}`) => `${variable} = ` +
  JSON.stringify(texts.map((text, i) => ({ tweet: { id_str: `${part}${i}`, full_text: text } })));

test('deeply nested JSON in an item\'s context is refused on its line; the run goes on', () => {
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  const file = write('deep.jsonl', `{"text":"first"}\n{"text":"deep","context":${deep}}\n{"text":"last"}\n`);
  const r = chime(['check', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 3, r.err);
  assert.deepEqual(errors(r.out).map((e) => [e.line, e.error.code]), [[2, 'bad_json']]);
  assert.match(r.err, /deep\.jsonl:2: bad JSON: nested deeper than 256/);
  assert.deepEqual(results(r.out).map((o) => o.line), [1, 3]);
  // The same inside a JSON array and a tweets.js element.
  const array = write('deep.json', `[{"text":"a"},{"text":"b","context":${deep}},{"text":"c"}]`);
  const a = chime(['check', array]);
  assert.equal(a.code, 3, a.err);
  assert.deepEqual(results(a.out).map((o) => o.line), [1, 1]);
});

test('a deeply nested --config is refused, exit 2', () => {
  const config = write('deep-config.json', `{"phrases":${'['.repeat(100000)}${']'.repeat(100000)}}`);
  const r = chime(['check', '--config', config, write('one.txt', 'hello\n')]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 2);
  assert.match(r.err, /deep-config\.json: not valid JSON: nested deeper than 256/);
  // 256 levels are parsed (and then refused for what they say), 257 are not.
  const nest = (levels) => `{"x":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
  const at = chime(['check', '--config', write('256.json', nest(256)), write('one.txt', 'hello\n')]);
  assert.match(at.err, /256\.json: x: unknown key/);
  const over = chime(['check', '--config', write('257.json', nest(257)), write('one.txt', 'hello\n')]);
  assert.match(over.err, /257\.json: not valid JSON: nested deeper than 256/);
});

test('--config naming a directory says so', () => {
  const r = chime(['check', '--config', tmp, write('one.txt', 'hello\n')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /is a directory/);
  assert.doesNotMatch(r.err, /not valid JSON/);
});

test('a 50 MB line is reported with its line number and skipped; the next lines are checked', () => {
  const file = write('long.txt', `first\n${'x'.repeat(50 * 1024 * 1024)}\nthird\n`);
  const r = chime(['check', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 3, r.err);
  assert.deepEqual(errors(r.out).map((e) => [e.line, e.error.code]), [[2, 'too_large']]);
  assert.match(r.err, /long\.txt:2: this line is over the limit of 1 MiB/);
  assert.deepEqual(results(r.out).map((o) => o.line), [1, 3]);
  // A text under the line limit but over the text limit (256 KiB).
  const text = write('text.jsonl', `${JSON.stringify({ text: 'y'.repeat(300 * 1024) })}\n{"text":"fine"}\n`);
  const t = chime(['check', text]);
  assert.equal(t.code, 3);
  assert.deepEqual(errors(t.out).map((e) => [e.line, e.error.code]), [[1, 'too_large']]);
  assert.match(t.err, /text\.jsonl:1: the text is over the limit of 256 KiB/);
  // A CSV row of 3 MB inside quotes.
  const csv = write('long.csv', `id,text\n1,"${'z'.repeat(3 * 1024 * 1024)}"\n2,fine\n`);
  const c = chime(['check', csv]);
  assert.equal(c.code, 3);
  assert.deepEqual(errors(c.out).map((e) => [e.line, e.error.code]), [[2, 'too_large']]);
  assert.deepEqual(results(c.out).map((o) => o.id), ['2']);
});

test('/dev/zero and other binary input is refused at once, not read without end', () => {
  const r = chime(['check', '/dev/zero']);
  assert.equal(r.code, 3);
  assert.match(r.err, /\/dev\/zero: binary data \(NUL bytes/);
  const utf32 = write('utf32.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0]));
  assert.match(chime(['check', utf32]).err, /UTF-32/);
});

test('UTF-16 with a byte order mark is decoded, little- and big-endian', () => {
  const csv = 'id,text\n1,Caf\u00e9 hours \ud83d\ude00 today\n2,Second row\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();  // the BOM swaps to FE FF with the rest
  for (const [name, bytes] of [['le.csv', le], ['be.csv', be]]) {
    const r = chime(['check', write(name, bytes)]);
    assert.equal(r.code, 0, `${name}: ${r.err}`);
    const items = results(r.out);
    assert.deepEqual(items.map((i) => [i.line, i.id]), [[2, '1'], [3, '2']], name);
    assert.equal(items[0].result.length.weighted, 'Café hours '.length + 2 + ' today'.length, name);
  }
  // A lone surrogate at the end becomes U+FFFD, reported like invalid UTF-8.
  const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\n', 'utf16le'), Buffer.from([0x3d, 0xd8])]);
  const r = chime(['check', '--input', 'text', write('lone.txt', lone)]);
  assert.deepEqual(results(r.out).map((i) => i.line), [1, 2]);
});

test('CR-only line endings are read as lines', () => {
  const r = chime(['check', write('mac.txt', 'First post\rSecond post\rThird\r')]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(results(r.out).map((i) => i.line), [1, 2, 3]);
  const c = chime(['check', write('mac.csv', 'id,text\r1,Hello\r2,There\r')]);
  assert.deepEqual(results(c.out).map((i) => [i.line, i.id]), [[2, '1'], [3, '2']]);
});

test('only tweets variables are read as tweets.js; the older window.YTD.tweet is one', () => {
  const account = chime(['check', write('account.js', 'window.YTD.account.part0 = [{"text":"not a tweet"}]')]);
  assert.equal(account.code, 3);
  assert.equal(results(account.out).length, 0);
  assert.match(account.err, /"window\.YTD\.account\.part0" is not a tweets file/);
  const old = chime(['check', write('tweet.js', tweets(0, ['Old archive post'], 'window.YTD.tweet.part0'))]);
  assert.equal(old.code, 0, old.err);
  assert.equal(results(old.out).length, 1);
});

test('control characters from a file never reach the terminal raw', () => {
  const file = write('ctl.csv', 'id,\u001b[31mred\u001b[0m,\u009b2J\n1,x\n');
  const r = chime(['check', file]);
  assert.equal(r.code, 3);
  assert.match(r.err, /no text column/);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.err), JSON.stringify(r.err));
  assert.match(r.err, /\\x1B\[31mred\\x1B\[0m, \\x9B2j/);  // header names are lower-cased
  const name = write('bad\u001b]0;title\u0007.jsonl', '{"text":\n');
  const n = chime(['check', name]);
  assert.equal(n.code, 3);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(n.err), JSON.stringify(n.err));
  assert.match(n.err, /bad\\x1B\]0;title\\x07\.jsonl:1: bad JSON/);
});

test('zip: an upper-case .ZIP, a 32,000-character member name, an unusable part number', () => {
  const file = path.join(tmp, 'ARCHIVE.ZIP');
  fs.writeFileSync(file, makeZip([
    [`data/${'n'.repeat(32000)}.js`, 'window.YTD.x.part0 = []'],
    [`${'d/'.repeat(16000)}data/tweets.js`, tweets(0, ['Deep folder'])],
    ['data/tweets-part99999999999.js', tweets(9, ['never read'])],
    ['data/tweets.js', tweets(1, ['Main part'])],
  ]));
  const r = chime(['check', '--format', 'json', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 3, r.err);
  const doc = JSON.parse(r.out);  // the JSON output stays one valid document
  const texts = doc.items.filter((i) => i.result).map((i) => i.id);
  assert.deepEqual(texts, ['10']);  // names over 1024 bytes are not an archive's: skipped
  assert.match(r.err, /data\/tweets-part99999999999\.js: the part number is over 1000000; skipped/);
  assert.doesNotMatch(r.err, /unexpected error/);
});

test('zip: a 20 MB element in tweets.js is skipped, and the next element and part are read', () => {
  const file = path.join(tmp, 'bomb.zip');
  const big = `window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"${'a'.repeat(20 * 1024 * 1024)}"}},` +
              '{"tweet":{"id_str":"2","full_text":"after the big one"}}]';
  fs.writeFileSync(file, makeZip([['data/tweets.js', big], ['data/tweets-part1.js', tweets(3, ['Next part'])]]));
  const r = chime(['check', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 3, r.err);
  assert.deepEqual(errors(r.out).map((e) => e.error.code), ['too_large']);
  assert.match(r.err, /bomb\.zip:data\/tweets\.js:1: this element is over the limit of 1 MiB; skipped/);
  assert.deepEqual(results(r.out).map((i) => i.id), ['2', '30']);
});

test('zip: a member that inflates past 1 GiB is read up to the limit, said so, and the next part is read', async () => {
  // 1 MiB of 1025 MiB of spaces after the first element: about 1 MB packed.
  const member = await deflateMember('window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"before"}}',
                                     Buffer.alloc(1 << 20, 0x20), 1025, ',{"tweet":{"id_str":"2","full_text":"after"}}]');
  assert.ok(member.size > 1024 * 1024 * 1024 && member.packed.length < 4 * 1024 * 1024);
  const file = path.join(tmp, 'inflates.zip');
  fs.writeFileSync(file, makeZip([['data/tweets.js', member], ['data/tweets-part1.js', tweets(3, ['Next part'])]]));
  const r = chime(['check', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 3, r.err);
  assert.match(r.err, /inflates\.zip:data\/tweets\.js:\d+: this member inflates past the limit of 1024 MiB; the rest of it is skipped/);
  assert.deepEqual(results(r.out).map((i) => i.id), ['1', '30']);
});

test('zip: 65,000 tweets members are read one at a time in flat memory', () => {
  const entries = [];
  for (let i = 1; i <= 65000; i++) entries.push([`data/tweets-part${i}.js`, i % 1000 ? `window.YTD.tweets.part${i} = []` : tweets(i, ['x'])]);
  const file = path.join(tmp, 'many.zip');
  fs.writeFileSync(file, makeZip(entries));
  const r = chime(['check', file]);
  assert.equal(r.signal, null, r.err);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(results(r.out).map((i) => i.id), Array.from({ length: 65 }, (_, k) => `${(k + 1) * 1000}0`));
});
