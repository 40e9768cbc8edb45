// The hint card: the hints under the pointer or at the caret, each with its
// replacements, Dismiss, "Why?" (the rule's page inside the extension) and
// "Turn off this rule". It opens on hover, on a click in a flagged span, or
// on Alt+Down in the editor (the hints at the caret, focus in the card);
// never by itself while typing. Escape, Dismiss and a fix return focus to
// the editor at the caret. One card for the page, in the overlay.
(() => {
  const { renderHint, el } = globalThis.chimeReport;
  const t = globalThis.chimeLabels.text;  // a visible string in the browser's language
  const { sameHint } = globalThis.chimeBox;

  const HOVER_CLOSE_MS = 300;
  const GAP = 6;

  let app = null;
  let current = null;  // {box, hints, source: 'hover' | 'click' | 'keyboard', anchor}
  let hoverTimer = 0;

  const sameHints = (a, b) => a.length === b.length && a.every((h, i) => sameHint(h, b[i]));

  // The rule's section of the rules' page, rendered from docs/rules/ by
  // scripts/build-extension.sh (web-accessible, so that a link from x.com opens it).
  const ruleUrl = (rule) => chrome.runtime.getURL(`rules/index.html#${encodeURIComponent(rule)}`);

  // Switches a rule off in the stored configuration (the options page's
  // setting); every open draft follows through storage.onChanged.
  async function turnOff(rule) {
    const { storageKeys } = globalThis.chimeProtocol;
    const stored = await chrome.storage.sync.get(storageKeys.config);
    const config = structuredClone(stored[storageKeys.config] ?? {});
    config.rules = { ...(config.rules ?? {}), [rule]: 'off' };
    await chrome.storage.sync.set({ [storageKeys.config]: config });
    app.overlay.announce(t('ruleTurnedOff', rule));
  }

  function render(box, hints) {
    const panel = app.overlay.card;
    const text = box.text;
    panel.replaceChildren(
      el(document, 'button', { type: 'button', class: 'panel-close', 'aria-label': t('closeHint'), onclick: () => close(true) }, '×'),
      el(document, 'ul', { class: 'hint-list' }, hints.map((hint) => {
        const quote = text.slice(hint.start, hint.end);
        const item = renderHint(document, hint, text, {
          onApply: async (h, replacement) => {
            hide();
            await box.apply(h, replacement, quote);
            box.focusEditor();
          },
          onDismiss: (h) => { hide(); box.dismiss(h); box.focusEditor(); },
        });
        if (hint.severity === 'error') item.querySelector('.sev-tag')?.prepend(el(document, 'span', { class: 'sev-icon', 'aria-hidden': 'true' }, '!'));
        item.append(el(document, 'div', { class: 'more' },
          el(document, 'a', { class: 'why', href: ruleUrl(hint.rule), target: '_blank', rel: 'noopener',
            'aria-label': t('cardWhyLabel', hint.rule) }, t('cardWhy')),
          el(document, 'button', { type: 'button', class: 'turn-off', 'data-rule': hint.rule,
            'aria-label': t('cardTurnOffLabel', hint.rule),
            onclick: () => { hide(); turnOff(hint.rule); box.focusEditor(); } }, t('cardTurnOff'))));
        return item;
      })));
    panel.dataset.count = String(hints.length);
    panel.setAttribute('aria-label', hints.length === 1 ? t('cardOneHint', hints[0].message)
      : t('cardManyHints', hints.length));
  }

  // Rects the card must not cover: the site's controls near compose boxes and
  // the other compose boxes.
  function obstacles(box) {
    const rects = [];
    for (const other of app.boxes.values()) if (other !== box) rects.push(other.container.getBoundingClientRect());
    for (const control of document.querySelectorAll(app.POST_BUTTONS)) rects.push(control.getBoundingClientRect());
    const row = app.toolbarRow(box);
    if (row) rects.push(row.getBoundingClientRect());
    return rects.filter((r) => r.width > 0 && r.height > 0);
  }

  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
                            Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

  // Below the span's line, else above it, else beside the box: the first
  // place inside the window that covers none of the obstacles (or the least).
  function place(box, anchor) {
    const panel = app.overlay.card;
    panel.hidden = false;
    const width = panel.offsetWidth;
    const height = panel.offsetHeight;
    const margin = 8;
    const clampLeft = (left) => Math.max(margin, Math.min(left, innerWidth - width - margin));
    const boxRect = box.container.getBoundingClientRect();
    const candidates = [
      { left: clampLeft(anchor.left), top: anchor.bottom + GAP },
      { left: clampLeft(anchor.left), top: anchor.top - GAP - height },
      { left: boxRect.right + GAP, top: anchor.top },
      { left: boxRect.left - GAP - width, top: anchor.top },
    ].map((c) => ({ ...c, right: c.left + width, bottom: c.top + height }));
    const inside = candidates.filter((c) => c.left >= 0 && c.top >= 0 && c.right <= innerWidth && c.bottom <= innerHeight);
    const blocked = obstacles(box);
    const cost = (c) => blocked.reduce((sum, r) => sum + overlap(c, r), 0);
    const best = (inside.length ? inside : candidates.slice(0, 1)).reduce((a, b) => (cost(b) < cost(a) ? b : a));
    panel.style.left = `${best.left}px`;
    panel.style.top = `${Math.max(margin, best.top)}px`;
  }

  function show(box, hints, source, focus = false) {
    clearTimeout(hoverTimer);
    if (!hints.length) return;
    if (current && current.box === box && sameHints(current.hints, hints)) {
      if (source !== 'hover') current.source = source;
      if (focus) focusFirst();
      return;
    }
    current = { box, hints, source };
    render(box, hints);
    const rects = box.drawn.filter((d) => hints.some((h) => sameHint(h, d.hint))).flatMap((d) => d.rects);
    const anchor = rects.length
      ? { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)),
          top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) }
      : box.container.getBoundingClientRect();
    place(box, anchor);
    box.draw();
    if (focus) focusFirst();
  }

  function focusFirst() {
    const panel = app.overlay.card;
    (panel.querySelector('.replace') ?? panel.querySelector('.dismiss') ?? panel.querySelector('button'))?.focus();
  }

  function hide() {
    clearTimeout(hoverTimer);
    if (!current) return;
    const { box } = current;
    current = null;
    app.overlay.card.hidden = true;
    app.overlay.card.replaceChildren();
    box.draw();
  }

  function close(returnFocus) {
    const box = current?.box;
    hide();
    if (returnFocus) box?.focusEditor();
  }

  const shows = (box, hint) => current?.box === box && current.hints.some((h) => sameHint(h, hint));

  function onPointerMove(event) {
    if (app.overlay.contains(event.composedPath()[0])) { clearTimeout(hoverTimer); return; }
    for (const box of app.boxes.values()) {
      const hints = box.hintsUnder(event.clientX, event.clientY);
      if (hints.length) { show(box, hints, 'hover'); return; }
    }
    if (current?.source === 'hover') {
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => { if (current?.source === 'hover') hide(); }, HOVER_CLOSE_MS);
    }
  }

  // A click in a flagged span opens its card; a click elsewhere closes it.
  function onPointerUp(event) {
    if (app.overlay.contains(event.composedPath()[0])) return;
    for (const box of app.boxes.values()) {
      if (!box.editor.contains(event.target)) continue;
      const hints = box.hintsUnder(event.clientX, event.clientY, 0);
      if (hints.length) { show(box, hints, 'click'); return; }
    }
    hide();
  }

  function onKeyDown(event) {
    const box = [...app.boxes.values()].find((b) => b.editor.contains(event.target));
    if (box && event.altKey && event.key === 'ArrowDown') {  // the documented command: hints at the caret
      event.preventDefault();
      event.stopPropagation();
      box.rememberCaret();
      const hints = box.hintsAt(box.caretOffset());
      if (hints.length) show(box, hints, 'keyboard', true);
      else globalThis.chimePopover.open(box);
    } else if (box && event.key === 'Escape' && current?.box === box) {
      hide();
    } else if (box && current?.box === box && current.source !== 'hover') {
      hide();  // typing goes on: the card does not follow the caret
    }
  }

  function onOverlayKeyDown(event) {
    if (event.key === 'Escape' && current && app.overlay.card.contains(event.composedPath()[0])) {
      event.stopPropagation();
      close(true);
    }
  }

  function install(shared, signal) {
    app = shared;
    document.addEventListener('mousemove', onPointerMove, { passive: true, signal });
    document.addEventListener('mouseup', onPointerUp, { capture: true, signal });
    document.addEventListener('keydown', onKeyDown, { capture: true, signal });
    app.overlay.shadow.addEventListener('keydown', onOverlayKeyDown, { signal });
    signal.addEventListener('abort', () => { current = null; clearTimeout(hoverTimer); });
  }

  // Per box: a new result or an edit re-checks an open card, which shows the
  // fresh hints at its place or closes; a box that goes takes its card along.
  function forBox(box, signal) {
    signal.addEventListener('abort', () => { if (current?.box === box) hide(); });
    const recheck = () => {
      if (current?.box !== box) return;
      const fresh = box.visibleHints().filter((h) => current.hints.some((old) => sameHint(old, h)));
      if (!fresh.length) hide();
      else if (!sameHints(fresh, current.hints)) { current.hints = fresh; render(box, fresh); }
    };
    return { result: recheck, dismissed: recheck };
  }

  globalThis.chimeCard = Object.freeze({ name: 'card', install, forBox, show, hide, close, shows });
})();
