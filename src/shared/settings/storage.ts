// Settings in browser.storage.sync (or any area with the same get/set/remove shape, e.g. an in-memory fake).
//
// Layout: one storage key per field ("settings.fontSize", "settings.alwaysSites", ...) plus
// "settings.schemaVersion". Sync merges per key across devices, so a font change on one device and a new
// "never" site on another both survive; each key is small against QUOTA_BYTES_PER_ITEM (8,192); the 15 keys
// are far below MAX_ITEMS (512). A save writes every changed key in ONE set() call, which the browser applies
// all or nothing (its quota check runs before anything is written), so no half-saved object can appear.
// Version 1 kept everything under one key, "settings"; it is read and upgraded, and removed on the next save.
import { FIELDS_OF_OLDER_VERSIONS } from './migrations';
import {
  checkPatch,
  isPlainRecord,
  parseSettings,
  type ParseOptions,
  type ParseResult,
} from './parse';
import { describeReceived, type SettingsProblem } from './problems';
import {
  CURRENT_SCHEMA_VERSION,
  SETTINGS_FIELDS,
  type Settings,
  type SettingsField,
  type SettingsPatch,
} from './schema';

/** What this module needs of a storage area; browser.storage.sync and browser.storage.local fit it. */
export interface SettingsStorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** browser.storage.onChanged fits this. */
export interface StorageChangedEvent {
  addListener(callback: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  removeListener(
    callback: (changes: Record<string, StorageChange>, areaName: string) => void,
  ): void;
}

const PREFIX = 'settings.';
export const STORAGE_KEYS = {
  version: `${PREFIX}schemaVersion`,
  /** Where schema version 1 kept the whole object. */
  legacyV1: 'settings',
  field: (field: string) => `${PREFIX}${field}`,
} as const;

/** chrome.storage.sync / Firefox storage.sync limits (bytes are UTF-8 of key + JSON value). */
export const SYNC_QUOTA = { bytesPerItem: 8192, bytes: 102400, maxItems: 512 } as const;

export interface LoadResult extends ParseResult {
  /** True when reading the storage area itself failed; the settings are then all defaults. */
  storageError: boolean;
}

/**
 * Reads the settings. Never rejects: a broken value falls back per field (listed in problems); an area
 * that cannot be read at all gives the defaults and one problem.
 */
export async function loadSettings(
  area: SettingsStorageArea,
  options: ParseOptions = {},
): Promise<LoadResult> {
  let stored: StoredSettings;
  try {
    stored = await readStored(area);
  } catch (error) {
    const result = parseSettings({}, options);
    result.problems.push({
      field: null,
      kind: 'invalid',
      message: `The saved settings could not be read (${errorText(error)}); the defaults are used for now.`,
    });
    return { ...result, storageError: true };
  }
  return { ...parseSettings(stored.raw, options), storageError: false };
}

export type SaveResult =
  | {
      ok: true;
      /** The settings now stored (including fields that fell back to defaults on load). */
      settings: Settings;
      /** Load problems of the fields this save did not touch (they stay as stored until changed). */
      problems: SettingsProblem[];
    }
  | {
      ok: false;
      /** invalid: the patch itself was rejected; too-large: over a sync quota; storage-error: the area refused. */
      reason: 'invalid' | 'too-large' | 'storage-error';
      /** One sentence for the UI. The stored settings are unchanged. */
      message: string;
      problems: SettingsProblem[];
    };

/**
 * Validates the change, merges it into the stored settings and writes the changed keys in one set() call.
 * Nothing is written when the change is invalid or too large; when the area rejects the write (a quota),
 * the stored settings stay exactly as they were. Never rejects. Saves from one page run in call order.
 */
export function saveSettings(
  area: SettingsStorageArea,
  patch: SettingsPatch,
  options: ParseOptions = {},
): Promise<SaveResult> {
  const previous = queues.get(area) ?? Promise.resolve();
  const run = previous.then(() => writePatch(area, patch, options));
  queues.set(area, run);
  return run;
}

// Read-modify-write of one area must not interleave within a page (two quick clicks on "A+").
const queues = new WeakMap<SettingsStorageArea, Promise<SaveResult>>();

async function writePatch(
  area: SettingsStorageArea,
  patch: SettingsPatch,
  options: ParseOptions,
): Promise<SaveResult> {
  const checked = checkPatch(patch, options);
  if (!checked.ok) {
    return {
      ok: false,
      reason: 'invalid',
      message: `Not saved: ${checked.problems[0]?.message ?? 'invalid settings.'}`,
      problems: checked.problems,
    };
  }
  let stored: StoredSettings;
  try {
    stored = await readStored(area);
  } catch (error) {
    return storageFailure(error);
  }
  const loaded = parseSettings(stored.raw, options);
  const next: Settings = { ...loaded.settings, ...checked.patch };
  const changed = Object.keys(checked.patch) as SettingsField[];
  const rewriteAll =
    stored.layout === 'legacy' ||
    (stored.version !== null && stored.version < CURRENT_SCHEMA_VERSION);
  // An upgrade writes every field, except those that did not load (they would be stored as defaults and
  // lost); like any broken field, they stay as they were until the user sets them.
  const unloaded = new Set(
    loaded.problems
      .filter((problem) => problem.kind === 'invalid' || problem.kind === 'oversized')
      .map((problem) => problem.field?.split('.')[0]),
  );
  const skipped = rewriteAll
    ? SETTINGS_FIELDS.filter((field) => unloaded.has(field) && !changed.includes(field))
    : [];
  const items: Record<string, unknown> = {};
  for (const field of rewriteAll ? SETTINGS_FIELDS : changed) {
    const key = STORAGE_KEYS.field(field);
    if (skipped.includes(field)) continue;
    if (!rewriteAll && sameJson(stored.items[key], next[field])) continue;
    items[key] = next[field];
  }
  // A newer version's marker stays: this version writes only fields it knows, in the shape both read.
  if (stored.version === null || stored.version < CURRENT_SCHEMA_VERSION) {
    items[STORAGE_KEYS.version] = CURRENT_SCHEMA_VERSION;
  }
  const untouchedProblems = loaded.problems.filter(
    (problem) =>
      problem.field === null || !changed.some((field) => problem.field?.startsWith(field)),
  );
  if (Object.keys(items).length === 0)
    return { ok: true, settings: next, problems: untouchedProblems };

  const tooLarge = checkQuota(stored.items, items);
  if (tooLarge) return { ok: false, reason: 'too-large', message: tooLarge, problems: [] };
  try {
    await area.set(items);
  } catch (error) {
    return storageFailure(error);
  }
  if (rewriteAll && skipped.length === 0) await removeObsoleteKeys(area);
  return { ok: true, settings: next, problems: untouchedProblems };
}

export interface SettingsChange extends LoadResult {
  /** The fields whose stored value changed (all fields when the old single-key layout changed). */
  changedFields: SettingsField[];
}

export interface SettingsStore {
  area: SettingsStorageArea;
  /** The name browser.storage.onChanged reports for the area ("sync"). */
  areaName: string;
  onChanged: StorageChangedEvent;
}

/**
 * Calls the listener with freshly loaded settings whenever another page (or this one) saves them. Returns a
 * function that stops listening. Results arrive in change order; a load overtaken by a newer change is
 * dropped.
 */
export function onSettingsChanged(
  store: SettingsStore,
  listener: (change: SettingsChange) => void,
  options: ParseOptions = {},
): () => void {
  let latest = 0;
  let active = true;
  const handler = (changes: Record<string, StorageChange>, areaName: string) => {
    if (areaName !== store.areaName) return;
    const changedFields = fieldsOf(Object.keys(changes));
    if (changedFields.length === 0) return;
    const ticket = ++latest;
    void loadSettings(store.area, options).then((result) => {
      if (active && ticket === latest) listener({ ...result, changedFields });
    });
  };
  store.onChanged.addListener(handler);
  return () => {
    active = false;
    store.onChanged.removeListener(handler);
  };
}

function fieldsOf(keys: string[]): SettingsField[] {
  if (keys.includes(STORAGE_KEYS.legacyV1)) return [...SETTINGS_FIELDS];
  const changed = new Set(keys);
  if (changed.has(STORAGE_KEYS.version)) return [...SETTINGS_FIELDS];
  return SETTINGS_FIELDS.filter((field) => changed.has(STORAGE_KEYS.field(field)));
}

interface StoredSettings {
  /** The flat object to parse (version included). */
  raw: unknown;
  layout: 'empty' | 'legacy' | 'fields';
  /** The stored version when it is a usable number. */
  version: number | null;
  /** Everything read, by storage key. */
  items: Record<string, unknown>;
}

const ALL_KEYS = [
  STORAGE_KEYS.version,
  STORAGE_KEYS.legacyV1,
  ...SETTINGS_FIELDS.map(STORAGE_KEYS.field),
  ...FIELDS_OF_OLDER_VERSIONS.map(STORAGE_KEYS.field),
];

async function readStored(area: SettingsStorageArea): Promise<StoredSettings> {
  const items = await area.get(ALL_KEYS);
  if (!isPlainRecord(items))
    throw new Error(`the storage area returned ${describeReceived(items)}`);
  const storedVersion = items[STORAGE_KEYS.version];
  const version =
    typeof storedVersion === 'number' && Number.isInteger(storedVersion) ? storedVersion : null;
  const hasFieldLayout = ALL_KEYS.some(
    (key) => key !== STORAGE_KEYS.legacyV1 && items[key] !== undefined,
  );
  if (hasFieldLayout) {
    const raw: Record<string, unknown> = {};
    if (storedVersion !== undefined) raw.schemaVersion = storedVersion;
    const olderToo = version !== null && version < CURRENT_SCHEMA_VERSION;
    for (const field of olderToo
      ? [...SETTINGS_FIELDS, ...FIELDS_OF_OLDER_VERSIONS]
      : SETTINGS_FIELDS) {
      const value = items[STORAGE_KEYS.field(field)];
      if (value !== undefined) raw[field] = value;
    }
    return { raw, layout: 'fields', version, items };
  }
  const legacy = items[STORAGE_KEYS.legacyV1];
  if (legacy === undefined) return { raw: {}, layout: 'empty', version: null, items };
  // The single-key layout only ever held version 1, which did not always write its version number.
  const raw =
    isPlainRecord(legacy) && legacy.schemaVersion === undefined
      ? { ...legacy, schemaVersion: 1 }
      : legacy;
  return { raw, layout: 'legacy', version: 1, items };
}

// Best effort: after an upgrade the old keys are unused (the loader ignores them once the version is current).
async function removeObsoleteKeys(area: SettingsStorageArea): Promise<void> {
  try {
    await area.remove([STORAGE_KEYS.legacyV1, ...FIELDS_OF_OLDER_VERSIONS.map(STORAGE_KEYS.field)]);
  } catch {
    // Harmless leftovers; the next upgrade-free save does not retry.
  }
}

const encoder = new TextEncoder();
const itemBytes = (key: string, value: unknown) =>
  encoder.encode(key + JSON.stringify(value)).length;

const FIELD_NAMES: Partial<Record<string, string>> = {
  alwaysSites: '"Always open here" sites',
  neverSites: '"Never open here" sites',
  userRules: 'Cleanup rules',
  speechVoice: 'Voice name',
};

/** Returns a message when the write would break a sync quota, before anything is written. */
function checkQuota(
  current: Record<string, unknown>,
  items: Record<string, unknown>,
): string | null {
  for (const [key, value] of Object.entries(items)) {
    const bytes = itemBytes(key, value);
    if (bytes > SYNC_QUOTA.bytesPerItem) {
      const field = key.slice(PREFIX.length);
      const name = FIELD_NAMES[field] ?? field;
      return `Not saved: ${name} are too large to sync (${bytes.toLocaleString('en')} bytes; the browser allows ${SYNC_QUOTA.bytesPerItem.toLocaleString('en')} per setting). Remove some entries and try again.`;
    }
  }
  const after = { ...current, ...items };
  delete after[STORAGE_KEYS.legacyV1]; // removed by an upgrade write, and otherwise untouched
  const total = Object.entries(after).reduce(
    (sum, [key, value]) => (value === undefined ? sum : sum + itemBytes(key, value)),
    0,
  );
  if (total > SYNC_QUOTA.bytes) {
    return `Not saved: all settings together would take ${total.toLocaleString('en')} bytes, over the browser's sync limit of ${SYNC_QUOTA.bytes.toLocaleString('en')}. Remove some sites or rules and try again.`;
  }
  return null;
}

function storageFailure(error: unknown): SaveResult {
  const text = errorText(error);
  let message: string;
  if (/MAX_WRITE_OPERATIONS/i.test(text)) {
    message = `Not saved: too many changes in a short time for the browser's sync storage (${text}). Try again in a minute; your previous settings are unchanged.`;
  } else if (/quota/i.test(text)) {
    message = `Not saved: the browser's sync storage is full (${text}). Your previous settings are unchanged.`;
  } else {
    message = `Not saved: the browser could not store the settings (${text}). Your previous settings are unchanged.`;
  }
  return { ok: false, reason: 'storage-error', message, problems: [] };
}

function errorText(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : describeReceived(error);
  const short = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return short.replace(/\.$/, ''); // it goes inside parentheses in a sentence
}

function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
