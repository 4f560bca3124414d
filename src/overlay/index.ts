// The reader overlay's public surface for the content script and the options page (tools and preview).
export { mountOverlay, hostId } from './overlay';
export { mountPreview } from './preview';
export type { Preview } from './preview';
export { readerTools, themeTool } from './tools';
export type { ReaderTool, ToolContext, ToolFactory } from './tools';
export { registerReaderFonts } from './fonts';
export { SettingsSession } from './settings-session';
export type { SettingsSessionOptions } from './settings-session';
export type { Overlay, OverlayOptions } from './overlay';
export type { OverlayMessageKey, Translate, UiLocale } from './i18n';
export type { ThemeChoice } from './theme';
export { LiveSettings } from './live-settings';
export type { SaveOutcome, SettingsSource } from './live-settings';
export { storeSource } from './store-source';
export { panelContent } from './reader-tools';
