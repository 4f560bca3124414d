// The content script's controller on real pages: toggling, failures shown as "no article", documents it
// refuses, and the performance marks the speed benchmark reads.
import { JSDOM } from 'jsdom';
import {
  ReaderController,
  unsupportedDocument,
  type ReaderDeps,
} from '../../../src/content/reader-controller';
import { extract, ExtractionLimitError } from '../../../src/extraction';
import { hostId, type SettingsSource } from '../../../src/overlay';
import { defaultSettings, type Settings, type UserRule } from '../../../src/shared/settings';
import { waitFor } from '../overlay/support';
import { englishMessages, fixturePage, pageSnapshot, readabilityPage } from './dom';

function controllerFor(dom: JSDOM, overrides: Partial<ReaderDeps> = {}) {
  const deps: ReaderDeps = {
    document: dom.window.document,
    extract: (doc, url) => extract(doc, { url, window: dom.window as unknown as Window }),
    t: englishMessages(),
    ui: { lang: 'en', dir: 'ltr' },
    notifyClosed: jest.fn(),
    reportError: jest.fn(),
    ...overrides,
  };
  return { controller: new ReaderController(deps), deps };
}

const shadow = (dom: JSDOM) => dom.window.document.getElementById(hostId)?.shadowRoot ?? null;

describe('toggling the reader in a page', () => {
  it('opens on a real article and closes on the second toggle, leaving the page as it was', async () => {
    const dom = readabilityPage('001');
    const before = pageSnapshot(dom);
    const { controller } = controllerFor(dom);
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('h1.bs-title')?.textContent).toContain(
      'Get your Frontend JavaScript Code Covered',
    );
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: false });
    expect(shadow(dom)).toBeNull();
    expect(pageSnapshot(dom)).toEqual(before);
    dom.window.close();
  });

  it('shows "no article" when extraction throws, and reports the error', async () => {
    const dom = readabilityPage('001');
    const failure = new Error('rules file is corrupt');
    const { controller, deps } = controllerFor(dom, {
      extract: () => {
        throw failure;
      },
    });
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('.bs-empty')?.textContent).toBe(
      "Broadsheet couldn't find an article on this page.",
    );
    expect(deps.reportError).toHaveBeenCalledWith(failure);
    dom.window.close();
  });

  it('falls back to the "no article" state when the article cannot be shown', async () => {
    const dom = readabilityPage('001');
    const english = englishMessages();
    const { controller, deps } = controllerFor(dom, {
      t: (key, substitutions) => {
        if (key === 'readingTime') throw new Error('locale file is broken');
        return english(key, substitutions);
      },
    });
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('.bs-empty')).not.toBeNull();
    expect(dom.window.document.querySelectorAll('#broadsheet-reader-host')).toHaveLength(1);
    expect(deps.reportError).toHaveBeenCalledWith(new Error('locale file is broken'));
    controller.close();
    dom.window.close();
  });

  it('shows "no article" when there is none', async () => {
    const dom = readabilityPage('001');
    const { controller } = controllerFor(dom, { extract: () => null });
    await controller.toggle();
    expect(shadow(dom)?.querySelector('.bs-empty')).not.toBeNull();
    dom.window.close();
  });

  it('tells the background when the user closes it with Escape, and opens again later', async () => {
    const dom = readabilityPage('001');
    const { controller, deps } = controllerFor(dom);
    await controller.toggle();
    const dialog = shadow(dom)?.querySelector('[role="dialog"]');
    dialog?.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(deps.notifyClosed).toHaveBeenCalledTimes(1);
    expect(controller.isOpen).toBe(false);
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    controller.close();
    dom.window.close();
  });

  it('keeps the theme the user picked for the next opening in the same page', async () => {
    const dom = readabilityPage('001');
    const { controller } = controllerFor(dom);
    await controller.toggle();
    shadow(dom)?.querySelector<HTMLButtonElement>('.bs-theme-switch [data-theme="dark"]')?.click();
    await controller.toggle();
    await controller.toggle();
    expect(shadow(dom)?.querySelector<HTMLElement>('[role="dialog"]')?.dataset.theme).toBe('dark');
    dom.window.close();
  });

  it('marks toggle, extracted, painted and complete for the speed benchmark', async () => {
    const dom = readabilityPage('001');
    const marks = recordMarks(dom);
    const { controller } = controllerFor(dom);
    const opening = controller.toggle();
    expect(marks.map(({ name }) => name)).toEqual(['broadsheet:toggle', 'broadsheet:extracted']);
    await opening;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(marks).toEqual([
      { name: 'broadsheet:toggle' },
      { name: 'broadsheet:extracted' },
      { name: 'broadsheet:painted' },
      { name: 'broadsheet:complete', detail: { firstScreenFirst: false } },
    ]);
    controller.close();
    dom.window.close();
  });
});

