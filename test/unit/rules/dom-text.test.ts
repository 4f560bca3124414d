// Capped word counts must agree with countWords(textContent) up to the cap, on real page blocks.
import { readdirSync } from 'node:fs';
import { countNodeWordsUpTo, countWords, countWordsUpTo } from '../../../src/rules/dom-text';
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
