// Chime's look, shared by the content script's shadow root and the
// extension's pages: X's own colours in its light and dark themes (the
// colours themselves are in labels.js, which loads first).
(() => {
  const { COLORS } = globalThis.chimeLabels;
  const variables = (colors) => Object.entries(colors).map(([name, value]) => `--${name}: ${value};`).join(' ');
  globalThis.chimeStyles = `
.chime-root { ${variables(COLORS.light)}
  --shadow: rgba(101,119,134,0.2) 0 0 15px, rgba(101,119,134,0.15) 0 0 3px 1px;
  font: 14px/18px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--fg); color-scheme: light; scrollbar-width: thin; }
.chime-root.dark { ${variables(COLORS.dark)}
  --shadow: rgba(255,255,255,0.2) 0 0 15px, rgba(255,255,255,0.15) 0 0 3px 1px; color-scheme: dark; }
.chime-root button { font: inherit; color: inherit; cursor: pointer; }
.chime-root :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.sev-error { --sev: var(--error); } .sev-warning { --sev: var(--warning); }
.sev-tip { --sev: var(--tip); } .sev-good { --sev: var(--good); }

/* the report: score, breakdown, length, hints by family */
.report { display: flex; flex-direction: column; gap: 12px; }
.report-head { display: flex; align-items: center; gap: 12px; }
.score-ring { width: 48px; height: 48px; border-radius: 50%; display: grid; place-items: center;
  font-size: 18px; font-weight: 800; border: 4px solid var(--sev, var(--accent)); flex: none; }
.report-label { font-size: 17px; font-weight: 800; }
.report-sub { color: var(--muted); font-size: 13px; }
.report-kind { font-size: 13px; font-weight: 600; cursor: help; }
.bars { display: grid; grid-template-columns: auto 1fr minmax(3ch, auto); gap: 6px 10px; align-items: center; margin: 0; }
.bars dt { color: var(--muted); font-size: 13px; }
.bars dd { margin: 0; }
.bar { height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
.bar > span { display: block; height: 100%; border-radius: 3px; background: var(--accent); }
.bar.inverse > span { background: var(--warning); }
.bar.over > span { background: var(--error); }
.bar-value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; font-size: 13px; }
.hint-groups { display: flex; flex-direction: column; gap: 10px; }
.hint-group h3 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.hint-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.hint { border-left: 3px solid var(--sev); padding: 2px 0 2px 8px; }
.hint-span { font-weight: 700; }
.hint-message { margin: 2px 0; }
.hint-suggestion { color: var(--muted); margin: 2px 0; }
.sev-tag { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; color: var(--sev); margin-right: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
.replace { border: 1px solid var(--accent); background: transparent; color: var(--accent) !important;
  border-radius: 999px; padding: 2px 10px; font-weight: 700; }
.replace:hover { background: var(--hover); }
.dismiss { border: 1px solid var(--line); background: transparent; border-radius: 999px; padding: 2px 10px; color: var(--muted) !important; }
.empty { color: var(--muted); }
`;
})();
