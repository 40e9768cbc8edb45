// The rules' page (rules/index.html, made by scripts/build-extension.sh from
// docs/rules/): its title in the browser's language. The rules' own text
// comes from docs/rules/, in English, so the page keeps lang="en".
import { localizePage } from '../i18n.js';

localizePage(document.head);
