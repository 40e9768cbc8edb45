// Every message between the extension's parts, in one place. The background
// (service worker) alone owns the wasm engine; content scripts and pages send
// it one of these kinds and get one answer back. Loaded as a classic script
// by content scripts and as a module by the background and pages, so it
// publishes on globalThis.
(() => {
  const kinds = Object.freeze({
    // {text, context?, reloadConfig?} -> {ok, result} : analyse a draft (from a compose box or the scratch
    // pad); reloadConfig: read the stored configuration first (it just changed)
    analyze: 'analyze',
    // {} -> {ok, draft: {text, context, result, url, at} | null} : the active tab's latest draft, for the popup
    activeDraft: 'activeDraft',
    // {config} -> {ok, errors: [{path, message}]} : validate a configuration with the engine's own messages
    validateConfig: 'validateConfig',
    // {} -> {ok, version, rules: [{id, severity, description}]} : the engine's rules, for the options page,
    // described in the browser's language (browserLanguage)
    rules: 'rules',
  });

  // Where settings live in chrome.storage.sync.
  const storageKeys = Object.freeze({
    config: 'config',               // the analyser's configuration (rules.md section 9): the JSON `chime --config` reads
    disabledSites: 'disabledSites', // host names where the extension shows nothing
    postGuard: 'postGuard',         // false: no dialog before posting a draft with an error-level hint
  });

  const nativeHost = 'com.chime.host';

  // The configuration as the engine gets it (the background's wasm engine,
  // the bulk page's native host): hint messages in the language the
  // extension's own strings are shown in (Spanish when chrome.i18n picked
  // _locales/es, else English) unless the options page chose each post's own
  // language (lang "auto", docs/configuration.md). The locale chrome.i18n
  // picked is read from its pageLanguage message: getUILanguage() can differ
  // from it (headless Chromium started with --lang=es says "en-US" there).
  // browserLanguage() is that language alone ('es' or 'en').
  function browserLanguage() {
    return chrome.i18n.getMessage('pageLanguage') === 'es' ? 'es' : 'en';
  }

  function withBrowserLanguage(config) {
    if (!config || typeof config !== 'object' || Array.isArray(config) || 'lang' in config) return config;
    return { ...config, lang: browserLanguage() };
  }

  // Requests go over one long-lived port (cheaper per keystroke than a
  // sendMessage channel each time). Chrome stops an idle service worker,
  // which disconnects the port: the next request connects again and wakes
  // the worker; requests caught in flight are retried.
  const PORT_NAME = 'chime';
  let port = null;
  let nextId = 1;
  const pending = new Map();

  function connect() {
    port = chrome.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener(({ id, answer }) => {
      pending.get(id)?.resolve(answer);
      pending.delete(id);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      for (const { reject } of pending.values()) reject(new Error('the background restarted'));
      pending.clear();
    });
  }

  function send(kind, payload) {
    if (!port) connect();  // throws "Extension context invalidated" once the extension is gone
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.postMessage({ ...payload, id, kind });
    });
  }

  async function request(kind, payload = {}) {
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        return await send(kind, payload);
      } catch (error) {
        lastError = error;
        if (/context invalidated/i.test(String(error?.message))) throw error;  // extension reloaded: give up
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    }
    throw lastError;
  }

  // The background's side: answers each request on the port it came from.
  // A handler calls afterReply(work) for work the answer need not wait for:
  // it runs right after the answer is posted, in the same task.
  function serve(handlers) {
    chrome.runtime.onConnect.addListener((client) => {
      if (client.name !== PORT_NAME || client.sender?.id !== chrome.runtime.id) return;
      client.onMessage.addListener(async (message) => {
        const received = message?.trace ? performance.timeOrigin + performance.now() : 0;
        // Own handlers only: a kind such as "constructor" or "__proto__" must
        // not reach what every object inherits.
        const kind = message?.kind;
        const handler = typeof kind === 'string' && Object.hasOwn(handlers, kind) ? handlers[kind] : null;
        const later = [];
        let answer;
        try {
          answer = handler ? await handler(message, client.sender, (work) => later.push(work))
            : { ok: false, error: { code: 'unknown_kind', message: `unknown request ${JSON.stringify(kind) ?? 'without a kind'}` } };
        } catch (error) {
          answer = { ok: false, error: { code: 'engine', message: String(error?.message ?? error) } };
        }
        // A traced request (bench/browser/keystroke.mjs) learns when the
        // worker got it and answered, on the shared wall clock.
        if (received) answer.trace = { received, answered: performance.timeOrigin + performance.now() };
        try { client.postMessage({ id: message?.id, answer }); } catch { /* the page went away */ }
        for (const work of later) work();
      });
    });
  }

  globalThis.chimeProtocol = Object.freeze({ kinds, storageKeys, nativeHost, browserLanguage, withBrowserLanguage, request, serve });
})();
