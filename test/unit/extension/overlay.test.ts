// The overlay on real pages in jsdom: structure and labels, keyboard (focus in, trapped, Escape), themes,
// links, and the promise that closing restores the page exactly and leaves no listener behind.
import type { JSDOM } from 'jsdom';
import { extract, type ExtractedArticle } from '../../../src/extraction';
import { hostId, mountOverlay, type Overlay, type OverlayOptions } from '../../../src/overlay';
import { englishMessages, fixturePage, pageSnapshot, readabilityPage } from './dom';

const t = englishMessages();
const ui = { lang: 'en', dir: 'ltr' } as const;

function extractFrom(dom: JSDOM): ExtractedArticle {
  const { window } = dom;
  const article = extract(window.document, {
    url: window.location.href,
    window: window as unknown as Window,
  });
  if (!article) throw new Error(`no article extracted from ${window.location.href}`);
  return article;
}

function open(dom: JSDOM, overrides: Partial<OverlayOptions> = {}): Overlay {
  const { document } = dom.window;
  return mountOverlay({
    document,
    article: extractFrom(dom),
    pageUrl: dom.window.location.href,
    t,
    ui,
    ...overrides,
  });
}

function press(dom: JSDOM, target: Element, key: string, shiftKey = false): KeyboardEvent {
  const event = new dom.window.KeyboardEvent('keydown', {
    key,
    shiftKey,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

function shadowOf(dom: JSDOM): ShadowRoot {
  const host = dom.window.document.getElementById(hostId);
  if (!host?.shadowRoot) throw new Error('overlay is not open');
  return host.shadowRoot;
}

describe('the reader overlay on a news page', () => {
  let dom: JSDOM;
  beforeEach(() => {
    dom = fixturePage('plain-article');
  });
  afterEach(() => dom.window.close());

  it('is an open shadow root on <html> holding a labelled modal dialog', () => {
    const overlay = open(dom);
    const { document } = dom.window;
    expect(document.documentElement.lastElementChild).toBe(overlay.host);
    expect(overlay.host.id).toBe(hostId);
    const shadow = shadowOf(dom);
    const dialog = shadow.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    const labelId = dialog?.getAttribute('aria-labelledby') ?? '';
    expect(shadow.getElementById(labelId)?.textContent).toBe(
      'Harbour town opens a library in its old lifeboat station',
    );
    expect(shadow.querySelector('h1.bs-title')?.id).toBe(labelId);
    expect(dialog?.getAttribute('lang')).toBe('en');
    expect(dialog?.getAttribute('dir')).toBe('ltr');
  });

  it('shows site, byline, date and reading time in the header', () => {
    open(dom);
    const shadow = shadowOf(dom);
    expect(shadow.querySelector('.bs-site')?.textContent).toBe('The Coastal Courier');
    expect(shadow.querySelector('.bs-byline')?.textContent).toBe('Maren Holt');
    const date = shadow.querySelector('time.bs-date');
    expect(date?.textContent).toBe('March 14, 2024');
    expect(date?.getAttribute('datetime')).toMatch(/^2024-03-14/);
    expect(shadow.querySelector('.bs-reading-time')?.textContent).toMatch(/^\d+ min read$/);
    expect(shadow.querySelector('.bs-article')?.textContent).toContain(
      'The lifeboat station at the end of Quay Street stood empty for eleven years',
    );
  });

  it('opens other pages from links in a new tab, safely', () => {
    open(dom);
    const links = Array.from(shadowOf(dom).querySelectorAll('.bs-article a[href]'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1\//);
    }
  });

  it('moves focus into the dialog and keeps Tab and Shift+Tab inside it', () => {
    dom.window.document.getElementById('focus-target')?.focus();
    open(dom);
    const shadow = shadowOf(dom);
    const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
    expect(dom.window.document.activeElement?.id).toBe(hostId);
    expect(shadow.activeElement).toBe(dialog);

    const focusable = Array.from(shadow.querySelectorAll<HTMLElement>('button, a[href]'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) throw new Error('the dialog has nothing to focus');
    last.focus();
    expect(press(dom, last, 'Tab').defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(first);
    expect(press(dom, first, 'Tab', true).defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(last);

    // Focus that escapes to the page (a page script) is pulled back.
    dom.window.document.getElementById('home-link')?.focus();
    expect(dom.window.document.activeElement?.id).toBe(hostId);
  });

  it('closes on Escape and restores the page exactly: nodes, <html> style, focus', () => {
    const { document } = dom.window;
    document.documentElement.setAttribute('style', 'color: rgb(1, 2, 3);  --page-var: 1');
    document.body.setAttribute('style', 'margin:0;  --body-var: 2');
    document.getElementById('focus-target')?.focus();
    const before = pageSnapshot(dom);
    const onUserClose = jest.fn();
    open(dom, { onUserClose });
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(document.body.hasAttribute('inert')).toBe(true);
    // Hidden under the reader, the page is not rendered at all.
    expect(document.body.style.getPropertyValue('content-visibility')).toBe('hidden');

    press(dom, shadowOf(dom).querySelector('[role="dialog"]') as Element, 'Escape');
    expect(onUserClose).toHaveBeenCalledTimes(1);
    expect(document.getElementById(hostId)).toBeNull();
    expect(pageSnapshot(dom)).toEqual(before);
    expect(document.body.getAttribute('style')).toBe('margin:0;  --body-var: 2');
    expect(document.activeElement?.id).toBe('focus-target');
  });

  it('removes the attributes it set again when the page had none', () => {
    const { document } = dom.window;
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    const overlay = open(dom);
    overlay.close();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(document.body.hasAttribute('style')).toBe(false);
    expect(document.body.hasAttribute('inert')).toBe(false);
  });

  it('keeps a page’s own inert body inert after closing', () => {
    const { document } = dom.window;
    document.body.setAttribute('inert', 'inert');
    open(dom).close();
    expect(document.body.getAttribute('inert')).toBe('inert');
  });

  it('leaves the page untouched when building the reader fails', () => {
    const before = pageSnapshot(dom);
    const broken = ((key, substitutions) => {
      if (key === 'readingTime') throw new Error('locale file is broken');
      return t(key, substitutions);
    }) as typeof t;
    expect(() => open(dom, { t: broken })).toThrow('locale file is broken');
    expect(dom.window.document.getElementById(hostId)).toBeNull();
    expect(pageSnapshot(dom)).toEqual(before);
  });

  it('closes with its close button', () => {
    const onUserClose = jest.fn();
    open(dom, { onUserClose });
    shadowOf(dom).querySelector<HTMLButtonElement>('button.bs-close')?.click();
    expect(onUserClose).toHaveBeenCalledTimes(1);
    expect(dom.window.document.getElementById(hostId)).toBeNull();
  });

  it('leaves no listener behind: every one it added is removed on close', () => {
    const { window } = dom;
    const added: { type: string; signal: AbortSignal | undefined }[] = [];
    const original = window.EventTarget.prototype.addEventListener;
    const spy = jest
      .spyOn(window.EventTarget.prototype, 'addEventListener')
      .mockImplementation(function (this: EventTarget, type, listener, options) {
        // Only listeners the overlay's code adds count (jsdom's selector engine adds its own).
        const caller = new Error().stack
          ?.split('\n')
          .slice(1)
          .find((line) => !line.includes('jest-mock') && !line.includes('overlay.test'));
        const ours = caller?.includes('/src/overlay/') ?? false;
        const signal = typeof options === 'object' ? options.signal : undefined;
        if (ours) added.push({ type, signal });
        return original.call(this, type, listener, options);
      });
    const onUserClose = jest.fn();
    const overlay = open(dom, { onUserClose });
    spy.mockRestore();
    expect(added.length).toBeGreaterThan(10);
    expect(added.every(({ signal }) => signal !== undefined && !signal.aborted)).toBe(true);

    overlay.close();
    expect(added.every(({ signal }) => signal?.aborted)).toBe(true);
    press(dom, window.document.body, 'Escape');
    expect(onUserClose).not.toHaveBeenCalled();
  });

  it('keeps keys and clicks inside the reader away from the page’s own handlers', () => {
    const pageHandler = jest.fn();
    dom.window.document.addEventListener('keydown', pageHandler);
    dom.window.document.addEventListener('click', pageHandler);
    open(dom);
    const shadow = shadowOf(dom);
    press(dom, shadow.querySelector('.bs-article p') as Element, 'j');
    shadow.querySelector<HTMLElement>('.bs-article p')?.click();
    expect(pageHandler).not.toHaveBeenCalled();
  });

  it('switches theme in place and reports the choice', () => {
    const onThemeChange = jest.fn();
    open(dom, { onThemeChange });
    const shadow = shadowOf(dom);
    const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
    expect(dialog?.dataset.theme).toBe('light'); // jsdom has no dark-mode preference
    const choices = Array.from(
      shadow.querySelectorAll<HTMLButtonElement>('.bs-theme-switch [data-theme]'),
    ).map((button) => button.dataset.theme);
    expect(choices).toEqual(['auto', 'light', 'sepia', 'dark']);

    for (const theme of ['sepia', 'dark', 'light'] as const) {
      shadow.querySelector<HTMLButtonElement>(`.bs-theme-switch [data-theme="${theme}"]`)?.click();
      expect(dialog?.dataset.theme).toBe(theme);
      const pressed = shadow.querySelectorAll('.bs-theme-switch [aria-pressed="true"]');
      expect(Array.from(pressed).map((b) => b.getAttribute('data-theme'))).toEqual([theme]);
    }
    expect(onThemeChange.mock.calls.map(([choice]) => choice)).toEqual(['sepia', 'dark', 'light']);
  });

  it('starts in the theme it is given', () => {
    open(dom, { theme: 'sepia' });
    expect(shadowOf(dom).querySelector<HTMLElement>('[role="dialog"]')?.dataset.theme).toBe(
      'sepia',
    );
  });
});

describe('links to a place in the same article', () => {
  it('scroll the reader there instead of leaving it', () => {
    const dom = fixturePage('plain-article');
    const pageUrl = dom.window.location.href;
    const article = extractFrom(dom);
    mountOverlay({
      document: dom.window.document,
      article: {
        ...article,
        html: `<p><a href="${pageUrl}#notes">Notes</a> <a href="https://example.org/">Elsewhere</a></p><h2 id="notes">Notes</h2>`,
      },
      pageUrl,
      t,
      ui,
    });
    const shadow = shadowOf(dom);
    const [toNotes, elsewhere] = Array.from(shadow.querySelectorAll('.bs-article a'));
    expect(toNotes?.hasAttribute('target')).toBe(false);
    expect(elsewhere?.getAttribute('target')).toBe('_blank');

    const scrolled: Element[] = [];
    dom.window.Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const click = new dom.window.MouseEvent('click', { bubbles: true, cancelable: true });
    toNotes?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(scrolled).toEqual([shadow.getElementById('notes')]);
    dom.window.close();
  });
});

describe('the reader overlay on other real pages', () => {
  it('shows a saved Ars Technica article with its photos lazy-loaded', () => {
    const dom = readabilityPage('ars-1');
    const article = extractFrom(dom);
    open(dom);
    const shadow = shadowOf(dom);
    expect(shadow.querySelector('h1.bs-title')?.textContent).toBe(article.title);
    const images = Array.from(shadow.querySelectorAll('.bs-article img'));
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img.getAttribute('loading')).toBe('lazy');
    dom.window.close();
  });

  it('names a page without a title (a text/plain file) after its address', () => {
    const dom = readabilityPage('ars-1');
    open(dom, {
      article: { ...extractFrom(dom), title: '' },
      pageUrl: 'https://example.com/notes/readme.txt',
    });
    expect(shadowOf(dom).querySelector('h1.bs-title')?.textContent).toBe('readme.txt');
    dom.window.close();
  });

  it('renders a right-to-left article right to left, with our own label in the UI language', () => {
    const dom = fixturePage('rtl-article-ar');
    open(dom);
    const shadow = shadowOf(dom);
    const dialog = shadow.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('dir')).toBe('rtl');
    expect(dialog?.getAttribute('lang')).toBe('ar');
    const readingTime = shadow.querySelector('.bs-reading-time');
    expect(readingTime?.getAttribute('lang')).toBe('en');
    expect(readingTime?.getAttribute('dir')).toBe('ltr');
    const toolbar = shadow.querySelector('.bs-toolbar');
    expect(toolbar?.getAttribute('dir')).toBe('ltr');
    dom.window.close();
  });

  it('says plainly when there is no article, and still closes', () => {
    const dom = fixturePage('no-article');
    const onUserClose = jest.fn();
    const before = pageSnapshot(dom);
    mountOverlay({
      document: dom.window.document,
      article: null,
      pageUrl: dom.window.location.href,
      t,
      ui,
      onUserClose,
    });
    const shadow = shadowOf(dom);
    const dialog = shadow.querySelector('[role="dialog"]');
    const message = shadow.querySelector('.bs-empty');
    expect(message?.textContent).toBe("Broadsheet couldn't find an article on this page.");
    expect(dialog?.getAttribute('aria-labelledby')).toBe(message?.id);
    expect(shadow.querySelector('.bs-article')).toBeNull();
    shadow.querySelector<HTMLButtonElement>('button.bs-close')?.click();
    expect(onUserClose).toHaveBeenCalledTimes(1);
    expect(pageSnapshot(dom)).toEqual(before);
    dom.window.close();
  });
});
