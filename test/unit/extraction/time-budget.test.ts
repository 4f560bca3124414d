// extract()'s time budget (issue 7): a page beyond any article's size is refused at once, and a page
// that takes too long stops at the deadline, inside the long loops too, with a typed reason. Time is
// simulated (performance.now advances by a fixed step per read), so nothing here depends on machine speed.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extract, ExtractionLimitError, PAGE_LIMITS } from '../../../src/extraction';
import { CHECK_EVERY, Deadline } from '../../../src/extraction/budget';
import { sanitiseToElement } from '../../../src/extraction/sanitise';
import {
  WATCHED_READABILITY_METHODS,
  watchReadability,
} from '../../../src/extraction/readability-watch';
import { applyRules, parseRules } from '../../../src/rules';
import { generatedText, hugePage, manyNodesPage } from '../robustness/generated-pages';
import { parse, readFixtureHtml, readFixtureMetadata } from './fixture-helpers';

const url = 'https://example.com/harbour';

/** The error extract throws, or a failure when it returns instead. */
function limitErrorOf(run: () => unknown): ExtractionLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionLimitError) return error;
    throw error;
  }
  throw new Error('expected an ExtractionLimitError, but extract returned');
}

/** Makes performance.now advance by `stepMs` on every read, from 0. */
function simulateClock(stepMs: number): { reads: () => number } {
  let now = 0;
  let reads = 0;
  jest.spyOn(performance, 'now').mockImplementation(() => {
    reads++;
    now += stepMs;
    return now;
  });
  return { reads: () => reads };
}

afterEach(() => jest.restoreAllMocks());

describe('the size pre-flight', () => {
  it(`refuses a page of more than ${PAGE_LIMITS.maxElements} elements before any work, saying why`, () => {
    const { document, window } = parseHTML(manyNodesPage(200_000));
    const clone = jest.spyOn(document, 'cloneNode');
    const error = limitErrorOf(() =>
      extract(document as unknown as Document, {
        url,
        window: window as unknown as Window,
        timeBudgetMs: 3000,
      }),
    );
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(
      /the page has \d+ elements; reader mode reads pages of up to 100000/,
    );
    expect(clone).not.toHaveBeenCalled();
  });

  it(`refuses a 10 MB page (more than ${PAGE_LIMITS.maxTextCharacters} characters of text)`, () => {
    const { document, window } = parseHTML(hugePage(10_000_000));
    expect(document.getElementsByTagName('*').length).toBeLessThan(PAGE_LIMITS.maxElements);
    const error = limitErrorOf(() =>
      extract(document as unknown as Document, {
        url,
        window: window as unknown as Window,
        timeBudgetMs: 3000,
      }),
    );
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/characters of text/);
  });

  it('applies only with a budget: without one a page over the text limit is read (the CLI default)', () => {
    const sentence =
      'Skippers say that at low water the larger boats now touch bottom near the fuel berth. ';
    const paragraph = `<p>${sentence.repeat(1200)}</p>`;
    const html = `<html><body><article><h1>Harbour</h1>${paragraph.repeat(40)}</article></body></html>`;
    const document = parse(html, url);
    expect(document.body.textContent?.length).toBeGreaterThan(PAGE_LIMITS.maxTextCharacters);
    expect(extract(document, { url })?.text).toContain(generatedText);
  });
});

describe('the deadline', () => {
  it('stops the cleanup-rule walk of a large page from inside the walk', () => {
    // About 2,600 teasers (8,000 elements): under the size limits, so only the deadline can stop it.
    const document = parse(hugePage(1_000_000), url);
    const clock = simulateClock(1);
    const error = limitErrorOf(() => extract(document, { url, timeBudgetMs: 20 }));
    expect(error.reason).toBe('too-slow');
    expect(error.message).toMatch(/ran past its 20 ms budget .*in cleanup rules/);
    // A few reads between stages, then one per CHECK_EVERY elements: it stopped about 20 clock reads
    // (5,000 elements) in, before the walk's end.
    expect(clock.reads()).toBeLessThan(30);
  });

  it('stops Readability through its watched node walk', () => {
    const document = parse(hugePage(1_000_000), url);
    const reader = new Readability(document);
    let ticks = 0;
    expect(
      watchReadability(reader, () => {
        ticks++;
        if (ticks > 5 * CHECK_EVERY) throw new ExtractionLimitError('too-slow', 'test deadline');
      }),
    ).toBe(true);
    expect(() => reader.parse()).toThrow('test deadline');
  });

  it('stops sanitising and the after-Readability rules too (a deadline that passes mid-way)', () => {
    const rules = parseRules('[t]\nreason: test\naction: remove\nphase: after\ntext: /^never$/\n', {
      file: 't.rules',
      idPrefix: 't',
    }).ruleSet.rules;
    const document = parse(manyNodesPage(20_000), url);
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (ticks > 1000) throw new ExtractionLimitError('too-slow', 'mid-walk');
    };
    expect(() => applyRules(document.body, rules, { phase: 'after', tick })).toThrow('mid-walk');
    ticks = 0;
    const window = document.defaultView as unknown as Window;
    // Sanitising works in place, so on a copy (never on the window's own document).
    const copy = document.cloneNode(true) as Document;
    expect(() => sanitiseToElement(copy.body, window, url, tick)).toThrow('mid-walk');
    // The next call, without a budget, is not stopped by the last one's check.
    expect(sanitiseToElement('<p>fine</p>', window).innerHTML).toBe('<p>fine</p>');
  });

  it('a page that fits its budget comes out the same as without one', () => {
    const name = 'independent-2014-seed-inside';
    const pageUrl = readFixtureMetadata(name).url;
    const html = readFixtureHtml(name);
    const unlimited = extract(parse(html, pageUrl), { url: pageUrl });
    const budgeted = extract(parse(html, pageUrl), { url: pageUrl, timeBudgetMs: 60_000 });
    expect(budgeted).toEqual(unlimited);
  });

  it('reads the clock only every CHECK_EVERY ticks, and never without a budget', () => {
    const clock = simulateClock(1);
    const deadline = new Deadline(10);
    const before = clock.reads();
    for (let i = 0; i < CHECK_EVERY - 1; i++) deadline.tick();
    expect(clock.reads()).toBe(before);
    const none = new Deadline(undefined);
    for (let i = 0; i < 10 * CHECK_EVERY; i++) none.tick();
    none.check('anything');
    expect(clock.reads()).toBe(before);
  });
});

describe('Readability 0.6 still has the private methods the deadline watches', () => {
  // If this fails after upgrading @mozilla/readability, find the new names of its document walk and
  // text read (Readability.js: _grabArticle's loop) and update WATCHED_READABILITY_METHODS.
  it.each(WATCHED_READABILITY_METHODS)('%s is a method of Readability.prototype', (name) => {
    expect(typeof (Readability.prototype as unknown as Record<string, unknown>)[name]).toBe(
      'function',
    );
  });

  it('and parse() goes through them on every page', () => {
    const document = parse(hugePage(50_000), url);
    const reader = new Readability(document);
    const calls = new Map<string, number>();
    const target = reader as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of WATCHED_READABILITY_METHODS) {
      const original = target[name] as (...args: unknown[]) => unknown;
      target[name] = function (this: unknown, ...args: unknown[]) {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return original.apply(this, args);
      };
    }
    expect(reader.parse()?.textContent).toContain(generatedText);
    for (const name of WATCHED_READABILITY_METHODS) expect(calls.get(name)).toBeGreaterThan(50);
  });
});
