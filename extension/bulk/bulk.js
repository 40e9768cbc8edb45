// Bulk check: hands a file (CSV, JSON Lines, a Twitter archive's tweets.js)
// to the chime program on this computer through native messaging; the host
// parses and analyses it and streams results with progress. This page only
// shows them: a sortable table and charts of the host's summary.
import '../protocol.js';
import { setUpPage } from '../ui/page.js';
import { barChart, shareChart } from './charts.js';

const { storageKeys, nativeHost } = globalThis.chimeProtocol;
const $ = (id) => document.getElementById(id);
const LABEL_COLORS = { engaging: 'var(--good)', good: 'var(--accent)', broadcast: 'var(--muted)',
                       promotional: 'var(--warning)', risky: 'var(--error)' };
const LABEL_NAMES = { engaging: 'Conversational', good: 'Good', broadcast: 'Broadcast', promotional: 'Promotional', risky: 'Risky' };
const SEVERITY_ORDER = { error: 0, warning: 1, tip: 2, good: 3 };

setUpPage();

let rows = [];
let sort = { key: 'where', ascending: true };

const COLUMNS = [
  { key: 'where', title: 'Line', value: (r) => r.where, cell: (r) => (r.id ? `${r.where} (${r.id})` : String(r.where)), num: true },
  { key: 'text', title: 'Post', value: (r) => r.text ?? '', cell: (r) => r.text ?? '', className: 'text' },
  { key: 'overall', title: 'Score', value: (r) => r.result.scores.overall, num: true },
  { key: 'label', title: 'Label', value: (r) => r.result.label, cell: (r) => LABEL_NAMES[r.result.label] ?? r.result.label },
  { key: 'promotion', title: 'Promotion', value: (r) => r.result.scores.promotion, num: true },
  { key: 'conversation', title: 'Conversation', value: (r) => r.result.scores.conversation, num: true },
  { key: 'length', title: 'Length', value: (r) => r.result.length.weighted, num: true },
  { key: 'hint', title: 'First thing to fix', value: (r) => firstIssue(r)?.message ?? '', cell: (r) => firstIssue(r)?.message ?? '—' },
];

function firstIssue(row) {
  const issues = row.result.hints.filter((h) => h.severity !== 'good');
  return issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0];
}

function renderTable() {
  const head = document.querySelector('#table thead tr');
  head.replaceChildren(...COLUMNS.map((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('aria-sort', sort.key === column.key ? (sort.ascending ? 'ascending' : 'descending') : 'none');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.sort = column.key;
    button.textContent = column.title + (sort.key === column.key ? (sort.ascending ? ' ▲' : ' ▼') : '');
    button.addEventListener('click', () => {
      sort = { key: column.key, ascending: sort.key === column.key ? !sort.ascending : true };
      renderTable();
    });
    th.append(button);
    return th;
  }));
  const column = COLUMNS.find((c) => c.key === sort.key);
  const sorted = [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return (sort.ascending ? order : -order) || a.where - b.where;
  });
  const body = document.querySelector('#table tbody');
  body.replaceChildren(...sorted.map((row) => {
    const tr = document.createElement('tr');
    for (const c of COLUMNS) {
      const td = document.createElement('td');
      if (c.num) td.className = 'num';
      else if (c.className) td.className = c.className;
      td.textContent = c.cell ? c.cell(row) : String(c.value(row));
      tr.append(td);
    }
    return tr;
  }));
}

function renderSummary(summary) {
  const items = [
    ['Posts', summary.posts],
    ['Per week', summary.posts_per_week],
    ['Median score', summary.scores?.median ?? '—'],
    ['Longest silence', `${summary.longest_silence?.days ?? 0} day${summary.longest_silence?.days === 1 ? '' : 's'}`],
    ['Replies', `${Math.round((summary.shares?.replies ?? 0) * 100)}%`],
    ['Questions', `${Math.round((summary.shares?.questions ?? 0) * 100)}%`],
  ];
  const grid = document.createElement('div');
  grid.className = 'summary-grid';
  for (const [name, value] of items) {
    const cell = document.createElement('div');
    const number = document.createElement('b');
    number.textContent = String(value);
    cell.append(number, name);
    grid.append(cell);
  }
  $('summary').replaceChildren(grid);

  const histogram = summary.scores?.histogram ?? [];
  $('chart-scores').replaceChildren(barChart(
    histogram.map((bucket) => ({ label: String(bucket.from), value: bucket.posts })),
    { title: `Posts by overall score, in bands of ten: ${histogram.map((b) => `${b.from}-${b.to}: ${b.posts}`).join(', ')}` }));

  const scored = Object.values(summary.labels ?? {}).reduce((sum, n) => sum + n, 0) || 1;
  const shares = ['promotional', 'broadcast', 'engaging', 'good', 'risky'].map((label) => ({
    label: LABEL_NAMES[label], value: (summary.labels?.[label] ?? 0) / scored, color: LABEL_COLORS[label],
  }));
  $('chart-kinds').replaceChildren(shareChart(shares, {
    title: `Share of posts by label: ${shares.map((s) => `${s.label} ${Math.round(s.value * 100)}%`).join(', ')}` }));
}

