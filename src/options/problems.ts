// Settings that did not load as saved, in words for the options page: "Your saved setting "Text size" was
// invalid and was reset to 20." The settings module's own (English) explanation follows as the detail.
import {
  defaultSettings,
  SETTINGS_FIELDS,
  type Settings,
  type SettingsField,
  type SettingsProblem,
} from '../shared/settings';
import type { OptionsText } from './text';

const fieldLabels: Record<SettingsField, string> = {
  fontSize: 'toolFontSize',
  fontFamily: 'toolFontFamily',
  lineHeight: 'toolLineHeight',
  contentWidth: 'toolContentWidth',
  textAlign: 'toolTextAlign',
  theme: 'overlayThemeGroup',
  customColors: 'toolCustomColors',
  showImages: 'toolShowImages',
  speechRate: 'optionsFieldSpeechRate',
  speechVoice: 'optionsFieldSpeechVoice',
  autoMode: 'optionsFieldAutoMode',
  alwaysSites: 'optionsFieldAlwaysSites',
  neverSites: 'optionsFieldNeverSites',
  userRules: 'optionsRulesHeading',
};

const valueLabels: Record<string, string> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  dyslexic: 'fontDyslexic',
  system: 'fontSystem',
  start: 'alignStart',
  justify: 'alignJustify',
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  custom: 'themeCustom',
};

function topField(problem: SettingsProblem): SettingsField | null {
  const name = problem.field?.split('.')[0];
  return SETTINGS_FIELDS.find((field) => field === name) ?? null;
}

/** The default as the user knows it: a number, or the option's own label; null for lists and objects. */
function defaultText(field: SettingsField, t: OptionsText): string | null {
  const value: Settings[SettingsField] = defaultSettings()[field];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const key = valueLabels[value];
    return key ? t(key) : value;
  }
  return null;
}

export function describeProblem(problem: SettingsProblem, t: OptionsText): string {
  const field = topField(problem);
  if (!field || (problem.kind !== 'invalid' && problem.kind !== 'oversized')) {
    return problem.message;
  }
  const label = t(fieldLabels[field]);
  const fallback = defaultText(field, t);
  const sentence = fallback
    ? t('optionsProblemReset', [label, fallback])
    : t('optionsProblemResetDefault', [label]);
  return `${sentence} ${problem.message}`;
}
