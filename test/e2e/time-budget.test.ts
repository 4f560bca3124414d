// Extraction's time budget in real browsers (issue 7): on a 10 MB page and a 200,000-node page the toolbar
// click gives the reader's "too large" message after a short while, not a tab frozen for tens of seconds,
// and the page's own timer keeps ticking afterwards. The pages are generated (too big to commit) and
// served from 127.0.0.1 with a timer script of their own. Times are printed, never asserted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hugePage, manyNodesPage } from '../unit/robustness/generated-pages';
import { browserNames } from './support/browsers';
import { readOverlay } from './support/overlay';
import type { TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page counts its own timer ticks: a frozen tab stops counting. */
const tickerScript =
  '<script>window.__ticks = 0; setInterval(function () { window.__ticks++; }, 50);</script>';
const withTicker = (html: string) => html.replace('</body>', `${tickerScript}</body>`);

const pages: Record<string, () => string> = {
  '/ten-megabytes.html': () => withTicker(hugePage(10_000_000)),
  '/two-hundred-thousand-nodes.html': () => withTicker(manyNodesPage(200_000)),
};

const tooLargeMessage = 'This page is too large for reader view.';

const ticks = (page: TestPage) =>
  page.evaluate(() => (window as unknown as { __ticks: number }).__ticks, undefined);

describe.each(browserNames)('%s: a page too large for reader mode', (browserName) => {
  const session = useBrowserSession(browserName);
  let server: Server | undefined;
  let origin = '';
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    for (const [path, make] of Object.entries(pages)) bodies.set(path, make());
    server = createServer((request, response) => {
      const body = bodies.get(request.url ?? '');
      response.writeHead(body === undefined ? 404 : 200, {
        'content-type': 'text/html; charset=utf-8',
      });
      response.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(Object.keys(pages))(
    '%s: the "too large" message, then a page that still runs its timer',
    async (path) => {
      const { browser } = session;
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}${path}`);
        await page.evaluate(() => performance.mark('test:click'), undefined);
        const clicked = Date.now();
        await browser.clickAction(page);
        await page.waitFor(
          (message: string) => {
            const root = document.getElementById('broadsheet-reader-host')?.shadowRoot;
            return root?.querySelector('.bs-empty')?.textContent === message;
          },
          tooLargeMessage,
          'the "too large" message',
          20_000,
        );
        const shownMs = Date.now() - clicked;
        const stages = await page.evaluate(() => {
          const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
          const [click, toggle, extracted, painted] = [
            'test:click',
            'broadsheet:toggle',
            'broadsheet:extracted',
            'broadsheet:painted',
          ].map(at);
          const span = (from?: number, to?: number) =>
            from === undefined || to === undefined ? '?' : `${Math.round(to - from)} ms`;
          return `click->toggle ${span(click, toggle)}, extract ${span(toggle, extracted)}, extracted->painted ${span(extracted, painted)}`;
        }, undefined);
        const view = await readOverlay(page);
        expect(view?.emptyText).toBe(tooLargeMessage);
        expect(view?.title).toBeNull();

        // The tab is alive: the page's own timer keeps counting while we wait.
        const before = await ticks(page);
        await sleep(1000);
        const after = await ticks(page);
        expect(after).toBeGreaterThan(before + 5);
        process.stdout.write(
          `${browserName} ${path}: message ${shownMs} ms after the click (${stages}); page timer ${before} -> ${after} ticks over 1 s\n`,
        );
      } finally {
        await page.close();
      }
    },
  );
});
