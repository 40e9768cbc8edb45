// The score popover: the whole breakdown of a box's latest result (the same
// view as the toolbar popup), opened from the chip or with Alt+Down where no
// hint sits at the caret. Its replacements act only on the latest analysis of
// the current text (Box.apply checks); a new result redraws it. Escape
// closes it and returns to the editor at the caret. One popover for the page.
(() => {
  const { renderReport, el } = globalThis.chimeReport;

  let app = null;
  let openBox = null;

  function render() {
    const box = openBox;
    if (!box?.result) return;
    const hints = box.visibleHints();
    const text = box.text;  // what the popover quotes: a fix applies only while the span still holds it
    app.overlay.popover.replaceChildren(
      el(document, 'button', { type: 'button', class: 'panel-close', 'aria-label': globalThis.chimeLabels.text('closeDetails'), onclick: () => close(true) }, '×'),
      renderReport(document, {
        result: box.result, text, hints,
        dismissedCount: box.result.hints.length - hints.length,
        onApply: async (hint, replacement) => {
          close(false);
          await box.apply(hint, replacement, text.slice(hint.start, hint.end));
          box.focusEditor();
        },
        onDismiss: (hint) => { box.dismiss(hint); render(); },
      }));
  }

  function open(box) {
    globalThis.chimeCard.hide();
    box.rememberCaret();
    openBox = box;
    render();
    const anchor = box.chip && !box.chip.hidden ? box.chip.getBoundingClientRect() : box.container.getBoundingClientRect();
    app.overlay.place(app.overlay.popover, anchor, 'right');
    box.chip?.setAttribute('aria-expanded', 'true');
    const panel = app.overlay.popover;
    (panel.querySelector('.replace') ?? panel.querySelector('.dismiss') ?? panel.querySelector('button'))?.focus();
  }

  // `returnFocus`: back to the editor, at the caret.
  function close(returnFocus) {
    if (!openBox) return;
    const box = openBox;
    openBox = null;
    app.overlay.popover.hidden = true;
    box.chip?.setAttribute('aria-expanded', 'false');
    if (returnFocus) box.focusEditor();
  }

  function toggle(box) {
    if (openBox === box) close(true);
    else open(box);
  }

  function install(shared, signal) {
    app = shared;
    app.overlay.shadow.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && openBox && app.overlay.popover.contains(event.composedPath()[0])) {
        event.stopPropagation();
        close(true);
      }
    }, { signal });
    document.addEventListener('mousedown', (event) => {
      if (!app.overlay.contains(event.composedPath()[0])) close(false);
    }, { capture: true, signal });
    signal.addEventListener('abort', () => { openBox = null; });
  }

  function forBox(box, signal) {
    signal.addEventListener('abort', () => { if (openBox === box) close(false); });
    // Redrawn for a new result, unless someone is at one of its buttons (the
    // button would vanish under the keyboard; Box.apply refuses a stale fix).
    return { result: () => { if (openBox === box && !app.overlay.popover.contains(app.overlay.shadow.activeElement)) render(); } };
  }

  globalThis.chimePopover = Object.freeze({ name: 'popover', install, forBox, open, close, toggle });
})();
