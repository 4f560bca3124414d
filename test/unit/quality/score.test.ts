// The benchmark metric on small texts whose shingles are counted by hand.
import {
  aggregate,
  countShingles,
  matchPage,
  pageF1,
  pagePrecision,
  pageRecall,
  shingleList,
  tokenize,
} from '../../bench/lib/score';

const S = '\u0001'; // the shingle's internal token separator
const shingle = (...tokens: string[]) => tokens.join(S);

describe('tokenize', () => {
  it('splits on anything that is not a letter, digit or underscore, and keeps case', () => {
    expect(tokenize("Hello, world! It's 2019_x café — The the")).toEqual([
      'Hello',
      'world',
      'It',
      's',
      '2019_x',
      'café',
      'The',
      'the',
    ]);
  });

  it('handles other scripts, digits included', () => {
    expect(tokenize('Привет мир, 你好。 ١٢٣')).toEqual(['Привет', 'мир', '你好', '١٢٣']);
  });

  it("splits at combining marks, as Python's \\w does in the original script", () => {
    // हिन्दी = ह ि न ् द ी: the vowel signs and the virama are marks, not word characters.
    expect(tokenize('हिन्दी')).toEqual(['ह', 'न', 'द']);
  });

  it('glues words that touch across a missing separator', () => {
    expect(tokenize('end.Next')).toEqual(['end', 'Next']);
    expect(tokenize('endNext')).toEqual(['endNext']);
  });
});

describe('shingleList', () => {
  it('makes overlapping 4-token shingles', () => {
    expect(shingleList(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual([
      shingle('a', 'b', 'c', 'd'),
      shingle('b', 'c', 'd', 'e'),
      shingle('c', 'd', 'e', 'f'),
    ]);
  });

  it('makes one short shingle from a text of fewer than 4 tokens, none from an empty one', () => {
    expect(shingleList(['a', 'b'])).toEqual([shingle('a', 'b')]);
    expect(shingleList([])).toEqual([]);
  });

  it('counts repeated shingles', () => {
    const counts = countShingles('a b c d a b c d');
    expect(counts.get(shingle('a', 'b', 'c', 'd'))).toBe(2);
    expect(counts.size).toBe(4); // abcd x2, bcda, cdab, dabc
  });
});

describe('matchPage', () => {
  it('scores an exact match 1', () => {
    const counts = matchPage('One two three four five.', 'One two three four five');
    expect(counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(pagePrecision(counts)).toBe(1);
    expect(pageRecall(counts)).toBe(1);
  });

  it('normalises tp/fp/fn to sum 1', () => {
    // expected: abcd bcde cdef; predicted: abcd bcde cdex -> tp 2, fp 1, fn 1
    const counts = matchPage('a b c d e f', 'a b c d e x');
    expect(counts).toEqual({ tp: 0.5, fp: 0.25, fn: 0.25 });
    expect(pagePrecision(counts)).toBeCloseTo(2 / 3, 12);
    expect(pageRecall(counts)).toBeCloseTo(2 / 3, 12);
    expect(pageF1(counts)).toBeCloseTo(2 / 3, 12);
  });

  it('matches repeated shingles only as often as they occur on both sides', () => {
    // expected: abcd x2, bcda, cdab, dabc (5); predicted: abcd (1) -> tp 1, fp 0, fn 4
    const counts = matchPage('a b c d a b c d', 'a b c d');
    expect(counts.tp).toBeCloseTo(0.2, 12);
    expect(counts.fn).toBeCloseTo(0.8, 12);
    expect(pagePrecision(counts)).toBe(1);
    expect(pageRecall(counts)).toBeCloseTo(0.2, 12);
  });

  it('is case-sensitive, like the original script', () => {
    expect(matchPage('The cat sat down', 'the cat sat down')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('handles empty texts: nothing predicted, nothing expected, or both', () => {
    const nothingPredicted = matchPage('a b c d', '');
    expect(nothingPredicted).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(pageRecall(nothingPredicted)).toBe(0);

    const nothingExpected = matchPage('', 'a b c d');
    expect(nothingExpected).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(pagePrecision(nothingExpected)).toBe(0);

    const bothEmpty = matchPage('', '  ');
    expect(bothEmpty).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(pagePrecision(bothEmpty)).toBe(1);
    expect(pageRecall(bothEmpty)).toBe(1);
  });

  it('sees paragraphs glued without punctuation as different shingles', () => {
    // expected: "A heading First words", "heading First words here"; predicted: "A headingFirst words here"
    const counts = matchPage('A heading\n\nFirst words here', 'A headingFirst words here');
    expect(counts).toEqual({ tp: 0, fp: 1 / 3, fn: 2 / 3 });
  });
});

describe('aggregate', () => {
  it('averages precision and recall over the pages where they are defined, then takes F1', () => {
    const perfect = matchPage('a b c d e', 'a b c d e'); // P 1, R 1
    const partial = matchPage('a b c d e f', 'a b c d e x'); // P 2/3, R 2/3
    const incomplete = matchPage('a b c d a b c d', 'a b c d'); // P 1, R 0.2
    const nothingPredicted = matchPage('a b c d', ''); // recall 0; left out of precision
    const nothingExpected = matchPage('', 'a b c d'); // precision 0; left out of recall
    const bothEmpty = matchPage('', ''); // left out of both
    const scores = aggregate([
      perfect,
      partial,
      incomplete,
      nothingPredicted,
      nothingExpected,
      bothEmpty,
    ]);
    expect(scores.precision).toBeCloseTo((1 + 2 / 3 + 1 + 0) / 4, 12);
    expect(scores.recall).toBeCloseTo((1 + 2 / 3 + 0.2 + 0) / 4, 12);
    expect(scores.f1).toBeCloseTo(28 / 51, 12);
  });

  it('gives 0, not NaN, for an empty dataset', () => {
    expect(aggregate([])).toEqual({ f1: 0, precision: 0, recall: 0 });
  });
});
