// Drives `chime` as a native-messaging host through a pipe, the way a browser
// does: 4-byte native-endian length + UTF-8 JSON, both ways. Every reply is
// checked, for good requests and for malformed frames alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ORIGIN, LE, header, frame, runHost } from './framing.mjs';

function assertError(reply, id, code) {
  assert.equal(reply.ok, false, JSON.stringify(reply));
  assert.deepEqual(reply.id, id);
  assert.equal(reply.error.code, code, JSON.stringify(reply));
  assert.equal(typeof reply.error.message, 'string');
  assert.ok(reply.error.message.length > 10, reply.error.message);
}

test('hello answers with the version, the schema and the limits', async () => {
  const { replies, code } = await runHost(frame({ id: 1, type: 'hello' }));
  assert.equal(code, 0);
  assert.equal(replies.length, 1);
  const [r] = replies;
  assert.equal(r.id, 1);
  assert.equal(r.ok, true);
  assert.match(r.version, /^\d+\.\d+\.\d+$/);
  assert.equal(r.schema, 'chime.result/1');
  assert.deepEqual(r.limits, { max_request_bytes: 64 * 1024 * 1024, max_reply_bytes: 1024 * 1024 });
});

test('analyze returns the Result, echoing string ids', async () => {
  const long = 'a'.repeat(300);
  const { replies, code } = await runHost(Buffer.concat([
    frame({ id: 'a1', type: 'analyze', text: 'Hello world #hcsm' }),
    frame({ id: 'a2', type: 'analyze', text: long, context: { reply_to: '@pat' } }),
  ]));
  assert.equal(code, 0);
  assert.equal(replies.length, 2);
  const [a, b] = replies;
  assert.equal(a.id, 'a1');
  assert.equal(a.ok, true);
  assert.equal(a.result.schema, 'chime.result/1');
  assert.equal(a.result.length.weighted, 17);
  assert.equal(a.result.length.valid, true);
  assert.deepEqual(a.result.entities.hashtags, [{ text: 'hcsm', start: 12, end: 17 }]);
  assert.ok(Array.isArray(a.result.hints));
  assert.equal(b.id, 'a2');
  assert.equal(b.result.length.weighted, 300);
  assert.equal(b.result.length.valid, false);
  const over = b.result.hints.find((h) => h.rule === 'length.over');
  assert.ok(over, 'length.over hint');
  assert.equal(over.severity, 'error');
  assert.equal(over.start, 280);
  assert.equal(over.end, 300);
});

test('malformed requests get ok:false with the right code, and the host keeps serving', async () => {
  const input = Buffer.concat([
    frame('{"id": 1, "type": "hello"'),                      // bad JSON (cut short)
    frame(Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),  // {"id":"\xff\xfe"}
    frame('[1, 2, 3]'),                                     // not an object
    frame(''),                                              // empty body
    frame({ id: 2 }),                                       // no type
    frame({ id: 3, type: 7 }),                              // type of the wrong type
    frame({ id: 4, type: 'fly' }),                          // unknown type
    frame({ id: { x: 1 }, type: 'hello' }),                 // id of the wrong type
    frame({ id: 5, type: 'analyze', text: 42 }),            // text of the wrong type
    frame({ id: 6, type: 'analyze' }),                      // text missing
    frame({ id: 7, type: 'analyze', text: 'hi', context: { quote: 'yes' } }),  // context wrong type
    frame({ id: 8, type: 'analyze', text: 'hi', config: 5 }),                  // config not an object
    frame({ id: 9, type: 'check', items: 'nope' }),         // items not an array
    frame({ id: 10, type: 'check' }),                       // neither items nor file
    frame({ id: 11, type: 'check', file: { name: 'a.csv', content: 3 } }),  // file content wrong type
    frame({ id: 12, type: 'hello' }),                       // still serving
  ]);
  const { replies, code } = await runHost(input);
  assert.equal(code, 0);
  assert.equal(replies.length, 16);
  assertError(replies[0], null, 'bad_json');
  assertError(replies[1], null, 'bad_utf8');
  assertError(replies[2], null, 'bad_request');
  assertError(replies[3], null, 'bad_json');
  assertError(replies[4], 2, 'bad_request');
  assert.match(replies[4].error.message, /type/);
  assertError(replies[5], 3, 'bad_request');
  assertError(replies[6], 4, 'unknown_type');
  assert.match(replies[6].error.message, /fly/);
  assertError(replies[7], null, 'bad_request');
  assert.match(replies[7].error.message, /^id/);
  assertError(replies[8], 5, 'bad_request');
  assert.match(replies[8].error.message, /^text/);
  assertError(replies[9], 6, 'bad_request');
  assertError(replies[10], 7, 'bad_request');
  assert.match(replies[10].error.message, /context\.quote/);
  assertError(replies[11], 8, 'bad_config');
  assertError(replies[12], 9, 'bad_request');
  assert.match(replies[12].error.message, /items/);
  assertError(replies[13], 10, 'bad_request');
  assertError(replies[14], 11, 'bad_request');
  assert.match(replies[14].error.message, /file/);
  assert.equal(replies[15].id, 12);
  assert.equal(replies[15].ok, true);
  assert.equal(replies[15].schema, 'chime.result/1');
});

