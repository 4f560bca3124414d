// Small text measures over DOM nodes, shared by the rule engine and the extraction pipeline.

/** Lower-cases A-Z only, as HTML compares attribute names and values "ignoring ASCII case". */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
}

/** Collapses runs of whitespace (including &nbsp;) to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Chinese and Japanese are written without spaces: each character counts as a word there, so a
// sentence of Japanese is never mistaken for a short label by a max-words limit. A word is what
//   /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?!<that class>)[\p{L}\p{N}_])+/gu
// matches; scanWords counts them from character codes instead, several times faster than such a
// pattern on the mostly-ASCII text of pages (the unit tests compare the two).
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

// What a code point is to a word count. A CJK character is a word of its own; CJK_SYMBOL ones (e.g.
// the CJK radicals) are of the scripts but not letters, so a text of only those has no word character.
const OTHER = 0;
const CJK_SYMBOL = 1;
const CJK_WORD = 2;
/** A letter, digit or underscore outside the CJK scripts: runs of these are words. */
const RUN = 3;
const UNKNOWN = 255;
type CharacterClass = typeof OTHER | typeof CJK_SYMBOL | typeof CJK_WORD | typeof RUN;

function classify(character: string): CharacterClass {
  const word = WORD_CHARACTER.test(character);
  if (CJK.test(character)) return word ? CJK_WORD : CJK_SYMBOL;
  return word ? RUN : OTHER;
}

/** Classes of the Basic Multilingual Plane's code points, learnt on first sight; astral ones apart. */
const bmpClasses = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClasses = new Map<number, CharacterClass>();
for (let code = 0; code < 0x80; code++) bmpClasses[code] = classify(String.fromCharCode(code));

function bmpClass(code: number): CharacterClass {
  const known = bmpClasses[code] as number;
  if (known !== UNKNOWN) return known as CharacterClass;
  const learnt = classify(String.fromCharCode(code));
  bmpClasses[code] = learnt;
  return learnt;
}

function astralClass(codePoint: number): CharacterClass {
  let known = astralClasses.get(codePoint);
  if (known === undefined) {
    known = classify(String.fromCodePoint(codePoint));
    astralClasses.set(codePoint, known);
  }
  return known;
}

/** The code point starting at `index` when it is a surrogate pair, else -1 (a lone surrogate stays one). */
function pairAt(text: string, index: number, code: number): number {
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return -1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : -1;
}

/** Whether the last scanWords call met a letter, digit or underscore (CJK ones included). */
let scanMetWordCharacter = false;
/** How many CJK characters (each a word) the last scanWords call counted. */
let scanCjkCharacters = 0;
/**
 * Whether the last scanWords call met a surrogate or a CJK symbol: the characters whose count can
 * depend on where text nodes start and end (see wordsOfElementText).
 */
let scanMetNodeSensitive = false;

/**
 * The words of `text` (as the pattern above finds them), counting stopped once past `limit` (then
 * limit + 1). Sets scanMetWordCharacter, scanCjkCharacters and scanMetNodeSensitive.
 */
function scanWords(text: string, limit: number): number {
  let count = 0;
  let cjk = 0;
  let inRun = false;
  let metWord = false;
  let nodeSensitive = false;
  const length = text.length;
  for (let index = 0; index < length && count <= limit; index++) {
    const code = text.charCodeAt(index);
    let kind: CharacterClass;
    if (code < 0xd800) kind = bmpClass(code);
    else {
      if (code <= 0xdfff) nodeSensitive = true;
      const codePoint = pairAt(text, index, code);
      if (codePoint === -1) kind = bmpClass(code);
      else {
        kind = astralClass(codePoint);
        index++;
      }
    }
    if (kind === RUN) {
      if (!inRun) count++;
      inRun = true;
      metWord = true;
    } else {
      inRun = false;
      if (kind !== OTHER) {
        count++;
        cjk++;
        if (kind === CJK_WORD) metWord = true;
        else nodeSensitive = true;
      }
    }
  }
  scanMetWordCharacter = metWord;
  scanCjkCharacters = cjk;
  scanMetNodeSensitive = nodeSensitive;
  return count;
}

export function countWords(text: string): number {
  return scanWords(text, Infinity);
}

/**
 * The words of `text` apart: `cjk`, its Chinese and Japanese characters (each a word), and `runs`, its
 * words in other scripts (runs of letters, digits and underscores).
 */
export function countWordKinds(text: string): { runs: number; cjk: number } {
  const words = scanWords(text, Infinity);
  return { runs: words - scanCjkCharacters, cjk: scanCjkCharacters };
}

/** countWords, but stops once the count passes `limit` (then returns limit + 1). */
export function countWordsUpTo(text: string, limit: number): number {
  return scanWords(text, limit);
}

/**
 * Whether `test` holds for the data of a text node under `root`, visited in document order (the walk
 * stops at the first): reads as much of the text as the question needs, never the whole textContent.
 */
