// The toolbar popup: the active draft's breakdown, a scratch pad that scores
// any pasted text, the on/off switch for the site, and links to the options
// and bulk pages. The background does all analysis.
import '../protocol.js';
import '../ui/labels.js';  // before report.js, which reads it
import '../ui/report.js';
import { setUpPage } from '../ui/page.js';
import { localizePage, message } from '../i18n.js';

const { kinds, storageKeys, request } = globalThis.chimeProtocol;
const { renderReport } = globalThis.chimeReport;
const $ = (id) => document.getElementById(id);

localizePage();
setUpPage();

async function showDraft() {
  const answer = await request(kinds.activeDraft);
  const draft = answer.ok ? answer.draft : null;
  if (!draft?.result || !draft.text.trim()) return;
  $('draft-report').replaceChildren(renderReport(document, { result: draft.result, text: draft.text }));
  if (draft.context?.reply_to) {
    $('draft-source').hidden = false;
    $('draft-source').textContent = message('replyTo', draft.context.reply_to);
  }
  if (draft.otherTab) {
    $('draft-source').hidden = false;
    $('draft-source').textContent = `${$('draft-source').textContent ? `${$('draft-source').textContent}; ` : ''}${message('fromOtherTab')}`;
  }
  if (draft.url) showSiteToggle(new URL(draft.url).hostname);
}

async function showSiteToggle(hostname) {
  const stored = await chrome.storage.sync.get(storageKeys.disabledSites);
  const disabled = new Set(stored[storageKeys.disabledSites] ?? []);
  $('site-toggle').hidden = false;
  $('site-name').textContent = message('onFor', hostname);
  $('site-enabled').checked = !disabled.has(hostname);
  $('site-enabled').addEventListener('change', async (event) => {
    if (event.target.checked) disabled.delete(hostname); else disabled.add(hostname);
    await chrome.storage.sync.set({ [storageKeys.disabledSites]: [...disabled] });
  });
}

// Scratch pad: one request at a time; typing meanwhile sends the latest text next.
let busy = false;
let again = false;
async function scorePad() {
  if (busy) { again = true; return; }
  busy = true;
  const text = $('pad').value;
  try {
    if (!text.trim()) {
      $('pad-report').replaceChildren();
    } else {
      const answer = await request(kinds.analyze, { text });
      if (!answer.ok) throw new Error(answer.error.message);
      $('pad-error').hidden = true;
      $('pad-report').replaceChildren(renderReport(document, { result: answer.result, text }));
    }
  } catch (error) {
    $('pad-error').hidden = false;
    $('pad-error').textContent = message('couldNotScore', error.message);
  } finally {
    busy = false;
    if (again) { again = false; scorePad(); }
  }
}

$('pad').addEventListener('input', scorePad);
$('open-options').addEventListener('click', (event) => { event.preventDefault(); chrome.runtime.openOptionsPage(); });
$('open-bulk').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.tabs.create({ url: chrome.runtime.getURL('bulk/bulk.html') });
});
showDraft();
