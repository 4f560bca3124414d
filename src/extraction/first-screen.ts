// Where an article's first screen ends. The overlay paints a long article's first screen before the rest,
// and the content script extracts a very long article's first screen before the rest: both cut in the
// same place, so what is painted first is what the whole article begins with.
import { normaliseSpace } from '../rules/dom-text';

/**
 * Characters of text that surely fill the first screen; an image counts as imageWeight, and a block that
 * starts a line of its own (a paragraph, list item or table row) as lineWeight more than its text.
 */
export const firstScreenChars = 3500;
/** Shorter than this, an article is shown in one go: what follows the first screen would be too little. */
export const splitAboveChars = firstScreenChars + 1000;
const imageWeight = 400;
/** A line of the reader's column: what a short table row or list item takes on screen, whatever its text. */
const lineWeight = 70;

/** Blocks that only group others, or rows and items: the cut may go inside them. */
const groupingTags = new Set(['div', 'section', 'article', 'main', 'table', 'tbody', 'ul', 'ol']);

function countOf(element: Element, tag: string): number {
  return element.getElementsByTagName(tag).length + (element.localName === tag ? 1 : 0);
}

/** Longer than this, a block's text surely ends the first screen, however much of it is spaces. */
const surelyFillsChars = 4 * firstScreenChars;

/**
 * What `node` takes of the first screen. Its text counts without runs of spaces (the source's indentation
 * shows nowhere); a very long text is not read further (the whole article's, say).
 */
function weightOf(node: ChildNode): number {
  const raw = node.textContent ?? '';
  if (raw.length > surelyFillsChars) return raw.length;
  const text = normaliseSpace(raw).length;
  if (node.nodeType !== 1) return text;
  const element = node as Element;
  const lines = countOf(element, 'p') + countOf(element, 'li') + countOf(element, 'tr');
  return text + countOf(element, 'img') * imageWeight + lines * lineWeight;
}

/**
 * The nodes the first screen ends with, outermost first: at each level the block where the first screen
 * runs out, then inside that block if it only groups others (Readability wraps an article in one or two
 * divs). Everything after each of them (their following siblings) comes after the first screen. Empty
 * when `root` is short enough to show at once.
 */
export function firstScreenEnds(root: Element): ChildNode[] {
  if ((root.textContent?.length ?? 0) < splitAboveChars) return [];
  const ends: ChildNode[] = [];
  let parent: Element = root;
  let budget = firstScreenChars;
  for (;;) {
    let end = parent.firstChild;
    while (end?.nextSibling) {
      const weight = weightOf(end);
      if (weight >= budget) break;
      budget -= weight;
      end = end.nextSibling;
    }
    if (!end) return ends;
    ends.push(end);
    if (end.nodeType !== 1) return ends;
    const element = end as Element;
    if (!groupingTags.has(element.localName) || element.childElementCount === 0) return ends;
    parent = element;
  }
}

/**
 * A copy of `root` with only its first screen (firstScreenEnds), in the same document; null when the
 * whole of `root` fits the first screen. Copies only what it keeps: the rest is never cloned.
 */
export function cloneFirstScreen(root: Element): Element | null {
  const ends = firstScreenEnds(root);
  if (ends.length === 0) return null;
  const copy = root.cloneNode(false) as Element;
  let source: Node = root;
  let target: Node = copy;
  ends.forEach((end, level) => {
    for (let node = source.firstChild; node && node !== end; node = node.nextSibling) {
      target.appendChild(node.cloneNode(true));
    }
    // The last level's end is copied whole; an outer level's end is the group the next level cuts into.
    const inner = level < ends.length - 1;
    const endCopy = end.cloneNode(!inner);
    target.appendChild(endCopy);
    source = end;
    target = endCopy;
  });
  return copy;
}