export function someText(root: Node, test: (data: string) => boolean): boolean {
  let node: Node | null = root.firstChild;
  while (node) {
    if ((node.nodeType === 3 || node.nodeType === 4) && test((node as CharacterData).data)) {
      return true;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return false;
}

/**
 * countWords(node.textContent), capped: the same number when it is at most `limit`, else limit + 1.
 * Reads text nodes in order and stops once a prefix holds more than `limit` words (a prefix never has
 * more words than the whole), so a large block costs about `limit` words of reading, not its whole text.
 */
export function countNodeWordsUpTo(node: Node, limit: number): number {
  let text = '';
  let countedLength = 0;
  const passed = someText(node, (data) => {
    text += data;
    // Recount when the text has doubled: linear overall, and stops soon after the limit is passed.
    if (text.length < 2 * countedLength + 256) return false;
    countedLength = text.length;
    return countWordsUpTo(text, limit) > limit;
  });
  return passed ? limit + 1 : countWordsUpTo(text, limit);
}

/** The element's text, whitespace-normalised. */
export function textOf(node: Node): string {
  return normaliseSpace(node.textContent ?? '');
}

/**
 * Words inside links, over all words: 1 for a pure link list, near 0 for prose. With `wordCounts`, the
 * counts come from (and go to) the walk's shared counts instead of reading the text again.
 */
export function linkDensity(element: Element, wordCounts?: WordCounts): number {
  if (wordCounts) {
    const words = wordCounts.of(element);
    return words === 0 ? 0 : Math.min(1, wordCounts.linkWordsOf(element) / words);
  }
  const words = countWords(element.textContent ?? '');
  if (words === 0) return 0;
  let linkWords = 0;
  for (const link of descendantsByTag(element, 'a'))
    linkWords += countWords(link.textContent ?? '');
  return Math.min(1, linkWords / words);
}

/** A short, single-line sample of a removed block, for the `removed` list. */
export function sampleOf(element: Element, maxLength = 100): string {
  const text = textOf(element);
  if (text === '') {
    let alt: string | undefined;
    // The first img[alt] in document order, without starting the selector engine.
    hasDescendant(element, (descendant) => {
      if (descendant.localName !== 'img') return false;
      alt = descendant.getAttribute('alt')?.trim();
      return alt !== undefined;
    });
    return alt ? `[image: ${alt.slice(0, maxLength - 9)}]` : `<${element.tagName.toLowerCase()}>`;
  }
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The element children of `parent`, in order (a plain array: no live collection to index into). */
export function childElements(parent: ParentNode): Element[] {
  const children: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    children.push(child);
  }
  return children;
}

/**
 * Whether `test` holds for a descendant element of `root`, visited in document order (the walk stops
 * at the first). A walk of our own rather than querySelector or getElementsByTagName: jsdom starts a
 * selector engine per document and answers each access to a live collection through a proxy that looks
 * up named items, which made reading one collection quadratic.
 */
export function hasDescendant(root: Element, test: (descendant: Element) => boolean): boolean {
  let node: Element | null = root.firstElementChild;
  // Each step reads a DOM property once (in jsdom every read goes through a wrapper).
  while (node) {
    if (test(node)) return true;
    const first: Element | null = node.firstElementChild;
    if (first) {
      node = first;
      continue;
    }
    for (;;) {
      const next: Element | null = node.nextElementSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentElement;
      if (node === root || node === null) return false;
    }
  }
  return false;
}

/** NodeFilter.SHOW_ELEMENT (Node has no NodeFilter global). */
const SHOW_ELEMENT = 1;

/**
 * Calls `visit` on every descendant element of `root`, in document order: a whole-subtree walk. A
 * TreeWalker steps through the tree inside the DOM implementation (in jsdom one call per element
 * instead of two or three property reads), which pays for making one on a subtree of any size.
 */
export function forEachDescendant(root: Element, visit: (descendant: Element) => void): void {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Element);
}

/**
 * True in the extension's build (an esbuild define): the browser's own DOM answers a tag collection
 * natively, far faster than a walk that calls into the DOM per element. jsdom and linkedom (Node) answer
 * collections through a proxy per item, slower than one walk over the whole tree.
 */
declare const BROADSHEET_NATIVE_DOM: boolean | undefined;
const nativeDom = typeof BROADSHEET_NATIVE_DOM !== 'undefined' && BROADSHEET_NATIVE_DOM;

/**
 * The descendant elements of `root` with each of the local names `tags` (e.g. "img"), each list in
 * document order: one walk, or the DOM's own collections where they are native.
 */
export function descendantsByTags<Tag extends string>(
  root: Element,
  tags: readonly Tag[],
): Record<Tag, Element[]> {
  // No prototype: a page's <constructor> element must not find Object's.
  const found = Object.create(null) as Record<Tag, Element[]>;
  for (const tag of tags) {
    found[tag] = nativeDom ? Array.from(root.getElementsByTagName(tag)) : [];
  }
  if (nativeDom) return found;
  forEachDescendant(root, (node) => {
    found[node.localName as Tag]?.push(node);
  });
  return found;
}

/** The descendant elements of `root` whose local name is `localName` (e.g. "p"), in document order. */
export function descendantsByTag(root: Element, localName: string): Element[] {
  return descendantsByTags(root, [localName])[localName] as Element[];
}

/** Any character normaliseSpace keeps. */
const VISIBLE = /[^\s\u00a0\u200b\ufeff]/;

/**
 * Whether normaliseSpace(node.textContent) would not be empty, reading text nodes in order only until
 * the first visible character (a page's or a block's whole text is never built).
 */
export function hasVisibleText(root: Node): boolean {
  return someText(root, (data) => VISIBLE.test(data));
}

/** The class of the code point that ends `text` (not empty). */
function lastClass(text: string): CharacterClass {
  const end = text.length - 1;
  const code = text.charCodeAt(end);
  if (end > 0 && code >= 0xdc00 && code <= 0xdfff) {
    const codePoint = pairAt(text, end - 1, text.charCodeAt(end - 1));
    if (codePoint !== -1) return astralClass(codePoint);
  }
  return bmpClass(code);
}

function firstClass(text: string): CharacterClass {
  const code = text.charCodeAt(0);
  const codePoint = pairAt(text, 0, code);
  return codePoint === -1 ? bmpClass(code) : astralClass(codePoint);
}

/**
 * countWords(element.textContent) for many elements of one tree, counted per text node: a word split
 * across a tag ("Wo<b>rd</b>") counts once, and a text node without any letter or digit counts none.
 * Counts are remembered: they are of the tree as it was when first asked about, so use one instance
 * per walk that only changes elements after asking about them (as a top-down walk does).
 */
export class WordCounts {
  private readonly counts = new Map<Element, number>();
  /** Elements a capped count stopped inside: they have at least so many words. */
  private readonly wordsAtLeast = new Map<Element, number>();

  of(element: Element): number {
    return this.ofText(element, element.textContent ?? '');
  }

  /**
   * of(element), given its textContent (whitespace-normalised or not, e.g. read for other reasons):
   * counted from the text, which reads no nodes, unless the text alone cannot tell (see
   * wordsOfElementText).
   */
  ofText(element: Element, text: string): number {
    let words = this.counts.get(element);
    if (words === undefined) {
      words = wordsOfElementText(text) ?? elementWordsUpTo(element, Infinity);
      this.counts.set(element, words);
    }
    return words;
  }

  /** The sum of the word counts of the element's descendant <a> elements (nested ones each). */
  linkWordsOf(element: Element): number {
    let words = 0;
    for (const link of descendantsByTag(element, 'a')) words += this.of(link);
    return words;
  }

  /**
   * of(element), capped: the same number when it is at most `limit`, else limit + 1. Reads only as far
   * as the limit (see elementWordsUpTo) and remembers what that shows of the elements it stopped in.
   */
  upTo(element: Element, limit: number): number {
    const known = this.counts.get(element);
    if (known !== undefined) return Math.min(known, limit + 1);
    if ((this.wordsAtLeast.get(element) ?? 0) > limit) return limit + 1;
    const words = elementWordsUpTo(element, limit, this.wordsAtLeast);
    if (words <= limit) this.counts.set(element, words);
    return words;
  }
}

/**
 * WordCounts' count of `element` (read node by node), capped: the same number when it is at most `limit`, else limit + 1.
 * Joins its text nodes in order as WordCounts does, without remembering anything per element, and
 * stops once past the limit: a large block costs about `limit` words of reading. When it stops inside
 * descendant elements, it records in `wordsAtLeast` how many words each of them has at least (their
 * text read so far): a block nested in a large one then often needs no reading of its own.
 */
export function elementWordsUpTo(
  element: Element,
  limit: number,
  wordsAtLeast?: Map<Element, number>,
): number {
  let words = 0;
  let closesRun = false;
  /** The elements entered on the way to `node`, and the words read before each. */
  const open: Node[] = [];
  const wordsBefore: number[] = [];
  let node: Node | null = element.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const data = (node as CharacterData).data;
      if (data !== '') {
        const count = scanWords(data, Infinity);
        if (!scanMetWordCharacter) closesRun = false;
        else {
          words += count - (closesRun && firstClass(data) === RUN ? 1 : 0);
          closesRun = lastClass(data) === RUN;
          if (words > limit) {
            for (let index = 0; index < open.length; index++) {
              wordsAtLeast?.set(open[index] as Element, words - (wordsBefore[index] as number));
            }
            return limit + 1;
          }
        }
      }
    } else {
      const first: Node | null = node.firstChild;
      if (first) {
        open.push(node);
        wordsBefore.push(words);
        node = first;
        continue;
      }
    }
    let next: Node | null = node.nextSibling;
    while (!next && open.length > 0) {
      next = (open.pop() as Node).nextSibling;
      wordsBefore.pop();
    }
    node = next;
  }
  return words;
}

/**
 * WordCounts' count of an element whose text (textContent, whitespace-normalised or not) is `text`,
 * read from the text alone; undefined when the text alone cannot tell. WordCounts counts per text
 * node: a node of only CJK symbols counts none, and a surrogate pair split between nodes is two lone
 * surrogates. A text without either counts the same in one piece as in nodes.
 */
export function wordsOfElementText(text: string): number | undefined {
  const words = scanWords(text, Infinity);
  return scanMetNodeSensitive ? undefined : words;
}
