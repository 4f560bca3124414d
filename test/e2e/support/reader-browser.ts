// The small interface one test body uses to drive either browser (see chromium.ts and firefox.ts).

export type BrowserName = 'chromium' | 'firefox';

/** What the toolbar button shows for a tab: the badge text and the tooltip. */
export interface ActionState {
  readonly badgeText: string;
  readonly title: string;
}

/** A function run inside the page; it must be self-contained (it is serialised into the page). */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** What the browser reports about the loaded extension and its background. */
export interface ExtensionInfo {
  readonly version: string;
  readonly manifestVersion: number;
  /** Base URL of the extension's pages, e.g. `chrome-extension://<id>/`. */
  readonly baseUrl: string;
  /** URL of the running background: the service worker (Chromium) or the background page (Firefox). */
  readonly backgroundUrl: string;
}

/** A keyboard shortcut the browser registered for the extension (manifest `commands`). */
export interface ExtensionCommand {
  readonly name: string;
  readonly shortcut: string;
}

export interface TestPage {
  /** Every URL this tab requested so far (documents, subresources, fetches), in order. */
  readonly requestedUrls: readonly string[];
  /** Console messages of type error seen in this tab (content scripts included where the browser reports them). */
  readonly consoleErrors: readonly string[];
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /**
   * Answers this tab's requests to `origin` itself, so they never reach the network: a page (a document)
   * gets `html`, anything else a 404. For pages that must be on a real site's host name (site rules
   * follow the host) while nothing but 127.0.0.1 may be contacted.
   */
  serveOrigin(origin: string, html: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main world and returns its (JSON-serialisable) result. */
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it returns a truthy value; `what` names it in the timeout error. */
  waitFor<A>(fn: PageFunction<A, unknown>, arg: A, what: string, timeoutMs?: number): Promise<void>;
  /** A real mouse click on an element inside the overlay's shadow root (selector relative to the root). */
  clickInOverlay(selector: string): Promise<void>;
  /** A real key press sent to the focused element, e.g. 'Escape', 'Tab' or the chord 'Shift+Tab'. */
  press(key: string): Promise<void>;
  /** Makes this tab the selected one (the toolbar action acts on the selected tab). */
  bringToFront(): Promise<void>;
  /** Emulates `prefers-color-scheme` for this page. */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ReaderBrowser {
  readonly name: BrowserName;
  /** The extension's id (Chromium) or moz-extension host uuid (Firefox). */
  readonly extensionId: string;
  /** The loaded extension, read from the browser (fails when the background is not running). */
  extensionInfo(): Promise<ExtensionInfo>;
  /** The extension's commands and their current shortcuts, as the browser registered them. */
  commands(): Promise<ExtensionCommand[]>;
  /** A new tab, already brought to the front. */
  newPage(): Promise<TestPage>;
  /** Fires the toolbar action for the page's tab exactly as a click on the button does. */
  clickAction(page: TestPage): Promise<void>;
  /** The action's badge text and title for the page's tab, read from the browser. */
  actionState(page: TestPage): Promise<ActionState>;
  /** Navigates the page to a browser-internal page where extensions may not run. */
  gotoRestrictedPage(page: TestPage): Promise<string>;
  /** Closes the browser and removes its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the window (only meaningful with a display). Default: headless. */
  readonly headed?: boolean;
}

export const defaultTimeoutMs = 15_000;

/** Errors our extension logged in the page (its content script prefixes them with "Broadsheet"). */
export function extensionErrors(page: TestPage): string[] {
  return page.consoleErrors.filter((text) =>
    /broadsheet|chrome-extension:|moz-extension:/i.test(text),
  );
}

/** Requests that left this machine's test server: anything on http(s) not to 127.0.0.1. */
export function offHostRequests(page: TestPage): string[] {
  return page.requestedUrls.filter(
    (url) => /^(?:https?|wss?):/i.test(url) && new URL(url).hostname !== '127.0.0.1',
  );
}
