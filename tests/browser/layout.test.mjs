// Issue 15 item 2: the score chip sits in the compose box's own toolbar row,
// between the site's controls, never over them or over the text, at 360,
// 560, 800 and 1280 px wide, for the inline box, the compose dialog, a reply
// and a thread; Post stays clickable (elementFromPoint, then a real click).
// A screenshot of each goes to the test artefacts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot } from './lib/browser.mjs';
import { standinSession, typeInto } from './lib/session.mjs';
import { editorSelector, posted, until } from './lib/page.mjs';

const WIDTHS = [360, 560, 800, 1280];
const DRAFT = 'Flu shots are free this week at all our clinics. Where do you usually get yours?';
const SECOND = 'Bring your insurance card if you have one.';

const session = standinSession();

// Each layout: how to get there, the editors to type in, the Post button.
const LAYOUTS = {
  inline: { path: '/home', editors: [editorSelector()], post: '[data-testid="tweetButtonInline"]' },
  'status-reply': { path: '/healthdesk/status/1002', editors: [editorSelector()], post: '[data-testid="tweetButtonInline"]' },
  dialog: { path: '/compose/post', editors: [editorSelector(0, '[role="dialog"]')], post: '[role="dialog"] [data-testid="tweetButton"]' },
  reply: {
    path: '/home', editors: [editorSelector(0, '[role="dialog"]')], post: '[role="dialog"] [data-testid="tweetButton"]',
    async setup(page) { await page.locator('article [data-testid="reply"]').first().click(); },
  },
  thread: {
    path: '/compose/post', editors: [editorSelector(0, '[role="dialog"]'), editorSelector(1, '[role="dialog"]')],
    post: '[role="dialog"] [data-testid="tweetButton"]',
    async between(page) { await page.locator('[role="dialog"] [data-testid="addButton"]').click(); },
  },
};

// Everything the chip must not cover, measured in the page: the toolbar's
// controls, Post, every compose box's text area; and what is at Post's middle.
async function measure(page, post) {
  return page.evaluate((postSelector) => {
    const rect = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width }; };
    const button = document.querySelector(postSelector);
    const row = button.closest('[data-testid="toolBar"]');
    const controls = [...row.querySelectorAll('button, [role="progressbar"]')].filter((e) => e.getBoundingClientRect().width > 0).map(rect);
    // Every compose box people can see (not one under the dialog's mask).
    const seen = (e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
      return hit !== null && e.contains(hit);
    };
    const texts = [...document.querySelectorAll('[data-testid$="RichTextInputContainer"]')].filter(seen).map(rect);
    const b = button.getBoundingClientRect();
    const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    const host = document.querySelector('chime-overlay');
    const chip = [...host.shadowRoot.querySelectorAll('.chip')].find((c) => !c.hidden);
    return { row: rect(row), controls, texts, textsSeen: texts.length, postHit: top === button || button.contains(top),
             chip: chip ? { ...rect(chip), compact: chip.classList.contains('compact'), score: chip.dataset.score } : null };
  }, post);
}

const overlaps = (a, b) => a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;

describe('the chip in the toolbar row', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    for (const width of WIDTHS) {
      test(`${name} at ${width} px`, async () => {
        const page = await session.browser.context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error));
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`https://x.com${layout.path}`);
        await layout.setup?.(page);
        await page.locator(layout.editors[0]).waitFor();
        await page.waitForFunction(() => document.querySelector('chime-overlay'));
        await typeInto(page, layout.editors[0], DRAFT);
        if (layout.editors[1]) {
          await layout.between(page);
          await page.locator(layout.editors[1]).waitFor();
          await typeInto(page, layout.editors[1], SECOND);
        }
        await page.mouse.move(1, 1);
        await page.waitForTimeout(100);  // a frame for the chip to settle
        const m = await measure(page, layout.post);
        const file = await screenshot(page, `chip-${name}-${width}.png`);
        console.log(`screenshot: ${file}`);

        assert.ok(m.postHit, 'Post is what a click at its middle reaches');
        if (width >= 560) assert.ok(m.chip, 'the chip is shown');
        if (m.chip) {
          assert.ok(m.chip.left >= m.row.left - 0.5 && m.chip.right <= m.row.right + 0.5 &&
                    m.chip.top >= m.row.top - 0.5 && m.chip.bottom <= m.row.bottom + 0.5,
          `the chip ${JSON.stringify(m.chip)} is inside the toolbar row ${JSON.stringify(m.row)}`);
          for (const control of m.controls) assert.ok(!overlaps(m.chip, control), `the chip covers a control ${JSON.stringify(control)}`);
          assert.equal(m.textsSeen, layout.editors.length, 'the compose boxes of this layout are checked');
          for (const text of m.texts) assert.ok(!overlaps(m.chip, text), `the chip covers a compose box's text ${JSON.stringify(text)}`);
        }
        // A real click on Post posts (the draft has no error: no guard).
        await page.locator(layout.post).click();
        const list = await until(() => posted(page), (l) => l.length === 1);
        assert.deepEqual(list, [layout.editors.length === 2 ? `${DRAFT} / ${SECOND}` : DRAFT]);
        assert.equal(await page.locator('chime-overlay .popover:visible').count(), 0, 'the click did not open Chime\'s popover');
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }
});
