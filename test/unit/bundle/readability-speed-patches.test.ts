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
  _getInnerText(element: Node, normalizeSpaces?: boolean): string;
  _getLinkDensity(element: Element): number;
  /** readability-candidate-text-lengths: [_getInnerText length, starts with space, ends with space]. */
  _textLength(element: Element, known: Map<Node, unknown>): [number, boolean, boolean];
  /** readability-candidate-link-lengths: link -> weighted length, only during the candidate loop. */
  _linkLengths?: Map<Element, number> | null;
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
        'readability-candidate-text-lengths',
        'readability-candidate-link-lengths',
        'readability-clean-conditionally-checks-without-messages',
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
    expect(content).toMatch(/\/\\s\/\.test\(\w+\.slice\(-1\)\)/);
    expect(content).toContain('?.get(');
    // The messages of _cleanConditionally's checks are gone (readability-clean-conditionally-checks-without-messages).
    expect(content).not.toContain('Bad p to img ratio');
    expect(content).not.toContain('Suspiciously short');
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

describe("candidates' text lengths counted from their children, as _getInnerText measured them", () => {
  const textCases = `<!doctype html><html><body><div id="root">
    <div id="lead-space">   <p>  a   b  </p>  <span> c</span>
    </div>
    <div id="only-space"> <span> </span> &nbsp; <p>
    </p></div>
    <div id="comment">x<!-- hidden words -->y</div>
    <div id="comment-between">x <!-- c --> y</div>
    <div id="adjacent"><b>a</b><i>b</i></div>
    <div id="single-spaces">a<b> </b>b<i>&#x9;</i>c<u>
</u>d</div>
    <div id="unicode-spaces">&#x2003;a&#x3000;&#x3000;b&#xFEFF;<span>&#x2028;c&#x1680;</span>&#xA0;</div>
    <div id="nested"><div><div>  <p>deep   text</p> </div></div>tail <div> <div> </div> </div>end</div>
    <div id="empty"></div>
    <div id="template"><template>in the template</template>after it</div>
    <div id="svg"><svg><text>  svg  text </text></svg> after</div>
    <div id="script-style"><script>var x = 1;</script> text <style>a { color: red }</style></div>
    <div id="made"></div>
  </div></body></html>`;

  /** textCases with Text nodes a parser never makes: empty ones, and one text split in three. */
  function textCasesDom(): JSDOM {
    const dom = domOf(textCases);
    const document = dom.window.document;
    const made = document.getElementById('made') as Element;
    made.append(document.createTextNode(''), 'one  ', document.createTextNode(''));
    const split = document.createTextNode('  two   three  four ');
    made.append(split, document.createElement('br'), document.createTextNode(''));
    split.splitText(5);
    (made.childNodes[3] as Text).splitText(4);
    return dom;
  }

  /**
   * Every element of `document` (`only`: the last -`only` of them) counted with each set of known
   * candidates: all elements, every other one, and none but the element itself. Returns the elements
   * whose length or edge spaces differ from what _getInnerText and textContent say.
   */
  function differingLengths(document: Document, only?: number): string[] {
    const before = internals(Before, document);
    const after = internals(After, document);
    const elements = Array.from(document.getElementsByTagName('*')).slice(only ?? 0);
    const all = new Map<Node, unknown>(elements.map((element) => [element, undefined]));
    const everyOther = new Map<Node, unknown>(
      elements.filter((_, index) => index % 2 === 0).map((element) => [element, undefined]),
    );
    const different: string[] = [];
    for (const element of elements) {
      const text = element.textContent ?? '';
      const expected = [before._getInnerText(element).length, /^\s/.test(text), /\s$/.test(text)];
      const known = new Map<Node, unknown>([[element, undefined]]);
      for (const [name, candidates] of [
        ['all', all],
        ['every other', everyOther.has(element) ? everyOther : known],
        ['itself', known],
      ] as const) {
        const answer = after._textLength(element, candidates);
        if (JSON.stringify(answer) !== JSON.stringify(expected)) {
          different.push(`${element.tagName}#${element.id} (${name}): ${JSON.stringify(answer)}`);
        }
      }
    }
    return different;
  }

  it.each([
    ['hand-made text', () => textCasesDom(), undefined],
    ['wikipedia-3', () => domOf(corpusPage('wikipedia-3').html), undefined],
    ['bbc-1', () => domOf(corpusPage('bbc-1').html), undefined],
    // 10,000 elements: the last 500 (textContent per element is quadratic in jsdom; the whole page is
    // in the parse() comparison below).
    ['wikipedia-2', () => domOf(corpusPage('wikipedia-2').html), -500],
  ])('%s: every element gets the same length and edge spaces', (_name, makeDom, only) => {
    const dom = makeDom();
    expect(differingLengths(dom.window.document, only)).toEqual([]);
    dom.window.close();
  });

  it('white space is one UTF-16 code unit (its first and last code units say whether a text starts or ends with it)', () => {
    const astral: string[] = [];
    for (let code = 0x10000; code <= 0x10ffff; code++) {
      if (/\s/u.test(String.fromCodePoint(code))) astral.push(code.toString(16));
    }
    expect(astral).toEqual([]);
  });

  it('the hand-made cases get the lengths they should', () => {
    const dom = textCasesDom();
    const document = dom.window.document;
    const reader = internals(After, document);
    const known = new Map<Node, unknown>(
      Array.from(document.querySelectorAll('div')).map((element) => [element, undefined]),
    );
    const length = (id: string): number =>
      reader._textLength(document.getElementById(id) as Element, known)[0];
    expect(length('lead-space')).toBe('a b c'.length);
    expect(length('only-space')).toBe(0);
    expect(length('comment')).toBe('xy'.length);
    expect(length('comment-between')).toBe('x y'.length);
    expect(length('single-spaces')).toBe('a b\tc\nd'.length);
    expect(length('nested')).toBe('deep text tail end'.length);
    expect(length('template')).toBe('after it'.length);
    expect(length('script-style')).toBe('var x = 1; text a { color: red }'.length);
    expect(length('made')).toBe('one two three four'.length);
    dom.window.close();
  });

  it('CDATA sections count as text, processing instructions and comments do not', () => {
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><body>
      <div id="mixed"> a <![CDATA[ b  ]]><?note not text?><!-- nor this --><span><![CDATA[c]]></span>  </div>
      <div id="instruction-only"><?note words?></div>
    </body></html>`;
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    const document = new window.DOMParser().parseFromString(xhtml, 'application/xhtml+xml');
    expect(differingLengths(document)).toEqual([]);
    const reader = internals(After, document);
    const lengthOf = (id: string): number =>
      reader._textLength(document.getElementById(id) as Element, new Map())[0];
    expect([lengthOf('mixed'), lengthOf('instruction-only')]).toEqual(['a b c'.length, 0]);
    window.close();
  });
});

describe("links' weighted lengths remembered during the candidate loop", () => {
  const links = `<!doctype html><html><body><div id="root">
    <p id="mixed">Text with <a href="#top">a hash link</a>, <a href="/page">a page</a>, <a>no href</a>,
      <a href="#">a bare hash</a> and <a href="https://example.test/page#part">a full address</a>.</p>
    <div id="spaced"><a href="#x">  spaced   hash  text </a> <a href="/w"> </a><a href="/e"></a> words</div>
    <div id="nested"><span>outer text</span></div>
    <div id="no-links">only words here</div>
  </div></body></html>`;

  /** links, with a link inside a link (the parser never nests them; the DOM can). */
  function linksDom(): JSDOM {
    const dom = domOf(links);
    const document = dom.window.document;
    const outer = document.createElement('a');
    outer.setAttribute('href', '#outer');
    const inner = document.createElement('a');
    inner.setAttribute('href', '/inner');
    inner.textContent = ' inner link ';
    outer.append('outer ', inner, ' more');
    document.getElementById('nested')?.append(outer);
    return dom;
  }

  /** Elements whose link density differs when `After` remembers link lengths (shared by all elements). */
  function differingDensities(document: Document): { different: string[]; linky: number } {
    const before = internals(Before, document);
    const after = internals(After, document);
    after._linkLengths = new Map();
    const different: string[] = [];
    let linky = 0;
    for (const element of Array.from(document.getElementsByTagName('*'))) {
      const expected = before._getLinkDensity(element);
      if (expected > 0) linky += 1;
      // Twice: read, then remembered.
      for (const pass of ['read', 'remembered']) {
        const density = after._getLinkDensity(element);
        if (density !== expected)
          different.push(`${element.tagName}#${element.id} ${pass}: ${density}`);
      }
    }
    return { different, linky };
  }

  it.each([
    ['hand-made links', () => linksDom()],
    ['wikipedia-3', () => domOf(corpusPage('wikipedia-3').html)],
    ['archive-of-our-own', () => domOf(corpusPage('archive-of-our-own').html)],
  ])('%s: every element gets the same link density', (_name, makeDom) => {
    const dom = makeDom();
    const { different, linky } = differingDensities(dom.window.document);
    expect(different).toEqual([]);
    expect(linky).toBeGreaterThan(3);
    dom.window.close();
  });

  it('hash links weigh 0.3, nested links count twice, and a link read later is read afresh', () => {
    const dom = linksDom();
    const document = dom.window.document;
    const reader = internals(After, document);
    const density = (id: string): number =>
      reader._getLinkDensity(document.getElementById(id) as Element);
    // "a hash link" 11 * 0.3, "a page" 6, "no href" 7, "a bare hash" 11 (just "#" is no hash link),
    // "a full address" 14: over the paragraph's text.
    const mixed = reader._getInnerText(document.getElementById('mixed') as Element).length;
    expect(density('mixed')).toBe((11 * 0.3 + 6 + 7 + 11 + 14) / mixed);
    // The outer link's whole text at 0.3, and the inner link's text again.
    const nested = reader._getInnerText(document.getElementById('nested') as Element).length;
    expect(density('nested')).toBe(
      ('outer inner link more'.length * 0.3 + 'inner link'.length) / nested,
    );

    // A link's href changes the weight only: remembered, the density stays; forgotten, it is read afresh.
    reader._linkLengths = new Map();
    const remembered = density('spaced');
    const link = document.querySelector('#spaced a') as Element;
    link.setAttribute('href', '/x');
    expect(density('spaced')).toBe(remembered);
    reader._linkLengths = null;
    const afresh = internals(Before, document)._getLinkDensity(link.parentElement as Element);
    expect(density('spaced')).toBe(afresh);
    expect(afresh).toBeGreaterThan(remembered);
    dom.window.close();
  });

  it('parse() forgets them after the candidate loop, before it changes the DOM', () => {
    const { html, url } = corpusPage('wikipedia-3');
    const dom = domOf(html, url);
    const reader = new After(dom.window.document, extensionOptions) as unknown as Internals & {
      parse(): unknown;
    };
    const seen: (Map<Element, number> | null | undefined)[] = [];
    const getLinkDensity = reader._getLinkDensity.bind(reader);
    reader._getLinkDensity = (element: Element, ...rest: unknown[]): number => {
      seen.push(reader._linkLengths);
      return (getLinkDensity as (element: Element, ...rest: unknown[]) => number)(element, ...rest);
    };
    // The <noscript> patch parses with the global DOMParser (parseComparable sets it the same way).
    const global = globalThis as { DOMParser?: unknown };
    const saved = global.DOMParser;
    global.DOMParser = dom.window.DOMParser;
    try {
      expect(reader.parse()).not.toBeNull();
    } finally {
      global.DOMParser = saved;
    }
    expect(reader._linkLengths).toBeNull();
    // Remembered in the candidate loop only: the calls before it (divs turned into paragraphs) and after
    // it (siblings, _cleanConditionally) read afresh.
    expect(seen.filter((known) => known instanceof Map).length).toBeGreaterThan(10);
    expect(seen.filter((known) => !(known instanceof Map)).length).toBeGreaterThan(10);
    dom.window.close();
  });
});

