// The few settings facts the reader's first paint needs, without the settings schema: that schema is built
// with valibot at module load, which would put the validator into content.js. Unit tests
// (test/unit/overlay/look.test.ts) hold these equal to src/shared/settings, the one source of truth.
import type { Settings, Theme } from '../shared/settings';

/** Every theme, in the order the "t" key steps through them. */
export const allThemes = [
  'auto',
  'light',
  'sepia',
  'dark',
  'custom',
] as const satisfies readonly Theme[];
// Compile-time: a theme added to the schema but missing here fails the type check.
const everyThemeListed: Exclude<Theme, (typeof allThemes)[number]> extends never ? true : never =
  true;
void everyThemeListed;

/** LIMITS.fontSize: the range the +/- keys step within. */
export const fontSizeRange = { min: 14, max: 32 } as const;

export const fontSizeStep = 2;

/** The next size one step up (+1) or down (-1), kept inside the allowed range. */
export function steppedFontSize(size: number, direction: 1 | -1): number {
  const { min, max } = fontSizeRange;
  return Math.min(max, Math.max(min, Math.round(size) + direction * fontSizeStep));
}

/**
 * defaultSettings(): what the reader shows if the background cannot give the stored settings (it always
 * can while the extension runs; this keeps the reader usable if it cannot).
 */
export function fallbackSettings(): Settings {
  return {
    schemaVersion: 3,
    fontSize: 20,
    fontFamily: 'serif',
    lineHeight: 1.6,
    contentWidth: 68,
    textAlign: 'start',
    theme: 'auto',
    customColors: { background: '#1b2b34', text: '#d8dee9' },
    showImages: true,
    speechRate: 1,
    speechVoice: null,
    autoMode: 'off',
    alwaysSites: [],
    neverSites: [],
    userRules: [],
  };
}
