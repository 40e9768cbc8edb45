// The extension's own pages in the browser's language (chrome.i18n reads
// _locales/<lang>/messages.json; English is the default_locale). Every
// visible string of a page is named in its HTML by a data-i18n attribute and
// filled here, so the HTML holds no text of its own:
//   data-i18n=KEY               the element's text
//   data-i18n-placeholder=KEY   its placeholder
//   data-i18n-aria-label=KEY    its aria-label
//   data-i18n-title=KEY         its title (tooltip)

import './ui/labels.js';

// The message `key` with its $1, $2... filled from `substitutions`: the one
// helper of every view, ui/labels.js text(). A key with no message shows as
// itself, so a missing one is seen, not blank.
export const message = globalThis.chimeLabels.text;

const ATTRIBUTES = { 'data-i18n-placeholder': 'placeholder', 'data-i18n-aria-label': 'aria-label', 'data-i18n-title': 'title' };

// Fills every marked element under `root` and sets the page's language.
export function localizePage(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = message(element.dataset.i18n);
  for (const [marker, attribute] of Object.entries(ATTRIBUTES)) {
    for (const element of root.querySelectorAll(`[${marker}]`)) element.setAttribute(attribute, message(element.getAttribute(marker)));
  }
  if (root === document) document.documentElement.lang = message('pageLanguage');
}