function showProblem(...content) {
  $('problem').hidden = false;
  $('problem').replaceChildren(...content);
}

// The name `chime install-host --browser` knows this browser by.
function browserName() {
  if (navigator.userAgent.includes('Firefox/')) return 'firefox';
  const brands = (navigator.userAgentData?.brands ?? []).map((b) => b.brand);
  if (brands.includes('Google Chrome')) return 'chrome';
  if (brands.includes('Microsoft Edge')) return 'edge';
  if (brands.includes('Brave')) return 'brave';
  return 'chromium';
}

// The host is missing (or not registered for this browser): say exactly how to install it.
function showInstallHelp(detail) {
  const command = `chime install-host --browser ${browserName()}`;
  const p1 = document.createElement('p');
  p1.textContent = 'The bulk check needs the Chime program on this computer, and it is not installed for this browser.';
  const p2 = document.createElement('p');
  p2.textContent = 'Build or install chime, then register it with the browser by running:';
  const pre = document.createElement('pre');
  pre.textContent = `${command}\n# other browsers: --browser chrome, chromium, edge, brave, firefox, or all`;
  const p3 = document.createElement('p');
  p3.className = 'muted';
  p3.textContent = `Then reload this page. It registers ${nativeHost} for extension ${chrome.runtime.id}. (Browser said: ${detail})`;
  showProblem(p1, p2, pre, p3);
}

async function check(event) {
  event.preventDefault();
  const [file] = $('file').files;
  if (!file) return;
  $('problem').hidden = true;
  $('results').hidden = true;
  $('check').disabled = true;
  rows = [];
  const stored = await chrome.storage.sync.get(storageKeys.config);
  const content = await file.text();
  $('progress-row').hidden = false;
  $('progress').removeAttribute('value');  // indeterminate until the host counts
  $('progress-text').textContent = `Sending ${file.name}…`;

  const port = chrome.runtime.connectNative(nativeHost);
  let finished = false;
  port.onMessage.addListener((frame) => {
    if (frame.id !== 1) return;
    if (!frame.ok) {
      finished = true;
      showProblem(`The Chime program refused the file: ${frame.error?.message ?? 'unknown error'} (${frame.error?.code ?? ''})`);
      port.disconnect();
      $('check').disabled = false;
      return;
    }
    for (const entry of frame.results ?? []) {
      rows.push({ where: entry.line ?? entry.index ?? rows.length, id: entry.id, text: entry.text, result: entry.result });
    }
    if (frame.progress) {
      $('progress').max = Math.max(1, frame.progress.total);
      $('progress').value = frame.progress.done;
      $('progress-text').textContent = `${frame.progress.done} of ${frame.progress.total} posts checked`;
    }
    if (frame.done) {
      finished = true;
      port.disconnect();
      $('check').disabled = false;
      $('progress-text').textContent = `${rows.length} posts checked` +
        (frame.errors_total ? `; ${frame.errors_total} could not be read (first: ${frame.errors[0]?.message})` : '');
      renderSummary(frame.summary ?? {});
      renderTable();
      $('results').hidden = false;
    }
  });
  port.onDisconnect.addListener(() => {
    $('check').disabled = false;
    if (finished) return;
    $('progress-row').hidden = true;
    const detail = chrome.runtime.lastError?.message ?? 'the program closed the connection';
    if (/not found|forbidden|not allowed|no such native/i.test(detail)) showInstallHelp(detail);
    else showProblem(`The Chime program stopped before it finished: ${detail}`);
  });
  const request = { id: 1, type: 'check', file: { name: file.name, content } };
  if (stored[storageKeys.config]) request.config = stored[storageKeys.config];
  port.postMessage(request);
}

$('form').addEventListener('submit', check);
