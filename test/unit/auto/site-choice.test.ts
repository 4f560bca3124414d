// The overlay's "always / never open here" control and its content-script client, on a real fixture page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { siteChoiceClient } from '../../../src/content/site-choice-client';
import { mountSiteChoice } from '../../../src/overlay/site-choice';
import type { SiteChoice } from '../../../src/shared/settings';

const article = join(
  __dirname,
  '../../fixtures/e2e/auto/news/2026/11/25/river-level-falls-after-week-of-floods/index.html',
);
const pageUrl = 'http://news.test/news/2026/11/25/river-level-falls-after-week-of-floods/';
const t = (key: string) => `[${key}]`;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(current: SiteChoice | null, saved: (choice: SiteChoice) => SiteChoice | null) {
  const dom = new JSDOM(readFileSync(article, 'utf8'), { url: pageUrl });
  const doc = dom.window.document;
  const chosen: SiteChoice[] = [];
  const element = mountSiteChoice(
    doc,
    doc.body,
    {
      host: 'news.test',
      current: () => Promise.resolve(current),
      choose: (choice) => {
        chosen.push(choice);
        return Promise.resolve(saved(choice));
      },
    },
    t,
    new dom.window.AbortController().signal,
  );
  const button = (choice: string) =>
    element.querySelector<HTMLButtonElement>(`[data-site-choice="${choice}"]`) as HTMLButtonElement;
  const pressed = () =>
    Array.from(element.querySelectorAll('[aria-pressed="true"]')).map((b) =>
      b.getAttribute('data-site-choice'),
    );
  return { element, button, pressed, chosen };
}

describe('mountSiteChoice', () => {
  it('is a labelled group of two toggle buttons showing the stored choice', async () => {
    const { element, pressed } = setUp('never', (choice) => choice);
    expect(element.getAttribute('role')).toBe('group');
    expect(element.getAttribute('aria-label')).toBe('[overlaySiteChoice]');
    expect(pressed()).toEqual([]);
    await flush();
    expect(pressed()).toEqual(['never']);
  });

  it('one click chooses; a click on the pressed button goes back to the default', async () => {
    const { button, pressed, chosen } = setUp('default', (choice) => choice);
    await flush();
    button('always').click();
    expect(pressed()).toEqual(['always']);
    button('always').click();
    await flush();
    expect(pressed()).toEqual([]);
    button('never').click();
    await flush();
    expect(chosen).toEqual(['always', 'default', 'never']);
    expect(pressed()).toEqual(['never']);
  });

  it('puts the old state back when the background did not save', async () => {
    const { button, pressed } = setUp('always', () => null);
    await flush();
    button('never').click();
    await flush();
    expect(pressed()).toEqual(['always']);
  });
});

describe('siteChoiceClient', () => {
  it('is only for http(s) pages', () => {
    const api = { runtime: { sendMessage: () => Promise.resolve(null) } };
    expect(siteChoiceClient('file:///home/a.html', api)).toBeUndefined();
    expect(siteChoiceClient('not a url', api)).toBeUndefined();
    expect(siteChoiceClient(pageUrl, api)?.host).toBe('news.test');
  });

  it('asks the background for the current choice and sends new ones', async () => {
    const sent: unknown[] = [];
    const answers: Record<string, SiteChoice> = {
      'broadsheet:site-choice-query': 'never',
      'broadsheet:site-choice': 'always',
    };
    const api = {
      runtime: {
        sendMessage: (message: { type: string }) => {
          sent.push(message);
          return Promise.resolve({
            type: 'broadsheet:site-choice-state',
            choice: answers[message.type],
            needsPermission: true,
          });
        },
      },
    };
    const client = siteChoiceClient(pageUrl, api);
    await expect(client?.current()).resolves.toBe('never');
    await expect(client?.choose('always')).resolves.toBe('always');
    expect(sent).toEqual([
      { type: 'broadsheet:site-choice-query', url: pageUrl },
      { type: 'broadsheet:site-choice', url: pageUrl, choice: 'always' },
    ]);
  });

  it('says "unknown" rather than guessing when the background fails', async () => {
    const client = siteChoiceClient(pageUrl, {
      runtime: { sendMessage: () => Promise.resolve(undefined) },
    });
    await expect(client?.current()).resolves.toBeNull();
    await expect(client?.choose('never')).resolves.toBeNull();
  });
});
