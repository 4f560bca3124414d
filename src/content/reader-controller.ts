// The content script's one job: open or close the reader in this page. Extraction runs on demand; any
// failure (an exception or no article) becomes the overlay's plain "no article found" state.
// The overlay's modules are imported one by one, not through src/overlay/index.ts, which also exports the
// options page's settings code: content.js carries only what the first paint needs.
import { ExtractionLimitError, MIN_ARTICLE_WORDS } from '../extraction';
import type { ExtractedArticle } from '../extraction/types';
import type { EmptyReason } from '../overlay/article-view';
import type { Translate, UiLocale } from '../overlay/i18n';
import type { SettingsSource } from '../overlay/live-settings';
import { mountOverlay, type Overlay } from '../overlay/overlay';
import type { SiteChoiceOption } from '../overlay/site-choice';
import type { ThemeChoice } from '../overlay/theme';
import type { PanelsProvider } from '../overlay/tools-contract';
import type { Catalogue } from '../rules/types';
import type { Settings, UserRule } from '../shared/settings';
import type { BlockedReason, ToggleReaderResponse } from '../shared/messages';
import type { ReaderAssets } from './background-client';

export interface ReaderDeps {
  document: Document;
  /**
   * Extracts the page with the user's cleanup rules (all of them: extraction picks this page's) and the
   * shipped rule sets the background sent for it (`rules`: noShippedRules when they did not arrive; left
   * out when there is no `assets` source, as in tests, where extract brings its own).
   */
  extract: (
    doc: Document,
    url: string,
    userRules: readonly UserRule[],
    rules?: Catalogue,
  ) => ExtractedArticle | null;
  t: Translate;
  ui: UiLocale;
  fontUrl?: (path: string) => string;
  /** Tells the background when the reader closed itself (Escape, close button). */
  notifyClosed: () => void;
  /** Reports an unexpected extraction failure (for the console; the user sees "no article"). */
  reportError?: (error: unknown) => void;
  /** Reports that the settings did not arrive in time, so the user's rules were not applied (console). */
  warn?: (message: string) => void;
  /** Automatic mode's "always / never open here" in the toolbar. */
  siteChoice?: SiteChoiceOption;
  /** Where the reading settings (size, font, theme...) are loaded from and saved to. */
  settings?: SettingsSource;
  /**
   * This page's shipped rules and the reader's CSS (from the background). Without it (tests) `extract`
   * gets no shipped rules and the overlay only its host rules; with it, CSS that never arrives shows the
   * "couldn't open" message instead of an unstyled article.
   */
  assets?: () => Promise<ReaderAssets | null>;
  /** The toolbar panels' content (reader-tools.js), loaded after the first paint or on first use. */
  panels?: PanelsProvider;
  /** Asks the background to open the options page (the toolbar's "All settings"). */
  openOptions?: () => void;
}

/** What extraction gave the reader: an article, or the reason the overlay shows instead. */
interface Extracted {
  article: ExtractedArticle | null;
  emptyReason: EmptyReason;
}

/** How long extraction may take before the reader says the page is too large (it runs on the page's thread). */
export const extractionBudgetMs = 3000;

export const perfMarks = {
  toggle: 'broadsheet:toggle',
  extracted: 'broadsheet:extracted',
  painted: 'broadsheet:painted',
  /**
   * The whole article is in the reader (a long one's rest comes after the first paint); its detail says
   * whether the article was extracted first screen first.
   */
  complete: 'broadsheet:complete',
} as const;

/**
 * How long opening waits for the stored settings before extracting (their request starts when content.js
 * is injected, so they are usually there already): their cleanup rules shape the extraction.
 */
export const settingsWaitMs = 500;

/**
 * How much longer opening waits for the reader's CSS when it missed settingsWaitMs: nothing can be painted
 * without it (the article is extracted meanwhile, without the shipped rules that came too late).
 */
export const lateStylesWaitMs = 4500;

/** No shipped rules: what extraction uses when the page's rule sets did not arrive or were malformed. */
export const noShippedRules: Catalogue = {
  generic: { file: '', sites: [], rules: [] },
  sites: [],
  problems: [],
};

/** RSS, Atom and RDF feeds (Chromium names a feed served as XML by what it sniffed). */
const feedTypes = /^application\/(?:rss|atom|rdf)\+xml$/i;

/** Documents the reader cannot show itself in; everything else gets the overlay. */
export function unsupportedDocument(doc: Document): BlockedReason | null {
  if (doc.contentType === 'application/pdf') return 'pdf';
  const root = doc.documentElement;
  // A feed, an SVG image or other XML shown as a document: nothing for the reader to read. Chromium
  // shows a feed through its XML viewer, an XHTML document, so its type tells it apart.
  if (feedTypes.test(doc.contentType)) return 'not-html';
  if (!root || root.namespaceURI !== 'http://www.w3.org/1999/xhtml') return 'not-html';
  return null;
}

function mark(doc: Document, name: string, detail?: unknown): void {
  doc.defaultView?.performance?.mark?.(name, detail === undefined ? undefined : { detail });
}

function within<T>(promise: Promise<T>, ms: number, view: Window | null): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = (view ?? globalThis).setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => resolve(null),
    );
  });
}

export class ReaderController {
  private overlay: Overlay | null = null;
  private opening: Promise<void> | null = null;
  private theme: ThemeChoice = 'auto';

  constructor(private readonly deps: ReaderDeps) {}

  get isOpen(): boolean {
    return this.overlay !== null;
  }

