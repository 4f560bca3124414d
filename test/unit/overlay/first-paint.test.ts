// The first paint of a long article: the body's first screen is in the overlay at once, the rest follows
// after the first frame (below the fold, so nothing visible moves), ending exactly as the whole article;
// the panels' bundle loads at idle after that, or at once when a panel is opened first. Real pages in jsdom.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { extract, type ExtractedArticle } from '../../../src/extraction';
import { firstScreenChars } from '../../../src/extraction/first-screen';
import { buildArticleParts } from '../../../src/overlay/article-view';
import { hostId, mountOverlay } from '../../../src/overlay/overlay';
import { panelContent } from '../../../src/overlay/reader-tools';
import type { PanelContent } from '../../../src/overlay/tools-contract';
import { englishMessages, fixturePage, readabilityPage, repoRoot } from '../extension/dom';
import { extractFrom, waitFor } from './support';

const t = englishMessages();
const ui = { lang: 'en', dir: 'ltr' } as const;
const nextFrames = () => new Promise((resolve) => setTimeout(resolve, 80));

function open(
  dom: JSDOM,
  extra: Partial<Parameters<typeof mountOverlay>[0]> = {},
  article = extractFrom(dom),
) {
  const overlay = mountOverlay({
    document: dom.window.document,
    article,
    pageUrl: dom.window.location.href,
    t,
    ui,
    ...extra,
  });
  const body = overlay.shadowRoot.querySelector<HTMLElement>('.bs-article');
  if (!body) throw new Error('no article body');
  return { article, overlay, body };
}

describe('a long article', () => {
  // One real long page (Readability's medium-1 test page), extracted once: jsdom is slow on it.
  let dom: JSDOM;
  let article: ExtractedArticle;
  beforeAll(() => {
    dom = readabilityPage('medium-1');
    article = extractFrom(dom);
  }, 30_000);
  afterAll(() => dom.window.close());

  it('shows its first screen at once and the rest after the first frame, ending as one piece', async () => {
    const whole = buildArticleParts(dom.window.document, article, dom.window.location.href, t, ui);
    expect(whole.appendRest()).toBe(true);
    expect(whole.appendRest()).toBe(false);
    const wholeHtml = whole.body.innerHTML;

    let painted = 0;
    const { overlay, body } = open(dom, { onFirstPaint: () => painted++ }, article);
    // A screen of prose: most of the first screen's weight is its text (a paragraph also counts a line).
    const firstText = body.textContent?.replace(/\s+/g, ' ').length ?? 0;
    expect(firstText).toBeGreaterThanOrEqual((firstScreenChars * 2) / 3);
    expect(firstText).toBeLessThan((whole.body.textContent?.length ?? 0) / 2);
    expect(body.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => painted === 1, 'the first paint');
    expect(body.innerHTML).toBe(wholeHtml);
    expect(body.hasAttribute('aria-busy')).toBe(false);
    await nextFrames();
    expect(painted).toBe(1);
    // Images load lazily in the overlay, wherever they are.
    for (const img of Array.from(body.querySelectorAll('img'))) {
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('decoding')).toBe('async');
    }
    overlay.close();
  });

  it('appends nothing once the reader has closed before the first frame', async () => {
    let painted = 0;
    const { overlay } = open(dom, { onFirstPaint: () => painted++ }, article);
    overlay.close();
    await nextFrames();
    expect(painted).toBe(0);
    expect(dom.window.document.getElementById(hostId)).toBeNull();
  });

  it('splits the seed-like page (the article the product was born from) too', () => {
    const html = readFileSync(
      join(repoRoot, 'test', 'fixtures', 'pages', 'independent-2014-seed-inside', 'source.html'),
      'utf8',
    );
    const seed = new JSDOM(html, { url: 'https://www.independent.co.uk/news/world/seed.html' });
    const parts = buildArticleParts(
      seed.window.document,
      extractFrom(seed),
      seed.window.location.href,
      t,
      ui,
    );
    expect(parts.body.getAttribute('aria-busy')).toBe('true');
    expect(parts.appendRest()).toBe(true);
    seed.window.close();
  });

  it('is shown in one go when it is short', () => {
    const short = fixturePage('plain-article');
    const parts = buildArticleParts(
      short.window.document,
      extractFrom(short),
      short.window.location.href,
      t,
      ui,
    );
    expect(parts.appendRest()).toBe(false);
    short.window.close();
  });

  it('gives the blocks still off screen the height of the first screen’s paragraphs as laid out', () => {
    const parts = buildArticleParts(dom.window.document, article, dom.window.location.href, t, ui);
    // jsdom lays nothing out: a paragraph is as tall as its lines of about 68 characters, 32 px each.
    const lineHeights = (element: Element) =>
      Math.ceil((element.textContent ?? '').length / 68) * 32;
    const prototype = dom.window.HTMLElement.prototype;
    const before = Object.getOwnPropertyDescriptor(prototype, 'offsetHeight');
    Object.defineProperty(prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.localName === 'p' ? lineHeights(this) : 0;
      },
    });
    try {
      const shown = Array.from(parts.body.getElementsByTagName('p'), lineHeights).filter(Boolean);
      expect(shown.length).toBeGreaterThan(1);
      const average = Math.round(shown.reduce((sum, height) => sum + height, 0) / shown.length);
      expect(parts.appendRest()).toBe(true);
      expect(parts.body.style.getPropertyValue('--bs-block')).toBe(`${average}px`);
      expect(parts.body.hasAttribute('aria-busy')).toBe(false);
    } finally {
      if (before) Object.defineProperty(prototype, 'offsetHeight', before);
    }
  });

  it('leaves the placeholder height to the stylesheet when nothing was laid out', () => {
    const parts = buildArticleParts(dom.window.document, article, dom.window.location.href, t, ui);
    expect(parts.appendRest()).toBe(true);
    expect(parts.body.style.getPropertyValue('--bs-block')).toBe('');
  });
});

