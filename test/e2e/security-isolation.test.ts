// Isolation from the page, in real browsers: a page script cannot make the extension act, cannot change
// its settings and cannot read the sensitive ones.
//
// The extension's storage is seeded with recognisable settings (sites and a cleanup rule that only the
// user could know) and read back from the extension itself (Chromium: the service worker; Firefox: an
// extension page) before and after each attack:
// - forged messages: window.postMessage with every message shape we use (raw, as JSON, wrapped),
//   CustomEvents and MessageEvents of those names on window, document and the overlay host, and in
//   Chromium chrome.runtime.sendMessage(<our id>, ...) where the page has it at all;
// - the overlay's open shadow root: the page "clicks" every control in it, changes every field and sends
//   the reader's keyboard shortcuts as synthetic events;
// - reading: everything a page script can reach (the document, the open shadow root with its style
//   sheets, attributes, storage and cookies of the page) must not contain the sensitive settings.
import { browserNames } from './support/browsers';
import { launchChromium } from './support/chromium';
import { launchFirefox, firefoxExtensionUuid } from './support/firefox';
import { plainArticle } from './support/fixtures';
import { overlayHostId, readOverlay } from './support/overlay';
import type { ReaderBrowser, TestPage } from './support/reader-browser';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

type ChromiumBrowser = Awaited<ReturnType<typeof launchChromium>>;
type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;
type PuppeteerPage = Awaited<ReturnType<FirefoxBrowser['browser']['newPage']>>;

