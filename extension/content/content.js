// The content script on x.com / twitter.com: finds every compose box (and
// keeps finding them across the site's client-side navigation), gives each a
// Box (box.js) and starts the features on it, each with the box's
// AbortSignal. The features are listed once, below; the files before this
// one in the manifest define them. No analysis happens here.
(() => {
  const { storageKeys } = globalThis.chimeProtocol;
  const find = globalThis.chimeFind;
  const { Overlay } = globalThis.chimeOverlay;
  const { Box } = globalThis.chimeBox;

  // The features, in drawing order. `install(app, signal)` once per page,
  // `forBox(box, signal)` once per compose box; both signals abort when what
  // they were started for goes (the site switched off, the compose box gone).
  const FEATURES = [
    globalThis.chimeUnderlines,
    globalThis.chimeCard,
    globalThis.chimeChip,
    globalThis.chimePopover,
    globalThis.chimeGuard,
  ];

  const POST_BUTTONS = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';
  const DEFAULT_SETTINGS = { postGuard: true };

  let app = null;

  // --- what the boxes share ----------------------------------------------------

  function makeApp() {
    const shared = {
      overlay: new Overlay(),
      boxes: new Map(),  // editor element -> Box
      needDraw: new Set(),
      lastFocused: null,
      settings: { ...DEFAULT_SETTINGS },
      POST_BUTTONS,
      controller: new AbortController(),
      drawScheduled: false,
      scanScheduled: false,
      scheduleDraw,
      toolbarRow,
      rowOwner,
      shutdown,
    };
    return shared;
  }

  // The compose box's toolbar row: the strip holding its Post button, found
  // by climbing from that button while the parent is still one row high and
  // does not hold the editor.
  function toolbarRow(box) {
    let ancestor = box.container.parentElement;
    for (let depth = 0; ancestor && depth < 8; depth += 1, ancestor = ancestor.parentElement) {
      const button = ancestor.querySelector(POST_BUTTONS);
      if (!button) continue;
      const height = button.getBoundingClientRect().height;
      if (height === 0) return null;
      let row = button;
      while (row.parentElement && row.parentElement !== ancestor && !row.parentElement.contains(box.container) &&
             row.parentElement.getBoundingClientRect().height <= height + 24) row = row.parentElement;
      return row === button ? button.parentElement : row;
    }
    return null;
  }

  // Whose chip a row shows: its one box, or of a thread's boxes sharing it
  // the one last focused (else the last).
  function rowOwner(row) {
    const sharing = [...app.boxes.values()].filter((b) => b.editor.isConnected && toolbarRow(b) === row);
    if (sharing.includes(app.lastFocused)) return app.lastFocused;
    return sharing.at(-1) ?? null;
  }

  // Draws one box (or every box: scrolling, resizing) on the next frame.
  function scheduleDraw(box = null) {
    if (!app) return;
    for (const each of box ? [box] : app.boxes.values()) app.needDraw.add(each);
    if (app.drawScheduled) return;
    app.drawScheduled = true;
    requestAnimationFrame(() => {
      if (!app) return;
      app.drawScheduled = false;
      for (const each of [...app.needDraw]) each.draw();
    });
  }

  // --- finding boxes -------------------------------------------------------------

  function scan() {
    if (!app) return;
    app.scanScheduled = false;
    app.overlay.attach();
    app.overlay.updateTheme();
    const editors = find.findEditors();
    for (const [editor, box] of app.boxes) {
      if (!editor.isConnected || !editors.has(editor)) { box.destroy(); app.boxes.delete(editor); }
    }
    for (const editor of editors) {
      if (app.boxes.has(editor)) continue;
      const box = new Box(editor, app);
      app.boxes.set(editor, box);
      box.start(FEATURES);
    }
  }

  function scheduleScan() {
    if (!app || app.scanScheduled) return;
    app.scanScheduled = true;
    requestAnimationFrame(scan);
  }

  // --- on and off, settings, theme ------------------------------------------------

  async function loadSettings() {
    const stored = await chrome.storage.sync.get(storageKeys.postGuard);
    if (app) app.settings.postGuard = stored[storageKeys.postGuard] ?? DEFAULT_SETTINGS.postGuard;
  }

  function start() {
    if (app) return;
    app = makeApp();
    const { signal } = app.controller;
    for (const feature of FEATURES) feature.install?.(app, signal);
    window.addEventListener('scroll', () => scheduleDraw(), { capture: true, passive: true, signal });
    window.addEventListener('resize', () => scheduleDraw(), { passive: true, signal });
    const pageObserver = new MutationObserver(scheduleScan);
    pageObserver.observe(document.documentElement, { childList: true, subtree: true });
    // The site's theme: X repaints the body (light, dim, dark); a system
    // switch may come first.
    const themeObserver = new MutationObserver(() => { app?.overlay.updateTheme(); });
    themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', () => requestAnimationFrame(() => app?.overlay.updateTheme()), { signal });
    signal.addEventListener('abort', () => { pageObserver.disconnect(); themeObserver.disconnect(); });
    loadSettings();
    scan();
  }

  function shutdown() {
    if (!app) return;
    const { boxes, overlay, controller } = app;
    for (const box of boxes.values()) box.destroy();
    boxes.clear();
    controller.abort();
    overlay.remove();
    app = null;
  }

  // Switched off for this site: nothing is shown at all.
  async function applySiteSetting() {
    const stored = await chrome.storage.sync.get(storageKeys.disabledSites);
    const disabled = (stored[storageKeys.disabledSites] ?? []).includes(location.hostname);
    if (disabled) shutdown(); else start();
  }

  // Options apply to open drafts at once: a changed configuration is
  // analysed again (the background reloads it first), the guard follows its
  // switch, the site switch removes or restores everything.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    if (storageKeys.disabledSites in changes) applySiteSetting();
    if (!app) return;
    if (storageKeys.postGuard in changes) loadSettings();
    if (storageKeys.config in changes) for (const box of app.boxes.values()) box.refresh();
  });
  applySiteSetting();
})();

// Try by hand on: x.com/home (inline box), the Post button's dialog (and its
// "Add post" thread boxes), a reply from the timeline, a post's own page
// (inline reply), and after navigating Home -> Explore -> Home.