describe('a very long article extracted first screen first', () => {
  // The e2e fixture with 432 annotated paragraphs: over the element count that makes the reader's
  // extraction paint the first screen before cleaning the rest.
  let dom: JSDOM;
  let first: ExtractedArticle;
  let wholeHtml: string;
  beforeAll(() => {
    dom = fixturePage('very-long-article');
    const extracted = extract(dom.window.document, {
      url: dom.window.location.href,
      window: dom.window as unknown as Window,
      firstScreenFirst: true,
    });
    if (!extracted?.rest) throw new Error('not extracted first screen first');
    first = extracted;
    const whole = extracted.rest();
    if (!whole) throw new Error('no whole article');
    const parts = buildArticleParts(dom.window.document, whole, dom.window.location.href, t, ui);
    parts.appendRest();
    wholeHtml = parts.body.innerHTML;
  }, 30_000);
  afterAll(() => dom.window.close());

  it('shows the first screen, busy, then the whole article after the first paint, keeping what was shown', async () => {
    let painted = 0;
    let completed = 0;
    const { overlay, body } = open(
      dom,
      { onFirstPaint: () => painted++, onArticleComplete: () => completed++ },
      first,
    );
    expect(body.getAttribute('aria-busy')).toBe('true');
    expect(body.querySelectorAll('p > sup').length).toBeLessThan(40);
    const firstBlock = body.querySelector('p');
    await waitFor(() => painted === 1 && completed === 1, 'the first paint and the whole article');
    expect(body.innerHTML).toBe(wholeHtml);
    expect(body.querySelectorAll('p > sup')).toHaveLength(432);
    expect(body.hasAttribute('aria-busy')).toBe(false);
    // What was on screen stayed (the rest was added after it, nothing rebuilt).
    expect(body.querySelector('p')).toBe(firstBlock);
    overlay.close();
  });

  it("shows the whole article's exact reading time in the header once it is in", async () => {
    const whole = first.rest?.();
    if (!whole) throw new Error('no whole article');
    let completed = 0;
    const estimated = {
      ...first,
      readingTimeMinutes: whole.readingTimeMinutes + 7,
      rest: () => whole,
    };
    const { overlay } = open(dom, { onArticleComplete: () => completed++ }, estimated);
    const readingTime = overlay.shadowRoot.querySelector('.bs-reading-time');
    expect(readingTime?.textContent).toBe(t('readingTime', [String(whole.readingTimeMinutes + 7)]));
    await waitFor(() => completed === 1, 'the whole article');
    expect(readingTime?.textContent).toBe(t('readingTime', [String(whole.readingTimeMinutes)]));
    overlay.close();
  });

  it.each([
    ['throws (a time budget ran out)', true],
    ['finds no text', false],
  ])('keeps the first screen and says the rest is missing when the rest %s', async (_, throws) => {
    let completed = 0;
    const failure = new Error('extraction ran past its budget');
    const heard: unknown[] = [];
    const rest = (): ExtractedArticle | null => {
      if (throws) throw failure;
      return null;
    };
    const { overlay, body } = open(
      dom,
      { onArticleComplete: () => completed++, onRestError: (error) => heard.push(error) },
      { ...first, rest },
    );
    await waitFor(() => completed === 1, 'the end of the opening');
    expect(heard).toEqual(throws ? [failure] : []);
    expect(body.querySelectorAll('p > sup').length).toBeLessThan(40);
    expect(body.querySelector('.bs-cut-short')?.textContent).toBe(t('articleCutShort'));
    expect(body.hasAttribute('aria-busy')).toBe(false);
    overlay.close();
  });

  it('replaces the first screen when the whole article begins differently', async () => {
    let completed = 0;
    const changed = (): ExtractedArticle | null => {
      const whole = first.rest?.() ?? null;
      return whole && { ...whole, html: `<p>An editor's note first.</p>${whole.html}` };
    };
    const { overlay, body } = open(
      dom,
      { onArticleComplete: () => completed++ },
      { ...first, rest: changed },
    );
    await waitFor(() => completed === 1, 'the whole article');
    expect(body.firstElementChild?.textContent).toBe("An editor's note first.");
    expect(body.querySelectorAll('p > sup')).toHaveLength(432);
    expect(body.hasAttribute('aria-busy')).toBe(false);
    overlay.close();
  });
});

