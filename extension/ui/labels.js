// Label, kind and severity names (their keys in extension/_locales), colours
// and the one helper for every visible string, in one place for every view of
// a result: the compose box (chip, underlines, cards), the popup, the bulk
// page and the HTML report of `chime check --format html`. Loaded as a classic script by
// content scripts and imported for its effect by modules (like protocol.js),
// so it publishes on globalThis.chimeLabels. Keys are the engine's ids.
(() => {
  // The order of the labels from best to worst, for legends and charts.
  const LABEL_ORDER = Object.freeze(['engaging', 'good', 'broadcast', 'promotional', 'risky']);
  // Which severity colour a label is drawn in.
  const LABEL_SEVERITY = Object.freeze({
    engaging: 'good', good: 'tip', broadcast: 'warning', promotional: 'warning', risky: 'error',
  });
  const SEVERITY_ORDER = Object.freeze({ error: 0, warning: 1, tip: 2, good: 3 });
  // X's own colours, light and dark: the CSS variables of ui/styles.js take
  // them from here, and a page without those styles can use them directly.
  const COLORS = Object.freeze({
    light: Object.freeze({ bg: '#ffffff', fg: '#0f1419', muted: '#536471', line: '#eff3f4', hover: '#f7f9f9',
      accent: '#1d9bf0', error: '#f4212e', warning: '#e8590c', tip: '#1d9bf0', good: '#00ba7c' }),
    dark: Object.freeze({ bg: '#000000', fg: '#e7e9ea', muted: '#71767b', line: '#2f3336', hover: '#16181c',
      accent: '#1d9bf0', error: '#f4212e', warning: '#ff9f43', tip: '#1d9bf0', good: '#00ba7c' }),
  });

  // A visible or spoken string in the user's language, from extension/_locales
  // (the one copy of every string): through chrome.i18n in the extension;
  // where there is none, from the messages.json a page inlined in its JSON
  // script element #chime-messages (the HTML report of `chime check`, which
  // picks its language; this file is inlined there, so it names no tags)
  // or set as globalThis.chimeMessages
  // (Node tests). $1, $2... are filled from `values`. A key with no message
  // shows as itself, so a missing one is seen, not blank.
  function text(key, ...values) {
    const args = values.map(String);
    if (globalThis.chrome?.i18n?.getMessage) return globalThis.chrome.i18n.getMessage(key, args) || key;
    const entry = inlinedMessages()[key];
    return entry ? fill(entry, args) : key;
  }
  let inlined = null;
  function inlinedMessages() {
    if (globalThis.chimeMessages) return globalThis.chimeMessages;
    inlined ??= JSON.parse(globalThis.document?.getElementById('chime-messages')?.textContent || '{}');
    return inlined;
  }
  // chrome.i18n's substitution: $NAME$ is its placeholder's content, then $1-$9
  // the values and $$ a dollar sign.
  function fill(entry, args) {
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g,
      (whole, name) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
    return named.replace(/\$([1-9]|\$)/g, (whole, n) => (n === '$' ? '$' : args[n - 1] ?? ''));
  }
  // Their keys in extension/_locales (chrome.i18n keys allow no '-').
  const NAME_KEYS = Object.freeze({
    label: Object.freeze({ engaging: 'label_engaging', good: 'label_good', broadcast: 'label_broadcast', promotional: 'label_promotional', risky: 'label_risky' }),
    family: Object.freeze({ form: 'family_form', promo: 'family_promo', talk: 'family_talk', value: 'family_value', tone: 'family_tone', care: 'family_care' }),
    kind: Object.freeze({ 'reply-complaint': 'kind_reply_complaint', 'reply-question': 'kind_reply_question', 'reply-praise': 'kind_reply_praise', reply: 'kind_reply', share: 'kind_share', 'thread-later': 'kind_thread_later', 'chat-answer': 'kind_chat_answer', crisis: 'kind_crisis', service: 'kind_service', 'thread-first': 'kind_thread_first', job: 'kind_job', fundraising: 'kind_fundraising', event: 'kind_event', awareness: 'kind_awareness', research: 'kind_research', promotion: 'kind_promotion', tip: 'kind_tip', general: 'kind_general' }),
    severity: Object.freeze({ error: 'severity_error', warning: 'severity_warning', tip: 'severity_tip', good: 'severity_good' }),
  });
  const keyOf = (group, id) => (Object.hasOwn(NAME_KEYS[group], id) ? NAME_KEYS[group][id] : undefined);

  // An id the engine has and this file does not know shows as the id.
  const labelName = (label) => (keyOf('label', label) ? text(keyOf('label', label)) : label);
  const familyOf = (rule) => rule.split('.')[0];
  const familyName = (family) => (keyOf('family', family) ? text(keyOf('family', family))
    : family.charAt(0).toUpperCase() + family.slice(1));
  const severityName = (severity) => (keyOf('severity', severity) ? text(keyOf('severity', severity)) : severity);
  const kindName = (kind) => (keyOf('kind', kind) ? text(keyOf('kind', kind)) : kind);
  // What decided a Result's kind (its kind_cue), for a title or tooltip.
  function kindCue(result) {
    const cue = result.kind_cue ?? '';
    if (!cue) return text('kindCueNone', kindName(result.kind));
    if (cue.startsWith('context.')) return text('kindCueContext', kindName(result.kind), cue);
    return text('kindCueWords', kindName(result.kind), cue);
  }
  // A label's colour in a theme ('light' or 'dark').
  const labelColor = (label, theme = 'light') => COLORS[theme][LABEL_SEVERITY[label] ?? 'tip'];
  // The same colour as the CSS variable of ui/styles.js, for pages that
  // follow the theme by stylesheet (the bulk page, the HTML report).
  const labelVar = (label) => `var(--${LABEL_SEVERITY[label] ?? 'tip'})`;

  globalThis.chimeLabels = Object.freeze({
    LABEL_ORDER, LABEL_SEVERITY, SEVERITY_ORDER, COLORS,
    labelName, familyOf, familyName, severityName, kindName, kindCue, labelColor, labelVar, text,
  });
})();
