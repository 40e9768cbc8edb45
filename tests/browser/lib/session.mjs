// One browser session on the x.com stand-in, shared by the compose-box test
// files (compose, editing, layout): the stand-in server and Chromium with the
// extension are started before the file's tests and closed after them; every
// request the browser makes is recorded for the "no network" checks.
import { after, before } from 'node:test';
import { launch } from './browser.mjs';
import { startStandin } from './standin.mjs';
import { editorSelector, editorText, waitForDrawn } from './page.mjs';

// Call at a test file's top level. The returned object's `browser` and
// `server` are set once the file's tests start.
export function standinSession(options = {}) {
  const session = {
    server: null,
    browser: null,
    requests: [],  // every URL the browser context requested, in order

    // A new tab on x.com (the stand-in) once the extension's overlay is there;
    // `errors` collects the page's uncaught errors.
    async open(path = '/home') {
      const page = await session.browser.context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(`https://x.com${path}`);
      await page.locator(editorSelector()).first().waitFor();
      await page.waitForFunction(() => document.querySelector('chime-overlay'));
      return { page, errors };
    },
  };
  before(async () => {
    session.server = await startStandin();
    session.browser = await launch({ port: session.server.port, ...options });
    session.browser.context.on('request', (request) => session.requests.push(request.url()));
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

// Clicks into the editor, types `text` key by key and waits until the
// extension has drawn the result for the editor's whole text.
export async function typeInto(page, selector, text) {
  await page.locator(selector).click();
  await page.keyboard.type(text);
  await waitForDrawn(page, await editorText(page, selector));
}
