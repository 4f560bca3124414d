// The reader overlay: a full-viewport dialog in an open shadow root on a host appended to <html>. Opening
// locks the page behind it; closing removes every node and listener and restores the page exactly.
import type { ExtractedArticle } from '../extraction/types';
import { buildArticleView, buildEmptyView, titleId } from './article-view';
import { cycleFocus } from './focus-trap';
import { registerReaderFonts } from './fonts';
import type { Translate, UiLocale } from './i18n';
import { prepareLinks } from './links';
import { lockPage } from './page-lock';
import { overlayCss } from './styles';
import { darkSchemeQuery, resolveTheme, themeChoices, type ThemeChoice } from './theme';
import { buildToolbar, type Toolbar } from './toolbar';

export const hostId = 'broadsheet-reader-host';
const hostTag = 'broadsheet-reader';

export interface OverlayOptions {
  document: Document;
  /** The extracted article, or null to show the "no article found" message. */
  article: ExtractedArticle | null;
  pageUrl: string;
  t: Translate;
  ui: UiLocale;
  /** Resolves a file shipped in the extension (fonts/...); without it the fallback serif is used. */
  fontUrl?: (path: string) => string;
  /** Called when the reader closed itself (close button or Escape), not when close() is called. */
  onUserClose?: () => void;
  /** The theme to start with (the last one chosen in this page, kept in memory). */
  theme?: ThemeChoice;
  /** Called when the user picks another theme. */
  onThemeChange?: (choice: ThemeChoice) => void;
}

export interface Overlay {
  readonly host: HTMLElement;
  readonly shadowRoot: ShadowRoot;
  close(): void;
}

/** Key and pointer events that must not reach the page's own handlers (shortcuts, click trackers). */
const isolatedEvents = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchmove',
  'touchend',
  'wheel',
] as const;

function applyStyles(shadow: ShadowRoot, doc: Document): void {
  // A constructed sheet is immune to the page's style-src CSP; the page window's own constructor is used
  // because Firefox rejects sheets constructed for another document. Fallback: a <style> element.
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in shadow) {
      const sheet = new Sheet();
      sheet.replaceSync(overlayCss);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    }
  } catch {
    // fall through to the <style> element
  }
  const style = doc.createElement('style');
  style.textContent = overlayCss;
  shadow.append(style);
}

export function mountOverlay(options: OverlayOptions): Overlay {
  const { document: doc, article, t, ui } = options;
  const view = doc.defaultView;

  // Everything is built before the page is touched: if building fails, the page is as it was.
  const host = doc.createElement(hostTag);
  host.id = hostId;
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, doc);

  const dialog = doc.createElement('div');
  dialog.className = 'bs-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', titleId);
  dialog.tabIndex = -1;
  dialog.lang = article?.lang ?? ui.lang;
  dialog.dir = article ? (article.dir ?? 'auto') : ui.dir;

  const toolbar: Toolbar = buildToolbar(doc, { t, ui, choices: themeChoices });
  const content = article
    ? buildArticleView(doc, article, options.pageUrl, t, ui)
    : buildEmptyView(doc, t);
  dialog.append(toolbar.element, content);
  shadow.append(dialog);

  // From here on the page changes; close() undoes all of it.
  const pageLock = lockPage(doc);
  const releaseFonts = options.fontUrl
    ? registerReaderFonts(doc, options.fontUrl)
    : () => undefined;
  // One controller removes every listener on close; made in the page's realm, where the targets live.
  const controller = new (view?.AbortController ?? AbortController)();
  const { signal } = controller;

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    controller.abort();
    host.remove();
    releaseFonts();
    pageLock.release();
  };
  const userClose = () => {
    if (closed) return;
    close();
    options.onUserClose?.();
  };

  let themeChoice: ThemeChoice = options.theme ?? 'auto';
  const darkQuery = view?.matchMedia?.(darkSchemeQuery) ?? null;
  const applyTheme = () => {
    dialog.dataset.theme = resolveTheme(themeChoice, darkQuery?.matches ?? false);
    toolbar.showChoice(themeChoice);
  };
  applyTheme();
  darkQuery?.addEventListener('change', applyTheme, { signal });
  toolbar.onThemeChoice((choice) => {
    themeChoice = choice;
    applyTheme();
    options.onThemeChange?.(choice);
  }, signal);
  toolbar.closeButton.addEventListener('click', userClose, { signal });
  if (article) {
    content.addEventListener('click', prepareLinks(content, shadow, options.pageUrl), { signal });
  }

  view?.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && !event.isComposing) {
        event.preventDefault();
        event.stopPropagation();
        userClose();
      } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        if (cycleFocus(shadow, dialog, event.shiftKey)) event.preventDefault();
      }
    },
    { capture: true, signal },
  );
  // Focus that lands on the page behind (a page script, a stray click target) comes back to the dialog.
  doc.addEventListener(
    'focusin',
    (event) => {
      if (event.target !== host) dialog.focus({ preventScroll: true });
    },
    { capture: true, signal },
  );
  for (const type of isolatedEvents) {
    host.addEventListener(type, (event) => event.stopPropagation(), { signal, passive: true });
  }

  doc.documentElement.append(host);
  dialog.focus({ preventScroll: true });

  return { host, shadowRoot: shadow, close };
}
