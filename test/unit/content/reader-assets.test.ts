// The page's shipped rules and the reader's CSS come from the background (content.js carries neither): the
// content script's client asks the real background handler, through a JSON round trip like extension
// messaging, and the controller extracts with what arrived. Late, malformed or missing answers open the
// page anyway (without the shipped rules, with a console warning); CSS that never arrives shows the
// "couldn't open" message instead of an unstyled article.
import { JSDOM } from 'jsdom';
import { answerReaderRequest } from '../../../src/background/reader-services';
import { backgroundAssets, type BackgroundApi } from '../../../src/content/background-client';
import {
  lateStylesWaitMs,
  ReaderController,
  settingsWaitMs,
  type ReaderDeps,
} from '../../../src/content/reader-controller';
import { extractWithRules, type ExtractedArticle } from '../../../src/extraction';
import { hostId } from '../../../src/overlay';
import { readerCss } from '../../../src/overlay/styles';
import { getReaderAssetsMessage } from '../../../src/shared/messages';
import { englishMessages } from '../extension/dom';
import { readFixtureHtml, readFixtureMetadata } from '../extraction/fixture-helpers';
import { FakeStorageArea } from '../settings/fake-storage-area';

const ownId = 'broadsheet@broadsheet.dev';
const seedName = 'independent-2014-seed-inside';
const seedUrl = readFixtureMetadata(seedName).url; // http://www.independent.co.uk/news/...

