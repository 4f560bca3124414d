// Step-by-step upgrades of stored/imported settings from older schema versions. Each step is a small pure
// function from one version's raw object to the next; it converts what it recognises and passes everything
// else through, so parseSettings can still judge (and report) values a step could not convert.
import { normalizeHostname } from './hostnames';
import { CURRENT_SCHEMA_VERSION, LIMITS } from './schema';
import { describeReceived, type SettingsProblem } from './problems';

export type RawSettings = Record<string, unknown>;

export interface MigrationStep {
  from: number;
  to: number;
  migrate(old: RawSettings): RawSettings;
}

/**
 * v1 (one storage key "settings" holding everything):
 *   { schemaVersion: 1, theme: 'light' | 'dark' | 'night' | 'sepia', fontSize: '18px', font: 'serif' |
 *     'sans-serif' | 'opendyslexic', width: 'narrow' | 'medium' | 'wide', justify: boolean, images: boolean,
 *     autoOpen: boolean, autoOpenSites: string[] (hostnames or pasted URLs) }
 * v2 took today's names for the reader fields and split storage into one key per field.
 */
export function migrateV1toV2(old: RawSettings): RawSettings {
  const next: RawSettings = { ...old, schemaVersion: 2 };
  const renames: Record<string, (value: unknown) => [string, unknown]> = {
    font: (value) => ['fontFamily', lookup(V1_FONTS, value) ?? value],
    width: (value) => ['contentWidth', lookup(V1_WIDTHS, value) ?? value],
    justify: (value) => [
      'textAlign',
      typeof value === 'boolean' ? (value ? 'justify' : 'start') : value,
    ],
    images: (value) => ['showImages', value],
    autoOpen: (value) => [
      'autoMode',
      typeof value === 'boolean' ? (value ? 'sites' : 'off') : value,
    ],
    autoOpenSites: (value) => [
      'alwaysSites',
      Array.isArray(value) ? value.map(v1SiteToHostname) : value,
    ],
  };
  for (const [oldName, convert] of Object.entries(renames)) {
    if (!Object.hasOwn(old, oldName)) continue;
    delete next[oldName];
    const [newName, value] = convert(old[oldName]);
    if (!Object.hasOwn(old, newName)) next[newName] = value;
  }
  if (Object.hasOwn(old, 'fontSize')) next.fontSize = v1FontSize(old.fontSize);
  if (old.theme === 'night') next.theme = 'dark';
  return next;
}

const V1_FONTS = new Map([
  ['serif', 'serif'],
  ['sans-serif', 'sans'],
  ['opendyslexic', 'dyslexic'],
]);
const V1_WIDTHS = new Map([
  ['narrow', 55],
  ['medium', 68],
  ['wide', 85],
]);

function lookup<T>(table: Map<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' ? table.get(key) : undefined;
}

// v1 stored a CSS length; v1's own slider went 10-40 px, so clamp into today's range rather than lose the
// user's "small" or "large" choice.
function v1FontSize(value: unknown): unknown {
  const match =
    typeof value === 'string' ? /^\s*(\d{1,3}(?:\.\d+)?)\s*(px|pt)?\s*$/i.exec(value) : null;
  if (!match?.[1]) return value;
  const px = Number(match[1]) * (match[2]?.toLowerCase() === 'pt' ? 4 / 3 : 1);
  return Math.min(LIMITS.fontSize.max, Math.max(LIMITS.fontSize.min, Math.round(px)));
}

function v1SiteToHostname(site: unknown): unknown {
  return typeof site === 'string' ? (normalizeHostname(site) ?? site) : site;
}

/**
 * v2 -> v3: speech moved from percent to the speechSynthesis rate, "" for the default voice became null, and
 * the blocked list was renamed to pair with "always".
 *   v2: { ttsRate: 100 (50-200), ttsVoice: '' | name, blockedSites: string[] }
 */
export function migrateV2toV3(old: RawSettings): RawSettings {
  const next: RawSettings = { ...old, schemaVersion: 3 };
  for (const name of FIELDS_REMOVED_IN_V3) delete next[name];
  if (Object.hasOwn(old, 'ttsRate') && !Object.hasOwn(old, 'speechRate')) {
    next.speechRate = typeof old.ttsRate === 'number' ? old.ttsRate / 100 : old.ttsRate;
  }
  if (Object.hasOwn(old, 'ttsVoice') && !Object.hasOwn(old, 'speechVoice')) {
    next.speechVoice = old.ttsVoice === '' ? null : old.ttsVoice;
  }
  if (Object.hasOwn(old, 'blockedSites') && !Object.hasOwn(old, 'neverSites')) {
    next.neverSites = old.blockedSites;
  }
  return next;
}

const FIELDS_REMOVED_IN_V3 = ['ttsRate', 'ttsVoice', 'blockedSites'] as const;

/** Per-field storage keys that older layouts used and the current one does not (storage reads them too). */
export const FIELDS_OF_OLDER_VERSIONS: readonly string[] = FIELDS_REMOVED_IN_V3;

export const MIGRATIONS: readonly MigrationStep[] = [
  { from: 1, to: 2, migrate: migrateV1toV2 },
  { from: 2, to: 3, migrate: migrateV2toV3 },
];

export interface MigrationResult {
  /** The upgraded object (or the input unchanged when it is not an object or is from a newer version). */
  value: unknown;
  /** The version the input declared, when it declared a valid one. */
  fromVersion: number | null;
  problems: SettingsProblem[];
}

/**
 * Upgrades a raw settings object to the current version. No schemaVersion means "current" (a partial object
 * someone wrote by hand); a newer version is left as it is and reported, so the parser loads what it can.
 */
export function migrate(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { value: raw, fromVersion: null, problems: [] };
  }
  const record = raw as RawSettings;
  const declared = record.schemaVersion;
  if (declared === undefined) return { value: raw, fromVersion: null, problems: [] };
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    const problem: SettingsProblem = {
      field: 'schemaVersion',
      kind: 'invalid',
      message:
        'The settings version is not a whole number from 1 up; read them as the current version.',
      received: describeReceived(declared),
    };
    return {
      value: { ...record, schemaVersion: CURRENT_SCHEMA_VERSION },
      fromVersion: null,
      problems: [problem],
    };
  }
  if (declared > CURRENT_SCHEMA_VERSION) {
    const problem: SettingsProblem = {
      field: 'schemaVersion',
      kind: 'newer-version',
      message: `These settings come from a newer version of Broadsheet (settings version ${declared}; this one reads ${CURRENT_SCHEMA_VERSION}). What this version understands was loaded; update Broadsheet to use the rest.`,
      received: describeReceived(declared),
    };
    return { value: raw, fromVersion: declared, problems: [problem] };
  }
  let value = record;
  for (const step of MIGRATIONS) {
    if (step.from >= declared && step.from < CURRENT_SCHEMA_VERSION) value = step.migrate(value);
  }
  return { value, fromVersion: declared, problems: [] };
}
