// Automatic reader mode in real browsers: a 127.0.0.1 "news site" (test/fixtures/e2e/auto) is enabled
// through the real options page; its article opens in the reader by itself, its home, section and search
// pages do not; the user's close and "never open here" are respected; the settings and the registered
// script survive a browser restart on the same profile.
//
// Permission prompts cannot be clicked in headless browsers. Chromium: the extension under test is a copy
// of build/chrome whose manifest also lists http(s)://127.0.0.1/* under host_permissions, which is what the
// user's "Allow" leaves behind; permissions.request then resolves true at once, exactly as after a grant,
// and every other site stays optional. Firefox: the pref extensions.webextOptionalPermissionPrompts=false
// grants optional permissions without a prompt.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { browserNames } from './support/browsers';
import flags from './support/chromium-flags.json';
import { firefoxExecutable, firefoxExtensionUuid, firefoxIsolationPrefs } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { builtExtensionDir, fixturesRoot } from './support/paths';
import { makeTempDir, snapshotExtension } from './support/temp-dir';

declare const chrome: ExtensionApi;

const timeoutMs = 20_000;
/** How long a page that must NOT open is watched after its load (document_idle comes well before). */
const quietMs = 2_500;

const site = {
  home: 'e2e/auto/index.html',
  section: 'e2e/auto/news/index.html',
  search: 'e2e/auto/search/index.html?q=flood',
  article: 'e2e/auto/news/2026/11/25/river-level-falls-after-week-of-floods/index.html',
  otherArticle: 'e2e/auto/news/2026/11/24/council-agrees-budget-for-new-library/index.html',
  /** A single-page app: the story link swaps in the article and pushes its URL. */
  app: 'e2e/auto/app/index.html',
};
const articleTitle = 'River level falls after a week of floods';

