// The bulk report in Chromium, both ways it is drawn by the same code
// (extension/ui/dashboard.js): the extension's bulk page fed by the real chime
// native host, and the self-contained file `chime check --format html`
// writes. Checks the error state per file and per line, the detail view of a
// post, and that both exports are the bytes `chime check --format csv` and
// `--format ndjson` write for the same file. Screenshots: build/test-artifacts.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { chimeBinary, launch, screenshot } from './lib/browser.mjs';
import { kindCue, kindName } from './lib/labels.mjs';

const GOOD = [
  'id,date,text',
  '101,2024-03-01,"We are thrilled to announce our award-winning, world-class cardiology team! Book today."',
  '102,2024-03-02,"Flu shots are free this week at every clinic, no appointment needed. Where do you usually get yours?"',
  '103,2024-03-04,"Our hospital is proud to be ranked number one again. Read the press release."',
  '104,2024-03-05,"Thanks for asking! Visiting hours are 9am to 8pm, and two visitors at a time can stay."',
  '105,2024-03-07,"Join us Thursday for #hcsm: what helps you get ready for surgery?"',
  '106,2024-03-08,"Two lines,\nwith ""quotes"" and a comma"',
  '107,2024-03-09,"Boil water notice for the east wing <until 6pm>: use bottled water 💧 and the north entrance."',
].join('\n') + '\n';
const GOOD_POSTS = 7;
const BAD_LINE = 'id,text\n1,"Flu shots are free this week. Where do you get yours?"\n2\n3,"Visiting hours are 9am to 8pm."\n';
const NO_TEXT = 'id,body_copy\n1,hello\n2,world\n';
const LABELS = ['Engaging', 'Good', 'Broadcast', 'Promotional', 'Risky'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-report-'));
const files = { 'calendar.csv': GOOD, 'bad-line.csv': BAD_LINE, 'tweets.csv': NO_TEXT };
for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);

