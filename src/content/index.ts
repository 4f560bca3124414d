// Content script, injected on demand by the background (toolbar button or shortcut). It may be injected
// into the same page many times: only the first run sets up; later runs find the guard and stop.
import browser, { type Runtime } from 'webextension-polyfill';
import { extractWithRules } from '../extraction';
import type { OverlayMessageKey } from '../overlay/i18n';
import {
  isQueryReaderStateMessage,
  isToggleReaderMessage,
  openOptionsMessage,
  readerStateMessage,
} from '../shared/messages';
import {
  backgroundAssets,
  backgroundPanels,
  backgroundSettings,
  loadingAhead,
} from './background-client';
import { extractionBudgetMs, noShippedRules, ReaderController } from './reader-controller';
import { siteChoiceClient } from './site-choice-client';

// A symbol in this extension's isolated world: invisible to the page and to other extensions.
const guard = Symbol.for('broadsheet.content-script');
const scope = globalThis as typeof globalThis & { [guard]?: true };

if (!scope[guard]) {
  Object.defineProperty(scope, guard, { value: true });

  // Tells the background (the button's state); if it cannot be reached, the next navigation resets it.
  const announce = (open: boolean) => {
    browser.runtime.sendMessage(readerStateMessage(open)).catch(() => undefined);
  };

  // Both asked for now, in parallel, while the toolbar's toggle is on its way.
  const settings = loadingAhead(backgroundSettings(browser));
  const assets = backgroundAssets(browser);
  const controller = new ReaderController({
    document,
    // The page's shipped rules come from the background (assets): content.js does not bundle them.
    extract: (doc, url, userRules, rules) =>
      extractWithRules(doc, rules ?? noShippedRules, {
        url,
        userRules,
        window,
        timeBudgetMs: extractionBudgetMs,
        firstScreenFirst: true,
      }),
    t: (key: OverlayMessageKey, substitutions?: string[]) =>
      browser.i18n.getMessage(key, substitutions),
    ui: {
      lang: browser.i18n.getUILanguage(),
      dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
    },
    fontUrl: (path) => browser.runtime.getURL(path),
    notifyClosed: () => announce(false),
    reportError: (error) => console.error('Broadsheet: extraction failed', error),
    warn: (message) => console.warn(message),
    siteChoice: siteChoiceClient(document.URL, browser),
    settings,
    assets,
    panels: backgroundPanels(browser),
    openOptions: () => {
      browser.runtime.sendMessage(openOptionsMessage).catch((error: unknown) => {
        console.error('Broadsheet: could not open the options page', error);
      });
    },
  });

  // Leaving the page (a new document, a reload, or the back/forward cache): the button goes back to
  // plain, and a state query racing the navigation gets the same answer. If the page comes back from the
  // cache with the reader still open, the button says so again.
  let leaving = false;
  window.addEventListener('pagehide', () => {
    leaving = true;
    if (controller.isOpen) announce(false);
  });
  window.addEventListener('pageshow', (event) => {
    leaving = false;
    if (event.persisted && controller.isOpen) announce(true);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isToggleReaderMessage(message)) return controller.toggle();
    if (isQueryReaderStateMessage(message)) {
      return Promise.resolve(readerStateMessage(controller.isOpen && !leaving));
    }
    return undefined;
  });
}
