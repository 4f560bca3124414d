// The one settings schema: every field, its allowed values and its default. Valibot keeps it small in the
// content script (import * as v is tree-shaken to the validators used here).
import * as v from 'valibot';
import { isNormalizedHostname } from './hostnames';

/** Bumped whenever a stored shape changes; migrations.ts has one step per bump. */
export const CURRENT_SCHEMA_VERSION = 3;

export const FONT_FAMILIES = ['serif', 'sans', 'dyslexic', 'system'] as const;
export const TEXT_ALIGNS = ['start', 'justify'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark', 'custom'] as const;
export const AUTO_MODES = ['off', 'sites', 'all-news'] as const;

/** Ranges and size caps. The caps reject absurd values (a corrupt store, a hostile file) per field. */
export const LIMITS = {
  fontSize: { min: 14, max: 32 },
  lineHeight: { min: 1.2, max: 2.2 },
  contentWidth: { min: 45, max: 100 },
  speechRate: { min: 0.5, max: 2 },
  maxSitesPerList: 1000,
  maxUserRules: 500,
  // The rules engine (src/rules/user-rules.ts) accepts selectors up to 500 characters.
  maxSelectorLength: 500,
  maxVoiceLength: 500,
} as const;

const rangeMessage = (label: string, unit: string, { min, max }: { min: number; max: number }) =>
  `${label} must be from ${min} to ${max}${unit}.`;

const numberInRange = (label: string, unit: string, range: { min: number; max: number }) =>
  v.pipe(
    v.number(`${label} must be a number${unit}.`),
    v.minValue(range.min, rangeMessage(label, unit, range)),
    v.maxValue(range.max, rangeMessage(label, unit, range)),
  );

const wholeNumberInRange = (label: string, unit: string, range: { min: number; max: number }) =>
  v.pipe(
    v.number(`${label} must be a number${unit}.`),
    v.integer(`${label} must be a whole number${unit}.`),
    v.minValue(range.min, rangeMessage(label, unit, range)),
    v.maxValue(range.max, rangeMessage(label, unit, range)),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(label: string, options: T) =>
  v.picklist(options, `${label} must be one of: ${options.join(', ')}.`);

const hexColor = (label: string) =>
  v.pipe(
    v.string(`${label} must be a colour like #1a2b3c.`),
    v.regex(
      /^#[0-9a-f]{6}$/,
      `${label} must be a colour like #1a2b3c (six lower-case hex digits).`,
    ),
  );

export const hostnameSchema = v.pipe(
  v.string('A site must be a hostname like example.com.'),
  v.maxLength(253, 'A hostname is at most 253 characters.'),
  v.check(isNormalizedHostname, 'A site must be a hostname like example.com (no path or port).'),
);

// Braces and control characters are never needed in a selector outside quoted attribute values, and would
// let a rule escape a generated style sheet.
const SELECTOR_FORBIDDEN = /[{}\p{Cc}]/u;
export const userRuleSchema = v.strictObject(
  {
    site: v.pipe(
      v.string('A rule needs a site (a hostname like example.com).'),
      v.check(
        isNormalizedHostname,
        'A rule site must be a hostname like example.com (no path or port).',
      ),
    ),
    selector: v.pipe(
      v.string('A rule needs a CSS selector.'),
      v.nonEmpty('A rule needs a CSS selector.'),
      v.maxLength(
        LIMITS.maxSelectorLength,
        `A rule selector is at most ${LIMITS.maxSelectorLength} characters.`,
      ),
      v.check((s) => s.trim() === s, 'A rule selector must not start or end with spaces.'),
      v.check(
        (s) => !SELECTOR_FORBIDDEN.test(s),
        'A rule selector must not contain { } or control characters.',
      ),
    ),
  },
  'A rule must be { "site": ..., "selector": ... }.',
);

const unique = <T>(key: (item: T) => string) =>
  v.check<T[], string>(
    (items) => new Set(items.map(key)).size === items.length,
    'A list must not repeat an entry.',
  );

const siteList = (label: string) =>
  v.pipe(
    v.array(hostnameSchema, `${label} must be a list of hostnames.`),
    v.maxLength(LIMITS.maxSitesPerList, `${label} holds at most ${LIMITS.maxSitesPerList} sites.`),
    unique<string>((site) => site),
  );

/** Each field's schema, as the strict (already normalised) form a stored or exported value must have. */
export const FIELD_SCHEMAS = {
  fontSize: wholeNumberInRange('Font size', ' px', LIMITS.fontSize),
  fontFamily: oneOf('Font', FONT_FAMILIES),
  lineHeight: numberInRange('Line height', '', LIMITS.lineHeight),
  contentWidth: wholeNumberInRange('Content width', ' characters', LIMITS.contentWidth),
  textAlign: oneOf('Text alignment', TEXT_ALIGNS),
  theme: oneOf('Theme', THEMES),
  customColors: v.strictObject(
    { background: hexColor('Custom background'), text: hexColor('Custom text colour') },
    'Custom colours must be { "background": "#rrggbb", "text": "#rrggbb" }.',
  ),
  showImages: v.boolean('Show images must be true or false.'),
  speechRate: numberInRange('Speech rate', '×', LIMITS.speechRate),
  speechVoice: v.nullable(
    v.pipe(
      v.string('Voice must be a voice name or null (the browser default).'),
      v.nonEmpty('Voice must be a voice name or null (the browser default).'),
      v.maxLength(
        LIMITS.maxVoiceLength,
        `A voice name is at most ${LIMITS.maxVoiceLength} characters.`,
      ),
    ),
  ),
  autoMode: oneOf('Automatic mode', AUTO_MODES),
  alwaysSites: siteList('"Always open here" sites'),
  neverSites: siteList('"Never open here" sites'),
  userRules: v.pipe(
    v.array(userRuleSchema, 'Cleanup rules must be a list of { site, selector }.'),
    v.maxLength(LIMITS.maxUserRules, `At most ${LIMITS.maxUserRules} cleanup rules.`),
    unique<v.InferOutput<typeof userRuleSchema>>((rule) => `${rule.site}\n${rule.selector}`),
  ),
};

/** The whole settings object, strict: exactly these fields, each valid. */
export const SettingsSchema = v.strictObject({
  schemaVersion: v.literal(CURRENT_SCHEMA_VERSION),
  ...FIELD_SCHEMAS,
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
/** The fields a user can change (everything but schemaVersion). */
export type SettingsField = keyof typeof FIELD_SCHEMAS;
export type SettingsPatch = Partial<Pick<Settings, SettingsField>>;
export type UserRule = v.InferOutput<typeof userRuleSchema>;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export type Theme = (typeof THEMES)[number];
export type AutoMode = (typeof AUTO_MODES)[number];

export const SETTINGS_FIELDS = Object.keys(FIELD_SCHEMAS) as SettingsField[];

/** A fresh object with every default (callers may mutate it). */
export function defaultSettings(): Settings {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    fontSize: 20,
    fontFamily: 'serif',
    lineHeight: 1.6,
    contentWidth: 68,
    textAlign: 'start',
    theme: 'auto',
    // A dark pair well above WCAG AA (about 11:1), so picking "custom" is readable before any change.
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

/** True when the value is a complete, valid, current Settings object. */
export function isValidSettings(value: unknown): value is Settings {
  return v.is(SettingsSchema, value);
}