/** The performance marks the controller sets in the page, with their detail. */
function recordMarks(dom: JSDOM): { name: string; detail?: unknown }[] {
  const marks: { name: string; detail?: unknown }[] = [];
  Object.defineProperty(dom.window.performance, 'mark', {
    configurable: true,
    value: (name: string, options?: { detail?: unknown }) => {
      marks.push(options ? { name, detail: options.detail } : { name });
    },
  });
  return marks;
}

describe('a very long article', () => {
  // The e2e fixture with 432 annotated paragraphs, extracted as the content script does it. jsdom takes
  // seconds over it on a busy machine: more than jest's default 5 s per test.
  const extractionTimeoutMs = 30_000;
  const firstScreenFirst =
    (dom: JSDOM): ReaderDeps['extract'] =>
    (doc, url) =>
      extract(doc, { url, window: dom.window as unknown as Window, firstScreenFirst: true });
  const annotated = (dom: JSDOM) => shadow(dom)?.querySelectorAll('.bs-article p > sup').length;

  it(
    'is painted first screen first, then completed',
    async () => {
      const dom = fixturePage('very-long-article');
      const marks = recordMarks(dom);
      const { controller } = controllerFor(dom, { extract: firstScreenFirst(dom) });
      await controller.toggle();
      expect(annotated(dom)).toBeLessThan(40);
      await waitFor(() => marks.length === 4, 'the whole article');
      expect(annotated(dom)).toBe(432);
      expect(marks.at(-1)).toEqual({
        name: 'broadsheet:complete',
        detail: { firstScreenFirst: true },
      });
      controller.close();
      dom.window.close();
    },
    extractionTimeoutMs,
  );

  it(
    'keeps its first screen, says so, and tells the console when the rest runs out of time',
    async () => {
      const dom = fixturePage('very-long-article');
      const marks = recordMarks(dom);
      const warn = jest.fn();
      const { controller, deps } = controllerFor(dom, {
        warn,
        extract: (doc, url, userRules) => {
          const article = firstScreenFirst(dom)(doc, url, userRules);
          if (!article?.rest) return article;
          return {
            ...article,
            rest: () => {
              throw new ExtractionLimitError('too-slow', 'extraction ran past its 3000 ms budget');
            },
          };
        },
      });
      await controller.toggle();
      await waitFor(() => marks.length === 4, 'the end of the opening');
      expect(annotated(dom)).toBeLessThan(40);
      expect(shadow(dom)?.querySelector('.bs-cut-short')).not.toBeNull();
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('only the beginning of this article'),
      );
      expect(deps.reportError).not.toHaveBeenCalled();
      controller.close();
      dom.window.close();
    },
    extractionTimeoutMs,
  );
});

describe('documents the reader refuses', () => {
  it('answers "pdf" for a PDF document', async () => {
    const pdf = { contentType: 'application/pdf' } as Document;
    expect(unsupportedDocument(pdf)).toBe('pdf');
  });

  it('answers "not-html" for an XML document with no HTML root (an SVG image), and does not touch it', async () => {
    const svg = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>', {
      contentType: 'image/svg+xml',
    });
    const { controller } = controllerFor(svg);
    await expect(controller.toggle()).resolves.toEqual({
      type: 'broadsheet:unsupported',
      reason: 'not-html',
    });
    expect(svg.window.document.documentElement.childElementCount).toBe(1);
  });

  it('answers "not-html" for a feed, also when the browser shows it as XHTML (Chromium\'s XML viewer)', () => {
    const atom = new JSDOM('<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>', {
      contentType: 'application/xml',
    });
    expect(unsupportedDocument(atom.window.document)).toBe('not-html');
    const viewed = new JSDOM(
      '<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body><p>channel</p></body></html>',
      { contentType: 'application/rss+xml' },
    );
    expect(unsupportedDocument(viewed.window.document)).toBe('not-html');
    const xhtml = new JSDOM(
      '<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body><p>article</p></body></html>',
      { contentType: 'application/xhtml+xml' },
    );
    expect(unsupportedDocument(xhtml.window.document)).toBeNull();
  });

  it('accepts ordinary HTML pages', async () => {
    expect(unsupportedDocument(new JSDOM('<p>Hi</p>').window.document)).toBeNull();
  });
});

