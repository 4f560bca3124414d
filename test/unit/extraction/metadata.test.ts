// Page metadata from <meta> (read once into an index) and JSON-LD (parsed once), with the lookup rules
// the selector form had: first element per key in document order, keys ignore ASCII case.
import { readPageMetadata } from '../../../src/extraction/metadata';
import { parse, readFixtureHtml } from './fixture-helpers';

function head(markup: string, body = '<p>Text</p>'): Document {
  return parse(`<!doctype html><html><head>${markup}</head><body>${body}</body></html>`);
}

describe('readPageMetadata', () => {
  it('matches keys in property, name or itemprop, ignoring case', () => {
    const document = head(
      '<meta PROPERTY="OG:Site_Name" content=" The Paper "><meta name="Article:Published_Time" content="2020-05-01T10:00:00Z">',
    );
    expect(readPageMetadata(document)).toMatchObject({
      siteName: 'The Paper',
      publishedTime: '2020-05-01T10:00:00.000Z',
    });
  });

  it('looks only at the first element of a key, then the next key', () => {
    const document = head(
      '<meta property="og:site_name" content=""><meta property="og:site_name" content="Second"><meta name="application-name" content="App">',
    );
    expect(readPageMetadata(document).siteName).toBe('App');
  });

  it('finds <meta> in the body too, and JSON-LD for date and publisher', () => {
    const document = head(
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2019-03-02","publisher":{"name":"Graph News"}}]}</script>',
      '<meta itemprop="language" content="en_GB"><p>Text</p>',
    );
    document.documentElement.removeAttribute('lang');
    expect(readPageMetadata(document)).toMatchObject({
      lang: 'en-GB',
      siteName: 'Graph News',
      publishedTime: '2019-03-02T00:00:00.000Z',
    });
  });

  it('reads the seed page', () => {
    const metadata = readPageMetadata(parse(readFixtureHtml('independent-2014-seed-inside')));
    expect(metadata.siteName).not.toBeNull();
  });

  it.each([
    [
      'a <time datetime> inside <article>',
      '<article><div><time datetime="2021-01-02">Jan</time></div></article>',
      '2021-01-02T00:00:00.000Z',
    ],
    ['not a <time datetime> outside <article>', '<time datetime="2021-01-02">Jan</time>', null],
    [
      'a <time pubdate datetime> anywhere',
      '<time datetime="2021-01-03">x</time><time pubdate datetime="2021-01-04">Jan</time>',
      '2021-01-04T00:00:00.000Z',
    ],
    [
      'the first match in document order',
      '<time itemprop="datePublished" datetime="2021-01-05">x</time><article><time datetime="2021-01-06">y</time></article>',
      '2021-01-05T00:00:00.000Z',
    ],
    [
      'a JSON-LD type attribute in any case',
      '<script type="Application/LD+JSON">{"@type":"NewsArticle","datePublished":"2019-03-02"}</script>',
      '2019-03-02T00:00:00.000Z',
    ],
  ])('publishedTime: %s', (_name, body, expected) => {
    expect(readPageMetadata(head('', body)).publishedTime).toBe(expected);
  });
});
