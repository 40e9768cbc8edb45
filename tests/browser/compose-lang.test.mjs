// Hints in the browser's language (issue 17 item 4): Chromium started with
// --lang=es shows a Spanish draft's hint card in Spanish (the engine's
// message from core/data/messages/es.tsv, the card's own words from
// extension/_locales/es), and with --lang=en the same draft in English; so
// are the chip's spoken label, the popover's name and the announcement of a
// replacement.
// Screenshots: compose-es.png, compose-en.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { screenshot } from './lib/browser.mjs';
import { standinSession, typeInto } from './lib/session.mjs';
import { chips, editorSelector, storedDrafts, underlines } from './lib/page.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The engine's catalog (key -> text) and the extension's messages (key -> text).
const catalogOf = (lang) => new Map(fs.readFileSync(path.join(repo, 'core', 'data', 'messages', `${lang}.tsv`), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split('\t')));
const messagesOf = (lang) => Object.fromEntries(
  Object.entries(JSON.parse(fs.readFileSync(path.join(repo, 'extension', '_locales', lang, 'messages.json'), 'utf8')))
    .map(([key, entry]) => [key, entry.message]));

// A Spanish draft that the length-and-form rules flag today ("!!!").
const DRAFT = '¡Mañana abrimos el nuevo centro de salud del barrio para todas las familias!!! Les esperamos a partir de las nueve.';
const RUN = '!!!';

for (const lang of ['es', 'en']) {
  describe(`a Spanish draft in a browser in ${lang === 'es' ? 'Spanish' : 'English'} (--lang=${lang})`, () => {
    const session = standinSession({ extraArgs: [`--lang=${lang}`] });

    test(`the hint card is in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const { page, errors } = await session.open();
      const selector = editorSelector();
      await typeInto(page, selector, DRAFT);
      const [draft] = await storedDrafts(session.browser.worker, DRAFT);
      assert.equal(draft.result.language, 'es', 'the engine reads the draft as Spanish');
      const hint = draft.result.hints.find((h) => h.rule === 'form.exclamations');
      assert.ok(hint, `form.exclamations fires: ${JSON.stringify(draft.result.hints)}`);
      const catalog = catalogOf(lang);
      assert.equal(hint.message, catalog.get('form.exclamations.run').replace('{1}', RUN));
      assert.equal(hint.suggestion, catalog.get('form.exclamations.run.do'));

      const line = (await underlines(page)).find((u) => u.rule === 'form.exclamations');
      assert.ok(line, 'the run of marks is underlined');
      await page.mouse.move(line.left + line.width / 2, line.top - 6);
      const card = page.locator('chime-overlay .card');
      await card.waitFor({ state: 'visible' });
      const text = await card.innerText();
      assert.ok(text.includes(hint.message), `the card shows the engine's message: ${text}`);
      assert.ok(text.includes(hint.suggestion), `and its suggestion: ${text}`);
      // The card's own words come from the extension's _locales.
      const messages = messagesOf(lang);
      assert.equal(await card.locator('.why').first().innerText(), messages.cardWhy);
      assert.equal(await card.locator('.turn-off').first().innerText(), messages.cardTurnOff);
      assert.equal(await card.locator('.dismiss').first().innerText(), messages.cardDismiss);
      await screenshot(page, `compose-${lang}.png`);

      // What the compose box says to screen readers is in the language too:
      // the chip's label, the popover's name, the announcement of a replacement.
      const [chip] = await chips(page);
      assert.ok(chip.ariaLabel.startsWith(messages.chipScore.split('$ARG1$')[0]), chip.ariaLabel);
      assert.ok(chip.ariaLabel.endsWith(messages.chipShowDetails), chip.ariaLabel);
      assert.equal(await page.evaluate(() => document.querySelector('chime-overlay').shadowRoot.querySelector('.popover')
        .getAttribute('aria-label')), messages.popoverRegion);
      assert.ok(hint.replacements.length > 0, 'a replacement to apply');
      await card.locator('.replace').first().click();
      const said = hint.replacements[0] ? messages.announceReplaced.replace('$ARG1$', hint.replacements[0]) : messages.announceDeleted;
      await page.waitForFunction((text) => document.querySelector('chime-overlay').shadowRoot.querySelector('[role="status"]')
        .textContent === text, said);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

test('the two languages really differ (the tests above cannot pass with one language shown twice)', () => {
  assert.notEqual(catalogOf('es').get('form.exclamations.run'), catalogOf('en').get('form.exclamations.run'));
  const es = messagesOf('es');
  const en = messagesOf('en');
  for (const key of ['cardWhy', 'cardTurnOff', 'cardDismiss', 'chipScore', 'chipShowDetails', 'popoverRegion', 'announceReplaced']) {
    assert.notEqual(es[key], en[key], key);
  }
});
