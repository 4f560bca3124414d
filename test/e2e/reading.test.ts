// The reading experience in a real Chromium with the built extension: every toolbar control applies at
// once, the keyboard shortcuts and help popover, reading progress, reduced motion, axe-core with no
// violations in every theme, and a screenshot of each theme in test-results/screenshots/
// (screenshots.test.ts publishes the README's).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { plainArticle } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { fixturesRoot, repoRoot, resultsDir } from './support/paths';
import { openReader } from './support/reader';
import { e2eTestTimeoutMs } from './support/session';

jest.setTimeout(e2eTestTimeoutMs * 2);

type Chromium = Awaited<ReturnType<typeof launchChromium>>;
type ChromiumTestPage = Awaited<ReturnType<Chromium['newPage']>>;

const host = `#${overlayHostId}`;
const screenshotsDir = join(resultsDir, 'screenshots');

let browser: Chromium;
let server: FixtureServer;
let testPage: ChromiumTestPage;
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer(fixturesRoot);
  browser = await launchChromium();
}, e2eTestTimeoutMs);

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.close();
  }
});

beforeEach(async () => {
  testPage = await browser.newPage();
  page = testPage.page;
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await testPage.goto(server.url(plainArticle.path));
  await openReader(browser, testPage);
  await waitForOverlaySettled(testPage);
});

afterEach(async () => {
  await testPage?.close().catch(() => undefined);
});

/** A computed style of the first element matching `selector` inside the overlay. */
function styleOf(selector: string, property: string): Promise<string> {
  return page.evaluate(
    ({ hostSelector, selector: inner, property: name }) => {
      const root = document.querySelector(hostSelector)?.shadowRoot;
      const element = root?.querySelector(inner);
      return element ? getComputedStyle(element).getPropertyValue(name) : 'missing';
    },
    { hostSelector: host, selector, property },
  );
}

function dialogData(name: string): Promise<string | null> {
  return page.locator(`${host} [role="dialog"]`).getAttribute(`data-${name}`);
}

