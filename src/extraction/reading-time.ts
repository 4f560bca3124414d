// Estimated reading time: 230 words a minute; Chinese/Japanese text (no spaces) by characters.
const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 500;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}_]+/gu;

export function readingTimeMinutes(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const withoutCjk = cjk > 0 ? text.replace(CJK, ' ') : text;
  const words = withoutCjk.match(WORD)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
