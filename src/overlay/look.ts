// The settings facts the reader's first paint needs. They come from values.ts, not from the settings
// index: the schema there is built with valibot at module load, which would put the validator into content.js.
import { defaultSettings, LIMITS, THEMES } from '../shared/settings/values';

/** Every theme, in the order the "t" key steps through them. */
export const allThemes = THEMES;

/** The range the +/- keys step within. */
export const fontSizeRange = LIMITS.fontSize;

export const fontSizeStep = 2;

/** The next size one step up (+1) or down (-1), kept inside the allowed range. */
export function steppedFontSize(size: number, direction: 1 | -1): number {
  const { min, max } = fontSizeRange;
  return Math.min(max, Math.max(min, Math.round(size) + direction * fontSizeStep));
}

/**
 * What the reader shows if the background cannot give the stored settings (it always can while the
 * extension runs; this keeps the reader usable if it cannot).
 */
export const fallbackSettings = defaultSettings;
