// Every message between the extension's parts, in one place. The background
// (service worker) alone owns the wasm engine; content scripts and pages send
// it one of these kinds and get one answer back. Loaded as a classic script
// by content scripts and as a module by the background and pages, so it
// publishes on globalThis.
(() => {
  const kinds = Object.freeze({
    // {text, context?} -> {ok, result} : analyse a draft (from a compose box or the scratch pad)
    analyze: 'analyze',
    // {} -> {ok, draft: {text, context, result, url, at} | null} : the active tab's latest draft, for the popup
    activeDraft: 'activeDraft',
    // {config} -> {ok, errors: [{path, message}]} : validate a configuration with the engine's own messages
    validateConfig: 'validateConfig',
    // {} -> {ok, version, rules: [{id, severity, description}]} : the engine's rules, for the options page
    rules: 'rules',
  });

  // Where settings live in chrome.storage.sync.
  const storageKeys = Object.freeze({
    config: 'config',               // the analyser's configuration (rules.md section 9): the JSON `chime --config` reads
    disabledSites: 'disabledSites', // host names where the extension shows nothing
  });

  const nativeHost = 'com.chime.host';

  // Sends one request to the background. A stopped service worker is woken by
  // the message itself; a worker restarting mid-request drops the reply, so
  // retry a few times before giving up.
  async function request(kind, payload = {}) {
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const answer = await chrome.runtime.sendMessage({ kind, ...payload });
        if (answer === undefined) throw new Error('no answer from the background');
        return answer;
      } catch (error) {
        lastError = error;
        if (/context invalidated/i.test(String(error?.message))) throw error;  // extension reloaded: give up
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    }
    throw lastError;
  }

  globalThis.chimeProtocol = Object.freeze({ kinds, storageKeys, nativeHost, request });
})();
