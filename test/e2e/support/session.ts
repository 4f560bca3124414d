// Jest wiring for one browser per test file: launch it and the fixture server once, open fresh tabs per test,
// and always close tabs, the browser and the server (no leftover processes or temp profiles).
import { launchBrowser } from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { fixturesRoot } from './paths';
import type { BrowserName, ReaderBrowser, TestPage } from './reader-browser';

/** Generous: real browsers on a shared 2-core machine. Never an assertion on speed. */
export const e2eTestTimeoutMs = 60_000;

export interface BrowserSession {
  readonly browser: ReaderBrowser;
  readonly server: FixtureServer;
  /** Opens a fixture page (path under test/fixtures) in a new tab brought to the front. */
  open(fixturePath: string): Promise<TestPage>;
}

/** Registers beforeAll/afterEach/afterAll hooks in the current describe block. */
export function useBrowserSession(name: BrowserName): BrowserSession {
  jest.setTimeout(e2eTestTimeoutMs);
  let browser: ReaderBrowser | undefined;
  let server: FixtureServer | undefined;
  const pages: TestPage[] = [];

  beforeAll(async () => {
    server = await startFixtureServer(fixturesRoot);
    browser = await launchBrowser(name);
  }, e2eTestTimeoutMs);

  afterEach(async () => {
    const open = pages.splice(0);
    for (const page of open) await page.close().catch(() => undefined);
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  }, e2eTestTimeoutMs);

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running (did beforeAll fail?)`);
    return value;
  };

  return {
    get browser() {
      return ready(browser, `${name}`);
    },
    get server() {
      return ready(server, 'The fixture server');
    },
    async open(fixturePath: string): Promise<TestPage> {
      const page = await ready(browser, `${name}`).newPage();
      pages.push(page);
      await page.goto(ready(server, 'The fixture server').url(fixturePath));
      return page;
    },
  };
}
