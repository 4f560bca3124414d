// The working copy of the page that the pipeline edits: a deep clone, always an HTML document.

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * A deep copy of `document` that reports tag names in upper case, as every check downstream
 * (ours and Readability's, e.g. tagName === 'BODY') expects. A plain clone of an XML document
 * (an XHTML page served as application/xhtml+xml) keeps lower-case tag names, so such a page is
 * copied into a fresh HTML document instead. Returns undefined when the root is not XHTML at all
 * (a feed, an SVG image): there is no article to read in those.
 *
 * The copy has no <style> elements: nothing downstream reads them (Readability removes them first
 * thing), and a DOM may parse each stylesheet as it joins a document (jsdom does: a fifth of the
 * copy's cost). They are removed while the copied tree is still detached, before it joins the copy.
 */
export function htmlCloneOf(document: Document): Document | undefined {
  const root = document.documentElement;
  if (!root || root.namespaceURI !== XHTML_NAMESPACE) return undefined;
  // An HTML document's own root reports tagName 'HTML'; an XML document's reports 'html'.
  const copy =
    root.tagName === 'HTML'
      ? (document.cloneNode(false) as Document)
      : document.implementation.createHTMLDocument('');
  copy.documentElement?.remove();
  // The doctype too where there is one: some DOMs (jsdom) derive quirks mode from it.
  if (document.doctype && !copy.doctype) copy.appendChild(copy.importNode(document.doctype));
  const rootCopy = copy.importNode(root, true);
  for (const style of Array.from(rootCopy.getElementsByTagName('style'))) style.remove();
  copy.appendChild(rootCopy);
  return copy;
}
