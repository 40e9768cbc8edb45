// The service worker: the only part that runs the wasm engine (the page's CSP
// forbids wasm in content scripts; the extension's own CSP allows it). The
// engine loads lazily on the first request, so a worker that Chrome stopped
// and restarted simply loads it again; the drafts the popup shows are kept in
// chrome.storage.session, which outlives the worker.
import './protocol.js';
import Chime from './engine/chime.js';

const { kinds, storageKeys, browserLanguage, withBrowserLanguage } = globalThis.chimeProtocol;

let enginePromise = null;

async function storedConfig() {
  const stored = await chrome.storage.sync.get(storageKeys.config);
  return stored[storageKeys.config] ?? {};
}

function loadEngine() {
  if (!enginePromise) {
    enginePromise = (async () => {
      // The bytes are handed over, so the loader needs no fetch of its own.
      const wasmUrl = chrome.runtime.getURL('engine/chime.wasm');
      const wasmBinary = new Uint8Array(await (await fetch(wasmUrl)).arrayBuffer());
      const engine = await Chime.load({ wasmUrl, wasmBinary });
      const applied = engine.setConfig(withBrowserLanguage(await storedConfig()));
      if (!applied.ok) console.warn('Chime: the stored configuration is invalid; using defaults', applied.errors);
      return engine;
    })();
    enginePromise.catch(() => { enginePromise = null; });  // try again on the next request
  }
  return enginePromise;
}

// Options saved elsewhere (the options page, another device) apply at once.
chrome.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'sync' || !(storageKeys.config in changes) || !enginePromise) return;
  const engine = await loadEngine();
  engine.setConfig(withBrowserLanguage(changes[storageKeys.config].newValue ?? {}));
});

// --- drafts, for the popup -------------------------------------------------

const draftKey = (tabId) => `draft:${tabId}`;

// Every keystroke brings a draft, but the popup needs only each tab's
// latest: drafts are stored once typing pauses. Storing copies the draft
// into a message to the browser, work that would otherwise compete with the
// next keystroke's answer. The popup's request stores what is pending first.
const DRAFT_STORE_DELAY_MS = 250;
const unstored = new Map();  // tab id -> draft, the tab typed in last at the end
let storeTimer = 0;

function rememberDraft(tabId, draft) {
  if (tabId === undefined) return;
  unstored.delete(tabId);
  unstored.set(tabId, draft);
  clearTimeout(storeTimer);
  storeTimer = setTimeout(() => storeDrafts().catch((error) => console.warn('Chime: could not keep the draft for the popup', error)),
                          DRAFT_STORE_DELAY_MS);
}

async function storeDrafts() {
  clearTimeout(storeTimer);
  if (!unstored.size) return;
  const items = {};
  for (const [tabId, draft] of unstored) {
    items[draftKey(tabId)] = draft;
    items.lastDraftTab = tabId;
  }
  unstored.clear();
  await chrome.storage.session.set(items);
}

async function activeDraft() {
  await storeDrafts();
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const session = await chrome.storage.session.get(null);
  const own = tab && session[draftKey(tab.id)];
  if (own) return { ...own, otherTab: false };
  // The popup opened as a tab of its own (or over a page without a draft):
  // show the draft typed most recently, saying it comes from another tab.
  const last = session[draftKey(session.lastDraftTab)];
  return last ? { ...last, otherTab: true } : null;
}

chrome.tabs.onRemoved.addListener((tabId) => {
  unstored.delete(tabId);
  chrome.storage.session.remove(draftKey(tabId));
});

// --- requests --------------------------------------------------------------

const handlers = {
  async [kinds.analyze]({ text, context, reloadConfig }, sender, afterReply) {
    const engine = await loadEngine();
    // The page saw the options change: this answer must follow them, even if
    // this worker's own storage.onChanged has not run yet.
    if (reloadConfig) engine.setConfig(withBrowserLanguage(await storedConfig()));
    const result = engine.analyze(String(text ?? ''), context ?? {});
    // After the answer is posted, so that it never waits for this.
    if (sender.tab) afterReply(() => rememberDraft(sender.tab.id, { text, context: context ?? {}, result, url: sender.url, at: Date.now() }));
    return { ok: true, result };
  },
  async [kinds.activeDraft]() {
    return { ok: true, draft: await activeDraft() };
  },
  async [kinds.validateConfig]({ config }) {
    const engine = await loadEngine();
    const checked = engine.setConfig(withBrowserLanguage(config ?? {}));
    engine.setConfig(withBrowserLanguage(await storedConfig()));  // validating must not change the live configuration
    return { ok: true, errors: checked.ok ? [] : checked.errors };
  },
  async [kinds.rules]() {
    const engine = await loadEngine();
    // Described in the language of the options page's own labels.
    return { ok: true, version: engine.version(), rules: engine.rules(browserLanguage()) };
  },
};

globalThis.chimeProtocol.serve(handlers);
