// The reader overlay: a full-viewport dialog in an open shadow root on a host appended to <html>. Opening
// locks the page behind it; closing removes every node and listener and restores the page exactly.
// This is the first-paint part of the reader (content.js): the panels' content arrives with
// reader-tools.js (tools-contract.ts), at idle after the first paint or when a panel is opened first.
import type { ExtractedArticle } from '../extraction/types';
import type { Settings } from '../shared/settings';
import { adoptCss } from './adopt-css';
import { buildArticleParts, buildEmptyView, titleId, type EmptyReason } from './article-view';
import { cycleFocus } from './focus-trap';
import { registerReaderFonts } from './fonts';
import type { Translate, UiLocale } from './i18n';
import { prepareLinks } from './links';
import { LiveSettings, type SettingsSource } from './live-settings';
import { fallbackSettings, steppedFontSize } from './look';
import { lockPage } from './page-lock';
import { applyReaderSettings } from './reader-settings';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { hostCss } from './styles';
import { darkSchemeQuery, nextTheme, themeChoices, type ThemeChoice } from './theme';
import { mountSiteChoice, type SiteChoiceOption } from './site-choice';
import { buildToolbar, type Toolbar } from './toolbar';
import type { AttachedPanels, PanelContent, PanelsProvider } from './tools-contract';

export const hostId = 'broadsheet-reader-host';
const hostTag = 'broadsheet-reader';
/** How long the article may stay hidden while stored settings load (avoids a flash of the defaults). */
const settingsWaitMs = 400;

export interface OverlayOptions {
  document: Document;
  /** The extracted article, or null to show the "no article found" message. */
  article: ExtractedArticle | null;
  /** With no article: why (the message says so); "no article found" by default. */
  emptyReason?: EmptyReason;
  pageUrl: string;
  /**
   * The reader's CSS (styles.ts readerCss). content.js does not carry it: the background sends it with the
   * page's rules (src/background/reader-assets.ts). Without it only hostCss applies, which pins the host
   * and makes the "couldn't open" message readable (data-unstyled); the article needs it.
   */
  readerCss?: string;
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
   * Where the settings live (the background in a page; storage itself in tests). The reader loads them
   * (unless `settings` is given), follows changes made elsewhere and saves the user's changes, debounced.
   */
  settingsSource?: SettingsSource;
  /**
   * The panels' content (reader-tools.js): given at once, it is attached while mounting; a loader runs at
   * idle after the first paint, or sooner when a panel is opened. Without it the panels stay empty.
   */
  tools?: PanelsProvider;
  /** Called once the first frame with the article has been painted (the speed benchmark's mark). */
  onFirstPaint?: () => void;
  /**
   * When `article` is only the first screen of a very long article, its `rest()` is called after the first
   * paint; if it throws, this hears why (the first screen stays and says the rest is missing).
   */
  onRestError?: (error: unknown) => void;
  /** Called once the whole article is in the reader (after the first paint for a long one). */
  onArticleComplete?: () => void;
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

/**
 * Key and pointer events that must not reach the page's own handlers (shortcuts, click trackers). The event
 * lists are split from one string: fewer bytes in content.js than array literals.
 */
const isolatedEvents =
  'keydown keyup keypress click dblclick auxclick contextmenu mousedown mouseup pointerdown pointerup touchstart touchmove touchend wheel'.split(
    ' ',
  );

/**
 * What a user does to the reader's controls. The shadow root is open, so a page script can reach them: its
 * synthetic events (isTrusted false: el.click(), a dispatched change or key) are stopped before any
 * control sees them, or the page could change the user's settings and site choices.
 */
const userActionEvents =
  'click input change keydown keyup submit pointerdown mousedown beforeinput'.split(' ');

/** Runs `task` once the browser is idle (soon anyway), or after a short pause where it cannot tell. */
function whenIdle(view: Window | null, task: () => void): void {
  if (view?.requestIdleCallback) view.requestIdleCallback(task, { timeout: 500 });
  else (view ?? globalThis).setTimeout(task, 50);
}

/** Calls `task` after the next frame has been painted (a timer queued from the frame's rAF callback). */
function afterNextPaint(view: Window | null, task: () => void): void {
  if (view?.requestAnimationFrame) view.requestAnimationFrame(() => view.setTimeout(task, 0));
  else (view ?? globalThis).setTimeout(task, 0);
}

function initialSettings(options: OverlayOptions): Settings {
  const settings = options.settings ?? fallbackSettings();
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
  const { readerCss } = options;
  adoptCss(shadow, doc, hostCss + (readerCss ?? ''));

  const dialog = doc.createElement('div');
  dialog.className = 'bs-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', titleId);
  dialog.tabIndex = -1;
  dialog.lang = article?.lang ?? ui.lang;
  dialog.dir = article ? (article.dir ?? 'auto') : ui.dir;
  if (readerCss === undefined) dialog.dataset.unstyled = '';

