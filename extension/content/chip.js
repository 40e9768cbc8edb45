// The score chip: the draft's score and label, in the compose box's own
// toolbar row, in the widest free gap between the site's controls there
// (measured from their boxes on every draw), never over a control or the
// text. A row too narrow for the full chip gets the score alone; one too
// narrow for that gets no chip (the score stays one Alt+Down away). A
// toolbar shared by a thread's boxes shows the chip of the box last typed
// in, as X's ring does. Near and over the length limit the chip shows the
// characters left, from the engine's weighted length, as X's ring does.
(() => {
  const { el } = globalThis.chimeReport;
  const { labelName, LABEL_SEVERITY } = globalThis.chimeLabels;
  const t = globalThis.chimeLabels.text;  // what is shown and spoken, in the browser's language

  const CHIP_HEIGHT = 22;
  const CHIP_MARGIN = 6;        // from the controls on either side
  const LENGTH_WARN_LEFT = 20;  // X's ring shows the count from 20 characters left

  // The controls of a toolbar row: buttons, links, icons and any text.
  const CONTROL = 'button, a, input, svg, img, [role="button"], [role="progressbar"], [role="link"], [tabindex]';

  function controlRects(row) {
    const rects = [];
    const visit = (element) => {
      for (const child of element.children) {
        const r = child.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const hasText = [...child.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
        if (child.matches(CONTROL) || hasText) rects.push(r);
        else visit(child);
      }
    };
    visit(row);
    return rects;
  }

  // The free horizontal gaps of a row between its controls, right to left.
  function gaps(row) {
    const bounds = row.getBoundingClientRect();
    const spans = controlRects(row).map((r) => [Math.max(bounds.left, r.left), Math.min(bounds.right, r.right)])
      .filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
    const free = [];
    let from = bounds.left;
    for (const [a, b] of spans) {
      if (a > from) free.push({ left: from, right: a });
      from = Math.max(from, b);
    }
    if (bounds.right > from) free.push({ left: from, right: bounds.right });
    return { bounds, free: free.reverse() };
  }

  function lengthNote(length) {
    if (!length) return null;
    const left = length.max - length.weighted;
    if (left > LENGTH_WARN_LEFT) return null;
    return { left, over: left < 0,
      spoken: left < 0 ? t('chipCharactersOver', -left) : t('chipCharactersLeft', left) };
  }

  function forBox(box, signal) {
    const app = box.app;
    const chip = el(document, 'button', { type: 'button', class: 'chip', hidden: true, 'aria-haspopup': 'dialog',
      'aria-expanded': 'false', onclick: () => globalThis.chimePopover.toggle(box) });
    box.layer.append(chip);
    box.chip = chip;
    signal.addEventListener('abort', () => chip.remove());
    let content = '';
    let widths = { full: 0, compact: 0 };
    let slot = null;

    // Both forms of the chip, measured when the score or label changes.
    function build() {
      const { scores, label, length } = box.result;
      const note = lengthNote(length);
      const errors = box.visibleHints().some((h) => h.severity === 'error');
      const key = `${scores.overall}|${label}|${note?.left}|${errors}`;
      if (key === content) return;
      content = key;
      chip.className = `chip sev-${LABEL_SEVERITY[label] ?? 'tip'}`;
      chip.replaceChildren(...[
        errors ? el(document, 'span', { class: 'sev-icon', 'aria-hidden': 'true' }, '!') : el(document, 'span', { class: 'dot', 'aria-hidden': 'true' }),
        el(document, 'span', { class: 'score' }, String(scores.overall)),
        el(document, 'span', { class: 'name' }, ` · ${labelName(label)}`),
        note && el(document, 'span', { class: `len${note.over ? ' over' : ''}`, 'data-testid': 'chime-chip-length' }, String(note.left)),
      ].filter(Boolean));
      chip.setAttribute('aria-label', t('chipScore', scores.overall, labelName(label)) +
        `${note ? `, ${note.spoken}` : ''}${errors ? t('chipWithError') : ''}. ${t('chipShowDetails')}`);
      chip.dataset.score = String(scores.overall);
      chip.dataset.label = label;
      chip.dataset.weighted = String(length?.weighted ?? '');
      const wasHidden = chip.hidden;
      chip.hidden = false;
      chip.classList.remove('compact');
      widths.full = chip.offsetWidth;
      chip.classList.add('compact');
      widths.compact = chip.offsetWidth;
      chip.hidden = wasHidden;
    }

    function measure({ visible, clip }) {
      slot = null;
      if (!visible || !box.result || box.text.trim() === '' || !box.showsAt(clip, box.container)) return;
      const row = app.toolbarRow(box);
      if (!row || app.rowOwner(row) !== box) return;
      build();
      // Not under one of the site's dialogs (asked at Post, where the chip never is).
      const button = row.querySelector(app.POST_BUTTONS);
      const post = button?.getBoundingClientRect();
      if (!post || !box.showsAt(post, button)) return;
      const { bounds, free } = gaps(row);
      if (bounds.width === 0) return;
      for (const compact of [false, true]) {
        const width = compact ? widths.compact : widths.full;
        const gap = free.find((g) => g.right - g.left >= width + 2 * CHIP_MARGIN);
        if (gap) {
          slot = { left: gap.right - CHIP_MARGIN - width, top: post.top + (post.height - CHIP_HEIGHT) / 2, compact };
          return;
        }
      }
    }

    function paint() {
      chip.hidden = !slot;
      if (!slot) return;
      chip.classList.toggle('compact', slot.compact);
      chip.style.opacity = box.resultText !== box.text ? '0.7' : '1';
      chip.style.left = `${slot.left}px`;
      chip.style.top = `${slot.top}px`;
    }

    // Score changes are spoken, politely.
    let spoken = '';
    function result() {
      const said = box.result ? `${box.result.scores.overall} ${box.result.label}` : '';
      if (said && said !== spoken) {
        app.overlay.announce(t('chipAnnounce', labelName(box.result.label), box.result.scores.overall));
      }
      spoken = said;
    }

    return { measure, paint, result };
  }

  globalThis.chimeChip = Object.freeze({ name: 'chip', forBox });
})();
