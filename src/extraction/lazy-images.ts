// Lazy-loaded images made real: the true address sits in data-* attributes or a <noscript> fallback.
import { descendantsByTags, hasDescendant } from '../rules/dom-text';

const SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-hi-res-src',
  'data-full-src',
  'data-url',
  'data-lazy',
];
const SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
/** A src that is only a stand-in until a script swaps in the real one. */
const PLACEHOLDER_SRC =
  /^data:|(^|[/_.-])(blank|spacer|placeholder|pixel|transparent|lazy|loading|grey|gray|1x1)[^/]*\.(gif|png|jpe?g|svg|webp)(\?|$)/i;

function isPlaceholder(src: string | null): boolean {
  if (src === null || src.trim() === '') return true;
  // Small inline images (a blurred preview or a 1x1 gif) are placeholders; big ones are real pictures.
  if (src.startsWith('data:')) return src.length < 2000;
  return PLACEHOLDER_SRC.test(src);
}

function firstAttribute(element: Element, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:')) return value;
  }
  return undefined;
}

/**
 * A DOMParser: the global one (the browser, a content script) or the document's window's (jsdom). A
 * document cloned for extraction has no window, and plain Node has no global DOMParser.
 */
function domParserFor(document: Document): DOMParser | undefined {
  const Parser =
    (globalThis as { DOMParser?: typeof DOMParser }).DOMParser ?? document.defaultView?.DOMParser;
  return Parser === undefined ? undefined : new Parser();
}

/** The <img> a <noscript> holds, parsed without running anything. */
function noscriptImage(noscript: Element): Element | undefined {
  const inside = noscript.getElementsByTagName('img').item(0);
  if (inside) return inside;
  // Where scripting is on (the browser), <noscript> content is raw text. DOMParser parses it into a
  // document of its own that has no window: nothing in it runs or loads.
  const markup = noscript.textContent ?? '';
  if (!/<img\b/i.test(markup)) return undefined;
  const parsed = domParserFor(noscript.ownerDocument)?.parseFromString(markup, 'text/html');
  return parsed?.querySelector('img') ?? undefined;
}

const isImage = (element: Element): boolean => element.localName === 'img';

function hasPictureAncestor(element: Element): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent.localName === 'picture') return true;
  }
  return false;
}

export function fixLazyImages(root: Element): void {
  // The three kinds in one pass (see descendantsByTags).
  const {
    img: images,
    source,
    noscript: noscripts,
  } = descendantsByTags(root, ['img', 'source', 'noscript']);
  const sources = source.filter(hasPictureAncestor);
  for (const img of images) {
    const lazySrc = firstAttribute(img, SRC_ATTRIBUTES);
    if (lazySrc && isPlaceholder(img.getAttribute('src'))) img.setAttribute('src', lazySrc);
    const lazySrcset = firstAttribute(img, SRCSET_ATTRIBUTES);
    if (lazySrcset && !img.getAttribute('srcset')) img.setAttribute('srcset', lazySrcset);
  }
  for (const source of sources) {
    const lazySrcset = firstAttribute(source, SRCSET_ATTRIBUTES);
    if (lazySrcset && !source.getAttribute('srcset')) source.setAttribute('srcset', lazySrcset);
  }
  for (const noscript of noscripts) {
    const fallback = noscriptImage(noscript);
    if (!fallback?.getAttribute('src')) continue;
    const placeholder = noscript.previousElementSibling;
    const real = noscript.ownerDocument.importNode(fallback, true);
    if (placeholder?.tagName === 'IMG' && isPlaceholder(placeholder.getAttribute('src'))) {
      placeholder.replaceWith(real);
      noscript.remove();
    } else if (!(noscript.parentElement && hasDescendant(noscript.parentElement, isImage))) {
      noscript.replaceWith(real);
    }
  }
}