/** What the tests need of a page, in either browser. */
interface AutoPage {
  goto(url: string): Promise<void>;
  /** The reader's title when its overlay is in the page, else null. */
  readerTitle(): Promise<string | null>;
  /** How many reader overlays the page holds (never more than one). */
  readerCount(): Promise<number>;
  back(): Promise<void>;
  evaluate<R>(fn: () => R): Promise<R>;
  press(key: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks an element inside the reader's shadow root. */
  clickInReader(selector: string): Promise<void>;
  fill(selector: string, text: string): Promise<void>;
  text(selector: string): Promise<string>;
  close(): Promise<void>;
}

interface AutoBrowser {
  newPage(): Promise<AutoPage>;
  optionsPage(): Promise<AutoPage>;
  registeredScriptIds(): Promise<string[]>;
  /** The options page the background opened to allow a site (options.html#allow=...), if any. */
  allowPage(): Promise<AutoPage | null>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

// Runs in the page: the overlay lives in an open shadow root on #broadsheet-reader-host.
function readerTitleInPage(): string | null {
  const host = document.getElementById('broadsheet-reader-host');
  if (host === null) return null;
  const title = host.shadowRoot?.querySelector('h1');
  return title?.textContent?.trim() ?? '';
}

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
): Promise<T> {
  const started = Date.now();
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Chromium (playwright-core) ---------------------------------------------------------------------

class ChromiumAutoPage implements AutoPage {
  constructor(readonly page: Page) {}
  evaluate<R>(fn: () => R): Promise<R> {
    return this.page.evaluate(fn);
  }
  async back() {
    await this.page.goBack({ waitUntil: 'load' });
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  readerTitle() {
    return this.page.evaluate(readerTitleInPage);
  }
  readerCount() {
    return this.page.evaluate(() => document.querySelectorAll('#broadsheet-reader-host').length);
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  click(selector: string) {
    return this.page.click(selector, { timeout: timeoutMs });
  }
  clickInReader(selector: string) {
    // Playwright's CSS engine pierces open shadow roots.
    return this.page.click(`#broadsheet-reader-host ${selector}`, { timeout: timeoutMs });
  }
  fill(selector: string, text: string) {
    return this.page.fill(selector, text, { timeout: timeoutMs });
  }
  async text(selector: string) {
    return (await this.page.textContent(selector, { timeout: timeoutMs })) ?? '';
  }
  close() {
    return this.page.close();
  }
}

async function launchChromiumAuto(): Promise<AutoBrowser> {
  const temp = makeTempDir('auto-chromium');
  const extensionDir = snapshotExtension(builtExtensionDir('chrome'), temp);
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*', 'https://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));

  let context: BrowserContext;
  let worker: Worker;
  const start = async () => {
    context = await chromium.launchPersistentContext(join(temp.path, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        ...flags.args,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
      viewport: { width: 1280, height: 900 },
    });
    worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: timeoutMs }));
  };
  await start();
  const extensionId = () => new URL(worker.url()).host;
  return {
    async newPage() {
      return new ChromiumAutoPage(await context.newPage());
    },
    async optionsPage() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId()}/options.html`);
      await page.waitForSelector('[data-ready="true"]', { timeout: timeoutMs });
      return new ChromiumAutoPage(page);
    },
    async allowPage() {
      const page = context.pages().find((candidate) => candidate.url().includes('#allow='));
      if (page === undefined) return null;
      await page.waitForSelector('[data-ready="true"]', { timeout: timeoutMs });
      return new ChromiumAutoPage(page);
    },
    registeredScriptIds() {
      return worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
      );
    },
    async restart() {
      await context.close();
      await start();
    },
    async close() {
      try {
        await context.close();
      } finally {
        temp.remove();
      }
    },
  };
}

// ---- Firefox (puppeteer-core over WebDriver BiDi) -----------------------------------------------------

class FirefoxAutoPage implements AutoPage {
  constructor(readonly page: PuppeteerPage) {}
  evaluate<R>(fn: () => R): Promise<R> {
    return this.page.evaluate(fn) as Promise<R>;
  }
  async back() {
    await this.page.goBack({ waitUntil: 'load', timeout: timeoutMs });
  }
  async goto(url: string) {
    await this.page.bringToFront();
    await this.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  }
  readerTitle() {
    return this.page.evaluate(readerTitleInPage);
  }
  readerCount() {
    return this.page.evaluate(() => document.querySelectorAll('#broadsheet-reader-host').length);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
  }
  async click(selector: string) {
    await this.page.bringToFront();
    await (await this.page.waitForSelector(selector, { timeout: timeoutMs }))?.click();
  }
  clickInReader(selector: string) {
    // puppeteer's `>>>` combinator pierces shadow roots.
    return this.click(`#broadsheet-reader-host >>> ${selector}`);
  }
  async fill(selector: string, text: string) {
    const field = await this.page.waitForSelector(selector, { timeout: timeoutMs });
    await field?.click({ count: 3 });
    await field?.type(text);
  }
  async text(selector: string) {
    const found = await this.page.waitForSelector(selector, { timeout: timeoutMs });
    return (await found?.evaluate((node) => node.textContent ?? '')) ?? '';
  }
  close() {
    return this.page.close();
  }
}

/**
 * Firefox 153 does not answer a BiDi navigation to a moz-extension:// page: start it without waiting
 * and poll until the page is there.
 */
async function openExtensionPage(browser: PuppeteerBrowser, url: string): Promise<PuppeteerPage> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  await waitUntil(
    `${url} to load`,
    () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''),
    (state) => state === `${url} complete`,
  );
  return page;
}

