// While the reader is open the page behind it must not scroll; when it closes the page must be exactly as
// before: the <html> style attribute byte for byte, the scroll position and the focused element.

export interface PageLock {
  /** Undo everything lock() changed. Safe to call more than once. */
  release(): void;
}

export function lockPage(doc: Document): PageLock {
  const html = doc.documentElement;
  const view = doc.defaultView;
  const styleBefore = html.getAttribute('style');
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  const focusedBefore = doc.activeElement;

  html.style.setProperty('overflow', 'hidden', 'important');

  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (styleBefore === null) html.removeAttribute('style');
      else html.setAttribute('style', styleBefore);
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
