// Who may tell the background to do something, and in what words. Every runtime message the background
// acts on passes acceptFromContentScript first: it must come from this extension's own content script in
// a tab's top frame, be exactly one of the known message shapes (no extra fields, no oversized strings),
// and speak only about the page it was sent from. Anything else is ignored without an answer.
import type { Runtime } from 'webextension-polyfill';

/** The parts of a runtime.MessageSender the checks read. */
export type MessageSenderLike = Pick<Runtime.MessageSender, 'id' | 'tab' | 'frameId' | 'url'>;

/**
 * The messages the background acts on, each with every field it may carry. A field not listed here
 * makes the message unknown: a newer or a forged sender cannot smuggle data past the shape guards.
 */
export const backgroundMessageFields: Readonly<Record<string, readonly string[]>> = {
  'broadsheet:reader-state': ['type', 'open'],
  'broadsheet:open-options': ['type'],
  'broadsheet:auto-allowed': ['type', 'url'],
  'broadsheet:auto-open': ['type', 'url'],
  'broadsheet:auto-closed': ['type', 'url'],
  'broadsheet:site-choice-query': ['type', 'url'],
  'broadsheet:site-choice': ['type', 'url', 'choice'],
  'broadsheet:get-settings': ['type'],
  'broadsheet:save-settings': ['type', 'patch'],
  'broadsheet:load-reader-tools': ['type'],
  'broadsheet:get-reader-assets': ['type'],
};

/**
 * The longest string a message may carry (a page address, in practice). Far above real addresses, far
 * below what would hurt when stored (automatic mode keeps the addresses of closed pages).
 */
export const maxMessageStringLength = 16 * 1024;

/**
 * The largest message as JSON (a settings patch is the only nested one; storage.sync allows 8 KiB a
 * key). A cyclic message (Firefox clones them faithfully) cannot be measured and is refused too.
 */
export const maxMessageJsonLength = 64 * 1024;

export function isFromOwnContentScript(sender: MessageSenderLike, ownId: string): boolean {
  return sender.id === ownId && typeof sender.tab?.id === 'number' && sender.frameId === 0;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Exactly the fields its type allows, every string within the limit, the whole within its limit. */
function hasKnownFields(message: Record<string, unknown>): boolean {
  const allowed =
    typeof message.type === 'string' ? backgroundMessageFields[message.type] : undefined;
  if (allowed === undefined) return false;
  const fieldsFit = Object.entries(message).every(
    ([key, value]) =>
      allowed.includes(key) &&
      (typeof value !== 'string' || value.length <= maxMessageStringLength),
  );
  return fieldsFit && jsonLength(message) <= maxMessageJsonLength;
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

function originOf(address: string | undefined): string | null {
  if (address === undefined) return null;
  try {
    const origin = new URL(address).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** A message naming a page must name one on the sender's own site (the browser knows the sender's URL). */
function speaksForItsOwnPage(message: Record<string, unknown>, sender: MessageSenderLike): boolean {
  if (!('url' in message)) return true;
  const claimed = originOf(typeof message.url === 'string' ? message.url : undefined);
  return claimed !== null && claimed === originOf(sender.url);
}

export interface AcceptedMessage<T> {
  readonly message: T;
  /** The tab of the content script that sent it: the only tab the message may act on. */
  readonly tabId: number;
}

/**
 * The message and its tab when the background should act on it, else null. `guard` is the message's
 * shape check from src/shared (field types and values); this adds sender, exact fields, size and page.
 */
export function acceptFromContentScript<T>(
  message: unknown,
  sender: MessageSenderLike,
  ownId: string,
  guard: (value: unknown) => value is T,
): AcceptedMessage<T> | null {
  if (!isFromOwnContentScript(sender, ownId)) return null;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  if (!isPlainRecord(message) || !hasKnownFields(message)) return null;
  if (!guard(message) || !speaksForItsOwnPage(message, sender)) return null;
  return { message, tabId };
}