/** Code run in the extension (service worker or extension page), where `chrome` is the extension API. */
declare const chrome: {
  storage: Record<
    'sync' | 'local' | 'session',
    {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    }
  >;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settings only the user could know: none of these strings may ever be readable by the page. */
const secrets = [
  'secret-always.example',
  'secret-never.example',
  'secret-rule.example',
  'secret-rule-canary',
];

const seededSettings: Record<string, unknown> = {
  'settings.schemaVersion': 3,
  'settings.fontSize': 23,
  'settings.theme': 'sepia',
  'settings.autoMode': 'off',
  'settings.alwaysSites': ['secret-always.example'],
  'settings.neverSites': ['secret-never.example'],
  'settings.userRules': [{ site: 'secret-rule.example', selector: '.secret-rule-canary' }],
};

/** Every message shape the extension uses, with values an attacker would pick. */
function forgedMessages(pageUrl: string): Record<string, unknown>[] {
  return [
    { type: 'broadsheet:toggle-reader' },
    { type: 'broadsheet:query-reader-state' },
    { type: 'broadsheet:reader-state', open: false },
    { type: 'broadsheet:reader-state', open: true },
    { type: 'broadsheet:open-options' },
    { type: 'broadsheet:get-settings' },
    { type: 'broadsheet:save-settings', patch: { fontSize: 32, theme: 'dark' } },
    {
      type: 'broadsheet:save-settings',
      patch: { alwaysSites: ['evil.example'], autoMode: 'all-news' },
    },
    { type: 'broadsheet:load-reader-tools' },
    { type: 'broadsheet:auto-allowed', url: pageUrl },
    { type: 'broadsheet:auto-open', url: pageUrl },
    { type: 'broadsheet:auto-closed', url: pageUrl },
    { type: 'broadsheet:site-choice-query', url: pageUrl },
    { type: 'broadsheet:site-choice', url: pageUrl, choice: 'always' },
    { type: 'broadsheet:site-choice', url: pageUrl, choice: 'never' },
  ];
}

/** Runs in the page: sends every forged message every way a page can. Returns what it could reach. */
async function forgeMessagesInPage(arg: {
  messages: Record<string, unknown>[];
  extensionId: string;
  hostId: string;
}): Promise<string[]> {
  const reached: string[] = [];
  const host = document.getElementById(arg.hostId);
  const targets: EventTarget[] = [window, document, document.documentElement];
  if (host !== null) targets.push(host);
  if (host?.shadowRoot) targets.push(host.shadowRoot);
  for (const message of arg.messages) {
    const type = String(message.type);
    for (const data of [message, JSON.stringify(message), { source: 'broadsheet', message }]) {
      window.postMessage(data, '*');
      window.dispatchEvent(
        new MessageEvent('message', { data, origin: location.origin, source: window }),
      );
    }
    for (const target of targets) {
      for (const name of [type, 'broadsheet', 'message']) {
        target.dispatchEvent(
          new CustomEvent(name, { detail: message, bubbles: true, composed: true }),
        );
      }
    }
  }
  const chromeRuntime = (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
    ?.runtime;
  if (typeof chromeRuntime?.sendMessage === 'function') {
    const send = chromeRuntime.sendMessage as (id: string, message: unknown) => Promise<unknown>;
    for (const message of arg.messages) {
      try {
        await send(arg.extensionId, message);
        reached.push(`chrome.runtime.sendMessage delivered ${String(message.type)}`);
      } catch {
        // Refused by the browser: the page is not allowed to message the extension.
      }
    }
  }
  if ((window as { browser?: unknown }).browser !== undefined)
    reached.push('window.browser exists');
  return reached;
}

/** Runs in the page: uses every control of the open overlay with synthetic events, several rounds. */
async function pokeOverlayInPage(hostId: string): Promise<number> {
  const host = document.getElementById(hostId);
  const root = host?.shadowRoot;
  if (!root) return 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
  let used = 0;
  const keys = ['+', '=', '-', '_', 't', 'T', '?', 'ArrowUp', 'Enter', ' '];
  for (let round = 0; round < 3; round += 1) {
    for (const key of keys) {
      for (const target of [window, document, host, root.activeElement ?? host]) {
        target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
      used += 1;
    }
    for (const element of Array.from(root.querySelectorAll('*'))) {
      // Closing is the page's right anyway; printing and saving open the browser's own dialogs, which
      // would stall the test, and change no setting.
      if (element.matches('.bs-close, .bs-print, .bs-save-html, .bs-speech-play')) continue;
      if (element instanceof HTMLInputElement) {
        if (element.type === 'checkbox' || element.type === 'radio') element.click();
        else if (element.type === 'range' || element.type === 'number') {
          element.value = element.max || '99';
        } else if (element.type === 'color') element.value = '#ff0000';
        else element.value = 'evil.example';
        element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        element.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        used += 1;
      } else if (element instanceof HTMLSelectElement) {
        element.selectedIndex = element.options.length - 1;
        element.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        used += 1;
      } else if (
        element instanceof HTMLButtonElement ||
        element.getAttribute('role') === 'button' ||
        element.getAttribute('role') === 'radio' ||
        element.getAttribute('role') === 'menuitem'
      ) {
        (element as HTMLElement).click();
        used += 1;
      }
    }
    await pause();
  }
  return used;
}

/** Runs in the page: everything a page script can read of the page and the overlay, as one text. */
function readableByPage(hostId: string): string {
  const parts: string[] = [document.documentElement.outerHTML, document.cookie];
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i) ?? '';
      parts.push(key, store.getItem(key) ?? '');
    }
  }
  const host = document.getElementById(hostId);
  const root = host?.shadowRoot;
  if (host) for (const attribute of Array.from(host.attributes)) parts.push(attribute.value);
  if (root) {
    parts.push(root.innerHTML);
    const sheets = [...Array.from(root.styleSheets), ...root.adoptedStyleSheets];
    for (const sheet of sheets) {
      try {
        for (const rule of Array.from(sheet.cssRules)) parts.push(rule.cssText);
      } catch {
        parts.push('(unreadable sheet)');
      }
    }
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) parts.push(attribute.value);
      const value = (element as { value?: unknown }).value;
      if (typeof value === 'string') parts.push(value);
      const style = getComputedStyle(element);
      for (let i = 0; i < style.length; i += 1) {
        const name = style.item(i);
        if (name.startsWith('--')) parts.push(style.getPropertyValue(name));
      }
    }
  }
  parts.push(Object.keys(window).join(' '));
  return parts.join('\n');
}

/** Reads and writes the extension's own storage from inside the extension. */
interface ExtensionStorage {
  read(): Promise<Record<string, unknown>>;
  seed(items: Record<string, unknown>): Promise<void>;
  /** How many tabs are open (a forged "open the options page" would add one). */
  tabCount(): Promise<number>;
  close(): Promise<void>;
}

async function chromiumStorage(browser: ChromiumBrowser): Promise<ExtensionStorage> {
  return {
    read: () =>
      browser.worker.evaluate(async () => ({
        sync: await chrome.storage.sync.get(null),
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
      })),
    seed: (items) =>
      browser.worker.evaluate(async (values) => {
        await chrome.storage.sync.clear();
        await chrome.storage.sync.set(values);
      }, items),
    tabCount: () => Promise.resolve(browser.context.pages().length),
    close: () => Promise.resolve(),
  };
}

/**
 * Firefox 153 does not answer a BiDi navigation to a moz-extension:// page: start it without waiting and
 * poll until the page is there. The page is the options page, kept open to reach the extension API.
 */
