// Chromium (the Debian package) with the built extension, driven by playwright-core.
// The toolbar click is the real one: CDP's Extensions.triggerAction fires action.onClicked with activeTab granted.
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import flags from './chromium-flags.json';
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

/** Code passed to worker.evaluate runs in the service worker, where `chrome` is the extension API. */
declare const chrome: Browser;

export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

class ChromiumPage implements TestPage {
  readonly requestedUrls: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requestedUrls.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async serveOrigin(origin: string, html: string): Promise<void> {
    await this.page.route(
      (url) => url.origin === origin,
      (route) =>
        route.fulfill(
          route.request().resourceType() === 'document'
            ? { status: 200, contentType: 'text/html; charset=utf-8', body: html }
            : { status: 404, body: '' },
        ),
    );
  }

  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // Our PageFunction is plain (no handles), so Playwright's handle-unwrapping generics do not apply.
    return this.page.evaluate(fn as (value: unknown) => R | Promise<R>, arg as unknown);
  }

  async waitFor<A>(
    fn: PageFunction<A, unknown>,
    arg: A,
    what: string,
    timeoutMs = defaultTimeoutMs,
  ): Promise<void> {
    try {
      await this.page.waitForFunction(fn as (value: unknown) => unknown, arg as unknown, {
        timeout: timeoutMs,
        polling: 50,
      });
    } catch (error) {
      throw new Error(`Chromium: timed out after ${timeoutMs} ms waiting for ${what}`, {
        cause: error,
      });
    }
  }

  async clickInOverlay(selector: string): Promise<void> {
    // Playwright's CSS engine pierces open shadow roots.
    await this.page
      .locator(`#broadsheet-reader-host ${selector}`)
      .click({ timeout: defaultTimeoutMs });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async emulateColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

class ChromiumReaderBrowser implements ReaderBrowser {
  readonly name = 'chromium' as const;
  private closed = false;

  constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly extensionId: string,
    private readonly browserSession: CDPSession,
    private readonly cleanUp: () => void,
  ) {}

  extensionInfo(): Promise<ExtensionInfo> {
    return this.worker.evaluate(() => {
      const manifest = chrome.runtime.getManifest();
      return {
        version: manifest.version,
        manifestVersion: manifest.manifest_version,
        baseUrl: chrome.runtime.getURL(''),
        backgroundUrl: location.href,
      };
    });
  }

  commands(): Promise<ExtensionCommand[]> {
    return this.worker.evaluate(async () =>
      (await chrome.commands.getAll()).map((command) => ({
        name: command.name ?? '',
        shortcut: command.shortcut ?? '',
      })),
    );
  }

  async newPage(): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    await page.bringToFront();
    return new ChromiumPage(page);
  }

  async clickAction(page: TestPage): Promise<void> {
    const send = untypedSend(this.browserSession);
    const targetId = await tabTargetIdOf(send, asChromiumPage(page).page);
    await triggerAction(send, this.extensionId, targetId);
  }

  /** The tab id of the page: it is the selected tab once brought to the front (no `tabs` permission needed). */
  private async tabIdOf(page: TestPage): Promise<number> {
    await page.bringToFront();
    const tabId = await this.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (tabId < 0) throw new Error('Chromium: no active tab found from the service worker');
    return tabId;
  }

  async actionState(page: TestPage): Promise<ActionState> {
    const tabId = await this.tabIdOf(page);
    return this.worker.evaluate(async (id) => {
      const [badgeText, title] = await Promise.all([
        chrome.action.getBadgeText({ tabId: id }),
        chrome.action.getTitle({ tabId: id }),
      ]);
      return { badgeText, title };
    }, tabId);
  }

  async gotoRestrictedPage(page: TestPage): Promise<string> {
    const url = 'chrome://version/';
    await page.goto(url);
    return url;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.context.close();
    } finally {
      this.cleanUp();
    }
  }
}

/** Sends CDP commands our typed protocol lacks (the Extensions domain, Target.getTargets' filter). */
export type UntypedSend = (method: string, params?: object) => Promise<unknown>;

export function untypedSend(session: CDPSession): UntypedSend {
  return session.send.bind(session) as UntypedSend;
}

/**
 * The CDP "tab" target of a page (triggerAction wants the tab, not the page target): the selected tab
 * showing the page's URL, once the page is brought to the front. `send` goes to a browser CDP session.
 */
export async function tabTargetIdOf(send: UntypedSend, page: Page): Promise<string> {
  await page.bringToFront();
  const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: { targetId: string; url: string; embedderData?: { tabActive?: boolean } }[];
  };
  const url = page.url();
  const tab = targetInfos.find((info) => info.url === url && info.embedderData?.tabActive === true);
  if (tab === undefined) {
    const seen = targetInfos.map(
      (info) => `${info.url} (active: ${String(info.embedderData?.tabActive)})`,
    );
    throw new Error(`Chromium: no selected tab target shows ${url}; tabs: ${seen.join(', ')}`);
  }
  return tab.targetId;
}

/**
 * The real toolbar click: CDP Extensions.triggerAction fires action.onClicked in that tab with activeTab
 * granted (the Extensions domain needs --enable-unsafe-extension-debugging, in chromium-flags.json).
 */
export function triggerAction(
  send: UntypedSend,
  extensionId: string,
  targetId: string,
): Promise<unknown> {
  return send('Extensions.triggerAction', { id: extensionId, targetId });
}

function asChromiumPage(page: TestPage): ChromiumPage {
  if (!(page instanceof ChromiumPage))
    throw new Error('Chromium: this page belongs to another browser');
  return page;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumReaderBrowser> {
  const temp = makeTempDir('chromium');
  try {
    const extensionDir = snapshotExtension(builtExtensionDir('chrome'), temp);
    const context = await chromium.launchPersistentContext(`${temp.path}/profile`, {
      executablePath: chromiumExecutable,
      headless: !options.headed,
      args: [
        ...flags.args,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
      viewport: { width: 1280, height: 900 },
    });
    try {
      const worker =
        context.serviceWorkers()[0] ??
        (await context.waitForEvent('serviceworker', { timeout: defaultTimeoutMs }));
      const extensionId = new URL(worker.url()).host;
      const browser = context.browser();
      if (browser === null)
        throw new Error('Chromium: the persistent context has no browser object');
      const browserSession = await browser.newBrowserCDPSession();
      return new ChromiumReaderBrowser(context, worker, extensionId, browserSession, () =>
        temp.remove(),
      );
    } catch (error) {
      await context.close();
      throw error;
    }
  } catch (error) {
    temp.remove();
    throw error;
  }
}
