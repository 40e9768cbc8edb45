// Underlines: one thin line under each flagged span, positioned from the
// glyph boxes of its text (Range.getClientRects), clipped to the editor's
// box, in the click-through overlay. Nothing is written into the editor.
// Error-level spans get a double line with a "!" mark at its start, so they
// differ from the others without colour.
(() => {
  const { el } = globalThis.chimeReport;

  function forBox(box, signal) {
    const lines = [];
    let placed = [];
    signal.addEventListener('abort', () => { for (const line of lines) line.remove(); lines.length = 0; });

    // The visible hints with the rects of their text inside the clip.
    function measure({ clip, visible }) {
      placed = [];
      if (visible) {
        for (const hint of box.visibleHints()) {
          // Strengths and whole-post hints live in the popover, not under the text.
          if (hint.severity === 'good' || (hint.start === 0 && hint.end >= box.text.length)) continue;
          const rects = [];
          for (const range of globalThis.chimeFind.rangesFor(box.draft, hint.start, hint.end)) {
            for (const r of range.getClientRects()) {
              if (r.width < 1 || r.bottom <= clip.top || r.top >= clip.bottom) continue;
              if (!box.showsAt(r)) continue;  // under one of the site's menus or dialogs
              const left = Math.max(r.left, clip.left);
              const right = Math.min(r.right, clip.right);
              if (right > left) rects.push({ left, right, top: r.top, bottom: r.bottom });
            }
          }
          if (rects.length) placed.push({ hint, rects });
        }
      }
      box.drawn = placed;
    }

    function paint() {
      const card = globalThis.chimeCard;
      let used = 0;
      for (const { hint, rects } of placed) {
        const active = card.shows(box, hint);
        const base = `u sev-${hint.severity}${active ? ' active' : ''}`;
        for (const [i, r] of rects.entries()) {
          const className = hint.severity === 'error' && i === 0 ? `${base} marked` : base;
          let line = lines[used];
          if (!line) {
            line = el(document, 'div', { 'aria-hidden': 'true' });
            box.layer.append(line);
            lines.push(line);
          }
          used += 1;
          // Unchanged underlines (most of them, per keystroke) are not rewritten.
          const css = `left:${r.left}px;top:${r.bottom - 1}px;width:${r.right - r.left}px`;
          if (line.chimeCss === css && line.className === className && line.dataset.rule === hint.rule &&
              line.dataset.start === String(hint.start) && line.dataset.end === String(hint.end)) continue;
          if (className.endsWith('marked') !== line.className.endsWith('marked')) {
            line.replaceChildren(className.endsWith('marked') ? el(document, 'span', { class: 'mark' }, '!') : '');
          }
          line.className = className;
          line.dataset.rule = hint.rule;
          line.dataset.start = String(hint.start);
          line.dataset.end = String(hint.end);
          line.style.cssText = css;
          line.chimeCss = css;
        }
      }
      for (const line of lines.splice(used)) line.remove();
    }

    return { measure, paint };
  }

  globalThis.chimeUnderlines = Object.freeze({ name: 'underlines', forBox });
})();
