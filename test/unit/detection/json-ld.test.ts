// JSON-LD as real pages write it: in @graph, in arrays, nested in ItemLists, malformed.
import { jsonLdSignals } from '../../../src/detection/json-ld';
import { loadFixturePages, parsePage } from './support/labelled-pages';

const fixtures = new Map(loadFixturePages().map((p) => [p.id, p]));

function fixtureReasons(id: string): string[] {
  const page = fixtures.get(id);
  if (page === undefined) throw new Error(`no fixture ${id}`);
  const dom = parsePage(page.html, page.url);
  try {
    return jsonLdSignals(dom.window.document).map((s) => s.reason);
  } finally {
    dom.window.close();
  }
}

/** A page whose head carries the given JSON-LD script bodies. */
function reasonsFor(...scripts: string[]): string[] {
  const head = scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join('');
  const dom = parsePage(
    `<!DOCTYPE html><html><head>${head}</head><body><p>x</p></body></html>`,
    'https://example.com/a',
  );
  try {
    return jsonLdSignals(dom.window.document).map((s) => s.reason);
  } finally {
    dom.window.close();
  }
}

describe('jsonLdSignals on real page shapes', () => {
  it('finds an Article inside a Yoast @graph next to WebPage and WebSite', () => {
    expect(fixtureReasons('wordpress-single-post')).toEqual(['json-ld:Article']);
  });

  it('finds a ReportageNewsArticle inside a top-level array', () => {
    expect(fixtureReasons('bbc-article-reportage')).toEqual(['json-ld:ReportageNewsArticle']);
  });

  it('does not count the NewsArticles listed in a section page ItemList', () => {
    expect(fixtureReasons('nyt-politics-section-itemlist')).toEqual(['json-ld:CollectionPage']);
  });

  it('treats several top-level NewsArticles as a listing', () => {
    expect(fixtureReasons('aljazeera-news-section-articles-jsonld')).toEqual([
      'json-ld:4-articles-listed',
    ]);
  });

  it('tolerates malformed and empty JSON-LD blocks', () => {
    expect(fixtureReasons('news-article-malformed-jsonld')).toEqual(['json-ld:malformed-ignored']);
  });

  it('reads a live blog as a live blog, even though its updates are BlogPostings', () => {
    expect(fixtureReasons('aljazeera-liveblog')).toEqual(['json-ld:LiveBlogPosting']);
  });

  it('gives only a weak signal for a plain WebPage, none for WebSite/Organization alone', () => {
    expect(fixtureReasons('aljazeera-home')).toEqual(['json-ld:WebPage']);
    expect(fixtureReasons('lemonde-home')).toEqual([]);
  });
});

describe('jsonLdSignals edge cases', () => {
  it('reads types written as full schema.org URLs, prefixed names or arrays', () => {
    expect(reasonsFor('{"@type":"https://schema.org/NewsArticle","headline":"a"}')).toEqual([
      'json-ld:NewsArticle',
    ]);
    expect(reasonsFor('{"@type":"schema:BlogPosting"}')).toEqual(['json-ld:BlogPosting']);
    expect(reasonsFor('{"@type":["OpinionNewsArticle","NewsArticle"]}')).toEqual([
      'json-ld:OpinionNewsArticle',
    ]);
  });

  it('follows a WebPage mainEntity to its article', () => {
    expect(reasonsFor('{"@type":"WebPage","mainEntity":{"@type":"AnalysisNewsArticle"}}')).toEqual([
      'json-ld:AnalysisNewsArticle',
    ]);
  });

  it('prefers the article when a VideoObject is embedded beside it', () => {
    expect(reasonsFor('[{"@type":"NewsArticle"},{"@type":"VideoObject"}]')).toEqual([
      'json-ld:NewsArticle',
    ]);
  });

  it('ignores JSON that is not an object with a type', () => {
    expect(reasonsFor('null', '42', '"text"', '[[]]', '{"name":"no type"}')).toEqual([]);
  });

  it('survives a script that is far too large, deeply nested or not JSON at all', () => {
    expect(reasonsFor(`{"@type":"NewsArticle","body":"${'x'.repeat(250_000)}"}`)).toEqual([
      'json-ld:malformed-ignored',
    ]);
    const deep = '{"@graph":'.repeat(2000) + '{"@type":"NewsArticle"}' + '}'.repeat(2000);
    expect(reasonsFor(deep)).toEqual([]);
    expect(reasonsFor('<!-- not json -->')).toEqual(['json-ld:malformed-ignored']);
  });
});
