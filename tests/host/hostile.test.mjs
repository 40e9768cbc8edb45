// The native host on hostile requests (issue 14): each case crashed, blew up
// or broke the browsers' 1 MiB reply limit before. Memory is bounded with
// `ulimit -v`; nothing here times anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frame, runHost } from './framing.mjs';

const MEMORY_KB = 400 * 1024;
// Under a sanitizer build (CHIME_SANITIZED) the bound is ASan's largest
// allocation: its shadow memory needs far more address space than ulimit -v allows.
const limited = (kb = MEMORY_KB) => (process.env.CHIME_SANITIZED === '1'
  ? `export ASAN_OPTIONS=max_allocation_size_mb=${Math.floor(kb / 1024)}:allocator_may_return_null=0; exec "$@"`
  : `ulimit -v ${kb}; exec "$@"`);
const MIB = 1024 * 1024;
const deep = (levels) => '['.repeat(levels) + ']'.repeat(levels);

test('deeply nested JSON in config or in an item is refused, and the host keeps serving', async () => {
  const { replies, code, stderr } = await runHost(Buffer.concat([
    frame(`{"id":1,"type":"analyze","text":"hi","config":{"x":${deep(100000)}}}`),
    frame(`{"id":2,"type":"check","items":[{"text":"a","context":${deep(100000)}}]}`),
    frame(`{"id":3,"type":"analyze","text":"hi","context":${deep(100000)}}`),
    frame({ id: 4, type: 'hello' }),
  ]), { shell: limited() });
  assert.equal(code, 0, stderr);
  assert.equal(replies.length, 4, JSON.stringify(replies));
  for (const [i, reply] of replies.slice(0, 3).entries()) {
    assert.equal(reply.id, null);  // refused before the id was read
    assert.equal(reply.ok, false);
    assert.equal(reply.error.code, 'too_large', `request ${i + 1}`);
    assert.match(reply.error.message, /nested deeper than 256/);
  }
  assert.equal(replies[3].ok, true);
});

test('a configuration list of 50,000 items is refused for its size alone, and again from the cache', async () => {
  const config = { organization: { names: Array(50000).fill('') } };
  const { replies } = await runHost(Buffer.concat([
    frame({ id: 1, type: 'analyze', text: 'hi', config }),
    frame({ id: 2, type: 'analyze', text: 'hi', config }),
  ]), { shell: limited() });
  assert.equal(replies.length, 2);
  for (const reply of replies) {
    assert.equal(reply.error.code, 'bad_config');
    // One error for the list; its 50,000 empty items are never looked at.
    assert.equal(reply.error.message, 'config.organization.names: must have at most 500 items');
  }
});

test('an analyze text over 256 KiB is refused with too_large', async () => {
  const { replies } = await runHost(frame({ id: 1, type: 'analyze', text: 'a'.repeat(300 * 1024) }));
  assert.equal(replies[0].error.code, 'too_large');
  assert.match(replies[0].error.message, /256 KiB/);
});

test('a summary over 1 MiB is trimmed, says so, and every frame stays under 1 MiB', async () => {
  // 30,000 distinct months: the summary's trend alone would be about 1.5 MB.
  const items = [];
  for (let i = 0; i < 30000; i++) {
    const year = 1970 + Math.floor(i / 12), month = String(i % 12 + 1).padStart(2, '0');
    items.push({ text: 'Flu shots', created_at: `${year}-${month}-01` });
  }
  const { replies, sizes } = await runHost(frame({ id: 5, type: 'check', items }));
  for (const size of sizes) assert.ok(size < MIB, `a frame of ${size} bytes`);
  const last = replies.at(-1);
  assert.equal(last.done, true);
  assert.equal(last.progress.done, 30000);
  assert.match(last.summary_trimmed, /trend keeps its latest months/);
  assert.ok(last.summary.trend.length > 1000 && last.summary.trend.length < 30000, String(last.summary.trend.length));
  assert.equal(last.summary.trend.at(-1).month, '4469-12');  // the latest months are kept
  assert.equal(replies.reduce((n, r) => n + (r.results?.length ?? 0), 0), 30000);
});

test('a check over a 16 MiB list of empty items holds a bounded multiple of the request', async () => {
  const count = Math.floor(16 * MIB / 3);
  const body = Buffer.from(`{"id":6,"type":"check","items":[${'{},'.repeat(count - 1)}{}]}`);
  // Twice the request plus chime's own mappings; the old whole-document parse
  // needed about 23 bytes per request byte (370 MB here).
  const { replies, code, stderr } = await runHost(Buffer.concat([frame(body), frame({ id: 7, type: 'hello' })]),
                                                  { shell: limited(MEMORY_KB - 100 * 1024) });
  assert.equal(code, 0, stderr);
  const last = replies.find((r) => r.id === 6 && r.done);
  assert.ok(last, JSON.stringify(replies.at(-1)).slice(0, 300));
  assert.equal(last.progress.total, count);
  assert.equal(last.errors_total, count);
  assert.equal(last.errors.length, 1000);
  assert.equal(replies.at(-1).id, 7);
});
