// Reading time: the exact count, and the cheap estimate a very long article shows until its cleaning is
// done. Checked on the human-labelled article texts of ../shared/datasets (181 real news and blog pages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimatedReadingMinutes, readingTimeMinutes } from '../../../src/extraction/reading-time';
import { repoRoot } from './fixture-helpers';

const labelledTexts: string[] = readFileSync(
  join(repoRoot, '..', 'shared', 'datasets', 'article-extraction-benchmark', 'manifest.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { expected_text: string }).expected_text);

describe('the estimated reading time', () => {
  it('is the exact one on most labelled articles and within 15% on all, even the longest', () => {
    // The longest articles, as a very long one is: all labelled texts joined, and each one ten times over.
    const texts = [labelledTexts.join('\n\n'), ...labelledTexts.map((text) => text.repeat(10))];
    const offBy = texts.map((text) => {
      const exact = readingTimeMinutes(text);
      return Math.abs(estimatedReadingMinutes(text) - exact) / exact;
    });
    expect(labelledTexts.length).toBe(181);
    // Off at all: where the exact count splits words the estimate keeps whole (Arabic with vowel marks).
    expect(offBy.filter((off) => off > 0).length).toBeLessThan(texts.length / 10);
    expect(offBy.filter((off) => off > 0.15)).toEqual([]);
  });

  it('counts Chinese and Japanese by characters, as the exact one does', () => {
    const japanese = '東京の天気は晴れです。明日は雨が降るでしょう。'.repeat(400);
    expect(estimatedReadingMinutes(japanese)).toBe(readingTimeMinutes(japanese));
    expect(estimatedReadingMinutes(japanese)).toBeGreaterThan(5);
  });

  it('is at least a minute', () => {
    expect(estimatedReadingMinutes('')).toBe(1);
    expect(estimatedReadingMinutes('A few words.')).toBe(1);
  });
});