test('an over-limit length is refused, its body skipped, and the next frame served', async () => {
  const big = JSON.stringify({ id: 1, type: 'analyze', text: 'x'.repeat(2000) });
  const { replies, code } = await runHost(Buffer.concat([frame(big), frame({ id: 2, type: 'hello' })]),
                                          { args: [ORIGIN, '--max-request-bytes', '1000'] });
  assert.equal(code, 0);
  assert.equal(replies.length, 2);
  assertError(replies[0], null, 'too_large');
  assert.match(replies[0].error.message, new RegExp(`${Buffer.byteLength(big)} bytes.*1000`));
  assert.equal(replies[1].id, 2);
  assert.equal(replies[1].limits.max_request_bytes, 1000);
});

test('a 4 GiB length prefix is refused without allocating it', async () => {
  // Address space capped at 512 MiB: allocating the announced body would abort.
  // A sanitizer build (CHIME_SANITIZED, tests/native.cmake) reserves terabytes
  // of shadow address space, so there ASan caps one allocation at 512 MiB instead.
  const cap = process.env.CHIME_SANITIZED === '1' ? 'export ASAN_OPTIONS=max_allocation_size_mb=512:allocator_may_return_null=0'
                                          : 'ulimit -v 524288';
  const { replies, code } = await runHost(Buffer.concat([header(0xfffffff0), Buffer.from('{"id":1}')]),
                                          { shell: `${cap} && exec "$@"`, args: [ORIGIN] });
  assert.equal(code, 0);
  assert.equal(replies.length, 1);
  assertError(replies[0], null, 'too_large');
});

test('a truncated header at the end of input is answered, then a clean exit', async () => {
  const { replies, code } = await runHost(Buffer.concat([frame({ id: 1, type: 'hello' }), Buffer.from([5, 0])]));
  assert.equal(code, 0);
  assert.equal(replies.length, 2);
  assert.equal(replies[0].ok, true);
  assertError(replies[1], null, 'bad_request');
  assert.match(replies[1].error.message, /length/);
});

test('a truncated body at the end of input is answered, then a clean exit', async () => {
  const { replies, code } = await runHost(Buffer.concat([header(100), Buffer.from('{"id":1,"type"')]));
  assert.equal(code, 0);
  assert.equal(replies.length, 1);
  assertError(replies[0], null, 'bad_request');
  assert.match(replies[0].error.message, /100 bytes/);
});

test('a length under the limit with a short body costs what arrived, not the length announced', async () => {
  // Found by the host fuzzer: a 60 MiB header before 14 bytes made the host
  // allocate and zero 60 MiB. With 64 MiB of address space in all (chime's
  // own mappings take under 32), the old read aborted; now a piece at a time.
  const cap = process.env.CHIME_SANITIZED === '1' ? 'export ASAN_OPTIONS=max_allocation_size_mb=8:allocator_may_return_null=0'
                                                  : 'ulimit -v 65536';
  const { replies, code } = await runHost(Buffer.concat([header(60 * 1024 * 1024), Buffer.from('{"id":1,"type"')]),
                                          { shell: `${cap} && exec "$@"`, args: [ORIGIN] });
  assert.equal(code, 0);
  assert.equal(replies.length, 1);
  assertError(replies[0], null, 'bad_request');
  assert.match(replies[0].error.message, /62914560 bytes/);
});

test('no input at all ends the host cleanly with no reply', async () => {
  const { replies, code } = await runHost(Buffer.alloc(0));
  assert.equal(code, 0);
  assert.equal(replies.length, 0);
});

