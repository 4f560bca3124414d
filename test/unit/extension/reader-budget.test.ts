// What the reader shows when extraction gives no readable article: a short text (fewer than
// MIN_ARTICLE_WORDS words) is "no article"; a page over the size limits or the time budget says so in
// its own words, at once, instead of freezing the tab.
import { JSDOM, VirtualConsole } from 'jsdom';
import { ReaderController, type ReaderDeps } from '../../../src/content/reader-controller';
import { extract, ExtractionLimitError, MIN_ARTICLE_WORDS } from '../../../src/extraction';
import { hostId } from '../../../src/overlay';
import { manyNodesPage } from '../robustness/generated-pages';
import { englishMessages } from './dom';

function pageWith(html: string): JSDOM {
  return new JSDOM(html, {
    url: 'https://example.com/page',
    pretendToBeVisual: true,
    virtualConsole: new VirtualConsole(),
  });
}

function open(dom: JSDOM, overrides: Partial<ReaderDeps> = {}) {
  const deps: ReaderDeps = {
    document: dom.window.document,
    extract: (doc, url) =>
      extract(doc, { url, window: dom.window as unknown as Window, timeBudgetMs: 3000 }),
    t: englishMessages(),
    ui: { lang: 'en', dir: 'ltr' },
    notifyClosed: jest.fn(),
    reportError: jest.fn(),
    ...overrides,
  };
  return { controller: new ReaderController(deps), deps };
}

const emptyState = (dom: JSDOM) => {
  const root = dom.window.document.getElementById(hostId)?.shadowRoot;
  return {
    message: root?.querySelector('.bs-empty')?.textContent,
    hint: root?.querySelector('.bs-empty-hint')?.textContent,
    title: root?.querySelector('h1.bs-title')?.textContent,
  };
};

describe('the reader decides what is too short to read', () => {
  it(`a text of ${MIN_ARTICLE_WORDS - 1} words is "no article" (extract still returns it)`, async () => {
    const words = Array.from({ length: MIN_ARTICLE_WORDS - 1 }, (_, i) => `word${i}`).join(' ');
    const dom = pageWith(`<html><body><article><p>${words}.</p></article></body></html>`);
    expect(extract(dom.window.document)?.wordCount).toBe(MIN_ARTICLE_WORDS - 1);
    const { controller } = open(dom);
    await controller.toggle();
    expect(emptyState(dom).message).toBe("Broadsheet couldn't find an article on this page.");
    controller.close();
  });

  it(`a text of ${MIN_ARTICLE_WORDS} words is shown as the article`, async () => {
    const words = Array.from({ length: MIN_ARTICLE_WORDS }, (_, i) => `word${i}`).join(' ');
    const dom = pageWith(
      `<html><head><title>Brief</title></head><body><article><p>${words}.</p></article></body></html>`,
    );
    const { controller } = open(dom);
    await controller.toggle();
    expect(emptyState(dom).message).toBeUndefined();
    expect(emptyState(dom).title).toBe('Brief');
    controller.close();
  });
});

describe('a page too large for the time budget', () => {
  it('says the page is too large (not "no article") and reports no error', async () => {
    const dom = pageWith(manyNodesPage(200_000));
    const { controller, deps } = open(dom);
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(emptyState(dom)).toEqual({
      message: 'This page is too large for reader view.',
      hint: 'Broadsheet stopped after a few seconds so that the tab keeps working. The page itself is unchanged.',
      title: undefined,
    });
    expect(deps.reportError).not.toHaveBeenCalled();
    controller.close();
  });

  it('says the same when the budget ran out', async () => {
    const dom = pageWith('<html><body><p>Anything</p></body></html>');
    const { controller } = open(dom, {
      extract: () => {
        throw new ExtractionLimitError('too-slow', 'extraction ran past its 3000 ms budget');
      },
    });
    await controller.toggle();
    expect(emptyState(dom).message).toBe('This page is too large for reader view.');
    controller.close();
  });
});
