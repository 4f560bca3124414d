// The options page in either browser for the e2e tests: open it (Firefox 153 does not answer BiDi
// navigations of moz-extension pages, so those are started and polled), find the tab the reader opened, real
// clicks, selections and file choices, plus self-contained helpers that run in the page (storage, text, axe).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import type { launchChromium } from './support/chromium';
import type { launchFirefox } from './support/firefox';
import { repoRoot } from './support/paths';
import type { BrowserName, ReaderBrowser } from './support/reader-browser';
import { makeTempDir } from './support/temp-dir';

type ChromiumBrowser = Awaited<ReturnType<typeof launchChromium>>;
type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const waitMs = 15_000;

/** The options page in either browser: real clicks, selections and file choices, plus page scripts. */
export interface OptionsPage {
  readonly url: string;
  click(selector: string): Promise<void>;
  /** Picks an option with the keyboard (trusted events, as a user's choice): focus, then arrow keys. */
  select(selector: string, value: string): Promise<void>;
  /** A real key press to the focused element. */
  press(key: string): Promise<void>;
  chooseFile(selector: string, name: string, content: string): Promise<void>;
  /** Clicks something that downloads a file; resolves to the saved file's name and text. */
  download(selector: string): Promise<{ name: string; text: string }>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs script source in the page through the driver (not bound by the page's CSP, unlike eval). */
  run(source: string): Promise<void>;
  /** Reloads and waits until the settings are shown again. */
  reload(): Promise<void>;
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** What the tests need of the browser beyond a TestPage: extension tabs. */
export interface OptionsDriver {
  openOptions(): Promise<OptionsPage>;
  /** URLs of every open tab. */
  tabUrls(): Promise<string[]>;
  /** The open tab at this URL as an options page. */
  adopt(url: string): Promise<OptionsPage>;
  /** Removes what the driver made (temporary files). */
  dispose(): void;
}

export async function poll<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean) {
  const deadline = Date.now() + waitMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/** In the page: the settings are loaded and every section is in place. */
function optionsReady(): boolean {
  return (
    document.readyState === 'complete' &&
    document.querySelector('.reading .bs-font-size-value') !== null &&
    document.getElementById('opt-speech-voice') !== null &&
    !(window as unknown as { beforeReload?: boolean }).beforeReload
  );
}

export async function waitForOptions(page: Pick<OptionsPage, 'evaluate'>): Promise<void> {
  await poll(
    'the options page to show the settings',
    () => page.evaluate(optionsReady, null).catch(() => false),
    (ready) => ready,
  );
}

async function reloadAndWait(page: OptionsPage): Promise<void> {
  // A plain location.reload(): Firefox 153 does not answer BiDi navigations of moz-extension pages.
  await page.evaluate(() => {
    (window as unknown as { beforeReload?: boolean }).beforeReload = true;
    setTimeout(() => location.reload(), 0);
  }, null);
  await waitForOptions(page);
}

function chromiumDriver(browser: ChromiumBrowser): OptionsDriver {
  const wrap = (page: PlaywrightPage): OptionsPage => {
    const options: OptionsPage = {
      url: page.url(),
      click: (selector) => page.locator(selector).click(),
      select: (selector, value) => selectByKeyboard(options, selector, value),
      press: (key) => page.keyboard.press(key),
      chooseFile: (selector, name, content) =>
        page.locator(selector).setInputFiles({
          name,
          mimeType: 'application/json',
          buffer: Buffer.from(content),
        }),
      async download(selector) {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(selector).click(),
        ]);
        return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
      },
      evaluate: (fn, arg) => page.evaluate(fn as (value: unknown) => never, arg as unknown),
      run: async (source) => {
        await page.evaluate(source);
      },
      reload: () => reloadAndWait(options),
      emulateColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
      screenshot: async (path) => {
        await page.screenshot({ path, fullPage: true });
      },
      close: () => page.close(),
    };
    return options;
  };
  return {
    async openOptions() {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const options = wrap(page);
      await waitForOptions(options);
      return options;
    },
    async tabUrls() {
      return browser.context.pages().map((page) => page.url());
    },
    async adopt(url) {
      const page = browser.context.pages().find((candidate) => candidate.url() === url);
      if (!page) throw new Error(`no tab at ${url}`);
      const options = wrap(page);
      await waitForOptions(options);
      return options;
    },
    dispose() {},
  };
}

