// The bulk report in the user's language (issue 17 item 4), both ways it is
// drawn (extension/ui/dashboard.js): the extension's bulk page in Chromium
// started with --lang=es and --lang=en, fed by the real chime native host;
// and the file `chime check --format html --lang es|en|auto` writes, opened
// from disk. Each shows its headings, columns, buttons, summary, charts and
// detail view in that language from extension/_locales, and, in Spanish, no
// English text of any key those pages use. The exports stay the bytes
// `chime check --format csv|ndjson` writes: the CSV is the same in both
// languages, the JSON Lines differ only in the engine's hint messages.
// Screenshots: bulk-es.png, bulk-en.png (and -detail.png with a post's
// detail view open), report-html-es.png, report-html-en.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { chimeBinary, launch, screenshot } from './lib/browser.mjs';
import { labelName, messagesOf, useLanguage } from './lib/labels.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// A Spanish account's calendar (every post reads as Spanish) with one bad row.
const CALENDAR = [
  'id,date,text',
  '201,2024-05-02,"¡Estamos orgullosos de anunciar nuestro galardonado equipo de cardiología, el mejor del país! Reserve hoy su cita."',
  '202,2024-05-03,"La vacuna de la gripe es gratuita esta semana en todos los centros, sin cita previa. ¿Dónde suele vacunarse usted?"',
  '203,2024-05-05,"Gracias por preguntar. El horario de visitas es de 9 a 20 h y pueden quedarse dos acompañantes a la vez."',
  '204',
  '205,2024-05-06,"Aviso: corte de agua en el ala este hasta las 18 h. Use agua embotellada y la entrada norte."',
  '206,2024-05-08,"Nuestro hospital vuelve a ser el número uno. Lea el comunicado de prensa."',
  '207,2024-05-09,"Hoy es el Día Mundial de la Salud Mental: hablar de cómo se siente ayuda. ¿Con quién habla usted cuando lo necesita?"',
].join('\n') + '\n';
const POSTS = 6;
// An English account's calendar, for --lang auto.
const ENGLISH = 'text\nFlu shots are free this week at every clinic. Where do you usually get yours?\n' +
  'Visiting hours are 9am to 8pm, and two visitors at a time can stay.\nLa vacuna de la gripe es gratuita esta semana en todos los centros.\n';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-bulk-lang-'));
fs.writeFileSync(path.join(dir, 'calendario.csv'), CALENDAR);
fs.writeFileSync(path.join(dir, 'calendar.csv'), ENGLISH);

