// Typed messages between the background and the content script. Both sides import this one module, and
// every received message goes through a guard here first: the guards check the whole shape, so a message
// from an older build or from somewhere unexpected is ignored instead of half-understood.

/** Why the reader cannot run in a tab; each reason has its own localized explanation. */
export type BlockedReason = 'browser-page' | 'web-store' | 'pdf' | 'file-access' | 'failed';

const blockedReasons: readonly BlockedReason[] = [
  'browser-page',
  'web-store',
  'pdf',
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
