// Opening the reader on a news article with the toolbar button: the article and its metadata are there, the
// page furniture and promo blocks are not, nothing is fetched from other hosts, and the overlay is an
// accessible modal dialog.
import { browserNames } from './support/browsers';
import { plainArticle, seedLikePages, type ArticleFixture } from './support/fixtures';
import { overlayMedia, readOverlay } from './support/overlay';
import { extensionErrors, offHostRequests } from './support/reader-browser';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

describe.each(browserNames)('%s: reading an article', (browserName) => {
  const session = useBrowserSession(browserName);

  const withFigure = seedLikePages().filter((page) => page.figure !== undefined);
  it.each(withFigure)(
    'shows the photo of the $name once, with its caption once',
    async (fixture) => {
      const figure = fixture.figure as NonNullable<ArticleFixture['figure']>;
      const page = await session.open(fixture.path);
      const view = await openReader(session.browser, page);
      const media = await overlayMedia(page);

      expect(media?.images.map((image) => image.src)).toEqual([session.server.url(figure.path)]);
      expect(view.text.split(figure.caption).length - 1).toBe(1);
    },
  );

  it('makes the article’s links absolute', async () => {
    const link = plainArticle.link as NonNullable<ArticleFixture['link']>;
    const page = await session.open(plainArticle.path);
    await openReader(session.browser, page);
    const media = await overlayMedia(page);

    expect(media?.links).toContainEqual({ text: link.text, href: session.server.url(link.path) });
  });

  describe.each(seedLikePages())('$name', (fixture) => {
    it('shows the article, and none of the blocks around it', async () => {
      const page = await session.open(fixture.path);
      const view = await openReader(session.browser, page);

      expect(extensionErrors(page)).toEqual([]);
      expect(view.hostCount).toBe(1);
      expect(view.hasOpenShadowRoot).toBe(true);
      expect(view.dialogCount).toBe(1);
      expect(view.emptyText).toBeNull();
      expect(view.title?.slice(0, fixture.titleStart.length)).toBe(fixture.titleStart);
      expect(view.articleText).toContain(fixture.firstParagraph);
      expect(view.articleText).toContain(fixture.lastParagraph);
      const shown = view.text.toLowerCase();
      const leftovers = fixture.absent.filter((junk) => shown.includes(junk.toLowerCase()));
      expect(leftovers).toEqual([]);
    });

    it('shows who wrote it, where and when, and how long it takes to read', async () => {
      const page = await session.open(fixture.path);
      const view = await openReader(session.browser, page);

      expect(view.byline).toContain(fixture.byline);
      expect(view.site).toContain(fixture.siteName);
      expect(view.date).toContain(fixture.year);
      expect(view.readingTime).toMatch(/\d/);
    });

    it('is a modal dialog in the article’s language, with focus inside it', async () => {
      const page = await session.open(fixture.path);
      const view = await openReader(session.browser, page);

      expect(view.role).toBe('dialog');
      expect(view.ariaModal).toBe('true');
      expect(view.hasCloseButton).toBe(true);
      expect(view.lang).toBe(fixture.lang);
      expect(view.direction).toBe('ltr');
      expect(view.focusInside).toBe(true);
    });

    it('keeps keyboard focus inside the dialog while it is open', async () => {
      const page = await session.open(fixture.path);
      await openReader(session.browser, page);
      const outside: number[] = [];
      for (let press = 1; press <= 25; press += 1) {
        await page.press(press % 5 === 0 ? 'Shift+Tab' : 'Tab');
        const view = await readOverlay(page);
        if (view?.focusInside !== true) outside.push(press);
      }
      expect(outside).toEqual([]);
    });

    it('fetches nothing from other hosts', async () => {
      const page = await session.open(fixture.path);
      await openReader(session.browser, page);

      expect(offHostRequests(page)).toEqual([]);
      // The page was loaded from the fixture server, so the log is live.
      expect(session.server.requests.some((request) => request.path.endsWith(fixture.path))).toBe(
        true,
      );
    });
  });
});
