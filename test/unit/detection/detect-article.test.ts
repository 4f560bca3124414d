// The detector as a whole on real pages: the verdict, the reasons, and that the expensive readability
// check runs only when it can change the answer.
import { isProbablyReaderable } from '@mozilla/readability';
import { detectArticle } from '../../../src/detection';
import {
  loadDatasetPages,
  loadFixturePages,
  parsePage,
  type LabelledPage,
} from './support/labelled-pages';

const fixtures = new Map(loadFixturePages().map((p) => [p.id, p]));

function fixture(id: string): LabelledPage {
  const page = fixtures.get(id);
  if (page === undefined) throw new Error(`no fixture ${id}`);
  return page;
}

function detectPage(page: LabelledPage, url: string | undefined = page.url) {
  const dom = parsePage(page.html, page.url);
  try {
    return detectArticle(dom.window.document, url === undefined ? {} : { url });
  } finally {
    dom.window.close();
  }
}

function detectHtml(html: string, url = 'https://example.com/news/2024/03/12/some-story') {
  const dom = parsePage(html, url);
  try {
    return detectArticle(dom.window.document, { url });
  } finally {
    dom.window.close();
  }
}

describe('detectArticle', () => {
  it('says no, with a reason, for an empty document', () => {
    expect(detectHtml('')).toEqual({ article: false, reasons: ['empty-document'] });
    expect(
      detectHtml('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>'),
    ).toEqual({
      article: false,
      reasons: ['empty-document'],
    });
  });

  it('accepts an article with no JSON-LD and no Open Graph from its URL and readable text', () => {
    expect(detectPage(fixture('localpaper-article-no-metadata'))).toEqual({
      article: true,
      reasons: ['url:article-id', 'readerable'],
    });
  });

  it('accepts an AMP article', () => {
    expect(detectPage(fixture('guardian-amp-article')).article).toBe(true);
  });

  it('rejects a home page whose lead story has a long standfirst (readable to Readability)', () => {
    const page = fixture('localpaper-home-lead-story');
    const dom = parsePage(page.html, page.url);
    // The premise: Readability's own check alone would open the reader here.
    expect(isProbablyReaderable(dom.window.document)).toBe(true);
    expect(detectArticle(dom.window.document, { url: page.url })).toEqual({
      article: false,
      reasons: ['url:home'],
    });
    dom.window.close();
  });

  it('skips the readability check when the cheap signals settle the answer', () => {
    const settledYes = detectPage(fixture('wordpress-single-post')).reasons;
    const settledNo = detectPage(fixture('bbc-search')).reasons;
    for (const reasons of [settledYes, settledNo]) {
      expect(reasons).not.toContain('readerable');
      expect(reasons).not.toContain('not-readerable');
    }
  });

  it('rejects a paywall interstitial even though it carries NewsArticle JSON-LD', () => {
    expect(detectPage(fixture('wsj-paywall-article'))).toEqual({
      article: false,
      reasons: [
        'url:article-slug',
        'og:type=article',
        'article:published_time',
        'json-ld:NewsArticle',
        'json-ld:paywalled',
        'not-readerable',
      ],
    });
  });

  it('ignores a sign-in form hidden in a pop-up on an article', () => {
    const result = detectPage(fixture('lemonde-article-login-modal'));
    expect(result.article).toBe(true);
    expect(result.reasons).not.toContain('login-form');
  });

  it('ignores the sign-in boxes real articles carry in menus and hidden modals', () => {
    const nytimes = loadDatasetPages('readability-test-pages').find((p) => p.id === 'nytimes-1');
    if (nytimes === undefined) throw new Error('dataset page nytimes-1 missing');
    expect(detectPage(nytimes).reasons).not.toContain('login-form');
  });

  it("uses the document's own URL when none is given", () => {
    const page = fixture('guardian-uk-home');
    expect(detectPage(page, undefined).reasons).toContain('url:home');
  });

  it('decides from the page alone when there is no URL at all', () => {
    const page = fixture('bbc-article-reportage');
    const dom = parsePage(page.html, 'about:blank');
    expect(detectArticle(dom.window.document).article).toBe(true);
    dom.window.close();
  });
});
