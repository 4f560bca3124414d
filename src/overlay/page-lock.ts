// While the reader is open the page behind it must not scroll, take focus or be read out by a screen reader;
// when it closes the page must be exactly as before: the changed attributes byte for byte, the scroll
// position and the focused element.

export interface PageLock {
  /** Undo everything lock() changed. Safe to call more than once. */
  release(): void;
}

/** Sets an attribute and returns how to put back exactly what was there (including "absent"). */
function setAttributeFor(element: Element, name: string, value: string): () => void {
  const before = element.getAttribute(name);
  element.setAttribute(name, value);
  return () => {
    if (before === null) element.removeAttribute(name);
    else element.setAttribute(name, before);
  };
}

export function lockPage(doc: Document): PageLock {
  const html = doc.documentElement;
  const view = doc.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  const focusedBefore = doc.activeElement;

  const restoreStyle = setAttributeFor(html, 'style', html.getAttribute('style') ?? '');
  html.style.setProperty('overflow', 'hidden', 'important');
  // The overlay's host is a child of <html>, beside <body>: an inert body leaves only the reader usable.
  const body = doc.body;
  const restoreInert = body ? setAttributeFor(body, 'inert', '') : () => undefined;
  // Hidden under the reader, the page need not be styled, laid out or painted: on a large page that work
  // (after the scrollbar goes away and the body turns inert) was most of the time to the first paint.
  const restoreBodyStyle = body
    ? setAttributeFor(body, 'style', body.getAttribute('style') ?? '')
    : () => undefined;
  body?.style.setProperty('content-visibility', 'hidden', 'important');

  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      restoreInert();
      restoreBodyStyle();
      restoreStyle();
      if (view && (view.scrollX !== scrollX || view.scrollY !== scrollY)) {
        // "instant": a page's `scroll-behavior: smooth` must not turn the restore into an animation.
        view.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
      }
      restoreFocus(doc, focusedBefore);
    },
  };
}

function restoreFocus(doc: Document, element: Element | null): void {
  if (!element || element === doc.body || !element.isConnected) return;
  const focusable = element as Element & { focus?: (options?: FocusOptions) => void };
  focusable.focus?.({ preventScroll: true });
}
