// The options page in both browsers with the built extension: the reader's "All settings" button opens it
// in a new tab; a changed setting is saved to storage.sync and shown again after a reload; a bad settings
// file gets a clear message and changes nothing; the read-aloud voice list shows the browser's real voices
// or says plainly that only the default voice exists (and, with a stubbed voice list, a chosen voice is
// saved, and kept and named when this browser lacks it); axe-core finds nothing in light or dark mode.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import { browserNames } from './support/browsers';
import type { launchChromium } from './support/chromium';
import type { launchFirefox } from './support/firefox';
import { plainArticle } from './support/fixtures';
import { waitForOverlaySettled } from './support/overlay';
import { repoRoot, resultsDir } from './support/paths';
import { openReader } from './support/reader';
import type { BrowserName, ReaderBrowser } from './support/reader-browser';
import { useBrowserSession } from './support/session';
import { makeTempDir } from './support/temp-dir';

type ChromiumBrowser = Awaited<ReturnType<typeof launchChromium>>;
type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const screenshotsDir = join(resultsDir, 'screenshots');
const waitMs = 15_000;

/** The options page in either browser: real clicks, selections and file choices, plus page scripts. */
interface OptionsPage {
  readonly url: string;
  click(selector: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  chooseFile(selector: string, name: string, content: string): Promise<void>;
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
interface OptionsDriver {
  openOptions(): Promise<OptionsPage>;
  /** URLs of every open tab. */
  tabUrls(): Promise<string[]>;
  /** The open tab at this URL as an options page. */
  adopt(url: string): Promise<OptionsPage>;
  /** Removes what the driver made (temporary files). */
  dispose(): void;
}

async function poll<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean) {
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

async function waitForOptions(page: Pick<OptionsPage, 'evaluate'>): Promise<void> {
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
      select: async (selector, value) => {
        await page.locator(selector).selectOption(value);
      },
      chooseFile: (selector, name, content) =>
        page.locator(selector).setInputFiles({
          name,
          mimeType: 'application/json',
          buffer: Buffer.from(content),
        }),
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
        await page.waitForSelector(selector, { timeout: waitMs });
        await page.select(selector, value);
      },
      async chooseFile(selector, name, content) {
        const path = join(temp.path, name);
        writeFileSync(path, content);
        const input = await page.waitForSelector(selector, { timeout: waitMs });
        if (!input) throw new Error(`no ${selector}`);
        await (input as unknown as { uploadFile(file: string): Promise<void> }).uploadFile(path);
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

function driverFor(name: BrowserName, browser: ReaderBrowser): OptionsDriver {
  return name === 'chromium'
    ? chromiumDriver(browser as ChromiumBrowser)
    : firefoxDriver(browser as FirefoxBrowser);
}

// ---- In-page helpers (self-contained: they are serialised into the page) ----------------------------

type StorageApi = { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };

function storedSettings(): Promise<Record<string, unknown>> {
  const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
  return (scope.browser ?? scope.chrome).storage.sync.get(null);
}

function textOf(selector: string): string {
  return document.querySelector(selector)?.textContent?.trim() ?? '';
}

function valueOf(selector: string): string {
  return (
    (document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''
  );
}

async function waitForStored(page: OptionsPage, key: string, value: unknown): Promise<void> {
  await poll(
    `storage.sync ${key} = ${JSON.stringify(value)}`,
    () => page.evaluate(storedSettings, null).then((items) => items[key]),
    (stored) => isDeepStrictEqual(stored, value),
  );
}

async function waitForText(page: OptionsPage, selector: string, pattern: RegExp): Promise<string> {
  return poll(
    `${selector} to match ${pattern}`,
    () => page.evaluate(textOf, selector),
    (text) => pattern.test(text),
  );
}

async function axeViolations(page: OptionsPage): Promise<string[]> {
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

describe.each(browserNames)('%s: the options page', (browserName) => {
  const session = useBrowserSession(browserName);
  const opened: OptionsPage[] = [];
  let current: OptionsDriver | undefined;
  const driver = () => (current ??= driverFor(browserName, session.browser));
  afterAll(() => current?.dispose());
  const openOptions = async () => {
    const page = await driver().openOptions();
    opened.push(page);
    return page;
  };

  afterEach(async () => {
    // Back to a clean store for the next test, through the extension's own page.
    const last = opened.at(-1);
    if (last) {
      await last
        .evaluate(() => {
          const scope = globalThis as unknown as {
            browser?: { storage: { sync: { clear(): Promise<void> } } };
            chrome: { storage: { sync: { clear(): Promise<void> } } };
          };
          return (scope.browser ?? scope.chrome).storage.sync.clear();
        }, null)
        .catch(() => undefined);
    }
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });

  it('opens from the reader\'s "All settings" button in a new tab', async () => {
    const article = await session.open(plainArticle.path);
    await openReader(session.browser, article);
    await waitForOverlaySettled(article);
    const optionsUrl = `${(await session.browser.extensionInfo()).baseUrl}options.html`;
    expect((await driver().tabUrls()).filter((url) => url === optionsUrl)).toEqual([]);
    await article.clickInOverlay('.bs-open-options');
    await poll(
      'the options page tab',
      () => driver().tabUrls(),
      (urls) => urls.includes(optionsUrl),
    );
    const options = await driver().adopt(optionsUrl);
    opened.push(options);
    expect(await options.evaluate(() => document.title, null)).toBe('Broadsheet options');
    expect(await article.evaluate(() => location.href, null)).toBe(
      session.server.url(plainArticle.path),
    );
  });

  it('saves a changed setting to storage.sync and shows it after a reload', async () => {
    const page = await openOptions();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('20 px');
    await page.click('.reading .bs-font-larger');
    await page.click('.reading .bs-font-larger');
    await page.select('#opt-theme', 'sepia');
    await page.select('#opt-font-family', 'dyslexic');
    await waitForStored(page, 'settings.fontSize', 24);
    await waitForStored(page, 'settings.theme', 'sepia');
    await waitForStored(page, 'settings.fontFamily', 'dyslexic');

    await page.reload();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('24 px');
    expect(await page.evaluate(valueOf, '#opt-theme')).toBe('sepia');
    expect(await page.evaluate(valueOf, '#opt-font-family')).toBe('dyslexic');
    // The preview follows the saved settings.
    const previewSize = await page.evaluate(() => {
      const root = document.querySelector('.bs-preview-host')?.shadowRoot;
      const body = root?.querySelector('.bs-page');
      return body ? getComputedStyle(body).fontSize : 'missing';
    }, null);
    expect(previewSize).toBe('24px');
  });

  it('refuses bad settings files with a clear message and keeps the settings', async () => {
    const page = await openOptions();
    await page.click('.reading .bs-font-larger');
    await waitForStored(page, 'settings.fontSize', 22);

    await page.chooseFile('#import-settings', 'broken.json', '{ not json');
    await waitForText(page, '#transfer-message', /Nothing was imported: .*JSON/);
    expect(
      await page.evaluate(() => document.getElementById('transfer-message')?.dataset.kind, null),
    ).toBe('error');

    await page.chooseFile('#import-settings', 'other.json', JSON.stringify({ hello: 'world' }));
    await waitForText(page, '#transfer-message', /Nothing was imported: .*Broadsheet settings/i);

    const stored = await page.evaluate(storedSettings, null);
    expect(stored['settings.fontSize']).toBe(22);
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('22 px');
    await page.reload();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('22 px');
  });

  it("lists the browser's voices, or says plainly that only the default voice exists", async () => {
    const page = await openOptions();
    // Chromium fills its list a moment after load; give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const real = await page.evaluate(() => speechSynthesis.getVoices().length, null);
    const options = await page.evaluate(
      () => (document.getElementById('opt-speech-voice') as HTMLSelectElement).options.length,
      null,
    );
    expect(options).toBe(real + 1);
    expect(
      await page.evaluate(
        () =>
          (document.getElementById('opt-speech-voice') as HTMLSelectElement).options[0]
            ?.textContent,
        null,
      ),
    ).toBe('Browser default');
    if (real === 0) {
      await waitForText(page, '#speech-status', /^Only the browser's default voice is available/);
    } else {
      await waitForText(page, '#speech-status', new RegExp(`^Voices on this device: ${real}\\.`));
    }
  });

  it('saves a chosen voice, and keeps and names it where this browser lacks it', async () => {
    const page = await openOptions();
    // A stand-in voice list (a test may stub getVoices; the product code never fakes voices).
    await page.evaluate(() => {
      const fake = [
        {
          name: 'Test Hazel',
          lang: 'en-GB',
          voiceURI: 'urn:test:hazel',
          default: false,
          localService: true,
        },
        {
          name: 'Test Anna',
          lang: 'de-DE',
          voiceURI: 'urn:test:anna',
          default: false,
          localService: true,
        },
      ];
      Object.defineProperty(speechSynthesis, 'getVoices', {
        value: () => fake,
        configurable: true,
      });
      speechSynthesis.dispatchEvent(new Event('voiceschanged'));
    }, null);
    const groups = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('#opt-speech-voice optgroup')).map(
          (group) => (group as HTMLOptGroupElement).label,
        ),
      null,
    );
    expect(groups.slice(0, 2)).toEqual(['English', 'German']);
    await page.select('#opt-speech-voice', 'Test Anna');
    await waitForStored(page, 'settings.speechVoice', 'Test Anna');

    // After a reload the stand-in is gone: the saved voice is not on this "device", and stays saved.
    await page.reload();
    expect(await page.evaluate(valueOf, '#opt-speech-voice')).toBe('Test Anna');
    await waitForText(page, '#opt-speech-voice', /Test Anna \(not on this device\)/);
    await waitForText(page, '#speech-status', /Your saved voice "Test Anna" is not on this device/);
    expect((await page.evaluate(storedSettings, null))['settings.speechVoice']).toBe('Test Anna');

    await page.select('#opt-speech-voice', '');
    await waitForStored(page, 'settings.speechVoice', null);
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations in %s mode', async (scheme) => {
    const page = await openOptions();
    await page.emulateColorScheme(scheme);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot(join(screenshotsDir, `${browserName}-options-page-${scheme}.png`));
    expect(await axeViolations(page)).toEqual([]);
  });
});
