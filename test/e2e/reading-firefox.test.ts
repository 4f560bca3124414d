// The reading experience in Firefox with the built extension, a representative subset: the settings
// panel applies changes, the shortcuts work, and axe-core (its source injected into the page) finds no
// violations in the overlay in any theme with its panels open. Screenshots of each theme are saved.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainArticle } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { repoRoot, resultsDir } from './support/paths';
import { openReader } from './support/reader';
import type { TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const screenshotsDir = join(resultsDir, 'screenshots');

function dialogAttribute(page: TestPage, name: string): Promise<string | null> {
  return page.evaluate(
    ({ hostId, attribute }) =>
      document
        .getElementById(hostId)
        ?.shadowRoot?.querySelector('[role="dialog"]')
        ?.getAttribute(attribute) ?? null,
    { hostId: overlayHostId, attribute: name },
  );
}

function pageFontSize(page: TestPage): Promise<number> {
  return page.evaluate((hostId) => {
    const element = document.getElementById(hostId)?.shadowRoot?.querySelector('.bs-page');
    return element ? parseFloat(getComputedStyle(element).fontSize) : Number.NaN;
  }, overlayHostId);
}

async function axeViolations(page: TestPage): Promise<string[]> {
  return page.evaluate(
    async ({ source, hostId }) => {
      const scope = window as unknown as { axe?: typeof import('axe-core') };
      if (!scope.axe) {
        const script = document.createElement('script');
        script.textContent = source;
        document.head.append(script);
      }
      if (!scope.axe) throw new Error('axe-core did not load in the page');
      const results = await scope.axe.run({ include: [`#${hostId}`] } as never);
      return results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes
            .slice(0, 3)
            .map((node) => JSON.stringify(node.target))
            .join(', ')})`,
      );
    },
    { source: axeSource, hostId: overlayHostId },
  );
}

describe('Firefox: the reader toolbar', () => {
  const session = useBrowserSession('firefox');

  it('applies settings and shortcuts at once', async () => {
    const page = await session.open(plainArticle.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    const start = await pageFontSize(page);
    await page.clickInOverlay('.bs-settings-button');
    await page.clickInOverlay('.bs-font-larger');
    expect(await pageFontSize(page)).toBe(start + 2);
    await page.press('Escape'); // closes the panel, not the reader
    await page.press('-');
    expect(await pageFontSize(page)).toBe(start);
    await page.press('t');
    expect(await dialogAttribute(page, 'data-theme')).toBe('light');
    await page.press('?');
    await page.waitFor(
      (hostId) =>
        document.getElementById(hostId)?.shadowRoot?.querySelector<HTMLElement>('.bs-help')
          ?.hidden === false,
      overlayHostId,
      'the help popover',
    );
  });

  it('has no axe-core violations in any theme, with its panels open', async () => {
    const page = await session.open(plainArticle.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    mkdirSync(screenshotsDir, { recursive: true });
    const problems: string[] = [];
    for (const theme of ['light', 'sepia', 'dark', 'custom']) {
      if (theme === 'custom') {
        await page.clickInOverlay('.bs-settings-button');
        await page.clickInOverlay('.bs-use-custom');
        await page.clickInOverlay('.bs-settings-button');
      } else {
        await page.clickInOverlay(`.bs-theme-switch [data-theme="${theme}"]`);
      }
      expect(await dialogAttribute(page, 'data-theme')).toBe(theme);
      for (const violation of await axeViolations(page)) problems.push(`${theme}: ${violation}`);
      await page.screenshot(join(screenshotsDir, `firefox-reading-${theme}.png`));
      for (const panel of ['settings', 'actions', 'help']) {
        await page.clickInOverlay(`.bs-${panel}-button`);
        for (const violation of await axeViolations(page)) {
          problems.push(`${theme} + ${panel}: ${violation}`);
        }
      }
      await page.press('Escape');
    }
    expect(problems).toEqual([]);
  });
});
