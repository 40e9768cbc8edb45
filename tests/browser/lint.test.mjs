// web-ext lint (Mozilla's add-on linter) over the assembled extension: no
// errors. The one warning allowed is Firefox not knowing
// background.service_worker, which Chromium needs (Firefox uses
// background.scripts, given beside it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extensionDir } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('web-ext lint passes on the unpacked extension', () => {
  const webExt = path.join(here, 'node_modules', '.bin', 'web-ext');
  let output;
  try {
    output = execFileSync(webExt, ['lint', '--source-dir', extensionDir, '--output', 'json', '--no-config-discovery'],
                          { encoding: 'utf8' });
  } catch (error) {
    output = error.stdout;  // non-zero exit on errors: the report still says which
  }
  const report = JSON.parse(output);
  assert.deepEqual(report.errors, [], 'no lint errors');
  const warnings = report.warnings.map((w) => `${w.code} ${w.message}`);
  assert.deepEqual(warnings.filter((w) => !w.includes('/background/service_worker')), [], 'no unexpected warnings');
});

test('the zip holds the same files as the unpacked folder', () => {
  const zip = path.join(extensionDir, '..', 'chime-extension.zip');
  const listing = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip],
                               { encoding: 'utf8' }).trim().split('\n').sort();
  const files = fs.readdirSync(extensionDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(extensionDir, path.join(entry.parentPath ?? entry.path, entry.name))).sort();
  assert.deepEqual(listing, files);
  for (const needed of ['manifest.json', 'background.js', 'engine/chime.js', 'engine/chime.wasm']) {
    assert.ok(listing.includes(needed), needed);
  }
});
