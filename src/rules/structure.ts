// Structural signals for rules: the shape of a block, independent of class names or wording.
// The checks walk the block's elements themselves instead of asking the selector engine: they run on
// many blocks per page, and word counts come from the walk's shared WordCounts.
import {
  childElements,
  hasDescendant,
  hasVisibleText,
  HEADING_TAGS,
  linkDensity,
  WordCounts,
} from './dom-text';
import type { StructureKind } from './types';

const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'svg']);

/** img, picture, video, svg, or an element styled with a background image. */
function isMedia(element: Element): boolean {
  return (
    MEDIA_TAGS.has(element.localName) ||
    (element.getAttribute('style')?.includes('background-image') ?? false)
  );
}

function isHeading(element: Element): boolean {
  return HEADING_TAGS.has(element.tagName) || element.getAttribute('role') === 'heading';
}

function isHyperlink(element: Element): boolean {
  return element.localName === 'a' && element.hasAttribute('href');
}

/**
 * The items of a repeated block: the element's children, or the children of its single
 * list/wrapper child (a `div` around a `ul` of `li`s). Items without text or media are ignored.
 */
function itemsOf(element: Element, minItems: number): Element[] {
  let container = element;
  for (let depth = 0; depth < 2; depth++) {
    const children = childElements(container).filter((c) => !HEADING_TAGS.has(c.tagName));
    if (children.length === 1 && children[0]) container = children[0];
    else break;
  }
  // Too few children to hold minItems items: their contents need no look.
  if (container.childElementCount < minItems) return [];
  return childElements(container).filter(
    (child) => hasVisibleText(child) || hasDescendant(child, isMedia),
  );
}

/** A teaser: a short item with a headline link (3+ words) and an image or a heading. */
function isTeaser(item: Element, wordCounts: WordCounts): boolean {
  const words = wordCounts.of(item);
  if (words === 0 || words > 80) return false;
  const headlineLink = hasDescendant(
    item,
    (element) => isHyperlink(element) && wordCounts.of(element) >= 3,
  );
  return headlineLink && (hasDescendant(item, isMedia) || hasDescendant(item, isHeading));
}

/** An item that is essentially one link (80%+ of its words are link text). */
function isLinkItem(item: Element, wordCounts: WordCounts): boolean {
  const words = wordCounts.of(item);
  return (
    words > 0 &&
    words <= 40 &&
    hasDescendant(item, isHyperlink) &&
    linkDensity(item, wordCounts) >= 0.8
  );
}

/**
 * Whether `element` has the given shape; `minItems` is the fewest repeated items that count.
 * `wordCounts`: the walk's shared counts (see WordCounts for when they may be reused).
 */
export function matchesStructure(
  element: Element,
  kind: StructureKind,
  minItems: number,
  wordCounts = new WordCounts(),
): boolean {
  const items = itemsOf(element, minItems);
  if (items.length < minItems) return false;
  const test = kind === 'teaser-grid' ? isTeaser : isLinkItem;
  const matching = items.filter((item) => test(item, wordCounts)).length;
  return matching >= minItems && matching >= items.length * 0.75;
}
