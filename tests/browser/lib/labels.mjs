// The extension's shared names (extension/ui/labels.js, a classic script that
// sets globalThis.chimeLabels) and its translations (extension/_locales), for
// tests that check what the pages show. Outside the extension labels.js reads
// its words from globalThis.chimeMessages: English unless a test calls
// useLanguage().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../../extension/ui/labels.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// One translation's messages.json as it is.
export const catalogOf = (lang) =>
  JSON.parse(fs.readFileSync(path.join(repo, 'extension', '_locales', lang, 'messages.json'), 'utf8'));
// Its messages by key.
export const messagesOf = (lang) => Object.fromEntries(Object.entries(catalogOf(lang)).map(([key, entry]) => [key, entry.message]));

export function useLanguage(lang) { globalThis.chimeMessages = catalogOf(lang); }
useLanguage('en');

export const { kindName, kindCue, labelName, text } = globalThis.chimeLabels;
