// The reader ships in two bundles: content.js paints the article (shell: toolbar buttons, article, theme,
// keys, focus) and reader-tools.js, injected on demand into the same isolated world, fills the toolbar's
// panels (reading settings, article actions, keyboard help). This module is the contract between them; the
// tools bundle registers itself under a symbol of the isolated world (invisible to the page).
import type { ExtractedArticle } from '../extraction/types';
import type { Settings, SettingsPatch } from '../shared/settings';
import type { Translate } from './i18n';

export interface ToolPanels {
  settings: HTMLElement;
  /** Null when there is no article (nothing to copy, save, print or read aloud). */
  actions: HTMLElement | null;
  help: HTMLElement;
}

export interface PanelsContext {
  doc: Document;
  shadow: ShadowRoot;
  t: Translate;
  panels: ToolPanels;
  /** Applies a change at once and saves it (debounced by the shell). */
  update(patch: SettingsPatch): void;
  settings(): Settings;
  systemPrefersDark(): boolean;
  /** The reader's CSS (the overlay got it from the background), for saved and printed copies of the article. */
  readerCss: string;
  /** The article, its page address and its body element (read aloud highlights the body's paragraphs). */
  article: { article: ExtractedArticle; pageUrl: string; body: HTMLElement } | null;
  /** Aborted when the reader closes: every listener the tools add goes with it. */
  signal: AbortSignal;
}

export interface AttachedPanels {
  /** Reflects the settings in the controls (they may change in another tab or the options page). */
  show(settings: Settings): void;
  /** A save the browser refused, or null to clear the message. */
  showSaveError(message: string | null): void;
  /** The reader is closing: stop speech. */
  dispose(): void;
}

export interface PanelContent {
  attach(context: PanelsContext): AttachedPanels;
}

const registryKey = Symbol.for('broadsheet.reader-tools');
type Registry = typeof globalThis & { [registryKey]?: PanelContent };

/** Called once by reader-tools.js when it runs. */
export function registerPanelContent(tools: PanelContent): void {
  (globalThis as Registry)[registryKey] = tools;
}

/** The tools, once reader-tools.js has run in this world. */
export function registeredPanelContent(): PanelContent | undefined {
  return (globalThis as Registry)[registryKey];
}

/** How the shell gets the tools: at once (tests, a page that bundles both), or by loading them. */
export type PanelsProvider = PanelContent | (() => Promise<PanelContent>);
