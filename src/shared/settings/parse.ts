// Per-field parsing: one bad value costs that value only. Never throws, whatever it is given.
import * as v from 'valibot';
import { normalizeHostname } from './hostnames';
import { migrate } from './migrations';
import { describeReceived, type SettingsProblem } from './problems';
import {
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  FIELD_SCHEMAS,
  hostnameSchema,
  LIMITS,
  SETTINGS_FIELDS,
  userRuleSchema,
  type Settings,
  type SettingsField,
  type SettingsPatch,
  type UserRule,
} from './schema';

export interface ParseOptions {
  /**
   * A deeper check of the user's cleanup rules than the shape check here: src/rules' validateUserRules fits
   * as is. It returns the rules it keeps and one message per rejected rule; those rules are dropped and reported.
   */
  checkUserRules?: (rules: readonly UserRule[]) => {
    rules: readonly UserRule[];
    problems: readonly string[];
  };
}

export interface ParseResult {
  /** Always complete and valid (isValidSettings holds). */
  settings: Settings;
  /** Everything that was not loaded as given, in field order; empty when the input was clean. */
  problems: SettingsProblem[];
  /** The schema version the input was upgraded from, or null when no upgrade ran. */
  migratedFrom: number | null;
}

/** Reported one by one up to this many per field; the rest are summed up in one problem. */
const MAX_REPORTED_PER_FIELD = 5;

/**
 * Reads any value (storage contents, an imported file, garbage) as Settings: upgrades old versions, keeps
 * every valid field, replaces each invalid one by its default and says why, drops unknown fields.
 */
export function parseSettings(raw: unknown, options: ParseOptions = {}): ParseResult {
  const migration = migrate(raw);
  const problems = [...migration.problems];
  const migratedFrom =
    migration.fromVersion !== null && migration.fromVersion < CURRENT_SCHEMA_VERSION
      ? migration.fromVersion
      : null;
  const settings = defaultSettings();
  const input = migration.value;
  if (!isPlainRecord(input)) {
    problems.push({
      field: null,
      kind: 'not-an-object',
      message: 'The settings are not an object; every setting uses its default.',
      received: describeReceived(input),
    });
    return { settings, problems, migratedFrom };
  }
  const fields = new Set<string>(SETTINGS_FIELDS);
  for (const field of SETTINGS_FIELDS) {
    const value = input[field];
    if (value === undefined) continue; // missing: the default, nothing to report
    const parsed = parseField(field, value, options);
    problems.push(...parsed.problems);
    if (parsed.ok) assign(settings, field, parsed.value);
  }
  const unknown = Object.keys(input).filter((key) => !fields.has(key) && key !== 'schemaVersion');
  problems.push(
    ...capped(
      unknown.map((key) => ({
        field: key,
        kind: 'unknown-field' as const,
        message: `"${truncate(key)}" is not a Broadsheet setting; it was ignored.`,
      })),
      null,
      (rest) => `${rest} more unknown fields were ignored.`,
    ),
  );
  return { settings, problems, migratedFrom };
}

export type PatchCheck =
  { ok: true; patch: SettingsPatch } | { ok: false; problems: SettingsProblem[] };

/**
 * Checks a change before it is stored: the patch is accepted whole or not at all (no invalid value is ever
 * written). Lists are normalised (hostname case, duplicates). A full Settings object is a valid patch.
 */
export function checkPatch(patch: unknown, options: ParseOptions = {}): PatchCheck {
  if (!isPlainRecord(patch)) {
    return {
      ok: false,
      problems: [
        {
          field: null,
          kind: 'not-an-object',
          message: 'A settings change must be an object of fields.',
          received: describeReceived(patch),
        },
      ],
    };
  }
  const problems: SettingsProblem[] = [];
  const accepted: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (key === 'schemaVersion' && value === CURRENT_SCHEMA_VERSION) continue;
    if (!isSettingsField(key)) {
      problems.push({
        field: key,
        kind: 'unknown-field',
        message: `"${truncate(key)}" is not a Broadsheet setting.`,
      });
      continue;
    }
    const parsed = parseField(key, value, options);
    problems.push(...parsed.problems);
    if (parsed.ok) accepted[key] = parsed.value;
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, patch: accepted as SettingsPatch };
}

