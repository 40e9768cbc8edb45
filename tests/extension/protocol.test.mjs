// The background's request dispatcher (extension/protocol.js serve()) run in
// a fresh V8 context with a minimal chrome.runtime: a port is connected, kinds
// are posted, answers are read. Unknown kinds, including names every object
// inherits (constructor, __proto__, toString), get unknown_kind and reach no handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = fs.readFileSync(path.join(root, 'extension', 'protocol.js'), 'utf8');

// Loads protocol.js as the browser would (a classic script publishing on
// globalThis), serves `handlers`, and returns send(message) -> answer.
function serveInContext(handlers) {
  const connectListeners = [];
  const chrome = { runtime: { id: 'chime-test', onConnect: { addListener: (f) => connectListeners.push(f) } } };
  const context = vm.createContext({ chrome, performance, setTimeout });
  vm.runInContext(source, context, { filename: 'protocol.js' });
  context.chimeProtocol.serve(handlers);
  assert.equal(connectListeners.length, 1);
  let onMessage = null;
  const answers = [];
  connectListeners[0]({
    name: 'chime',
    sender: { id: 'chime-test' },
    onMessage: { addListener: (f) => { onMessage = f; } },
    postMessage: (m) => answers.push(m),
  });
  return async (message) => {
    const before = answers.length;
    await onMessage(message);
    assert.equal(answers.length, before + 1, 'one answer per request');
    return answers.at(-1);
  };
}

test('a known kind reaches its handler', async () => {
  const calls = [];
  const send = serveInContext({ async analyze(m) { calls.push(m.text); return { ok: true, echoed: m.text }; } });
  const reply = await send({ id: 7, kind: 'analyze', text: 'hi' });
  assert.deepEqual({ ...reply, answer: { ...reply.answer } }, { id: 7, answer: { ok: true, echoed: 'hi' } });
  assert.deepEqual(calls, ['hi']);
});

test('unknown kinds, inherited names included, are refused with unknown_kind', async () => {
  const calls = [];
  const send = serveInContext({ async analyze() { calls.push('analyze'); return { ok: true }; } });
  const kinds = ['fly', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
                 'isPrototypeOf', '', undefined, null, 42, ['analyze'], { toString: () => 'analyze' }];
  for (const [i, kind] of kinds.entries()) {
    const reply = await send({ id: i, kind });
    assert.equal(reply.id, i);
    assert.equal(reply.answer.ok, false, `kind ${String(kind)}: ${JSON.stringify(reply.answer)}`);
    assert.equal(reply.answer.error.code, 'unknown_kind', `kind ${String(kind)}`);
    assert.match(reply.answer.error.message, /^unknown request /);
  }
  assert.deepEqual(calls, [], 'no handler ran');
});

test('a message without a kind, or null, is refused too', async () => {
  const send = serveInContext({ async analyze() { return { ok: true }; } });
  assert.deepEqual((await send({ id: 1 })).answer.error.code, 'unknown_kind');
  const reply = await send(null);
  assert.equal(reply.id, undefined);
  assert.equal(reply.answer.error.code, 'unknown_kind');
});
