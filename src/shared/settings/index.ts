/**
 * Broadsheet settings: one typed schema, per-field parsing, versioned migrations, sync storage, export/import.
 *
 * Reading (overlay, content script, background):
 *   const store = { area: browser.storage.sync, areaName: 'sync', onChanged: browser.storage.onChanged };
 *   const { settings, problems } = await loadSettings(store.area);
 *   // settings is always complete and valid; problems lists each field that fell back (show them in options).
 *   const stop = onSettingsChanged(store, ({ settings, changedFields }) => apply(settings));
 *
 * Writing (overlay toolbar, options page):
 *   const result = await saveSettings(store.area, { fontSize: 22 });
 *   if (!result.ok) showError(result.message);   // nothing was written; stored settings unchanged
 *   Saves are validated first (an invalid value is never stored), merged into what is stored, and written as
 *   one set() of the changed per-field keys (layout and quotas: storage.ts). Debounce sliders: sync allows
 *   about 120 writes a minute.
 *
 * Site choices: siteChoice(settings, host), siteChoicePatch(settings, host, 'always' | 'never' | 'default')
 * (save the returned patch), autoOpenAllowed(settings, host) for the automatic mode.
 *
 * Export / import (options page):
 *   download(exportSettings(settings));
 *   const imported = importSettings(fileText);
 *   if (!imported.ok) showError(imported.error); else { await saveSettings(area, imported.settings); show(imported.problems); }
 *
 * User cleanup rules are shape-checked here ({ site: hostname, selector }); plug in the rules engine's selector
 * check with { checkUserRules: (rules) => validateUserRules(rules) } (src/rules) in parseSettings / loadSettings /
 * saveSettings / importSettings: its rejected rules are dropped and reported per rule.
 *
 * Voices (read aloud, options page): chooseVoice(speechSynthesis.getVoices(), settings.speechVoice, lang) gives
 * the saved voice when this browser has it, else the best one for the language, else null (browser default);
 * groupVoicesByLanguage(voices, lang, uiLang) orders a picker. A missing saved voice is kept (it syncs).
 *
 * Pure and DOM-free (no browser.* import): runs in content scripts, pages, the background and Node.
 */
export {
  AUTO_MODES,
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  FIELD_SCHEMAS,
  FONT_FAMILIES,
  isValidSettings,
  LIMITS,
  SETTINGS_FIELDS,
  SettingsSchema,
  TEXT_ALIGNS,
  THEMES,
  type AutoMode,
  type FontFamily,
  type Settings,
  type SettingsField,
  type SettingsPatch,
  type Theme,
  type UserRule,
} from './schema';
export { describeReceived, type SettingsProblem, type SettingsProblemKind } from './problems';
export {
  checkPatch,
  parseSettings,
  type ParseOptions,
  type ParseResult,
  type PatchCheck,
} from './parse';
export {
  migrate,
  MIGRATIONS,
  type MigrationResult,
  type MigrationStep,
  type RawSettings,
} from './migrations';
export {
  loadSettings,
  onSettingsChanged,
  saveSettings,
  STORAGE_KEYS,
  SYNC_QUOTA,
  type LoadResult,
  type SaveResult,
  type SettingsChange,
  type SettingsStorageArea,
  type SettingsStore,
  type StorageChange,
  type StorageChangedEvent,
} from './storage';
export {
  EXPORT_FORMAT,
  exportSettings,
  importSettings,
  MAX_IMPORT_CHARS,
  type ImportResult,
} from './transfer';
export { isNormalizedHostname, normalizeHostname } from './hostnames';
export { autoOpenAllowed, siteChoice, siteChoicePatch, type SiteChoice } from './sites';
export { contrastRatio, meetsContrastAA, WCAG_AA_TEXT } from './colors';
export {
  chooseVoice,
  findSavedVoice,
  groupVoicesByLanguage,
  isSavedVoice,
  languageName,
  normalizeLanguageTag,
  primaryLanguage,
  type VoiceGroup,
  type VoiceInfo,
} from './voices';