test('check over items: results in order, bad items reported, then the summary', async () => {
  const items = [
    { id: '1050118621198921728', text: 'How do you manage stress? #mhsm', created_at: '2018-10-10T20:19:24Z' },
    { id: 'x', body: 'no text here' },
    { id: 'b', text: 'RT @cdc: Wash your hands.' },
    'A bare string is a text too',
  ];
  const { replies, code } = await runHost(frame({ id: 7, type: 'check', items }));
  assert.equal(code, 0);
  assert.equal(replies.length, 2);
  const [results, done] = replies;
  assert.equal(results.id, 7);
  assert.equal(results.ok, true);
  assert.equal(results.done, false);
  assert.deepEqual(results.results.map((r) => [r.id, r.index]), [['1050118621198921728', 0], ['b', 2], [null, 3]]);
  for (const r of results.results) assert.equal(r.result.schema, 'chime.result/1');
  assert.equal(results.results[0].result.entities.hashtags[0].text, 'mhsm');
  assert.deepEqual(results.progress, { done: 3, total: 4 });
  assert.equal(done.id, 7);
  assert.equal(done.ok, true);
  assert.equal(done.done, true);
  assert.equal(done.summary.posts, 3);
  assert.equal(done.summary.retweets, 1);
  assert.equal(done.summary.period.first, '2018-10-10');
  assert.equal(done.errors_total, 1);
  assert.equal(done.errors.length, 1);
  assert.equal(done.errors[0].index, 1);
  assert.equal(done.errors[0].code, 'bad_item');  // one item's problem, as the CLI names it
  assert.match(done.errors[0].message, /items\[1\].*text/);
});

test('a large check streams several frames, each under 1 MiB', async () => {
  // Each text carries 5,000 mentions: every Result is ~200 KB, so ten of them
  // cannot share one frame.
  const text = Array.from({ length: 5000 }, (_, i) => `@u${i}`).join(' ');
  const items = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, text }));
  const { replies, sizes, code } = await runHost(frame({ id: 'big', type: 'check', items }));
  assert.equal(code, 0);
  assert.ok(replies.length >= 4, `${replies.length} frames`);
  for (const n of sizes) assert.ok(n < 1024 * 1024, `frame of ${n} bytes`);
  const streamed = replies.slice(0, -1);
  assert.ok(streamed.every((r) => r.id === 'big' && r.ok === true && r.done === false));
  assert.deepEqual(streamed.flatMap((r) => r.results.map((x) => x.id)), items.map((i) => i.id));
  assert.equal(streamed.at(-1).progress.done, 10);
  for (const r of streamed) assert.equal(r.results[0].result.entities.mentions.length, 5000);
  const done = replies.at(-1);
  assert.equal(done.done, true);
  assert.equal(done.summary.posts, 10);
  assert.deepEqual(done.errors, []);
});

test('check over a CSV file: quoted fields, embedded newlines, bad rows with their line', async () => {
  const content = 'id,created_at,text\n' +
    '1,2024-03-01,"Line one\nline two, with ""quotes"""\n' +
    '2,2024-03-02\n' +
    '3,2024-03-09,Plain text\n';
  const { replies, code } = await runHost(frame({ id: 3, type: 'check', file: { name: 'cal.csv', content } }));
  assert.equal(code, 0);
  assert.equal(replies.length, 2);
  const [results, done] = replies;
  assert.deepEqual(results.results.map((r) => [r.id, r.line]), [['1', 2], ['3', 5]]);
  // "Line one\nline two, with "quotes"" is 32 characters.
  assert.equal(results.results[0].result.length.weighted, 32);
  assert.deepEqual(results.progress, { done: 2, total: 2 });
  assert.equal(done.summary.posts, 2);
  assert.equal(done.summary.period.days, 9);
  assert.equal(done.errors.length, 1);
  assert.equal(done.errors[0].line, 4);
  assert.equal(done.errors[0].code, 'bad_csv');
});

test('check over a tweets.js file from a Twitter archive', async () => {
  // The reply answers a tweet posted an hour before it (times from the ids).
  const answered = (BigInt('1050118621198921729') - (3600000n << 22n)).toString();
  const content = 'window.YTD.tweets.part0 = [\n' + JSON.stringify([
    { tweet: { id_str: '1050118621198921728', full_text: 'How can we help? #hcsm', created_at: 'Wed Oct 10 20:19:24 +0000 2018' } },
    { tweet: { id_str: '1050118621198921729', full_text: '@pat Sorry to hear that, please DM us.',
               in_reply_to_status_id_str: answered, in_reply_to_screen_name: 'pat',
               created_at: 'Wed Oct 10 20:19:24 +0000 2018' } },
    { tweet: { id_str: '3', full_text: 42 } },
  ], null, 2).slice(1);
  const { replies, code } = await runHost(frame({ id: 4, type: 'check', file: { name: 'tweets.js', content } }));
  assert.equal(code, 0);
  const [results, done] = replies;
  assert.deepEqual(results.results.map((r) => r.id), ['1050118621198921728', '1050118621198921729']);
  assert.equal(results.results[1].result.entities.mentions[0].text, 'pat');
  assert.equal(done.summary.counts.replies, 1);
  assert.equal(done.summary.reply_time.timed_replies, 1);
  assert.ok(Math.abs(done.summary.reply_time.median_seconds - 3600) < 3600 * 0.032);
  assert.equal(done.errors.length, 1);
  assert.equal(done.errors[0].code, 'bad_item');
  assert.match(done.errors[0].message, /full_text/);
});

