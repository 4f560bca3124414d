// Documents that are not HTML pages, served with the types real servers use: RSS and Atom feeds as
// application/xml and as text/xml, an SVG image as image/svg+xml, and an XHTML article as
// application/xhtml+xml. After the toolbar click: the button explains in words (or, for XHTML, the
// reader answers), nothing throws in the page or the extension, the feeds' embedded payloads never run,
// the tab still answers and the document is exactly as it was.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { readOverlay, waitForOverlayClosed } from './support/overlay';
import { fixturesRoot, repoRoot } from './support/paths';
import { extensionErrors } from './support/reader-browser';
import { useBrowserSession } from './support/session';
import { firstDifference } from './support/wait';
import {
  answersWithin,
  answerWithinMs,
  outcomeOfClick,
  sleep,
  type Outcome,
} from './robustness-outcome';

interface Served {
  /** Path on the test server. */
  readonly path: string;
  /** File under test/fixtures/broken. */
  readonly file: string;
  readonly contentType: string;
  readonly expected: readonly Outcome[];
  /** The button's tooltip (a key of src/_locales/en) when it must be exactly that one. */
  readonly tooltip?: string;
}

const cases: readonly Served[] = [
  { path: '/rss.xml', file: 'rss-feed.xml', contentType: 'application/xml', expected: ['button message'], tooltip: 'blockedNotHtml' },
  { path: '/rss-text.xml', file: 'rss-feed.xml', contentType: 'text/xml; charset=utf-8', expected: ['button message'], tooltip: 'blockedNotHtml' },
  { path: '/atom.xml', file: 'atom-feed.xml', contentType: 'application/xml', expected: ['button message'], tooltip: 'blockedNotHtml' },
  { path: '/atom-text.xml', file: 'atom-feed.xml', contentType: 'text/xml', expected: ['button message'], tooltip: 'blockedNotHtml' },
  { path: '/routes.svg', file: 'svg-document.svg', contentType: 'image/svg+xml', expected: ['button message'], tooltip: 'blockedNotHtml' },
  // An XML document in the HTML namespace is an article like its HTML twin: extract() copies it into an
  // HTML document first (tag names keep their case, 'body', in an XML document, which Readability's
  // checks and ours did not expect).
  {
    path: '/article.xhtml',
    file: 'xhtml-article.xhtml',
    contentType: 'application/xhtml+xml; charset=utf-8',
    expected: ['article'],
  },
]; // prettier-ignore

const englishMessages = JSON.parse(
  readFileSync(join(repoRoot, 'src', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<string, { message: string }>;

/** The English tooltips the button shows when the reader cannot run (src/_locales/en). */
const blockedTooltips: string[] = Object.entries(englishMessages)
  .filter(([key]) => key.startsWith('blocked'))
  .map(([, value]) => value.message);

describe.each(browserNames)('%s: feeds, SVG and XHTML documents', (browserName) => {
  const session = useBrowserSession(browserName);
  let server: Server | undefined;
  let origin = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      const served = cases.find((c) => c.path === request.url);
      if (served === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, { 'content-type': served.contentType, 'cache-control': 'no-store' });
      response.end(readFileSync(join(fixturesRoot, 'broken', served.file)));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(cases)(
    '$file as $contentType: a clear answer, no exception, the document unchanged',
    async (c) => {
      const { browser } = session;
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}${c.path}`);
        // Chromium sniffs a feed served as XML and names it application/rss+xml or atom+xml.
        const contentType = await page.evaluate(() => document.contentType, undefined);
        expect(contentType).toMatch(/^(application|text|image)\/([a-z]+\+)?xml$/);
        const before = await page.evaluate(() => document.documentElement.outerHTML, undefined);

        const outcome = await outcomeOfClick(browser, page);
        expect(c.expected).toContain(outcome);
        if (outcome === 'button message') {
          const { title } = await browser.actionState(page);
          expect(blockedTooltips).toContain(title);
          // A feed or an image is not "couldn't open, reload": the button says what it is.
          if (c.tooltip) expect(title).toBe(englishMessages[c.tooltip]?.message);
        }
        expect(await answersWithin(page, answerWithinMs)).toBe(true);
        if (outcome === 'article' || outcome === 'no article') {
          await page.press('Escape');
          await waitForOverlayClosed(page);
        }
        await sleep(200);

        const after = await page.evaluate(() => document.documentElement.outerHTML, undefined);
        expect(firstDifference(before, after)).toBeNull();
        expect(await readOverlay(page).catch(() => null)).toBeNull();
        expect(
          await page.evaluate(
            () => (window as unknown as { __pwned?: number }).__pwned ?? 0,
            undefined,
          ),
        ).toBe(0);
        expect(extensionErrors(page)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
