// Helpers for reading what the extension drew on the stand-in page.
export const editorSelector = (index = 0, scope = '') => `${scope} [data-testid="tweetTextarea_${index}"]`.trim();

// The editor's text as the page (and Draft.js) has it: blocks joined by "\n".
export async function editorText(page, selector = editorSelector()) {
  return page.locator(selector).evaluate((editor) =>
    [...editor.querySelectorAll('[data-block="true"]')].map((b) => b.textContent).join('\n'));
}

// Underlines drawn in the overlay: {rule, start, end, left, top, width}.
export async function underlines(page) {
  return page.evaluate(() => {
    const host = document.querySelector('chime-overlay');
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll('.u')].map((u) => {
      const r = u.getBoundingClientRect();
      return { rule: u.dataset.rule, start: Number(u.dataset.start), end: Number(u.dataset.end),
               left: r.left, top: r.top, width: r.width, severity: u.className.match(/sev-(\w+)/)[1] };
    });
  });
}

export async function chips(page) {
  return page.evaluate(() => {
    const host = document.querySelector('chime-overlay');
    if (!host) return [];
    return [...host.shadowRoot.querySelectorAll('.chip')].filter((c) => !c.hidden).map((c) => {
      const r = c.getBoundingClientRect();
      return { score: Number(c.dataset.score), label: c.dataset.label, text: c.textContent,
               ariaLabel: c.getAttribute('aria-label'), left: r.left, top: r.top, width: r.width, height: r.height };
    });
  });
}

// Waits until the overlay has drawn a result for a draft of this length.
export async function waitForDrawn(page, text) {
  await page.waitForFunction((length) =>
    document.querySelector('chime-overlay')?.getAttribute('data-chime-drawn') === String(length), text.length);
}

// The drafts the background analysed, as kept for the popup (one a tab),
// once one of them is `text`: the background stores drafts when typing pauses.
export async function storedDrafts(worker, text) {
  for (let waited = 0; ; waited += 50) {
    const session = await worker.evaluate(() => chrome.storage.session.get(null));
    const drafts = Object.entries(session).filter(([key]) => key.startsWith('draft:')).map(([, draft]) => draft);
    if (drafts.some((draft) => draft.text === text) || waited >= 5000) return drafts;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Glyph boxes of [start, end) of the editor's text, measured in the page.
export async function spanRects(page, selector, start, end) {
  return page.locator(selector).evaluate((editor, [from, to]) => {
    const rects = [];
    let offset = 0;
    [...editor.querySelectorAll('[data-block="true"]')].forEach((block, i) => {
      if (i > 0) offset += 1;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const a = Math.max(from, offset);
        const b = Math.min(to, offset + node.data.length);
        if (a < b) {
          const range = document.createRange();
          range.setStart(node, a - offset);
          range.setEnd(node, b - offset);
          for (const r of range.getClientRects()) rects.push({ left: r.left, right: r.right, bottom: r.bottom });
        }
        offset += node.data.length;
      }
    });
    return rects;
  }, [start, end]);
}

// The hint card, if shown: its hints' rules, text and the rect it covers.
export async function card(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('chime-overlay')?.shadowRoot.querySelector('.card');
    if (!panel || panel.hidden) return null;
    const r = panel.getBoundingClientRect();
    return { rules: [...panel.querySelectorAll('.hint')].map((h) => h.dataset.rule), text: panel.innerText,
             left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

// Where focus is: 'editor:N' (the caret's text offset in that editor), 'overlay:CLASS', or the tag name.
export async function focusAt(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'CHIME-OVERLAY') return `overlay:${active.shadowRoot.activeElement?.className ?? ''}`;
    if (!active?.matches('[contenteditable="true"]')) return active?.tagName.toLowerCase() ?? 'none';
    const selection = getSelection();
    if (!selection.rangeCount || !active.contains(selection.focusNode)) return 'editor:?';
    let offset = 0;
    const blocks = [...active.querySelectorAll('[data-block="true"]')];
    for (let i = 0; i < blocks.length; i += 1) {
      if (i > 0) offset += 1;
      const walker = document.createTreeWalker(blocks[i], NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node === selection.focusNode) return `editor:${offset + selection.focusOffset}`;
        offset += node.data.length;
      }
      if (blocks[i].contains(selection.focusNode)) return `editor:${offset}`;
    }
    return 'editor:?';
  });
}

// What the stand-in's Post buttons posted, in order (one entry a post, a thread's texts joined by " / ").
export async function posted(page) {
  return page.locator('[data-testid="posted"] li').allInnerTexts();
}

// Polls `read` until `check` holds of its value (or the time is up); returns the last value.
export async function until(read, check, timeout = 15000) {
  let value;
  for (const started = Date.now(); ; ) {
    value = await read();
    if (check(value) || Date.now() - started > timeout) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
