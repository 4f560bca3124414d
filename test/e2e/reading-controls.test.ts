// The reader's controls in both browsers (reading.test.ts goes deeper in Chromium): every control is
// reached by Tab and has a name, "All settings" included; reading progress and minutes left; reduced
// motion; copy as Markdown, save as a self-contained HTML file (the saved file is read back), print only
// the article, and read aloud (or the plain "no voices" message where the browser has none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import { poll } from './options-page';
import { browserNames } from './support/browsers';
import type { launchFirefox } from './support/firefox';
import { plainArticle } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { openReader } from './support/reader';
import type { BrowserName, TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';
import { makeTempDir, type TempDir } from './support/temp-dir';

type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;

const articleTitle = 'Harbour town opens a library in its old lifeboat station';

/** In the page: a computed style of the first element matching `selector` in the reader. */
function readerStyle({
  hostId,
  selector,
  property,
}: {
  hostId: string;
  selector: string;
  property: string;
}) {
  const element = document.getElementById(hostId)?.shadowRoot?.querySelector(selector);
  return element ? getComputedStyle(element).getPropertyValue(property) : 'missing';
}

function readerText({ hostId, selector }: { hostId: string; selector: string }): string {
  return (
    document.getElementById(hostId)?.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? ''
  );
}

async function waitForReaderText(
  page: TestPage,
  selector: string,
  pattern: RegExp,
): Promise<string> {
  return poll(
    `${selector} to match ${pattern}`,
    () => page.evaluate(readerText, { hostId: overlayHostId, selector }),
    (text) => pattern.test(text),
  );
}

describe.each(browserNames)('%s: the reader controls', (browserName: BrowserName) => {
  const session = useBrowserSession(browserName);
  let downloads: TempDir;

  const firefox = () => session.browser as FirefoxBrowser;
  const playwrightPage = (page: TestPage) => (page as unknown as { page: PlaywrightPage }).page;
  const setFirefoxPrefs = (prefs: Record<string, string | number | boolean>) =>
    firefox().evaluateInChrome(
      Object.entries(prefs)
        .map(([name, value]) => {
          const kind =
            typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Int' : 'Bool';
          return `Services.prefs.set${kind}Pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`;
        })
        .join('\n'),
    );

  beforeAll(async () => {
    downloads = makeTempDir(`downloads-${browserName}`);
    if (browserName === 'firefox') {
      // Saved files go to a temporary folder without asking; printing goes silently to a PDF file there.
      await setFirefoxPrefs({
        'browser.download.folderList': 2,
        'browser.download.dir': downloads.path,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'print.always_print_silent': true,
        'print.show_print_progress': false,
        print_printer: 'Mozilla Save to PDF',
        'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
        'print.printer_Mozilla_Save_to_PDF.print_to_filename': join(downloads.path, 'printed.pdf'),
      });
    }
  });

  afterAll(() => downloads?.remove());

  async function reader(): Promise<TestPage> {
    const page = await session.open(plainArticle.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    return page;
  }

  it('reaches every control by Tab, each with a name, "All settings" included', async () => {
    const page = await reader();
    await page.clickInOverlay('.bs-settings-button');
    const names = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.press('Tab');
      const name = await page.evaluate((hostId) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        const active = root?.activeElement;
        if (!root || !active) return null;
        const label = active.id
          ? root.querySelector(`label[for="${active.id}"]`)?.textContent
          : null;
        return active.getAttribute('aria-label') ?? label ?? active.textContent ?? '';
      }, overlayHostId);
      if (name) names.add(name.trim());
    }
    for (const expected of [
      'Reading settings',
      'Smaller text',
      'Larger text',
      'Font',
      'Line spacing',
      'Line length',
      'Alignment',
      'Show images',
      'All settings',
      'Keyboard shortcuts',
      'Close reader view',
    ]) {
      expect([...names]).toContain(expected);
    }
  });

  it('shows reading progress and the minutes left', async () => {
    const page = await reader();
    expect(
      await page.evaluate(readerStyle, {
        hostId: overlayHostId,
        selector: '[role="progressbar"]',
        property: 'display',
      }),
    ).not.toBe('none');
    await waitForReaderText(page, '.bs-minutes-left', /\d+ min left/);
    await page.evaluate((hostId) => {
      const dialog = document.getElementById(hostId)?.shadowRoot?.querySelector('.bs-dialog');
      dialog?.scrollTo({ top: dialog.scrollHeight });
    }, overlayHostId);
    await page.waitFor(
      (hostId) =>
        document
          .getElementById(hostId)
          ?.shadowRoot?.querySelector('[role="progressbar"]')
          ?.getAttribute('aria-valuenow') === '100',
      overlayHostId,
      'progress at 100%',
    );
    await waitForReaderText(page, '.bs-minutes-left', /^Finished$/);
  });

  it('does not animate when the system asks for reduced motion', async () => {
    const setReducedMotion = async (page: TestPage, reduce: boolean) => {
      if (browserName === 'chromium') {
        await playwrightPage(page).emulateMedia({
          reducedMotion: reduce ? 'reduce' : 'no-preference',
        });
      } else {
        await setFirefoxPrefs({ 'ui.prefersReducedMotion': reduce ? 1 : 0 });
      }
      await page.waitFor(
        (wanted) => matchMedia('(prefers-reduced-motion: reduce)').matches === wanted,
        reduce,
        `prefers-reduced-motion ${reduce ? 'reduce' : 'no-preference'}`,
      );
    };
    const page = await reader();
    const style = (selector: string, property: string) =>
      page.evaluate(readerStyle, { hostId: overlayHostId, selector, property });
    try {
      await setReducedMotion(page, true);
      expect(await style('.bs-page', 'animation-name')).toBe('none');
      expect(await style('.bs-progress-fill', 'transition-duration')).toBe('0s');
      await setReducedMotion(page, false);
      expect(await style('.bs-page', 'animation-name')).toBe('bs-enter');
    } finally {
      await setReducedMotion(page, false);
    }
  });

  it('copies Markdown, saves a self-contained HTML file, prints only the article', async () => {
    const page = await reader();
    if (browserName === 'chromium') {
      const origin = new URL(session.server.url(plainArticle.path)).origin;
      await playwrightPage(page)
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    }
    await page.clickInOverlay('.bs-actions-button');
    await page.clickInOverlay('.bs-copy-markdown');
    await waitForReaderText(page, '.bs-action-status', /^Copied as Markdown\.$/);

    let savedHtml: string;
    if (browserName === 'chromium') {
      const [download] = await Promise.all([
        playwrightPage(page).waitForEvent('download'),
        page.clickInOverlay('.bs-save-html'),
      ]);
      savedHtml = readFileSync(await download.path(), 'utf8');
    } else {
      await page.clickInOverlay('.bs-save-html');
      const file = join(downloads.path, `${articleTitle.replace(/ /g, '-')}.html`);
      await poll(
        `the saved file in ${downloads.path}`,
        async () => (existsSync(file) ? readFileSync(file, 'utf8') : ''),
        (text) => text.includes('</html>'),
      );
      savedHtml = readFileSync(file, 'utf8');
    }
    await waitForReaderText(page, '.bs-action-status', /^Saved as .*\.html/);
    expect(savedHtml).toContain(`<h1 class="bs-title">${articleTitle}`);
    expect(savedHtml).not.toContain('<script');

    // Print: a hidden frame holding only the article and the print stylesheet. It may be printed and gone
    // within moments (Firefox prints silently here), so the page records each frame as it is added.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { printFrames: string[] }).printFrames = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of Array.from(record.addedNodes)) {
            if (node instanceof HTMLIFrameElement && node.srcdoc) seen.push(node.srcdoc);
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    }, null);
    await page.clickInOverlay('.bs-print');
    const printed = await poll(
      'the print frame',
      () =>
        page.evaluate(() => {
          const [html] = (window as unknown as { printFrames: string[] }).printFrames;
          if (html === undefined) return null;
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return {
            title: doc.querySelector('h1.bs-title')?.textContent ?? '',
            printCss: (doc.querySelector('style')?.textContent ?? '').includes('@media print'),
            furniture: doc.querySelectorAll('nav, footer, aside, script').length,
          };
        }, null),
      (value) => value !== null,
    );
    expect(printed).toEqual({ title: articleTitle, printCss: true, furniture: 0 });
    if (browserName === 'firefox') {
      await poll(
        'the printed PDF',
        async () => readdirSync(downloads.path),
        (files) => files.includes('printed.pdf'),
      );
    }
  });

  it('keeps every kind of text at WCAG AA contrast (4.5:1) in every theme', async () => {
    const page = await reader();
    const failures: string[] = [];
    for (const theme of ['light', 'sepia', 'dark', 'custom'] as const) {
      if (theme === 'custom') {
        await page.clickInOverlay('.bs-settings-button');
        await page.clickInOverlay('.bs-use-custom');
        await page.clickInOverlay('.bs-settings-button');
      } else {
        await page.clickInOverlay(`.bs-theme-switch [data-theme="${theme}"]`);
      }
      await page.waitFor(
        ({ hostId, wanted }) =>
          document.getElementById(hostId)?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]')
            ?.dataset.theme === wanted,
        { hostId: overlayHostId, wanted: theme },
        `the ${theme} theme`,
      );
      const pairs = await page.evaluate((hostId) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = (color: string) => {
          const [r = 0, g = 0, b = 0] = rgb(color).map((value) => {
            const c = value / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        // The first opaque background from the element up (the dialog always has one).
        const backgroundOf = (element: Element): string => {
          for (let node: Element | null = element; node; node = node.parentElement) {
            const background = getComputedStyle(node).backgroundColor;
            const alpha = rgb(background)[3];
            if (background !== 'transparent' && alpha !== 0) return background;
          }
          return 'rgb(255, 255, 255)';
        };
        const selectors = [
          'h1.bs-title',
          '.bs-site',
          '.bs-byline',
          '.bs-date',
          '.bs-reading-time',
          '.bs-article p',
          '.bs-article a',
          '.bs-minutes-left',
          '.bs-theme-switch button',
          '.bs-settings-button',
        ];
        return selectors.flatMap((selector) => {
          const element = root?.querySelector(selector);
          if (!element) return [];
          const fg = getComputedStyle(element).color;
          const bg = backgroundOf(element);
          const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [
            number,
            number,
          ];
          return [{ selector, fg, bg, ratio: (light + 0.05) / (dark + 0.05) }];
        });
      }, overlayHostId);
      expect(pairs.length).toBeGreaterThanOrEqual(8);
      for (const pair of pairs) {
        if (pair.ratio < 4.5) {
          failures.push(
            `${theme} ${pair.selector}: ${pair.fg} on ${pair.bg} = ${pair.ratio.toFixed(2)}:1`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('reads aloud paragraph by paragraph, or says plainly that there are no voices', async () => {
    const page = await reader();
    await page.clickInOverlay('.bs-actions-button');
    const voices = await page.evaluate(() => speechSynthesis.getVoices().length, null);
    if (voices === 0) {
      await waitForReaderText(page, '.bs-speech-message', /no voices for reading aloud/);
    } else {
      await page.clickInOverlay('.bs-speech-play');
      await page.waitFor(
        (hostId) =>
          document.getElementById(hostId)?.shadowRoot?.querySelector('.bs-article .bs-speaking') !==
          null,
        overlayHostId,
        'a highlighted paragraph',
      );
      await page.clickInOverlay('.bs-speech-stop');
    }
  });
});
