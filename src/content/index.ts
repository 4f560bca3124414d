// Content script, injected on demand by the background (toolbar button or shortcut). It may be injected
// into the same page many times: only the first run sets up; later runs find the guard and stop.
import browser, { type Runtime } from 'webextension-polyfill';
import { extract } from '../extraction';
import type { OverlayMessageKey } from '../overlay';
import { isToggleReaderMessage, readerStateMessage } from '../shared/messages';
import { ReaderController } from './reader-controller';

// A symbol in this extension's isolated world: invisible to the page and to other extensions.
const guard = Symbol.for('broadsheet.content-script');
const scope = globalThis as typeof globalThis & { [guard]?: true };

if (!scope[guard]) {
  Object.defineProperty(scope, guard, { value: true });

  const controller = new ReaderController({
    document,
    extract: (doc, url) => extract(doc, { url, window }),
    t: (key: OverlayMessageKey, substitutions?: string[]) =>
      browser.i18n.getMessage(key, substitutions),
    ui: {
      lang: browser.i18n.getUILanguage(),
      dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
    },
    fontUrl: (path) => browser.runtime.getURL(path),
    notifyClosed: () => {
      browser.runtime.sendMessage(readerStateMessage(false)).catch(() => {
        // The background may be restarting; the button resets on the next navigation anyway.
      });
    },
    reportError: (error) => console.error('Broadsheet: extraction failed', error),
  });

  // Back/forward cache: the page comes back with the reader still open, but the button was reset.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && controller.isOpen) {
      browser.runtime.sendMessage(readerStateMessage(true)).catch(() => undefined);
    }
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isToggleReaderMessage(message) || sender.id !== browser.runtime.id) return undefined;
    return Promise.resolve(controller.toggle());
  });
}
