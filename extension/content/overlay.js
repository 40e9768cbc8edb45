// The overlay: one fixed, click-through layer over the page, in a shadow root
// of its own, holding the underlines, the score chips, the hint card and the
// score popover. It never touches the editor's DOM and takes no room in the
// site's layout (no layout shift). Re-attached if the site's re-render drops it.
(() => {
  const { el } = globalThis.chimeReport;
  const t = globalThis.chimeLabels.text;  // the panels' spoken names, in the browser's language

  const OVERLAY_CSS = `
:host { all: initial; }
.chime-root { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; z-index: 2147483646; }
.u { position: fixed; height: 2px; border-radius: 1px; background: var(--sev); pointer-events: none; }
.u.sev-tip { background: repeating-linear-gradient(90deg, var(--sev) 0 4px, transparent 4px 6px); }
.u.active { height: 3px; }
/* Errors: a double line (not only another colour) with a "!" at its start, in the
   gap before the flagged word; and the same mark in the card, chip and guard. */
.u.sev-error { height: 5px; background: none; border-top: 2px solid var(--sev); border-bottom: 2px solid var(--sev);
  box-sizing: border-box; }
.u.sev-error.active { height: 6px; }
.u .mark { position: absolute; right: 100%; bottom: -3px; margin-right: 1px; color: var(--sev);
  font: 800 10px/10px system-ui, sans-serif; }
.sev-icon { display: inline-grid; place-items: center; width: 14px; height: 14px; border-radius: 50%;
  background: var(--error); color: #fff; font-size: 11px; font-weight: 800; line-height: 1; margin-right: 4px; }
.chip .len { color: var(--muted); font-variant-numeric: tabular-nums; }
.chip .len.over { color: var(--error); }
.chip.compact { padding: 0 6px; gap: 4px; }
.chip.compact .name { display: none; }
.more { display: flex; gap: 10px; align-items: center; margin-top: 6px; font-size: 13px; }
.more .why { color: var(--accent); }
.more .turn-off { border: 0; background: transparent; padding: 0; color: var(--muted) !important; text-decoration: underline; }
.guard { z-index: 1; }
.guard-title { font-size: 17px; margin: 0 0 8px; display: flex; align-items: center; }
.guard .actions { margin-top: 12px; }
.chip { position: fixed; pointer-events: auto; display: inline-flex; align-items: center; gap: 5px; box-sizing: border-box;
  height: 22px; padding: 0 8px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg);
  font-size: 12px; font-weight: 700; white-space: nowrap; }
.chip:hover { background: var(--hover); }
.chip .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--sev); }
.panel { position: fixed; pointer-events: auto; background: var(--bg); color: var(--fg); box-shadow: var(--shadow);
  border-radius: 12px; padding: 12px 14px; box-sizing: border-box; overflow-y: auto; overflow-x: hidden;
  border: 1px solid var(--line); }
.card { width: 320px; }
.popover { width: 360px; max-height: min(520px, 80vh); }
.panel-close { position: absolute; top: 6px; right: 8px; border: 0; background: transparent; color: var(--muted) !important;
  font-size: 16px; line-height: 1; padding: 4px; }
.panel .hint-list { gap: 4px; }
.card .hint { border-left: 0; padding: 0; }
[hidden] { display: none !important; }
`;

  class Overlay {
    constructor() {
      this.host = document.createElement('chime-overlay');
      this.host.setAttribute('data-chime', 'overlay');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(globalThis.chimeStyles + OVERLAY_CSS);
      this.shadow.adoptedStyleSheets = [sheet];
      this.root = el(document, 'div', { class: 'chime-root' });
      this.shadow.append(this.root);
      this.card = el(document, 'div', { class: 'panel card', role: 'dialog', 'aria-label': t('cardRegion'), hidden: true });
      this.popover = el(document, 'div', { class: 'panel popover', role: 'dialog', 'aria-label': t('popoverRegion'), hidden: true });
      this.live = el(document, 'div', { role: 'status', 'aria-live': 'polite', style: 'position: fixed; left: -9999px; width: 1px; height: 1px; overflow: hidden;' });
      this.root.append(this.card, this.popover, this.live);
      this.attach();
    }

    attach() {
      if (!this.host.isConnected) document.documentElement.append(this.host);
    }

    remove() { this.host.remove(); }

    // Follows the site's theme: X paints the body white, dim blue or black.
    // A page that paints nothing follows the system's scheme, as X does.
    updateTheme() {
      let dark = matchMedia('(prefers-color-scheme: dark)').matches;
      for (const element of [document.body, document.documentElement]) {
        const parts = (getComputedStyle(element).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        if (parts.length < 3 || (parts.length === 4 && parts[3] === 0)) continue;  // transparent
        const [r, g, b] = parts;
        dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
        break;
      }
      this.root.classList.toggle('dark', dark);
      this.host.setAttribute('data-theme', dark ? 'dark' : 'light');
    }

    layer() {
      const layer = el(document, 'div', { class: 'box-layer' });
      this.root.insertBefore(layer, this.card);
      return layer;
    }

    announce(message) { this.live.textContent = message; }

    // Places a panel next to an anchor rect: below it if it fits, else above.
    place(panel, anchor, align = 'left') {
      panel.hidden = false;
      const width = panel.offsetWidth;
      const height = panel.offsetHeight;
      const margin = 8;
      let left = align === 'right' ? anchor.right - width : anchor.left;
      left = Math.max(margin, Math.min(left, innerWidth - width - margin));
      let top = anchor.bottom + 6;
      if (top + height > innerHeight - margin && anchor.top - 6 - height >= margin) top = anchor.top - 6 - height;
      panel.style.left = `${left}px`;
      panel.style.top = `${Math.max(margin, top)}px`;
    }

    // Inside the overlay: the card, the popover or a chip.
    contains(node) { return node instanceof Node && this.shadow.contains(node); }
  }

  globalThis.chimeOverlay = Object.freeze({ Overlay });
})();
