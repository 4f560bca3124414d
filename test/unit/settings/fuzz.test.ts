// Property tests: the parsers never throw and always produce valid settings, whatever they are given.
import fc from 'fast-check';
import {
  AUTO_MODES,
  CURRENT_SCHEMA_VERSION,
  exportSettings,
  FONT_FAMILIES,
  importSettings,
  isValidSettings,
  LIMITS,
  parseSettings,
  SETTINGS_FIELDS,
  TEXT_ALIGNS,
  THEMES,
  type Settings,
} from '../../../src/shared/settings';

const hostname = fc
  .domain()
  .map((domain) => domain.toLowerCase())
  .filter((d) => d.length <= 253);
const uniqueHosts = fc.uniqueArray(hostname, { maxLength: 20 });
const selector = fc
  .stringMatching(/^[a-z.#][a-z0-9 .#>_-]{0,40}[a-z0-9]$/)
  .filter((s) => s.trim() === s);
const color = fc.stringMatching(/^#[0-9a-f]{6}$/);
const twoDecimals = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

/** Any valid settings object. */
const validSettings: fc.Arbitrary<Settings> = fc.record({
  schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION),
  fontSize: fc.integer(LIMITS.fontSize),
  fontFamily: fc.constantFrom(...FONT_FAMILIES),
  lineHeight: twoDecimals(LIMITS.lineHeight.min, LIMITS.lineHeight.max),
  contentWidth: fc.integer(LIMITS.contentWidth),
  textAlign: fc.constantFrom(...TEXT_ALIGNS),
  theme: fc.constantFrom(...THEMES),
  customColors: fc.record({ background: color, text: color }),
  showImages: fc.boolean(),
  speechRate: twoDecimals(LIMITS.speechRate.min, LIMITS.speechRate.max),
  speechVoice: fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: null }),
  autoMode: fc.constantFrom(...AUTO_MODES),
  alwaysSites: uniqueHosts,
  neverSites: uniqueHosts,
  userRules: fc.uniqueArray(fc.record({ site: hostname, selector }), {
    maxLength: 10,
    selector: (rule) => `${rule.site}\n${rule.selector}`,
  }),
});

/** Objects that look like settings: real field names (and old ones) with arbitrary values. */
const settingsLike = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      ...SETTINGS_FIELDS,
      'schemaVersion',
      'font',
      'autoOpen',
      'ttsRate',
      'blockedSites',
      '__proto__',
    ),
    fc.string(),
  ),
  fc.oneof(fc.anything(), fc.jsonValue()),
  { maxKeys: 20 },
);

describe('fuzz', () => {
  it('parseSettings never throws and always returns valid settings (fc.anything)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }),
        (raw) => {
          const { settings } = parseSettings(raw);
          expect(isValidSettings(settings)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parseSettings handles settings-shaped objects of any version', () => {
    fc.assert(
      fc.property(settingsLike, fc.option(fc.integer({ min: -1, max: 6 })), (raw, version) => {
        const input = version === null ? raw : { ...raw, schemaVersion: version };
        const { settings, problems } = parseSettings(input);
        expect(isValidSettings(settings)).toBe(true);
        for (const problem of problems) expect((problem.received ?? '').length).toBeLessThan(100);
      }),
      { numRuns: 1000 },
    );
  });

  it('importSettings never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = importSettings(text);
        if (result.ok) expect(isValidSettings(result.settings)).toBe(true);
        else expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });

  it('importSettings reads well-formed files with arbitrary contents as valid settings', () => {
    fc.assert(
      fc.property(settingsLike, fc.integer({ min: 1, max: 6 }), (settings, schemaVersion) => {
        const text = JSON.stringify({ format: 'broadsheet-settings', schemaVersion, settings });
        const result = importSettings(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(isValidSettings(result.settings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a valid settings object parses unchanged, with no problems', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        expect(isValidSettings(settings)).toBe(true);
        expect(parseSettings(settings)).toEqual({ settings, problems: [], migratedFrom: null });
      }),
      { numRuns: 500 },
    );
  });

  it('a valid settings object survives export and import unchanged', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        expect(importSettings(exportSettings(settings))).toEqual({
          ok: true,
          settings,
          problems: [],
          migratedFrom: null,
        });
      }),
      { numRuns: 300 },
    );
  });
});
