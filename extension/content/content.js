// The content script on x.com / twitter.com: finds every compose box (and
// keeps finding them across the site's client-side navigation), sends each
// draft to the background for analysis, and draws the answer: underlines,
// a hint card, a score chip and its popover. No analysis happens here.
(() => {
  const { kinds, storageKeys, request } = globalThis.chimeProtocol;
  const find = globalThis.chimeFind;
  const { renderReport, renderHint, labelName, el, LABEL_SEVERITY } = globalThis.chimeReport;
  const { Overlay } = globalThis.chimeOverlay;

  const CHIP_HEIGHT = 22;
  // X puts its character ring and "add post" button left of the Post button:
  // the chip sits left of those.
  const CHIP_GAP_BEFORE_POST_BUTTON = 104;
  // A card drops to below the compose box if that is at most this far down.
  const CARD_MAX_DROP = 160;
  // How long an answer asked for at keydown waits for the editor to take the key.
  const EARLY_ANSWER_WAIT_MS = 250;
  const POST_BUTTONS = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';

  let overlay = null;
  const boxes = new Map();  // editor element -> Box
  let card = null;          // {box, hint, source: 'hover' | 'caret' | 'focus'}
  let popoverBox = null;
  let drawScheduled = false;
  const needDraw = new Set();  // boxes to draw on the next frame
  let scanScheduled = false;
  let pageObserver = null;

  // --- typing since the last analysis ----------------------------------------
  // A result arrives for the text that was sent; by then the draft may have
  // changed. Hints before the edit stay, hints after it move with it, hints
  // the edit touched wait for the next result.
  function editBetween(before, after) {
    let start = 0;
    const shortest = Math.min(before.length, after.length);
    while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
    let suffix = 0;
    while (suffix < shortest - start &&
           before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
    return { start, oldEnd: before.length - suffix, delta: after.length - before.length };
  }

  function follow(hint, edit) {
    if (hint.end <= edit.start) return hint;
    if (hint.start >= edit.oldEnd) return { ...hint, start: hint.start + edit.delta, end: hint.end + edit.delta };
    return null;
  }

  class Box {
    constructor(editor) {
      this.editor = editor;
      this.container = find.containerOf(editor);
      this.layer = overlay.layer();
      this.underlines = [];
      this.chip = el(document, 'button', { type: 'button', class: 'chip', hidden: true, 'aria-haspopup': 'dialog',
        'aria-expanded': 'false', onclick: () => togglePopover(this) });
      this.layer.append(this.chip);
      this.text = null;
      this.draft = { text: '', segments: [] };
      this.result = null;
      this.resultText = '';
      this.context = {};
      this.dismissed = new Set();
      this.drawn = [];
      this.inFlight = false;
      this.pending = false;
      this.asked = null;   // the text of the request in flight
      this.early = null;   // {text, result}: answered before the editor took the key it was asked for
      this.trace = null;
      this.lastLabel = '';
      this.chipContent = '';  // what the chip shows, and its width then
      this.chipWidth = 0;
      this.observer = new MutationObserver(() => this.onEdit());
      this.observer.observe(editor, { subtree: true, childList: true, characterData: true });
      this.resizeObserver = new ResizeObserver(scheduleDrawAll);  // a box that grows moves the boxes below it
      this.resizeObserver.observe(this.container);
      this.onKeyDown = (event) => this.keyDown(event);
      editor.addEventListener('keydown', this.onKeyDown);
      this.onEdit();
    }

    destroy() {
      this.early = null;
      this.observer.disconnect();
      this.resizeObserver.disconnect();
      needDraw.delete(this);
      this.editor.removeEventListener('keydown', this.onKeyDown);
      this.layer.remove();
      if (card?.box === this) hideCard();
      if (popoverBox === this) closePopover(false);
    }

    onEdit() {
      if (globalThis.chimeTrace) this.editedAt = performance.now();
      this.draft = find.readDraft(this.editor);
      if (this.draft.text !== this.text) {
        this.text = this.draft.text;
        if (!this.text.trim()) this.dismissed.clear();  // a new draft starts afresh
        if (this.early?.text === this.text) this.adopt(this.text, this.early.result);  // asked for at keydown, answered already
        else if (this.text !== this.asked) this.analyse();  // unless asked for at keydown and on its way
        this.early = null;
      }
      if (this.text === this.asked) {
        // The answer for this very text is on its way and draws when it
        // comes: moving the old hints on the coming frame too would only
        // hold up that frame, and the answer behind it. Should the answer
        // be slow, the frame after draws them.
        requestAnimationFrame(() => { if (this.text === this.asked) scheduleDraw(this); });
      } else {
        scheduleDraw(this);
      }
    }

    // At most one request in flight per box; keystrokes meanwhile coalesce
    // into one request for the latest text. An idle box answers the very
    // first keystroke at once, so hints keep up with typing. `early`: asked
    // at keydown for the text the editor is about to hold.
    async analyse(text = this.text, early = false) {
      if (this.inFlight) { this.pending = true; return; }
      this.inFlight = true;
      this.asked = text;
      // Per-hop times for bench/browser/keystroke.mjs, which sets chimeTrace
      // (an array) in this script's world; nothing is recorded otherwise.
      const trace = globalThis.chimeTrace ? { text } : null;
      try {
        let result = null;
        if (text.trim()) {
          this.context = find.readContext(this.editor);
          if (trace) trace.sent = performance.now();
          const answer = await request(kinds.analyze, trace ? { text, context: this.context, trace: true } : { text, context: this.context });
          if (trace) {
            trace.received = performance.now();
            trace.workerReceived = answer.trace.received - performance.timeOrigin;
            trace.workerAnswered = answer.trace.answered - performance.timeOrigin;
          }
          if (!answer.ok) throw new Error(answer.error?.message ?? 'analysis failed');
          result = answer.result;
        }
        this.trace = trace;
        this.adopt(text, result, early);
      } catch (error) {
        if (/context invalidated/i.test(String(error?.message))) { shutdown(); return; }
        console.warn('Chime:', error);
      } finally {
        this.inFlight = false;
        this.asked = null;
        if (this.pending) {
          this.pending = false;
          if (this.text !== this.resultText) this.analyse();
        }
      }
    }

    // A result for `text`, drawn at once (not on the next frame: this is the
    // latency people feel). One asked for at keydown waits until the editor
    // holds its text, and is never shown if the editor did not take the key.
    adopt(text, result, early = false) {
      if (early && text !== this.text) {
        this.early = { text, result };
        // A key the site swallowed: the background's latest draft (what the
        // popup shows) must be the editor's text again.
        setTimeout(() => { if (this.early?.text === text) { this.early = null; this.analyse(this.text); } }, EARLY_ANSWER_WAIT_MS);
        return;
      }
      this.result = result;
      this.resultText = text;
      this.early = null;
      this.draw();
      if (text === this.text) {
        overlay.host.setAttribute('data-chime-drawn', String(text.length));
        if (this.trace?.text === text) {
          const { text: traced, ...times } = this.trace;
          globalThis.chimeTrace?.push({ ...times, length: traced.length, edited: this.editedAt, drawn: performance.now() });
        }
      }
      this.trace = null;
      this.announce();
    }

    // The text the editor will hold once it takes this key, when that is
    // plain: a printable key without modifiers or composition, the selection
    // in the draft's text. Asking for it at keydown lets the analysis run
    // while the site's editor is still handling the key (several ms on
    // x.com); the answer counts only if the editor's text then matches.
    textAfterKey(event) {
      const { key } = event;
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return null;
      const oneCharacter = key.length === 1 || (key.length === 2 && key.codePointAt(0) > 0xffff);
      if (!oneCharacter || key < ' ' || key === '\x7f') return null;
      if (this.text === '') return key;
      const selection = getSelection();
      if (selection.rangeCount !== 1) return null;
      const { anchorNode, focusNode } = selection;
      if (anchorNode?.nodeType !== Node.TEXT_NODE || focusNode?.nodeType !== Node.TEXT_NODE) return null;
      const anchor = find.offsetOf(this.draft, anchorNode, selection.anchorOffset);
      const focus = find.offsetOf(this.draft, focusNode, selection.focusOffset);
      if (anchor < 0 || focus < 0) return null;
      return this.text.slice(0, Math.min(anchor, focus)) + key + this.text.slice(Math.max(anchor, focus));
    }

    announce() {
      const label = this.result ? `${this.result.scores.overall} ${this.result.label}` : '';
      if (label && label !== this.lastLabel) {
        overlay.announce(`Chime: ${labelName(this.result.label)}, ${this.result.scores.overall} out of 100.`);
      }
      this.lastLabel = label;
    }

    dismissKey(hint) { return `${hint.rule}|${this.text.slice(hint.start, hint.end)}`; }

    // The result's hints placed on the current text, without dismissed ones.
    visibleHints() {
      if (!this.result) return [];
      const edit = editBetween(this.resultText, this.text);
      const hints = [];
      for (const hint of this.result.hints) {
        const placed = follow(hint, edit);
        if (placed && !this.dismissed.has(this.dismissKey(placed))) hints.push(placed);
      }
      return hints;
    }

    dismiss(hint) {
      this.dismissed.add(this.dismissKey(hint));
      hideCard();
      if (popoverBox === this) renderPopover();
      this.draw();
    }

    // Replaces the hint's span through the editor's own editing path: select
    // it, then insertText, which Draft.js handles like typing (caret, undo and
    // further typing stay right). Never writes the editor's DOM.
    async apply(hint, replacement) {
      hideCard();
      closePopover(false);
      this.onEdit();
      const before = this.text;
      const range = find.rangeFor(this.draft, hint.start, hint.end);
      if (!range) return;
      this.editor.focus();
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      await selectionSettled();
      if (replacement) document.execCommand('insertText', false, replacement);
      else document.execCommand('delete');
      await nextFrame();
      this.onEdit();
      const expected = before.slice(0, hint.start) + replacement + before.slice(hint.end);
      if (this.text !== expected) {
        console.warn('Chime: the editor did not take the replacement', { expected, got: this.text });
        overlay.announce('Chime could not apply the replacement; the draft is unchanged.');
      } else {
        overlay.announce(replacement ? `Replaced with “${replacement}”.` : 'Deleted.');
      }
    }

    keyDown(event) {
      if (event.altKey && event.key === 'ArrowDown') {  // from the editor to the hint card or the details
        event.preventDefault();
        event.stopPropagation();
        if (card?.box === this) focusPanel(overlay.card);
        else if (this.result) openPopover(this);
      } else if (event.key === 'Escape' && card?.box === this) {
        hideCard();
      } else if (!this.inFlight) {
        const next = this.textAfterKey(event);
        if (next !== null && next !== this.text) this.analyse(next, true);
      }
    }

    // Where the chip goes: in the toolbar row, left of the Post button, when
    // that row belongs to this box alone; else in the box's bottom-right corner.
    chipAnchor(clip) {
      let ancestor = this.container.parentElement;
      for (let depth = 0; ancestor && depth < 8; depth += 1, ancestor = ancestor.parentElement) {
        const button = ancestor.querySelector(POST_BUTTONS);
        if (!button) continue;
        if (find.findEditors(ancestor).size !== 1) break;
        const rect = button.getBoundingClientRect();
        if (rect.width === 0) break;
        return { right: rect.left - CHIP_GAP_BEFORE_POST_BUTTON, top: rect.top + (rect.height - CHIP_HEIGHT) / 2 };
      }
      return { right: clip.right - 4, top: clip.bottom - CHIP_HEIGHT - 4 };
    }

    // All layout reads first (rects, hit tests, the chip's anchor), then all
    // writes: interleaving them would force a layout per underline.
    draw() {
      needDraw.delete(this);  // drawn now (a result came first): the next frame need not again
      if (!this.editor.isConnected) return;
      const box = this.container.getBoundingClientRect();
      const clip = { left: Math.max(0, box.left), top: Math.max(0, box.top),
                     right: Math.min(innerWidth, box.right), bottom: Math.min(innerHeight, box.bottom) };
      const visible = clip.right > clip.left && clip.bottom > clip.top;
      this.drawn = visible ? this.placeHints(clip) : [];
      const chip = visible ? this.placeChip(clip) : null;
      let used = 0;
      for (const { hint, rects } of this.drawn) {
        const active = card?.box === this && card.hint.start === hint.start && card.hint.rule === hint.rule;
        const className = `u sev-${hint.severity}${active ? ' active' : ''}`;
        for (const r of rects) {
          let line = this.underlines[used];
          if (!line) {
            line = el(document, 'div', { 'aria-hidden': 'true' });
            this.layer.append(line);
            this.underlines.push(line);
          }
          used += 1;
          // Unchanged underlines (most of them, per keystroke) are not rewritten.
          const css = `left:${r.left}px;top:${r.bottom - 1}px;width:${r.right - r.left}px`;
          if (line.chimeCss === css && line.className === className && line.dataset.rule === hint.rule &&
              line.dataset.start === String(hint.start) && line.dataset.end === String(hint.end)) continue;
          line.className = className;
          line.dataset.rule = hint.rule;
          line.dataset.start = String(hint.start);
          line.dataset.end = String(hint.end);
          line.style.cssText = css;
          line.chimeCss = css;
        }
      }
      for (const line of this.underlines.splice(used)) line.remove();
      this.drawChip(chip);
    }

    // The visible hints with the rects of their text inside the clip.
    placeHints(clip) {
      const placed = [];
      for (const hint of this.visibleHints()) {
        // Strengths and whole-post hints live in the popover, not under the text.
        if (hint.severity === 'good' || (hint.start === 0 && hint.end >= this.text.length)) continue;
        const rects = [];
        for (const range of find.rangesFor(this.draft, hint.start, hint.end)) {
          for (const r of range.getClientRects()) {
            if (r.width < 1 || r.bottom <= clip.top || r.top >= clip.bottom) continue;
            if (!this.showsAt(r)) continue;  // under one of the site's menus or dialogs
            const left = Math.max(r.left, clip.left);
            const right = Math.min(r.right, clip.right);
            if (right > left) rects.push({ left, right, top: r.top, bottom: r.bottom });
          }
        }
        if (rects.length) placed.push({ hint, rects });
      }
      return placed;
    }

    // Where the chip goes, or null when it is not shown.
    placeChip(clip) {
      if (!this.result || this.text.trim() === '' || !this.showsAt(clip, this.container)) return null;
      return this.chipAnchor(clip);
    }

    drawChip(anchor) {
      this.chip.hidden = !anchor;
      if (!anchor) return;
      const { scores, label } = this.result;
      const content = `${scores.overall} · ${labelName(label)}`;
      if (this.chipContent !== content) {  // rebuilt (and measured) only when the score or label changes
        this.chip.className = `chip sev-${LABEL_SEVERITY[label] ?? 'tip'}`;
        this.chip.replaceChildren(el(document, 'span', { class: 'dot', 'aria-hidden': 'true' }), content);
        this.chip.setAttribute('aria-label', `Chime score ${scores.overall}, ${labelName(label)}. Show details.`);
        this.chip.dataset.score = String(scores.overall);
        this.chip.dataset.label = label;
        this.chipContent = content;
        this.chipWidth = this.chip.offsetWidth;
      }
      this.chip.style.opacity = this.resultText !== this.text ? '0.7' : '1';
      this.chip.style.left = `${Math.max(0, anchor.right - this.chipWidth)}px`;
      this.chip.style.top = `${anchor.top}px`;
    }

    // Whether the editor is what people see at the middle of this rect (the
    // overlay sits above everything; the site's popups may cover the text).
    showsAt(rect, element = this.editor) {
      const x = Math.min(innerWidth - 1, Math.max(0, (rect.left + rect.right) / 2));
      const y = Math.min(innerHeight - 1, Math.max(0, (rect.top + rect.bottom) / 2));
      const top = document.elementFromPoint(x, y);
      return top !== null && element.contains(top);
    }

    hintAt(offset) {
      return this.drawn.find(({ hint }) => hint.start <= offset && offset <= hint.end)?.hint ?? null;
    }
  }

  // --- the hint card ----------------------------------------------------------

  function showCard(box, hint, source) {
    if (card && card.box === box && card.hint.start === hint.start && card.hint.rule === hint.rule) {
      if (source === 'hover') card.source = 'hover';
      return;
    }
    card = { box, hint, source };
    const panel = overlay.card;
    panel.replaceChildren(
      el(document, 'button', { type: 'button', class: 'panel-close', 'aria-label': 'Close hint', onclick: () => closeCardToEditor() }, '×'),
      el(document, 'ul', { class: 'hint-list' }, renderHint(document, hint, box.text, {
        onApply: (h, replacement) => box.apply(h, replacement),
        onDismiss: (h) => box.dismiss(h),
      })));
    panel.setAttribute('aria-label', `Chime hint: ${hint.message}`);
    const drawn = box.drawn.find((d) => d.hint.start === hint.start && d.hint.rule === hint.rule);
    const first = drawn?.rects[0] ?? box.container.getBoundingClientRect();
    // Below the box when it is near, so the card hides none of the draft.
    const boxRect = box.container.getBoundingClientRect();
    const below = boxRect.bottom - first.bottom < CARD_MAX_DROP ? Math.max(first.bottom, boxRect.bottom) : first.bottom;
    overlay.place(panel, { left: first.left, right: first.right, top: first.top, bottom: below });
    box.draw();
  }

  function hideCard() {
    if (!card) return;
    const { box } = card;
    card = null;
    overlay.card.hidden = true;
    box.draw();
  }

  function closeCardToEditor() {
    const box = card?.box;
    hideCard();
    box?.editor.focus();
  }

  function focusPanel(panel) {
    // The first replacement, else Dismiss, else the close button.
    const target = panel.querySelector('.replace') ?? panel.querySelector('.dismiss') ?? panel.querySelector('button');
    target?.focus();
  }

  let hoverTimer = 0;
  function onPointerMove(event) {
    if (!overlay || overlay.contains(event.composedPath()[0])) { clearTimeout(hoverTimer); return; }
    for (const box of boxes.values()) {
      for (const { hint, rects } of box.drawn) {
        if (rects.some((r) => event.clientX >= r.left && event.clientX <= r.right &&
                              event.clientY >= r.top && event.clientY <= r.bottom + 3)) {
          clearTimeout(hoverTimer);
          showCard(box, hint, 'hover');
          return;
        }
      }
    }
    if (card?.source === 'hover') {
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => { if (card?.source === 'hover') hideCard(); }, 300);
    }
  }

  // Keyboard: the caret inside a flagged span shows its card (Alt+Down goes into it).
  function onSelectionChange() {
    const selection = getSelection();
    if (!selection.rangeCount || !selection.isCollapsed) return;
    const node = selection.anchorNode;
    for (const box of boxes.values()) {
      if (!box.editor.contains(node)) continue;
      const offset = find.offsetOf(box.draft, node, selection.anchorOffset);
      const hint = offset >= 0 ? box.hintAt(offset) : null;
      if (hint) showCard(box, hint, 'caret');
      else if (card?.source === 'caret' || card?.box === box) hideCard();
      return;
    }
  }

  // --- the score popover -------------------------------------------------------

  function renderPopover() {
    const box = popoverBox;
    if (!box?.result) return;
    const hints = box.visibleHints();
    overlay.popover.replaceChildren(
      el(document, 'button', { type: 'button', class: 'panel-close', 'aria-label': 'Close details', onclick: () => closePopover(true) }, '×'),
      renderReport(document, {
        result: box.result, text: box.text, hints,
        dismissedCount: box.result.hints.length - hints.length,
        onApply: (hint, replacement) => box.apply(hint, replacement),
        onDismiss: (hint) => box.dismiss(hint),
      }));
  }

  function openPopover(box) {
    hideCard();
    popoverBox = box;
    renderPopover();
    overlay.place(overlay.popover, box.chip.hidden ? box.container.getBoundingClientRect() : box.chip.getBoundingClientRect(), 'right');
    box.chip.setAttribute('aria-expanded', 'true');
    focusPanel(overlay.popover);
  }

  function closePopover(returnFocus) {
    if (!popoverBox) return;
    const box = popoverBox;
    popoverBox = null;
    overlay.popover.hidden = true;
    box.chip.setAttribute('aria-expanded', 'false');
    if (returnFocus) box.chip.focus();
  }

  function togglePopover(box) {
    if (popoverBox === box) closePopover(true);
    else openPopover(box);
  }

  function onKeyDownInOverlay(event) {
    if (event.key !== 'Escape') return;
    if (popoverBox) closePopover(true);
    else if (card) closeCardToEditor();
  }

  function onPointerDown(event) {
    if (overlay.contains(event.composedPath()[0])) return;
    if (popoverBox) closePopover(false);
    if (card?.source !== 'caret') hideCard();
  }

  // --- finding boxes, drawing, switching on and off ----------------------------

  function scan() {
    scanScheduled = false;
    if (!overlay) return;
    overlay.attach();
    overlay.updateTheme();
    const editors = find.findEditors();
    for (const [editor, box] of boxes) {
      if (!editor.isConnected || !editors.has(editor)) { box.destroy(); boxes.delete(editor); }
    }
    for (const editor of editors) {
      if (!boxes.has(editor)) boxes.set(editor, new Box(editor));
    }
  }

  function scheduleScan() {
    if (scanScheduled) return;
    scanScheduled = true;
    requestAnimationFrame(scan);
  }

  function scheduleDrawAll() { scheduleDraw(); }

  function drawScheduledBoxes() {
    drawScheduled = false;
    for (const box of [...needDraw]) box.draw();
  }

  // Draws one box (or every box: scrolling, resizing) on the next frame.
  function scheduleDraw(box = null) {
    if (!overlay) return;
    for (const each of box ? [box] : boxes.values()) needDraw.add(each);
    if (drawScheduled) return;
    drawScheduled = true;
    requestAnimationFrame(drawScheduledBoxes);
  }


  function selectionSettled() {
    return new Promise((resolve) => {
      const done = () => { document.removeEventListener('selectionchange', done); clearTimeout(timer); requestAnimationFrame(() => resolve()); };
      const timer = setTimeout(done, 100);
      document.addEventListener('selectionchange', done);
    });
  }

  function nextFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  const listeners = [
    [window, 'scroll', scheduleDrawAll, { capture: true, passive: true }],
    [window, 'resize', scheduleDrawAll, { passive: true }],
    [document, 'mousemove', onPointerMove, { passive: true }],
    [document, 'mousedown', onPointerDown, { capture: true }],
    [document, 'selectionchange', onSelectionChange, {}],
  ];

  function start() {
    if (overlay) return;
    overlay = new Overlay();
    overlay.shadow.addEventListener('keydown', onKeyDownInOverlay);
    for (const [target, type, handler, options] of listeners) target.addEventListener(type, handler, options);
    pageObserver = new MutationObserver(scheduleScan);
    pageObserver.observe(document.documentElement, { childList: true, subtree: true });
    scan();
  }

  function shutdown() {
    if (!overlay) return;
    pageObserver.disconnect();
    for (const [target, type, handler, options] of listeners) target.removeEventListener(type, handler, options);
    for (const box of boxes.values()) box.destroy();
    boxes.clear();
    card = null;
    popoverBox = null;
    overlay.remove();
    overlay = null;
  }

  // Switched off for this site: nothing is shown at all.
  async function applySiteSetting() {
    const stored = await chrome.storage.sync.get(storageKeys.disabledSites);
    const disabled = (stored[storageKeys.disabledSites] ?? []).includes(location.hostname);
    if (disabled) shutdown(); else start();
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && storageKeys.disabledSites in changes) applySiteSetting();
  });
  applySiteSetting();
})();

// Try by hand on: x.com/home (inline box), the Post button's dialog (and its
// "Add post" thread boxes), a reply from the timeline, a post's own page
// (inline reply), and after navigating Home -> Explore -> Home.
