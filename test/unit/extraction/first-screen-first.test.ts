// A very long article extracted first screen first (what the reader does, to paint sooner): the first
// result is the article's beginning, and rest() gives exactly what extract() gives. Real pages in jsdom:
// Wikipedia's "New Zealand" (the largest of Readability's test pages, 9,900 elements), the e2e fixture
// with 432 annotated paragraphs, and the seed page, which is short enough to be extracted in one go.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract, type ExtractedArticle } from '../../../src/extraction';
import {
  cloneFirstScreen,
  firstScreenChars,
  firstScreenEnds,
  splitAboveChars,
} from '../../../src/extraction/first-screen';
import { fixturePage, readabilityPage } from '../extension/dom';
import { quietReadabilityCorpusDom } from '../../support/readability-corpus';
import { readFixtureHtml } from './fixture-helpers';

function extractBoth(dom: JSDOM): {
  first: ExtractedArticle | null;
  whole: ExtractedArticle | null;
} {
  const options = { url: dom.window.location.href, onRuleProblem: () => undefined };
  return {
    first: extract(dom.window.document, { ...options, firstScreenFirst: true }),
    whole: extract(dom.window.document, options),
  };
}

/** The article's text as one line, for comparing beginnings (the plain text's paragraph breaks aside). */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each([
  ['Wikipedia, New Zealand', () => quietReadabilityCorpusDom('wikipedia-2')],
  ['the e2e fixture with 432 annotated paragraphs', () => fixturePage('very-long-article')],
])('%s, first screen first', (_name, load) => {
  let dom: JSDOM;
  let first: ExtractedArticle | null;
  let whole: ExtractedArticle | null;
  beforeAll(() => {
    dom = load();
    ({ first, whole } = extractBoth(dom));
  }, 60_000);
  afterAll(() => dom.window.close());

  it('gives the beginning of the article first, and the whole article from rest()', () => {
    if (!first || !whole) throw new Error('no article');
    expect(typeof first.rest).toBe('function');
    expect(whole.rest).toBeUndefined();
    expect(first.text.length).toBeLessThan(whole.text.length / 10);
    expect(first.wordCount).toBeGreaterThan(25);
    expect(flat(whole.text).startsWith(flat(first.text))).toBe(true);
    // The reading time is the whole article's (estimated before cleaning), not the first screen's.
    expect(Math.abs(first.readingTimeMinutes - whole.readingTimeMinutes)).toBeLessThanOrEqual(
      Math.max(2, whole.readingTimeMinutes * 0.05),
    );
    expect({ ...first.rest?.() }).toEqual(whole);
    // The rest is cleaned once: a second call gives the same result.
    expect(first.rest?.()).toBe(first.rest?.());
    expect(first.title).toBe(whole.title);
    expect(first.lang).toBe(whole.lang);
  });
});

describe('an article of ordinary length', () => {
  it('is extracted in one go, as extract() does, whatever the option', () => {
    const dom = new JSDOM(readFixtureHtml('independent-2014-seed-inside'), {
      url: 'https://www.independent.co.uk/news/world/middle-east/iraq-crisis.html',
      virtualConsole: new VirtualConsole(),
    });
    const { first, whole } = extractBoth(dom);
    expect(first?.rest).toBeUndefined();
    expect(first).toEqual(whole);
    dom.window.close();
  });
});

describe('where the first screen ends', () => {
  let dom: JSDOM;
  beforeAll(() => {
    dom = readabilityPage('medium-1');
  });
  afterAll(() => dom.window.close());

  /** The page's article as Readability's output shape: one wrapper div around the blocks. */
  function articleRoot(): Element {
    const article = dom.window.document.querySelector('article') ?? dom.window.document.body;
    const root = dom.window.document.createElement('div');
    root.append(article.cloneNode(true));
    return root;
  }

  /**
   * What a copy takes on screen, counted as the first screen's doc comment says: its text without runs
   * of spaces, 400 characters an image and 70 a paragraph, list item or table row.
   */
  function screenWeight(copy: Element): number {
    const count = (tag: string) => copy.getElementsByTagName(tag).length;
    return (
      flat(copy.textContent ?? '').length +
      400 * count('img') +
      70 * (count('p') + count('li') + count('tr'))
    );
  }

  it('cuts after about a screen of text, inside wrappers that only group blocks', () => {
    const root = articleRoot();
    const ends = firstScreenEnds(root);
    expect(ends.length).toBeGreaterThan(1);
    const copy = cloneFirstScreen(root);
    if (!copy) throw new Error('no first screen');
    const copied = copy.textContent ?? '';
    const all = root.textContent ?? '';
    // A screen's worth, and no more than the block that fills it.
    expect(screenWeight(copy)).toBeGreaterThanOrEqual(firstScreenChars);
    // Each level's end is its parent's last node in the copy: down to the block that filled the screen.
    let lastCopy: Node | null = copy;
    for (let level = 0; level < ends.length; level++) lastCopy = lastCopy?.lastChild ?? null;
    expect(lastCopy?.textContent).toBe(ends[ends.length - 1]?.textContent);
    lastCopy?.parentNode?.removeChild(lastCopy);
    expect(screenWeight(copy)).toBeLessThan(firstScreenChars);
    expect(copied.length).toBeLessThan(all.length / 2);
    expect(all.startsWith(copied)).toBe(true);
    // The copy is made of new nodes; the article itself is untouched.
    expect(root.textContent).toBe(all);
    expect(copy.firstChild).not.toBe(root.firstChild);
  });

  it("cuts a table between rows: an infobox's first rows fill the screen, the others follow", () => {
    const wikipedia = quietReadabilityCorpusDom('wikipedia-2');
    const infobox = wikipedia.window.document.querySelector('table.infobox');
    if (!infobox) throw new Error('no infobox');
    const root = wikipedia.window.document.createElement('div');
    root.append(infobox.cloneNode(true));
    const rows = root.getElementsByTagName('tr').length;
    const ends = firstScreenEnds(root);
    expect(ends.map((end) => end.nodeName)).toEqual(['TABLE', 'TBODY', 'TR']);
    const copy = cloneFirstScreen(root);
    if (!copy) throw new Error('no first screen');
    const shown = copy.getElementsByTagName('tr').length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(rows / 2);
    expect(screenWeight(copy)).toBeGreaterThanOrEqual(firstScreenChars);
    wikipedia.window.close();
  });

  it('does not cut an article shorter than a screen and a bit', () => {
    const root = dom.window.document.createElement('div');
    const paragraph = dom.window.document.createElement('p');
    paragraph.textContent = 'x'.repeat(splitAboveChars - 1);
    root.append(paragraph);
    expect(firstScreenEnds(root)).toEqual([]);
    expect(cloneFirstScreen(root)).toBeNull();
  });
});
