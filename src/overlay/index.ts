// The reader overlay's public surface for the content script (and later the options page preview).
export { mountOverlay, hostId } from './overlay';
export type { Overlay, OverlayOptions } from './overlay';
export type { OverlayMessageKey, Translate, UiLocale } from './i18n';
export type { ThemeChoice } from './theme';