type FieldResult<T> =
  { ok: true; value: T; problems: SettingsProblem[] } | { ok: false; problems: SettingsProblem[] };

function parseField(
  field: SettingsField,
  value: unknown,
  options: ParseOptions,
): FieldResult<unknown> {
  try {
    switch (field) {
      case 'customColors':
        return parseColors(value);
      case 'alwaysSites':
      case 'neverSites':
        return parseList(field, value, normalizeSiteEntry, hostnameSchema, (site) => site);
      case 'userRules':
        return parseRules(value, options);
      default:
        return parseScalar(field, FIELD_SCHEMAS[field] as v.GenericSchema, value);
    }
  } catch (error) {
    // Only an exotic object (a throwing getter or proxy) can get here.
    return {
      ok: false,
      problems: [
        {
          field,
          kind: 'invalid',
          message: `This value could not be read (${error instanceof Error ? error.message : 'unknown error'}); the default is used.`,
        },
      ],
    };
  }
}

function parseScalar<T>(
  field: string,
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
): FieldResult<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output, problems: [] };
  return { ok: false, problems: [issueProblem(field, result.issues, value)] };
}

function parseColors(value: unknown): FieldResult<Settings['customColors']> {
  if (!isPlainRecord(value)) return parseScalar('customColors', FIELD_SCHEMAS.customColors, value);
  const colors = defaultSettings().customColors;
  const problems: SettingsProblem[] = [];
  const entries = FIELD_SCHEMAS.customColors.entries;
  for (const part of ['background', 'text'] as const) {
    if (value[part] === undefined) continue;
    const parsed = parseScalar(`customColors.${part}`, entries[part], value[part]);
    if (parsed.ok) colors[part] = parsed.value;
    problems.push(...parsed.problems);
  }
  for (const key of Object.keys(value)) {
    if (key === 'background' || key === 'text') continue;
    problems.push({
      field: `customColors.${truncate(key)}`,
      kind: 'unknown-field',
      message: `Custom colours have only "background" and "text"; "${truncate(key)}" was ignored.`,
    });
  }
  return { ok: true, value: colors, problems };
}

const LIST_LABELS: Record<'alwaysSites' | 'neverSites' | 'userRules', string> = {
  alwaysSites: '"Always open here" sites',
  neverSites: '"Never open here" sites',
  userRules: 'Cleanup rules',
};

function parseList<T>(
  field: 'alwaysSites' | 'neverSites' | 'userRules',
  value: unknown,
  normalize: (entry: unknown) => unknown,
  entrySchema: v.GenericSchema<unknown, T>,
  identity: (entry: T) => string,
): FieldResult<T[]> {
  const label = LIST_LABELS[field];
  const max = field === 'userRules' ? LIMITS.maxUserRules : LIMITS.maxSitesPerList;
  if (!Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        {
          field,
          kind: 'invalid',
          message: `${label} must be a list; the saved value was not loaded.`,
          received: describeReceived(value),
        },
      ],
    };
  }
  if (value.length > max) {
    return {
      ok: false,
      problems: [
        {
          field,
          kind: 'oversized',
          message: `${label} hold ${value.length} entries, more than the ${max} allowed; the list was not loaded.`,
          received: describeReceived(value),
        },
      ],
    };
  }
  const kept: T[] = [];
  const seen = new Set<string>();
  const dropped: SettingsProblem[] = [];
  value.forEach((entry: unknown, index) => {
    const result = v.safeParse(entrySchema, normalize(entry));
    if (!result.success) {
      const reason = result.issues[0]?.message ?? 'invalid entry';
      dropped.push({
        field,
        kind: 'entry-dropped',
        message: `${label}: entry ${index + 1} was dropped. ${reason}`,
        received: describeReceived(entry),
      });
      return;
    }
    const key = identity(result.output);
    if (seen.has(key)) return; // a repeat carries no information; drop it quietly
    seen.add(key);
    kept.push(result.output);
  });
  const problems = capped(dropped, field, (rest) => `${label}: ${rest} more entries were dropped.`);
  return { ok: true, value: kept, problems };
}

