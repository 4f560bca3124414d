// Estimated reading time: 230 words a minute; Chinese/Japanese text (no spaces) by characters.
import { countWordKinds } from '../rules/dom-text';

const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 500;

export function readingTimeMinutes(text: string): number {
  // Words in other scripts are runs of letters and digits, which a CJK character ends.
  const { runs, cjk } = countWordKinds(text);
  const minutes = runs / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/** Chinese and Japanese characters (their main blocks): a plain character-range test, fast even when cold. */
const CJK_RANGES = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * readingTimeMinutes, estimated at a fraction of its cost (its Unicode word test takes over 10 ms on a
 * long article in code that has not run yet): words as runs of characters other than spaces and
 * punctuation (ASCII and the General Punctuation block), as the exact count splits them. For a very long
 * article shown before its cleaning is done; text with Chinese or Japanese gets the exact count.
 */
export function estimatedReadingMinutes(text: string): number {
  if (CJK_RANGES.test(text)) return readingTimeMinutes(text);
  const run = /[^\s!-/:-@[-^`{-~\u2000-\u206f]+/g;
  let words = 0;
  while (run.exec(text)) words++;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
