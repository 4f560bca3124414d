// The overlay lives in a shadow root: hostile page CSS does not change it, and its own CSS does not reach
// the page.
import { browserNames } from './support/browsers';
import { aggressiveCssArticle, plainArticle } from './support/fixtures';
import { overlayStyles, waitForOverlayClosed } from './support/overlay';
import { pageElementStyles } from './support/page-state';
import type { TestPage } from './support/reader-browser';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

const looks = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'border-top-width',
  'padding-top',
  'display',
] as const;

/** The overlay parts whose look is compared between the plain and the hostile page. */
const overlayParts = ['[role="dialog"]', 'h1.bs-title', '.bs-article p', 'button.bs-close'];

/** Page elements whose computed style must not change while the overlay is open. */
const pageParts = ['article h1', 'article p:nth-of-type(2)', 'aside h2', 'nav a', 'footer'];

async function overlayLook(page: TestPage) {
  const look: Record<string, unknown> = {};
  for (const part of overlayParts) look[part] = await overlayStyles(page, part, looks);
  return look;
}

describe.each(browserNames)('%s: style isolation', (browserName) => {
  const session = useBrowserSession(browserName);

  it("the page's CSS does not change the overlay", async () => {
    const plain = await session.open(plainArticle.path);
    await plain.emulateColorScheme('light');
    await openReader(session.browser, plain);
    const expected = await overlayLook(plain);
    for (const part of overlayParts)
      expect({ part, visible: (expected[part] as { visible: boolean } | null)?.visible }).toEqual({
        part,
        visible: true,
      });

    const hostile = await session.open(aggressiveCssArticle.path);
    await hostile.emulateColorScheme('light');
    await openReader(session.browser, hostile);
    expect(await overlayLook(hostile)).toEqual(expected);
  });

  it("the overlay's CSS does not reach the page", async () => {
    const page = await session.open(plainArticle.path);
    const before: Record<string, Record<string, string>> = {};
    for (const part of pageParts) before[part] = await pageElementStyles(page, part);

    await openReader(session.browser, page);
    const during: Record<string, Record<string, string>> = {};
    for (const part of pageParts) during[part] = await pageElementStyles(page, part);
    expect(during).toEqual(before);

    await page.press('Escape');
    await waitForOverlayClosed(page);
  });
});
