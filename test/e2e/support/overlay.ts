// The overlay contract the e2e tests check (built in src/overlay): a host #broadsheet-reader-host with an
// OPEN shadow root holding [role="dialog"][aria-modal="true"] (with data-theme), h1.bs-title, .bs-byline,
// .bs-site, .bs-date, .bs-reading-time, .bs-article, button.bs-close, .bs-empty and .bs-theme-switch.
// Everything is read from the page's main world through the open shadow root, the same in both browsers.
import type { TestPage } from './reader-browser';

export const overlayHostId = 'broadsheet-reader-host';

export interface OverlayView {
  /** How many hosts are in the document (exactly one while open). */
  readonly hostCount: number;
  readonly hasOpenShadowRoot: boolean;
  readonly dialogCount: number;
  readonly role: string | null;
  readonly ariaModal: string | null;
  readonly theme: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  readonly site: string | null;
  readonly date: string | null;
  readonly readingTime: string | null;
  readonly articleText: string | null;
  readonly emptyText: string | null;
  readonly hasThemeSwitch: boolean;
  readonly hasCloseButton: boolean;
  /** All text in the dialog, hidden parts included (style and script contents left out). */
  readonly text: string;
  /** The `lang` / `dir` attribute nearest the article (or the empty message), inside the dialog. */
  readonly lang: string | null;
  readonly dir: string | null;
  /** The computed `direction` of the article body. */
  readonly direction: string | null;
  /** Focus is on an element inside the dialog. */
  readonly focusInside: boolean;
}

/** Runs in the page: a snapshot of the overlay, or null when there is none. Self-contained on purpose. */
function readOverlayInPage(hostId: string): OverlayView | null {
  const hosts = document.querySelectorAll(`#${hostId}`);
  const host = hosts[0];
  if (host === undefined) return null;
  const root = host.shadowRoot;
  const squash = (value: string | null | undefined): string | null =>
    value === null || value === undefined ? null : value.replace(/\s+/g, ' ').trim();
  const textOf = (selector: string): string | null =>
    squash(root?.querySelector(selector)?.textContent);
  const dialogs = root?.querySelectorAll('[role="dialog"]') ?? [];
  const dialog = dialogs[0] ?? null;
  let text = '';
  if (dialog !== null) {
    const copy = dialog.cloneNode(true) as Element;
    copy.querySelectorAll('style, script, template').forEach((node) => node.remove());
    text = squash(copy.textContent) ?? '';
  }
  const body = root?.querySelector('.bs-article') ?? root?.querySelector('.bs-empty') ?? null;
  const nearest = (name: string): string | null =>
    body?.closest(`[${name}]`)?.getAttribute(name) ?? null;
  const focused = root?.activeElement ?? null;
  return {
    hostCount: hosts.length,
    hasOpenShadowRoot: root !== null,
    dialogCount: dialogs.length,
    role: dialog?.getAttribute('role') ?? null,
    ariaModal: dialog?.getAttribute('aria-modal') ?? null,
    theme: dialog?.getAttribute('data-theme') ?? null,
    title: textOf('h1.bs-title'),
    byline: textOf('.bs-byline'),
    site: textOf('.bs-site'),
    date: textOf('.bs-date'),
    readingTime: textOf('.bs-reading-time'),
    articleText: textOf('.bs-article'),
    emptyText: textOf('.bs-empty'),
    hasThemeSwitch: root?.querySelector('.bs-theme-switch') != null,
    hasCloseButton: root?.querySelector('button.bs-close') != null,
    text,
    lang: nearest('lang'),
    dir: nearest('dir'),
    direction: body === null ? null : getComputedStyle(body).direction,
    focusInside:
      document.activeElement === host &&
      focused !== null &&
      dialog !== null &&
      dialog.contains(focused),
  };
}

export function readOverlay(page: TestPage): Promise<OverlayView | null> {
  return page.evaluate(readOverlayInPage, overlayHostId);
}

/** Waits until the overlay shows either an article (a non-empty title) or the no-article message. */
export async function waitForOverlay(page: TestPage, timeoutMs?: number): Promise<OverlayView> {
  await page.waitFor(
    (hostId: string) => {
      const root = document.getElementById(hostId)?.shadowRoot;
      const dialog = root?.querySelector('[role="dialog"]');
      if (!dialog) return false;
      const title = dialog.querySelector('h1.bs-title')?.textContent?.trim();
      // A long article's rest follows the first paint: .bs-article is aria-busy until it is all there.
      if (dialog.querySelector('.bs-article[aria-busy="true"]')) return false;
      return Boolean(title) || dialog.querySelector('.bs-empty') !== null;
    },
    overlayHostId,
    'the reader overlay (#broadsheet-reader-host with a dialog showing a whole article or .bs-empty)',
    timeoutMs,
  );
  const view = await readOverlay(page);
  if (view === null) throw new Error('The overlay disappeared right after it opened');
  return view;
}

/** Waits for the overlay's opening animations and web fonts to finish (before a screenshot). */
export async function waitForOverlaySettled(page: TestPage): Promise<void> {
  await page.evaluate(async (hostId: string) => {
    const root = document.getElementById(hostId)?.shadowRoot;
    const animations = [...document.getAnimations(), ...(root?.getAnimations() ?? [])];
    await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
    await document.fonts.ready;
  }, overlayHostId);
}

export async function waitForOverlayClosed(page: TestPage): Promise<void> {
  await page.waitFor(
    (hostId: string) => document.getElementById(hostId) === null,
    overlayHostId,
    'the reader overlay to be removed',
  );
}

export interface OverlayMedia {
  readonly images: { readonly src: string; readonly alt: string }[];
  readonly links: { readonly text: string; readonly href: string }[];
}

/** The images and links in the article body (resolved URLs, as the browser sees them). */
export function overlayMedia(page: TestPage): Promise<OverlayMedia | null> {
  return page.evaluate((hostId: string) => {
    const article = document.getElementById(hostId)?.shadowRoot?.querySelector('.bs-article');
    if (!article) return null;
    return {
      images: Array.from(article.querySelectorAll('img'), (img) => ({
        src: img.currentSrc || img.src,
        alt: img.alt,
      })),
      links: Array.from(article.querySelectorAll('a[href]'), (link) => ({
        text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
        href: (link as HTMLAnchorElement).href,
      })),
    };
  }, overlayHostId);
}

/** Computed styles of one element inside the overlay, for comparing how it looks on different pages. */
export function overlayStyles(page: TestPage, selector: string, properties: readonly string[]) {
  return page.evaluate(
    ({ hostId, selector: target, properties: names }) => {
      const element = document.getElementById(hostId)?.shadowRoot?.querySelector(target);
      if (!element) return null;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      return {
        visible:
          rect.width > 0 &&
          rect.height > 0 &&
          style.visibility !== 'hidden' &&
          style.display !== 'none',
        styles: Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)])),
      };
    },
    { hostId: overlayHostId, selector, properties: [...properties] },
  );
}
