// Empty leftovers: blocks with no text and no media once cleanup is done (&nbsp;-only paragraphs too).

const EMPTYABLE = new Set([
  'p', 'div', 'span', 'section', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure',
  'figcaption', 'a', 'strong', 'em', 'b', 'i', 'font', 'center', 'aside', 'header', 'footer',
]); // prettier-ignore
const MEDIA = new Set([
  'img', 'picture', 'video', 'audio', 'iframe', 'svg', 'math', 'object', 'embed', 'canvas', 'hr', 'table', 'pre',
]); // prettier-ignore
/** Text that normaliseSpace would turn into nothing. */
const BLANK = /^[\s\u00a0\u200b\ufeff]*$/;

/** Whether `element` has a non-blank text node or a media element among its children. */
function hasOwnContent(element: Element, contentful: Set<Element>): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) {
      if (!BLANK.test((child as CharacterData).data)) return true;
    } else if (child.nodeType === 1) {
      const childElement = child as Element;
      if (MEDIA.has(childElement.localName) || contentful.has(childElement)) return true;
    }
  }
  return false;
}

/**
 * Removes the blocks under `root` (not root itself) without text or media. One walk: elements are
 * visited children first, each knowing from its children whether it holds anything (an element's
 * emptiness does not change when empty descendants go), and empty ones are removed on the way up.
 */
export function removeEmptyLeftovers(root: Element): void {
  const preorder: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    preorder.push(element);
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      stack.push(child);
    }
  }
  const contentful = new Set<Element>();
  for (let i = preorder.length - 1; i > 0; i--) {
    const element = preorder[i] as Element;
    if (hasOwnContent(element, contentful)) contentful.add(element);
    else if (
      EMPTYABLE.has(element.localName) &&
      !(element.localName === 'a' && element.getAttribute('name'))
    ) {
      element.remove();
    }
  }
}
