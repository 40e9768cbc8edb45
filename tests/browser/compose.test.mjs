// The extension in Debian's Chromium on the local x.com stand-in (Draft.js,
// strict CSP): hints, the score chip and popover, applying a replacement,
// reply context, client-side navigation, switching off, and no network use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot, EXTENSION_ID } from './lib/browser.mjs';
import { standinSession, typeInto } from './lib/session.mjs';
import { kindCue, kindName } from './lib/labels.mjs';
import { chips, editorSelector, editorText, spanRects, storedDrafts, underlines, waitForDrawn } from './lib/page.mjs';

// Press-release language (rules.md section 2), with a promotional call to action.
const PROMO = 'We are thrilled to announce that our world-class, award-winning cardiology team is the best in the region! ' +
  'Book your appointment today.';
const REPLY = 'I am so sorry about the wait. Could you send us a direct message so we can look into it?';

const session = standinSession();
const openHome = session.open;

const drawnHints = (result, text) => result.hints.filter((h) =>
  h.severity !== 'good' && !(h.start === 0 && h.end >= text.length));

describe('compose box on the stand-in', () => {
  test('a promotional draft shows its underlines, under the flagged words, and its score', async () => {
    const { page, errors } = await openHome();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    assert.equal(await editorText(page, selector), PROMO, 'typing reached Draft.js intact');

    const [draft] = await storedDrafts(session.browser.worker, PROMO);
    assert.equal(draft.text, PROMO);
    const { result } = draft;
    assert.ok(result.hints.some((h) => h.rule.startsWith('promo.')), `press-release language is flagged: ${JSON.stringify(result.hints)}`);
    assert.ok(['promotional', 'broadcast'].includes(result.label), `label ${result.label}`);

    const lines = await underlines(page);
    const expected = drawnHints(result, PROMO).map((h) => `${h.rule}@${h.start}-${h.end}`).sort();
    const drawn = [...new Set(lines.map((u) => `${u.rule}@${u.start}-${u.end}`))].sort();
    assert.deepEqual(drawn, expected, 'every span hint is underlined, and nothing else');
    assert.ok(lines.some((u) => u.rule.startsWith('promo.')));

    // Each underline sits right under its words.
    for (const u of lines) {
      const rects = await spanRects(page, selector, u.start, u.end);
      assert.ok(rects.some((r) => Math.abs(r.left - u.left) <= 1.5 && Math.abs(r.right - (u.left + u.width)) <= 1.5 &&
                                  Math.abs(r.bottom - 1 - u.top) <= 1.5), `underline ${JSON.stringify(u)} under ${JSON.stringify(rects)}`);
    }

    const [chip] = await chips(page);
    assert.equal(chip.score, result.scores.overall);
    assert.equal(chip.label, result.label);
    assert.match(chip.ariaLabel, new RegExp(`score ${result.scores.overall}`));
    await screenshot(page, 'hints-light.png');

    // The card on hover: the hint's message, suggestion and replacements.
    const promo = lines.find((u) => u.rule.startsWith('promo.'));
    await page.mouse.move(promo.left + promo.width / 2, promo.top - 6);
    const card = page.locator('chime-overlay .card');
    await card.waitFor({ state: 'visible' });
    const hint = result.hints.find((h) => h.rule === promo.rule && h.start === promo.start);
    assert.match(await card.innerText(), new RegExp(hint.message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await screenshot(page, 'hint-card.png');

    // The popover from the chip: breakdown, length, hints by family.
    await page.mouse.move(5, 5);
    await page.locator('chime-overlay .chip').click();
    const popover = page.locator('chime-overlay .popover');
    await popover.waitFor({ state: 'visible' });
    const popoverText = await popover.innerText();
    for (const part of ['Conversation', 'Value', 'Tone', 'Promotion', `${result.length.weighted}/280`]) {
      assert.ok(popoverText.includes(part), `popover shows ${part}`);
    }
    assert.ok(await popover.locator('[data-family="promo"]').count() === 1);
    // The post's kind by its shared name, what decided it on hover.
    const kind = popover.locator('.report-kind');
    assert.equal(await kind.getAttribute('data-kind'), result.kind);
    assert.equal(await kind.innerText(), kindName(result.kind));
    assert.equal(await kind.getAttribute('title'), kindCue(result));
    await screenshot(page, 'popover.png');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('applying a replacement changes exactly that span; typing, Backspace and undo go on at the caret', async () => {
    const { page } = await openHome();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const [draft] = await storedDrafts(session.browser.worker, PROMO);
    const hint = drawnHints(draft.result, PROMO).find((h) => h.replacements?.some((r) => r.length > 0));
    assert.ok(hint, `the engine offers a replacement for some span: ${JSON.stringify(draft.result.hints)}`);
    const replacement = hint.replacements.find((r) => r.length > 0);

    const line = (await underlines(page)).find((u) => u.rule === hint.rule && u.start === hint.start);
    await page.mouse.move(line.left + line.width / 2, line.top - 6);
    await page.locator('chime-overlay .card').waitFor({ state: 'visible' });
    await page.locator('chime-overlay .card .replace', { hasText: replacement }).first().click();

    const replaced = PROMO.slice(0, hint.start) + replacement + PROMO.slice(hint.end);
    await page.waitForFunction(([sel, want]) => [...document.querySelector(sel).querySelectorAll('[data-block="true"]')]
      .map((b) => b.textContent).join('\n') === want, [selector, replaced]);

    const textIs = (want) => page.waitForFunction(([sel, text]) => [...document.querySelector(sel)
      .querySelectorAll('[data-block="true"]')].map((b) => b.textContent).join('\n') === text, [selector, want], { timeout: 15000 });
    // Draft.js recorded the replacement in its own undo stack: undo, then redo.
    await page.keyboard.press('Control+z');
    await textIs(PROMO);
    await page.keyboard.press('Control+Shift+z');
    await textIs(replaced);
    // The caret sits after the replacement: typing goes there, Backspace takes it back.
    await page.keyboard.type('!');
    const caretAt = hint.start + replacement.length;
    assert.equal(await editorText(page, selector), `${replaced.slice(0, caretAt)}!${replaced.slice(caretAt)}`);
    await page.keyboard.press('Backspace');
    assert.equal(await editorText(page, selector), replaced);
    await waitForDrawn(page, replaced);
    await page.close();
  });

  // The content script asks for a plain key's text at keydown, before the
  // editor has it; whatever the editor then holds, the hints must be the
  // engine's for that text.
  test('keys asked for at keydown: mid-draft, over a selection, and a key the site swallows end with the hints of the editor\'s text', async () => {
    const { page, errors } = await openHome();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const hintsMatch = async (text) => {
      assert.equal(await editorText(page, selector), text);
      await waitForDrawn(page, text);
      const draft = (await storedDrafts(session.browser.worker, text)).find((d) => d.text === text);
      assert.ok(draft, `the background kept the draft ${JSON.stringify(text)}`);
      const expected = drawnHints(draft.result, text).map((h) => `${h.rule}@${h.start}-${h.end}`).sort();
      const drawn = [...new Set((await underlines(page)).map((u) => `${u.rule}@${u.start}-${u.end}`))].sort();
      assert.deepEqual(drawn, expected);
      assert.equal((await chips(page))[0].score, draft.result.scores.overall);
    };

    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    const middle = `${PROMO.slice(0, -10)}X${PROMO.slice(-10)}`;
    await hintsMatch(middle);

    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type('Y');
    const overSelection = `${middle.slice(0, -13)}Y${middle.slice(-10)}`;
    await hintsMatch(overSelection);

    // The site cancels "q" after the content script has seen its keydown.
    await page.evaluate(() => window.addEventListener('keydown', (event) => { if (event.key === 'q') event.preventDefault(); }));
    await page.keyboard.type('q');
    await page.waitForTimeout(600);
    await hintsMatch(overSelection);
    const drafts = await storedDrafts(session.browser.worker, overSelection);
    assert.deepEqual(drafts.map((d) => d.text), [overSelection], 'the popup\'s draft is the editor\'s text, not the swallowed key\'s');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('keyboard: Alt+Down with the caret in a flagged span opens its card at its buttons; Enter applies', async () => {
    const { page } = await openHome();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const [draft] = await storedDrafts(session.browser.worker, PROMO);
    const hint = drawnHints(draft.result, PROMO).find((h) => h.replacements?.some((r) => r.length > 0));
    assert.ok(hint, 'the engine offers a replacement for some span');
    for (let i = 0; i < PROMO.length - hint.start - 1; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+ArrowDown');
    const card = page.locator('chime-overlay .card');
    await card.waitFor({ state: 'visible' });
    assert.equal(await card.getAttribute('role'), 'dialog');
    const focused = () => page.evaluate(() => {
      const active = document.querySelector('chime-overlay').shadowRoot.activeElement;
      return active && { className: active.className, replacement: active.dataset.replacement, label: active.getAttribute('aria-label') };
    });
    const button = await focused();
    assert.equal(button?.className, 'replace');
    assert.match(button.label, /^(Replace|Delete)/);
    await page.keyboard.press('Enter');
    const want = PROMO.slice(0, hint.start) + button.replacement + PROMO.slice(hint.end);
    await page.waitForFunction(([sel, text]) => [...document.querySelector(sel).querySelectorAll('[data-block="true"]')]
      .map((b) => b.textContent).join('\n') === text, [selector, want]);
    await page.close();
  });

  test('dismissing a hint hides it for this draft', async () => {
    const { page } = await openHome();
    const selector = editorSelector();
    await typeInto(page, selector, PROMO);
    const before = await underlines(page);
    const first = before[0];
    await page.mouse.move(first.left + first.width / 2, first.top - 6);
    await page.locator('chime-overlay .card .dismiss').click();
    await page.waitForFunction((n) => document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.u').length < n, before.length);
    const afterLines = await underlines(page);
    assert.ok(!afterLines.some((u) => u.rule === first.rule && u.start === first.start));
    await page.close();
  });

  test('a reply dialog carries whom it answers and the text being answered', async () => {
    const { page } = await openHome();
    await page.locator('article [data-testid="reply"]').first().click();
    const dialogEditor = editorSelector(0, '[role="dialog"]');
    await page.locator(dialogEditor).waitFor();
    await typeInto(page, dialogEditor, REPLY);
    const drafts = await storedDrafts(session.browser.worker, REPLY);
    const draft = drafts.find((d) => d.text === REPLY);
    assert.ok(draft, 'the reply was analysed');
    assert.equal(draft.context.reply_to, '@danawhit');
    assert.match(draft.context.in_reply_to_text, /^Waited three hours in the ER/);
    // Two boxes on the page now (Home's inline box under the dialog): the dialog's has the chip.
    const [chip] = await chips(page);
    assert.equal(chip.score, draft.result.scores.overall);
    // The popover names the kind the reply context decided.
    assert.match(draft.result.kind, /^reply/);
    assert.equal(draft.result.kind_cue, 'context.in_reply_to_text');
    await page.locator('chime-overlay .chip:not([hidden])').click();  // the dialog's box's chip
    const kind = page.locator('chime-overlay .popover .report-kind');
    assert.equal(await kind.innerText(), kindName(draft.result.kind));
    assert.match(await kind.getAttribute('title'), /: from the post's context \(context\.in_reply_to_text\)$/);
    await screenshot(page, 'reply-dialog.png');
    await page.close();
  });

  test('boxes are found again after client-side navigation; a thread\'s shared toolbar shows the chip of the box typed in', async () => {
    const { page } = await openHome();
    await page.locator('[data-testid="AppTabBar_Explore_Link"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="tweetTextarea_0"]'));
    await page.locator('[data-testid="AppTabBar_Home_Link"]').click();
    await typeInto(page, editorSelector(), PROMO);
    assert.equal((await chips(page)).length, 1);

    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    const first = editorSelector(0, '[role="dialog"]');
    await typeInto(page, first, 'Flu shots are free this week at all our clinics.');
    const firstChips = await chips(page);
    assert.equal(firstChips.length, 1, 'the dialog\'s chip; Home\'s is under the mask');
    await page.locator('[role="dialog"] [data-testid="addButton"]').click();
    const second = editorSelector(1, '[role="dialog"]');
    await page.locator(second).waitFor();
    await typeInto(page, second, 'Where do you usually get yours?');
    const drafts = await storedDrafts(session.browser.worker, 'Where do you usually get yours?');
    assert.equal(drafts.find((d) => d.text === 'Where do you usually get yours?')?.context.thread_index, 1);
    // Home's box (with its chip) is now under the dialog's mask; the thread's
    // one toolbar shows the chip of the box last typed in, as X's ring does.
    const secondDraft = drafts.find((d) => d.text === 'Where do you usually get yours?');
    const dialogChips = await chips(page);
    assert.equal(dialogChips.length, 1, 'one chip, in the thread\'s toolbar; none over the dialog');
    assert.equal(dialogChips[0].score, secondDraft.result.scores.overall);
    await screenshot(page, 'thread-dialog.png');
    // Back in the first box: the chip shows the first post's score again.
    await page.locator(first).click();
    await page.waitForFunction((score) => [...document.querySelector('chime-overlay').shadowRoot.querySelectorAll('.chip')]
      .some((c) => !c.hidden && c.dataset.score === score), String(firstChips[0].score));
    assert.deepEqual((await chips(page)).map((c) => c.score), [firstChips[0].score]);
    await page.close();
  });

  test('dark theme follows the site', async () => {
    const { page } = await openHome('/home?theme=dark');
    await typeInto(page, editorSelector(), PROMO);
    assert.equal(await page.locator('chime-overlay').getAttribute('data-theme'), 'dark');
    await page.locator('chime-overlay .chip').click();
    await page.locator('chime-overlay .popover').waitFor({ state: 'visible' });
    const colors = await page.evaluate(() => {
      const popover = document.querySelector('chime-overlay').shadowRoot.querySelector('.popover');
      return { bg: getComputedStyle(popover).backgroundColor, fg: getComputedStyle(popover).color };
    });
    assert.equal(colors.bg, 'rgb(0, 0, 0)');
    assert.equal(colors.fg, 'rgb(231, 233, 234)');
    await screenshot(page, 'popover-dark.png');
    await page.close();
  });

  test('the layout of the site does not move when hints appear', async () => {
    const { page } = await openHome();
    const box = () => page.locator('[data-testid="tweetButtonInline"]').boundingBox();
    const before = await box();
    await typeInto(page, editorSelector(), 'Hello');  // one line, as before
    assert.deepEqual(await box(), before);
    await page.close();
  });

  test('switched off for the site, nothing is shown; on again, hints come back', async () => {
    const { page } = await openHome();
    await typeInto(page, editorSelector(), PROMO);
    await session.browser.worker.evaluate(() => chrome.storage.sync.set({ disabledSites: ['x.com'] }));
    await page.waitForFunction(() => !document.querySelector('chime-overlay'));
    await page.keyboard.type(' More.');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('chime-overlay').count(), 0);
    await session.browser.worker.evaluate(() => chrome.storage.sync.set({ disabledSites: [] }));
    await page.waitForFunction(() => document.querySelector('chime-overlay')?.shadowRoot.querySelector('.chip:not([hidden])'));
    await page.close();
  });

  test('the toolbar popup shows the active draft and scores a pasted text', async () => {
    const { page } = await openHome();
    await typeInto(page, editorSelector(), PROMO);
    const [chip] = await chips(page);
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 900 });
    await popup.goto(session.browser.extensionUrl('popup/popup.html'));
    const report = popup.locator('#draft-report .report');
    await report.waitFor();
    assert.equal(Number(await report.getAttribute('data-score')), chip.score);
    const text = await report.innerText();
    for (const part of ['Conversation', 'Value', 'Tone', 'Promotion', 'Length']) assert.ok(text.includes(part), part);
    assert.ok(await report.locator('[data-family="promo"]').count() === 1);

    await popup.locator('#pad').fill(REPLY);
    await popup.locator('#pad-report .report').waitFor();
    assert.ok(Number(await popup.locator('#pad-report .report').getAttribute('data-score')) >= 0);
    await screenshot(popup, 'popup.png');
    await popup.close();
    await page.close();
  });

  test('hints keep coming after Chrome stops the service worker', async () => {
    const { page } = await openHome();
    await typeInto(page, editorSelector(), PROMO);
    const cdp = await session.browser.context.newCDPSession(page);
    const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker');
    const [worker] = await workers();
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });  // as Chrome does to an idle worker
    // closeTarget answers before the target is gone: wait until this worker is.
    const stillThere = async () => (await workers()).some((t) => t.targetId === worker.targetId);
    for (let tries = 0; tries < 100 && await stillThere(); tries += 1) await page.waitForTimeout(50);
    assert.equal(await stillThere(), false, 'the worker is stopped');
    await page.keyboard.type(' Thanks!');
    await waitForDrawn(page, `${PROMO} Thanks!`);
    assert.equal((await workers()).length, 1, 'the next keystroke woke a new worker');
    const [chip] = await chips(page);
    assert.ok(chip, 'the chip shows the new result');
    session.browser.worker = session.browser.context.serviceWorkers().at(-1);
    await cdp.detach();
    await page.close();
  });

  test('the extension makes no network request of its own', async () => {
    const own = new Set(['/home', '/home?theme=dark', '/explore', '/app.js', '/app.css', '/draft.css', '/favicon.ico']);
    for (const url of session.requests) {
      const parsed = new URL(url);
      if (parsed.protocol === 'chrome-extension:') {
        assert.equal(parsed.host, EXTENSION_ID);
        continue;
      }
      assert.ok(['data:', 'blob:'].includes(parsed.protocol) || (parsed.host === 'x.com' && own.has(parsed.pathname + parsed.search)),
        `unexpected request ${url}`);
    }
    for (const { host, path } of session.server.requests) {
      assert.equal(host, 'x.com');
      assert.ok(own.has(path), `the stand-in was asked for ${path}`);
    }
  });
});
