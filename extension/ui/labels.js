// The one place that names Chime's labels and severities and gives their
// colours, for every view: the compose box (chip, card, popover), the popup,
// the bulk page and the `chime check --format html` report. A classic script
// (content scripts cannot import), it sets globalThis.chimeLabels:
//   LABEL_ORDER            the engine's labels, from most to least wanted
//   labelName(label)       what people read ("Engaging", ...)
//   LABEL_SEVERITY[label]  the severity whose colour the label takes
//   labelColor(label)      that colour, as a CSS variable of styles.js
//   SEVERITY_ORDER[sev]    error 0, warning 1, tip 2, good 3 (most severe first)
//   severityName(sev)      "Error", "Warning", "Tip", "Strength"
(() => {
  const LABEL_ORDER = Object.freeze(['engaging', 'good', 'broadcast', 'promotional', 'risky']);
  const LABEL_NAMES = Object.freeze({
    engaging: 'Engaging', good: 'Good', broadcast: 'Broadcast', promotional: 'Promotional', risky: 'Risky',
  });
  const LABEL_SEVERITY = Object.freeze({
    engaging: 'good', good: 'tip', broadcast: 'warning', promotional: 'warning', risky: 'error',
  });
  const SEVERITY_ORDER = Object.freeze({ error: 0, warning: 1, tip: 2, good: 3 });
  const SEVERITY_NAMES = Object.freeze({ error: 'Error', warning: 'Warning', tip: 'Tip', good: 'Strength' });

  const labelName = (label) => LABEL_NAMES[label] ?? label;
  const labelColor = (label) => `var(--${LABEL_SEVERITY[label] ?? 'tip'})`;
  const severityName = (severity) => SEVERITY_NAMES[severity] ?? severity;

  globalThis.chimeLabels = Object.freeze({
    LABEL_ORDER, LABEL_NAMES, LABEL_SEVERITY, SEVERITY_ORDER, labelName, labelColor, severityName,
  });
})();