async function firefoxStorage(browser: FirefoxBrowser): Promise<ExtensionStorage> {
  const url = `moz-extension://${firefoxExtensionUuid}/options.html`;
  const probe: PuppeteerPage = await browser.browser.newPage();
  void probe.goto(url).catch(() => undefined);
  const deadline = Date.now() + 30_000; // generous: a busy 2-core machine
  for (;;) {
    const state = await probe
      .evaluate(() => `${location.href} ${document.readyState}`)
      .catch(() => '');
    if (state === `${url} complete`) break;
    if (Date.now() > deadline) throw new Error(`Firefox: ${url} did not load (last: "${state}")`);
    await sleep(100);
  }
  return {
    read: () =>
      probe.evaluate(async () => ({
        sync: await chrome.storage.sync.get(null),
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
      })),
    seed: (items) =>
      probe.evaluate(async (values) => {
        await chrome.storage.sync.clear();
        await chrome.storage.sync.set(values);
      }, items),
    tabCount: async () => (await browser.browser.pages()).length,
    close: () => probe.close(),
  };
}

function extensionStorage(browser: ReaderBrowser): Promise<ExtensionStorage> {
  return browser.name === 'chromium'
    ? chromiumStorage(browser as ChromiumBrowser)
    : firefoxStorage(browser as FirefoxBrowser);
}

function overlayOpen(page: TestPage): Promise<boolean> {
  return page.evaluate(
    (hostId: string) => Document.prototype.getElementById.call(document, hostId) !== null,
    overlayHostId,
  );
}

describe.each(browserNames)('%s: the page cannot reach the extension', (browserName) => {
  const session = useBrowserSession(browserName);
  let storage: ExtensionStorage;

  beforeAll(async () => {
    storage = await extensionStorage(session.browser);
  });
  afterAll(async () => {
    await storage?.close().catch(() => undefined);
  });
  beforeEach(async () => {
    await storage.seed(seededSettings);
  });

  it('forged messages and events do nothing: no reader, settings and button unchanged', async () => {
    const { browser } = session;
    const page = await session.open(plainArticle.path);
    const pageUrl = await page.evaluate(() => location.href, undefined);
    const storedBefore = await storage.read();
    const buttonBefore = await browser.actionState(page);
    const tabsBefore = await storage.tabCount();

    const reached = await page.evaluate(forgeMessagesInPage, {
      messages: forgedMessages(pageUrl),
      extensionId: browser.extensionId,
      hostId: overlayHostId,
    });
    await sleep(1_500);

    expect(reached).toEqual([]);
    expect(await overlayOpen(page)).toBe(false);
    expect(await storage.read()).toEqual(storedBefore);
    expect(await browser.actionState(page)).toEqual(buttonBefore);
    expect(await storage.tabCount()).toBe(tabsBefore);
  });

  it('with the reader open, forged messages neither close it nor change settings', async () => {
    const { browser } = session;
    const page = await session.open(plainArticle.path);
    const pageUrl = await page.evaluate(() => location.href, undefined);
    await openReader(browser, page);
    const storedBefore = await storage.read();
    const buttonBefore = await browser.actionState(page);

    const reached = await page.evaluate(forgeMessagesInPage, {
      messages: forgedMessages(pageUrl),
      extensionId: browser.extensionId,
      hostId: overlayHostId,
    });
    await sleep(1_500);

    expect(reached).toEqual([]);
    expect((await readOverlay(page))?.title).toContain(plainArticle.titleStart);
    expect(await storage.read()).toEqual(storedBefore);
    expect(await browser.actionState(page)).toEqual(buttonBefore);
  });

  // The overlay's controls ignore a page script's synthetic events (el.click(), a dispatched change, a
  // KeyboardEvent '+'): src/overlay/overlay.ts stops events whose isTrusted is false in a capture listener
  // on the shadow root, and its window keydown listener skips them. Without that, the page could change
  // the reading settings and put its own site on "never" / "always" (seen in both browsers).
  it("the page's synthetic clicks, field changes and keys in the open overlay change no setting", async () => {
    const { browser } = session;
    const page = await session.open(plainArticle.path);
    await openReader(browser, page);
    const storedBefore = await storage.read();
    const tabsBefore = await storage.tabCount();

    const used = await page.evaluate(pokeOverlayInPage, overlayHostId);
    await sleep(1_000);

    expect(used).toBeGreaterThan(10);
    expect(await storage.read()).toEqual(storedBefore);
    expect(await storage.tabCount()).toBe(tabsBefore);
  });

  it('the page can read none of the sensitive settings, in the page or the open overlay', async () => {
    const { browser } = session;
    const page = await session.open(plainArticle.path);
    const before = await page.evaluate(readableByPage, overlayHostId);
    await openReader(browser, page);
    const readable = await page.evaluate(readableByPage, overlayHostId);

    expect(readable.length).toBeGreaterThan(before.length); // the overlay really is readable
    for (const secret of secrets) {
      expect({ secret, found: readable.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(readable).not.toMatch(/settings\.(alwaysSites|neverSites|userRules|autoMode)/);
  });
});
