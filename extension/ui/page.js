// Shared start-up for the extension's pages: the report styles and the
// theme of the system (X follows it too, by default).
import './labels.js';  // before styles.js, which takes its colours
import './styles.js';

export function setUpPage() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(globalThis.chimeStyles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => document.body.classList.toggle('dark', dark.matches);
  dark.addEventListener('change', apply);
  apply();
}
