// The hostile corpus (test/fixtures/hostile) in real browsers. Each page is served as it is, so its own
// attacks run while it loads (the page is the page). The test waits for the page to settle, records the
// canary (`window.__pwned`, counted by every payload) and the request logs, opens the reader with the
// toolbar button, lets the overlay load its images, and asserts that opening the reader made no payload
// run again, fetched no beacon (`/beacon/...` on the fixture server, or any other host) and left every
// link in the article with rel="noopener noreferrer".
//
// Why not serve the pages with `Content-Security-Policy: script-src 'none'`: that policy would also stop a
// payload the READER put back into the page, so the test could not fail. Counting runs before and after
// opening catches exactly what the reader causes.
//
// Page functions read the overlay through Document.prototype: dom-clobbering.html shadows
// document.getElementById and document.title with named elements.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { overlayHostId } from './support/overlay';
import { fixturesRoot } from './support/paths';
import {
  extensionErrors,
  offHostRequests,
  type ReaderBrowser,
  type TestPage,
} from './support/reader-browser';
import { useBrowserSession } from './support/session';
import { afterTwoFrames } from './support/wait';

const hostilePages = readdirSync(join(fixturesRoot, 'hostile'))
  .filter((file) => file.endsWith('.html') && file !== 'builtins-overwritten.html')
  .sort();

const articleTitle = 'Porthcarn sea wall to be rebuilt after storms undermine foundations';
const lastWords = 'Our job is to make sure it does not get the last word.';

/** Time for late effects: images that fail, handlers on load/error/focus, CSS fetches. */
const settleMs = 800;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PageSnapshot {
  readonly canary: number;
  readonly title: string;
}

function snapshot(page: TestPage): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title')?.get?.call(document);
    return {
      canary: Number((window as unknown as { __pwned?: number }).__pwned ?? 0),
      title: String(title),
    };
  }, undefined);
}

interface ShownArticle {
  readonly title: string | null;
  readonly text: string;
  readonly links: { readonly href: string; readonly rel: string; readonly target: string }[];
  /** Elements in the article that must never be there. */
  readonly forbidden: string[];
  /** on* attributes in the article. */
  readonly handlers: string[];
}

/**
 * Reads the article in the overlay with plain loops and ShadowRoot.querySelectorAll only: on
 * builtins-overwritten.html the page replaced Array.prototype.map/filter/forEach and
 * Element.prototype.querySelector(All) in its world, where this function runs.
 */
function shownArticle(page: TestPage): Promise<ShownArticle | null> {
  return page.evaluate((hostId: string) => {
    const host = Document.prototype.getElementById.call(document, hostId);
    const root = host?.shadowRoot;
    if (!root || !root.querySelector('.bs-article')) return null;
    const forbiddenTags =
      'script, iframe, frame, object, embed, meta, base, style, link, form, input, button, template, noscript, svg';
    const shown: ShownArticle = {
      title: root.querySelector('h1.bs-title')?.textContent?.trim() ?? null,
      text: root.querySelector('.bs-article')?.textContent ?? '',
      links: [],
      forbidden: [],
      handlers: [],
    };
    for (const link of root.querySelectorAll('.bs-article a[href]')) {
      shown.links.push({
        href: link.getAttribute('href') ?? '',
        rel: link.getAttribute('rel') ?? '',
        target: link.getAttribute('target') ?? '',
      });
    }
    const forbiddenSelector = forbiddenTags.replace(/(^|, )/g, '$1.bs-article ');
    for (const element of root.querySelectorAll(forbiddenSelector))
      shown.forbidden.push(element.localName);
    for (const element of root.querySelectorAll('.bs-article *')) {
      for (const attribute of element.attributes) {
        if (attribute.name.toLowerCase().startsWith('on'))
          shown.handlers.push(`${element.localName}[${attribute.name}]`);
      }
    }
    return shown;
  }, overlayHostId);
}

async function openReaderOn(browser: ReaderBrowser, page: TestPage): Promise<ShownArticle> {
  await browser.clickAction(page);
  await page.waitFor(
    (hostId: string) => {
      const host = Document.prototype.getElementById.call(document, hostId);
      return Boolean(host?.shadowRoot?.querySelector('h1.bs-title')?.textContent?.trim());
    },
    overlayHostId,
    'the reader overlay with an article title',
  );
  const shown = await shownArticle(page);
  if (shown === null) throw new Error('The overlay has no .bs-article');
  return shown;
}

function waitForClosed(page: TestPage): Promise<void> {
  return page.waitFor(
    (hostId: string) => Document.prototype.getElementById.call(document, hostId) === null,
    overlayHostId,
    'the reader overlay to be removed',
  );
}

describe.each(browserNames)('%s: hostile pages', (browserName) => {
  const session = useBrowserSession(browserName);

  it.each(hostilePages)(
    '%s: opening the reader runs nothing and fetches no beacon',
    async (file) => {
      const { browser, server } = session;
      const page = await session.open(`hostile/${file}`);
      await sleep(settleMs);
      const before = await snapshot(page);
      const requestsBefore = server.requests.length;
      const urlsBefore = page.requestedUrls.length;

      const opened = await openReaderOn(browser, page);
      expect(opened.title).toBe(articleTitle);
      expect(opened.text).toContain(lastWords);
      await afterTwoFrames(page);
      await sleep(settleMs);

      expect(await snapshot(page)).toEqual(before);
      const beacons = server.requests
        .slice(requestsBefore)
        .map((request) => request.path)
        .filter((path) => path.includes('/beacon/'));
      expect(beacons).toEqual([]);
      expect(
        offHostRequests({ ...page, requestedUrls: page.requestedUrls.slice(urlsBefore) }),
      ).toEqual([]);

      const shown = await shownArticle(page);
      expect(shown?.forbidden).toEqual([]);
      expect(shown?.handlers).toEqual([]);
      for (const link of shown?.links ?? []) {
        if (link.href.startsWith('#')) continue;
        expect(link).toEqual({ href: link.href, rel: 'noopener noreferrer', target: '_blank' });
        expect(link.href).toMatch(/^https?:\/\//);
      }
      expect(extensionErrors(page)).toEqual([]);

      // Closing fetches nothing either. (The canary may move now: focus goes back to the element that had
      // it, and on forms.html that is the page's own autofocus input with its own onfocus handler.)
      const requestsBeforeClose = server.requests.length;
      await page.press('Escape');
      await waitForClosed(page);
      await sleep(200);
      const beaconsOnClose = server.requests
        .slice(requestsBeforeClose)
        .map((request) => request.path)
        .filter((path) => path.includes('/beacon/'));
      expect(beaconsOnClose).toEqual([]);
    },
  );

  it('the reader opens on a page that replaced built-ins in its own world', async () => {
    const { browser } = session;
    const page = await session.open('hostile/builtins-overwritten.html');
    // The page really did replace them.
    expect(
      await page.evaluate(
        () => (window as unknown as { __builtinsReplaced?: boolean }).__builtinsReplaced === true,
        undefined,
      ),
    ).toBe(true);
    // openReaderOn reads the overlay with APIs the page left alone (Document.prototype.getElementById,
    // ShadowRoot.prototype.querySelector, textContent).
    const opened = await openReaderOn(browser, page);
    expect(opened.title).toBe(articleTitle);
    expect(opened.text).toContain(lastWords);
    // The extension never called the page's replaced functions (they count their calls, then throw).
    expect(
      await page.evaluate(
        () => (window as unknown as { __builtinsBroken?: number }).__builtinsBroken ?? 0,
        undefined,
      ),
    ).toBe(0);
    expect(extensionErrors(page)).toEqual([]);
  });
});
