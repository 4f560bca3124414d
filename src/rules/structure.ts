// Structural signals for rules: the shape of a block, independent of class names or wording.
import { countWords, HEADING_TAGS, linkDensity, normaliseSpace } from './dom-text';
import type { StructureKind } from './types';

const MEDIA_SELECTOR = 'img, picture, video, svg, [style*="background-image"]';
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * The items of a repeated block: the element's children, or the children of its single
 * list/wrapper child (a `div` around a `ul` of `li`s). Items without text or media are ignored.
 */
function itemsOf(element: Element): Element[] {
  let container = element;
  for (let depth = 0; depth < 2; depth++) {
    const children = Array.from(container.children).filter((c) => !HEADING_TAGS.has(c.tagName));
    if (children.length === 1 && children[0]) container = children[0];
    else break;
  }
  return Array.from(container.children).filter(
    (child) =>
      normaliseSpace(child.textContent ?? '') !== '' || child.querySelector(MEDIA_SELECTOR),
  );
}

/** A teaser: a short item with a headline link (3+ words) and an image or a heading. */
function isTeaser(item: Element): boolean {
  const words = countWords(item.textContent ?? '');
  if (words === 0 || words > 80) return false;
  const headlineLink = Array.from(item.querySelectorAll('a[href]')).some(
    (a) => countWords(a.textContent ?? '') >= 3,
  );
  if (!headlineLink) return false;
  return (
    item.querySelector(MEDIA_SELECTOR) !== null || item.querySelector(HEADING_SELECTOR) !== null
  );
}

/** An item that is essentially one link (80%+ of its words are link text). */
function isLinkItem(item: Element): boolean {
  const words = countWords(item.textContent ?? '');
  return (
    words > 0 && words <= 40 && item.querySelector('a[href]') !== null && linkDensity(item) >= 0.8
  );
}

/** Whether `element` has the given shape; `minItems` is the fewest repeated items that count. */
export function matchesStructure(element: Element, kind: StructureKind, minItems: number): boolean {
  const items = itemsOf(element);
  if (items.length < minItems) return false;
  const test = kind === 'teaser-grid' ? isTeaser : isLinkItem;
  const matching = items.filter(test).length;
  return matching >= minItems && matching >= items.length * 0.75;
}
