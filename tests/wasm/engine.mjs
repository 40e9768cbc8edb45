// Loads the built engine for the Node tests: engine.mjs WASM_DIR.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importChime(wasmDir) {
  if (!wasmDir) throw new Error('usage: node TEST.mjs BUILD/wasm [...]');
  const { default: Chime } = await import(pathToFileURL(path.join(wasmDir, 'chime.js')).href);
  return Chime;
}

// Node is handed the bytes, as platform.md advises (its fetch has no file:).
export async function loadEngine(wasmDir) {
  const Chime = await importChime(wasmDir);
  return Chime.load({ wasmBinary: await readFile(path.join(wasmDir, 'chime.wasm')) });
}
