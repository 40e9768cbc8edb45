// The post guard: when a draft about to be posted has an error-level hint
// (a patient named, a diagnosis confirmed...), a click on Post or
// Ctrl/Cmd+Enter first shows Chime's own dialog naming the problem, with
// "Review" (back to the draft at the caret, the hint's card shown) and "Post
// anyway" (the site's Post button is clicked for real: the draft goes
// unchanged). A modal dialog: Tab and Shift+Tab cycle between its two
// buttons; Escape is Review.
// A Post right after typing waits (up to a second) for that text's analysis.
// Off when the options' "postGuard" setting is false.
(() => {
  const { el } = globalThis.chimeReport;
  const t = globalThis.chimeLabels.text;  // a visible string in the browser's language

  // How long a Post waits for the analysis of text typed just before it.
  const ANSWER_WAIT_MS = 1000;

  let app = null;
  let passing = false;  // "Post anyway": the next click goes through
  let dialog = null;    // {panel, box, button}

  // The boxes a Post button posts: those in the nearest ancestor holding both.
  function boxesFor(button) {
    for (let scope = button.parentElement; scope; scope = scope.parentElement) {
      const inside = [...app.boxes.values()].filter((b) => scope.contains(b.editor));
      if (inside.length) return inside;
    }
    return [];
  }

  function problems(boxes) {
    const found = [];
    for (const box of boxes) {
      for (const hint of box.visibleHints()) {
        if (hint.severity === 'error') found.push({ box, hint, quote: box.text.slice(hint.start, hint.end) });
      }
    }
    return found;
  }

  function postButtonOf(box) {
    for (let scope = box.container.parentElement, depth = 0; scope && depth < 10; scope = scope.parentElement, depth += 1) {
      const button = scope.querySelector(app.POST_BUTTONS);
      if (button) return button;
    }
    return null;
  }

  function close() {
    if (!dialog) return;
    dialog.panel.remove();
    dialog = null;
  }

  function show(button, found) {
    close();
    const [first] = found;
    // selectionchange arrives as a later task: a Post pressed right after a
    // caret move would otherwise leave Review one step behind.
    first.box.rememberCaret();
    const review = () => {
      close();
      first.box.focusEditor();  // at the caret, so that typing goes on where it was
      const drawn = first.box.hintsAt(first.hint.start + 1).filter((h) => h.severity === 'error');
      if (drawn.length) globalThis.chimeCard.show(first.box, drawn, 'keyboard');
    };
    const postAnyway = () => {
      close();
      post(button);
    };
    const panel = el(document, 'div', { class: 'panel guard', role: 'alertdialog', 'aria-modal': 'true',
      'aria-labelledby': 'chime-guard-title', 'aria-describedby': 'chime-guard-list' },
      el(document, 'h2', { id: 'chime-guard-title', class: 'guard-title' },
        el(document, 'span', { class: 'sev-icon', 'aria-hidden': 'true' }, '!'),
        found.length === 1 ? t('guardOneProblem')
          : t('guardManyProblems', found.length)),
      el(document, 'ul', { id: 'chime-guard-list', class: 'hint-list' }, found.map(({ hint, quote }) =>
        el(document, 'li', { class: 'hint sev-error', 'data-rule': hint.rule },
          quote && el(document, 'span', { class: 'hint-span' }, `“${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}” `),
          el(document, 'p', { class: 'hint-message' }, hint.message)))),
      el(document, 'div', { class: 'actions' },
        el(document, 'button', { type: 'button', class: 'replace review', onclick: review }, t('guardReview')),
        el(document, 'button', { type: 'button', class: 'dismiss post-anyway', onclick: postAnyway }, t('guardPostAnyway'))));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        review();
      } else if (event.key === 'Tab') {
        // Focus stays in the dialog: Tab goes round its buttons, either way.
        const buttons = [...panel.querySelectorAll('button')];
        const at = buttons.indexOf(panel.getRootNode().activeElement);
        event.preventDefault();
        event.stopPropagation();
        buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length].focus();
      }
    });
    app.overlay.root.append(panel);
    const width = Math.min(420, innerWidth - 16);
    panel.style.width = `${width}px`;
    panel.style.left = `${(innerWidth - width) / 2}px`;
    panel.style.top = `${Math.max(8, innerHeight / 4 - 60)}px`;
    dialog = { panel, box: first.box, button };
    panel.querySelector('.review').focus();
  }

  // Whether every box has the analysis of its current text.
  const answered = (boxes) => boxes.every((b) => b.text === null || b.text.trim() === '' || (b.result && b.resultText === b.text));

  // Resolves once the boxes are answered (or after `limit` ms, as they are).
  function whenAnswered(boxes, limit = ANSWER_WAIT_MS) {
    return new Promise((resolve) => {
      const started = performance.now();
      const check = () => {
        if (answered(boxes) || performance.now() - started > limit) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
  }

  function post(button) {
    passing = true;
    try { button.click(); } finally { passing = false; }
  }

  // Stops the post when a draft has an error, or when its analysis is still
  // on its way (then posts once it comes clean).
  function intercept(event, button) {
    if (passing || !app.settings.postGuard || !button || button.disabled) return;
    const boxes = boxesFor(button);
    const ready = answered(boxes);
    const found = ready ? problems(boxes) : [];
    if (ready && !found.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (ready) { show(button, found); return; }
    whenAnswered(boxes).then(() => {
      const later = problems(boxes);
      if (later.length) show(button, later);
      else post(button);
    });
  }

  function onClick(event) {
    const button = event.target instanceof Element ? event.target.closest(app.POST_BUTTONS) : null;
    if (button) intercept(event, button);
  }

  function onKeyDown(event) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    const box = [...app.boxes.values()].find((b) => b.editor.contains(event.target));
    if (box) intercept(event, postButtonOf(box));
  }

  function install(shared, signal) {
    app = shared;
    // Capture on the window: before the site's own handlers see the event.
    window.addEventListener('click', onClick, { capture: true, signal });
    window.addEventListener('keydown', onKeyDown, { capture: true, signal });
    signal.addEventListener('abort', close);
  }

  globalThis.chimeGuard = Object.freeze({ name: 'post guard', install });
})();
