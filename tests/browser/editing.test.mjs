// Issue 15 in the real compose box (the Draft.js stand-in, real Chromium, the
// real engine): no stale card or popover entry ever changes the draft; cards
// open only when asked; options and the site's theme apply at once; focus
// comes back to the editor at the caret; the post guard; "why" and "turn off
// this rule"; hints sharing a span; the chip's length count.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot, EXTENSION_ID } from './lib/browser.mjs';
import { standinSession, typeInto } from './lib/session.mjs';
import { card, chips, editorSelector, editorText, focusAt, posted, storedDrafts, underlines, until, waitForDrawn } from './lib/page.mjs';

const PROMO = 'We are thrilled to announce that our world-class, award-winning cardiology team is the best in the region! ' +
  'Book your appointment today.';
// Two error-level hints (rules.md: care.patient-privacy).
const PRIVATE = 'Congratulations to our patient Maria Lopez in room 412 on going home today!';

const session = standinSession();
const { open } = session;

async function resultFor(text) {
  const draft = (await storedDrafts(session.browser.worker, text)).find((d) => d.text === text);
  assert.ok(draft, `the background analysed ${JSON.stringify(text)}`);
  return draft.result;
}

const spanHints = (result, text) => result.hints.filter((h) => h.severity !== 'good' && !(h.start === 0 && h.end >= text.length));
const withReplacement = (hints) => hints.find((h) => h.replacements?.some((r) => r.length > 0));
const overlayLocator = (page, css) => page.locator(`chime-overlay ${css}`);

async function hover(page, hint) {
  const line = (await underlines(page)).find((u) => u.rule === hint.rule && u.start === hint.start);
  assert.ok(line, `the hint ${hint.rule}@${hint.start} is underlined`);
  await page.mouse.move(line.left + Math.min(6, line.width / 2), line.top - 6);
  await overlayLocator(page, '.card').waitFor({ state: 'visible' });
  return line;
}

async function setConfig(config) {
  await session.browser.worker.evaluate((value) => chrome.storage.sync.set({ config: value }), config);
}

describe('issue 15: safe edits', () => {
  test('a double click on a replacement replaces the span once, and the card closes', async () => {
    const { page, errors } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hint = withReplacement(spanHints(await resultFor(PROMO), PROMO));
    assert.ok(hint, 'the engine offers a replacement');
    const replacement = hint.replacements.find((r) => r.length > 0);
    await hover(page, hint);
    await overlayLocator(page, '.card .replace').filter({ hasText: replacement }).first().dblclick();
    const want = PROMO.slice(0, hint.start) + replacement + PROMO.slice(hint.end);
    await waitForDrawn(page, want);
    await page.waitForTimeout(400);
    assert.equal(await editorText(page, selector), want, 'replaced exactly once');
    const shown = await card(page);
    assert.ok(shown === null || !shown.rules.includes(hint.rule) || (await underlines(page)).some((u) => u.rule === hint.rule),
      'the card closed or shows the fresh state');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a card left from before typing elsewhere changes nothing; the fresh card replaces the right span', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hint = withReplacement(spanHints(await resultFor(PROMO), PROMO));
    const replacement = hint.replacements.find((r) => r.length > 0);
    await hover(page, hint);
    // The card's button as it was: kept even after the card closes.
    const stale = await overlayLocator(page, '.card .replace').filter({ hasText: replacement }).first().elementHandle();
    await page.mouse.move(5, 5);
    await page.locator(selector).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi! ');
    const edited = `Hi! ${PROMO}`;
    await waitForDrawn(page, edited);
    await stale.evaluate((button) => button.click());
    await page.waitForTimeout(400);
    assert.equal(await editorText(page, selector), edited, 'the stale card did not touch the draft');
    assert.match(await page.evaluate(() => document.querySelector('chime-overlay').shadowRoot.querySelector('[role="status"]').textContent),
      /changed since this hint; nothing was replaced/);

    const moved = { ...hint, start: hint.start + 4, end: hint.end + 4 };
    await hover(page, moved);
    await overlayLocator(page, '.card .replace').filter({ hasText: replacement }).first().click();
    const want = edited.slice(0, moved.start) + replacement + edited.slice(moved.end);
    await waitForDrawn(page, want);
    assert.equal(await editorText(page, selector), want);
    await page.close();
  });

  test('a popover entry from before an edit changes nothing; the redrawn popover replaces the right span', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hint = withReplacement(spanHints(await resultFor(PROMO), PROMO));
    const replacement = hint.replacements.find((r) => r.length > 0);
    await overlayLocator(page, '.chip').click();
    await overlayLocator(page, '.popover').waitFor({ state: 'visible' });
    const entry = () => overlayLocator(page, `.popover .hint[data-rule="${hint.rule}"] .replace`).filter({ hasText: replacement }).first();
    const stale = await entry().elementHandle();
    await page.locator(selector).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi! ');
    const edited = `Hi! ${PROMO}`;
    await waitForDrawn(page, edited);
    await stale.evaluate((button) => button.click());
    await page.waitForTimeout(400);
    assert.equal(await editorText(page, selector), edited, 'the stale entry did not touch the draft');

    await overlayLocator(page, '.chip').click();
    await overlayLocator(page, '.popover').waitFor({ state: 'visible' });
    await entry().click();
    const want = edited.slice(0, hint.start + 4) + replacement + edited.slice(hint.end + 4);
    await waitForDrawn(page, want);
    assert.equal(await editorText(page, selector), want);
    await page.close();
  });
});

