// Typed messages between the background and the content script. Both sides import this one module, and
// every received message goes through a guard here first: the guards check the whole shape, so a message
// from an older build or from somewhere unexpected is ignored instead of half-understood.
import type { WireCatalogue } from '../rules/wire';
import type { Settings, SettingsPatch } from './settings';

/** Why the reader cannot run in a tab; each reason has its own localized explanation. */
export type BlockedReason =
  'browser-page' | 'web-store' | 'pdf' | 'not-html' | 'file-access' | 'failed';

const blockedReasons: readonly BlockedReason[] = [
  'browser-page',
  'web-store',
  'pdf',
  'not-html',
  'file-access',
  'failed',
];

/** Background -> content: open the reader, or close it when it is open. */
export interface ToggleReaderMessage {
  type: 'broadsheet:toggle-reader';
}

/** Background -> content after the tab navigated: is the reader still open in this document? */
export interface QueryReaderStateMessage {
  type: 'broadsheet:query-reader-state';
}

/** Content -> background, as the answer to a toggle. */
export type ToggleReaderResponse =
  | { type: 'broadsheet:toggled'; open: boolean }
  | { type: 'broadsheet:unsupported'; reason: BlockedReason };

/**
 * Content -> background whenever the reader closes by itself (Escape, its close button, the page going
 * away) or reappears (back/forward cache); also the answer to a state query.
 */
export interface ReaderStateMessage {
  type: 'broadsheet:reader-state';
  open: boolean;
}

/** Content (the reader's "All settings" button) -> background: open the options page in a tab. */
export interface OpenOptionsMessage {
  type: 'broadsheet:open-options';
}

export const openOptionsMessage: OpenOptionsMessage = { type: 'broadsheet:open-options' };

export const toggleReaderMessage: ToggleReaderMessage = { type: 'broadsheet:toggle-reader' };

export const queryReaderStateMessage: QueryReaderStateMessage = {
  type: 'broadsheet:query-reader-state',
};

