// Input that is not an article page: extract returns null, never throws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, MIN_ARTICLE_WORDS } from '../../../src/extraction';
import { parse, repoRoot } from './fixture-helpers';

describe('pages without an article', () => {
  it.each([
    ['an empty document', ''],
    ['a body with only whitespace', '<!doctype html><html><body>  \n\t&nbsp; </body></html>'],
    [
      'a frameset page',
      '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
    ],
    [
      'only scripts and styles',
      '<html><body><script>var x = "text";</script><style>p { color: red }</style></body></html>',
    ],
    ['only an empty image', '<html><body><img src="/a.png" alt=""></body></html>'],
  ])('%s -> null', (_name, html) => {
    expect(
      extract(parse(html, 'https://example.com/'), { url: 'https://example.com/' }),
    ).toBeNull();
  });

  it('a document without a URL and no options still works (relative links stay relative)', () => {
    const document = parse(
      `<html><body><article><h1>Hello</h1>${'<p>Some sentence of article text that goes on for a while, with a <a href="/x">link</a>.</p>'.repeat(8)}</article></body></html>`,
    );
    const article = extract(document);
    expect(article?.text).toContain('Some sentence of article text');
    expect(article?.html).toContain('href="/x"');
  });

  it('throws a clear error when there is no Window to sanitise with', () => {
    const document = parse('<p>x</p>');
    const detached = document.implementation.createHTMLDocument('t');
    detached.body.innerHTML = '<p>Some text</p>';
    const globalWindow = (globalThis as { window?: unknown }).window;
    expect(globalWindow).toBeUndefined();
    expect(() => extract(detached)).toThrow(/no Window to sanitise with; pass options.window/);
  });
});

describe('output details', () => {
  const body = (inner: string) =>
    `<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title></head><body><article>${inner}</article></body></html>`;
  const paragraph =
    '<p>هذا نص عربي طويل بما يكفي ليكون فقرة من مقال إخباري حقيقي يتحدث عن الأحداث الجارية في المنطقة اليوم.</p>';

  it('sets dir rtl for an Arabic page and counts reading time by words', () => {
    const article = extract(parse(body(paragraph.repeat(10)), 'https://example.com/ar'));
    expect(article?.lang).toBe('ar');
    expect(article?.dir).toBe('rtl');
    expect(article?.readingTimeMinutes).toBe(1);
  });

  it('separates paragraphs, headings and list items with blank lines and never glues them', () => {
    const prose = 'A sentence long enough to be part of a real article about something.';
    const html = `<html><body><article><h1>T</h1><p>${prose} One.</p><h2>Part two</h2><p>${prose} Two.</p><ul><li>First item</li><li>Second item</li></ul><p>${prose}<br>Line two.</p>${`<p>${prose}</p>`.repeat(6)}</article></body></html>`;
    const text = extract(parse(html, 'https://example.com/'))?.text ?? '';
    expect(text).toContain(
      `${prose} One.\n\nPart two\n\n${prose} Two.\n\nFirst item\n\nSecond item\n\n${prose}\nLine two.`,
    );
  });

  it('sanitises: no scripts, handlers, javascript: links, iframes, forms or styles; links open safely', () => {
    const prose =
      '<p>Ordinary article text that carries on long enough to count as content for the reader.</p>';
    const html = `<html><body><article>${prose.repeat(6)}
      <p onclick="alert(1)" style="color:red">Click <a href="javascript:alert(1)">here</a> or <a href="https://example.org/x">there</a>.</p>
      <img src="x.png" onerror="alert(1)"><iframe src="https://evil.example/"></iframe><form><input name="q"></form>
      <script>alert(1)</script><style>p{}</style></article></body></html>`;
    const article = extract(parse(html, 'https://example.com/a/'));
    const out = article?.html ?? '';
    expect(out).not.toMatch(
      /<script|onclick|onerror|javascript:|<iframe|<form|<input|<style|style=/i,
    );
    expect(out).toContain(
      '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">there</a>',
    );
    expect(out).toContain('src="https://example.com/a/x.png"');
  });
});

describe('captions', () => {
  const prose = `<p>${'Article text that is long enough to be read as the body of a real story. '.repeat(3)}</p>`;
  const caption = 'The minister arrives at the summit in Brussels on Monday';

  it('drops a paragraph that repeats a figure caption, keeping the caption once', () => {
    const html = `<html><body><article>${prose.repeat(4)}<figure><img src="/a.jpg" alt="${caption}"><figcaption>${caption} (Reuters)</figcaption></figure><p>${caption}</p>${prose.repeat(3)}</article></body></html>`;
    const article = extract(parse(html, 'https://example.com/a'));
    expect(article?.text.split(caption)).toHaveLength(2);
    expect(article?.removed).toContainEqual({
      ruleId: 'builtin/duplicate-caption',
      sample: caption,
    });
    // The alt only repeated the visible caption: emptied, so screen readers say it once.
    expect(article?.html).toContain('alt=""');
  });

  it('keeps a paragraph equal to an image alt text: it is the only visible caption', () => {
    const html = `<html><body><article>${prose.repeat(4)}<p><img src="/a.jpg" alt="${caption}"></p><p>${caption}</p>${prose.repeat(3)}</article></body></html>`;
    const article = extract(parse(html, 'https://example.com/a'));
    expect(article?.text).toContain(caption);
  });
});

describe('short texts: returned with their word count (the reader decides what is too short)', () => {
  it('a club home page (a menu and one short line) comes back with fewer words than an article has', () => {
    const html = readFileSync(join(repoRoot, 'test/fixtures/e2e/no-article/source.html'), 'utf8');
    const url = 'http://127.0.0.1/no-article/source.html';
    const article = extract(parse(html, url), { url });
    expect(article).not.toBeNull();
    expect(article?.wordCount).toBeGreaterThan(0);
    expect(article?.wordCount).toBeLessThan(MIN_ARTICLE_WORDS);
  });

  it.each([MIN_ARTICLE_WORDS, MIN_ARTICLE_WORDS - 1, 3])(
    'a brief of %i words has that wordCount',
    (count) => {
      const words = Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
      const html = `<html><body><article><p>${words}.</p></article></body></html>`;
      const article = extract(parse(html, 'https://example.com/'));
      expect(article?.text).toContain(`word${count - 1}`);
      expect(article?.wordCount).toBe(count);
    },
  );
});
