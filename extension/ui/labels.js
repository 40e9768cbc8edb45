// Label, kind and severity names and colours, in one place for every view of a result: the
// compose box (chip, underlines, cards), the popup, the bulk page and the
// HTML report of `chime check --format html`. Loaded as a classic script by
// content scripts and imported for its effect by modules (like protocol.js),
// so it publishes on globalThis.chimeLabels. Keys are the engine's ids.
(() => {
  // The engine's labels (core/src/scores.cpp), as people read them.
  const LABELS = Object.freeze({
    engaging: 'Engaging', good: 'Good', broadcast: 'Broadcast', promotional: 'Promotional', risky: 'Risky',
  });
  // The order of the labels from best to worst, for legends and charts.
  const LABEL_ORDER = Object.freeze(['engaging', 'good', 'broadcast', 'promotional', 'risky']);
  // Which severity colour a label is drawn in.
  const LABEL_SEVERITY = Object.freeze({
    engaging: 'good', good: 'tip', broadcast: 'warning', promotional: 'warning', risky: 'error',
  });
  // Rule families (the part of a rule id before the dot).
  const FAMILIES = Object.freeze({
    form: 'Length and form', promo: 'Self-promotion', talk: 'Conversation',
    value: 'Value', tone: 'Tone', care: 'Care',
  });
  // The engine's post kinds (docs/kinds.md, core/src/rules/kinds.cpp), as people read them.
  const KINDS = Object.freeze({
    'reply-complaint': 'Reply to a complaint', 'reply-question': 'Reply to a question', 'reply-praise': 'Reply to praise',
    reply: 'Reply', share: 'Share or quote', 'thread-later': 'Later post in a thread', 'chat-answer': 'Tweet chat answer',
    crisis: 'Crisis notice', service: 'Service notice', 'thread-first': 'Thread opener', job: 'Job post',
    fundraising: 'Fundraising', event: 'Event', awareness: 'Awareness', research: 'Research', promotion: 'Promotion',
    tip: 'Health tip', general: 'General post',
  });
  const SEVERITIES = Object.freeze({ error: 'Error', warning: 'Warning', tip: 'Tip', good: 'Strength' });
  const SEVERITY_ORDER = Object.freeze({ error: 0, warning: 1, tip: 2, good: 3 });
  // X's own colours, light and dark: the CSS variables of ui/styles.js take
  // them from here, and a page without those styles can use them directly.
  const COLORS = Object.freeze({
    light: Object.freeze({ bg: '#ffffff', fg: '#0f1419', muted: '#536471', line: '#eff3f4', hover: '#f7f9f9',
      accent: '#1d9bf0', error: '#f4212e', warning: '#e8590c', tip: '#1d9bf0', good: '#00ba7c' }),
    dark: Object.freeze({ bg: '#000000', fg: '#e7e9ea', muted: '#71767b', line: '#2f3336', hover: '#16181c',
      accent: '#1d9bf0', error: '#f4212e', warning: '#ff9f43', tip: '#1d9bf0', good: '#00ba7c' }),
  });

  // A visible string in the browser's language (chrome.i18n, extension/_locales),
  // or the English given here where there is no chrome.i18n (the HTML report
  // of `chime check`, Node tests); $1, $2... are filled in from `values`.
  function text(key, english, ...values) {
    const said = globalThis.chrome?.i18n?.getMessage?.(key, values.map(String));
    return said || values.reduce((s, v, i) => s.replaceAll(`$${i + 1}`, String(v)), english);
  }
  // Their keys in extension/_locales (chrome.i18n keys allow no '-').
  const NAME_KEYS = Object.freeze({
    label: Object.freeze({ engaging: 'label_engaging', good: 'label_good', broadcast: 'label_broadcast', promotional: 'label_promotional', risky: 'label_risky' }),
    family: Object.freeze({ form: 'family_form', promo: 'family_promo', talk: 'family_talk', value: 'family_value', tone: 'family_tone', care: 'family_care' }),
    kind: Object.freeze({ 'reply-complaint': 'kind_reply_complaint', 'reply-question': 'kind_reply_question', 'reply-praise': 'kind_reply_praise', reply: 'kind_reply', share: 'kind_share', 'thread-later': 'kind_thread_later', 'chat-answer': 'kind_chat_answer', crisis: 'kind_crisis', service: 'kind_service', 'thread-first': 'kind_thread_first', job: 'kind_job', fundraising: 'kind_fundraising', event: 'kind_event', awareness: 'kind_awareness', research: 'kind_research', promotion: 'kind_promotion', tip: 'kind_tip', general: 'kind_general' }),
    severity: Object.freeze({ error: 'severity_error', warning: 'severity_warning', tip: 'severity_tip', good: 'severity_good' }),
  });
  const keyOf = (group, id) => NAME_KEYS[group][id];

  const labelName = (label) => (LABELS[label] ? text(keyOf('label', label), LABELS[label]) : label);
  const familyOf = (rule) => rule.split('.')[0];
  const familyName = (family) => (FAMILIES[family] ? text(keyOf('family', family), FAMILIES[family])
    : family.charAt(0).toUpperCase() + family.slice(1));
  const severityName = (severity) => (SEVERITIES[severity] ? text(keyOf('severity', severity), SEVERITIES[severity]) : severity);
  const kindName = (kind) => (KINDS[kind] ? text(keyOf('kind', kind), KINDS[kind]) : kind);
  // What decided a Result's kind (its kind_cue), for a title or tooltip.
  function kindCue(result) {
    const cue = result.kind_cue ?? '';
    if (!cue) return text('kindCueNone', '$1: no cue, the default kind', kindName(result.kind));
    if (cue.startsWith('context.')) return text('kindCueContext', "$1: from the post's context ($2)", kindName(result.kind), cue);
    return text('kindCueWords', '$1: from “$2”', kindName(result.kind), cue);
  }
  // A label's colour in a theme ('light' or 'dark').
  const labelColor = (label, theme = 'light') => COLORS[theme][LABEL_SEVERITY[label] ?? 'tip'];
  // The same colour as the CSS variable of ui/styles.js, for pages that
  // follow the theme by stylesheet (the bulk page, the HTML report).
  const labelVar = (label) => `var(--${LABEL_SEVERITY[label] ?? 'tip'})`;

  globalThis.chimeLabels = Object.freeze({
    LABELS, LABEL_ORDER, LABEL_SEVERITY, FAMILIES, KINDS, SEVERITIES, SEVERITY_ORDER, COLORS,
    labelName, familyOf, familyName, severityName, kindName, kindCue, labelColor, labelVar, text,
  });
})();