  const darkQuery = view?.matchMedia?.(darkSchemeQuery) ?? null;
  let progressFrame: number | null = null;
  const scheduleProgress = () => {
    if (progressFrame !== null || !view) return;
    progressFrame = view.requestAnimationFrame(() => {
      progressFrame = null;
      toolbar.progress.update(dialog);
    });
  };
  // The panels' content (reader-tools.js) once attached; a refused save waits for it.
  let tools: AttachedPanels | null = null;
  let toolsLoading: Promise<void> | null = null;
  let unshownSaveError: string | null = null;
  let closed = false;

  const apply = (settings: Settings) => {
    applyReaderSettings(dialog, settings, darkQuery?.matches ?? false);
    toolbar.showChoice(settings.theme);
    tools?.show(settings);
    scheduleProgress();
  };
  const session = new LiveSettings({
    initial: initialSettings(options),
    source: options.settingsSource,
    apply: (settings) => {
      delete dialog.dataset.settings;
      apply(settings);
    },
    onSaveError: (message) => {
      if (tools) tools.showSaveError(message);
      else unshownSaveError = message;
    },
    timers: view
      ? {
          setTimeout: (callback, ms) => view.setTimeout(callback, ms),
          clearTimeout: (id) => view.clearTimeout(id),
        }
      : undefined,
  });
  const parts = article ? buildArticleParts(doc, article, options.pageUrl, t, ui) : null;
  /** The whole article, once a first screen painted ahead of it has been completed. */
  let wholeArticle: ExtractedArticle | null = null;
  const content = parts?.element ?? buildEmptyView(doc, t, options.emptyReason);
  const body = parts?.body ?? null;

  const attachTools = (provided: PanelContent) => {
    if (tools || closed) return;
    tools = provided.attach({
      doc,
      shadow,
      t,
      panels: {
        settings: toolbar.settings.panel,
        actions: toolbar.actions?.panel ?? null,
        help: toolbar.help.panel,
      },
      update: (patch) => session.update(patch),
      settings: () => session.current,
      systemPrefersDark: () => darkQuery?.matches ?? false,
      readerCss: readerCss ?? '',
      article:
        article && body
          ? { article: wholeArticle ?? article, pageUrl: options.pageUrl, body }
          : null,
      signal,
    });
    tools.show(session.current);
    if (unshownSaveError !== null) tools.showSaveError(unshownSaveError);
  };
  /** Undefined once the panels have their content; otherwise the promise of it (loading it if needed). */
  const prepareTools = (): Promise<void> | undefined => {
    const provider = options.tools;
    if (tools || !provider) return undefined;
    if (typeof provider !== 'function') {
      attachTools(provider);
      return undefined;
    }
    toolsLoading ??= provider().then(attachTools, (error: unknown) => {
      toolsLoading = null; // a later click tries again
      throw error;
    });
    return toolsLoading;
  };

  const toolbar: Toolbar = buildToolbar(doc, {
    t,
    ui,
    choices: themeChoices,
    readingMinutes: article?.readingTimeMinutes ?? 0,
    hasArticle: body !== null,
    prepare: prepareTools,
    openOptions: options.openOptions,
    signal,
  });
  if (options.siteChoice) mountSiteChoice(doc, toolbar.startGroup, options.siteChoice, t, signal);
  dialog.append(toolbar.element, content);
  shadow.append(dialog);
  apply(session.current);
  // Tools given at once (tests, the options page's bundle) are attached now, not at idle.
  if (options.tools && typeof options.tools !== 'function') prepareTools();

  // From here on the page changes; close() undoes all of it.
  const pageLock = lockPage(doc);
  const releaseFonts = options.fontUrl
    ? registerReaderFonts(doc, options.fontUrl)
    : () => undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    controller.abort();
    if (progressFrame !== null) view?.cancelAnimationFrame(progressFrame);
    tools?.dispose();
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
  for (const type of userActionEvents) {
    shadow.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        // Also cancels what the browser itself would do (a synthetic click still ticks a checkbox).
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true, signal },
    );
  }
  view?.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return; // a page script's key is not the user's shortcut
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

  if (options.settingsSource && !options.settings) {
    // Hidden for a moment so the article does not jump from the default look to the user's.
    dialog.dataset.settings = 'loading';
    view?.setTimeout(() => delete dialog.dataset.settings, settingsWaitMs);
    void session.start();
  } else if (options.settingsSource) {
    void session.start({ load: false });
  }

  // After the first frame: the rest of a long article (below the first screen, so nothing visible moves),
  // then, when the browser is idle, the panels' content.
  afterNextPaint(view, () => {
    if (closed) return;
    options.onFirstPaint?.();
    if (parts && article?.rest) {
      try {
        wholeArticle = article.rest();
      } catch (error) {
        options.onRestError?.(error);
      }
      parts.complete(wholeArticle);
      if (wholeArticle) toolbar.progress.setTotalMinutes(wholeArticle.readingTimeMinutes);
      scheduleProgress();
    } else if (parts?.appendRest()) scheduleProgress();
    if (parts) options.onArticleComplete?.();
    whenIdle(view, () => {
      if (!closed) prepareTools()?.catch(() => undefined);
    });
  });

  return { host, shadowRoot: shadow, close };
}
