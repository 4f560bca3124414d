// The content script's one job: open or close the reader in this page. Extraction runs on demand; any
// failure (an exception or no article) becomes the overlay's plain "no article found" state.
import type { ExtractedArticle } from '../extraction/types';
import {
  mountOverlay,
  type Overlay,
  type ThemeChoice,
  type Translate,
  type UiLocale,
} from '../overlay';
import type { SiteChoiceOption } from '../overlay/site-choice';
import type { SettingsStore } from '../shared/settings';
import type { BlockedReason, ToggleReaderResponse } from '../shared/messages';

export interface ReaderDeps {
  document: Document;
  extract: (doc: Document, url: string) => ExtractedArticle | null;
  t: Translate;
  ui: UiLocale;
  fontUrl?: (path: string) => string;
  /** Tells the background when the reader closed itself (Escape, close button). */
  notifyClosed: () => void;
  /** Reports an unexpected extraction failure (for the console; the user sees "no article"). */
  reportError?: (error: unknown) => void;
  /** Automatic mode's "always / never open here" in the toolbar. */
  siteChoice?: SiteChoiceOption;
  /** Where the reading settings (size, font, theme...) are loaded from and saved to. */
  settingsStore?: SettingsStore;
  /** Asks the background to open the options page (the toolbar's "All settings"). */
  openOptions?: () => void;
}

export const perfMarks = {
  toggle: 'broadsheet:toggle',
  extracted: 'broadsheet:extracted',
  painted: 'broadsheet:painted',
} as const;

/** Documents the reader cannot show itself in; everything else gets the overlay. */
export function unsupportedDocument(doc: Document): BlockedReason | null {
  if (doc.contentType === 'application/pdf') return 'pdf';
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== 'http://www.w3.org/1999/xhtml') return 'failed';
  return null;
}

function mark(doc: Document, name: string): void {
  doc.defaultView?.performance?.mark?.(name);
}

export class ReaderController {
  private overlay: Overlay | null = null;
  private theme: ThemeChoice = 'auto';

  constructor(private readonly deps: ReaderDeps) {}

  get isOpen(): boolean {
    return this.overlay !== null;
  }

  toggle(): ToggleReaderResponse {
    if (this.overlay) {
      this.close();
      return { type: 'broadsheet:toggled', open: false };
    }
    const reason = unsupportedDocument(this.deps.document);
    if (reason) return { type: 'broadsheet:unsupported', reason };
    this.open();
    return { type: 'broadsheet:toggled', open: true };
  }

  close(): void {
    const overlay = this.overlay;
    this.overlay = null;
    overlay?.close();
  }

  private open(): void {
    const { document: doc } = this.deps;
    mark(doc, perfMarks.toggle);
    const url = doc.location?.href ?? doc.URL;
    const article = this.extractSafely(doc, url);
    mark(doc, perfMarks.extracted);
    this.overlay = this.mount(doc, url, article);
    const view = doc.defaultView;
    view?.requestAnimationFrame(() => view.setTimeout(() => mark(doc, perfMarks.painted), 0));
  }

  /** Mounts the article; if that fails (unexpected markup), the plain "no article" state instead. */
  private mount(doc: Document, url: string, article: ExtractedArticle | null): Overlay {
    const options = {
      document: doc,
      pageUrl: url,
      t: this.deps.t,
      ui: this.deps.ui,
      fontUrl: this.deps.fontUrl,
      siteChoice: this.deps.siteChoice,
      settingsStore: this.deps.settingsStore,
      openOptions: this.deps.openOptions,
      theme: this.theme,
      onThemeChange: (choice: ThemeChoice) => {
        this.theme = choice;
      },
      onUserClose: () => {
        this.overlay = null;
        this.deps.notifyClosed();
      },
    };
    if (article) {
      try {
        return mountOverlay({ ...options, article });
      } catch (error) {
        this.deps.reportError?.(error);
      }
    }
    return mountOverlay({ ...options, article: null });
  }

  private extractSafely(doc: Document, url: string): ExtractedArticle | null {
    try {
      const article = this.deps.extract(doc, url);
      return article && article.html.trim() ? article : null;
    } catch (error) {
      this.deps.reportError?.(error);
      return null;
    }
  }
}