describe("_cleanConditionally's checks decide as before without their messages", () => {
  const paragraph =
    '<p>A paragraph long enough to count as content in every check of the cleaner.</p>';
  const checks = `<!doctype html><html><body><div id="root">
    <div id="images"><img src="a.png"><img src="b.png"><img src="c.png">${paragraph}</div>
    <div id="many-items"><ul>${'<li>item</li>'.repeat(110)}</ul>${paragraph}</div>
    <div id="inputs"><input><input>${paragraph}</div>
    <div id="short-link"><a href="/x">short</a></div>
    <div id="linky">${paragraph}<a href="/a">${'link text '.repeat(8)}</a></div>
    <div id="linky-article" class="article">${paragraph}<a href="/b">${'link text '.repeat(12)}</a></div>
    <div id="embed"><iframe src="https://ads.example.test/"></iframe> short</div>
    <div id="embeds"><embed src="a.swf"><embed src="b.swf">${paragraph}${paragraph}</div>
    <div id="no-useful-content">plain words straight in the div, long enough but not in any text tag</div>
    <div id="kept">${paragraph}${paragraph}<span>and a span</span></div>
    <ul id="image-list"><li><img src="1.png"></li><li><img src="2.png"></li></ul>
  </div></body></html>`;

  it('on hand-made nodes, one per check', () => {
    const dom = domOf(checks);
    const document = dom.window.document;
    const root = document.getElementById('root') as Element;
    const remaining = (Readability: ReadabilityClass): string[] => {
      const copy = root.cloneNode(true) as Element;
      const reader = internals(Readability, document);
      for (const tag of ['div', 'ul']) reader._cleanConditionally(copy, tag);
      return Array.from(copy.querySelectorAll('[id]')).map((element) => element.id);
    };
    const after = remaining(After);
    expect(after).toEqual(remaining(Before));
    expect(after).toEqual(['kept', 'image-list']);
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
