// The word counter reads character codes; these properties hold it to the Unicode patterns that define
// a word (the counter's former implementation), on text mixing every kind of character pages carry.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countNodeWordsUpTo,
  countWordKinds,
  countWords,
  countWordsUpTo,
  elementWordsUpTo,
  normaliseSpace,
  WordCounts,
} from '../../../src/rules/dom-text';
import { readingTimeMinutes } from '../../../src/extraction/reading-time';
import { parse } from '../extraction/fixture-helpers';

const fixturesDir = join(__dirname, 'fixtures', 'generic-rules');

const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const WORD = new RegExp(`${CJK}|(?:(?!${CJK})[\\p{L}\\p{N}_])+`, 'gu');
const OPENS_RUN = new RegExp(`^(?!${CJK})[\\p{L}\\p{N}_]`, 'u');
const CLOSES_RUN = new RegExp(`(?!${CJK})[\\p{L}\\p{N}_]$`, 'u');
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

function referenceCount(text: string, limit = Infinity): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (count <= limit && WORD.exec(text) !== null) count++;
  return count;
}

/** Pieces of text from the scripts and odd characters pages carry, some of them tricky for a scanner. */
const PIECES = [
  'a', 'Z', '0', '9', '_', ' ', '  ', '\n', '\t', '-', "'", '’', '.', ',', '!', '"', '<', '/',
  '\u00a0', '\u200b', '\ufeff', '\u2009', '\u3000', // spaces that are not ASCII
  'é', 'ß', 'Ø', 'ñ', 'İ', 'ǅ', 'e\u0301', // accents, precomposed and combining
  'Ж', 'я', 'α', 'Ω', 'ש', 'ع', '٣', 'क', '\u0930\u094d', 'ก', '한', '글', // other scripts, digits
  '東', '京', '都', 'ひ', 'ら', 'カ', 'ナ', 'ー', '・', '々', '〆', '⺀', '⼀', '〇', '、', '。', // CJK
  '😀', '👍🏽', '𝐀', '𝟘', '𠀀', '𪚥', '\ud83d', '\ude00', '\ud800x', // astral and lone surrogates
  '²', '½', 'Ⅻ', '①', '™', '©', '€', '\u0000', '\uffff',
]; // prettier-ignore

const pageText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 40,
  })
  .map((pieces) => pieces.join(''));

