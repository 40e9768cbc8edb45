// Chime's JavaScript interface (docs/wasm.md). Appended by the build to
// Emscripten's glue (which defines ChimeModule), giving one ES module,
// chime.js, beside chime.wasm. No eval, no importScripts, no document: it runs
// in an MV3 module service worker, an offscreen document, a page and Node.
//
//   import Chime from './chime.js';
//   const chime = await Chime.load();            // Node: Chime.load({ wasmBinary })
//   chime.setConfig({ rules: { 'form.exclamations': 'off' } });
//   const result = chime.analyze('Flu shots today! 💉', { reply_to: '@sam' });

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

async function loadBytes(url) {
  if (isNode && url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    return fs.readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Chime: cannot fetch ${url} (${response.status})`);
  return response.arrayBuffer();
}

// Compiles and instantiates chime.wasm with Emscripten's imports. Bytes in
// hand are compiled directly; a URL is streamed where the server allows it.
async function instantiate(options, imports) {
  if (options.wasmModule) {
    return { instance: await WebAssembly.instantiate(options.wasmModule, imports), module: options.wasmModule };
  }
  if (options.wasmBinary) return WebAssembly.instantiate(options.wasmBinary, imports);
  const url = new URL(options.wasmUrl || 'chime.wasm', import.meta.url);
  if (!(isNode && url.protocol === 'file:') && typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(fetch(url), imports);
    } catch (e) {
      // Served without application/wasm: fall back to bytes below.
      if (!(e instanceof TypeError)) throw e;
    }
  }
  return WebAssembly.instantiate(await loadBytes(url), imports);
}

class Chime {
  // options: { wasmUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array,
  //            wasmModule?: WebAssembly.Module, warm?: boolean }
  // warm: run one analysis before resolving, so that core's one-time set-up
  // (data tables, ICU) is paid at load time rather than on the first keystroke.
  static async load(options = {}) {
    // Emscripten waits forever if instantiation fails: race it with the failure.
    let fail;
    const failed = new Promise((_, reject) => { fail = reject; });
    const ready = ChimeModule({
      instantiateWasm(imports, done) {
        instantiate(options, imports).then((r) => done(r.instance, r.module), fail);
        return {};
      },
      print: () => {},
      printErr: (text) => console.warn('chime:', text),
    });
    const module = await Promise.race([ready, failed]);
    const engine = new Chime(module);
    if (options.warm) engine.analyzeJson('Warming up: flu shots today at https://example.org #health 💉');
    return engine;
  }

  constructor(module) {
    this._m = module;
    this._in = 0;      // reusable input buffer in wasm memory
    this._inSize = 0;
  }

  version() {
    return this._read(this._m._chime_version());
  }

  // config: object or JSON text. Parsed once and kept for later analyses; on
  // errors the previous configuration stays.
  setConfig(config) {
    const json = typeof config === 'string' ? config : JSON.stringify(config ?? {});
    const bytes = encoder.encode(json);
    const at = this._reserve(bytes.length);
    this._m.HEAPU8.set(bytes, at);
    const ok = this._m._chime_set_config(at, bytes.length) === 1;
    const errors = JSON.parse(this._read(0));
    return ok ? { ok: true } : { ok: false, errors };
  }

  // The configuration in use, normalised.
  config() {
    return JSON.parse(this._read(this._m._chime_config()));
  }

  // text: a JavaScript string (lone surrogates become U+FFFD and are
  // reported; offsets still match text.slice(start, end)).
  // context: { reply_to, in_reply_to_text, quote, retweet, thread_index };
  // a wrong field throws an Error naming it ("context.quote: must be ...").
  analyzeJson(text, context) {
    text = String(text);
    const contextJson = context == null ? '' : JSON.stringify(context);
    const contextSize = contextJson ? contextJson.length * 3 : 0;
    const at = this._reserve(text.length * 2 + contextSize);
    const heap16 = this._m.HEAPU16;
    const base = at >>> 1;
    for (let i = 0; i < text.length; i++) heap16[base + i] = text.charCodeAt(i);
    const contextAt = at + text.length * 2;
    const written = contextJson
      ? encoder.encodeInto(contextJson, this._m.HEAPU8.subarray(contextAt, contextAt + contextSize)).written
      : 0;
    return this._result(this._m._chime_analyze_utf16(at, text.length, contextAt, written));
  }

  analyze(text, context) {
    return JSON.parse(this.analyzeJson(text, context));
  }

  // bytes: Uint8Array of UTF-8, analysed exactly as the native CLI does
  // (invalid sequences become U+FFFD and are reported in warnings).
  analyzeUtf8Json(bytes, context) {
    const contextJson = context == null ? '' : JSON.stringify(context);
    const contextBytes = encoder.encode(contextJson);
    const at = this._reserve(bytes.length + contextBytes.length);
    this._m.HEAPU8.set(bytes, at);
    this._m.HEAPU8.set(contextBytes, at + bytes.length);
    return this._result(
      this._m._chime_analyze_utf8(at, bytes.length, at + bytes.length, contextBytes.length));
  }

  analyzeUtf8(bytes, context) {
    return JSON.parse(this.analyzeUtf8Json(bytes, context));
  }

  // [{ id, severity, description }] for every rule, in the registry's order;
  // descriptions in lang ('es'; anything else: English).
  rules(lang = 'en') {
    const bytes = encoder.encode(lang === 'es' ? 'es' : 'en');
    const at = this._reserve(bytes.length);
    this._m.HEAPU8.set(bytes, at);
    return JSON.parse(this._read(this._m._chime_rules(at, bytes.length)));
  }

  // Bytes of wasm heap in use and the size of wasm memory (for tests).
  memoryStats() {
    return { heapUsed: this._m._chime_heap_used(), memoryBytes: this._m.HEAPU8.length };
  }

  _result(pointer) {
    const json = this._read(pointer);
    if (json.startsWith('{"error"')) throw new Error('Chime: ' + JSON.parse(json).error);
    return json;
  }

  // The engine's answer buffer as a string (pointer 0: wherever it is now).
  _read(pointer) {
    const size = this._m._chime_output_size();
    if (!pointer) pointer = this._m._chime_output_data();
    return decoder.decode(this._m.HEAPU8.subarray(pointer, pointer + size));
  }

  // A buffer of at least `size` bytes in wasm memory, kept between calls.
  _reserve(size) {
    size = Math.max(size, 1);
    if (size > this._inSize) {
      if (this._in) this._m._free(this._in);
      this._inSize = Math.max(size, 2 * this._inSize, 4096);
      this._in = this._m._malloc(this._inSize);
      if (!this._in) throw new Error('Chime: out of memory');
    }
    return this._in;
  }
}

export { Chime };
export default Chime;
