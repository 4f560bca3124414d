// fixLazyImages and the raw-text <noscript> of a page parsed with scripting on (as every page in a
// browser is): the fallback image markup is parsed by DOMParser into a document of its own, never with
// innerHTML, and nothing in it runs. Proven on a real page (Medium's lazy images, Readability's
// lazy-image-1 test page) and on a page whose <noscript> carries a payload.
import { JSDOM, VirtualConsole } from 'jsdom';
import { fixLazyImages } from '../../../src/extraction/lazy-images';
import { readabilityCorpusPage as corpusPage } from '../../support/readability-corpus';

/**
 * The page parsed as a browser parses it, with scripting on, so <noscript> holds raw text. Its own
 * scripts are cut out first: only the parser's scripting flag matters here, not running the page.
 */
function parseWithScripting(html: string, url: string): JSDOM {
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return new JSDOM(withoutScripts, {
    url,
    runScripts: 'dangerously',
    virtualConsole: new VirtualConsole(),
  });
}

/** The image addresses in the raw text of the page's <noscript> elements. */
function noscriptImageSources(document: Document): string[] {
  return Array.from(document.querySelectorAll('noscript'))
    .map((noscript) => /<img\b[^>]*\ssrc="([^"]+)"/i.exec(noscript.textContent ?? '')?.[1])
    .filter((src): src is string => src !== undefined);
}

function withGlobalDomParser<T>(Parser: typeof DOMParser | undefined, run: () => T): T {
  const global = globalThis as { DOMParser?: unknown };
  const saved = global.DOMParser;
  global.DOMParser = Parser;
  try {
    return run();
  } finally {
    global.DOMParser = saved;
  }
}

describe('lazy images behind a raw-text <noscript>', () => {
  const { html, url } = corpusPage('lazy-image-1');

  it("lazy-image-1 in its page's own window: the placeholders become the real images", () => {
    const dom = parseWithScripting(html, url);
    const { document } = dom.window;
    const sources = noscriptImageSources(document);
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(document.querySelectorAll('noscript img')).toHaveLength(0); // raw text, as in a browser

    fixLazyImages(document.body);

    const shown = Array.from(document.querySelectorAll('img')).map((img) =>
      img.getAttribute('src'),
    );
    for (const src of sources) expect(shown).toContain(src);
    expect(noscriptImageSources(document)).toEqual([]);
    dom.window.close();
  });

  it('a cloned page (no window, as extract() works on) uses the global DOMParser, as in a content script', () => {
    const dom = parseWithScripting(html, url);
    const clone = dom.window.document.cloneNode(true) as Document;
    expect(clone.defaultView).toBeNull();
    const sources = noscriptImageSources(clone);

    withGlobalDomParser(dom.window.DOMParser, () => fixLazyImages(clone.body));

    const shown = Array.from(clone.querySelectorAll('img')).map((img) => img.getAttribute('src'));
    for (const src of sources) expect(shown).toContain(src);
    dom.window.close();
  });

  it('with no DOMParser anywhere (plain Node, a cloned page) the <noscript> is left as it is', () => {
    const dom = parseWithScripting(html, url);
    const clone = dom.window.document.cloneNode(true) as Document;
    const before = noscriptImageSources(clone);

    withGlobalDomParser(undefined, () => fixLazyImages(clone.body));

    expect(noscriptImageSources(clone)).toEqual(before);
    dom.window.close();
  });

  it("a payload in the <noscript>'s markup does not run while it is parsed", () => {
    const page = `<!doctype html><html><body><article><p>Story</p>
      <img src="/spacer.gif">
      <noscript><script>window.__pwned = 1</script><img src="/real.jpg" onerror="window.__pwned = 2"><svg onload="window.__pwned = 3"></svg></noscript>
      </article></body></html>`;
    const dom = new JSDOM(page, {
      url: 'https://example.test/story',
      runScripts: 'dangerously',
      virtualConsole: new VirtualConsole(),
    });
    const { document } = dom.window;
    fixLazyImages(document.body);
    const window = dom.window as unknown as { __pwned?: number };
    expect(window.__pwned).toBeUndefined();
    expect(document.querySelector('article img')?.getAttribute('src')).toBe('/real.jpg');
    expect(document.querySelector('article noscript')).toBeNull();
    dom.window.close();
  });
});
