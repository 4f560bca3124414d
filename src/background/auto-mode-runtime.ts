// Automatic mode in the background: keeps the registered content scripts in line with the settings and
// the granted permissions (on install, on browser start, on every settings or permission change), answers
// auto-reader.js, remembers the pages where the user closed an automatically opened reader (session
// storage, per tab), and records the overlay's "always / never open here" choice.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  autoOpenAllowed,
  loadSettings,
  onSettingsChanged,
  saveSettings,
  siteChoice,
  siteChoicePatch,
  type SettingsPatch,
  type SettingsStore,
  type SiteChoice,
} from '../shared/settings';
import {
  isReaderStateMessage,
  isToggleReaderResponse,
  queryReaderStateMessage,
  toggleReaderMessage,
} from '../shared/messages';
import { desiredScripts, planReconcile, type AutoScript } from './auto-mode';
import {
  isAutoModeMessage,
  type AutoModeMessage,
  type SiteChoiceAnswer,
} from '../shared/auto-mode-messages';
import {
  closedPagesKey,
  isPageClosed,
  readClosedPages,
  withClosedPage,
} from '../shared/auto-mode-pages';
import { acceptFromContentScript } from './sender';
import { originsToRelease, siteOrigins } from '../shared/site-permissions';
import { contentScriptFile, injectionRetryDelayMs } from './toggle-reader';

export interface AutoModeDeps {
  showOpen: (tabId: number) => Promise<void>;
}

const store: SettingsStore = {
  area: browser.storage.sync,
  areaName: 'sync',
  onChanged: browser.storage.onChanged,
};

function warn(what: string) {
  return (error: unknown) => console.warn(`Broadsheet: ${what} failed`, error);
}

/** The options page with a prompt to allow one site (permissions can only be asked on a click there). */
export function allowSitePageUrl(host: string): string {
  return browser.runtime.getURL(`options.html#allow=${encodeURIComponent(host)}`);
}

// ---- registered scripts ----------------------------------------------------------------------------

/** Chromium rejects nothing here, but an empty excludeMatches is left out to keep registrations plain. */
function forBrowser(entry: AutoScript) {
  const { excludeMatches, ...rest } = entry;
  return excludeMatches.length > 0 ? { ...rest, excludeMatches } : rest;
}

/**
 * Brings the registered scripts in line. `release` also gives back host permissions the settings no
 * longer need; it is off for permission events, because the options page asks for a site's permission
 * a moment before it saves the site (releasing then would undo the user's grant).
 */