function chimeCheck(args) {
  const r = spawnSync(chimeBinary, ['check', ...args], { cwd: dir, maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 3, r.stderr.toString());
  return r.stdout;
}

// The keys the bulk page and the report ask for (as tests/extension/locales.test.mjs finds them).
function keysUsedBy(files) {
  const keys = new Set();
  for (const file of files) {
    const source = fs.readFileSync(path.join(repo, 'extension', file), 'utf8');
    const patterns = [/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g, /\b(?:message|text|t)\('([A-Za-z0-9_]+)'/g,
                      /\{\{msg:([A-Za-z0-9_]+)\}\}/g, /'((?:label|kind|family|severity)_[a-z_]+)'/g];
    for (const pattern of patterns) for (const [, key] of source.matchAll(pattern)) keys.add(key);
  }
  return [...keys];
}
const BULK_FILES = ['bulk/bulk.html', 'bulk/bulk.js', 'ui/dashboard.js', 'ui/report.js', 'ui/labels.js'];
const REPORT_FILES = ['ui/report-file.html', 'ui/report-file.js', 'ui/dashboard.js', 'ui/report.js', 'ui/labels.js'];

// The English texts of `keys` (each piece between placeholders), left out
// where the Spanish is the same (a brand, a format's name, "Error"), and the
// language tag ("en" is a Spanish word too).
function englishPieces(keys) {
  const en = messagesOf('en');
  const es = messagesOf('es');
  return keys.filter((key) => en[key] !== es[key] && key !== 'pageLanguage').flatMap((key) => en[key].split(/\$[A-Z0-9_]+\$/))
    .map((piece) => piece.trim()).filter((piece) => /[A-Za-z]{2}/.test(piece));
}

// Everything the page shows or says: its text, title, and every aria-label and title.
const pageWords = () => [document.title, document.body.innerText,
  ...[...document.querySelectorAll('[aria-label], [title], svg title')].map((e) => e.getAttribute('aria-label') ?? e.getAttribute('title') ?? e.textContent)]
  .join('\n');

// The English pieces found in `words`, a piece that starts or ends with a
// letter only as whole words there (so "Event" is not found in "Evento").
function englishIn(words, pieces) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = (piece) => (/^\p{L}/u.test(piece) ? '(?<!\\p{L})' : '');
  const after = (piece) => (/\p{L}$/u.test(piece) ? '(?!\\p{L})' : '');
  return pieces.filter((piece) => new RegExp(`${before(piece)}${escape(piece)}${after(piece)}`, 'u').test(words));
}

// The column headings, summary names, chart captions, export and detail
// buttons of a drawn dashboard, each compared with the translation.
async function checkDashboard(page, messages, lang) {
  const headings = (await page.locator('#table thead th').allInnerTexts()).map((h) => h.replace(/ [▲▼]$/, ''));
  assert.deepEqual(headings, ['columnLine', 'columnPost', 'columnScore', 'columnLabel', 'columnKind', 'scorePromotion',
    'scoreConversation', 'scoreLength', 'columnFirstFix'].map((key) => messages[key]));
  const summary = await page.locator('#summary > div').allInnerTexts();
  assert.match(summary[1], lang === 'es' ? /^\d+,\d+\n/ : /^\d+\.\d+\n/, 'posts a week written as the language writes a decimal');
  assert.deepEqual(summary.map((s) => s.split('\n').at(-1)), ['summaryPosts', 'summaryPerWeek', 'summaryMedianScore',
    'summaryLongestSilence', 'summaryReplies', 'summaryQuestions'].map((key) => messages[key]));
  assert.deepEqual(await page.locator('figcaption').allInnerTexts(), [messages.chartScoresCaption, messages.chartLabelsCaption]);
  assert.ok((await page.locator('#chart-scores svg').getAttribute('aria-label')).startsWith(messages.chartScoresTitle.split('$')[0]));
  assert.equal(await page.locator('#table caption').innerText(), messages.tableNote);
  assert.equal(await page.locator('#export-csv').getAttribute('aria-label'), messages.exportCsvLabel);
  assert.equal(await page.locator('#problems h2').innerText(), messages.oneLineNotChecked);
  useLanguage(lang);
  const labels = await page.locator('#table tbody td:nth-child(4)').allInnerTexts();
  assert.ok(labels.every((l) => ['engaging', 'good', 'broadcast', 'promotional', 'risky'].map(labelName).includes(l)), labels.join());
  useLanguage('en');

  await page.locator('#table tbody tr').first().locator('button.open-detail').click();
  const dialog = page.locator('#detail');
  await dialog.waitFor({ state: 'visible' });
  assert.deepEqual([await dialog.locator('#detail-previous').innerText(), await dialog.locator('#detail-next').innerText(),
    await dialog.locator('#detail-close').innerText()], [messages.detailPrevious, messages.detailNext, messages.detailClose]);
  assert.match(await dialog.locator('h2').innerText(), new RegExp(`^${messages.detailLine.replace('$ARG1$', '2')}`));
  const bars = await dialog.locator('.bars dt').allInnerTexts();
  assert.equal(bars[0], messages.scoreConversation);
}

async function exported(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const file = path.join(dir, `export-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

// JSON Lines with every hint's message and suggestion (the engine's words) taken out.
const withoutMessages = (ndjson) => ndjson.toString().trim().split('\n').map((line) => {
  const item = JSON.parse(line);
  for (const hint of item.result?.hints ?? []) { delete hint.message; delete hint.suggestion; }
  return JSON.stringify(item);
});

describe('the bulk page in the browser\'s language', { skip: !chimeBinary && 'CHIME_BIN not set' }, () => {
  const exports = {};
  for (const lang of ['es', 'en']) {
    test(`--lang=${lang}: headings, columns, buttons, charts and details in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const messages = messagesOf(lang);
      const browser = await launch({ installHost: true, extraArgs: [`--lang=${lang}`] });
      try {
        const page = await browser.context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(browser.extensionUrl('bulk/bulk.html'));
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.title(), messages.bulkPageTitle);
        assert.equal(await page.locator('h1').innerText(), messages.bulkHeading);
        assert.equal(await page.locator('label[for="file"]').innerText(), messages.bulkFile);
        assert.equal(await page.locator('#check').innerText(), messages.bulkCheck);
        assert.equal(await page.locator('#progress').getAttribute('aria-label'), messages.bulkProgressLabel);

        await page.locator('#file').setInputFiles(path.join(dir, 'calendario.csv'));
        await page.locator('#check').click();
        await page.locator('#results').waitFor({ state: 'visible', timeout: 20000 });
        assert.equal(await page.locator('#table tbody tr').count(), POSTS);
        assert.equal(await page.locator('#progress-text').innerText(),
          messages.bulkChecked.replace('$ARG1$', POSTS) + messages.bulkOneUnread);
        await screenshot(page, `bulk-${lang}.png`);
        await checkDashboard(page, messages, lang);
        await screenshot(page, `bulk-${lang}-detail.png`);
        if (lang === 'es') {
          const found = englishIn(await page.evaluate(pageWords), englishPieces(keysUsedBy(BULK_FILES)));
          assert.deepEqual(found, [], 'English left on the Spanish bulk page');
        }
        await page.keyboard.press('Escape');

        // The engine was asked for hints in the page's language: the exports
        // are what `chime check --lang` writes.
        exports[lang] = { csv: await exported(page, '#export-csv'), ndjson: await exported(page, '#export-ndjson') };
        assert.ok(exports[lang].csv.equals(chimeCheck(['--format', 'csv', '--lang', lang, 'calendario.csv'])));
        assert.ok(exports[lang].ndjson.equals(chimeCheck(['--format', 'ndjson', '--lang', lang, 'calendario.csv'])));
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    });
  }

  test('the exports: the same CSV in both languages; JSON Lines differing only in the hints\' words', () => {
    assert.ok(exports.es && exports.en, 'both pages ran');
    assert.ok(exports.es.csv.equals(exports.en.csv));
    assert.ok(!exports.es.ndjson.equals(exports.en.ndjson), 'the hint messages follow the language');
    assert.deepEqual(withoutMessages(exports.es.ndjson), withoutMessages(exports.en.ndjson));
  });
});