describe('issue 15: cards open when asked, focus comes back', () => {
  test('typing a draft opens no card; Alt+Down at a flagged word does, with focus in it; Escape returns to the caret', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await page.locator(selector).click();
    await page.evaluate(() => {
      const panel = document.querySelector('chime-overlay').shadowRoot.querySelector('.card');
      window.chimeCardOpened = 0;
      new MutationObserver(() => { if (!panel.hidden) window.chimeCardOpened += 1; }).observe(panel, { attributes: true });
    });
    for (const character of PROMO) await page.keyboard.type(character);
    await waitForDrawn(page, PROMO);
    assert.equal(await page.evaluate(() => window.chimeCardOpened), 0, 'no card opened while typing');

    const hint = withReplacement(spanHints(await resultFor(PROMO), PROMO));
    const caret = hint.start + 2;
    for (let i = PROMO.length; i > caret; i -= 1) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(200);
    assert.equal(await card(page), null, 'moving the caret into a flagged span opens nothing');
    await page.keyboard.press('Alt+ArrowDown');
    await overlayLocator(page, '.card').waitFor({ state: 'visible' });
    assert.ok((await card(page)).rules.includes(hint.rule));
    assert.equal(await focusAt(page), 'overlay:replace');
    await page.keyboard.press('Escape');
    await overlayLocator(page, '.card').waitFor({ state: 'hidden' });
    assert.equal(await focusAt(page), `editor:${caret}`, 'Escape: back in the editor at the caret');
    await page.keyboard.type('Z');
    assert.equal(await editorText(page, selector), PROMO.slice(0, caret) + 'Z' + PROMO.slice(caret), 'the next key is not lost');
    await page.close();
  });

  test('Dismiss and a fix by keyboard return focus to the editor at the caret; Escape from the popover too', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hints = spanHints(await resultFor(PROMO), PROMO);
    const target = withReplacement(hints);
    const other = hints.find((h) => h !== target && (h.end < target.start || h.start > target.end));
    assert.ok(other, 'a second hint away from the first');

    const caretTo = async (offset) => {
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < offset; i += 1) await page.keyboard.press('ArrowRight');
    };
    // Dismiss: Alt+Down in the other hint, Tab to Dismiss, Enter.
    let caret = other.start + 1;
    await caretTo(caret);
    await page.keyboard.press('Alt+ArrowDown');
    await overlayLocator(page, '.card').waitFor({ state: 'visible' });
    await overlayLocator(page, '.card .dismiss').first().focus();
    await page.keyboard.press('Enter');
    await overlayLocator(page, '.card').waitFor({ state: 'hidden' });
    assert.equal(await focusAt(page), `editor:${caret}`, 'after Dismiss');

    // A fix: Alt+Down in the target, Enter on its first replacement.
    caret = target.start + 1;
    await caretTo(caret);
    await page.keyboard.press('Alt+ArrowDown');
    await overlayLocator(page, '.card').waitFor({ state: 'visible' });
    // The focused button is the first replacement of one of the hints here.
    const { replacement, rule } = await page.evaluate(() => {
      const active = document.querySelector('chime-overlay').shadowRoot.activeElement;
      return { replacement: active.dataset.replacement, rule: active.closest('.hint').dataset.rule };
    });
    const fixed = hints.find((h) => h.rule === rule && h.start <= caret && caret <= h.end);
    await page.keyboard.press('Enter');
    const want = PROMO.slice(0, fixed.start) + replacement + PROMO.slice(fixed.end);
    await waitForDrawn(page, want);
    assert.equal(await until(() => focusAt(page), (f) => f === `editor:${fixed.start + replacement.length}`),
      `editor:${fixed.start + replacement.length}`, 'after a fix: the caret after the replacement');

    // The popover: Alt+Down where no hint is (the end of the draft), Escape.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Alt+ArrowDown');
    await overlayLocator(page, '.popover').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await overlayLocator(page, '.popover').waitFor({ state: 'hidden' });
    assert.equal(await focusAt(page), `editor:${want.length}`, 'after Escape from the popover');
    await page.close();
  });

  test('a click in a flagged word opens its card, placed off the other compose box and the toolbar', async () => {
    const { page } = await open('/compose/post');
    const first = editorSelector(0, '[role="dialog"]');
    await typeInto(page, first, PROMO);
    const hint = spanHints(await resultFor(PROMO), PROMO).at(-1);  // before the popup's draft (one a tab) is the second box's
    await page.locator('[role="dialog"] [data-testid="addButton"]').click();
    const second = editorSelector(1, '[role="dialog"]');
    await typeInto(page, second, 'Where do you get your flu shot?');
    const line = (await underlines(page)).filter((u) => u.rule === hint.rule && u.start === hint.start).at(-1);
    await page.mouse.click(line.left + Math.min(6, line.width / 2), line.top - 6);
    await overlayLocator(page, '.card').waitFor({ state: 'visible' });
    const shown = await card(page);
    const avoid = await page.evaluate((sel) => [document.querySelector(sel).closest('[data-testid$="RichTextInputContainer"]'),
      ...document.querySelectorAll('[role="dialog"] [data-testid="toolBar"] button')].map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }), second);
    for (const r of avoid) {
      const overlaps = shown.left < r.right && shown.right > r.left && shown.top < r.bottom && shown.bottom > r.top;
      assert.ok(!overlaps, `the card ${JSON.stringify(shown)} covers ${JSON.stringify(r)}`);
    }
    await screenshot(page, 'card-thread-placement.png');
    await page.close();
  });
});