// axe-core's own source, injected into the page (the @axe-core/playwright wrapper does the same, but its
// bundled axe-core does not load under jest's transform).
const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (hostSelector) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run({ include: [hostSelector] } as never);
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => JSON.stringify(node.target))
          .join(', ')})`,
    );
  }, host);
}

async function openSettings(): Promise<void> {
  const button = page.locator(`${host} .bs-settings-button`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

describe('Chromium: the reader toolbar', () => {
  it('changes text size, font, spacing, width, alignment and images at once', async () => {
    await openSettings();
    const before = parseFloat(await styleOf('.bs-page', 'font-size'));
    await page.locator(`${host} .bs-font-larger`).click();
    await page.locator(`${host} .bs-font-larger`).click();
    expect(parseFloat(await styleOf('.bs-page', 'font-size'))).toBe(before + 4);

    // Real key presses: the reader ignores events a script makes up (isTrusted false), as a page could.
    // Fonts are listed serif, sans, dyslexic, system.
    await page.locator(`${host} #bs-tool-font-family`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await styleOf('.bs-page', 'font-family')).toMatch(/Atkinson Hyperlegible/);
    await page.keyboard.press('ArrowDown');
    expect(await styleOf('.bs-page', 'font-family')).toMatch(/OpenDyslexic/);

    // Keyboard on the sliders, as a keyboard user would.
    const lineHeightBefore = parseFloat(await styleOf('.bs-page', 'line-height'));
    await page.locator(`${host} #bs-tool-line-height`).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(parseFloat(await styleOf('.bs-page', 'line-height'))).toBeGreaterThan(lineHeightBefore);

    const widthBefore = parseFloat(await styleOf('.bs-page', 'max-width'));
    await page.locator(`${host} #bs-tool-content-width`).focus();
    await page.keyboard.press('Home');
    expect(parseFloat(await styleOf('.bs-page', 'max-width'))).toBeLessThan(widthBefore);

    await page.locator(`${host} #bs-tool-text-align`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await styleOf('.bs-article p', 'text-align')).toBe('justify');

    await page.locator(`${host} #bs-tool-images`).uncheck();
    expect(await dialogData('images')).toBe('off');
  });

  it('applies a readable custom colour pair and refuses an unreadable one', async () => {
    await openSettings();
    // Typed into the hex fields beside the pickers (a native colour picker cannot be driven headless;
    // fill() on a text field types trusted input).
    await page.locator(`${host} #bs-tool-custom-bg-hex`).fill('#fdf6e3');
    await page.locator(`${host} #bs-tool-custom-fg-hex`).fill('#073642');
    expect(await dialogData('theme')).toBe('custom');
    expect(await styleOf('[role="dialog"]', 'background-color')).toBe('rgb(253, 246, 227)');
    await page.locator(`${host} #bs-tool-custom-fg-hex`).fill('#eeeeee');
    await expect(page.locator(`${host} .bs-contrast`).textContent()).resolves.toMatch(/too low/);
    expect(await styleOf('[role="dialog"]', 'color')).toBe('rgb(7, 54, 66)');
  });

  it('answers the keyboard: - and +, t, ? and Escape, with every control reachable by Tab', async () => {
    const size = () => styleOf('.bs-page', 'font-size').then(parseFloat);
    const start = await size();
    await page.keyboard.press('+');
    expect(await size()).toBe(start + 2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await size()).toBe(start - 2);
    await page.keyboard.press('t');
    expect(await dialogData('theme')).toBe('light');
    await page.keyboard.press('t');
    expect(await dialogData('theme')).toBe('sepia');

    await page.keyboard.press('?');
    await expect(page.locator(`${host} .bs-help`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`${host} .bs-help`).textContent()).resolves.toMatch(/Next theme/);
    await page.keyboard.press('Escape');
    await expect(page.locator(`${host} .bs-help`).isVisible()).resolves.toBe(false);

    // Tab through the toolbar: each control is reached and has an accessible name.
    await openSettings();
    const names = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate((hostSelector) => {
        const active = document.querySelector(hostSelector)?.shadowRoot?.activeElement;
        if (!active) return null;
        const labelled = active.getAttribute('aria-label');
        const label = active.id
          ? active.getRootNode() instanceof ShadowRoot
            ? (active.getRootNode() as ShadowRoot).querySelector(`label[for="${active.id}"]`)
                ?.textContent
            : null
          : null;
        return `${active.tagName.toLowerCase()}:${labelled ?? label ?? active.textContent ?? ''}`;
      }, host);
      if (name) names.add(name);
    }
    const joined = [...names].join('\n');
    for (const expected of [
      'Smaller text',
      'Larger text',
      'Font',
      'Line spacing',
      'Line length',
      'Alignment',
      'Show images',
      'Background',
      'Keyboard shortcuts',
      'Close reader view',
    ]) {
      expect(joined).toContain(expected);
    }

    await page.keyboard.press('Escape'); // closes the settings panel
    await page.keyboard.press('Escape'); // closes the reader
    await expect(page.locator(host).count()).resolves.toBe(0);
  });

  it('shows reading progress and the minutes left', async () => {
    const bar = page.locator(`${host} [role="progressbar"]`);
    await expect(bar.getAttribute('aria-label')).resolves.toBe('Reading progress');
    await page.evaluate((hostSelector) => {
      const dialog = document.querySelector(hostSelector)?.shadowRoot?.querySelector('.bs-dialog');
      dialog?.scrollTo({ top: dialog.scrollHeight });
    }, host);
    await testPage.waitFor(
      (hostSelector) =>
        document
          .querySelector(hostSelector)
          ?.shadowRoot?.querySelector('[role="progressbar"]')
          ?.getAttribute('aria-valuenow') === '100',
      host,
      'progress at 100%',
    );
    await expect(page.locator(`${host} .bs-minutes-left`).textContent()).resolves.toBe('Finished');
  });

  it('does not animate when the system asks for reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await styleOf('.bs-page', 'animation-name')).toBe('none');
    expect(await styleOf('.bs-progress-fill', 'transition-duration')).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await styleOf('.bs-page', 'animation-name')).toBe('bs-enter');
  });

  it('copies the article as Markdown, saves it as an HTML file and prints only the article', async () => {
    const origin = new URL(server.url(plainArticle.path)).origin;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator(`${host} .bs-actions-button`).click();
    await page.locator(`${host} .bs-copy-markdown`).click();
    await page.locator(`${host} .bs-action-status`, { hasText: 'Copied as Markdown.' }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(
      /^# Harbour town opens a library in its old lifeboat station\n\n\*Maren Holt\*/,
    );
    expect(markdown).toContain('The lifeboat station at the end of Quay Street');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${host} .bs-save-html`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Harbour-town-opens-a-library-in-its-old-lifeboat-station.html',
    );
    const saved = readFileSync(await download.path(), 'utf8');
    expect(saved).toContain('<h1 class="bs-title">Harbour town opens a library');
    expect(saved).toContain('.bs-article');
    expect(saved).not.toContain('<script');

    // Print: a hidden frame holding only the article, with the print stylesheet, is printed.
    const framePromise = page.waitForEvent('frameattached');
    await page.locator(`${host} .bs-print`).click();
    const frame = await framePromise;
    await frame.waitForLoadState('load');
    const printed = await frame.evaluate(() => ({
      title: document.querySelector('h1.bs-title')?.textContent ?? '',
      hasPrintCss: (document.querySelector('style')?.textContent ?? '').includes('@media print'),
      other: document.querySelectorAll('nav, footer, aside').length,
    }));
    expect(printed).toEqual({
      title: 'Harbour town opens a library in its old lifeboat station',
      hasPrintCss: true,
      other: 0,
    });
  });

  it('reads aloud paragraph by paragraph, or says plainly that there are no voices', async () => {
    await page.locator(`${host} .bs-actions-button`).click();
    const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
    if (voices === 0) {
      // Headless Chromium on Linux usually has no speech voices.
      await page
        .locator(`${host} .bs-speech-message`, { hasText: 'no voices for reading aloud' })
        .waitFor();
    } else {
      await page.locator(`${host} .bs-speech-play`).click();
      await page.locator(`${host} .bs-article .bs-speaking`).waitFor();
      await page.locator(`${host} .bs-speech-stop`).click();
      await expect(page.locator(`${host} .bs-article .bs-speaking`).count()).resolves.toBe(0);
    }
  });

  it('has no axe-core violations in any theme, panels open, and saves a screenshot of each', async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    const problems: string[] = [];
    for (const theme of ['light', 'sepia', 'dark', 'custom'] as const) {
      if (theme === 'custom') {
        await openSettings();
        await page.locator(`${host} .bs-use-custom`).click();
        await page.locator(`${host} .bs-settings-button`).click();
      } else {
        await page.locator(`${host} .bs-theme-switch [data-theme="${theme}"]`).click();
      }
      expect(await dialogData('theme')).toBe(theme);
      for (const violation of await axeViolations()) problems.push(`${theme}: ${violation}`);
      const file = join(screenshotsDir, `chromium-reading-${theme}.png`);
      await page.screenshot({ path: file });
      await openSettings();
      for (const violation of await axeViolations())
        problems.push(`${theme} + settings: ${violation}`);
      if (theme === 'light') {
        await page.screenshot({ path: join(screenshotsDir, 'chromium-reading-settings.png') });
      }
      await page.locator(`${host} .bs-actions-button`).click();
      for (const violation of await axeViolations())
        problems.push(`${theme} + actions: ${violation}`);
      await page.locator(`${host} .bs-help-button`).click();
      for (const violation of await axeViolations()) problems.push(`${theme} + help: ${violation}`);
      await page.keyboard.press('Escape');
    }
    expect(problems).toEqual([]);
  });
});
