// Launches Debian's Chromium (never a downloaded browser) headless with the
// built extension loaded, a fresh profile, and x.com mapped to the stand-in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

export const EXTENSION_ID = 'kkkfifglcgnhgagiogkeliijainjgpfh';  // from manifest.json's key
export const extensionDir = process.env.CHIME_EXTENSION_DIR || path.join(repo, 'build', 'extension', 'unpacked');
export const artifactsDir = process.env.CHIME_ARTIFACTS_DIR || path.join(repo, 'build', 'test-artifacts');
export const chimeBinary = process.env.CHIME_BIN || '';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';  // the worker's requests too

export async function launch({ port, installHost = false, extraArgs = [], withoutExtension = false } = {}) {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run scripts/build-extension.sh first`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-profile-'));
  if (installHost) {
    if (!chimeBinary) throw new Error('CHIME_BIN must name the chime executable');
    execFileSync(chimeBinary, ['install-host', '--browser', 'chromium', '--user-data-dir', userDataDir],
                 { stdio: 'pipe' });
  }
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps',
    '--ignore-certificate-errors', '--window-size=1280,900',
    ...(withoutExtension ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
    ...extraArgs,
  ];
  if (port) args.push(`--host-resolver-rules=MAP x.com 127.0.0.1:${port}, MAP twitter.com 127.0.0.1:${port}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,  // --headless=new above: the headless mode that runs extensions
    args,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  let worker = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID));
  if (!worker && !withoutExtension) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  return {
    context,
    worker,
    userDataDir,
    extensionUrl: (p) => `chrome-extension://${EXTENSION_ID}/${p}`,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(target, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await target.screenshot({ path: file });
  return file;
}
