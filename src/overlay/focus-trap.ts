// aria-modal promises that nothing outside the dialog is reachable: Tab and Shift+Tab cycle inside it.

const focusableSelector = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'audio[controls]',
  'video[controls]',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function isShown(element: HTMLElement): boolean {
  if (element.closest('[hidden]')) return false;
  // checkVisibility is missing in some test DOMs; there everything not [hidden] counts as shown.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

export function focusableElements(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(focusableSelector)).filter(isShown);
}

/**
 * Handles a Tab keydown for a dialog living in `root`. Returns true when it moved focus itself (the
 * caller then prevents the default move); false leaves the browser's normal order inside the dialog.
 */
export function cycleFocus(root: ShadowRoot, container: HTMLElement, backwards: boolean): boolean {
  const focusable = focusableElements(container);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    container.focus();
    return true;
  }
  const active = root.activeElement as HTMLElement | null;
  const inside = active !== null && focusable.includes(active);
  if (backwards && (!inside || active === first)) {
    last.focus();
    return true;
  }
  if (!backwards && (!inside || active === last)) {
    first.focus();
    return true;
  }
  return false;
}
