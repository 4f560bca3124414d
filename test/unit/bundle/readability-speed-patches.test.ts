// The Readability patches marked `speed` in build/vendor-patches.mjs make the extension's Readability faster
// and must not change a single result. Here Readability with every build patch but those ("before") and
// with all of them ("after") answer the same: method by method on every element of real pages and of
// hand-made edge cases (whitespace of every kind, comments, CDATA, br/hr-only divs, hidden and styled
// elements, duplicate attribute names), and parse() as a whole on real dataset pages. The full run over all
// dataset pages is test/bench/speed/readability-identical.ts; the time it saves in Chromium,
// test/bench/speed/readability-patches.ts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  extensionOptions,
  loadReadability,
  parseComparable,
  patchedReadabilitySource,
  speedPatchNames,
  type ReadabilityClass,
} from '../../bench/speed/readability-variants';
import { readabilityCorpusPage as corpusPage } from '../../support/readability-corpus';

// Real pages in jsdom: wikipedia-2 (10,000 elements) takes seconds to parse, longer on a busy machine.
jest.setTimeout(120_000);

const repoRoot = join(__dirname, '..', '..', '..');

/** The private methods the speed patches change, as this test calls them. */
interface Internals {
  _isElementWithoutContent(node: Node): boolean;
  _isProbablyVisible(node: Element): boolean;
  _cleanStyles(element: Element): void;
  _cleanClasses(element: Element): void;
  _cleanConditionally(element: Element, tag: string): void;
}

const afterSource = patchedReadabilitySource(repoRoot, []);
const Before = loadReadability(patchedReadabilitySource(repoRoot, speedPatchNames()));
const After = loadReadability(afterSource);

function internals(Readability: ReadabilityClass, document: Document): Internals {
  return new Readability(document, extensionOptions) as unknown as Internals;
}

function domOf(html: string, url = 'https://example.test/story'): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/**
 * Calls `method` of both readers on every element of `document` (of the tags in `only`, when given);
 * returns how often each answer came and the answers that differ.
 */
function differingAnswers(
  document: Document,
  method: '_isElementWithoutContent' | '_isProbablyVisible',
  Other: ReadabilityClass = After,
  only?: readonly string[],
): { counts: Map<boolean, number>; different: string[] } {
  const before = internals(Before, document);
  const after = internals(Other, document);
  const counts = new Map<boolean, number>();
  const different: string[] = [];
  const elements = Array.from(document.getElementsByTagName('*')).filter(
    (element) => only === undefined || only.includes(element.tagName),
  );
  for (const element of elements) {
    const expected = before[method](element);
    counts.set(expected, (counts.get(expected) ?? 0) + 1);
    if (after[method](element) !== expected) {
      different.push(`${element.tagName}#${element.id}: ${String(expected)}`);
    }
  }
  return { counts, different };
}

