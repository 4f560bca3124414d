import {
  isPageClosed,
  MAX_CLOSED_PAGES_PER_TAB,
  pageKey,
  PagesSeen,
  readClosedPages,
  withClosedPage,
} from '../../../src/shared/auto-mode-pages';

describe('pageKey', () => {
  it('is the URL without its fragment; not a URL gives null', () => {
    expect(pageKey('https://news.test/a/b?x=1#comments')).toBe('https://news.test/a/b?x=1');
    expect(pageKey('not a url')).toBeNull();
  });
});

describe('closed pages (per tab, per page)', () => {
  it('remembers a close for that page only, fragment aside', () => {
    const closed = withClosedPage([], 'https://news.test/story#top');
    expect(isPageClosed(closed, 'https://news.test/story')).toBe(true);
    expect(isPageClosed(closed, 'https://news.test/story#comments')).toBe(true);
    expect(isPageClosed(closed, 'https://news.test/story?page=2')).toBe(false);
    expect(isPageClosed(closed, 'https://news.test/other')).toBe(false);
  });

  it('keeps one entry per page and forgets the oldest beyond the limit', () => {
    let closed: string[] = [];
    for (let i = 0; i < MAX_CLOSED_PAGES_PER_TAB + 5; i += 1) {
      closed = withClosedPage(closed, `https://news.test/${i}`);
    }
    closed = withClosedPage(closed, `https://news.test/${MAX_CLOSED_PAGES_PER_TAB + 4}`);
    expect(closed).toHaveLength(MAX_CLOSED_PAGES_PER_TAB);
    expect(isPageClosed(closed, 'https://news.test/0')).toBe(false);
    expect(isPageClosed(closed, 'https://news.test/5')).toBe(true);
  });

  it('reads anything stored leniently', () => {
    expect(readClosedPages(undefined)).toEqual([]);
    expect(readClosedPages('x')).toEqual([]);
    expect(readClosedPages(['https://a.test/', 3, null])).toEqual(['https://a.test/']);
    expect(withClosedPage(['https://a.test/'], 'nonsense')).toEqual(['https://a.test/']);
  });
});

describe('PagesSeen (once per page load)', () => {
  it('says yes once per page, including single-page navigations to new URLs', () => {
    const seen = new PagesSeen();
    expect(seen.firstVisit('https://news.test/story')).toBe(true);
    expect(seen.firstVisit('https://news.test/story#more')).toBe(false); // bfcache restore, a jump in the page
    expect(seen.firstVisit('https://news.test/next-story')).toBe(true); // pushState to another article
    expect(seen.firstVisit('https://news.test/story')).toBe(false); // back to the first one
    expect(seen.firstVisit('::')).toBe(false);
  });
});
