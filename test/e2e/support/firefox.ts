// Firefox ESR (the Debian package) with the built extension as a temporary add-on, driven by puppeteer-core
// over WebDriver BiDi. The toolbar click is the real one: the browser-action object's triggerAction, run in
// the browser window's privileged (chrome) context, the same path as a click or the _execute_action shortcut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { builtExtensionDir } from './paths';
import {
  defaultTimeoutMs,
  type ActionState,
  type ExtensionCommand,
  type ExtensionInfo,
  type LaunchOptions,
  type PageFunction,
  type ReaderBrowser,
  type TestPage,
} from './reader-browser';
import { makeTempDir, snapshotExtension } from './temp-dir';

export const firefoxExecutable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A fixed moz-extension:// host, so extension pages have a known URL in tests. */
export const firefoxExtensionUuid = '0b5e2f4a-3c1d-4e6f-8a9b-b70ad5ee7001';

/** The raw BiDi connection; puppeteer's public types do not expose it. */
interface BidiSender {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ScriptEvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

class FirefoxPage implements TestPage {
  readonly requestedUrls: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly setColorScheme: (scheme: 'light' | 'dark') => Promise<void>,
  ) {
    page.on('request', (request) => this.requestedUrls.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load', timeout: defaultTimeoutMs });
  }

  async serveOrigin(origin: string, html: string): Promise<void> {
    await this.page.setRequestInterception(true);
    this.page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (new URL(request.url()).origin !== origin) {
        void request.continue();
        return;
      }
      void request.respond(
        request.isNavigationRequest()
          ? { status: 200, contentType: 'text/html; charset=utf-8', body: html }
          : { status: 404, body: '' },
      );
    });
  }

  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // Our PageFunction is plain (no handles), so puppeteer's handle-unwrapping generics do not apply.
    return this.page.evaluate(fn as (value: unknown) => Promise<R>, arg as unknown);
  }

  async waitFor<A>(
    fn: PageFunction<A, unknown>,
    arg: A,
    what: string,
    timeoutMs = defaultTimeoutMs,
  ): Promise<void> {
    try {
      await this.page.waitForFunction(
        fn as (value: unknown) => unknown,
        { timeout: timeoutMs, polling: 50 },
        arg,
      );
    } catch (error) {
      throw new Error(`Firefox: timed out after ${timeoutMs} ms waiting for ${what}`, {
        cause: error,
      });
    }
  }

  async clickInOverlay(selector: string): Promise<void> {
    // puppeteer's `>>>` combinator pierces shadow roots.
    await this.page
      .locator(`#broadsheet-reader-host >>> ${selector}`)
      .setTimeout(defaultTimeoutMs)
      .click();
  }

  /** Accepts chords like Playwright does ('Shift+Tab'); puppeteer presses one key at a time. */
  async press(key: string): Promise<void> {
    type Key = Parameters<Page['keyboard']['press']>[0];
    const parts = key.split('+') as Key[];
    const main = parts.pop() as Key;
    for (const modifier of parts) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(main);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  /** Browser-wide in Firefox (BiDi has no media emulation): every later page sees the same scheme. */
  async emulateColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.setColorScheme(scheme);
    await this.waitFor(
      (wanted: string) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
      scheme,
      `prefers-color-scheme: ${scheme}`,
    );
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

class FirefoxReaderBrowser implements ReaderBrowser {
  readonly name = 'firefox' as const;
  readonly extensionId = firefoxExtensionUuid;
  private closed = false;

  constructor(
    readonly browser: Browser,
    readonly addonId: string,
    private readonly cleanUp: () => void,
  ) {}

  async extensionInfo(): Promise<ExtensionInfo> {
    const info = await this.evaluateInChrome(`(() => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension;
      const background = [...extension.views].find((view) => view.viewType === 'background');
      return JSON.stringify({
        version: extension.version,
        manifestVersion: extension.manifestVersion,
        baseUrl: extension.baseURL,
        backgroundUrl: background?.uri?.spec ?? '',
      });
    })()`);
    return JSON.parse(String(info)) as ExtensionInfo;
  }

  async commands(): Promise<ExtensionCommand[]> {
    const commands = await this.evaluateInChrome(`(async () => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension;
      const all = await extension.shortcuts.allCommands();
      return JSON.stringify(all.map(({ name, shortcut }) => ({ name, shortcut: shortcut ?? '' })));
    })()`);
    return JSON.parse(String(commands)) as ExtensionCommand[];
  }

  async newPage(): Promise<FirefoxPage> {
    const page = await this.browser.newPage();
    await page.bringToFront();
    return new FirefoxPage(page, (scheme) => this.setColorScheme(scheme));
  }

  /** The content colour scheme override: 0 dark, 1 light (2 would follow the system). */
  private async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    const value = scheme === 'dark' ? 0 : 1;
    await this.evaluateInChrome(
      `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${value})`,
    );
  }

  /**
   * Evaluates an expression in the browser window's chrome context (browser.xhtml), where `gBrowser` and the
   * extension framework live. Needs Firefox started with --remote-allow-system-access.
   */
  async evaluateInChrome(expression: string): Promise<unknown> {
    const connection = (this.browser as unknown as { connection: BidiSender }).connection;
    const { result: tree } = (await connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    })) as {
      result: { contexts: { context: string; url: string }[] };
    };
    const window = tree.contexts.find(
      (context) => context.url === 'chrome://browser/content/browser.xhtml',
    );
    if (window === undefined)
      throw new Error('Firefox: no browser window in the chrome context tree');
    const { result } = (await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: ScriptEvaluateResult };
    if (result.type === 'exception') {
      throw new Error(
        `Firefox chrome-context script failed: ${result.exceptionDetails?.text ?? 'unknown error'}`,
      );
    }
    return result.result?.value;
  }

  /** A chrome-context expression for this add-on's browser-action object. */
  private browserActionExpression(): string {
    return `(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)});
      if (!policy) throw new Error('add-on not installed');
      return ExtensionParent.apiManager.global.browserActionFor(policy.extension);
    })()`;
  }

  async clickAction(page: TestPage): Promise<void> {
    // The action acts on the selected tab of the window.
    await page.bringToFront();
    await this.evaluateInChrome(`${this.browserActionExpression()}.triggerAction(window)`);
  }

  async actionState(page: TestPage): Promise<ActionState> {
    await page.bringToFront();
    const state = await this.evaluateInChrome(`(() => {
      const data = ${this.browserActionExpression()}.action.getContextData(gBrowser.selectedTab);
      return JSON.stringify({ badgeText: data.badgeText ?? '', title: data.title ?? '' });
    })()`);
    return JSON.parse(String(state)) as ActionState;
  }

  async gotoRestrictedPage(page: TestPage): Promise<string> {
    // BiDi navigation to privileged pages never reports back, so load it from the chrome context and poll.
    const url = 'about:addons';
    await page.bringToFront();
    await this.evaluateInChrome(
      `openTrustedLinkIn(${JSON.stringify(url)}, 'current', { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
    );
    const deadline = Date.now() + defaultTimeoutMs;
    const loaded = `gBrowser.selectedBrowser.currentURI.spec === ${JSON.stringify(url)} && !gBrowser.selectedBrowser.webProgress.isLoadingDocument`;
    while ((await this.evaluateInChrome(loaded)) !== true) {
      if (Date.now() > deadline)
        throw new Error(`Firefox: ${url} did not load in ${defaultTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return url;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await closeOrKill(this.browser);
    } finally {
      this.cleanUp();
    }
  }
}

/** Closes the browser; if it hangs, kills the process we started. */
async function closeOrKill(browser: Browser): Promise<void> {
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), 10_000).unref(),
  );
  const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
  if (outcome === 'timeout') browser.process()?.kill('SIGKILL');
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id === undefined)
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Nothing but 127.0.0.1 may be contacted: every other host goes to a closed local proxy port (localhost
 * itself never goes through a proxy), and Firefox's own services stay quiet.
 */
export const firefoxIsolationPrefs: Record<string, string | number | boolean> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxReaderBrowser> {
  const temp = makeTempDir('firefox');
  try {
    const extensionDir = snapshotExtension(builtExtensionDir('firefox'), temp);
    const geckoId = geckoIdOf(extensionDir);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxExecutable,
      headless: !options.headed,
      userDataDir: join(temp.path, 'profile'),
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: firefoxExtensionUuid }),
        ...firefoxIsolationPrefs,
      },
    });
    try {
      const addonId = await browser.installExtension(extensionDir);
      return new FirefoxReaderBrowser(browser, addonId, () => temp.remove());
    } catch (error) {
      await closeOrKill(browser);
      throw error;
    }
  } catch (error) {
    temp.remove();
    throw error;
  }
}