describe('issue 15: features torn down with their compose box', () => {
  test('when the compose box goes, its underlines, chip and open card go with it', async () => {
    const { page, errors } = await open();
    await typeInto(page, editorSelector(), PROMO);
    await hover(page, spanHints(await resultFor(PROMO), PROMO)[0]);
    const count = () => page.evaluate(() => {
      const root = document.querySelector('chime-overlay').shadowRoot;
      return { layers: root.querySelectorAll('.box-layer').length, lines: root.querySelectorAll('.u').length,
               chips: root.querySelectorAll('.chip').length, card: !root.querySelector('.card').hidden };
    });
    assert.deepEqual(await count(), { layers: 1, lines: (await underlines(page)).length, chips: 1, card: true });
    await page.locator('[data-testid="AppTabBar_Explore_Link"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="tweetTextarea_0"]'));
    assert.deepEqual(await until(() => count(), (c) => c.layers === 0), { layers: 0, lines: 0, chips: 0, card: false });
    await page.mouse.move(300, 300);
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('issue 15: settings apply at once', () => {
  test('a rule switched off in the options leaves open drafts without a keystroke; so does "Turn off this rule"', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hints = spanHints(await resultFor(PROMO), PROMO);
    const [a, b] = [...new Set(hints.map((h) => h.rule))];
    assert.ok(a && b, 'two rules flag the draft');
    await setConfig({ rules: { [a]: 'off' } });
    await page.waitForFunction((rule) => ![...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u')]
      .some((u) => u.dataset.rule === rule), a, { timeout: 15000 });

    await hover(page, hints.find((h) => h.rule === b));
    await overlayLocator(page, `.card .turn-off[data-rule="${b}"]`).click();
    await page.waitForFunction((rule) => ![...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u')]
      .some((u) => u.dataset.rule === rule), b, { timeout: 15000 });
    const stored = await session.browser.worker.evaluate(() => chrome.storage.sync.get('config'));
    assert.deepEqual(stored.config.rules, { [a]: 'off', [b]: 'off' }, 'the option is stored where the options page keeps it');
    await setConfig({});
    await page.waitForFunction((rule) => [...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u')]
      .some((u) => u.dataset.rule === rule), a, { timeout: 15000 });
    await page.close();
  });

  test('the site\'s theme switch is followed at once', async () => {
    const { page } = await open();
    await typeInto(page, editorSelector(), PROMO);
    assert.equal(await page.locator('chime-overlay').getAttribute('data-theme'), 'light');
    await page.evaluate(() => document.body.classList.add('dark'));
    await page.waitForFunction(() => document.querySelector('chime-overlay').getAttribute('data-theme') === 'dark', null, { timeout: 15000 });
    await page.evaluate(() => document.body.classList.remove('dark'));
    await page.waitForFunction(() => document.querySelector('chime-overlay').getAttribute('data-theme') === 'light', null, { timeout: 15000 });
    await page.close();
  });
});

describe('issue 15: the post guard', () => {
  test('an error-level hint stops Post with a dialog naming it; Review goes back; Post anyway posts the draft unchanged', async () => {
    const { page, errors } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PRIVATE);
    const result = await resultFor(PRIVATE);
    const problems = result.hints.filter((h) => h.severity === 'error');
    assert.ok(problems.length >= 1, `the engine flags the patient: ${JSON.stringify(result.hints)}`);

    // Error underlines differ in shape, not only in colour.
    const shapes = await page.evaluate(() => [...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u')].map((u) => {
      const style = getComputedStyle(u);
      return { severity: u.className.match(/sev-(\w+)/)[1], top: style.borderTopStyle, bottom: style.borderBottomStyle };
    }));
    assert.ok(shapes.some((s) => s.severity === 'error' && s.top === 'solid' && s.bottom === 'solid'), JSON.stringify(shapes));
    assert.ok(shapes.filter((s) => s.severity !== 'error').every((s) => s.top === 'none'));
    // ...and a "!" on the line itself, at the start of each error's words, beside them, not on them.
    const marks = await page.evaluate(() => [...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u')].map((u) => {
      const mark = u.querySelector('.mark');
      const line = u.getBoundingClientRect();
      const box = mark?.getBoundingClientRect();
      return { rule: u.dataset.rule, start: Number(u.dataset.start), error: u.classList.contains('sev-error'),
               mark: mark?.textContent ?? null, visible: box ? getComputedStyle(mark).visibility === 'visible' && box.width > 0 : false,
               beside: box ? box.right <= line.left + 1 && box.bottom >= line.top - 2 && box.top <= line.bottom + 2 : false };
    }));
    for (const hint of problems) {
      const own = marks.filter((m) => m.rule === hint.rule && m.start === hint.start);
      assert.equal(own.filter((m) => m.mark === '!').length, 1, `one "!" for ${hint.rule}@${hint.start}: ${JSON.stringify(own)}`);
      assert.ok(own.every((m) => m.mark === null || (m.visible && m.beside)), JSON.stringify(own));
    }
    assert.ok(marks.filter((m) => !m.error).every((m) => m.mark === null), 'only errors are marked');

    await page.locator('[data-testid="tweetButtonInline"]').click();
    const guard = overlayLocator(page, '.guard');
    await guard.waitFor({ state: 'visible' });
    assert.equal(await guard.getAttribute('role'), 'alertdialog');
    const said = await guard.innerText();
    assert.match(said, /Maria Lopez/);
    assert.ok(said.includes(problems[0].message));
    assert.deepEqual(await posted(page), [], 'nothing was posted');
    await screenshot(page, 'post-guard.png');

    await guard.locator('.review').click();
    await guard.waitFor({ state: 'detached' });
    assert.ok((await focusAt(page)).startsWith('overlay:') || (await focusAt(page)).startsWith('editor:'), 'back to the draft');
    assert.deepEqual(await posted(page), []);

    // The keyboard shortcut is stopped too.
    await page.locator(selector).click();
    await page.keyboard.press('Control+Enter');
    await guard.waitFor({ state: 'visible' });
    assert.deepEqual(await posted(page), []);
    await guard.locator('.post-anyway').click();
    await until(() => posted(page), (list) => list.length === 1);
    assert.deepEqual(await posted(page), [PRIVATE], 'posted exactly the draft');
    assert.equal(await editorText(page, selector), PRIVATE, 'the draft is unchanged');

    // Switched off in the options: Post goes straight through.
    await session.browser.worker.evaluate(() => chrome.storage.sync.set({ postGuard: false }));
    await page.waitForTimeout(200);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => posted(page), (list) => list.length === 2);
    assert.deepEqual(await posted(page), [PRIVATE, PRIVATE]);
    assert.equal(await guard.count(), 0);
    await session.browser.worker.evaluate(() => chrome.storage.sync.remove('postGuard'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Tab stays inside the guard; Escape is Review, back in the editor at the caret', async () => {
    const { page } = await open();
    const selector = editorSelector();
    await typeInto(page, selector, PRIVATE);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(await until(() => focusAt(page), (f) => f === 'editor:10'), 'editor:10');
    await page.keyboard.press('Control+Enter');
    const guard = overlayLocator(page, '.guard');
    await guard.waitFor({ state: 'visible' });
    assert.equal(await focusAt(page), 'overlay:replace review');
    const seen = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      seen.push(await focusAt(page));
    }
    assert.deepEqual(seen, ['overlay:dismiss post-anyway', 'overlay:replace review', 'overlay:dismiss post-anyway',
                            'overlay:replace review', 'overlay:dismiss post-anyway', 'overlay:replace review']);
    await page.keyboard.press('Escape');
    await guard.waitFor({ state: 'detached' });
    assert.equal(await focusAt(page), 'editor:10', 'back at the caret');
    await page.keyboard.type('X');
    assert.equal(await editorText(page, selector), `${PRIVATE.slice(0, 10)}X${PRIVATE.slice(10)}`, 'typing goes on there');
    assert.deepEqual(await posted(page), [], 'nothing was posted');
    await page.close();
  });

  test('the guard fits the window at 360, 560, 800 and 1280 px, both buttons reachable', async () => {
    for (const width of [360, 560, 800, 1280]) {
      const { page } = await open();
      await page.setViewportSize({ width, height: 800 });
      await typeInto(page, editorSelector(), PRIVATE);
      await page.keyboard.press('Control+Enter');
      const guard = overlayLocator(page, '.guard');
      await guard.waitFor({ state: 'visible' });
      const box = await guard.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width && box.y >= 0 && box.y + box.height <= 800,
        `${width} px: the dialog ${JSON.stringify(box)} is inside the window`);
      for (const button of ['review', 'post-anyway']) {
        const hit = await page.evaluate((name) => {
          const root = document.querySelector('chime-overlay').shadowRoot;
          const r = root.querySelector(`.guard .${name}`).getBoundingClientRect();
          return root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.classList.contains(name) ?? false;
        }, button);
        assert.ok(hit, `${width} px: ${button} is the element at its own middle`);
      }
      await screenshot(page, `post-guard-${width}.png`);
      assert.deepEqual(await posted(page), []);
      await page.close();
    }
  });

  test('Post at once after typing a patient\'s name is stopped too (it waits for that text\'s analysis)', async () => {
    const { page } = await open();
    await page.locator(editorSelector()).click();
    await page.keyboard.type(PRIVATE);
    await page.locator('[data-testid="tweetButtonInline"]').click();  // no wait for the hints
    await overlayLocator(page, '.guard').waitFor({ state: 'visible' });
    assert.deepEqual(await posted(page), []);
    await page.close();
  });

  test('the options page\'s switch turns the guard off and on', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(session.browser.extensionUrl('options/options.html'));
    const box = options.locator('#post-guard');
    await box.waitFor();
    assert.equal(await box.isChecked(), true, 'on by default');
    await box.uncheck();
    await until(() => session.browser.worker.evaluate(() => chrome.storage.sync.get('postGuard')), (v) => v.postGuard === false);
    const { page } = await open();
    await typeInto(page, editorSelector(), PRIVATE);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    assert.deepEqual(await until(() => posted(page), (list) => list.length === 1), [PRIVATE], 'off: posted at once');
    await box.check();
    await until(() => session.browser.worker.evaluate(() => chrome.storage.sync.get('postGuard')), (v) => v.postGuard === true);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await overlayLocator(page, '.guard').waitFor({ state: 'visible' });
    assert.deepEqual(await posted(page), [PRIVATE], 'on again: stopped');
    await session.browser.worker.evaluate(() => chrome.storage.sync.remove('postGuard'));
    await options.close();
    await page.close();
  });

  test('a draft without errors posts at once', async () => {
    const { page } = await open();
    await typeInto(page, editorSelector(), PROMO);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => posted(page), (list) => list.length === 1);
    assert.deepEqual(await posted(page), [PROMO]);
    assert.equal(await overlayLocator(page, '.guard').count(), 0);
    await page.close();
  });
});