describe('chime check --format html --lang', { skip: !chimeBinary && 'CHIME_BIN not set' }, () => {
  let browser;
  const reports = {};
  before(async () => {
    for (const lang of ['es', 'en']) {
      reports[lang] = path.join(dir, `calendario-${lang}.html`);
      fs.writeFileSync(reports[lang], chimeCheck(['--format', 'html', '--lang', lang, 'calendario.csv']));
    }
    browser = await launch();  // the browser's own language plays no part: the file carries its words
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['es', 'en']) {
    test(`--lang ${lang}: the report's words in ${lang === 'es' ? 'Spanish' : 'English'}, its exports chime check's`, async () => {
      const messages = messagesOf(lang);
      const html = fs.readFileSync(reports[lang], 'utf8');
      assert.ok(html.includes(`<html lang="${lang}">`) && html.includes(`<main lang="${lang}">`));
      assert.ok(html.includes(`<noscript><p>${messages.reportNoScript}</p></noscript>`));
      const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
      const verdict = await validator.validateFile(reports[lang]);
      assert.equal(verdict.valid, true, JSON.stringify(verdict.results.flatMap((r) => r.messages.map((m) => m.message))));

      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(reports[lang]).href);
      await page.locator('#table tbody tr').first().waitFor();
      assert.equal(await page.title(), messages.reportTitle.replace('$ARG1$', 'calendario.csv'));
      assert.equal(await page.locator('h1').innerText(), messages.reportHeading);
      assert.match(await page.locator('#report-source').innerText(),
        new RegExp(`^calendario\\.csv: ${messages.reportPosts.replace('$ARG1$', POSTS).split('$')[0]}`));
      await screenshot(page, `report-html-${lang}.png`);
      await checkDashboard(page, messages, lang);
      if (lang === 'es') {
        const found = englishIn(await page.evaluate(pageWords), englishPieces(keysUsedBy(REPORT_FILES)));
        assert.deepEqual(found, [], 'English left in the Spanish report');
      }
      await page.keyboard.press('Escape');
      const csv = await exported(page, '#export-csv');
      const ndjson = await exported(page, '#export-ndjson');
      assert.ok(csv.equals(chimeCheck(['--format', 'csv', 'calendario.csv'])), 'the CSV of any --lang');
      assert.ok(ndjson.equals(chimeCheck(['--format', 'ndjson', '--lang', lang, 'calendario.csv'])));
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('--lang auto: the language most of the posts are in', () => {
    const spanish = chimeCheck(['--format', 'html', 'calendario.csv']).toString();
    const english = chimeCheck(['--format', 'html', 'calendar.csv']).toString();  // two English posts, one Spanish
    assert.ok(spanish.includes(`<h1>${messagesOf('es').reportHeading}</h1>`));
    assert.ok(english.includes(`<h1>${messagesOf('en').reportHeading}</h1>`));
    assert.ok(spanish.includes(JSON.stringify(messagesOf('es').reportHeading)));
    assert.ok(!spanish.includes(JSON.stringify(messagesOf('en').reportHeading)), 'one language inlined');
    // auto: the document's language is unknown until the posts are read ("mul");
    // <main>, written after them, says its own, and the script sets the document's.
    assert.ok(spanish.includes('<html lang="mul">') && spanish.includes('<main lang="es">'));
    assert.ok(english.includes('<main lang="en">'));
  });

  test('a configuration\'s lang is followed too, and --lang overrides it', () => {
    fs.writeFileSync(path.join(dir, 'es.json'), '{"lang": "es"}');
    const configured = chimeCheck(['--format', 'html', '--config', 'es.json', 'calendar.csv']).toString();
    assert.ok(configured.includes(`<h1>${messagesOf('es').reportHeading}</h1>`));
    const overridden = chimeCheck(['--format', 'html', '--config', 'es.json', '--lang', 'en', 'calendario.csv']).toString();
    assert.ok(overridden.includes(`<h1>${messagesOf('en').reportHeading}</h1>`));
  });
});

test('the two languages really differ where the tests above look (they cannot pass with one language shown twice)', () => {
  const es = messagesOf('es');
  const en = messagesOf('en');
  for (const key of ['bulkHeading', 'bulkCheck', 'columnLine', 'columnFirstFix', 'summaryPosts', 'detailPrevious', 'reportHeading',
                     'reportNoScript', 'tableNote', 'chartScoresCaption']) {
    assert.notEqual(es[key], en[key], key);
  }
  assert.ok(englishPieces(keysUsedBy(BULK_FILES)).length > 60, 'the English pieces looked for');
});