describe('word counting by character codes', () => {
  it('counts what the Unicode word pattern finds', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        expect(countWords(text)).toBe(referenceCount(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops just past a limit where the pattern would', () => {
    fc.assert(
      fc.property(pageText, fc.nat(12), (text, limit) => {
        expect(countWordsUpTo(text, limit)).toBe(referenceCount(text, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on every code point of the Basic Multilingual Plane, alone and in a run', () => {
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      for (const text of [character, `a${character}b`, `${character}${character} ${character}`]) {
        if (countWords(text) !== referenceCount(text)) {
          throw new Error(`U+${code.toString(16)} in "${text}": ${countWords(text)} words`);
        }
      }
    }
  });

  it('agrees on astral code points (a sample of every plane in use)', () => {
    for (let codePoint = 0x10000; codePoint < 0x110000; codePoint += 7) {
      const character = String.fromCodePoint(codePoint);
      const text = `${character}a${character}${character} ${character}`;
      if (countWords(text) !== referenceCount(text)) {
        throw new Error(`U+${codePoint.toString(16)}: ${countWords(text)} words`);
      }
    }
  });

  it('splits words into CJK characters and other runs as the former reading-time patterns did', () => {
    const cjkCharacter = new RegExp(CJK, 'gu');
    const run = /[\p{L}\p{N}_]+/gu;
    fc.assert(
      fc.property(pageText, fc.integer({ min: 1, max: 400 }), (piece, times) => {
        const text = piece.repeat(times);
        const cjk = text.match(cjkCharacter)?.length ?? 0;
        const runs = text.replace(cjkCharacter, ' ').match(run)?.length ?? 0;
        expect(countWordKinds(text)).toEqual({ runs, cjk });
        expect(readingTimeMinutes(text)).toBe(Math.max(1, Math.round(runs / 230 + cjk / 500)));
      }),
      { numRuns: 1000 },
    );
  });

  it('joins text nodes as the former span patterns did, wherever the text is cut', () => {
    const document = parse('<body></body>');
    fc.assert(
      fc.property(fc.array(pageText, { minLength: 1, maxLength: 6 }), (parts) => {
        const div = document.createElement('div');
        // Alternate bare text nodes and <a>/<b> wrappers, so joins cross element boundaries.
        parts.forEach((part, index) => {
          if (index % 3 === 0) div.append(part);
          else {
            const wrapper = document.createElement(index % 3 === 1 ? 'a' : 'b');
            wrapper.textContent = part;
            div.append(wrapper);
          }
        });
        const counts = new WordCounts();
        const words = referenceSpanWords(div);
        expect(counts.of(div)).toBe(words);
        const linkWords = Array.from(div.querySelectorAll('a')).reduce(
          (sum, link) => sum + referenceSpanWords(link),
          0,
        );
        expect(counts.linkWordsOf(div)).toBe(linkWords);
        const whole = div.textContent ?? '';
        expect(countNodeWordsUpTo(div, 3)).toBe(referenceCount(whole, 3));
      }),
      { numRuns: 500 },
    );
  });

  it('counts from the whole text, or up to a limit node by node, as the spans do', () => {
    const document = parse('<body></body>');
    const tags = ['a', 'b', 'p', 'div', 'span'];
    // Nested elements: text nodes and elements in any order, so limits stop inside descendants.
    const tree: fc.Memo<Array<string | [string, unknown[]]>> = fc.memo((depth) =>
      fc.array(
        depth <= 1
          ? pageText
          : fc.oneof(pageText, fc.tuple(fc.constantFrom(...tags), tree(depth - 1))),
        { maxLength: 5 },
      ),
    );
    const build = (parent: Element, children: Array<string | [string, unknown[]]>): void => {
      for (const child of children) {
        if (typeof child === 'string') parent.append(child);
        else {
          const element = document.createElement(child[0]);
          build(element, child[1] as Array<string | [string, unknown[]]>);
          parent.append(element);
        }
      }
    };
    fc.assert(
      fc.property(tree(4), fc.nat(12), fc.nat(12), (children, limit, innerLimit) => {
        const div = document.createElement('div');
        build(div, children);
        const words = referenceSpanWords(div);
        const capped = (count: number, cap: number) => Math.min(count, cap + 1);
        expect(new WordCounts().ofText(div, normaliseSpace(div.textContent ?? ''))).toBe(words);
        expect(elementWordsUpTo(div, limit)).toBe(capped(words, limit));
        // What a capped count learns of the elements it stopped in holds for their own counts.
        const counts = new WordCounts();
        expect(counts.upTo(div, limit)).toBe(capped(words, limit));
        for (const element of Array.from(div.querySelectorAll('*'))) {
          expect(counts.upTo(element, innerLimit)).toBe(
            capped(referenceSpanWords(element), innerLimit),
          );
        }
        expect(counts.upTo(div, limit + innerLimit)).toBe(capped(words, limit + innerLimit));
      }),
      { numRuns: 1500 },
    );
  });

  it.each(readdirSync(fixturesDir))(
    'counts every block of a real page top-down as the spans do, capped or whole: %s',
    (name) => {
      const document = parse(readFileSync(join(fixturesDir, name), 'utf8'));
      const elements = Array.from(document.body.querySelectorAll('*'));
      const counts = new WordCounts();
      for (const element of elements) {
        const words = referenceSpanWords(element);
        expect(counts.upTo(element, 80)).toBe(Math.min(words, 81));
        expect(new WordCounts().of(element)).toBe(words);
      }
    },
  );

  it('keeps a text node without letters or digits out of a block count, as before', () => {
    // A CJK radical is a word to countWords but not a word character: its text node adds nothing to
    // an element's count (a quirk of the span patterns, kept so that output stays the same).
    expect(countWords('⺀')).toBe(1);
    const div = parse('<div>⺀<b>x</b>y 東</div>').querySelector('div') as Element;
    expect(new WordCounts().of(div)).toBe(2);
    expect(referenceSpanWords(div)).toBe(2);
  });
});

/** The former WordCounts: text nodes' spans from the patterns, joined; a word cut by a join counts once. */
function referenceSpanWords(element: Element): number {
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  let words = 0;
  let closesRun = false;
  let empty = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    if (text === '') continue;
    if (!WORD_CHARACTER.test(text)) {
      // Any text joined after it starts no run with what came before.
      closesRun = false;
      empty = false;
      continue;
    }
    words += referenceCount(text) - (!empty && closesRun && OPENS_RUN.test(text) ? 1 : 0);
    closesRun = CLOSES_RUN.test(text);
    empty = false;
  }
  return words;
}
