// The compiled simple selectors must answer exactly as the DOM's own selector engine does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileCompound,
  compileSelectors,
  selectorPrefilter,
  splitSelectorList,
} from '../../../src/rules/simple-selector';
import { fixturesDir, parse, readFixtureHtml } from '../extraction/fixture-helpers';

const rulesDir = join(__dirname, '..', '..', '..', 'src', 'rules');

/** Every selector line of the shipped rule files. */
function shippedSelectors(): string[] {
  const files = [
    join(rulesDir, 'generic.rules'),
    ...readdirSync(join(rulesDir, 'sites'))
      .filter((name) => name.endsWith('.rules'))
      .map((name) => join(rulesDir, 'sites', name)),
  ];
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^\s*selector:\s*(.+)$/.exec(line)?.[1]?.trim())
      .filter((value): value is string => value !== undefined),
  );
}

const EXTRA_SELECTORS = [
  'div',
  'P',
  '*',
  '.Share',
  '#MAIN',
  '[CLASS*="AD" i]',
  '[class*="ad"]',
  '[class^="art" i]',
  '[class$="box" s]',
  "[lang|='en']",
  '[data-role=button]',
  'a.link[href]',
  '[class~=""]',
];

/**
 * Element.matches, except for id selectors in quirks mode: there the spec (and Chromium, Firefox) ignore
 * case, while jsdom's engine does not. The compiled test follows the spec, as the extension runs in browsers.
 */
function expectedMatch(element: Element, selector: string): boolean {
  if (element.ownerDocument.compatMode === 'BackCompat' && /^#[\w-]+$/.test(selector)) {
    return element.id.toLowerCase() === selector.slice(1).toLowerCase();
  }
  return element.matches(selector);
}

describe('compiled simple selectors', () => {
  const selectors = [...shippedSelectors(), ...EXTRA_SELECTORS];

  it('compiles every selector the shipped rule files use', () => {
    expect(shippedSelectors().length).toBeGreaterThan(5);
    for (const selector of shippedSelectors()) {
      expect({ selector, remaining: compileSelectors([selector]).remaining }).toEqual({
        selector,
        remaining: undefined,
      });
    }
  });

  it.each(readdirSync(fixturesDir))(
    'agrees with Element.matches on every element of %s',
    (name) => {
      const document = parse(readFixtureHtml(name), 'https://example.com/');
      const elements = Array.from(document.querySelectorAll('*'));
      expect(elements.length).toBeGreaterThan(50);
      for (const selector of selectors) {
        const { test } = compileSelectors([selector]);
        expect(test).toBeDefined();
        let hits = 0;
        for (const element of elements) {
          const expected = expectedMatch(element, selector);
          if (expected) hits++;
          if (test?.(element) !== expected) {
            throw new Error(
              `${selector} on <${element.tagName} id="${element.id}" class="${element.className}"> ${element.ownerDocument.compatMode}`,
            );
          }
        }
        expect(hits).toBeLessThan(elements.length + 1);
      }
    },
  );

  it.each(readdirSync(fixturesDir))(
    'the prefilter passes every element any selector matches on %s, and few others',
    (name) => {
      const document = parse(readFixtureHtml(name), 'https://example.com/');
      const elements = Array.from(document.querySelectorAll('*'));
      // The shipped selectors plus the extra forms, except '*' (which makes the prefilter pass all).
      const compiled = selectors.filter((s) => s !== '*').map((s) => compileSelectors([s]));
      const mayMatch = selectorPrefilter(compiled.flatMap((c) => c.requirements));
      let passed = 0;
      for (const element of elements) {
        const matched = compiled.some((c) => c.test?.(element));
        const passes = mayMatch(element);
        if (passes) passed++;
        if (matched && !passes) {
          throw new Error(
            `prefilter refused a match: <${element.tagName} class="${element.className}">`,
          );
        }
      }
      // The extra forms include 'div' and 'P': only the shipped selectors show how much it filters.
      const shipped = selectorPrefilter(
        shippedSelectors().flatMap((s) => compileSelectors([s]).requirements),
      );
      const shippedPassed = elements.filter((element) => shipped(element)).length;
      expect(shippedPassed).toBeLessThan(elements.length * 0.5);
      expect(passed).toBeGreaterThan(0);
      expect(selectorPrefilter(compileSelectors(['*']).requirements)(elements[0]!)).toBe(true);
    },
  );

  it('the prefilter reads attributes by their exact names, as the selector tests do', () => {
    // Names set through setAttributeNS keep their case, and getAttribute and hasAttribute look names
    // up in lower case in an HTML document: neither the compiled tests nor the prefilter see them.
    const document = parse('<body><p id="a" data-ad="">x</p><p class="y">y</p><p>z</p></body>');
    const odd = document.createElement('div');
    odd.setAttributeNS(null, 'DATA-AD', '');
    odd.setAttributeNS(null, 'CLASS', 'newsletter');
    const cased = document.createElement('div');
    cased.setAttribute('CLASS', 'Big-Newsletter');
    const compiled = compileSelectors(['[data-ad]', '[class*="newsletter" i]']);
    const mayMatch = selectorPrefilter(compiled.requirements);
    const elements = [...Array.from(document.querySelectorAll('p')), odd, cased];
    const answers = elements.map((element) => [
      element.outerHTML,
      mayMatch(element),
      compiled.test?.(element),
      element.hasAttribute('data-ad') ||
        /newsletter/.test((element.getAttribute('class') ?? '').toLowerCase()),
    ]);
    expect(answers).toEqual([
      ['<p id="a" data-ad="">x</p>', true, true, true],
      ['<p class="y">y</p>', false, false, false],
      ['<p>z</p>', false, false, false],
      ['<div DATA-AD="" CLASS="newsletter"></div>', false, false, false],
      ['<div class="Big-Newsletter"></div>', true, true, true],
    ]);
  });

  it('agrees in a quirks-mode document (class and id ignore case there)', () => {
    const document = parse(
      '<html><body><div class="Promo" id="Top"></div><svg><rect class="X"/></svg></body></html>',
    );
    expect(document.compatMode).toBe('BackCompat');
    for (const selector of ['.promo', '#top', '.Promo', '[class~="promo"]', 'rect', '.x']) {
      const { test } = compileSelectors([selector]);
      for (const element of Array.from(document.querySelectorAll('*'))) {
        expect([selector, element.tagName, test?.(element)]).toEqual([
          selector,
          element.tagName,
          expectedMatch(element, selector),
        ]);
      }
    }
  });

  it('leaves other forms to querySelectorAll', () => {
    expect(compileCompound('div > p')).toBeUndefined();
    expect(compileCompound('p:first-child')).toBeUndefined();
    expect(compileCompound('.a .b')).toBeUndefined();
    expect(compileSelectors(['.x, div p', 'li:not(.y)'])).toMatchObject({
      remaining: 'div p, li:not(.y)',
    });
    expect(compileSelectors(['.a\\:b']).remaining).toBe('.a\\:b');
  });

  it('splits selector lists on top-level commas only', () => {
    expect(splitSelectorList('[title="a, b"], p')).toEqual(['[title="a, b"]', ' p']);
    expect(splitSelectorList(':is(a, b), p')).toEqual([':is(a, b)', ' p']);
    expect(splitSelectorList('[a="x]')).toBeUndefined();
  });
});
