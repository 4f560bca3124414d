// The overlay follows the system colour scheme, and a screenshot of each theme on the seed-like page is saved
// to test-results/screenshots/ (the Chromium ones also to docs/screenshots/ for the README, see below).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { seedLikePages, type ArticleFixture } from './support/fixtures';
import { overlayHostId, overlayStyles, waitForOverlaySettled } from './support/overlay';
import { docsScreenshotsDir, resultsDir } from './support/paths';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

const [fixture] = seedLikePages() as [ArticleFixture];
const screenshotsDir = join(resultsDir, 'screenshots');

/**
 * The README's screenshots are checked in, so they are only replaced on purpose
 * (BROADSHEET_UPDATE_SCREENSHOTS=1) or when missing; every run writes fresh ones to test-results/.
 */
function publishForReadme(file: string, name: string): void {
  const target = join(docsScreenshotsDir, name);
  if (process.env.BROADSHEET_UPDATE_SCREENSHOTS === '1' || !existsSync(target)) {
    mkdirSync(docsScreenshotsDir, { recursive: true });
    copyFileSync(file, target);
  }
}

/** Relative luminance of a computed `rgb(...)`/`rgba(...)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (channels?.length !== 3) throw new Error(`Not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(browserNames)('%s: themes and screenshots', (browserName) => {
  const session = useBrowserSession(browserName);

  it.each(['light', 'dark'] as const)('follows a %s system colour scheme', async (scheme) => {
    const page = await session.open(fixture.path);
    await page.emulateColorScheme(scheme);
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    const dialog = await overlayStyles(page, '[role="dialog"]', ['background-color', 'color']);
    const title = await overlayStyles(page, 'h1.bs-title', ['color']);
    mkdirSync(screenshotsDir, { recursive: true });
    const file = join(screenshotsDir, `${browserName}-overlay-${scheme}.png`);
    await page.screenshot(file);
    if (browserName === 'chromium') publishForReadme(file, `overlay-${scheme}.png`);

    expect(dialog?.visible).toBe(true);
    expect(title?.visible).toBe(true);
    const background = luminance(dialog?.styles['background-color'] ?? '');
    const text = luminance(title?.styles.color ?? '');
    if (scheme === 'light') expect(background).toBeGreaterThan(text);
    else expect(background).toBeLessThan(text);
  });

  // Last in the file: a theme picked here may be remembered, and the tests above need the default (auto).
  it('switches between light, sepia and dark with the theme switch', async () => {
    const page = await session.open(fixture.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    const backgrounds: Record<string, string> = {};
    for (const theme of ['sepia', 'dark', 'light']) {
      await page.clickInOverlay(`.bs-theme-switch [data-theme="${theme}"]`);
      await page.waitFor(
        ({ hostId, wanted }) =>
          document
            .getElementById(hostId)
            ?.shadowRoot?.querySelector('[role="dialog"]')
            ?.getAttribute('data-theme') === wanted,
        { hostId: overlayHostId, wanted: theme },
        `data-theme="${theme}" on the dialog`,
      );
      await waitForOverlaySettled(page);
      const dialog = await overlayStyles(page, '[role="dialog"]', ['background-color']);
      backgrounds[theme] = dialog?.styles['background-color'] ?? '';
      if (theme === 'sepia')
        await page.screenshot(join(screenshotsDir, `${browserName}-overlay-sepia.png`));
    }
    expect(new Set(Object.values(backgrounds)).size).toBe(3);
    expect(luminance(backgrounds.dark ?? '')).toBeLessThan(luminance(backgrounds.sepia ?? ''));
    expect(luminance(backgrounds.sepia ?? '')).toBeLessThan(luminance(backgrounds.light ?? ''));
  });
});