/** Settings as the background answers them: stored userRules, or `null` (no answer) / never settling. */
function settingsSource(load: () => Promise<Settings | null>): SettingsSource {
  return {
    load,
    save: () => Promise.resolve({ ok: true }),
    subscribe: () => () => undefined,
  };
}

const withRules = (userRules: UserRule[]) => ({ ...defaultSettings(), userRules });

/** The controller with the content script's real extract call: the page's URL and the user's rules. */
function controllerWithRules(dom: JSDOM, overrides: Partial<ReaderDeps>) {
  const extractWith = jest.fn((doc: Document, url: string, userRules: readonly UserRule[]) =>
    extract(doc, { url, userRules, window: dom.window as unknown as Window }),
  );
  return {
    ...controllerFor(dom, { extract: extractWith, warn: jest.fn(), ...overrides }),
    extractWith,
  };
}

const tweetText = 'Drinking game for web devs';
const articleText = (dom: JSDOM) => shadow(dom)?.querySelector('.bs-article')?.textContent ?? '';

describe("the user's cleanup rules", () => {
  it('are awaited and applied: a rule for this site removes its block, a rule for another site does not', async () => {
    const plain = readabilityPage('001');
    const { controller: without } = controllerWithRules(plain, {
      settings: settingsSource(() => Promise.resolve(withRules([]))),
    });
    await without.toggle();
    expect(articleText(plain)).toContain(tweetText); // our own rules keep the embedded tweet
    plain.window.close();

    const dom = readabilityPage('001'); // http://fakehost/test/page.html
    const rules = [
      { site: 'fakehost', selector: 'blockquote.twitter-tweet' },
      { site: 'other.example', selector: 'pre' },
    ];
    const { controller, extractWith, deps } = controllerWithRules(dom, {
      settings: settingsSource(() => Promise.resolve(withRules(rules))),
    });
    await controller.toggle();
    expect(extractWith).toHaveBeenCalledWith(dom.window.document, dom.window.location.href, rules);
    expect(articleText(dom)).toContain('Blanket.js'); // the rest of the article is there
    expect(articleText(dom)).not.toContain(tweetText);
    expect(shadow(dom)?.querySelector('.bs-article pre')).not.toBeNull();
    expect(deps.warn).not.toHaveBeenCalled();
    controller.close();
    dom.window.close();
  });

  it('skips a malformed stored rule and still opens the article with the good ones', async () => {
    const dom = readabilityPage('001');
    const problems: string[] = [];
    const { controller } = controllerWithRules(dom, {
      extract: (doc, url, userRules) =>
        extract(doc, {
          url,
          userRules,
          window: dom.window as unknown as Window,
          onRuleProblem: (problem) => problems.push(problem),
        }),
      settings: settingsSource(() =>
        Promise.resolve(
          withRules([
            { site: 'fakehost', selector: 'div[' },
            { site: 'fakehost', selector: 'blockquote.twitter-tweet' },
          ]),
        ),
      ),
    });
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('h1.bs-title')?.textContent).toContain(
      'Get your Frontend JavaScript Code Covered',
    );
    expect(articleText(dom)).not.toContain(tweetText);
    expect(problems).toEqual([expect.stringContaining('"div[" is not a valid CSS selector')]);
    controller.close();
    dom.window.close();
  });

  it.each([
    ['never arrive', () => new Promise<Settings | null>(() => undefined)],
    ['are not answered', () => Promise.resolve(null)],
  ])(
    'when the settings %s, the page opens without them and the console says why',
    async (_, load) => {
      const dom = readabilityPage('001');
      const { controller, extractWith, deps } = controllerWithRules(dom, {
        settings: settingsSource(load),
      });
      await expect(controller.toggle()).resolves.toEqual({
        type: 'broadsheet:toggled',
        open: true,
      });
      expect(extractWith).toHaveBeenCalledWith(dom.window.document, dom.window.location.href, []);
      expect(articleText(dom)).toContain(tweetText);
      expect(deps.warn).toHaveBeenCalledWith(
        expect.stringContaining('opening without your cleanup rules'),
      );
      controller.close();
      dom.window.close();
    },
  );
});
