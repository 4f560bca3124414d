// Background entry: wires the browser's events to the toggle logic and the per-tab button state.
import browser, { type Runtime } from 'webextension-polyfill';
import { isOpenOptionsMessage, isReaderStateMessage } from '../shared/messages';
import { ActionState } from './action-state';
import { startAutoMode } from './auto-mode-runtime';
import { refreshAfterNavigation } from './navigation';
import { answerReaderRequest } from './reader-services';
import { acceptFromContentScript } from './sender';
import { toggleReaderInTab, type ToggleDeps } from './toggle-reader';

const actionState = new ActionState(browser.action, (key) => browser.i18n.getMessage(key));

const deps: ToggleDeps = {
  executeScript: (injection) => browser.scripting.executeScript(injection),
  sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  showBlocked: (tabId, reason) => actionState.showBlocked(tabId, reason),
  showOpen: (tabId) => actionState.showOpen(tabId),
  showIdle: (tabId) => actionState.showIdle(tabId),
};

startAutoMode({ showOpen: (tabId) => actionState.showOpen(tabId) });

function logFailure(what: string) {
  return (error: unknown) => console.warn(`Broadsheet: ${what} failed`, error);
}

/** A button update for a tab that has closed meanwhile ("No tab with id") is expected: nothing to do. */
function ignoreClosedTab(): void {}

browser.action.onClicked.addListener((tab) => {
  toggleReaderInTab(tab, deps).catch(logFailure('toggling the reader'));
});

// The content script reports every open/close, including closes by Escape or its own close button.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const accepted = acceptFromContentScript(
    message,
    sender,
    browser.runtime.id,
    isReaderStateMessage,
  );
  if (accepted === null) return undefined;
  const { tabId } = accepted;
  const update = accepted.message.open ? actionState.showOpen(tabId) : actionState.showIdle(tabId);
  update.catch(ignoreClosedTab);
  return undefined;
});

// The reader's "All settings" button: only our own content script in a tab's top frame may open the page.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (acceptFromContentScript(message, sender, browser.runtime.id, isOpenOptionsMessage) === null) {
    return undefined;
  }
  return browser.runtime.openOptionsPage().then(
    () => true,
    (error: unknown) => {
      logFailure('opening the options page')(error);
      return false;
    },
  );
});

// The reader's settings (read and saved here, where storage and validation live) and its panels' bundle.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  answerReaderRequest(message, sender, {
    ownId: browser.runtime.id,
    area: browser.storage.sync,
    executeScript: (injection) => browser.scripting.executeScript(injection),
  }),
);

// The tab navigated: a "can't open here" notice belonged to the old page, and the reader is open only if
// the navigation stayed in the same document.
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) {
    refreshAfterNavigation(tabId, deps).catch(ignoreClosedTab);
  }
});
