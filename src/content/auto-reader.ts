// auto-reader.js: registered by automatic mode (scripting.registerContentScripts, document_idle) on the
// sites the user enabled, and nowhere else. It stays small: it asks the background whether this page may
// open by itself (settings, "never here", a close by the user), runs the cheap article detector, and
// then has the background inject the toolbar's own content script (content.js) and open the reader, so
// the reader code loads only on pages that get it. Every page is considered once per load; single-page
// navigations are new pages; a back/forward cache restore looks again (a page seen already stays as is).
import browser from 'webextension-polyfill';
import { detectArticle } from '../detection';
import { isYes } from '../shared/auto-mode-messages';
import { PagesSeen, pageKey } from '../shared/auto-mode-pages';

/** The overlay's host element (src/overlay/overlay.ts): present while the reader is open. */
const overlayHostId = 'broadsheet-reader-host';
/** After a single-page navigation, the new content needs a moment to arrive before detection. */
const settleAfterNavigationMs = 600;
/** Without the Navigation API, how often to look at the URL for pushState/replaceState changes. */
const urlPollMs = 1000;

const guard = Symbol.for('broadsheet.auto-reader');
const scope = globalThis as typeof globalThis & { [guard]?: true };

function send(message: { type: string; url: string }): Promise<boolean> {
  return browser.runtime.sendMessage(message).then(isYes, () => false);
}

function isEditable(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color'].includes(
      element.type,
    );
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Resolves once the user is not typing in a field (opening the reader would take focus away). */
function notTyping(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (isEditable(document.activeElement)) {
        document.activeElement?.addEventListener('blur', () => setTimeout(check, 0), {
          once: true,
        });
      } else resolve();
    };
    check();
  });
}

/** Tells the background when the user closes the reader on this page (Escape, close, toolbar). */
function reportCloseOf(url: string): void {
  const report = () => void send({ type: 'broadsheet:auto-closed', url });
  const host = document.getElementById(overlayHostId);
  // Already gone: the user closed it while the background was still answering "opened".
  if (host === null) return report();
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    observer.disconnect();
    report();
  });
  observer.observe(document.documentElement, { childList: true });
}

const pagesSeen = new PagesSeen();

async function consider(): Promise<void> {
  const url = location.href;
  if (!pagesSeen.firstVisit(url)) return;
  if (document.getElementById(overlayHostId) !== null) return; // the user opened it already
  if (!(await send({ type: 'broadsheet:auto-allowed', url }))) return;
  if (!detectArticle(document, { url }).article) return;
  await notTyping();
  if (pageKey(location.href) !== pageKey(url)) return; // navigated meanwhile: that page gets its own turn
  if (await send({ type: 'broadsheet:auto-open', url })) reportCloseOf(url);
}

/**
 * Calls `onChange` after the URL changes within this document. Content scripts do not see the page's
 * history.pushState calls; the Navigation API reports them where it exists, otherwise popstate plus a
 * slow URL poll (cheap: one string comparison a second).
 */
function watchUrl(onChange: () => void): void {
  let last = pageKey(location.href);
  const check = () => {
    const now = pageKey(location.href);
    if (now === last) return;
    last = now;
    onChange();
  };
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav !== undefined) nav.addEventListener('currententrychange', check);
  else setInterval(check, urlPollMs);
  window.addEventListener('popstate', check);
}

function run(): void {
  const later = () => void consider().catch(() => undefined);
  let settle: ReturnType<typeof setTimeout> | undefined;
  watchUrl(() => {
    clearTimeout(settle);
    settle = setTimeout(later, settleAfterNavigationMs);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) later();
  });
  later();
}

if (!scope[guard] && window.top === window) {
  Object.defineProperty(scope, guard, { value: true });
  run();
}
