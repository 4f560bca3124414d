// The toolbar button (and its keyboard shortcut, the manifest's _execute_action command, which fires the
// same click event): inject the content script into the tab on demand (activeTab + scripting, no host
// permission) and ask it to toggle the reader.
import type { Scripting, Tabs } from 'webextension-polyfill';
import {
  isToggleReaderResponse,
  toggleReaderMessage,
  type BlockedReason,
  type ToggleReaderResponse,
} from '../shared/messages';
import { reasonForRejectedInjection, restrictionFor } from './restricted-pages';

export interface ToggleDeps {
  executeScript: (injection: Scripting.ScriptInjection) => Promise<unknown>;
  sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  showBlocked: (tabId: number, reason: BlockedReason) => Promise<void>;
  showOpen: (tabId: number) => Promise<void>;
  showIdle: (tabId: number) => Promise<void>;
}

/** The bundled content script; injecting it twice is harmless (it guards itself). */
export const contentScriptFile = 'content.js';

/** What happened, for logs and tests. */
export type ToggleOutcome =
  | { kind: 'opened' }
  | { kind: 'closed' }
  | { kind: 'blocked'; reason: BlockedReason }
  | { kind: 'no-tab' };

export async function toggleReaderInTab(
  tab: Pick<Tabs.Tab, 'id' | 'url'>,
  deps: ToggleDeps,
): Promise<ToggleOutcome> {
  const tabId = tab.id;
  if (tabId === undefined || tabId < 0) return { kind: 'no-tab' };

  const blocked = async (reason: BlockedReason): Promise<ToggleOutcome> => {
    await deps.showBlocked(tabId, reason);
    return { kind: 'blocked', reason };
  };

  const known = restrictionFor(tab.url);
  if (known) return blocked(known);

  try {
    await deps.executeScript({ target: { tabId }, files: [contentScriptFile] });
  } catch (error) {
    // The browser refused (file:// without access, the PDF viewer, a store it protects, a crashed tab).
    return blocked(reasonForRejectedInjection(tab.url, error));
  }

  let response: unknown;
  try {
    response = await deps.sendMessage(tabId, toggleReaderMessage);
  } catch {
    return blocked('failed');
  }
  if (!isToggleReaderResponse(response)) return blocked('failed');
  return applyResponse(tabId, response, deps, blocked);
}

async function applyResponse(
  tabId: number,
  response: ToggleReaderResponse,
  deps: ToggleDeps,
  blocked: (reason: BlockedReason) => Promise<ToggleOutcome>,
): Promise<ToggleOutcome> {
  if (response.type === 'broadsheet:unsupported') return blocked(response.reason);
  if (response.open) {
    await deps.showOpen(tabId);
    return { kind: 'opened' };
  }
  await deps.showIdle(tabId);
  return { kind: 'closed' };
}
