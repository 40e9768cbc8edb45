// Starts the report that `chime check --format html` writes: reads the
// results inlined in the file (per post or input error, the line
// `chime check --format ndjson` writes, as a string, with the CSV row and the
// post's text; then a last line with the totals, the summary and the CSV
// header) and draws them with ui/dashboard.js, as the bulk page does.
(() => {
  const style = document.createElement('style');
  style.textContent = globalThis.chimeStyles;
  document.head.append(style);
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const applyTheme = () => document.body.classList.toggle('dark', dark.matches);
  dark.addEventListener('change', applyTheme);
  applyTheme();

  const entries = [];
  const errors = [];
  const files = [];
  let end = {};
  for (const line of document.getElementById('chime-data').textContent.split('\n')) {
    if (!line.trim()) continue;
    const data = JSON.parse(line);
    if (data.totals) {
      end = data;
      continue;
    }
    const item = JSON.parse(data.ndjson);
    if (!files.includes(item.file)) files.push(item.file);
    if (item.error) {
      errors.push({ file: item.file, line: item.line ?? 0, code: item.error.code, message: item.error.message,
                    ndjson: data.ndjson });
    } else {
      entries.push({ file: item.file, line: item.line, id: item.id, text: data.text, result: item.result,
                     csv: data.csv, ndjson: data.ndjson });
    }
  }
  performance.mark('chime-report-data-read');  // bench/browser/report.mjs reads it
  // In the language chime chose for the file (its --lang; docs/cli.md), from
  // the messages.json it inlined: ui/labels.js text() reads it.
  const t = globalThis.chimeLabels.text;
  document.documentElement.lang = t('pageLanguage');
  document.title = t('reportTitle', files.join(', '));
  const posts = entries.length === 1 ? t('reportOnePost', end.version ?? '') : t('reportPosts', entries.length, end.version ?? '');
  const unread = errors.length === 0 ? '' : errors.length === 1 ? t('reportOneUnread') : t('reportUnread', errors.length);
  document.getElementById('report-source').textContent = `${files.join(', ')}: ${posts}${unread}.`;
  globalThis.chimeDashboard.renderDashboard(document.getElementById('results'),
    { entries, errors, errorsTotal: errors.length, summary: end.summary ?? {}, files, csvHeader: end.csv_header });
  performance.mark('chime-report-drawn');  // bench/browser/report.mjs reads it
})();
