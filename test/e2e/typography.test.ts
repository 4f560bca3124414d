// Readable defaults, measured in the rendered overlay: a serif body face, about 65-75 characters per line
// and a comfortable line height (issue: "Readable defaults").
import { browserNames } from './support/browsers';
import { seedLikePages, type ArticleFixture } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

const [fixture] = seedLikePages() as [ArticleFixture];

interface BodyText {
  fontFamily: string;
  lineHeightRatio: number;
  /** Characters per full line, per long paragraph (its last, partial line counted as half a line). */
  charactersPerLine: number[];
}

describe.each(browserNames)('%s: reading comfort', (browserName) => {
  const session = useBrowserSession(browserName);

  it('sets the article in a serif face, about 65-75 characters per line, with comfortable leading', async () => {
    const page = await session.open(fixture.path);
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    const body = await page.evaluate((hostId: string): BodyText | null => {
      const root = document.getElementById(hostId)?.shadowRoot;
      // Blocks off screen are laid out at a placeholder height (content-visibility: auto) until scrolled
      // near: measured here, every paragraph is laid out as it will be when read.
      const laidOut = document.createElement('style');
      laidOut.textContent = '.bs-article * { content-visibility: visible !important; }';
      root?.append(laidOut);
      const article = root?.querySelector('.bs-article');
      const paragraphs = Array.from(article?.querySelectorAll('p') ?? []).filter(
        (p) => (p.textContent ?? '').trim().length > 400,
      );
      const first = paragraphs[0];
      if (first === undefined) return null;
      const style = getComputedStyle(first);
      const lineHeight = parseFloat(style.lineHeight);
      return {
        fontFamily: style.fontFamily,
        lineHeightRatio: lineHeight / parseFloat(style.fontSize),
        charactersPerLine: paragraphs.map((p) => {
          const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
          const characters = (p.textContent ?? '').replace(/\s+/g, ' ').trim().length;
          return Math.round(characters / (lines - 0.5));
        }),
      };
    }, overlayHostId);

    expect(body).not.toBeNull();
    const { fontFamily, lineHeightRatio, charactersPerLine } = body as BodyText;
    expect(fontFamily).toMatch(/serif|literata/i);
    expect(fontFamily).not.toMatch(/^\s*["']?sans-serif/i);
    expect(lineHeightRatio).toBeGreaterThanOrEqual(1.4);
    expect(lineHeightRatio).toBeLessThanOrEqual(1.9);
    const sorted = [...charactersPerLine].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    // "About" 65-75: a few characters either way is still about.
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(80);
  });
});
