// Small text measures over DOM nodes, shared by the rule engine and the extraction pipeline.

/** Collapses runs of whitespace (including &nbsp;) to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Chinese and Japanese are written without spaces: each character counts as a word there, so a
// sentence of Japanese is never mistaken for a short label by a max-words limit.
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_])+/gu;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** WORD for text without Chinese or Japanese: the same words, without a script test per character. */
const PLAIN_WORD = /[\p{L}\p{N}_]+/gu;

export function countWords(text: string): number {
  return countWordsUpTo(text, Infinity);
}

/** countWords, but stops once the count passes `limit` (then returns limit + 1). */
export function countWordsUpTo(text: string, limit: number): number {
  const word = CJK.test(text) ? WORD : PLAIN_WORD;
  let count = 0;
  word.lastIndex = 0;
  while (count <= limit && word.exec(text) !== null) count++;
  return count;
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
    const alt = element.querySelector('img[alt]')?.getAttribute('alt')?.trim();
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
  while (node) {
    if (test(node)) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return false;
}

/** The descendant elements of `root` whose local name is `localName` (e.g. "p"), in document order. */
export function descendantsByTag(root: Element, localName: string): Element[] {
  const found: Element[] = [];
  hasDescendant(root, (node) => {
    if (node.localName === localName) found.push(node);
    return false;
  });
  return found;
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

/** What joining texts needs to know about one: its words, and whether it starts or ends inside a word. */
interface TextSpan {
  readonly words: number;
  /** Starts with a letter or digit that would continue a word ending just before it (not CJK). */
  readonly opensRun: boolean;
  /** Ends with a letter or digit that a following text could continue. */
  readonly closesRun: boolean;
}

const NO_TEXT: TextSpan = { words: 0, opensRun: false, closesRun: false };
const OPENS_RUN = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_]/u;
const CLOSES_RUN = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_]$/u;

/** A text without any word character (most text nodes: the whitespace between tags). */
const WITHOUT_WORDS: TextSpan = { words: 0, opensRun: false, closesRun: false };
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function spanOfText(text: string): TextSpan {
  if (text === '') return NO_TEXT;
  if (!WORD_CHARACTER.test(text)) return WITHOUT_WORDS;
  return {
    words: countWords(text),
    opensRun: OPENS_RUN.test(text),
    closesRun: CLOSES_RUN.test(text),
  };
}

/** The span of `first` followed directly by `second`: a word cut by the join counts once. */
function joinSpans(first: TextSpan, second: TextSpan): TextSpan {
  if (first === NO_TEXT) return second;
  if (second === NO_TEXT) return first;
  return {
    words: first.words + second.words - (first.closesRun && second.opensRun ? 1 : 0),
    opensRun: first.opensRun,
    closesRun: second.closesRun,
  };
}

interface PendingElement {
  element: Element;
  span: TextSpan;
  next: Node | null;
  linkWords: number;
}

/**
 * countWords(element.textContent) for many elements of one tree, each text node read once: an
 * element's count is combined from its children's (a word split across a tag, "Wo<b>rd</b>", still
 * counts once) and remembered. The counts are of the tree as it was when first asked about: use one
 * instance per walk that only changes elements after asking about them (as a top-down walk does).
 */
export class WordCounts {
  private readonly spans = new Map<Element, TextSpan>();
  /** Per element: the words of the <a> elements inside it, summed (as linkDensity counts them). */
  private readonly linkWords = new Map<Element, number>();

  of(element: Element): number {
    return this.spanOf(element).words;
  }

  /** The sum of the word counts of the element's descendant <a> elements, from the same pass. */
  linkWordsOf(element: Element): number {
    this.spanOf(element);
    return this.linkWords.get(element) ?? 0;
  }

  /** What `child` adds to its parent's link words: its own links', and its own words if it is a link. */
  private linkWordsFrom(child: Element, span: TextSpan): number {
    return (this.linkWords.get(child) ?? 0) + (child.localName === 'a' ? span.words : 0);
  }

  private spanOf(root: Element): TextSpan {
    const known = this.spans.get(root);
    if (known) return known;
    // Post-order without recursion: pages nest deeper than the call stack allows.
    const pending: PendingElement[] = [
      { element: root, span: NO_TEXT, next: root.firstChild, linkWords: 0 },
    ];
    for (;;) {
      const top = pending[pending.length - 1] as PendingElement;
      const node = top.next;
      if (node === null) {
        pending.pop();
        this.spans.set(top.element, top.span);
        this.linkWords.set(top.element, top.linkWords);
        const parent = pending[pending.length - 1];
        if (!parent) return top.span;
        parent.span = joinSpans(parent.span, top.span);
        parent.linkWords += this.linkWordsFrom(top.element, top.span);
        continue;
      }
      top.next = node.nextSibling;
      if (node.nodeType === 3 || node.nodeType === 4) {
        top.span = joinSpans(top.span, spanOfText((node as CharacterData).data));
      } else if (node.nodeType === 1) {
        const child = node as Element;
        const childSpan = this.spans.get(child);
        if (childSpan) {
          top.span = joinSpans(top.span, childSpan);
          top.linkWords += this.linkWordsFrom(child, childSpan);
        } else
          pending.push({ element: child, span: NO_TEXT, next: child.firstChild, linkWords: 0 });
      }
    }
  }
}
