// The extension's own pages follow the browser's language (chrome.i18n,
// extension/_locales/): Chromium started with --lang=es shows the options
// page and the popup in Spanish, with --lang=en in English. Every visible
// text of the options page comes from a data-i18n element, except what the
// engine sends (rule ids, and their descriptions from the engine's catalog
// core/data/messages/{en,es}.tsv in the same language: checked against those
// files) and code samples. Screenshots: options-es.png, options-en.png
// (the top of the page) and options-es-errors.png, options-en-errors.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { launch, screenshot } from './lib/browser.mjs';
import { messagesOf } from './lib/labels.mjs';

// The engine's rule descriptions in `lang`: rule id -> text (rule.<id> keys).
function ruleDescriptionsOf(lang) {
  const catalog = fs.readFileSync(new URL(`../../core/data/messages/${lang}.tsv`, import.meta.url), 'utf8');
  const descriptions = new Map();
  for (const line of catalog.split('\n')) {
    const [key, text] = line.split('\t');
    if (key.startsWith('rule.')) descriptions.set(key.slice('rule.'.length), text);
  }
  return descriptions;
}

// The page's visible texts that no data-i18n element (or the engine's rule
// table, a code sample, or the select's options filled by the script) holds.
function strayTexts() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const stray = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text || /^[·:]$/.test(text)) continue;
    const parent = node.parentElement;
    if (parent.closest('[data-i18n], code, #rules tbody, [hidden]')) continue;
    stray.push(text);
  }
  return stray;
}

for (const lang of ['es', 'en']) {
  describe(`a browser in ${lang === 'es' ? 'Spanish' : 'English'} (--lang=${lang})`, () => {
    const messages = messagesOf(lang);

    test('the options page is in its language, every visible string from chrome.i18n', async () => {
      const browser = await launch({ extraArgs: [`--lang=${lang}`] });
      try {
        const page = await browser.context.newPage();
        await page.goto(browser.extensionUrl('options/options.html'));
        await page.locator('#rules tbody tr').first().waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.title(), messages.optionsPageTitle);
        assert.equal(await page.locator('h1').innerText(), messages.optionsHeading);
        assert.equal(await page.locator('#save').innerText(), messages.save);
        assert.equal(await page.locator('label[for="org-handles"]').innerText(), messages.orgHandles);
        assert.equal(await page.locator('#rules thead th').first().innerText(), messages.ruleColumn);
        // The settings' names and the default in the rules table.
        const options = await page.locator('#rules tbody select').first().locator('option').allInnerTexts();
        assert.equal(options[1], messages.settingOff);
        assert.ok(options[0].startsWith(messages.settingDefault.split('(')[0]), options[0]);
        assert.deepEqual(await page.evaluate(strayTexts), []);
        // The rules' descriptions are the engine's, in the page's language.
        const descriptions = ruleDescriptionsOf(lang);
        const other = ruleDescriptionsOf(lang === 'es' ? 'en' : 'es');
        const privacyRow = page.locator('#rules tbody tr', { has: page.locator('code', { hasText: /^care\.patient-privacy$/ }) });
        assert.equal(await privacyRow.locator('td').nth(1).innerText(), descriptions.get('care.patient-privacy'));
        const shown = await page.locator('#rules tbody td:nth-child(2)').allInnerTexts();
        assert.equal(shown.length, descriptions.size);
        for (const text of shown) assert.ok([...descriptions.values()].includes(text), text);
        const body = await page.locator('body').innerText();
        for (const [id, text] of other) assert.ok(!body.includes(text), `${id}: "${text}" is on the page`);
        await screenshot(page, `options-${lang}.png`);

        // A message made by the script: a configuration the engine refuses.
        await page.locator('#max-hashtags').fill('-3');
        await page.locator('#save').click();
        await page.locator('#errors li').first().waitFor();
        assert.ok((await page.locator('#errors').innerText()).startsWith(messages.notSaved));
        await screenshot(page, `options-${lang}-errors.png`);

        const popup = await browser.context.newPage();
        await popup.goto(browser.extensionUrl('popup/popup.html'));
        assert.equal(await popup.locator('#draft-title').innerText(), messages.draftSection);
        assert.equal(await popup.locator('#pad').getAttribute('placeholder'), messages.padPlaceholder);
        assert.equal(await popup.locator('#open-options').innerText(), messages.openOptions);
        assert.deepEqual(await popup.evaluate(strayTexts), []);
      } finally {
        await browser.close();
      }
    });
  });
}

test('the two languages really differ on the page (the test above cannot pass with one language shown twice)', () => {
  const es = messagesOf('es');
  const en = messagesOf('en');
  for (const key of ['optionsHeading', 'save', 'orgHandles', 'ruleColumn', 'settingOff', 'notSaved', 'draftSection', 'padPlaceholder', 'openOptions']) {
    assert.notEqual(es[key], en[key], key);
  }
});