describe('the speed patches', () => {
  it('are in the build list and each changes the source the extension bundles', () => {
    expect(speedPatchNames()).toEqual(
      expect.arrayContaining([
        'readability-visible-style-attribute',
        'readability-without-content-text-walk',
        'readability-clean-styles-present-names',
        'readability-clean-classes-without-class',
        'readability-clean-conditionally-list-share-later',
      ]),
    );
    for (const name of speedPatchNames()) {
      expect(patchedReadabilitySource(repoRoot, [name])).not.toBe(afterSource);
    }
  });

  it("are in the extension's content.js", () => {
    const content = execFileSync(
      process.execPath,
      [join(__dirname, 'extension-bundle.mjs'), 'content.js'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(content).toMatch(/\.createTreeWalker\(\w+,12\)/);
    expect(content).toContain('.getAttributeNames()');
    expect(content).toContain('.hasAttribute("style")');
  });
});

describe('"no text" by walking Text nodes and testing \\S, as textContent.trim() decided it', () => {
  it('trim() and \\S agree on every code point', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if ((char.trim() === '') !== !/\S/.test(char)) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  /** The tags _grabArticle and _simplifyNestedElements ask _isElementWithoutContent about. */
  const withoutContentTags = ['DIV', 'SECTION', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'];

  const edgeCases = `<!doctype html><html><body>
    <div id="nbsp">&nbsp; &nbsp;</div>
    <div id="unicode-spaces"> \n\t&#x2003;&#x3000;&#xFEFF;&#x2028;&#x1680;</div>
    <div id="zero-width">&#x200B;</div>
    <div id="mongolian-separator">&#x180E;</div>
    <div id="comment"><!-- a comment with words --></div>
    <div id="comment-and-space"> <!-- words --> &nbsp; </div>
    <div id="br-hr"><br><hr><br></div>
    <div id="br-in-span"><span><br></span></div>
    <div id="span-and-br"><span></span><br></div>
    <section id="spaces">  </section>
    <header id="header-spaces"> </header>
    <h2 id="heading-spaces"> </h2>
    <div id="late-text"><div><div> </div></div><p> </p><div><span>  </span><b>x</b></div></div>
    <div id="empty-paragraphs"><p> </p><p>&nbsp;</p></div>
    <div id="svg-text"><svg><text> </text></svg></div>
    <div id="svg-words"><svg><text>words</text></svg></div>
    <div id="template"><template>text only in the template</template></div>
    <div id="empty"></div>
    <div id="text">words</div>
  </body></html>`;

  it.each([
    ['hand-made edge cases', () => domOf(edgeCases)],
    ['wikipedia-3', () => domOf(corpusPage('wikipedia-3').html)],
    ['bbc-1', () => domOf(corpusPage('bbc-1').html)],
  ])('%s: every element gets the same answer', (_name, makeDom) => {
    const dom = makeDom();
    const { counts, different } = differingAnswers(
      dom.window.document,
      '_isElementWithoutContent',
      After,
      // On real pages, the elements Readability asks about (textContent per element, before the patch, is
      // quadratic: every element of a large page takes long in jsdom).
      _name === 'hand-made edge cases' ? undefined : withoutContentTags,
    );
    expect(different).toEqual([]);
    // Both answers occur, so the comparison covers both.
    expect(counts.get(true)).toBeGreaterThan(0);
    expect(counts.get(false)).toBeGreaterThan(0);
    dom.window.close();
  });

  it('the hand-made cases get the answers they should', () => {
    const dom = domOf(edgeCases);
    const reader = internals(After, dom.window.document);
    const empty = Array.from(dom.window.document.querySelectorAll('body [id]'))
      .filter((element) => reader._isElementWithoutContent(element))
      .map((element) => element.id);
    expect(empty).toEqual([
      'nbsp',
      'unicode-spaces',
      'comment',
      'comment-and-space',
      'br-hr',
      'br-in-span',
      'spaces',
      'header-spaces',
      'heading-spaces',
      'empty',
    ]);
    dom.window.close();
  });

  it('CDATA sections count as text (as in textContent), processing instructions do not', () => {
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><body>
      <div id="cdata-words"><![CDATA[ words ]]></div>
      <div id="cdata-spaces"><![CDATA[   ]]></div>
      <div id="nested-cdata"><span><![CDATA[ ]]></span><span id="cdata-x"><![CDATA[x]]></span></div>
      <div id="instruction"><?note some words?></div>
    </body></html>`;
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    const document = new window.DOMParser().parseFromString(xhtml, 'application/xhtml+xml');
    expect(document.getElementById('cdata-words')?.firstChild?.nodeType).toBe(4);
    const { different } = differingAnswers(document, '_isElementWithoutContent');
    expect(different).toEqual([]);
    const reader = internals(After, document);
    const answer = (id: string): boolean =>
      reader._isElementWithoutContent(document.getElementById(id) as Element);
    expect([answer('cdata-words'), answer('cdata-spaces'), answer('instruction')]).toEqual([
      false,
      true,
      true,
    ]);
    // A walk over Text nodes alone (not CDATA) would get this wrong, and the comparison sees it.
    const TextOnly = loadReadability(
      afterSource.replace('createTreeWalker(node, 12)', 'createTreeWalker(node, 4)'),
    );
    expect(differingAnswers(document, '_isElementWithoutContent', TextOnly).different).toEqual([
      'div#cdata-words: false',
      'span#cdata-x: false',
    ]);
    window.close();
  });
});

describe('visibility read from the style only when there is a style attribute', () => {
  const styled = `<!doctype html><html><body>
    <div id="none" style="display:none">a</div>
    <div id="upper" style="DISPLAY: NONE">a</div>
    <div id="hidden-visibility" style="visibility: hidden">a</div>
    <div id="empty-style" style="">a</div>
    <div id="other-style" style="color: red">a</div>
    <div id="hidden" hidden>a</div>
    <div id="aria" aria-hidden="true">a</div>
    <div id="fallback" aria-hidden="true" class="fallback-image">a</div>
    <svg id="svg-none" style="display:none"><g id="svg-child"></g></svg>
    <math id="math-none" style="display:none"><mi>x</mi></math>
    <div id="cssom-none">a</div>
    <div id="cssom-cleared">a</div>
    <div id="plain">a</div>
  </body></html>`;

  it.each([
    ['hand-made styles', () => domOf(styled)],
    ['yahoo-3', () => domOf(corpusPage('yahoo-3').html)],
    ['hidden-nodes', () => domOf(corpusPage('hidden-nodes').html)],
    ['visibility-hidden', () => domOf(corpusPage('visibility-hidden').html)],
    ['wikipedia-3', () => domOf(corpusPage('wikipedia-3').html)],
  ])('%s: every element gets the same answer', (_name, makeDom) => {
    const dom = makeDom();
    const document = dom.window.document;
    const none = document.getElementById('cssom-none') as HTMLElement | null;
    if (none) none.style.display = 'none';
    const cleared = document.getElementById('cssom-cleared') as HTMLElement | null;
    if (cleared) {
      cleared.style.visibility = 'hidden';
      cleared.removeAttribute('style');
    }
    const { counts, different } = differingAnswers(document, '_isProbablyVisible');
    expect(different).toEqual([]);
    expect(counts.get(false)).toBeGreaterThan(0);
    expect(counts.get(true)).toBeGreaterThan(0);
    dom.window.close();
  });

  it('the hand-made cases get the answers they should', () => {
    const dom = domOf(styled);
    const document = dom.window.document;
    (document.getElementById('cssom-none') as HTMLElement).style.display = 'none';
    const reader = internals(After, document);
    const hidden = Array.from(document.querySelectorAll('body [id]'))
      .filter((element) => !reader._isProbablyVisible(element))
      .map((element) => element.id);
    // Not "upper" nor "math-none": jsdom's CSS parser ignores upper-case property names and its MathML
    // elements have no style (Chromium hides both). Before and after agree either way (above).
    expect(hidden).toEqual([
      'none',
      'hidden-visibility',
      'hidden',
      'aria',
      'svg-none',
      'cssom-none',
    ]);
    dom.window.close();
  });
});

describe('styles and classes cleaned as before', () => {
  /** Runs `method` of each reader on its own copy of `element`; returns both copies' HTML. */
  function cleaned(element: Element, method: '_cleanStyles' | '_cleanClasses'): [string, string] {
    const document = element.ownerDocument;
    const copies = [Before, After].map((Readability) => {
      const copy = element.cloneNode(true) as Element;
      internals(Readability, document)[method](copy);
      return copy.outerHTML;
    });
    return [copies[0]!, copies[1]!];
  }

  const attributes = `<!doctype html><html><body><div id="root" style="color:red" align="left">
    <table width="10" height="20" border="1" cellpadding="2" bgcolor="red"><tr><td valign="top" width="5">a</td></tr></table>
    <p class="page intro" hspace="1" vspace="2" data-x="kept">text</p>
    <p class="">empty class</p><p class="x page">classes</p><p>no attributes</p>
    <svg style="fill:red" width="10"><rect style="x" class="page"/></svg>
    <img src="a.png" border="0" style="width:10px" width="10" height="10">
    <pre width="80">code</pre><hr width="50%" align="center">
    <span id="duplicate">twice</span><span id="upper-name">upper</span>
  </div></body></html>`;

  it('on hand-made attributes, duplicate and uppercase qualified names included', () => {
    const dom = domOf(attributes);
    const document = dom.window.document;
    // Two attributes with the qualified name "style" (the second namespaced): removeAttribute("style")
    // removes only the first, before and after.
    const duplicate = document.getElementById('duplicate') as Element;
    duplicate.setAttribute('style', 'plain');
    duplicate.setAttributeNS('urn:example', 'style', 'namespaced');
    expect(duplicate.getAttributeNames()).toEqual(['id', 'style', 'style']);
    (document.getElementById('upper-name') as Element).setAttributeNS(null, 'STYLE', 'kept');
    const root = document.getElementById('root') as Element;
    const [beforeStyles, afterStyles] = cleaned(root, '_cleanStyles');
    expect(afterStyles).toBe(beforeStyles);
    expect(afterStyles).toContain('<span id="duplicate" style="namespaced">');
    expect(afterStyles).toContain('STYLE="kept"');
    expect(afterStyles).not.toContain('bgcolor');
    const [beforeClasses, afterClasses] = cleaned(root, '_cleanClasses');
    expect(afterClasses).toBe(beforeClasses);
    expect(afterClasses).toContain('class="page"');
    dom.window.close();
  });

  it.each(['wikipedia-2', 'nytimes-1', 'yahoo-3', 'cnn'])('on %s', (id) => {
    const dom = domOf(corpusPage(id).html);
    const body = dom.window.document.body;
    const [beforeStyles, afterStyles] = cleaned(body, '_cleanStyles');
    expect(afterStyles).toBe(beforeStyles);
    expect(afterStyles.length).toBeLessThan(body.outerHTML.length);
    const [beforeClasses, afterClasses] = cleaned(body, '_cleanClasses');
    expect(afterClasses).toBe(beforeClasses);
    expect(afterClasses.length).toBeLessThan(body.outerHTML.length);
    dom.window.close();
  });
});

describe('_cleanConditionally removes the same nodes (list share measured after the early checks)', () => {
  it.each(['wikipedia-3', 'nytimes-1', 'cnn', 'yahoo-3', 'bbc-1'])('on %s', (id) => {
    const dom = domOf(corpusPage(id).html);
    const body = dom.window.document.body;
    const cleanedBy = (Readability: ReadabilityClass): string => {
      const copy = body.cloneNode(true) as Element;
      const reader = internals(Readability, dom.window.document);
      // The tags in the order _prepArticle cleans them.
      for (const tag of ['form', 'fieldset', 'table', 'ul', 'div'])
        reader._cleanConditionally(copy, tag);
      return copy.outerHTML;
    };
    const after = cleanedBy(After);
    expect(after).toBe(cleanedBy(Before));
    expect(after.length).toBeLessThan(body.outerHTML.length);
    dom.window.close();
  });
});

describe('parse() gives the same article', () => {
  /** Readability on its own jsdom of the page; the global DOMParser is the page's (<noscript> patch). */
  function parse(Readability: ReadabilityClass, id: string): unknown {
    const { html, url } = corpusPage(id);
    const dom = domOf(html, url);
    try {
      return parseComparable(Readability, dom.window);
    } finally {
      dom.window.close();
    }
  }

  // The largest page, pages with hidden, aria-hidden and display:none nodes, and pages where Readability
  // retries from its page cache.
  it.each([
    'wikipedia-2',
    'yahoo-3',
    'wikipedia-3',
    'hidden-nodes',
    'visibility-hidden',
    'remove-aria-hidden',
    'bbc-1',
    'cnn',
    'lifehacker-working',
  ])('%s', (id) => {
    const before = parse(Before, id);
    expect(before).toMatchObject({ result: { content: expect.any(String) } });
    expect(parse(After, id)).toEqual(before);
  });
});