async function launchFirefoxAuto(): Promise<AutoBrowser> {
  const temp = makeTempDir('auto-firefox');
  const extensionDir = snapshotExtension(builtExtensionDir('firefox'), temp);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const baseUrl = `moz-extension://${firefoxExtensionUuid}/`;
  let browser: PuppeteerBrowser;
  let probe: PuppeteerPage;
  const start = async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxExecutable,
      headless: true,
      userDataDir: join(temp.path, 'profile'),
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxExtensionUuid }),
        // Optional permissions are granted without a prompt (nobody can click one in headless).
        'extensions.webextOptionalPermissionPrompts': false,
        // A temporary add-on is uninstalled when Firefox quits; keep its storage for the restart test,
        // as an installed add-on keeps it.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        ...firefoxIsolationPrefs,
      },
    });
    await browser.installExtension(extensionDir);
    // An extension page kept open to ask the extension API what is registered.
    probe = await openExtensionPage(browser, `${baseUrl}options.html`);
  };
  await start();
  const close = async () => {
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 10_000).unref(),
    );
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') browser.process()?.kill('SIGKILL');
  };
  return {
    async newPage() {
      const page = await browser.newPage();
      await page.bringToFront();
      return new FirefoxAutoPage(page);
    },
    async optionsPage() {
      const page = await openExtensionPage(browser, `${baseUrl}options.html`);
      await page.waitForSelector('[data-ready="true"]', { timeout: timeoutMs });
      return new FirefoxAutoPage(page);
    },
    async allowPage() {
      for (const page of await browser.pages()) {
        const url = await page.evaluate(() => location.href).catch(() => '');
        if (!url.includes('#allow=')) continue;
        await page.waitForSelector('[data-ready="true"]', { timeout: timeoutMs });
        return new FirefoxAutoPage(page);
      }
      return null;
    },
    registeredScriptIds() {
      return probe.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
      );
    },
    async restart() {
      await close();
      await start();
    },
    async close() {
      try {
        await close();
      } finally {
        temp.remove();
      }
    },
  };
}

const launchers: Record<string, () => Promise<AutoBrowser>> = {
  chromium: launchChromiumAuto,
  firefox: launchFirefoxAuto,
};

// ---- the tests ----------------------------------------------------------------------------------------

