// The bulk report: what could not be read (per file and per line), the
// account summary, charts, a sortable table of posts, a detail view per post
// with its hints, and export as CSV and JSON Lines. The same code draws the
// extension's bulk page and the `chime check --format html` file. A classic
// script (the HTML file inlines it) that needs ui/labels.js, ui/report.js and
// ui/charts.js first; sets globalThis.chimeDashboard.
//
// renderDashboard(container, { entries, errors, errorsTotal, summary, files, csvHeader })
//   entries: {file, line, id, text, result, csv, ndjson} in input order
//   errors:  {file, line, code, message, ndjson} (line 0: the file as a whole)
//   errorsTotal: how many errors there were (the host lists at most 1000)
//   summary: the account summary (docs/cli.md); files: the files, in order
//   csvHeader, and each entry's csv and ndjson (each error's ndjson): the bytes
//   `chime check --format csv` / `ndjson` write for it, made by the CLI's own
//   writer (native/writers.cpp) in the host or in the HTML file. The exports
//   only put them together: nothing here writes CSV or JSON.
(() => {
  const { LABEL_ORDER, SEVERITY_ORDER, labelName, labelVar, kindName, kindCue } = globalThis.chimeLabels;
  const t = globalThis.chimeLabels.text;  // every visible string, in the user's language
  const { renderReport, el } = globalThis.chimeReport;
  const { barChart, shareChart } = globalThis.chimeCharts;

  const PAGE = 500;  // table rows drawn at a time: 10,000 rows at once take seconds to build
  const where = (file, line) => (line ? `${file}:${line}` : file);

  function firstIssue(entry) {
    const issues = entry.result.hints.filter((h) => h.severity !== 'good');
    return issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0];
  }

  const COLUMNS = [
    { key: 'line', title: () => t('columnLine'), value: (e) => e.n, num: true },
    { key: 'text', title: () => t('columnPost'), value: (e) => e.text, className: 'text' },
    { key: 'overall', title: () => t('columnScore'), value: (e) => e.result.scores.overall, num: true },
    { key: 'label', title: () => t('columnLabel'), value: (e) => labelName(e.result.label) },
    { key: 'kind', title: () => t('columnKind'), value: (e) => kindName(e.result.kind) },
    { key: 'promotion', title: () => t('scorePromotion'), value: (e) => e.result.scores.promotion, num: true },
    { key: 'conversation', title: () => t('scoreConversation'), value: (e) => e.result.scores.conversation, num: true },
    { key: 'length', title: () => t('scoreLength'), value: (e) => e.result.length.weighted, num: true },
    { key: 'hint', title: () => t('columnFirstFix'), value: (e) => firstIssue(e)?.message ?? '' },
  ];

  // Problems: what was wrong and where, as `chime check` says it on stderr.
  function renderProblems(data, nothingChecked) {
    const { errors, errorsTotal, files } = data;
    const heading = nothingChecked
      ? t('nothingChecked', files.join(', ') || t('theInput'))
      : (errorsTotal === 1 ? t('oneLineNotChecked') : t('linesNotChecked', errorsTotal));
    const list = el(document, 'ul', { class: 'problem-list' }, errors.map((e) =>
      el(document, 'li', { 'data-line': e.line || null },
        el(document, 'code', {}, where(e.file, e.line)), ': ', e.message)));
    if (nothingChecked && errors.length === 0) {
      list.append(el(document, 'li', {}, el(document, 'code', {}, files.join(', ')), ': ', t('noPostsFound')));
    }
    return el(document, 'section', { class: `problems${nothingChecked ? ' fatal' : ''}`, role: 'alert', id: 'problems' },
      el(document, 'h2', {}, heading),
      list,
      errorsTotal > errors.length && el(document, 'p', { class: 'muted' },
        t('moreProblems', errorsTotal - errors.length, errors.length)));
  }

  function renderSummary(summary, entries) {
    const silence = summary.longest_silence?.days ?? 0;
    const items = [
      [t('summaryPosts'), summary.posts ?? entries.length],
      // A decimal as the page's language writes it: 5.25, 5,25.
      [t('summaryPerWeek'), summary.posts_per_week?.toLocaleString(t('pageLanguage')) ?? '—'],
      [t('summaryMedianScore'), summary.scores?.median ?? '—'],
      [t('summaryLongestSilence'), silence === 1 ? t('oneDay') : t('manyDays', silence)],
      [t('summaryReplies'), `${Math.round((summary.shares?.replies ?? 0) * 100)}%`],
      [t('summaryQuestions'), `${Math.round((summary.shares?.questions ?? 0) * 100)}%`],
    ];
    const grid = el(document, 'div', { class: 'summary-grid card-section', id: 'summary' },
      items.map(([name, value]) => el(document, 'div', {}, el(document, 'b', {}, String(value)), name)));

    const histogram = summary.scores?.histogram ?? [];
    const scores = barChart(histogram.map((bucket) => ({ label: String(bucket.from), value: bucket.posts })),
      { title: t('chartScoresTitle', histogram.map((b) => `${b.from}-${b.to}: ${b.posts}`).join(', ')) });
    const scored = Object.values(summary.labels ?? {}).reduce((sum, n) => sum + n, 0) || 1;
    const shares = LABEL_ORDER.map((label) => ({
      label: labelName(label), value: (summary.labels?.[label] ?? 0) / scored, color: labelVar(label),
    }));
    const kinds = shareChart(shares, {
      title: t('chartLabelsTitle', shares.map((s) => `${s.label} ${Math.round(s.value * 100)}%`).join(', ')) });
    const charts = el(document, 'div', { class: 'charts card-section' },
      el(document, 'figure', {}, el(document, 'figcaption', {}, t('chartScoresCaption')), el(document, 'div', { id: 'chart-scores' }, scores)),
      el(document, 'figure', {}, el(document, 'figcaption', {}, t('chartLabelsCaption')), el(document, 'div', { id: 'chart-kinds' }, kinds)));
    return [grid, charts];
  }

  // The files `chime check --format csv` / `ndjson` write, from the lines its
  // writer made. CSV has no error rows (the CLI reports them on stderr); in
  // JSON Lines an error comes before the post read from the same line, as the
  // readers report it first.
  const exportCsv = (data) => data.csvHeader + data.entries.map((e) => e.csv).join('');
  function exportNdjson(data) {
    const lines = [...data.errors.map((e) => ({ ...e, order: 0 })), ...data.entries.map((e) => ({ ...e, order: 1 }))];
    lines.sort((a, b) => (data.files.indexOf(a.file) - data.files.indexOf(b.file)) || ((a.line ?? 0) - (b.line ?? 0)) ||
      (a.order - b.order));
    return lines.map((l) => l.ndjson).join('');
  }

  // A download made in the page: nothing leaves the computer.
  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el(document, 'a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function renderExport(data) {
    const base = data.files.length === 1 ? data.files[0].replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : 'chime';
    return el(document, 'div', { class: 'export card-section' },
      el(document, 'span', { class: 'muted' }, t('exportBefore'), el(document, 'code', {}, 'chime check'), t('exportAfter')),
      el(document, 'button', { type: 'button', class: 'button secondary', id: 'export-csv', 'aria-label': t('exportCsvLabel'),
        onclick: () => download(`${base}.chime.csv`, 'text/csv', exportCsv(data)) }, t('exportCsv')),
      el(document, 'button', { type: 'button', class: 'button secondary', id: 'export-ndjson', 'aria-label': t('exportNdjsonLabel'),
        onclick: () => download(`${base}.chime.ndjson`, 'application/x-ndjson', exportNdjson(data)) },
      t('exportNdjson')));
  }

  function renderDashboard(container, data) {
    const entries = data.entries.map((e, n) => ({ ...e, n }));
    const files = data.files?.length ? data.files : [...new Set([...data.entries, ...data.errors].map((e) => e.file))];
    const full = { ...data, files, errorsTotal: Math.max(data.errorsTotal ?? 0, data.errors.length) };
    if (entries.length === 0) {
      container.replaceChildren(renderProblems(full, true));
      return;
    }
    let sort = { key: 'line', ascending: true };
    let order = entries;
    let shown = PAGE;
    const many = files.length > 1;

    const dialog = el(document, 'dialog', { id: 'detail', 'aria-labelledby': 'detail-title' });
    function showDetail(position) {
      const entry = order[position];
      const title = (many ? t('detailFileLine', entry.file, entry.line) : t('detailLine', entry.line)) +
        (entry.id ? t('detailId', entry.id) : '');
      const step = (delta) => () => showDetail(position + delta);
      dialog.replaceChildren(
        el(document, 'div', { class: 'detail-head' },
          el(document, 'h2', { id: 'detail-title' }, title),
          el(document, 'button', { type: 'button', class: 'button secondary', id: 'detail-previous',
            disabled: position === 0, onclick: step(-1) }, t('detailPrevious')),
          el(document, 'button', { type: 'button', class: 'button secondary', id: 'detail-next',
            disabled: position === order.length - 1, onclick: step(1) }, t('detailNext')),
          el(document, 'button', { type: 'button', class: 'button', id: 'detail-close', onclick: () => dialog.close() }, t('detailClose'))),
        el(document, 'blockquote', { class: 'post-text', 'data-line': entry.line }, entry.text),
        renderReport(document, { result: entry.result, text: entry.text }));
      if (!dialog.open) dialog.showModal();
      dialog.querySelector('#detail-close').focus();
    }

    const table = el(document, 'table', { id: 'table', 'aria-describedby': 'table-note' },
      el(document, 'caption', { id: 'table-note', class: 'muted' },
        t('tableNote')),
      el(document, 'thead', {}, el(document, 'tr')), el(document, 'tbody'));
    const more = el(document, 'div', { class: 'table-more' });

    function renderTable() {
      table.tHead.rows[0].replaceChildren(...COLUMNS.map((column) => el(document, 'th', {
        scope: 'col', 'aria-sort': sort.key === column.key ? (sort.ascending ? 'ascending' : 'descending') : 'none' },
      el(document, 'button', { type: 'button', 'data-sort': column.key, onclick: () => {
        sort = { key: column.key, ascending: sort.key === column.key ? !sort.ascending : true };
        shown = PAGE;
        renderTable();
      } }, column.title() + (sort.key === column.key ? (sort.ascending ? ' ▲' : ' ▼') : '')))));
      const column = COLUMNS.find((c) => c.key === sort.key);
      order = [...entries].sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        const by = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return (sort.ascending ? by : -by) || a.n - b.n;
      });
      table.tBodies[0].replaceChildren(...order.slice(0, shown).map((entry, position) => el(document, 'tr', { 'data-line': entry.line },
        el(document, 'td', { class: 'num' }, el(document, 'button', {
          type: 'button', class: 'open-detail', 'aria-label': t('detailsOfLine', entry.line), onclick: () => showDetail(position),
        }, `${many ? `${entry.file}:` : ''}${entry.line}`), entry.id ? el(document, 'span', { class: 'muted' }, ` (${entry.id})`) : ''),
        el(document, 'td', { class: 'text' }, entry.text),
        el(document, 'td', { class: 'num' }, String(entry.result.scores.overall)),
        el(document, 'td', {}, labelName(entry.result.label)),
        el(document, 'td', { class: 'kind', 'data-kind': entry.result.kind, title: kindCue(entry.result) },
          kindName(entry.result.kind)),
        el(document, 'td', { class: 'num' }, String(entry.result.scores.promotion)),
        el(document, 'td', { class: 'num' }, String(entry.result.scores.conversation)),
        el(document, 'td', { class: 'num' }, String(entry.result.length.weighted)),
        el(document, 'td', {}, firstIssue(entry)?.message ?? '—'))));
      more.replaceChildren(shown >= order.length ? '' : el(document, 'p', { class: 'muted' },
        t('rowsShown', shown, order.length), ' ',
        el(document, 'button', { type: 'button', class: 'button secondary', id: 'show-more', onclick: () => {
          shown += PAGE;
          renderTable();
        } }, t('showMore', Math.min(PAGE, order.length - shown)))));
    }
    renderTable();

    container.replaceChildren(
      full.errors.length > 0 ? renderProblems(full, false) : '',
      ...renderSummary(data.summary ?? {}, entries),
      renderExport({ ...full, entries: data.entries }),
      el(document, 'div', { class: 'card-section table-wrap' }, table, more),
      dialog);
  }

  globalThis.chimeDashboard = Object.freeze({ renderDashboard });
})();
