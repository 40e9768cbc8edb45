// Bulk check: hands a file (CSV, JSON Lines, a Twitter archive's tweets.js)
// to the chime program on this computer through native messaging; the host
// parses and analyses it and streams results with progress. This page only
// gathers them; ui/dashboard.js draws them (the same code as the
// `chime check --format html` report).
import '../protocol.js';
import '../ui/labels.js';
import '../ui/report.js';
import '../ui/charts.js';
import '../ui/dashboard.js';
import { setUpPage } from '../ui/page.js';

const { storageKeys, nativeHost } = globalThis.chimeProtocol;
const { renderDashboard } = globalThis.chimeDashboard;
const $ = (id) => document.getElementById(id);

setUpPage();

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
  const entries = [];
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
      $('progress-row').hidden = true;
      showProblem(`${file.name} could not be checked: ${frame.error?.message ?? 'unknown error'} (${frame.error?.code ?? 'no code'})`);
      port.disconnect();
      $('check').disabled = false;
      return;
    }
    for (const entry of frame.results ?? []) {
      entries.push({ file: file.name, line: entry.line, id: entry.id, text: entry.text, result: entry.result,
                     csv: entry.csv, ndjson: entry.ndjson });
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
      $('progress-text').textContent = `${entries.length} post${entries.length === 1 ? '' : 's'} checked` +
        (frame.errors_total ? `; ${frame.errors_total} line${frame.errors_total === 1 ? '' : 's'} could not be read` : '');
      const errors = (frame.errors ?? []).map((e) => ({ file: file.name, line: e.line ?? 0, code: e.code, message: e.message,
                                                        ndjson: e.ndjson }));
      renderDashboard($('results'), { entries, errors, errorsTotal: frame.errors_total ?? errors.length,
                                      summary: frame.summary ?? {}, files: [file.name], csvHeader: frame.csv_header });
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
  // lines: each result also carries the CSV row and NDJSON line `chime check`
  // writes for it, which the export saves as they are.
  const request = { id: 1, type: 'check', file: { name: file.name, content }, lines: true };
  if (stored[storageKeys.config]) request.config = stored[storageKeys.config];
  port.postMessage(request);
}

$('form').addEventListener('submit', check);
