// Parity: the native CLI and the wasm engine must give identical Result JSON.
//   node tests/wasm/parity.mjs BUILD/wasm NATIVE_CHIME FILE...
// Each FILE goes through `chime check --format ndjson` and, line by line,
// through the wasm engine in Node:
//   .txt    one post a line, as raw bytes: analyzeUtf8Json (the native UTF-8
//           path, so invalid UTF-8 is reported the same way), and for valid
//           UTF-8 lines also analyzeJson on the decoded JavaScript string;
//   .jsonl  {"text", "context"} a line: analyzeJson(text, context); where the
//           CLI reports a bad context, the engine must throw the same message;
//   .tsv    a header naming a `text` column, then a post a line (tabs only,
//           no quoting: tests/devset/lang.tsv): its texts as a .jsonl file,
//           a text that starts "RT @" with the context {"retweet": true}
//           that the CLI's readers give it (native/readers.cpp), so that
//           the engine is handed the same;
//   examples/*.tsv  the rule examples (tests/examples/: "# " comments, then
//           rule, expect, text and an optional context JSON a line): their
//           texts and contexts as a .jsonl file, with the readers'
//           retweet as above where the context does not say.
// The Result part of each ndjson line is compared as raw text, byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from './engine.mjs';

const [wasmDir, chime, ...given] = process.argv.slice(2);
if (!chime || given.length === 0) {
  console.error('usage: node parity.mjs BUILD/wasm NATIVE_CHIME FILE...');
  process.exit(2);
}
// A text and its context as the CLI's readers hand them to the analyser
// (native/readers.cpp): a text that starts "RT @" is a retweet unless its
// context says otherwise.
function readerItem(text, context) {
  if (!text.startsWith('RT @') || context?.retweet !== undefined) return context ? { text, context } : { text };
  return { text, context: { ...context, retweet: true } };
}
// A .tsv file's texts as JSON Lines, in a temporary folder.
function tsvAsJsonl(file) {
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const column = header.split('\t').indexOf('text');
  if (column < 0) throw new Error(`${file}:1: no \`text\` column in the header`);
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'chime-parity-')), `${path.basename(file, '.tsv')}.jsonl`);
  writeFileSync(out, rows.map((row) => JSON.stringify(readerItem(row.split('\t')[column]))).join('\n') + '\n');
  return out;
}
// A rule-examples table's texts and contexts as JSON Lines.
function examplesAsJsonl(file) {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('# ') && l !== '#');
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'chime-parity-')), `${path.basename(file, '.tsv')}.jsonl`);
  const item = (fields) => readerItem(fields[2], fields[3] ? JSON.parse(fields[3]) : undefined);
  writeFileSync(out, rows.map((row) => JSON.stringify(item(row.split('\t')))).join('\n') + '\n');
  return out;
}
const isExamples = (file) => path.basename(path.dirname(file)) === 'examples' && file.endsWith('.tsv');
const files = given.map((file) => (isExamples(file) ? examplesAsJsonl(file) : file.endsWith('.tsv') ? tsvAsJsonl(file) : file));
process.on('exit', () => {
  for (const file of files) if (!given.includes(file)) rmSync(path.dirname(file), { recursive: true, force: true });
});
const engine = await loadEngine(wasmDir);
// ignoreBOM: keep a leading U+FEFF, as the CLI does for a line.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
let compared = 0;
let viaBytes = 0;
let viaStrings = 0;
const failures = [];

function nativeRun(file) {
  const run = spawnSync(chime, ['check', '--format', 'ndjson', '--no-progress', file],
    { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.error) throw new Error(`cannot run ${chime}: ${run.error.message}`);
  if (![0, 3].includes(run.status)) {  // 3: some input reported (bad UTF-8, bad context)
    throw new Error(`${chime} check ${file} exited ${run.status}:\n${run.stderr}`);
  }
  const results = new Map();  // line number -> raw Result JSON text
  const errors = new Map();   // line number -> [messages]
  for (const line of run.stdout.split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line);
    if (record.result) {
      const at = line.indexOf(',"result":');
      if (at < 0 || !line.endsWith('}')) throw new Error(`unexpected ndjson line: ${line.slice(0, 200)}`);
      results.set(record.line, line.slice(at + ',"result":'.length, -1));
    } else if (record.error && record.line != null) {
      if (!errors.has(record.line)) errors.set(record.line, []);
      errors.get(record.line).push(record.error);
    }
  }
  return { results, errors };
}

function compare(file, lineNumber, how, expected, actual) {
  compared++;
  if (expected !== actual) failures.push({ file, line: lineNumber, how, expected, actual });
}

function splitLines(bytes) {
  const lines = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i > start || i < bytes.length) lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

for (const file of files) {
  const { results, errors } = nativeRun(file);
  const lines = splitLines(readFileSync(file));
  let posts = 0;
  lines.forEach((bytes, index) => {
    const lineNumber = index + 1;
    const isJsonl = file.endsWith('.jsonl');
    const blank = bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
    if (blank) return;
    posts++;
    const expected = results.get(lineNumber);
    if (expected === undefined) {
      failures.push({ file, line: lineNumber, how: 'native', expected: '(a result)', actual: '(none)' });
      return;
    }
    if (isJsonl) {
      const item = JSON.parse(Buffer.from(bytes).toString('utf8'));
      const contextErrors = (errors.get(lineNumber) || []).filter((e) => e.code === 'bad_item');
      if (contextErrors.length > 0) {
        let thrown = '(no error)';
        try { engine.analyzeJson(item.text, item.context); } catch (e) { thrown = e.message; }
        compare(file, lineNumber, 'bad context', 'Chime: ' + contextErrors.map((e) => e.message).join('; '), thrown);
        return;
      }
      compare(file, lineNumber, 'JS string', expected, engine.analyzeJson(item.text, item.context));
      viaStrings++;
      return;
    }
    compare(file, lineNumber, 'UTF-8 bytes', expected, engine.analyzeUtf8Json(bytes));
    viaBytes++;
    let text = null;
    try { text = strict.decode(bytes); } catch { /* invalid UTF-8: bytes path only */ }
    if (text !== null) {
      compare(file, lineNumber, 'JS string', expected, engine.analyzeJson(text));
      viaStrings++;
    }
  });
  if (results.size !== posts) {
    failures.push({ file, line: 0, how: 'count', expected: `${posts} results`, actual: `${results.size}` });
  }
  console.log(`${file}: ${posts} posts`);
}

// Shows each mismatch from a little before the first differing character.
function around(text, at) {
  return (at > 60 ? '…' : '') + text.slice(Math.max(0, at - 60), at + 140);
}
for (const f of failures.slice(0, 10)) {
  let at = 0;
  while (at < f.expected.length && f.expected[at] === f.actual[at]) at++;
  console.error(`MISMATCH ${f.file}:${f.line} (${f.how}) at character ${at}\n` +
    `  native: ${around(f.expected, at)}\n  wasm:   ${around(f.actual, at)}`);
}
if (failures.length > 10) console.error(`... and ${failures.length - 10} more mismatches`);
console.log(`parity: ${compared - failures.length}/${compared} comparisons identical ` +
  `(${viaBytes} via UTF-8 bytes, ${viaStrings} via JavaScript strings)`);
process.exit(failures.length === 0 && compared > 0 ? 0 : 1);
