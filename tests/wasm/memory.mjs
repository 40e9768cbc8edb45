// No memory growth across many calls: node tests/wasm/memory.mjs BUILD/wasm CORPUS CALLS
// 1. CALLS analyses cycling through the corpus (with and without context):
//    after warm-up the wasm heap in use must be exactly the same at the end of
//    every cycle, and wasm memory must not grow.
// 2. setConfig (good and failing) between cycles: dlmalloc's count then moves
//    by a few bytes with where objects land, so it must stay within 256 bytes
//    of the warm-up's highest reading; a leak of even 1 byte a cycle would not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from './engine.mjs';

const [wasmDir, corpusFile, callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? 200000);
const texts = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim());
const engine = await loadEngine(wasmDir);
const someRule = engine.rules()[0].id;
const contexts = [undefined, { reply_to: '@pat', in_reply_to_text: 'When is the clinic open?' },
  { thread_index: 1 }, { quote: true }];

function analyses() {
  for (let i = 0; i < texts.length; i++) engine.analyzeJson(texts[i], contexts[i % contexts.length]);
}
function configs() {
  engine.setConfig({ rules: { [someRule]: 'off' }, thresholds: { hashtags: 3 } });
  engine.setConfig('{"rules": {"no.such-rule": "off"}}');  // fails, keeps the previous
  engine.setConfig({});
}

// 1. Analyses only.
for (let i = 0; i < 20; i++) analyses();  // warm-up: ICU caches, buffers at full size
const warm = engine.memoryStats();
const cycles = Math.ceil(calls / texts.length);
for (let i = 0; i < cycles; i++) {
  analyses();
  const now = engine.memoryStats();
  assert.equal(now.heapUsed, warm.heapUsed, `heap changed after ${(i + 1) * texts.length} analyses`);
}
assert.equal(engine.memoryStats().memoryBytes, warm.memoryBytes, 'wasm memory grew');
console.log(`memory: ${cycles * texts.length} analyses, heap in use stays ${warm.heapUsed} bytes, ` +
  `wasm memory stays ${warm.memoryBytes} bytes`);

// 2. With configuration changes.
let highest = 0;
for (let i = 0; i < 20; i++) {
  configs();
  analyses();
  highest = Math.max(highest, engine.memoryStats().heapUsed);
}
const configCycles = Math.max(200, Math.ceil(cycles / 4));
for (let i = 0; i < configCycles; i++) {
  configs();
  analyses();
  const now = engine.memoryStats().heapUsed;
  assert.ok(now <= highest + 256, `heap grew to ${now} bytes (warm-up highest ${highest}) after ${i + 1} setConfig cycles`);
}
assert.equal(engine.memoryStats().memoryBytes, warm.memoryBytes, 'wasm memory grew');
console.log(`memory: ${configCycles * 3} setConfig calls between analyses, heap within 256 bytes of ${highest}`);
