// The HTML report of `chime check --format html` on the benchmark corpus:
// its size, how long chime takes to write it, and how long Debian's Chromium
// takes to draw it (navigation start to the data parsed, and to the
// dashboard drawn: performance marks report-file.js sets), then to sort the
// table by score (the table draws 500 rows at a time).
//
//   node bench/browser/report.mjs [--posts 10000] [--runs 3]
//   (CHIME_BIN=/abs/chime picks the binary; default build/ci/native/chime)
//
// Needs tests/browser's npm packages (npm ci there). Prints a JSON summary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = createRequire(path.join(repo, 'tests', 'browser', 'package.json'))('playwright-core');
const { values: options } = parseArgs({ options: {
  posts: { type: 'string', default: '10000' },
  runs: { type: 'string', default: '3' },
} });
const chime = process.env.CHIME_BIN || path.join(repo, 'build', 'ci', 'native', 'chime');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-report-bench-'));
const corpus = path.join(dir, 'corpus.txt');
fs.writeFileSync(corpus, execFileSync('node', [path.join(repo, 'bench', 'corpus', 'make-corpus.mjs'), options.posts], { maxBuffer: 1 << 30 }));
const report = path.join(dir, 'report.html');
const writeTimes = [];
for (let run = 0; run < Number(options.runs); run++) {
  const start = process.hrtime.bigint();
  fs.writeFileSync(report, execFileSync(chime, ['check', '--format', 'html', '--no-progress', corpus], { maxBuffer: 1 << 30 }));
  writeTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const html = fs.readFileSync(report, 'utf8');
const dataStart = html.indexOf('<script type="application/x-ndjson"');
const dataEnd = html.indexOf('</script>', dataStart);
const pageBytes = Buffer.byteLength(html) - Buffer.byteLength(html.slice(dataStart, dataEnd));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const draws = [];
const reads = [];
const sorts = [];
for (let run = 0; run < Number(options.runs); run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(report).href, { timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('chime-report-drawn').length > 0, null, { timeout: 120000 });
  draws.push(await page.evaluate(() => performance.getEntriesByName('chime-report-drawn')[0].startTime));
  reads.push(await page.evaluate(() => performance.getEntriesByName('chime-report-data-read')[0].startTime));
  sorts.push(await page.evaluate(() => {
    const start = performance.now();
    document.querySelector('th button[data-sort="overall"]').click();
    return performance.now() - start;
  }));
  const posts = await page.locator('#summary b').first().innerText();
  if (posts !== options.posts) throw new Error(`the report counts ${posts} posts for ${options.posts}`);
  await page.close();
}
await browser.close();
fs.rmSync(dir, { recursive: true, force: true });

const round = (xs) => xs.map((x) => Math.round(x));
console.log(JSON.stringify({
  posts: Number(options.posts),
  report_bytes: Buffer.byteLength(html),
  page_bytes_without_data: pageBytes,
  bytes_per_post: Math.round((Buffer.byteLength(html) - pageBytes) / Number(options.posts)),
  chime_write_ms: round(writeTimes),
  chromium_data_read_ms: round(reads),
  chromium_draw_ms: round(draws),
  chromium_sort_by_score_ms: round(sorts),
  load_average: os.loadavg().map((x) => Math.round(x * 10) / 10),
}, null, 1));
