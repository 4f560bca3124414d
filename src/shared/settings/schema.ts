// The one settings schema: every field and its validation, built on the plain facts in values.ts (choices,
// ranges, defaults). The options page and the background use it; the reader's content script does not.
import * as v from 'valibot';
import { isNormalizedHostname } from './hostnames';
import {
  AUTO_MODES,
  CURRENT_SCHEMA_VERSION,
  FONT_FAMILIES,
  LIMITS,
  TEXT_ALIGNS,
  THEMES,
} from './values';

export {
  AUTO_MODES,
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  FONT_FAMILIES,
  LIMITS,
  TEXT_ALIGNS,
  THEMES,
} from './values';

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

/** True when the value is a complete, valid, current Settings object. */
export function isValidSettings(value: unknown): value is Settings {
  return v.is(SettingsSchema, value);
}
