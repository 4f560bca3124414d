// Capped word counts must agree with countWords(textContent) up to the cap, on real page blocks.
import { readdirSync } from 'node:fs';
import {
  countNodeWordsUpTo,
  countWords,
  countWordsUpTo,
  linkDensity,
  WordCounts,
} from '../../../src/rules/dom-text';
import { fixturesDir, parse, readFixtureHtml } from '../extraction/fixture-helpers';

describe('capped word counts', () => {
  it('countWordsUpTo stops just past the limit', () => {
    expect(countWordsUpTo('one two three four', 10)).toBe(4);
    expect(countWordsUpTo('one two three four', 2)).toBe(3);
    expect(countWordsUpTo('東京都 two', 2)).toBe(3);
    expect(countWordsUpTo('', 0)).toBe(0);
  });

  it('counts words split across elements once, as textContent does', () => {
    const document = parse('<div><b>foo</b>bar <i>baz</i><!-- x y z --> qux</div>');
    const div = document.querySelector('div') as Element;
    expect(countNodeWordsUpTo(div, 100)).toBe(3);
    expect(countNodeWordsUpTo(div, 2)).toBe(3);
    expect(countNodeWordsUpTo(div, 1)).toBe(2);
  });

  it.each(readdirSync(fixturesDir))('agrees with countWords(textContent) on %s', (name) => {
    const document = parse(readFixtureHtml(name), 'https://example.com/');
    const blocks = Array.from(document.querySelectorAll('body, div, section, article, ul, p, li'));
    expect(blocks.length).toBeGreaterThan(20);
    let large = 0;
    for (const block of blocks) {
      const words = countWords(block.textContent ?? '');
      if (words > 300) large++;
      for (const limit of [0, 10, 80, 300, 1500]) {
        const capped = countNodeWordsUpTo(block, limit);
        if (capped !== (words > limit ? limit + 1 : words)) {
          throw new Error(
            `<${block.tagName}> has ${words} words, capped at ${limit} gave ${capped}`,
          );
        }
      }
    }
    expect(large).toBeGreaterThan(0);
  });
});

describe('word counts shared by a walk', () => {
  it('joins words split across tags and skips comments, as textContent does', () => {
    const document = parse(
      '<div><b>foo</b>bar <i>baz</i><!-- x y z --> qux<span></span>z<p>東京<b>都</b>x</p></div>',
    );
    const div = document.querySelector('div') as Element;
    const counts = new WordCounts();
    expect(counts.of(div)).toBe(countWords(div.textContent ?? ''));
    expect(counts.of(div.querySelector('p') as Element)).toBe(4);
  });

  it.each(readdirSync(fixturesDir))(
    'agrees with countWords(textContent) on every element of %s',
    (name) => {
      const document = parse(readFixtureHtml(name), 'https://example.com/');
      const counts = new WordCounts();
      // The body first (every element's count then comes from the shared map), then each element.
      expect(counts.of(document.body)).toBe(countWords(document.body.textContent ?? ''));
      const elements = Array.from(document.body.querySelectorAll('*'));
      expect(elements.length).toBeGreaterThan(20);
      for (const element of elements) {
        const words = countWords(element.textContent ?? '');
        if (counts.of(element) !== words) {
          throw new Error(
            `<${element.localName}> has ${words} words, WordCounts gave ${counts.of(element)}`,
          );
        }
        if (linkDensity(element, counts) !== linkDensity(element)) {
          throw new Error(`<${element.localName}>: link density differs with shared counts`);
        }
      }
      // Inner elements first: each parent's counts then combine counts already known.
      const innerFirst = new WordCounts();
      for (const element of [...elements].reverse()) {
        if (linkDensity(element, innerFirst) !== linkDensity(element)) {
          throw new Error(`<${element.localName}>: link density differs, inner elements first`);
        }
      }
      expect(innerFirst.of(document.body)).toBe(counts.of(document.body));
    },
  );
});
