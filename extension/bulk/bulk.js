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
import { localizePage, message } from '../i18n.js';

const { storageKeys, nativeHost, withBrowserLanguage } = globalThis.chimeProtocol;
const { renderDashboard } = globalThis.chimeDashboard;
const $ = (id) => document.getElementById(id);

localizePage();
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
  p1.textContent = message('hostMissing');
  const p2 = document.createElement('p');
  p2.textContent = message('hostInstallHow');
  const pre = document.createElement('pre');
  pre.textContent = `${command}\n# ${message('hostOtherBrowsers')}: --browser chrome, chromium, edge, brave, firefox, all`;
  const p3 = document.createElement('p');
  p3.className = 'muted';
  p3.textContent = message('hostThenReload', nativeHost, chrome.runtime.id, detail);
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
  $('progress-text').textContent = message('bulkSending', file.name);

  const port = chrome.runtime.connectNative(nativeHost);
  let finished = false;
  port.onMessage.addListener((frame) => {
    if (frame.id !== 1) return;
    if (!frame.ok) {
      finished = true;
      $('progress-row').hidden = true;
      showProblem(message('bulkCouldNotCheck', file.name, frame.error?.message ?? message('bulkUnknownError'),
                          frame.error?.code ?? message('bulkNoCode')));
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
      $('progress-text').textContent = message('bulkProgress', frame.progress.done, frame.progress.total);
    }
    if (frame.done) {
      finished = true;
      port.disconnect();
      $('check').disabled = false;
      const unread = frame.errors_total ?? 0;
      $('progress-text').textContent = (entries.length === 1 ? message('bulkOneChecked') : message('bulkChecked', entries.length)) +
        (unread === 0 ? '' : unread === 1 ? message('bulkOneUnread') : message('bulkUnread', unread));
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
    const detail = chrome.runtime.lastError?.message ?? message('bulkHostClosed');
    if (/not found|forbidden|not allowed|no such native/i.test(detail)) showInstallHelp(detail);
    else showProblem(message('bulkHostStopped', detail));
  });
  // lines: each result also carries the CSV row and NDJSON line `chime check`
  // writes for it, which the export saves as they are.
  const request = { id: 1, type: 'check', file: { name: file.name, content }, lines: true };
  // Hint messages in the language of the page, as in the compose box.
  request.config = withBrowserLanguage(stored[storageKeys.config] ?? {});
  port.postMessage(request);
}

$('form').addEventListener('submit', check);
