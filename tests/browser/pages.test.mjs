// The extension's own pages in Chromium: options validated by the engine and
// exported as the file `chime --config` reads; the bulk page round-tripping a
// file through the real chime native host installed in the test profile, and
// saying how to install the host when it is missing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chimeBinary, launch, screenshot } from './lib/browser.mjs';

const CALENDAR = [
  'date,text',
  '2024-03-01,"We are thrilled to announce our award-winning, world-class cardiology team! Book today."',
  '2024-03-02,"Flu shots are free this week at every clinic, no appointment needed. Where do you usually get yours?"',
  '2024-03-04,"Our hospital is proud to be ranked number one again. Read the press release."',
  '2024-03-05,"Thanks for asking! Visiting hours are 9am to 8pm, and two visitors at a time can stay."',
  '2024-03-07,"Join us Thursday for #hcsm: what helps you get ready for surgery?"',
].join('\n');
const POSTS = 5;

describe('options page', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test('lists the engine\'s rules and refuses a bad configuration with the engine\'s own message', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options/options.html'));
    await page.locator('#rules tbody tr').first().waitFor();
    const ids = await page.locator('#rules tbody code').allInnerTexts();
    assert.ok(ids.length > 5 && ids.every((id) => /^[a-z]+\.[a-z-]+$/.test(id)), ids.join(' '));

    await page.locator('#max-hashtags').fill('-3');
    await page.locator('#save').click();
    await page.locator('#errors li').first().waitFor();
    assert.match(await page.locator('#errors').innerText(), /thresholds\.hashtags/);
    assert.deepEqual(await browser.worker.evaluate(() => chrome.storage.sync.get('config')), {});
    await page.close();
  });

  test('saves a good configuration and exports the JSON that chime --config reads', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options/options.html'));
    await page.locator('#rules tbody tr').first().waitFor();
    await page.locator('#org-names').fill('Mercy General');
    await page.locator('#org-handles').fill('@MercyGeneral');
    await page.locator('#chats').fill('#hcsm');
    await page.locator('#reading-grade').fill('9');
    const firstRule = await page.locator('#rules tbody select').first().getAttribute('data-rule');
    await page.locator('#rules tbody select').first().selectOption('off');
    await page.locator('#save').click();
    await page.locator('#status', { hasText: 'Saved' }).waitFor();
    const { config } = await browser.worker.evaluate(() => chrome.storage.sync.get('config'));
    assert.deepEqual(config, {
      organization: { names: ['Mercy General'], handles: ['@MercyGeneral'] },
      chats: ['#hcsm'], rules: { [firstRule]: 'off' }, thresholds: { reading_grade: 9 },
    });
    await screenshot(page, 'options.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-config-'));
    const file = path.join(dir, 'chime-config.json');
    await download.saveAs(file);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), config);
    if (chimeBinary) {
      const posts = path.join(dir, 'posts.txt');
      fs.writeFileSync(posts, 'Mercy General is proud to announce a new wing.\n');
      const out = execFileSync(chimeBinary, ['check', '--config', file, '--format', 'json', posts], { encoding: 'utf8' });
      assert.ok(out.includes('chime.result/1'), 'the native CLI accepts the exported configuration');
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  });
});

describe('bulk page', () => {
  test('round-trips a content calendar through the chime native host', { skip: !chimeBinary && 'CHIME_BIN not set' }, async () => {
    const browser = await launch({ installHost: true });
    try {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('bulk/bulk.html'));
      await page.locator('#file').setInputFiles({ name: 'calendar.csv', mimeType: 'text/csv', buffer: Buffer.from(CALENDAR) });
      await page.locator('#check').click();
      await page.locator('#results').waitFor({ state: 'visible', timeout: 20000 });
      assert.equal(await page.locator('#table tbody tr').count(), POSTS);
      assert.match(await page.locator('#progress-text').innerText(), new RegExp(`${POSTS} posts checked`));
      assert.equal(await page.locator('#chart-scores svg rect').count(), 10);
      assert.equal(await page.locator('#chart-kinds svg rect').count(), 5);

      // Sorting by score: ascending, then descending.
      const scores = async () => (await page.locator('#table tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
      await page.locator('th button[data-sort="overall"]').click();
      const up = await scores();
      assert.deepEqual(up, [...up].sort((a, b) => a - b));
      await page.locator('th button[data-sort="overall"]').click();
      const down = await scores();
      assert.deepEqual(down, [...up].sort((a, b) => b - a));
      assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
      await screenshot(page, 'bulk.png');
    } finally {
      await browser.close();
    }
  });

  test('without the host it says exactly how to install it', async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('bulk/bulk.html'));
      await page.locator('#file').setInputFiles({ name: 'calendar.csv', mimeType: 'text/csv', buffer: Buffer.from(CALENDAR) });
      await page.locator('#check').click();
      await page.locator('#problem').waitFor({ state: 'visible' });
      const text = await page.locator('#problem').innerText();
      assert.match(text, /chime install-host --browser chromium/);  // Debian Chromium is not Chrome
      assert.match(text, /kkkfifglcgnhgagiogkeliijainjgpfh/);
      await screenshot(page, 'bulk-no-host.png');
    } finally {
      await browser.close();
    }
  });
});