export function readerStateMessage(open: boolean): ReaderStateMessage {
  return { type: 'broadsheet:reader-state', open };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlockedReason(value: unknown): value is BlockedReason {
  return typeof value === 'string' && (blockedReasons as readonly string[]).includes(value);
}

export function isToggleReaderMessage(value: unknown): value is ToggleReaderMessage {
  return isRecord(value) && value.type === 'broadsheet:toggle-reader';
}

export function isQueryReaderStateMessage(value: unknown): value is QueryReaderStateMessage {
  return isRecord(value) && value.type === 'broadsheet:query-reader-state';
}

export function isReaderStateMessage(value: unknown): value is ReaderStateMessage {
  return (
    isRecord(value) && value.type === 'broadsheet:reader-state' && typeof value.open === 'boolean'
  );
}

/** Exactly { type: 'broadsheet:open-options' }: it asks for no data, so it may carry none. */
export function isOpenOptionsMessage(value: unknown): value is OpenOptionsMessage {
  return (
    isRecord(value) && value.type === 'broadsheet:open-options' && Object.keys(value).length === 1
  );
}

export function isToggleReaderResponse(value: unknown): value is ToggleReaderResponse {
  if (!isRecord(value)) return false;
  if (value.type === 'broadsheet:toggled') return typeof value.open === 'boolean';
  if (value.type === 'broadsheet:unsupported') return isBlockedReason(value.reason);
  return false;
}

// ---- The reader's settings and its second bundle, through the background (which owns storage and injection).

/** Content -> background: the stored reading settings, validated there (per-field fallback). */
export interface GetSettingsMessage {
  type: 'broadsheet:get-settings';
}

/** Content -> background: save a change to the reading settings (validated there before anything is written). */
export interface SaveSettingsMessage {
  type: 'broadsheet:save-settings';
  patch: SettingsPatch;
}

/** Content -> background: inject reader-tools.js (the reader's panels) into the asking frame. */
export interface LoadReaderToolsMessage {
  type: 'broadsheet:load-reader-tools';
}

/**
 * Content -> background: what the reader needs for this page that content.js does not carry (its size
 * budget): the shipped cleanup rules for the page's host and the reader's CSS. The background picks the
 * host from the sender's frame URL, never from the message, so the message carries nothing.
 */
export interface GetReaderAssetsMessage {
  type: 'broadsheet:get-reader-assets';
}

export type SettingsAnswer = { type: 'broadsheet:settings'; settings: Settings };
export type SaveSettingsAnswer =
  | { type: 'broadsheet:settings-saved'; ok: true }
  | { type: 'broadsheet:settings-saved'; ok: false; message: string };
export type ReaderToolsAnswer = { type: 'broadsheet:reader-tools'; loaded: boolean };
/** The rule sets as JSON (the content script checks them with catalogueFromWire) and the reader's CSS. */
export type ReaderAssetsAnswer = {
  type: 'broadsheet:reader-assets';
  rules: WireCatalogue;
  css: string;
};

export const getSettingsMessage: GetSettingsMessage = { type: 'broadsheet:get-settings' };
export const loadReaderToolsMessage: LoadReaderToolsMessage = {
  type: 'broadsheet:load-reader-tools',
};
export const getReaderAssetsMessage: GetReaderAssetsMessage = {
  type: 'broadsheet:get-reader-assets',
};

export function saveSettingsMessage(patch: SettingsPatch): SaveSettingsMessage {
  return { type: 'broadsheet:save-settings', patch };
}

/** Exactly { type }: these ask for no data, so they may carry none. */
function isBare(value: unknown, type: string): boolean {
  return isRecord(value) && value.type === type && Object.keys(value).length === 1;
}

export function isGetSettingsMessage(value: unknown): value is GetSettingsMessage {
  return isBare(value, 'broadsheet:get-settings');
}

export function isLoadReaderToolsMessage(value: unknown): value is LoadReaderToolsMessage {
  return isBare(value, 'broadsheet:load-reader-tools');
}

export function isGetReaderAssetsMessage(value: unknown): value is GetReaderAssetsMessage {
  return isBare(value, 'broadsheet:get-reader-assets');
}

/** The shape only: the patch's values are validated by saveSettings before anything is stored. */
export function isSaveSettingsMessage(value: unknown): value is SaveSettingsMessage {
  return (
    isRecord(value) &&
    value.type === 'broadsheet:save-settings' &&
    isRecord(value.patch) &&
    Object.keys(value).length === 2
  );
}

/** The background validated the settings; this checks the answer is one (a record with a version). */
export function isSettingsAnswer(value: unknown): value is SettingsAnswer {
  return (
    isRecord(value) &&
    value.type === 'broadsheet:settings' &&
    isRecord(value.settings) &&
    typeof value.settings.schemaVersion === 'number'
  );
}

export function isSaveSettingsAnswer(value: unknown): value is SaveSettingsAnswer {
  if (!isRecord(value) || value.type !== 'broadsheet:settings-saved') return false;
  return value.ok === true || (value.ok === false && typeof value.message === 'string');
}

export function isReaderToolsAnswer(value: unknown): value is ReaderToolsAnswer {
  return (
    isRecord(value) && value.type === 'broadsheet:reader-tools' && typeof value.loaded === 'boolean'
  );
}

/**
 * The answer's outer shape and a non-empty CSS string; `rules` only has to be there: the content script
 * checks it field by field (catalogueFromWire) and, when it is malformed, opens without the shipped rules.
 */
export function isReaderAssetsAnswer(
  value: unknown,
): value is Omit<ReaderAssetsAnswer, 'rules'> & { rules: unknown } {
  return (
    isRecord(value) &&
    value.type === 'broadsheet:reader-assets' &&
    'rules' in value &&
    typeof value.css === 'string' &&
    value.css.length > 0
  );
}
