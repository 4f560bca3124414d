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

/** How long to wait before the one retry of a refused injection. */
export const injectionRetryDelayMs = 150;

/**
 * Injects the content script. Chromium now and then refuses the very first injection after a click with
 * a host-permission error although activeTab was granted by that click; one retry a moment later
 * succeeds. A page that really is off limits fails the retry the same way.
 */
async function injectContentScript(tabId: number, deps: ToggleDeps): Promise<void> {
  const injection = { target: { tabId }, files: [contentScriptFile] };
  try {
    await deps.executeScript(injection);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, injectionRetryDelayMs));
    await deps.executeScript(injection);
  }
}

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
    await injectContentScript(tabId, deps);
  } catch (error) {
    // The browser refused (file:// without access, the PDF viewer, a store it protects, a crashed tab).
    console.warn('Broadsheet: the browser refused to run the reader in this tab', error);
    return blocked(reasonForRejectedInjection(tab.url, error));
  }

  let response: unknown;
  try {
    response = await deps.sendMessage(tabId, toggleReaderMessage);
  } catch (error) {
    console.warn('Broadsheet: the reader did not answer', error);
    return blocked('failed');
  }
  if (!isToggleReaderResponse(response)) {
    console.warn('Broadsheet: the reader gave an unexpected answer', response);
    return blocked('failed');
  }
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
