// The reader in two bundles (content.js paints, reader-tools.js brings the toolbar's panels): in a real
// browser the panels arrive by themselves after the first paint, a panel opened the moment the article
// appears opens with its controls, a long article ends up whole, and pages cannot load either script.
import { browserNames } from './support/browsers';
import { plainArticle, seedLikePages } from './support/fixtures';
import { overlayHostId, waitForOverlay } from './support/overlay';
import { extensionErrors } from './support/reader-browser';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

describe.each(browserNames)('%s: the reader in two bundles', (browserName) => {
  const session = useBrowserSession(browserName);

  it('fills the toolbar panels after the first paint, without a click', async () => {
    const page = await session.open(plainArticle.path);
    await openReader(session.browser, page);
    await page.waitFor(
      (hostId: string) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        return (
          root?.querySelector('#bs-settings .bs-font-larger') != null &&
          root.querySelector('#bs-actions .bs-copy-markdown') != null &&
          root.querySelector('#bs-help .bs-shortcuts') != null
        );
      },
      overlayHostId,
      'the settings, actions and help panels to be filled',
    );
    expect(extensionErrors(page)).toEqual([]);
  });

  it('opens a panel clicked as soon as the article shows, with its controls', async () => {
    const page = await session.open(plainArticle.path);
    await session.browser.clickAction(page);
    await waitForOverlay(page);
    await page.clickInOverlay('.bs-settings-button');
    await page.waitFor(
      (hostId: string) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        const panel = root?.querySelector<HTMLElement>('#bs-settings');
        return panel?.hidden === false && panel.querySelector('.bs-font-larger') !== null;
      },
      overlayHostId,
      'the settings panel to open with its controls',
    );
    await page.clickInOverlay('.bs-font-larger');
    const size = await page.evaluate((hostId: string) => {
      const dialog = document
        .getElementById(hostId)
        ?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      return dialog?.style.getPropertyValue('--bs-font-size') ?? null;
    }, overlayHostId);
    expect(size).toBe('22px');
  });

  it('shows a long article whole once its first screen has painted', async () => {
    const [seed] = seedLikePages();
    if (seed === undefined) throw new Error('no seed-like page');
    const page = await session.open(seed.path);
    const view = await openReader(session.browser, page);
    expect(view.articleText).toContain(seed.firstParagraph);
    expect(view.articleText).toContain(seed.lastParagraph);
    const busy = await page.evaluate(
      (hostId: string) =>
        document.getElementById(hostId)?.shadowRoot?.querySelector('[aria-busy]') != null,
      overlayHostId,
    );
    expect(busy).toBe(false);
  });

  it('does not let the page load the extension’s scripts', async () => {
    const page = await session.open(plainArticle.path);
    await openReader(session.browser, page);
    const scheme = browserName === 'firefox' ? 'moz-extension' : 'chrome-extension';
    const base = `${scheme}://${session.browser.extensionId}/`;
    const loaded = await page.evaluate(async (root: string) => {
      const attempt = async (file: string) => {
        try {
          const response = await fetch(root + file);
          return response.ok ? file : null;
        } catch {
          return null;
        }
      };
      const files = ['content.js', 'reader-tools.js', 'fonts/literata-latin-400-normal.woff2'];
      return (await Promise.all(files.map(attempt))).filter(Boolean);
    }, base);
    // The fonts are web-accessible (the reader's faces load from the page), which shows the check works.
    expect(loaded).toEqual(['fonts/literata-latin-400-normal.woff2']);
  });
});
