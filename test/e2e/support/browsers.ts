// The browsers every e2e test runs in. BROADSHEET_E2E_BROWSERS=chromium (or firefox) narrows a local run.
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, ReaderBrowser } from './reader-browser';

const launchers: Record<BrowserName, (options?: LaunchOptions) => Promise<ReaderBrowser>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
};

const allBrowsers = Object.keys(launchers) as BrowserName[];

function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.BROADSHEET_E2E_BROWSERS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted === undefined || wanted.length === 0) return allBrowsers;
  const unknown = wanted.filter((name) => !allBrowsers.includes(name as BrowserName));
  if (unknown.length > 0) {
    throw new Error(
      `BROADSHEET_E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${allBrowsers.join(', ')}`,
    );
  }
  return wanted as BrowserName[];
}

export const browserNames: readonly BrowserName[] = selectedBrowsers();

export function launchBrowser(name: BrowserName, options?: LaunchOptions): Promise<ReaderBrowser> {
  return launchers[name](options);
}