  /** Opens the reader, or closes it when open; a toggle while it is opening closes it once it is open. */
  async toggle(): Promise<ToggleReaderResponse> {
    if (this.opening) await this.opening;
    if (this.overlay) {
      this.close();
      return { type: 'broadsheet:toggled', open: false };
    }
    const reason = unsupportedDocument(this.deps.document);
    if (reason) return { type: 'broadsheet:unsupported', reason };
    this.opening = this.open();
    try {
      await this.opening;
    } finally {
      this.opening = null;
    }
    return { type: 'broadsheet:toggled', open: true };
  }

  close(): void {
    const overlay = this.overlay;
    this.overlay = null;
    overlay?.close();
  }

  private async open(): Promise<void> {
    const { document: doc } = this.deps;
    const view = doc.defaultView;
    mark(doc, perfMarks.toggle);
    // The settings and the page's assets come first (both requested at injection): the user's cleanup
    // rules and the shipped ones are part of the extraction. Without them in time (a busy or unreachable
    // background) the page opens anyway, without those rules.
    const settings = this.deps.settings?.load();
    const assets = this.deps.assets?.();
    // Awaited only when asked for (without either, tests open synchronously up to the first paint).
    const [loaded, arrived] =
      settings || assets
        ? await Promise.all([
            settings ? within(settings, settingsWaitMs, view) : null,
            assets ? within(assets, settingsWaitMs, view) : null,
          ])
        : [null, null];
    if (settings && !loaded) {
      this.deps.warn?.(
        `Broadsheet: the settings did not arrive within ${settingsWaitMs} ms; opening without your cleanup rules`,
      );
    }
    if (assets && !arrived?.rules) {
      this.deps.warn?.(
        arrived
          ? "Broadsheet: this page's shipped cleanup rules arrived malformed; opening without them"
          : `Broadsheet: no readable answer with this page's shipped cleanup rules within ${settingsWaitMs} ms; opening without them`,
      );
    }
    const url = doc.location?.href ?? doc.URL;
    const rules = assets ? (arrived?.rules ?? noShippedRules) : undefined;
    let extracted = this.extractSafely(doc, url, loaded?.userRules ?? [], rules);
    mark(doc, perfMarks.extracted);
    let readerCss = arrived?.css;
    if (assets && readerCss === undefined) {
      readerCss = (await within(assets, lateStylesWaitMs, view))?.css;
      if (readerCss === undefined) {
        // An unstyled article would be unreadable: the overlay says the reader could not open instead.
        this.deps.warn?.(
          'Broadsheet: the reader\'s styles did not arrive from the extension; showing the "couldn\'t open" message',
        );
        extracted = { article: null, emptyReason: 'failed' };
      }
    }
    this.overlay = this.mount(doc, url, extracted, loaded ?? undefined, readerCss);
  }

  /** Mounts the article; if that fails (unexpected markup), the plain "no article" state instead. */
  private mount(
    doc: Document,
    url: string,
    extracted: Extracted,
    settings: Settings | undefined,
    readerCss: string | undefined,
  ): Overlay {
    const { article, emptyReason } = extracted;
    const options = {
      document: doc,
      pageUrl: url,
      readerCss,
      t: this.deps.t,
      ui: this.deps.ui,
      fontUrl: this.deps.fontUrl,
      siteChoice: this.deps.siteChoice,
      settings,
      settingsSource: this.deps.settings,
      tools: this.deps.panels,
      openOptions: this.deps.openOptions,
      theme: this.theme,
      onThemeChange: (choice: ThemeChoice) => {
        this.theme = choice;
      },
      onUserClose: () => {
        this.overlay = null;
        this.deps.notifyClosed();
      },
      onFirstPaint: () => mark(doc, perfMarks.painted),
      onRestError: (error: unknown) => this.reportRestError(error),
      // The detail tells the benchmark (and the e2e tests) which way the article came.
      onArticleComplete: () =>
        mark(doc, perfMarks.complete, { firstScreenFirst: article?.rest !== undefined }),
    };
    if (article) {
      try {
        return mountOverlay({ ...options, article });
      } catch (error) {
        this.deps.reportError?.(error);
      }
    }
    return mountOverlay({ ...options, article: null, emptyReason });
  }

  /** Why a very long article's rest could not be shown (the reader keeps its first screen). */
  private reportRestError(error: unknown): void {
    if (error instanceof ExtractionLimitError) {
      this.deps.warn?.(`Broadsheet: only the beginning of this article is shown: ${error.message}`);
    } else {
      this.deps.reportError?.(error);
    }
  }

  /**
   * The article, or why there is none: no text, fewer than MIN_ARTICLE_WORDS words (a menu and a line
   * are not worth a reader view), or a page too large for the time budget.
   */
  private extractSafely(
    doc: Document,
    url: string,
    userRules: readonly UserRule[],
    rules: Catalogue | undefined,
  ): Extracted {
    try {
      const article = rules
        ? this.deps.extract(doc, url, userRules, rules)
        : this.deps.extract(doc, url, userRules);
      if (!article || !article.html.trim() || article.wordCount < MIN_ARTICLE_WORDS) {
        return { article: null, emptyReason: 'no-article' };
      }
      return { article, emptyReason: 'no-article' };
    } catch (error) {
      if (error instanceof ExtractionLimitError) return { article: null, emptyReason: 'too-large' };
      this.deps.reportError?.(error);
      return { article: null, emptyReason: 'no-article' };
    }
  }
}