// What `chime check` writes for a file, run beside it so that the file is named as the page names it.
function chimeCheck(name, format) {
  const r = spawnSync(chimeBinary, ['check', '--format', format, name], { cwd: dir, maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 3, r.stderr.toString());
  return r.stdout;
}

// The table's Kind column: each post's kind by its shared name, what decided it as the title.
async function checkKinds(page, ndjson) {
  const results = ndjson.toString().trim().split('\n').map((l) => JSON.parse(l)).filter((o) => o.result).map((o) => o.result);
  const cells = await page.locator('#table tbody td.kind').evaluateAll((tds) => tds.map((td) => [td.textContent, td.title]));
  assert.deepEqual(cells, results.map((r) => [kindName(r.kind), kindCue(r)]));
  assert.ok(results.some((r) => r.kind === 'crisis' && r.kind_cue === 'Boil water'), JSON.stringify(results.map((r) => r.kind)));
  assert.ok(cells.some(([name, title]) => name === 'Crisis notice' && title === 'Crisis notice: from “Boil water”'));
}

async function exported(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const file = path.join(dir, `export-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

// The detail view of the first post: its text, and one entry per hint of its Result.
async function checkDetail(page, result, text, shot) {
  await page.locator('#table tbody tr').first().locator('button.open-detail').click();
  const dialog = page.locator('#detail');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.locator('.post-text').innerText(), text);
  assert.equal(await dialog.locator('.hint').count(), result.hints.length);
  assert.deepEqual((await dialog.locator('.hint').evaluateAll((nodes) => nodes.map((n) => n.dataset.rule))).sort(),
    result.hints.map((h) => h.rule).sort());
  assert.match(await dialog.locator('.report-label').innerText(), new RegExp(`${result.scores.overall}/100`));
  assert.equal(await dialog.locator('.report-kind').innerText(), kindName(result.kind));
  assert.equal(await dialog.locator('.report-kind').getAttribute('title'), kindCue(result));
  await screenshot(page, shot);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe('bulk page through the native host', { skip: !chimeBinary && 'CHIME_BIN not set' }, () => {
  let browser;
  before(async () => { browser = await launch({ installHost: true }); });
  after(async () => { await browser?.close(); });

  async function checkFile(name) {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('bulk/bulk.html'));
    await page.locator('#file').setInputFiles(path.join(dir, name));
    await page.locator('#check').click();
    await page.locator('#results').waitFor({ state: 'visible', timeout: 20000 });
    return page;
  }

  test('a CSV without a text column: an error naming the file, the line and the columns, no dashboard', async () => {
    const page = await checkFile('tweets.csv');
    const problems = page.locator('#problems.fatal');
    await problems.waitFor({ state: 'visible' });
    const text = await problems.innerText();
    assert.match(text, /Nothing could be checked in tweets\.csv/);
    assert.match(text, /tweets\.csv:1: no text column.*the header has: id, body_copy/);
    assert.equal(await page.locator('#summary, #table, #chart-scores').count(), 0, 'no all-zero dashboard');
    await screenshot(page, 'bulk-no-text-column.png');
    await page.close();
  });

  test('a file with a bad line: that line is named, the others are checked, the export keeps the error', async () => {
    const page = await checkFile('bad-line.csv');
    const problems = page.locator('#problems');
    assert.match(await problems.innerText(), /1 line could not be checked\s+bad-line\.csv:3: row has 1 field\(s\)/);
    assert.equal(await page.locator('#table tbody tr').count(), 2);
    assert.equal((await exported(page, '#export-ndjson')).bytes.toString(), chimeCheck('bad-line.csv', 'ndjson').toString());
    await screenshot(page, 'bulk-bad-line.png');
    await page.close();
  });

  test('a good file: the shared label names, a detail view per post, and exports equal to chime check', async () => {
    const page = await checkFile('calendar.csv');
    assert.equal(await page.locator('#problems').count(), 0);
    assert.equal(await page.locator('#table tbody tr').count(), GOOD_POSTS);
    const labels = await page.locator('#table tbody td:nth-child(4)').allInnerTexts();
    assert.ok(labels.every((l) => LABELS.includes(l)), labels.join());
    assert.doesNotMatch(await page.locator('#results').innerText(), /Conversational/);
    assert.equal(await page.locator('#chart-kinds svg rect').count(), LABELS.length);

    const ndjson = chimeCheck('calendar.csv', 'ndjson');
    await checkKinds(page, ndjson);
    const first = JSON.parse(ndjson.toString().split('\n')[0]);
    await checkDetail(page, first.result, GOOD.split('\n')[1].split(',"')[1].slice(0, -1), 'bulk-detail.png');

    const csvExport = await exported(page, '#export-csv');
    assert.equal(csvExport.name, 'calendar.chime.csv');
    assert.ok(csvExport.bytes.equals(chimeCheck('calendar.csv', 'csv')), 'CSV export = chime check --format csv');
    const ndjsonExport = await exported(page, '#export-ndjson');
    assert.equal(ndjsonExport.name, 'calendar.chime.ndjson');
    assert.ok(ndjsonExport.bytes.equals(ndjson), 'JSON Lines export = chime check --format ndjson');
    await screenshot(page, 'bulk-good.png');
    await page.close();
  });
});

describe('chime check --format html', { skip: !chimeBinary && 'CHIME_BIN not set' }, () => {
  let browser;
  const report = path.join(dir, 'calendar.html');
  before(async () => {
    fs.writeFileSync(report, chimeCheck('calendar.csv', 'html'));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('is valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const verdict = await validator.validateFile(report);
    const messages = verdict.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.equal(verdict.valid, true, messages.join('\n'));
  });

  test('renders the report offline, with details and the same exports as chime check', async () => {
    const page = await browser.context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(report).href);
    await page.locator('#table tbody tr').first().waitFor();
    assert.deepEqual(errors, []);
    assert.equal(await page.title(), 'Chime report: calendar.csv');
    assert.equal(await page.locator('#table tbody tr').count(), GOOD_POSTS);
    assert.equal(await page.locator('#chart-scores svg rect').count(), 10);
    assert.equal(await page.locator('#chart-kinds svg rect').count(), LABELS.length);
    const shown = await page.locator('#table tbody td.text').allInnerTexts();
    assert.deepEqual(shown, GOOD.trim().split(/\n(?=\d{3},)/).slice(1).map((row) =>
      row.slice(row.indexOf(',"', 4) + 2, -1).replaceAll('""', '"')));

    const ndjson = chimeCheck('calendar.csv', 'ndjson');
    await checkKinds(page, ndjson);
    const first = JSON.parse(ndjson.toString().split('\n')[0]);
    await checkDetail(page, first.result, shown[0], 'report-html-detail.png');
    assert.ok((await exported(page, '#export-csv')).bytes.equals(chimeCheck('calendar.csv', 'csv')));
    assert.ok((await exported(page, '#export-ndjson')).bytes.equals(ndjson));
    await screenshot(page, 'report-html.png');
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:')), [],
      'the report loads nothing from anywhere');
    await page.close();
  });

  test('a long report draws 500 rows at a time, and sorts all of them', async () => {
    const posts = Array.from({ length: 1100 }, (_, i) =>
      i % 3 ? `Clinic note ${i}: flu shots are free this week. Where do you get yours?` : `We are proud to announce award ${i}!`);
    fs.writeFileSync(path.join(dir, 'long.txt'), posts.join('\n') + '\n');
    const long = path.join(dir, 'long.html');
    fs.writeFileSync(long, chimeCheck('long.txt', 'html'));
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(long).href);
    const rows = page.locator('#table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 500);
    assert.match(await page.locator('.table-more').innerText(), /500 of 1100 posts shown/);
    await page.locator('#show-more').click();
    assert.equal(await rows.count(), 1000);
    await page.locator('#show-more').click();
    assert.equal(await rows.count(), 1100);
    assert.equal(await page.locator('#show-more').count(), 0);

    // Sorting orders all posts: the first 500 shown are the 500 lowest scores.
    await page.locator('th button[data-sort="overall"]').click();
    assert.equal(await rows.count(), 500);
    const shown = (await page.locator('#table tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
    const all = chimeCheck('long.txt', 'ndjson').toString().trim().split('\n').map((l) => JSON.parse(l).result.scores.overall);
    assert.deepEqual(shown, all.sort((a, b) => a - b).slice(0, 500));
    await page.close();
  });
});