describe('issue 15: no dead ends', () => {
  test('every card has "Why?" to the rule\'s page inside the extension and "Turn off this rule"', async () => {
    const { page } = await open();
    await typeInto(page, editorSelector(), PROMO);
    const hint = spanHints(await resultFor(PROMO), PROMO)[0];
    await hover(page, hint);
    const why = overlayLocator(page, `.card .hint[data-rule="${hint.rule}"] .why`);
    const href = await why.getAttribute('href');
    assert.equal(href, session.browser.extensionUrl(`rules/index.html#${hint.rule}`));
    assert.equal(await overlayLocator(page, `.card .hint[data-rule="${hint.rule}"] .turn-off`).count(), 1);
    const [tab] = await Promise.all([session.browser.context.waitForEvent('page'), why.click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), href);
    const heading = tab.locator(`[id="${hint.rule}"]`);
    assert.equal(await heading.count(), 1, 'the rule has its section, rendered from docs/rules');
    assert.match(await heading.innerText(), new RegExp(hint.rule.replace('.', '\\.')));
    await screenshot(tab, 'rule-page.png');
    await tab.close();
    await page.close();
  });

  test('hints sharing a span are all in its card', async () => {
    const { page } = await open();
    const text = 'We have the BEST WORLD-CLASS doctors!!! Book now.';
    await typeInto(page, editorSelector(), text);
    const hints = spanHints(await resultFor(text), text);
    // A hint that starts inside another: at its start, both apply.
    const inner = hints.find((h) => hints.some((o) => o !== h && o.start < h.start && h.start < o.end && o.rule !== h.rule));
    assert.ok(inner, `two hints share a span here: ${JSON.stringify(hints.map((h) => [h.rule, h.start, h.end]))}`);
    const sharing = hints.filter((o) => o.start <= inner.start && inner.start + 1 <= o.end);
    assert.ok(sharing.length >= 2);
    await hover(page, inner);
    const shown = await card(page);
    for (const h of sharing) assert.ok(shown.rules.includes(h.rule), `${h.rule} is in the card: ${shown.rules}`);
    // Each can be acted on: its own buttons.
    for (const h of sharing) {
      assert.ok(await overlayLocator(page, `.card .hint[data-rule="${h.rule}"] .dismiss`).count() >= 1, `${h.rule} has Dismiss`);
    }
    await screenshot(page, 'card-shared-span.png');
    await page.close();
  });

  test('the chip counts down near 280 and shows how far over, from the engine\'s weighted length', async () => {
    const { page } = await open();
    const selector = editorSelector();
    const near = `${'Flu shots are free at every clinic this week, no appointment needed. '.repeat(4)}`.slice(0, 270);
    await typeInto(page, selector, near);
    let result = await resultFor(near);
    let [chip] = await chips(page);
    assert.equal(await overlayLocator(page, '[data-testid="chime-chip-length"]').innerText(), String(result.length.max - result.length.weighted));
    assert.match(chip.ariaLabel, /characters left/);
    const over = `${near} Ask us anything today!`;
    await page.keyboard.type(' Ask us anything today!');
    await waitForDrawn(page, over);
    result = await resultFor(over);
    assert.ok(result.length.weighted > 280);
    const count = overlayLocator(page, '[data-testid="chime-chip-length"]');
    assert.equal(await count.innerText(), String(result.length.max - result.length.weighted));
    assert.match(await count.getAttribute('class'), /over/);
    [chip] = await chips(page);
    assert.match(chip.ariaLabel, /over the limit/);
    await screenshot(page, 'chip-over-limit.png');
    await page.close();
  });
});

describe('issue 15: still no network', () => {
  test('the guard, the cards, "Why?" and "Turn off this rule" made no request of the extension\'s own', () => {
    const own = new Set(['/home', '/explore', '/compose/post', '/app.js', '/app.css', '/draft.css', '/favicon.ico']);
    for (const url of session.requests) {
      const parsed = new URL(url);
      if (parsed.protocol === 'chrome-extension:') { assert.equal(parsed.host, EXTENSION_ID); continue; }
      assert.ok(['data:', 'blob:'].includes(parsed.protocol) || (parsed.host === 'x.com' && own.has(parsed.pathname)), `unexpected request ${url}`);
    }
    for (const { host, path } of session.server.requests) {
      assert.equal(host, 'x.com');
      assert.ok(own.has(path), `the stand-in was asked for ${path}`);
    }
    assert.ok(session.requests.some((url) => url.startsWith(`chrome-extension://${EXTENSION_ID}/rules/index.html`)), 'the rules page came from the extension');
  });
});