describe.each(browserNames.filter((name) => name in launchers))(
  '%s: automatic reader mode',
  (name) => {
    jest.setTimeout(120_000);
    let server: FixtureServer;
    let browser: AutoBrowser;
    const pages: AutoPage[] = [];
    const newPage = async () => {
      const page = await browser.newPage();
      pages.push(page);
      return page;
    };

    beforeAll(async () => {
      server = await startFixtureServer(fixturesRoot);
      browser = await launchers[name]!();
    }, 120_000);
    afterEach(async () => {
      for (const page of pages.splice(0)) await page.close().catch(() => undefined);
    });
    afterAll(async () => {
      try {
        await browser?.close();
      } finally {
        await server?.close();
      }
    }, 60_000);

    /** Adds 127.0.0.1 through the options page's form, as a user would. */
    const enableSite = async (options: AutoPage) => {
      await options.fill('#auto-site-input', '127.0.0.1');
      await options.click('#auto-add-site button[type="submit"]');
      await waitUntil(
        'the site in the list',
        () => options.text('#auto-always-sites'),
        (t) => t.includes('127.0.0.1'),
      );
      await waitUntil(
        'the registered script',
        () => browser.registeredScriptIds(),
        (ids) => ids.includes('broadsheet-auto:127.0.0.1'),
      );
    };
    const expectQuiet = async (page: AutoPage, path: string) => {
      await page.goto(server.url(path));
      await sleep(quietMs);
      expect(await page.readerTitle()).toBeNull();
    };
    const expectOpens = async (page: AutoPage, path: string, title: string) => {
      await page.goto(server.url(path));
      const shown = await waitUntil(
        'the reader to open by itself',
        () => page.readerTitle(),
        (t) => t !== null,
      );
      expect(shown).toBe(title);
    };

    it('does nothing before a site is enabled', async () => {
      expect(await browser.registeredScriptIds()).toEqual([]);
      await expectQuiet(await newPage(), site.article);
    });

    it('enables 127.0.0.1 from the options page: the script is registered for that site only', async () => {
      const options = await browser.optionsPage();
      pages.push(options);
      await enableSite(options);
      expect(await browser.registeredScriptIds()).toEqual(['broadsheet-auto:127.0.0.1']);
    });

    it('opens an article by itself, and not the home, section or search pages', async () => {
      const page = await newPage();
      await expectOpens(page, site.article, articleTitle);
      await expectQuiet(page, site.home);
      await expectQuiet(page, site.section);
      await expectQuiet(page, site.search);
    });

    it('respects the user closing it: Escape returns to the page, and a reload does not reopen', async () => {
      const page = await newPage();
      await expectOpens(page, site.otherArticle, 'Council agrees budget for a new library');
      await page.press('Escape');
      await waitUntil(
        'the reader to close',
        () => page.readerTitle(),
        (t) => t === null,
      );
      await expectQuiet(page, site.otherArticle);
    });

    it("opens on a single-page navigation to an article, and not on the app's home", async () => {
      const page = await newPage();
      await expectQuiet(page, site.app);
      await page.click('#story-link');
      const shown = await waitUntil(
        'the reader to open after pushState',
        () => page.readerTitle(),
        (t) => t !== null,
      );
      expect(shown).toBe('Ferry returns to the river after ten years');
      await page.press('Escape');
      await waitUntil(
        'the reader to close',
        () => page.readerTitle(),
        (t) => t === null,
      );
    });

    it('waits while the user is typing in a field, then opens', async () => {
      const page = await newPage();
      await expectQuiet(page, site.app);
      await page.fill('#search', 'ferry');
      // The app navigates by itself (a script, not the user's click): focus stays in the field.
      await page.evaluate(() => (document.getElementById('story-link') as HTMLElement).click());
      await sleep(quietMs);
      expect(await page.readerTitle()).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.id ?? null)).toBe('search');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await waitUntil(
        'the reader once the field is left',
        () => page.readerTitle(),
        (t) => t !== null,
      );
    });

    it('shows one reader after going back to an article (back/forward cache or a new load)', async () => {
      const page = await newPage();
      await expectOpens(page, site.article, articleTitle);
      await page.goto(server.url(site.home));
      await page.back();
      await waitUntil(
        'the reader after going back',
        () => page.readerTitle(),
        (t) => t !== null,
      );
      await sleep(quietMs);
      expect(await page.readerCount()).toBe(1);
    });

    it('keeps the settings and the script across a browser restart', async () => {
      await browser.restart();
      // Chromium reloads an unpacked extension on every start, which drops dynamic scripts: the
      // background's reconciliation on install/startup registers it again from the stored settings.
      await waitUntil(
        'the registered script after the restart',
        () => browser.registeredScriptIds(),
        (ids) => ids.includes('broadsheet-auto:127.0.0.1'),
      );
      await expectOpens(await newPage(), site.article, articleTitle);
    });

    it('stops opening once the site is removed in the options page', async () => {
      const options = await browser.optionsPage();
      pages.push(options);
      await options.click('#auto-always-sites button[data-site="127.0.0.1"]');
      await waitUntil(
        'no registered script',
        () => browser.registeredScriptIds(),
        (ids) => ids.length === 0,
      );
      await expectQuiet(await newPage(), site.article);
    });

    it('stops opening on a site after "Never here" in the reader, and "Always here" turns it back on', async () => {
      const options = await browser.optionsPage();
      pages.push(options);
      await enableSite(options);
      const page = await newPage();
      await expectOpens(page, site.article, articleTitle);
      await page.clickInReader('[data-site-choice="never"]');
      await waitUntil(
        'no registered script',
        () => browser.registeredScriptIds(),
        (ids) => ids.length === 0,
      );
      await waitUntil(
        'the site in the options page\'s "never" list',
        () => options.text('#auto-never-sites'),
        (text) => text.includes('127.0.0.1'),
      );
      expect(await options.text('#auto-always-sites')).not.toContain('127.0.0.1');

      // "Always here" in the same reader enables the site again. Where the site's permission was given
      // back with "never" (Firefox; Chromium's test copy holds it for good), the options page opens on
      // its "allow" prompt, because only a click in an extension page may ask for a permission.
      await page.clickInReader('[data-site-choice="always"]');
      const allowPage = await waitUntil(
        'the site enabled, or the prompt to allow it',
        async () => (await browser.allowPage()) ?? (await browser.registeredScriptIds()),
        (found) => !Array.isArray(found) || found.length > 0,
      );
      if (!Array.isArray(allowPage)) {
        pages.push(allowPage);
        expect(await allowPage.text('#auto-allow')).toContain('127.0.0.1');
        await allowPage.click('#auto-allow-button');
      }
      await waitUntil(
        'the registered script again',
        () => browser.registeredScriptIds(),
        (ids) => ids.includes('broadsheet-auto:127.0.0.1'),
      );
      await page.press('Escape');
      await waitUntil(
        'the reader to close',
        () => page.readerTitle(),
        (t) => t === null,
      );
      await expectOpens(page, site.otherArticle, 'Council agrees budget for a new library');
    });
  },
);