function firefoxDriver(readerBrowser: FirefoxBrowser): OptionsDriver {
  const browser: PuppeteerBrowser = readerBrowser.browser;
  const baseUrl = `moz-extension://${readerBrowser.extensionId}/`;
  const temp = makeTempDir('options-files');
  const wrap = (page: PuppeteerPage, url: string): OptionsPage => {
    const options: OptionsPage = {
      url,
      async click(selector) {
        await page.bringToFront();
        await page.locator(selector).setTimeout(waitMs).click();
      },
      async select(selector, value) {
        await page.bringToFront();
        await page.waitForSelector(selector, { timeout: waitMs });
        await selectByKeyboard(options, selector, value);
      },
      press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
      async chooseFile(selector, name, content) {
        const path = join(temp.path, name);
        writeFileSync(path, content);
        const input = await page.waitForSelector(selector, { timeout: waitMs });
        if (!input) throw new Error(`no ${selector}`);
        await (input as unknown as { uploadFile(file: string): Promise<void> }).uploadFile(path);
      },
      async download(selector) {
        // Downloads go to a fresh folder without asking; the new file there is the download.
        const folder = makeTempDir('options-download');
        try {
          await readerBrowser.evaluateInChrome(
            [
              `Services.prefs.setIntPref('browser.download.folderList', 2);`,
              `Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(folder.path)});`,
              `Services.prefs.setBoolPref('browser.download.useDownloadDir', true);`,
              `Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);`,
            ].join('\n'),
          );
          await options.click(selector);
          const [name] = await poll(
            `a download in ${folder.path}`,
            async () => readdirSync(folder.path).filter((file) => !file.endsWith('.part')),
            (files) => files.length === 1,
          );
          const path = join(folder.path, name as string);
          const text = await poll(
            `${path} to be complete`,
            async () => readFileSync(path, 'utf8'),
            (content) => content.trim().endsWith('}'),
          );
          return { name: name as string, text };
        } finally {
          folder.remove();
        }
      },
      evaluate: (fn, arg) => page.evaluate(fn as (value: unknown) => never, arg as unknown),
      run: async (source) => {
        await page.evaluate(source);
      },
      reload: () => reloadAndWait(options),
      async emulateColorScheme(scheme) {
        await readerBrowser.evaluateInChrome(
          `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
        );
        await poll(
          `prefers-color-scheme: ${scheme}`,
          () => page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme),
          (matches) => matches,
        );
      },
      async screenshot(path) {
        await page.screenshot({ path: path as `${string}.png`, fullPage: true });
      },
      close: () => page.close(),
    };
    return options;
  };
  const urlOf = (page: PuppeteerPage) => page.evaluate(() => location.href).catch(() => page.url());
  return {
    async openOptions() {
      const url = `${baseUrl}options.html`;
      const page = await browser.newPage();
      await page.bringToFront();
      // Firefox 153 does not answer a BiDi navigation to a moz-extension:// page: start it and poll.
      void page.goto(url).catch(() => undefined);
      const options = wrap(page, url);
      await poll(
        `${url} to load`,
        () => urlOf(page),
        (href) => href === url,
      );
      await waitForOptions(options);
      return options;
    },
    async tabUrls() {
      return Promise.all((await browser.pages()).map(urlOf));
    },
    async adopt(url) {
      for (const page of await browser.pages()) {
        if ((await urlOf(page)) !== url) continue;
        const options = wrap(page, url);
        await waitForOptions(options);
        return options;
      }
      throw new Error(`no tab at ${url}`);
    },
    dispose: () => temp.remove(),
  };
}

/**
 * In the page: focuses a <select> (in the document, or in the reader's shadow root when hostId is given)
 * and returns how many arrow-key steps reach `value` (positive: down).
 */
export function focusSelect({
  selector,
  value,
  hostId,
}: {
  selector: string;
  value: string;
  hostId: string | null;
}): number {
  const scope = hostId ? document.getElementById(hostId)?.shadowRoot : document;
  const select = scope?.querySelector<HTMLSelectElement>(selector);
  if (!select) throw new Error(`no ${selector}`);
  const target = Array.from(select.options).findIndex((option) => option.value === value);
  if (target < 0) throw new Error(`${selector} has no option ${JSON.stringify(value)}`);
  select.focus();
  return target - select.selectedIndex;
}

/** In the page: focuses a range input and returns how many arrow-key steps reach `value` (positive: up). */
export function focusRange({
  selector,
  value,
  hostId,
}: {
  selector: string;
  value: number;
  hostId: string | null;
}): number {
  const scope = hostId ? document.getElementById(hostId)?.shadowRoot : document;
  const range = scope?.querySelector<HTMLInputElement>(selector);
  if (!range) throw new Error(`no ${selector}`);
  range.focus();
  return Math.round((value - Number(range.value)) / Number(range.step || 1));
}

/** Arrow keys from the current position: |steps| presses down (or right) when positive, up (left) when not. */
export async function pressSteps(
  press: (key: string) => Promise<void>,
  steps: number,
  keys: { forward: string; back: string },
): Promise<void> {
  for (let i = 0; i < Math.abs(steps); i++) await press(steps > 0 ? keys.forward : keys.back);
}

async function selectByKeyboard(page: OptionsPage, selector: string, value: string): Promise<void> {
  const steps = await page.evaluate(focusSelect, { selector, value, hostId: null });
  await pressSteps((key) => page.press(key), steps, { forward: 'ArrowDown', back: 'ArrowUp' });
  const chosen = await page.evaluate(valueOf, selector);
  if (chosen !== value)
    throw new Error(
      `${selector} is ${JSON.stringify(chosen)} after the keys, not ${JSON.stringify(value)}`,
    );
}

export function driverFor(name: BrowserName, browser: ReaderBrowser): OptionsDriver {
  return name === 'chromium'
    ? chromiumDriver(browser as ChromiumBrowser)
    : firefoxDriver(browser as FirefoxBrowser);
}

// ---- In-page helpers (self-contained: they are serialised into the page) ----------------------------

type StorageApi = { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };

export function storedSettings(): Promise<Record<string, unknown>> {
  const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
  return (scope.browser ?? scope.chrome).storage.sync.get(null);
}

export function textOf(selector: string): string {
  return document.querySelector(selector)?.textContent?.trim() ?? '';
}

export function valueOf(selector: string): string {
  return (
    (document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''
  );
}

export async function waitForStored(page: OptionsPage, key: string, value: unknown): Promise<void> {
  await poll(
    `storage.sync ${key} = ${JSON.stringify(value)}`,
    () => page.evaluate(storedSettings, null).then((items) => items[key]),
    (stored) => isDeepStrictEqual(stored, value),
  );
}

export async function waitForText(
  page: OptionsPage,
  selector: string,
  pattern: RegExp,
): Promise<string> {
  return poll(
    `${selector} to match ${pattern}`,
    () => page.evaluate(textOf, selector),
    (text) => pattern.test(text),
  );
}

export async function axeViolations(page: OptionsPage): Promise<string[]> {
  // Run by the driver, axe-core is not bound by the page's CSP (script-src 'self'), unlike a <script>.
  await page.run(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document);
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => JSON.stringify(node.target))
          .join(', ')})`,
    );
  }, null);
}

type WritableStorageApi = {
  storage: { sync: { clear(): Promise<void>; set(items: Record<string, unknown>): Promise<void> } };
};

/** In an extension page: empties storage.sync. */
export function clearStoredSettings(): Promise<void> {
  const scope = globalThis as unknown as {
    browser?: WritableStorageApi;
    chrome: WritableStorageApi;
  };
  return (scope.browser ?? scope.chrome).storage.sync.clear();
}

/** In an extension page: writes raw items to storage.sync (e.g. a corrupt value). */
export function storeItems(items: Record<string, unknown>): Promise<void> {
  const scope = globalThis as unknown as {
    browser?: WritableStorageApi;
    chrome: WritableStorageApi;
  };
  return (scope.browser ?? scope.chrome).storage.sync.set(items);
}

export interface OptionsPages {
  readonly driver: OptionsDriver;
  /** A new options tab, closed after the test. */
  open(): Promise<OptionsPage>;
  /** Closes this page after the test (e.g. a tab the reader opened). */
  track(page: OptionsPage): OptionsPage;
}

/**
 * Jest hooks for a describe block that already has a browser session: options pages opened through this
 * are closed after each test, and storage.sync is cleared then, so each test starts from the defaults.
 */
export function useOptionsPages(name: BrowserName, browser: () => ReaderBrowser): OptionsPages {
  const opened: OptionsPage[] = [];
  let driver: OptionsDriver | undefined;
  const current = () => (driver ??= driverFor(name, browser()));
  afterEach(async () => {
    const last = opened.at(-1);
    if (last) await last.evaluate(clearStoredSettings, null).catch(() => undefined);
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(() => driver?.dispose());
  return {
    get driver() {
      return current();
    },
    async open() {
      const page = await current().openOptions();
      opened.push(page);
      return page;
    },
    track(page) {
      opened.push(page);
      return page;
    },
  };
}
