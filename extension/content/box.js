// One compose box: reads its draft, asks the background to analyse it, keeps
// the latest result, and changes the draft only through the editor's own
// editing path. The features (underlines, card, chip, popover, post guard)
// draw from it; each is started with the box's AbortSignal, which fires when
// the compose box goes. No analysis happens here.
(() => {
  const { kinds, request } = globalThis.chimeProtocol;
  const find = globalThis.chimeFind;
  const t = globalThis.chimeLabels.text;  // what screen readers are told, in the browser's language

  // How long an answer asked for at keydown waits for the editor to take the key.
  const EARLY_ANSWER_WAIT_MS = 250;

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

  const sameHint = (a, b) => a.rule === b.rule && a.start === b.start && a.end === b.end;

  class Box {
    // `app`: what the boxes share (content.js): the overlay, drawing, the other boxes.
    constructor(editor, app) {
      this.app = app;
      this.editor = editor;
      this.container = find.containerOf(editor);
      this.controller = new AbortController();
      this.signal = this.controller.signal;
      this.layer = app.overlay.layer();
      this.parts = [];       // the features' per-box parts, in registry order
      this.text = null;
      this.draft = { text: '', segments: [] };
      this.result = null;
      this.resultText = '';
      this.context = {};
      this.dismissed = new Set();
      this.drawn = [];       // [{hint, rects}] of the underlines on screen (underlines.js)
      this.caret = null;     // {anchor, focus}: the editor's selection, as text offsets, when last seen
      this.applying = false;
      this.inFlight = false;
      this.pending = false;
      this.reloadConfig = false;
      this.asked = null;     // the text of the request in flight
      this.early = null;     // {text, result}: answered before the editor took the key it was asked for
      this.trace = null;
      this.observer = new MutationObserver(() => this.onEdit());
      this.observer.observe(editor, { subtree: true, childList: true, characterData: true });
      this.resizeObserver = new ResizeObserver(() => app.scheduleDraw());  // a box that grows moves the boxes below it
      this.resizeObserver.observe(this.container);
      const { signal } = this;
      editor.addEventListener('keydown', (event) => this.keyDown(event), { signal });
      editor.addEventListener('focusin', () => { app.lastFocused = this; app.scheduleDraw(); }, { signal });
      document.addEventListener('selectionchange', () => this.rememberCaret(), { signal });
    }

    // Starts each feature's part for this box, in the registry's order.
    start(features) {
      for (const feature of features) {
        const part = feature.forBox?.(this, this.signal);
        if (part) this.parts.push(part);
      }
      this.onEdit();
    }

    destroy() {
      this.controller.abort();
      this.early = null;
      this.observer.disconnect();
      this.resizeObserver.disconnect();
      this.app.needDraw.delete(this);
      this.layer.remove();
    }

    get alive() { return !this.signal.aborted; }

    onEdit() {
      if (!this.alive) return;
      if (globalThis.chimeTrace) this.editedAt = performance.now();
      this.draft = find.readDraft(this.editor);
      if (this.draft.text !== this.text) {
        this.text = this.draft.text;
        if (!this.text.trim()) this.dismissed.clear();  // a new draft starts afresh
        if (this.early?.text === this.text) this.adopt(this.text, this.early.result);  // asked for at keydown, answered already
        else if (this.text !== this.asked) this.analyse();  // unless asked for at keydown and on its way
        this.early = null;
        this.emit('edited');
      }
      if (this.text === this.asked) {
        // The answer for this very text is on its way and draws when it
        // comes: moving the old hints on the coming frame too would only
        // hold up that frame, and the answer behind it. Should the answer
        // be slow, the frame after draws them.
        requestAnimationFrame(() => { if (this.text === this.asked) this.app.scheduleDraw(this); });
      } else {
        this.app.scheduleDraw(this);
      }
    }

    // Asks again for the same text: the options changed.
    refresh() {
      this.reloadConfig = true;
      if (this.inFlight) this.pending = true;
      else this.analyse(this.text ?? '');
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
          const message = { text, context: this.context };
          if (this.reloadConfig) { message.reloadConfig = true; this.reloadConfig = false; }
          if (trace) { message.trace = true; trace.sent = performance.now(); }
          const answer = await request(kinds.analyze, message);
          if (trace) {
            trace.received = performance.now();
            trace.workerReceived = answer.trace.received - performance.timeOrigin;
            trace.workerAnswered = answer.trace.answered - performance.timeOrigin;
          }
          if (!answer.ok) throw new Error(answer.error?.message ?? 'analysis failed');
          result = answer.result;
        }
        this.trace = trace;
        if (this.alive) this.adopt(text, result, early);
      } catch (error) {
        if (/context invalidated/i.test(String(error?.message))) { this.app.shutdown(); return; }
        console.warn('Chime:', error);
      } finally {
        this.inFlight = false;
        this.asked = null;
        if (this.pending && this.alive) {
          this.pending = false;
          if (this.text !== this.resultText || this.reloadConfig) this.analyse();
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
        this.app.overlay.host.setAttribute('data-chime-drawn', String(text.length));
        if (this.trace?.text === text) {
          const { text: traced, ...times } = this.trace;
          globalThis.chimeTrace?.push({ ...times, length: traced.length, edited: this.editedAt, drawn: performance.now() });
        }
      }
      this.trace = null;
      this.emit('result');
    }

    emit(event) {
      for (const part of this.parts) part[event]?.();
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

    keyDown(event) {
      if (this.inFlight) return;
      const next = this.textAfterKey(event);
      if (next !== null && next !== this.text) this.analyse(next, true);
    }

    // The caret as text offsets, kept while it is in this editor, so that
    // focus can come back to the very same place (Dismiss, Escape, a fix).
    rememberCaret() {
      const selection = getSelection();
      if (!selection.rangeCount || !this.editor.contains(selection.anchorNode)) return;
      const anchor = find.offsetOf(this.draft, selection.anchorNode, selection.anchorOffset);
      const focus = find.offsetOf(this.draft, selection.focusNode, selection.focusOffset);
      if (anchor >= 0 && focus >= 0) this.caret = { anchor, focus };
    }

    caretOffset() { return this.caret ? this.caret.focus : -1; }

    // Whether the document's selection is exactly [start, end) of this draft.
    selectionIs(start, end) {
      const selection = getSelection();
      if (selection.rangeCount !== 1) return false;
      const anchor = find.offsetOf(this.draft, selection.anchorNode, selection.anchorOffset);
      const focus = find.offsetOf(this.draft, selection.focusNode, selection.focusOffset);
      return Math.min(anchor, focus) === start && Math.max(anchor, focus) === end;
    }

    // Focus back into the editor with the caret where it was.
    focusEditor() {
      if (!this.alive || !this.editor.isConnected) return;
      const caret = this.caret;
      this.editor.focus({ preventScroll: true });
      if (!caret || caret.focus > this.text.length || caret.anchor > this.text.length) return;
      const from = find.rangeFor(this.draft, caret.anchor, caret.anchor);
      const to = find.rangeFor(this.draft, caret.focus, caret.focus);
      if (!from || !to) return;
      getSelection().setBaseAndExtent(from.startContainer, from.startOffset, to.startContainer, to.startOffset);
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

    // Whether `hint` belongs to the latest analysis of the current text and
    // its span still holds `quote`, the text the card or popover showed.
    // Nothing changes the draft otherwise.
    holds(hint, quote) {
      return this.alive && this.result !== null && this.resultText === this.text &&
        this.result.hints.some((h) => sameHint(h, hint)) && !this.dismissed.has(this.dismissKey(hint)) &&
        this.text.slice(hint.start, hint.end) === quote;
    }

    dismiss(hint) {
      this.dismissed.add(this.dismissKey(hint));
      this.emit('dismissed');
      this.draw();
    }

    // Replaces the hint's span through the editor's own editing path: select
    // it, then insertText, which Draft.js handles like typing (caret, undo and
    // further typing stay right). Never writes the editor's DOM. Refused when
    // the hint is not of the latest analysis of the current text, or its span
    // no longer holds `quote`: a stale card must not touch the draft.
    async apply(hint, replacement, quote) {
      if (this.applying) return false;
      this.draft = find.readDraft(this.editor);
      if (this.draft.text !== this.text) this.onEdit();
      if (!this.holds(hint, quote)) {
        this.app.overlay.announce(t('announceStaleHint'));
        this.emit('result');  // the card and popover show the fresh state
        this.focusEditor();
        return false;
      }
      this.applying = true;
      try {
        const before = this.text;
        // Select the span and let Draft.js take the selection from the DOM.
        // A click meanwhile (the second of a double click) moves it: select
        // again; the check and the edit then run in one task, with no event between.
        let selected = false;
        for (let attempt = 0; attempt < 3 && !selected; attempt += 1) {
          const range = find.rangeFor(this.draft, hint.start, hint.end);
          if (!range) return false;
          this.editor.focus({ preventScroll: true });
          const selection = getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          await selectionSettled();
          this.draft = find.readDraft(this.editor);
          if (this.draft.text !== before) break;  // typed meanwhile: refuse below
          selected = this.selectionIs(hint.start, hint.end);
        }
        if (!selected) {
          this.app.overlay.announce(t('announceDraftChanged'));
          return false;
        }
        if (replacement) document.execCommand('insertText', false, replacement);
        else document.execCommand('delete');
        await nextFrame();
        this.onEdit();
        this.rememberCaret();
        const expected = before.slice(0, hint.start) + replacement + before.slice(hint.end);
        if (this.text !== expected) {
          console.warn('Chime: the editor did not take the replacement', { expected, got: this.text });
          this.app.overlay.announce(t('announceNotApplied'));
          return false;
        }
        this.app.overlay.announce(replacement ? t('announceReplaced', replacement) : t('announceDeleted'));
        return true;
      } finally {
        this.applying = false;
      }
    }

    // All layout reads first (each part's measure), then all writes (each
    // part's paint): interleaving them would force a layout per underline.
    draw() {
      this.app.needDraw.delete(this);  // drawn now (a result came first): the next frame need not again
      if (!this.alive || !this.editor.isConnected) return;
      const box = this.container.getBoundingClientRect();
      const clip = { left: Math.max(0, box.left), top: Math.max(0, box.top),
                     right: Math.min(innerWidth, box.right), bottom: Math.min(innerHeight, box.bottom) };
      const frame = { clip, visible: clip.right > clip.left && clip.bottom > clip.top };
      for (const part of this.parts) part.measure?.(frame);
      for (const part of this.parts) part.paint?.(frame);
    }

    // Whether `element` is what people see at the middle of this rect (the
    // overlay sits above everything; the site's popups may cover the text).
    showsAt(rect, element = this.editor) {
      const x = Math.min(innerWidth - 1, Math.max(0, (rect.left + rect.right) / 2));
      const y = Math.min(innerHeight - 1, Math.max(0, (rect.top + rect.bottom) / 2));
      const top = document.elementFromPoint(x, y);
      return top !== null && element.contains(top);
    }

    // The drawn hints at a text offset, or under a point: all of them, since
    // several hints can share a span.
    hintsAt(offset) {
      return this.drawn.filter(({ hint }) => hint.start <= offset && offset <= hint.end).map(({ hint }) => hint);
    }

    hintsUnder(x, y, slack = 3) {
      return this.drawn.filter(({ rects }) => rects.some((r) =>
        x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + slack)).map(({ hint }) => hint);
    }
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

  globalThis.chimeBox = Object.freeze({ Box, sameHint });
})();