describe('Wikipedia, New Zealand, extracted first screen first', () => {
  it('shows the first rows of its infobox, then adds the other rows to the same table', async () => {
    const dom = readabilityPage('wikipedia-2');
    const options = { url: dom.window.location.href, window: dom.window as unknown as Window };
    const first = extract(dom.window.document, { ...options, firstScreenFirst: true });
    const whole = extract(dom.window.document, options);
    if (!first?.rest || !whole) throw new Error('not extracted first screen first');
    let completed = 0;
    const { overlay, body } = open(dom, { onArticleComplete: () => completed++ }, first);
    const firstRow = body.querySelector('tr');
    const shownRows = body.querySelectorAll('tr').length;
    expect(shownRows).toBeGreaterThan(3);
    await waitFor(() => completed === 1, 'the whole article');
    const wholeParts = buildArticleParts(
      dom.window.document,
      whole,
      dom.window.location.href,
      t,
      ui,
    );
    wholeParts.appendRest();
    expect(body.innerHTML).toBe(wholeParts.body.innerHTML);
    // The rows on screen stayed; the infobox's other rows joined them in the same table.
    expect(body.querySelector('tr')).toBe(firstRow);
    expect(firstRow?.closest('table')?.querySelectorAll('tr').length).toBeGreaterThan(
      2 * shownRows,
    );
    overlay.close();
    dom.window.close();
  }, 60_000);
});

describe("the panels' bundle", () => {
  it('loads at idle after the first paint and fills the panels', async () => {
    const dom = fixturePage('plain-article');
    let loads = 0;
    const { overlay } = open(dom, {
      tools: async () => {
        loads++;
        return panelContent;
      },
    });
    const settingsPanel = overlay.shadowRoot.querySelector('#bs-settings');
    expect(settingsPanel?.querySelector('.bs-tool')).toBeNull();
    await waitFor(() => loads === 1 && settingsPanel?.querySelector('.bs-tool') != null, 'tools');
    expect(overlay.shadowRoot.querySelector('#bs-help .bs-shortcuts')).not.toBeNull();
    expect(overlay.shadowRoot.querySelector('#bs-actions .bs-copy-markdown')).not.toBeNull();
    overlay.close();
    dom.window.close();
  });

  it('opens a panel clicked before the bundle arrived once it has, with focus inside', async () => {
    const dom = fixturePage('plain-article');
    let release: (tools: PanelContent) => void = () => undefined;
    const { overlay } = open(dom, {
      tools: () => new Promise<PanelContent>((resolve) => (release = resolve)),
    });
    const shadow = overlay.shadowRoot;
    const button = shadow.querySelector<HTMLButtonElement>('.bs-settings-button');
    const panel = shadow.querySelector<HTMLElement>('#bs-settings');
    button?.click();
    expect(panel?.hidden).toBe(true);
    release(panelContent);
    await waitFor(() => panel?.hidden === false, 'the panel to open');
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(shadow.activeElement).toBe(shadow.querySelector('.bs-font-smaller'));
    overlay.close();
    dom.window.close();
  });

  it('lets a panel be opened again after the bundle failed to load', async () => {
    const dom = fixturePage('plain-article');
    let attempts = 0;
    const { overlay } = open(dom, {
      tools: async () => {
        attempts++;
        if (attempts === 1) throw new Error('the browser refused');
        return panelContent;
      },
    });
    const shadow = overlay.shadowRoot;
    const button = shadow.querySelector<HTMLButtonElement>('.bs-help-button');
    button?.click();
    await waitFor(() => attempts === 1, 'the first attempt');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shadow.querySelector<HTMLElement>('#bs-help')?.hidden).toBe(true);
    button?.click();
    await waitFor(() => shadow.querySelector<HTMLElement>('#bs-help')?.hidden === false, 'help');
    overlay.close();
    dom.window.close();
  });
});