async function reconcile(release: boolean): Promise<void> {
  const { settings, storageError } = await loadSettings(store.area);
  if (storageError) return; // unreadable settings are no reason to unregister what the user set up
  let granted = (await browser.permissions.getAll()).origins ?? [];
  if (release) {
    const unneeded = originsToRelease(settings, granted);
    if (unneeded.length > 0) {
      const removed = await browser.permissions
        .remove({ origins: unneeded })
        .catch((error: unknown) => {
          warn('giving back unneeded site permissions')(error);
          return false;
        });
      if (removed) granted = granted.filter((origin) => !unneeded.includes(origin));
    }
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const plan = planReconcile(registered, desiredScripts(settings, granted));
  if (plan.unregister.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  }
  if (plan.register.length > 0) {
    await browser.scripting.registerContentScripts(plan.register.map(forBrowser));
  }
}

// One reconciliation at a time, in order: events can arrive in bursts (a save touches several keys).
let queue: Promise<void> = Promise.resolve();
export function scheduleReconcile(release: boolean): Promise<void> {
  queue = queue.then(() => reconcile(release)).catch(warn('updating automatic mode'));
  return queue;
}

// ---- pages where the user closed the reader --------------------------------------------------------

// Reads and writes run one after another, so a close reported just before a reload is stored before the
// reloaded page asks whether it may open.
let sessionQueue: Promise<unknown> = Promise.resolve();
function inOrder<T>(task: () => Promise<T>): Promise<T> {
  const run = sessionQueue.then(task, task);
  sessionQueue = run.catch(() => undefined);
  return run;
}

function closedPages(tabId: number): Promise<string[]> {
  return inOrder(async () => {
    const key = closedPagesKey(tabId);
    const stored = await browser.storage.session.get(key);
    return readClosedPages(stored[key]);
  });
}

function rememberClosed(tabId: number, url: string): Promise<void> {
  return inOrder(async () => {
    const key = closedPagesKey(tabId);
    const stored = await browser.storage.session.get(key);
    await browser.storage.session.set({ [key]: withClosedPage(readClosedPages(stored[key]), url) });
  });
}

// ---- answers to the content scripts ----------------------------------------------------------------

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

async function mayOpen(tabId: number, url: string): Promise<boolean> {
  const host = hostOf(url);
  if (host === null) return false;
  const { settings } = await loadSettings(store.area);
  if (!autoOpenAllowed(settings, host)) return false;
  return !isPageClosed(await closedPages(tabId), url);
}

/** Opens the reader in the tab with the toolbar's own content script; an open reader is left open. */
async function openReader(tabId: number, deps: AutoModeDeps): Promise<boolean> {
  const injection = { target: { tabId }, files: [contentScriptFile] };
  await browser.scripting.executeScript(injection).catch(async () => {
    await new Promise((resolve) => setTimeout(resolve, injectionRetryDelayMs));
    await browser.scripting.executeScript(injection);
  });
  const state: unknown = await browser.tabs.sendMessage(tabId, queryReaderStateMessage);
  if (isReaderStateMessage(state) && state.open) return true;
  const response: unknown = await browser.tabs.sendMessage(tabId, toggleReaderMessage);
  const opened =
    isToggleReaderResponse(response) && response.type === 'broadsheet:toggled' && response.open;
  if (opened) await deps.showOpen(tabId);
  return opened;
}

async function siteChoiceAnswer(host: string, choice: SiteChoice): Promise<SiteChoiceAnswer> {
  const needsPermission =
    choice === 'always' && !(await browser.permissions.contains({ origins: siteOrigins(host) }));
  return { type: 'broadsheet:site-choice-state', choice, needsPermission };
}

/** Saves the overlay's choice; "always" also turns automatic mode on for chosen sites when it was off. */
async function chooseForSite(host: string, choice: SiteChoice): Promise<SiteChoiceAnswer> {
  const { settings } = await loadSettings(store.area);
  const patch: SettingsPatch | null = siteChoicePatch(settings, host, choice);
  if (patch === null) throw new Error(`Not a site: ${host}`);
  if (choice === 'always' && settings.autoMode === 'off') patch.autoMode = 'sites';
  const saved = await saveSettings(store.area, patch);
  if (!saved.ok) throw new Error(saved.message);
  const answer = await siteChoiceAnswer(host, siteChoice(saved.settings, host));
  // Content scripts cannot ask for permissions and a message carries no user gesture: the options
  // page opens on the site's "allow" prompt, where the user's click can ask.
  if (answer.needsPermission) await browser.tabs.create({ url: allowSitePageUrl(host) });
  return answer;
}

async function handle(
  message: AutoModeMessage,
  tabId: number,
  deps: AutoModeDeps,
): Promise<unknown> {
  switch (message.type) {
    case 'broadsheet:auto-allowed':
      return { ok: await mayOpen(tabId, message.url) };
    case 'broadsheet:auto-open':
      return { ok: (await mayOpen(tabId, message.url)) && (await openReader(tabId, deps)) };
    case 'broadsheet:auto-closed':
      await rememberClosed(tabId, message.url);
      return { ok: true };
    case 'broadsheet:site-choice-query': {
      const host = hostOf(message.url);
      if (host === null) return null;
      const { settings } = await loadSettings(store.area);
      return siteChoiceAnswer(host, siteChoice(settings, host));
    }
    case 'broadsheet:site-choice': {
      const host = hostOf(message.url);
      return host === null ? null : chooseForSite(host, message.choice);
    }
  }
}

export function startAutoMode(deps: AutoModeDeps): void {
  browser.runtime.onInstalled.addListener(() => void scheduleReconcile(true));
  browser.runtime.onStartup.addListener(() => void scheduleReconcile(true));
  onSettingsChanged(store, () => void scheduleReconcile(true));
  browser.permissions.onAdded.addListener(() => void scheduleReconcile(false));
  browser.permissions.onRemoved.addListener(() => void scheduleReconcile(false));
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(closedPagesKey(tabId)).catch(warn('forgetting a closed tab'));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const accepted = acceptFromContentScript(
      message,
      sender,
      browser.runtime.id,
      isAutoModeMessage,
    );
    if (accepted === null) return undefined;
    return handle(accepted.message, accepted.tabId, deps).catch((error: unknown) => {
      warn(`automatic mode (${accepted.message.type})`)(error);
      return null;
    });
  });
}
