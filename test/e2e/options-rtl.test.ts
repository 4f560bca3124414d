// A right-to-left browser UI: the options page and the reader's controls mirror (dir="rtl" from
// browser.i18n's @@bidi_dir), while a left-to-right article stays left to right; axe-core finds nothing.
// Firefox only: its pseudo-locale pref intl.l10n.pseudo="bidi" makes the whole UI right to left at run time.
// The Debian Chromium here ships only its en-US UI locale and has no run-time switch, so it cannot show an
// RTL UI; right-to-left articles are covered in both browsers by pages.test.ts.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, poll, useOptionsPages } from './options-page';
import { browserNames } from './support/browsers';
import type { launchFirefox } from './support/firefox';
import { plainArticle } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { repoRoot, resultsDir } from './support/paths';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;

const screenshotsDir = join(resultsDir, 'screenshots');
const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const describeInFirefox = browserNames.includes('firefox') ? describe : describe.skip;

interface Box {
  left: number;
  right: number;
}

describeInFirefox('firefox: a right-to-left browser UI', () => {
  const session = useBrowserSession('firefox');
  const pages = useOptionsPages('firefox', () => session.browser);

  beforeAll(async () => {
    await (session.browser as FirefoxBrowser).evaluateInChrome(
      `Services.prefs.setStringPref('intl.l10n.pseudo', 'bidi')`,
    );
  });

  it('mirrors the options page', async () => {
    const page = await pages.open();
    const layout = await page.evaluate(() => {
      const box = (selector: string) => {
        const rect = document.querySelector(selector)?.getBoundingClientRect();
        return rect ? { left: rect.left, right: rect.right } : null;
      };
      return {
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.body).direction,
        icon: box('header img'),
        title: box('header h1'),
        tools: box('.reading-tools'),
        preview: box('.preview'),
      };
    }, null);
    expect(layout.dir).toBe('rtl');
    expect(layout.direction).toBe('rtl');
    // Reading order runs from the right: the icon before the title, the controls before the preview.
    expect((layout.icon as Box).left).toBeGreaterThan((layout.title as Box).right - 1);
    expect((layout.tools as Box).left).toBeGreaterThan((layout.preview as Box).right - 1);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot(join(screenshotsDir, 'firefox-options-rtl.png'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it("mirrors the reader's controls but not a left-to-right article", async () => {
    const page = await session.open(plainArticle.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    await page.clickInOverlay('.bs-settings-button');
    const layout = await poll(
      'the settings panel',
      () =>
        page.evaluate((hostId) => {
          const root = document.getElementById(hostId)?.shadowRoot;
          const box = (selector: string) => {
            const rect = root?.querySelector(selector)?.getBoundingClientRect();
            return rect ? { left: rect.left, right: rect.right } : null;
          };
          const toolbar = root?.querySelector('.bs-toolbar');
          const panel = root?.querySelector('.bs-settings');
          const article = root?.querySelector('.bs-article p');
          return {
            toolbarDir: toolbar?.getAttribute('dir'),
            panelDirection: panel ? getComputedStyle(panel).direction : null,
            panelOpen: panel instanceof HTMLElement && !panel.hidden,
            articleDirection: article ? getComputedStyle(article).direction : null,
            close: box('.bs-close'),
            themes: box('.bs-theme-switch'),
          };
        }, overlayHostId),
      (value) => value.panelOpen,
    );
    expect(layout.toolbarDir).toBe('rtl');
    expect(layout.panelDirection).toBe('rtl');
    expect(layout.articleDirection).toBe('ltr');
    // The close button sits at the start of a right-to-left line's end: the left edge.
    expect((layout.close as Box).right).toBeLessThan((layout.themes as Box).left);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot(join(screenshotsDir, 'firefox-reading-rtl-ui.png'));
    const violations = await page.evaluate(
      async ({ source, hostId }) => {
        const scope = window as unknown as { axe?: typeof import('axe-core') };
        if (!scope.axe) {
          const script = document.createElement('script');
          script.textContent = source;
          document.head.append(script);
        }
        if (!scope.axe) throw new Error('axe-core did not load in the page');
        const results = await scope.axe.run({ include: [`#${hostId}`] } as never);
        return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
      },
      { source: axeSource, hostId: overlayHostId },
    );
    expect(violations).toEqual([]);
  });
});
