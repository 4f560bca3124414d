// The shipped site rules reach the reader through the background (content.js does not bundle them): on the
// Independent's host the seed site's "Day In a Page" rule removes its block, and the same page on another
// host keeps it. The pages are answered by the test itself (serveOrigin), so the browser contacts nothing
// but never sees a difference between them except the host name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { plainArticle } from './support/fixtures';
import { waitForOverlayClosed } from './support/overlay';
import { fixturesRoot } from './support/paths';
import { openReader } from './support/reader';
import { extensionErrors, type TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

/** A paragraph of the plain article that no generic rule removes (the user-rules test relies on it too). */
const blockText = 'The council contributed the building on a ninety-nine year lease';

/** The plain article with that paragraph in the Independent's "Day In a Page" box (its class only). */
function articleWithDayInAPage(): string {
  const html = readFileSync(join(fixturesRoot, plainArticle.path), 'utf8');
  const paragraph = new RegExp(`<p>${blockText}.*?</p>`);
  if (!paragraph.test(html)) throw new Error(`${plainArticle.path} no longer has "${blockText}"`);
  return html.replace(paragraph, (p) => `<div class="dayinapage">${p}</div>`);
}

describe.each(browserNames)('%s: shipped site rules from the background', (browserName) => {
  const session = useBrowserSession(browserName);
  const html = articleWithDayInAPage();

  async function readerText(origin: string): Promise<string> {
    const page: TestPage = await session.browser.newPage();
    try {
      await page.serveOrigin(origin, html);
      await page.goto(`${origin}/news/uk/harbour-library.html`);
      const view = await openReader(session.browser, page);
      expect(view.title).toContain(plainArticle.titleStart);
      expect(extensionErrors(page)).toEqual([]);
      await page.press('Escape');
      await waitForOverlayClosed(page);
      return view.articleText ?? '';
    } finally {
      await page.close();
    }
  }

  it('removes the "Day In a Page" box on the seed site, and only there', async () => {
    expect(await readerText('http://news.example.org')).toContain(blockText);
    const onSeedSite = await readerText('http://www.independent.co.uk');
    expect(onSeedSite).not.toContain(blockText);
    expect(onSeedSite).toContain(plainArticle.firstParagraph);
  });
});
