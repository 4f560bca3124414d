// Small text measures over DOM nodes, shared by the rule engine and the extraction pipeline.

/** Collapses runs of whitespace (including &nbsp;) to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Chinese and Japanese are written without spaces: each character counts as a word there, so a
// sentence of Japanese is never mistaken for a short label by a max-words limit.
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}_])+/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/** countWords, but stops once the count passes `limit` (then returns limit + 1). */
export function countWordsUpTo(text: string, limit: number): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (count <= limit && WORD.exec(text) !== null) count++;
  return count;
}

/**
 * countWords(node.textContent), capped: the same number when it is at most `limit`, else limit + 1.
 * Reads text nodes in order and stops once a prefix holds more than `limit` words (a prefix never has
 * more words than the whole), so a large block costs about `limit` words of reading, not its whole text.
 */
export function countNodeWordsUpTo(node: Node, limit: number): number {
  let text = '';
  let countedLength = 0;
  let current: Node | null = node.firstChild;
  while (current) {
    if (current.nodeType === 3 || current.nodeType === 4) {
      text += (current as CharacterData).data;
      // Recount when the text has doubled: linear overall, and stops soon after the limit is passed.
      if (text.length >= 2 * countedLength + 256) {
        countedLength = text.length;
        if (countWordsUpTo(text, limit) > limit) return limit + 1;
      }
    }
    if (current.firstChild) {
      current = current.firstChild;
      continue;
    }
    while (current && current !== node && !current.nextSibling) current = current.parentNode;
    current = current && current !== node ? current.nextSibling : null;
  }
  return countWordsUpTo(text, limit);
}

/** The element's text, whitespace-normalised. */
export function textOf(node: Node): string {
  return normaliseSpace(node.textContent ?? '');
}

/** Words inside links, over all words: 1 for a pure link list, near 0 for prose. */
export function linkDensity(element: Element): number {
  const words = countWords(element.textContent ?? '');
  if (words === 0) return 0;
  let linkWords = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) {
    linkWords += countWords(link.textContent ?? '');
  }
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
