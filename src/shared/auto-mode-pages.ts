// "Once per page" for automatic mode. A page is its URL without the fragment (a jump to #comments is the
// same page); the user closing an automatically opened reader is remembered per tab and page for the
// browser session, so a reload or a return to that page leaves it closed.

/** At most this many closed pages are remembered per tab (oldest forgotten first). */
export const MAX_CLOSED_PAGES_PER_TAB = 50;

/** The page a URL shows: the URL without its fragment, or null for something that is not a URL. */
export function pageKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** Storage key (browser.storage.session) of one tab's closed pages. */
export function closedPagesKey(tabId: number): string {
  return `autoClosed.${tabId}`;
}

/** Reads a stored list leniently: anything that is not a list of strings counts as empty. */
export function readClosedPages(stored: unknown): string[] {
  return Array.isArray(stored)
    ? stored.filter((item): item is string => typeof item === 'string')
    : [];
}

/** The list after the user closed the reader on `url`. */
export function withClosedPage(closed: readonly string[], url: string): string[] {
  const key = pageKey(url);
  if (key === null) return [...closed];
  const rest = closed.filter((page) => page !== key);
  return [...rest, key].slice(-MAX_CLOSED_PAGES_PER_TAB);
}

export function isPageClosed(closed: readonly string[], url: string): boolean {
  const key = pageKey(url);
  return key !== null && closed.includes(key);
}

/**
 * The content script's memory for one page load: each page (an SPA navigation is a new page) is
 * considered once; a second look at the same page (a bfcache restore, a pushState back to it) is not.
 */
export class PagesSeen {
  private readonly seen = new Set<string>();

  /** True the first time a page is seen in this load, false afterwards (and for non-URLs). */
  firstVisit(url: string): boolean {
    const key = pageKey(url);
    if (key === null || this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
