// The extension's two translations (extension/_locales/{en,es}/messages.json)
// hold the same keys with the same placeholders, every message is filled,
// and every key the pages, scripts and manifest ask for exists (and no key is
// left that nothing asks for).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extension = path.join(repo, 'extension');
const LOCALES = ['en', 'es'];
const messages = Object.fromEntries(LOCALES.map((l) =>
  [l, JSON.parse(fs.readFileSync(path.join(extension, '_locales', l, 'messages.json'), 'utf8'))]));

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '_locales' ? [] : filesUnder(full);
    return /\.(html|js)$/.test(e.name) ? [full] : [];
  });
}

// Every key asked for: data-i18n* attributes, message('key', ...) and
// text('key', ...) calls (t('key') where a file names labels.js text() t),
// {{msg:key}} in the HTML report's template (native/html_report.cpp fills it),
// __MSG_key__ in the manifest and in the script that writes the rules' page;
// `mentioned` adds every quoted word of the scripts (a key chosen from a
// table, as the options page's setting names are).
function keysAskedFor() {
  const asked = new Map();  // key -> first file asking
  const mentioned = new Set();
  const sources = [...filesUnder(extension), path.join(repo, 'manifest.json'), path.join(repo, 'scripts', 'build-extension.sh')];
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    const patterns = [/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g, /\b(?:message|text|t)\('([A-Za-z0-9_]+)'/g,
                      /\{\{msg:([A-Za-z0-9_]+)\}\}/g, /__MSG_([A-Za-z0-9_]+)__/g];
    for (const pattern of patterns) {
      for (const [, key] of text.matchAll(pattern)) if (!asked.has(key)) asked.set(key, path.relative(repo, file));
    }
    if (file.endsWith('.js')) for (const [, word] of text.matchAll(/'([A-Za-z0-9_]+)'/g)) mentioned.add(word);
  }
  return { asked, mentioned };
}
const placeholders = (entry) => Object.keys(entry.placeholders ?? {}).sort();

test('en and es have the same keys, each with a message and the same placeholders', () => {
  assert.deepEqual(Object.keys(messages.es).sort(), Object.keys(messages.en).sort());
  for (const l of LOCALES) {
    for (const [key, entry] of Object.entries(messages[l])) {
      assert.equal(typeof entry.message, 'string', `${l}/${key}: no message`);
      assert.ok(entry.message.trim().length > 0, `${l}/${key}: empty message`);
      assert.match(key, /^[A-Za-z0-9_]+$/, `${l}/${key}: chrome.i18n keys are ASCII letters, digits and _`);
      for (const name of placeholders(entry)) assert.ok(entry.message.includes(`$${name.toUpperCase()}$`), `${l}/${key}: $${name.toUpperCase()}$ not used`);
    }
  }
  for (const key of Object.keys(messages.en)) assert.deepEqual(placeholders(messages.es[key]), placeholders(messages.en[key]), `${key}: placeholders differ`);
});

test('the translations differ where a Spanish reader would see English', () => {
  const same = Object.keys(messages.en).filter((k) => messages.en[k].message === messages.es[k].message);
  // A brand, a file name, the names of the export formats, an id and "Error"
  // (the same word in Spanish) are the same in both; anything else is untranslated.
  assert.deepEqual(same.sort(), ['extName', 'popupTitle', 'settingError', 'severity_error', 'exportCsv', 'exportNdjson',
                                 'detailId'].sort());
});

test('every key the extension asks for exists, and every key is asked for', () => {
  const { asked, mentioned } = keysAskedFor();
  for (const [key, file] of asked) assert.ok(key in messages.en, `${file} asks for "${key}", which _locales/en/messages.json lacks`);
  const unused = Object.keys(messages.en).filter((k) => !asked.has(k) && !mentioned.has(k));
  assert.deepEqual(unused, [], 'keys nothing asks for');
});

test('the manifest names the default locale and takes its name and description from it', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
  assert.equal(manifest.name, '__MSG_extName__');
  assert.equal(manifest.description, '__MSG_extDescription__');
});
