// The JavaScript interface of the wasm engine (docs/wasm.md), in Node:
//   node tests/wasm/api.mjs BUILD/wasm
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importChime, loadEngine } from './engine.mjs';

const wasmDir = process.argv[2];
const Chime = await importChime(wasmDir);
const engine = await loadEngine(wasmDir);
let checks = 0;
const check = (name, fn) => { fn(); checks++; console.log(`ok - ${name}`); };

check('version', () => assert.equal(engine.version(), '0.1.0'));

check('offsets are UTF-16 and match text.slice', () => {
  const text = '👩🏽‍⚕️ Flu shots at mercyhealth.org today! #FluSeason 💉 @CDCgov $HCA';
  const r = engine.analyze(text);
  assert.equal(r.schema, 'chime.result/1');
  assert.equal(text.slice(r.entities.urls[0].start, r.entities.urls[0].end), 'mercyhealth.org');
  assert.equal(text.slice(r.entities.hashtags[0].start, r.entities.hashtags[0].end), '#FluSeason');
  assert.equal(text.slice(r.entities.mentions[0].start, r.entities.mentions[0].end), '@CDCgov');
  assert.equal(text.slice(r.entities.cashtags[0].start, r.entities.cashtags[0].end), '$HCA');
  for (const h of r.hints) assert.ok(0 <= h.start && h.start <= h.end && h.end <= text.length, h.rule);
});

check('analyzeJson is the JSON of analyze', () => {
  const text = 'Thank you, nurses! ❤️';
  assert.deepEqual(JSON.parse(engine.analyzeJson(text)), engine.analyze(text));
});

check('lone surrogates become U+FFFD, are reported, and keep offsets', () => {
  const text = 'Flu \uD800 shots #today \uDC00';
  const r = engine.analyze(text);
  assert.ok(r.warnings.some((w) => /surrogate/.test(w)), JSON.stringify(r.warnings));
  assert.equal(text.slice(r.entities.hashtags[0].start, r.entities.hashtags[0].end), '#today');
});

check('analyzeUtf8 follows the native UTF-8 path', () => {
  const text = 'Get your flu shot this Saturday. Questions? 💉';
  assert.equal(engine.analyzeUtf8Json(new TextEncoder().encode(text)), engine.analyzeJson(text));
  const bad = engine.analyzeUtf8(new Uint8Array([0x61, 0xff, 0x62]));
  assert.ok(bad.warnings.some((w) => /UTF-8/.test(w)), JSON.stringify(bad.warnings));
  assert.equal(bad.length.valid_end, 3);  // a, U+FFFD, b
});

check('context changes the analysis and bad context throws', () => {
  const text = "We're sorry about the wait. Please DM us your details.";
  const alone = engine.analyzeJson(text);
  const reply = engine.analyzeJson(text, { reply_to: '@pat', in_reply_to_text: 'Waited 3 hours!' });
  assert.notEqual(alone, reply);
  assert.throws(() => engine.analyze(text, { quote: 'yes' }), /context\.quote/);
});

check('rules() lists the registry', () => {
  const rules = engine.rules();
  assert.ok(rules.length > 0);
  const ids = new Set(rules.map((r) => r.id));
  assert.equal(ids.size, rules.length, 'unique ids');
  for (const r of rules) {
    assert.match(r.id, /^[a-z]+\.[a-z0-9-]+$/);
    assert.ok(['good', 'tip', 'warning', 'error'].includes(r.severity), r.severity);
    assert.equal(typeof r.description, 'string');
    assert.ok(r.description.length > 0);
  }
  for (const h of engine.analyze('BEST hospital EVER!!! Book now!!! #a #b #c #d #e').hints) {
    assert.ok(ids.has(h.rule), h.rule);
  }
});

check('rules(lang) describes every rule in that language; anything but es is English', () => {
  const privacy = (rules) => rules.find((r) => r.id === 'care.patient-privacy').description;
  const en = engine.rules('en');
  const es = engine.rules('es');
  assert.deepEqual(engine.rules(), en);
  assert.deepEqual(engine.rules('fr'), en);
  assert.deepEqual(es.map((r) => [r.id, r.severity]), en.map((r) => [r.id, r.severity]));
  assert.match(privacy(en), /^May identify a patient/);
  assert.match(privacy(es), /^Puede identificar a un paciente/);
  for (let i = 0; i < en.length; i++) assert.notEqual(es[i].description, en[i].description, en[i].id);
});

check('setConfig is kept across calls; a failed setConfig keeps the previous one', () => {
  const text = 'BEST hospital EVER!!! Book now!!! #a #b #c #d #e';
  const before = engine.analyze(text);
  assert.ok(before.hints.length > 0, 'the text draws hints');
  const rule = before.hints[0].rule;
  assert.deepEqual(engine.setConfig({ rules: { [rule]: 'off' } }), { ok: true });
  const configured = engine.config();
  for (let i = 0; i < 3; i++) assert.ok(!engine.analyze(text).hints.some((h) => h.rule === rule));

  const failed = engine.setConfig('{"rules": {"no.such-rule": "off"}, "thresholds": {"hashtags": "x"}}');
  assert.equal(failed.ok, false);
  assert.ok(failed.errors.length >= 1);
  for (const e of failed.errors) {
    assert.equal(typeof e.path, 'string');
    assert.equal(typeof e.message, 'string');
  }
  assert.ok(failed.errors.some((e) => e.path.startsWith('rules')), JSON.stringify(failed.errors));
  assert.deepEqual(engine.config(), configured);
  assert.ok(!engine.analyze(text).hints.some((h) => h.rule === rule));

  assert.equal(engine.setConfig('not json').ok, false);
  assert.deepEqual(engine.setConfig({}), { ok: true });
  assert.deepEqual(engine.analyze(text), before);
});

check('long and empty texts', () => {
  const long = 'Vaccines work. '.repeat(2000);
  const r = engine.analyze(long);
  assert.equal(r.length.valid, false);
  const empty = engine.analyze('');
  assert.equal(empty.length.weighted, 0);
});

// Loading: by URL, from bytes, and failing loudly on bad bytes.
const wasmPath = path.join(wasmDir, 'chime.wasm');
const byUrl = await Chime.load({ wasmUrl: pathToFileURL(wasmPath) });
check('load({ wasmUrl }) in Node', () => assert.equal(byUrl.version(), '0.1.0'));
const byModule = await Chime.load({ wasmModule: await WebAssembly.compile(await readFile(wasmPath)) });
check('load({ wasmModule })', () => assert.equal(byModule.analyzeJson('Hi'), engine.analyzeJson('Hi')));
await assert.rejects(Chime.load({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }));
console.log('ok - load() rejects bad bytes');
console.log(`api: ${checks + 3} checks passed`);
