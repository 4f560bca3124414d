// The working copy of the page that the pipeline edits: a deep clone, always an HTML document.

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * A deep copy of `document` that reports tag names in upper case, as every check downstream
 * (ours and Readability's, e.g. tagName === 'BODY') expects. A plain clone of an XML document
 * (an XHTML page served as application/xhtml+xml) keeps lower-case tag names, so such a page is
 * copied into a fresh HTML document instead. Returns undefined when the root is not XHTML at all
 * (a feed, an SVG image): there is no article to read in those.
 */
export function htmlCloneOf(document: Document): Document | undefined {
  const root = document.documentElement;
  if (!root || root.namespaceURI !== XHTML_NAMESPACE) return undefined;
  // An HTML document's own root reports tagName 'HTML'; an XML document's reports 'html'.
  if (root.tagName === 'HTML') return document.cloneNode(true) as Document;
  const copy = document.implementation.createHTMLDocument('');
  copy.replaceChild(copy.importNode(root, true), copy.documentElement);
  return copy;
}
