// The options page in a real Chromium with the built extension: the reading settings with their live
// preview, saved to storage.sync and read back; a corrupt saved value reported per field; cleanup rules
// validated by the rules engine; export and import with clear errors; axe-core clean in light and dark.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { repoRoot, resultsDir } from './support/paths';
import { e2eTestTimeoutMs } from './support/session';

jest.setTimeout(e2eTestTimeoutMs);

type Chromium = Awaited<ReturnType<typeof launchChromium>>;

/** Code passed to worker.evaluate runs in the service worker, where `chrome` is the extension API. */
declare const chrome: {
  storage: {
    sync: {
      clear(): Promise<void>;
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const screenshotsDir = join(resultsDir, 'screenshots');

let browser: Chromium;
let optionsUrl: string;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  optionsUrl = `${(await browser.extensionInfo()).baseUrl}options.html`;
}, e2eTestTimeoutMs);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
  page = (await browser.newPage()).page;
});

afterEach(async () => {
  await page?.close().catch(() => undefined);
});

async function openOptions(scheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(optionsUrl, { waitUntil: 'load' });
  await page.locator('.reading .bs-font-size-value').waitFor();
}

function stored(): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(() => chrome.storage.sync.get(null));
}

async function waitForStored(key: string, value: unknown): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = await stored();
    if (isDeepStrictEqual(items[key], value)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `storage.sync ${key} is ${JSON.stringify(items[key])}, not ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function previewStyle(selector: string, property: string): Promise<string> {
  return page.evaluate(
    ({ selector: inner, property: name }) => {
      const root = document.querySelector('.bs-preview-host')?.shadowRoot;
      const element = root?.querySelector(inner);
      return element ? getComputedStyle(element).getPropertyValue(name) : 'missing';
    },
    { selector, property },
  );
}

async function axeViolations(): Promise<string[]> {
  // evaluate() is not bound by the page's CSP (script-src 'self'), unlike an injected <script>.
  await page.evaluate(axeSource);
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
  });
}

describe('Chromium: the options page', () => {
  it('changes the preview at once, saves to storage.sync and shows the saved values after a reload', async () => {
    await openOptions();
    expect(await previewStyle('.bs-page', 'font-size')).toBe('20px');
    await page.locator('.reading .bs-font-larger').click();
    await page.locator('.reading .bs-font-larger').click();
    expect(await previewStyle('.bs-page', 'font-size')).toBe('24px');
    await page.locator('#opt-theme').selectOption('sepia');
    await page.locator('#opt-font-family').selectOption('sans');
    expect(await previewStyle('.bs-dialog', 'background-color')).toBe('rgb(246, 239, 223)');
    expect(await previewStyle('.bs-page', 'font-family')).toMatch(/Atkinson Hyperlegible/);
    await waitForStored('settings.fontSize', 24);
    await waitForStored('settings.theme', 'sepia');

    await page.reload({ waitUntil: 'load' });
    await page.locator('.reading .bs-font-size-value').waitFor();
    await expect(page.locator('.reading .bs-font-size-value').textContent()).resolves.toBe('24 px');
    await expect(page.locator('#opt-theme').inputValue()).resolves.toBe('sepia');
    expect(await previewStyle('.bs-page', 'font-size')).toBe('24px');
  });

  it('says which saved setting was invalid and what it was reset to', async () => {
    await browser.worker.evaluate(() =>
      chrome.storage.sync.set({
        'settings.schemaVersion': 3,
        'settings.fontSize': 'huge',
        'settings.theme': 'dark',
      }),
    );
    await openOptions();
    const problems = page.locator('#problems');
    await expect(problems.isVisible()).resolves.toBe(true);
    await expect(problems.textContent()).resolves.toMatch(
      /Your saved setting "Text size" was invalid and was reset to 20\./,
    );
    // The other settings are kept.
    await expect(page.locator('#opt-theme').inputValue()).resolves.toBe('dark');
  });

  it('validates cleanup rules with the rules engine and saves the good ones', async () => {
    await openOptions();
    await page.locator('#rule-site').fill('example.com');
    await page.locator('#rule-selector').fill('div[');
    await page.locator('.rule-form button[type="submit"]').click();
    await page
      .locator('#rules-message', { hasText: /"div\[" is not a valid CSS selector/ })
      .waitFor();
    await page.locator('#rule-selector').fill('.newsletter-box');
    await page.keyboard.press('Enter');
    await page.locator('.rule-list li', { hasText: /example\.com\s+\.newsletter-box/ }).waitFor();
    await waitForStored('settings.userRules', [
      { site: 'example.com', selector: '.newsletter-box' },
    ]);
    await page.locator('.rule-list button').click();
    await waitForStored('settings.userRules', []);
  });

  it('exports the settings as a JSON file and imports them, with clear errors for bad files', async () => {
    await openOptions();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-settings').click(),
    ]);
    expect(download.suggestedFilename()).toBe('broadsheet-settings.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      settings: Record<string, unknown>;
    };
    expect(exported.format).toBe('broadsheet-settings');
    expect(exported.settings.fontSize).toBe(20);

    await page.locator('#import-settings').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await page.locator('#transfer-message', { hasText: /Nothing was imported: .*JSON/ }).waitFor();

    exported.settings.fontSize = 30;
    exported.settings.lineHeight = 'tall';
    await page.locator('#import-settings').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await page
      .locator('#transfer-message', {
        hasText: /Settings imported\..*"Line spacing" was invalid and was reset to 1\.6/,
      })
      .waitFor();
    await waitForStored('settings.fontSize', 30);
    expect(await previewStyle('.bs-page', 'font-size')).toBe('30px');
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations in %s mode', async (scheme) => {
    await openOptions(scheme);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({
      path: join(screenshotsDir, `chromium-options-${scheme}.png`),
      fullPage: true,
    });
    expect(await axeViolations()).toEqual([]);
  });
});
