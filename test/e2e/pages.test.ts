// Pages other than an ordinary English article: no article at all, and a right-to-left article.
import { browserNames } from './support/browsers';
import { arabicArticle, noArticlePath } from './support/fixtures';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

describe.each(browserNames)('%s: other kinds of page', (browserName) => {
  const session = useBrowserSession(browserName);

  it('says plainly that a page without an article has none', async () => {
    const page = await session.open(noArticlePath);
    const view = await openReader(session.browser, page);

    expect(view.role).toBe('dialog');
    expect(view.articleText).toBeNull();
    expect(view.emptyText).not.toBeNull();
    expect(view.emptyText).not.toBe('');
    // The page's links are not passed off as an article.
    expect(view.text).not.toContain('Membership');
    expect(view.focusInside).toBe(true);
  });

  it('renders a right-to-left article right to left', async () => {
    const page = await session.open(arabicArticle.path);
    const view = await openReader(session.browser, page);

    expect(view.title?.slice(0, arabicArticle.titleStart.length)).toBe(arabicArticle.titleStart);
    expect(view.articleText).toContain(arabicArticle.firstParagraph);
    expect(view.articleText).toContain(arabicArticle.lastParagraph);
    expect(view.lang).toBe('ar');
    expect(view.dir).toBe('rtl');
    expect(view.direction).toBe('rtl');
  });
});
