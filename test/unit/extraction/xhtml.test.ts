// XML documents: an XHTML article served as application/xhtml+xml is read like its HTML twin;
// documents outside the XHTML namespace (feeds) still have no article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../src/extraction';
import { repoRoot } from './fixture-helpers';

const url = 'https://harbour-gazette.example/article.xhtml';
const brokenDir = join(repoRoot, 'test', 'fixtures', 'broken');
const xhtml = readFileSync(join(brokenDir, 'xhtml-article.xhtml'), 'utf8');

function parseAs(markup: string, contentType: string): Document {
  return new JSDOM(markup, { url, contentType, virtualConsole: new VirtualConsole() }).window
    .document;
}

describe('XHTML documents', () => {
  it('an application/xhtml+xml article is extracted (its tag names stay lower-case in XML)', () => {
    const document = parseAs(xhtml, 'application/xhtml+xml');
    expect(document.body.tagName).toBe('body');
    const article = extract(document, { url });
    expect(article).not.toBeNull();
    expect(article?.title).toBe(
      'Porthcarn sea wall to be rebuilt after storms undermine foundations',
    );
    expect(article?.text).toContain('The sea wall that has protected Porthcarn harbour since 1887');
    expect(article?.text).toContain('Divers sent to examine the base of the wall');
    expect(article?.text).not.toContain('The Harbour Gazette');
  });

  it('gives the same text as the same markup parsed as HTML', () => {
    const fromXml = extract(parseAs(xhtml, 'application/xhtml+xml'), { url });
    const fromHtml = extract(parseAs(xhtml, 'text/html'), { url });
    expect(fromXml?.text).toBe(fromHtml?.text);
    expect(fromXml?.html).toBe(fromHtml?.html);
  });

  it('leaves the page itself untouched', () => {
    const document = parseAs(xhtml, 'application/xhtml+xml');
    const before = new (
      document.defaultView as Window & typeof globalThis
    ).XMLSerializer().serializeToString(document);
    extract(document, { url });
    const after = new (
      document.defaultView as Window & typeof globalThis
    ).XMLSerializer().serializeToString(document);
    expect(after).toBe(before);
  });

  it.each([
    ['an RSS feed', 'rss-feed.xml', 'application/xml'],
    ['an SVG image', 'svg-document.svg', 'image/svg+xml'],
  ])('%s has no article and does not throw', (_name, file, contentType) => {
    const document = parseAs(readFileSync(join(brokenDir, file), 'utf8'), contentType);
    expect(extract(document, { url })).toBeNull();
  });
});
