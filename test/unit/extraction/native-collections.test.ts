// The extension's build finds elements by tag with the browser's own collections (BROADSHEET_NATIVE_DOM,
// an esbuild define); Node walks the tree. Both must give the same article: here jsdom plays the browser's
// DOM for the collections path, and extract() must not change by a character on real pages with lazy and
// <noscript> images, <picture> sources, <time> elements, JSON-LD and <meta> metadata.
import { JSDOM } from 'jsdom';
import type * as Extraction from '../../../src/extraction';
import type * as DomText from '../../../src/rules/dom-text';
import { quietReadabilityCorpusDom } from '../../support/readability-corpus';

type Flagged = typeof globalThis & { BROADSHEET_NATIVE_DOM?: boolean };

/** The modules as the extension's build has them (collections) or as Node has them (one walk). */
function load<T extends object>(path: string, native: boolean): T {
  const flagged = globalThis as Flagged;
  let loaded: T | undefined;
  if (native) flagged.BROADSHEET_NATIVE_DOM = true;
  try {
    jest.isolateModules(() => {
      loaded = jest.requireActual<T>(path);
    });
  } finally {
    delete flagged.BROADSHEET_NATIVE_DOM;
  }
  if (!loaded) throw new Error(`could not load ${path}`);
  return loaded;
}

const extraction = '../../../src/extraction';
const domText = '../../../src/rules/dom-text';

// jsdom's collections are slow (why Node walks instead): a few pages, each with what the collections find.
describe.each(['lazy-image-3', 'videos-1', 'telegraph'])('%s', (id) => {
  it('gives the same article with the DOM collections as with one walk', () => {
    const native = load<typeof Extraction>(extraction, true);
    const walked = load<typeof Extraction>(extraction, false);
    const dom = quietReadabilityCorpusDom(id);
    const options = { url: dom.window.location.href, onRuleProblem: () => undefined };
    const fromCollections = native.extract(dom.window.document, options);
    expect(fromCollections).not.toBeNull();
    expect(fromCollections).toEqual(walked.extract(dom.window.document, options));
    dom.window.close();
  });
});

describe('descendantsByTags', () => {
  const html = `<body><div><img id="a"><constructor><img id="b"></constructor>
    <picture><source id="c"><img id="d"></picture><svg><script id="e"></script></svg>
    <noscript><img id="f"></noscript><script id="g"></script></div></body>`;

  it.each([true, false])('finds each kind in document order (collections: %s)', (native) => {
    const { descendantsByTags } = load<typeof DomText>(domText, native);
    const { document } = new JSDOM(html).window;
    const ids = (elements: Element[]) => elements.map((element) => element.id);
    const collections = jest.spyOn(document.body, 'getElementsByTagName');
    const found = descendantsByTags(document.body, ['img', 'source', 'script', 'constructor']);
    // jsdom parses <noscript> content as elements (scripting off), as the reader's page copy may have.
    expect(ids(found.img)).toEqual(['a', 'b', 'd', 'f']);
    expect(ids(found.source)).toEqual(['c']);
    // An SVG <script> is a script too, as getElementsByTagName and localName both say.
    expect(ids(found.script)).toEqual(['e', 'g']);
    expect(found.constructor).toHaveLength(1);
    expect(Object.getPrototypeOf(found)).toBeNull();
    expect(collections).toHaveBeenCalledTimes(native ? 4 : 0);
  });
});
