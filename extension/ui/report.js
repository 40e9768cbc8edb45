// Draws an analysis Result (the engine's JSON) as the score breakdown: the
// same view in the compose box's popover, the toolbar popup and the scratch
// pad. It only presents what the engine computed.
(() => {
  // Label, kind and family names and colours come from ui/labels.js, loaded before this file.
  const { LABEL_SEVERITY, SEVERITY_ORDER, labelName, kindName, kindCue, familyOf, familyName, severityName } = globalThis.chimeLabels;
  const t = globalThis.chimeLabels.text;  // a visible string in the browser's language

  function el(doc, tag, attrs = {}, ...children) {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'style') node.style.cssText = value;  // CSSOM: allowed under a strict style-src
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // Whole-text hints are about the post, not a span: shown without quoting it.
  const isWholeText = (hint, text) => hint.start === 0 && hint.end >= text.length;

  function quote(text, hint) {
    const span = text.slice(hint.start, hint.end);
    return span.length > 60 ? `${span.slice(0, 57)}…` : span;
  }

  // One hint: severity, the flagged words, the message, the suggestion and,
  // when the caller can edit the draft, one button per replacement.
  function renderHint(doc, hint, text, { onApply, onDismiss } = {}) {
    const spanText = isWholeText(hint, text) ? null : quote(text, hint);
    return el(doc, 'li', { class: `hint sev-${hint.severity}`, 'data-rule': hint.rule },
      el(doc, 'div', {},
        el(doc, 'span', { class: 'sev-tag', 'data-severity': hint.severity }, severityName(hint.severity)),
        spanText && el(doc, 'span', { class: 'hint-span' }, `“${spanText}”`)),
      el(doc, 'p', { class: 'hint-message' }, hint.message),
      hint.suggestion && el(doc, 'p', { class: 'hint-suggestion' }, hint.suggestion),
      (onApply || onDismiss) && el(doc, 'div', { class: 'actions' },
        onApply && (hint.replacements ?? []).map((replacement) => el(doc, 'button', {
          type: 'button', class: 'replace', 'data-replacement': replacement,
          'aria-label': replacement ? t('replaceLabel', spanText ?? '', replacement)
            : t('deleteLabel', spanText ?? ''),
          onclick: () => onApply(hint, replacement),
        }, replacement || t('cardDelete'))),
        onDismiss && el(doc, 'button', {
          type: 'button', class: 'dismiss', 'aria-label': t('dismissLabel', hint.message),
          onclick: () => onDismiss(hint),
        }, t('cardDismiss'))));
  }

  function renderBars(doc, result) {
    const rows = [
      [t('scoreConversation'), result.scores.conversation, ''],
      [t('scoreValue'), result.scores.value, ''],
      [t('scoreTone'), result.scores.tone, ''],
      [t('scorePromotion'), result.scores.promotion, 'inverse'],
    ];
    const length = result.length;
    return el(doc, 'dl', { class: 'bars' },
      rows.map(([name, value, kind]) => [
        el(doc, 'dt', {}, name, kind === 'inverse' ? el(doc, 'span', { class: 'report-sub' }, ` ${t('lowerIsBetter')}`) : ''),
        el(doc, 'dd', {}, el(doc, 'div', { class: `bar ${kind}`, role: 'img', 'aria-label': t('scoreOutOf100', name, value) },
          el(doc, 'span', { style: `width: ${Math.max(0, Math.min(100, value))}%` }))),
        el(doc, 'dd', { class: 'bar-value' }, String(value)),
      ]),
      el(doc, 'dt', {}, t('scoreLength')),
      el(doc, 'dd', {}, el(doc, 'div', { class: `bar ${length.valid || length.weighted === 0 ? '' : 'over'}`, role: 'img',
        'aria-label': t('weightedLength', length.weighted, length.max) },
        el(doc, 'span', { style: `width: ${Math.min(100, (100 * length.weighted) / length.max)}%` }))),
      el(doc, 'dd', { class: 'bar-value', 'data-testid': 'chime-length' }, `${length.weighted}/${length.max}`));
  }

  // The whole report. `hints` defaults to the result's; the content script
  // passes them without the dismissed ones.
  function renderReport(doc, { result, text, hints = result.hints, onApply, onDismiss, dismissedCount = 0 }) {
    const byFamily = new Map();
    const sorted = [...hints].sort((a, b) => (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) || (a.start - b.start));
    for (const hint of sorted) {
      const family = familyOf(hint.rule);
      if (!byFamily.has(family)) byFamily.set(family, []);
      byFamily.get(family).push(hint);
    }
    return el(doc, 'div', { class: 'report', 'data-label': result.label, 'data-score': result.scores.overall },
      el(doc, 'div', { class: 'report-head' },
        el(doc, 'div', { class: `score-ring sev-${LABEL_SEVERITY[result.label] ?? 'tip'}`, 'aria-hidden': 'true' },
          String(result.scores.overall)),
        el(doc, 'div', {},
          el(doc, 'div', { class: 'report-label' }, `${labelName(result.label)} · ${result.scores.overall}/100`),
          result.kind && el(doc, 'div', { class: 'report-kind', 'data-kind': result.kind, title: kindCue(result) },
            kindName(result.kind)),
          el(doc, 'div', { class: 'report-sub' }, (hints.length === 1 ? t('oneHint') : t('manyHints', hints.length)) +
            (dismissedCount ? t('dismissedCount', dismissedCount) : '')))),
      renderBars(doc, result),
      el(doc, 'div', { class: 'hint-groups' },
        byFamily.size === 0 && el(doc, 'p', { class: 'empty' }, t('noHints')),
        [...byFamily].map(([family, list]) => el(doc, 'section', { class: 'hint-group', 'data-family': family },
          el(doc, 'h3', {}, familyName(family)),
          el(doc, 'ul', { class: 'hint-list' }, list.map((hint) => renderHint(doc, hint, text, { onApply, onDismiss })))))));
  }

  globalThis.chimeReport = Object.freeze({ renderReport, renderHint, labelName, familyName, el, LABEL_SEVERITY });
})();