function parseRules(value: unknown, options: ParseOptions): FieldResult<UserRule[]> {
  const parsed = parseList('userRules', value, normalizeRuleEntry, userRuleSchema, ruleIdentity);
  if (!parsed.ok || !options.checkUserRules || parsed.value.length === 0) return parsed;
  let checked: ReturnType<NonNullable<ParseOptions['checkUserRules']>>;
  try {
    checked = options.checkUserRules(parsed.value);
  } catch (error) {
    // A broken checker must not cost the user their rules: keep the shape-checked ones and say so.
    const reason = error instanceof Error ? error.message : 'unknown error';
    const problem: SettingsProblem = {
      field: 'userRules',
      kind: 'not-checked',
      message: `Cleanup rules could not be fully checked (${reason}); they were kept as saved.`,
    };
    return { ok: true, value: parsed.value, problems: [...parsed.problems, problem] };
  }
  // Keep only rules that passed both checks, in the stored form (the hook may normalise differently).
  const passed = new Set(checked.rules.map(ruleIdentity));
  const kept = parsed.value.filter((rule) => passed.has(ruleIdentity(rule)));
  const rejected = checked.problems.map((message): SettingsProblem => ({
    field: 'userRules',
    kind: 'entry-dropped',
    message: `Cleanup rules: ${message}`,
  }));
  if (kept.length < parsed.value.length && rejected.length === 0) {
    rejected.push({
      field: 'userRules',
      kind: 'entry-dropped',
      message: `Cleanup rules: ${parsed.value.length - kept.length} rules were rejected by the rule check.`,
    });
  }
  const problems = [
    ...parsed.problems,
    ...capped(rejected, 'userRules', (rest) => `Cleanup rules: ${rest} more rules were dropped.`),
  ];
  return { ok: true, value: kept, problems };
}

const ruleIdentity = (rule: UserRule) => `${rule.site}\n${rule.selector}`;

function normalizeSiteEntry(entry: unknown): unknown {
  return typeof entry === 'string' ? (normalizeHostname(entry) ?? entry) : entry;
}

function normalizeRuleEntry(entry: unknown): unknown {
  if (!isPlainRecord(entry)) return entry;
  const { site, selector } = entry;
  return {
    site: typeof site === 'string' ? (normalizeHostname(site) ?? site) : site,
    selector: typeof selector === 'string' ? selector.trim() : selector,
  };
}

function issueProblem(
  field: string,
  issues: readonly v.BaseIssue<unknown>[],
  value: unknown,
): SettingsProblem {
  const issue = issues[0];
  return {
    field,
    kind: issue?.type === 'max_length' ? 'oversized' : 'invalid',
    message: `${issue?.message ?? 'Invalid value.'} The default is used.`,
    received: describeReceived(value),
  };
}

function capped(
  problems: SettingsProblem[],
  field: string | null,
  summary: (rest: number) => string,
): SettingsProblem[] {
  if (problems.length <= MAX_REPORTED_PER_FIELD) return problems;
  const rest = problems.length - MAX_REPORTED_PER_FIELD;
  const kind = problems[0]?.kind ?? 'invalid';
  return [...problems.slice(0, MAX_REPORTED_PER_FIELD), { field, kind, message: summary(rest) }];
}

function assign<K extends SettingsField>(settings: Settings, field: K, value: unknown): void {
  settings[field] = value as Settings[K];
}

function isSettingsField(key: string): key is SettingsField {
  return (SETTINGS_FIELDS as string[]).includes(key);
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
