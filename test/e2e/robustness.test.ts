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
import { extensionErrors, type ReaderBrowser, type TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';
import { firstDifference } from './support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page answers a trivial script within this time after the click: the tab is not frozen. */
const answerWithinMs = 5_000;

async function answersWithin(page: TestPage, ms: number): Promise<boolean> {
  const answer = page.evaluate(() => 1 + 1, undefined).then((value) => value === 2);
  const timeout = sleep(ms).then(() => false);
  return Promise.race([answer, timeout]);
}

/** 'button message': no overlay, the toolbar button explains instead (its badge and tooltip changed). */
type Outcome = 'article' | 'no article' | 'button message' | 'nothing';

/** Waits for the reader's answer to the click: an article, the no-article message, or no overlay. */
async function outcomeOfClick(browser: ReaderBrowser, page: TestPage): Promise<Outcome> {
  const idle = await browser.actionState(page);
  await browser.clickAction(page);
  const deadline = Date.now() + 10_000;
  let explainingSince: number | undefined;
  while (Date.now() < deadline) {
    const view = await readOverlay(page).catch(() => null);
    if (view?.title || view?.articleText) return 'article';
    if (view?.emptyText) return 'no article';
    // The button changes as soon as the click is handled, the overlay a moment later: only a button
    // that has explained for 1.5 s without an overlay counts as its message.
    const state = await browser.actionState(page);
    const explains = state.badgeText !== idle.badgeText && state.title !== idle.title;
    explainingSince = explains ? (explainingSince ?? Date.now()) : undefined;
    if (explainingSince !== undefined && Date.now() - explainingSince > 1_500)
      return 'button message';
    await sleep(200);
  }
  return 'nothing';
}

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