/** What arrives at the other end of runtime.sendMessage: JSON. */
const overTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/** The content script's runtime, answered by the real background handler for a tab showing `frameUrl`. */
function backgroundFor(frameUrl: string, sent: unknown[] = []): BackgroundApi {
  const sender = { id: ownId, tab: { id: 3 } as never, frameId: 0, url: frameUrl };
  const deps = { ownId, area: new FakeStorageArea(), executeScript: () => Promise.resolve([]) };
  return {
    runtime: {
      sendMessage: async (message: unknown) => {
        sent.push(message);
        return overTheWire(await answerReaderRequest(overTheWire(message), sender, deps));
      },
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  };
}

/** A runtime whose every answer to the assets request is `answer()`. */
function answering(answer: () => Promise<unknown>): BackgroundApi {
  return {
    runtime: { sendMessage: () => answer() },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  };
}

function seedPage(url = seedUrl): JSDOM {
  return new JSDOM(readFixtureHtml(seedName), { url, pretendToBeVisual: true });
}

/** The controller as the content script wires it (extractWithRules with the rules that arrived). */
function controllerFor(dom: JSDOM, assets: ReaderDeps['assets']) {
  const extracted: (ExtractedArticle | null)[] = [];
  const deps: ReaderDeps = {
    document: dom.window.document,
    extract: (doc, url, userRules, rules) => {
      if (!rules) throw new Error('the controller gave extract no rules');
      const article = extractWithRules(doc, rules, {
        url,
        userRules,
        window: dom.window as unknown as Window,
      });
      extracted.push(article);
      return article;
    },
    t: englishMessages(),
    ui: { lang: 'en', dir: 'ltr' },
    notifyClosed: jest.fn(),
    reportError: jest.fn(),
    warn: jest.fn(),
    assets,
  };
  return { controller: new ReaderController(deps), deps, extracted };
}

const shadowOf = (dom: JSDOM) => dom.window.document.getElementById(hostId)?.shadowRoot ?? null;
/** The shipped rules that removed something (not the pipeline's own "builtin/" steps). */
const ruleIds = (article: ExtractedArticle | null | undefined) =>
  (article?.removed ?? []).map((block) => block.ruleId).filter((id) => !id.startsWith('builtin/'));
const sheetText = (shadow: ShadowRoot | null) =>
  [
    ...Array.from(shadow?.adoptedStyleSheets ?? []).flatMap((sheet) =>
      Array.from(sheet.cssRules).map((rule) => rule.cssText),
    ),
    ...Array.from(shadow?.querySelectorAll('style') ?? []).map((style) => style.textContent),
  ].join('\n');

describe('the reader assets the background sends', () => {
  it("carry the generic set and only the sets of the sender's own host, and the reader's CSS", async () => {
    const seed = await backgroundAssets(backgroundFor(seedUrl))();
    expect(seed?.css).toBe(readerCss);
    expect(seed?.rules?.sites.map((set) => set.file)).toEqual([
      'src/rules/sites/independent.co.uk.rules',
    ]);
    expect(seed?.rules?.generic.rules.length).toBeGreaterThan(20);
    const elsewhere = await backgroundAssets(backgroundFor('https://example.com/news/1'))();
    expect(elsewhere?.rules?.sites).toEqual([]);
    expect(elsewhere?.rules?.generic.rules.length).toBe(seed?.rules?.generic.rules.length);
  });

  it('are chosen by the frame the browser reports, never by a host the message names', async () => {
    const sender = { id: ownId, tab: { id: 3 } as never, frameId: 0, url: 'https://example.com/' };
    const deps = { ownId, area: new FakeStorageArea(), executeScript: () => Promise.resolve([]) };
    const forged = { ...getReaderAssetsMessage, url: seedUrl };
    expect(answerReaderRequest(forged, sender, deps)).toBeUndefined();
    // Not our content script in a top frame: no answer either.
    expect(answerReaderRequest(getReaderAssetsMessage, { ...sender, frameId: 2 }, deps)).toBe(
      undefined,
    );
  });

  it('are asked for once and kept; after a failed request the next open asks again', async () => {
    const sent: unknown[] = [];
    const api = backgroundFor(seedUrl, sent);
    let fail = true;
    const flaky: BackgroundApi = {
      ...api,
      runtime: {
        sendMessage: (message) =>
          fail ? Promise.reject(new Error('no receiver')) : api.runtime.sendMessage(message),
      },
    };
    const load = backgroundAssets(flaky);
    await expect(load()).resolves.toBeNull();
    fail = false;
    const assets = await load();
    expect(assets?.css).toBe(readerCss);
    await expect(load()).resolves.toBe(assets);
    expect(sent).toEqual([getReaderAssetsMessage]);
  });

  it('arrive without rules when the rules are malformed, and not at all when the answer is', async () => {
    const good = overTheWire(
      await backgroundFor(seedUrl).runtime.sendMessage(getReaderAssetsMessage),
    ) as Record<string, unknown>;
    const badPattern = JSON.parse(JSON.stringify(good)) as {
      generic: { rules: { texts: unknown }[] };
    } & Record<string, unknown>;
    const rules = badPattern.rules as { generic: { rules: { texts: unknown }[] } };
    if (rules.generic.rules[0]) rules.generic.rules[0].texts = [['(', '']];
    await expect(backgroundAssets(answering(async () => badPattern))()).resolves.toEqual({
      rules: null,
      css: readerCss,
    });
    for (const answer of [undefined, { ...good, css: '' }, { ...good, type: 'other' }, 'css']) {
      await expect(backgroundAssets(answering(async () => answer))()).resolves.toBeNull();
    }
  });
});

describe('opening the reader with the assets from the background', () => {
  it('applies the site rules of the page it opens on (the seed page: Day In a Page by its site rule)', async () => {
    const dom = seedPage();
    const { controller, deps, extracted } = controllerFor(
      dom,
      backgroundAssets(backgroundFor(seedUrl)),
    );
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(ruleIds(extracted[0])).toContain('independent.co.uk/day-in-a-page');
    const shown = shadowOf(dom)?.querySelector('.bs-article')?.textContent ?? '';
    expect(shown).toContain('John Kerry');
    expect(shown).not.toContain('Day In a Page');
    expect(sheetText(shadowOf(dom))).toContain('.bs-article');
    expect(deps.warn).not.toHaveBeenCalled();
    controller.close();
    dom.window.close();
  });

  it('applies generic rules only on another host', async () => {
    const url = 'http://127.0.0.1:8080/independent-2014-seed-inside/source.html';
    const dom = seedPage(url);
    const { controller, extracted } = controllerFor(dom, backgroundAssets(backgroundFor(url)));
    await controller.toggle();
    const ids = ruleIds(extracted[0]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !id.startsWith('generic/'))).toEqual([]);
    controller.close();
    dom.window.close();
  });

  it.each([
    ['are malformed', 'arrived malformed'],
    [
      'never arrive',
      `no readable answer with this page's shipped cleanup rules within ${settingsWaitMs} ms`,
    ],
  ])('when the rules %s, opens without them and says why in the console', async (kind, said) => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const dom = seedPage();
      const late = kind === 'never arrive';
      const assets = late
        ? () => new Promise<never>(() => undefined)
        : () => Promise.resolve({ rules: null, css: readerCss });
      const { controller, deps, extracted } = controllerFor(dom, assets);
      const opening = controller.toggle();
      if (late) await jest.advanceTimersByTimeAsync(settingsWaitMs + lateStylesWaitMs);
      await expect(opening).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
      expect(ruleIds(extracted[0])).toEqual([]);
      expect(deps.warn).toHaveBeenCalledWith(expect.stringContaining(said));
      const shadow = shadowOf(dom);
      if (late) {
        // Nothing to style the article with: the plain "couldn't open" message instead.
        expect(shadow?.querySelector('.bs-article')).toBeNull();
        expect(shadow?.querySelector('.bs-empty')?.textContent).toBe(
          "Broadsheet couldn't open on this page. Reload the page and try again.",
        );
        expect(shadow?.querySelector('[data-unstyled]')).not.toBeNull();
        expect(deps.warn).toHaveBeenCalledWith(expect.stringContaining('styles did not arrive'));
      } else {
        expect(extracted[0]?.text).toContain('Day In a Page'); // no rule removed it
        expect(shadow?.querySelector('.bs-article')).not.toBeNull();
        expect(shadow?.querySelector('[data-unstyled]')).toBeNull();
      }
      controller.close();
      dom.window.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits longer for the CSS alone: styles that come late still show the article', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const dom = seedPage();
      const arrival = settingsWaitMs + 1000;
      const assets = backgroundAssets(backgroundFor(seedUrl));
      const late = () =>
        new Promise<Awaited<ReturnType<typeof assets>>>((resolve) => {
          setTimeout(() => resolve(assets()), arrival);
        });
      const { controller, deps, extracted } = controllerFor(dom, late);
      const opening = controller.toggle();
      await jest.advanceTimersByTimeAsync(arrival);
      await opening;
      expect(ruleIds(extracted[0])).toEqual([]); // extracted at settingsWaitMs, without the rules
      expect(deps.warn).toHaveBeenCalledTimes(1);
      expect(shadowOf(dom)?.querySelector('.bs-article')).not.toBeNull();
      expect(sheetText(shadowOf(dom))).toContain('.bs-article');
      controller.close();
      dom.window.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
