// The reader's first-paint settings facts (src/overlay/look.ts) come from the settings' plain values, not the
// valibot schema: the fallback must still be a valid settings object, and the keys must stay in range.
import { fallbackSettings, steppedFontSize } from '../../../src/overlay/look';
import { nextTheme } from '../../../src/overlay/theme';
import { isValidSettings, LIMITS, THEMES } from '../../../src/shared/settings';

describe("the reader's settings facts", () => {
  it('falls back to a complete, valid settings object', () => {
    expect(isValidSettings(fallbackSettings())).toBe(true);
    expect(fallbackSettings()).not.toBe(fallbackSettings());
  });

  it('steps through every theme in the schema order with the "t" key', () => {
    expect(THEMES.map((theme) => nextTheme(theme))).toEqual([...THEMES.slice(1), THEMES[0]]);
  });

  it('steps the font size inside the schema range', () => {
    expect(steppedFontSize(LIMITS.fontSize.max, 1)).toBe(LIMITS.fontSize.max);
    expect(steppedFontSize(LIMITS.fontSize.min, -1)).toBe(LIMITS.fontSize.min);
    expect(steppedFontSize(20, 1)).toBe(22);
    expect(steppedFontSize(20.4, -1)).toBe(18);
  });
});