// A JSON Lines file with a bad reply context (line 2), a line that is not
// JSON (line 3) and good posts, one with characters JSON and CSV escape.
const MIXED = [
  '{"id":"1","text":"Flu shots are free this week. Where do you get yours?"}',
  '{"id":"2","text":"Sorry to hear that, please DM us.","context":{"quote":"yes"}}',
  '{"id":"3","text":"broken',
  '{"id":"4","text":"Two lines,\\nwith \\"quotes\\", a <tag> and 😀"}',
].join('\n') + '\n';

function cliCheck(name, content, format) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-host-'));
  fs.writeFileSync(path.join(dir, name), content);
  const r = spawnSync(process.env.CHIME_BIN, ['check', '--format', format, name], { cwd: dir, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.stdout;
}

test('a bad context is bad_item from the host as from the CLI', async () => {
  const { replies } = await runHost(frame({ id: 1, type: 'check', file: { name: 'mixed.jsonl', content: MIXED } }));
  const done = replies.at(-1);
  assert.deepEqual(done.errors.map((e) => [e.line, e.code]), [[2, 'bad_item'], [3, 'bad_json']]);
  assert.match(done.errors[0].message, /context\.quote/);
  const cli = cliCheck('mixed.jsonl', MIXED, 'ndjson').trim().split('\n').map((l) => JSON.parse(l)).filter((o) => o.error);
  assert.deepEqual(cli.map((o) => [o.line, o.error.code, o.error.message]),
                   done.errors.map((e) => [e.line, e.code, e.message]));
});

test('check with lines: each result carries the CSV row and NDJSON line chime check writes for it', async () => {
  const { replies } = await runHost(frame({ id: 2, type: 'check', lines: true, file: { name: 'mixed.jsonl', content: MIXED } }));
  const results = replies.filter((r) => !r.done).flatMap((r) => r.results);
  const done = replies.at(-1);
  assert.equal(results.length, 3);
  assert.equal(done.csv_header + results.map((r) => r.csv).join(''), cliCheck('mixed.jsonl', MIXED, 'csv'));
  // In input order, an error before the post read from its line.
  const lines = [...done.errors.map((e) => [e.line, 0, e.ndjson]), ...results.map((r) => [r.line, 1, r.ndjson])]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((l) => l[2]);
  assert.equal(lines.join(''), cliCheck('mixed.jsonl', MIXED, 'ndjson'));
  // Without lines (and for items) the frames stay as they were.
  const plain = await runHost(frame({ id: 3, type: 'check', file: { name: 'mixed.jsonl', content: MIXED } }));
  assert.equal(plain.replies[0].results[0].csv, undefined);
  assert.equal(plain.replies.at(-1).csv_header, undefined);
  const items = await runHost(frame({ id: 4, type: 'check', lines: true, items: ['hi'] }));
  assert.equal(items.replies[0].error.code, 'bad_request');
  assert.match(items.replies[0].error.message, /^lines: only for a check of a "file"/);
  const wrong = await runHost(frame({ id: 5, type: 'check', lines: 'yes', file: { name: 'a.txt', content: 'hi\n' } }));
  assert.equal(wrong.replies[0].error.code, 'bad_request');
});

test('callers other than Chime are refused', async () => {
  const { replies, code, stderr } = await runHost(frame({ id: 1, type: 'hello' }),
                                                   { args: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] });
  assert.equal(code, 1);
  assert.equal(replies.length, 1);
  assertError(replies[0], null, 'forbidden');
  assert.match(stderr, /kkkfifglcgnhgagiogkeliijainjgpfh/);
  const firefox = await runHost(frame({ id: 1, type: 'hello' }), { args: ['/x/com.chime.host.json', 'evil@example.com'] });
  assert.equal(firefox.code, 1);
  assertError(firefox.replies[0], null, 'forbidden');
});

test('Firefox starts the host with the manifest path and the extension id', async () => {
  const { replies, code } = await runHost(frame({ id: 1, type: 'hello' }),
                                          { args: ['/home/u/.mozilla/native-messaging-hosts/com.chime.host.json', 'chime@chime.invalid'] });
  assert.equal(code, 0);
  assert.equal(replies[0].ok, true);
});
