// Broken and unusual documents (test/fixtures/broken) and a page with a hostile CSP header, in real
// browsers: after the toolbar click the reader shows an article or its "no article" message (or, for
// documents it cannot show itself in, the button says so), the tab still answers quickly, and closing the
// reader leaves the page as it was.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { plainArticle } from './support/fixtures';
import { readOverlay, waitForOverlayClosed } from './support/overlay';
import { capturePageState } from './support/page-state';
import { fixturesRoot } from './support/paths';
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

const cases: { file: string; expected: Outcome[]; stableDom: boolean }[] = [
  { file: 'empty.html', expected: ['no article'], stableDom: true },
  { file: 'whitespace-body.html', expected: ['no article'], stableDom: true },
  { file: 'frameset.html', expected: ['no article'], stableDom: true },
  { file: 'readability-null.html', expected: ['no article'], stableDom: true },
  {
    file: 'text-plain.txt',
    expected: ['article', 'no article', 'button message'],
    stableDom: true,
  },
  // An SVG document has no HTML body to hold the overlay: the button explains instead.
  { file: 'svg-document.svg', expected: ['button message'], stableDom: true },
  { file: 'dom-churn.html', expected: ['article'], stableDom: false },
  { file: 'shadow-dom.html', expected: ['article'], stableDom: true },
  { file: 'iframes.html', expected: ['article'], stableDom: true },
  { file: 'tag-soup.html', expected: ['article'], stableDom: true },
];

describe.each(browserNames)('%s: broken and unusual pages', (browserName) => {
  const session = useBrowserSession(browserName);

  it.each(cases)(
    '$file: a reader or a clear message, a live tab, the page unchanged',
    async (c) => {
      const { browser } = session;
      const page = await session.open(`broken/${c.file}`);
      const before = await capturePageState(page);

      const outcome = await outcomeOfClick(browser, page);
      expect(c.expected).toContain(outcome);
      expect(await answersWithin(page, answerWithinMs)).toBe(true);
      if (outcome === 'article' || outcome === 'no article') {
        await page.press('Escape');
        await waitForOverlayClosed(page);
      }
      await sleep(100);
      const after = await capturePageState(page);
      if (c.stableDom) expect(firstDifference(before.html, after.html)).toBeNull();
      expect(await readOverlay(page)).toBeNull();
      expect(extensionErrors(page)).toEqual([]);
    },
  );

  describe("a page served with Content-Security-Policy: default-src 'none'", () => {
    let server: Server | undefined;
    let origin = '';
    beforeAll(async () => {
      const html = readFileSync(join(fixturesRoot, plainArticle.path), 'utf8');
      server = createServer((_request, response) => {
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'",
        });
        response.end(html);
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('the overlay still renders the article (its fonts may be refused)', async () => {
      const { browser } = session;
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/csp-article.html`);
        const outcome = await outcomeOfClick(browser, page);
        expect(outcome).toBe('article');
        const view = await readOverlay(page);
        expect(view?.title).toContain(plainArticle.titleStart);
        expect(view?.articleText).toContain(plainArticle.firstParagraph);
        expect(await answersWithin(page, answerWithinMs)).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
});
