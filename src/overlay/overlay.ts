// The reader overlay: a full-viewport dialog in an open shadow root on a host appended to <html>. Opening
// locks the page behind it; closing removes every node and listener and restores the page exactly.
import type { ExtractedArticle } from '../extraction/types';
import { defaultSettings, type Settings, type SettingsStore } from '../shared/settings';
import { buildArticleView, buildEmptyView, titleId } from './article-view';
import { cycleFocus } from './focus-trap';
import { registerReaderFonts } from './fonts';
import type { Translate, UiLocale } from './i18n';
import { prepareLinks } from './links';
import { lockPage } from './page-lock';
import { applyReaderSettings } from './reader-settings';
import { SettingsSession } from './settings-session';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { overlayCss } from './styles';
import { darkSchemeQuery, nextTheme, themeChoices, type ThemeChoice } from './theme';
import { mountSiteChoice, type SiteChoiceOption } from './site-choice';
import { buildToolbar, type Toolbar } from './toolbar';
import { steppedFontSize } from './tools';

export const hostId = 'broadsheet-reader-host';
const hostTag = 'broadsheet-reader';
/** How long the article may stay hidden while stored settings load (avoids a flash of the defaults). */
const settingsWaitMs = 400;

export interface OverlayOptions {
  document: Document;
  /** The extracted article, or null to show the "no article found" message. */
  article: ExtractedArticle | null;
  pageUrl: string;
  t: Translate;
  ui: UiLocale;
  /** Resolves a file shipped in the extension (fonts/...); without it the fallback fonts are used. */
  fontUrl?: (path: string) => string;
  /** Called when the reader closed itself (close button or Escape), not when close() is called. */
  onUserClose?: () => void;
  /** The theme to start with (the last one chosen in this page, kept in memory). */
  theme?: ThemeChoice;
  /** Called when the user picks another theme. */
  onThemeChange?: (choice: ThemeChoice) => void;
  /** The reading settings to start with (already loaded); the defaults otherwise. */
  settings?: Settings;
  /**
   * Where the settings live (browser.storage.sync through src/shared/settings). The reader loads them
   * (unless `settings` is given), follows changes made elsewhere and saves the user's changes, debounced.
   */
  settingsStore?: SettingsStore;
  /** Automatic mode's "always / never open here" for the page's site (left out where it cannot apply). */
  siteChoice?: SiteChoiceOption;
  /** Opens the extension's options page (the toolbar's "All settings" button; left out without it). */
  openOptions?: () => void;
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

function initialSettings(options: OverlayOptions): Settings {
  const settings = options.settings ?? defaultSettings();
  return options.theme && !options.settings ? { ...settings, theme: options.theme } : settings;
}

export function mountOverlay(options: OverlayOptions): Overlay {
  const { document: doc, article, t, ui } = options;
  const view = doc.defaultView;
  // One controller removes every listener on close; made in the page's realm, where the targets live.
  const controller = new (view?.AbortController ?? AbortController)();
  const { signal } = controller;

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

  const darkQuery = view?.matchMedia?.(darkSchemeQuery) ?? null;
  let progressFrame: number | null = null;
  const scheduleProgress = () => {
    if (progressFrame !== null || !view) return;
    progressFrame = view.requestAnimationFrame(() => {
      progressFrame = null;
      toolbar.progress.update(dialog);
    });
  };
  const apply = (settings: Settings) => {
    applyReaderSettings(dialog, settings, darkQuery?.matches ?? false);
    toolbar.showChoice(settings.theme);
    toolbar.showSettings(settings);
    scheduleProgress();
  };
  const session = new SettingsSession({
    initial: initialSettings(options),
    store: options.settingsStore,
    apply: (settings) => {
      delete dialog.dataset.settings;
      apply(settings);
    },
    onSaveError: (message) => toolbar.settings.showSaveError(message),
    timers: view
      ? {
          setTimeout: (callback, ms) => view.setTimeout(callback, ms),
          clearTimeout: (id) => view.clearTimeout(id),
        }
      : undefined,
  });
  const content = article
    ? buildArticleView(doc, article, options.pageUrl, t, ui)
    : buildEmptyView(doc, t);
  const body = content.querySelector<HTMLElement>('.bs-article');
  const toolbar: Toolbar = buildToolbar(doc, {
    t,
    ui,
    choices: themeChoices,
    update: (patch) => session.update(patch),
    readingMinutes: article?.readingTimeMinutes ?? 0,
    actions:
      article && body
        ? {
            article,
            pageUrl: options.pageUrl,
            body,
            settings: () => session.current,
            systemPrefersDark: () => darkQuery?.matches ?? false,
          }
        : undefined,
    openOptions: options.openOptions,
    signal,
  });
  if (options.siteChoice) mountSiteChoice(doc, toolbar.startGroup, options.siteChoice, t, signal);
  dialog.append(toolbar.element, content);
  shadow.append(dialog);
  apply(session.current);

  // From here on the page changes; close() undoes all of it.
  const pageLock = lockPage(doc);
  const releaseFonts = options.fontUrl
    ? registerReaderFonts(doc, options.fontUrl)
    : () => undefined;

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    controller.abort();
    if (progressFrame !== null) view?.cancelAnimationFrame(progressFrame);
    toolbar.actions?.dispose();
    void session.dispose();
    host.remove();
    releaseFonts();
    pageLock.release();
  };
  const userClose = () => {
    if (closed) return;
    close();
    options.onUserClose?.();
  };

  const chooseTheme = (choice: ThemeChoice) => {
    session.update({ theme: choice });
    options.onThemeChange?.(choice);
  };
  darkQuery?.addEventListener('change', () => apply(session.current), { signal });
  toolbar.onThemeChoice(chooseTheme, signal);
  toolbar.closeButton.addEventListener('click', userClose, { signal });
  dialog.addEventListener('scroll', scheduleProgress, { signal, passive: true });
  view?.addEventListener('resize', scheduleProgress, { signal, passive: true });
  if (article) {
    content.addEventListener('click', prepareLinks(content, shadow, options.pageUrl), { signal });
  }

  const runShortcut = (event: KeyboardEvent): boolean => {
    const action = shortcutFor(event, isTypingTarget(event.composedPath()[0]));
    switch (action) {
      case 'close':
        // Escape closes an open popover first, then the reader.
        {
          const open = toolbar.popovers.find((popover) => popover.isOpen);
          if (open) open.close();
          else userClose();
        }
        return true;
      case 'larger':
      case 'smaller':
        session.update({
          fontSize: steppedFontSize(session.current.fontSize, action === 'larger' ? 1 : -1),
        });
        return true;
      case 'next-theme':
        chooseTheme(nextTheme(session.current.theme));
        return true;
      case 'help':
        for (const popover of toolbar.popovers) if (popover !== toolbar.help) popover.close(false);
        toolbar.help.toggle();
        return true;
      default:
        return false;
    }
  };
  view?.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        if (cycleFocus(shadow, dialog, event.shiftKey)) event.preventDefault();
      } else if (runShortcut(event)) {
        event.preventDefault();
        event.stopPropagation();
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

  if (options.settingsStore && !options.settings) {
    // Hidden for a moment so the article does not jump from the default look to the user's.
    dialog.dataset.settings = 'loading';
    view?.setTimeout(() => delete dialog.dataset.settings, settingsWaitMs);
    void session.start();
  } else if (options.settingsStore) {
    void session.start();
  }

  return { host, shadowRoot: shadow, close };
}
