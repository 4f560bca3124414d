// The first-paint bundle keeps a few settings facts of its own (src/overlay/look.ts) so it does not carry
// the valibot schema; these tests hold them equal to the schema, the one source of truth.
import {
  allThemes,
  fallbackSettings,
  fontSizeRange,
  steppedFontSize,
} from '../../../src/overlay/look';
import { nextTheme } from '../../../src/overlay/theme';
import {
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  isValidSettings,
  LIMITS,
  THEMES,
} from '../../../src/shared/settings';

describe("the reader's own copy of the settings facts", () => {
  it('falls back to exactly the schema defaults, a valid settings object', () => {
    expect(fallbackSettings()).toEqual(defaultSettings());
    expect(fallbackSettings().schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(isValidSettings(fallbackSettings())).toBe(true);
  });

  it('knows every theme, in the schema order the "t" key steps through', () => {
    expect(allThemes).toEqual(THEMES);
    expect(THEMES.map((theme) => nextTheme(theme))).toEqual([...THEMES.slice(1), THEMES[0]]);
  });

  it('steps the font size inside the schema range', () => {
    expect(fontSizeRange).toEqual(LIMITS.fontSize);
    expect(steppedFontSize(LIMITS.fontSize.max, 1)).toBe(LIMITS.fontSize.max);
    expect(steppedFontSize(LIMITS.fontSize.min, -1)).toBe(LIMITS.fontSize.min);
    expect(steppedFontSize(20, 1)).toBe(22);
  });
});
