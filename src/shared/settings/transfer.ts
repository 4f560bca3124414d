// Settings as a JSON file the user can keep, move to another browser, or share.
import { parseSettings, isPlainRecord, type ParseOptions, type ParseResult } from './parse';
import { describeReceived } from './problems';
import { CURRENT_SCHEMA_VERSION, SETTINGS_FIELDS, type Settings } from './schema';

export const EXPORT_FORMAT = 'broadsheet-settings';
/** A settings file is a few KB; anything far larger is not one of ours (and is not worth parsing). */
export const MAX_IMPORT_CHARS = 1_000_000;

/**
 * The file body: {"format": "broadsheet-settings", "schemaVersion": N, "exportedAt": ISO date,
 * "settings": {every field but schemaVersion}}, pretty-printed so it reads and diffs well.
 */
export function exportSettings(settings: Settings, exportedAt: Date = new Date()): string {
  const fields: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) fields[field] = settings[field];
  const file = {
    format: EXPORT_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    settings: fields,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = ({ ok: true } & ParseResult) | { ok: false; error: string };

/**
 * Reads a settings file. A file that is not JSON or not a Broadsheet settings file gives one clear error;
 * a good file with some bad values loads the rest and lists the bad ones in problems (as parseSettings).
 * Older versions are upgraded; a newer version loads what this version understands. Never throws.
 */
export function importSettings(text: string, options: ParseOptions = {}): ImportResult {
  if (typeof text !== 'string')
    return { ok: false, error: 'Nothing to import: the file could not be read as text.' };
  if (text.length > MAX_IMPORT_CHARS) {
    return {
      ok: false,
      error: `This file is too large to be Broadsheet settings (${text.length.toLocaleString('en')} characters; a settings file is a few thousand).`,
    };
  }
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return {
      ok: false,
      error: `This file is not valid JSON${detail}, so it is not a Broadsheet settings file.`,
    };
  }
  if (!isPlainRecord(file) || file.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: `This is not a Broadsheet settings file: it has no "format": "${EXPORT_FORMAT}" marker${isPlainRecord(file) ? '' : ` (it holds ${describeReceived(file)})`}.`,
    };
  }
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: `This settings file has no valid "schemaVersion" (found ${describeReceived(version)}), so it cannot be read safely.`,
    };
  }
  if (!isPlainRecord(file.settings)) {
    return {
      ok: false,
      error: `This settings file has no "settings" object (found ${describeReceived(file.settings)}).`,
    };
  }
  // The file-level version is the one that counts; a stray one inside "settings" does not override it.
  const result = parseSettings({ ...file.settings, schemaVersion: version }, options);
  return { ok: true, ...result };
}
