// Empty leftovers: blocks with no text and no media once cleanup is done (&nbsp;-only paragraphs too).
import { normaliseSpace } from '../rules/dom-text';

const EMPTYABLE =
  'p, div, span, section, li, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, figure, figcaption, a, strong, em, b, i, font, center, aside, header, footer';
const MEDIA =
  'img, picture, video, audio, iframe, svg, math, object, embed, canvas, hr, table, pre';

function isEmpty(element: Element): boolean {
  if (normaliseSpace(element.textContent ?? '') !== '') return false;
  if (element.tagName === 'A' && element.getAttribute('name')) return false;
  return element.querySelector(MEDIA) === null;
}

export function removeEmptyLeftovers(root: Element): void {
  // Deepest first, so a wrapper emptied by its children's removal goes too.
  const candidates = Array.from(root.querySelectorAll(EMPTYABLE)).reverse();
  for (const element of candidates) {
    if (root.contains(element) && isEmpty(element)) element.remove();
  }
}
