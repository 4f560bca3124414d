// The options page: the reading settings with a live preview, automatic mode, the user's cleanup rules,
// export/import, and the keyboard shortcut. Text comes from browser.i18n (data-i18n attributes in the
// HTML, the lookup below in code), so the page holds no user-visible English of its own.
import browser from 'webextension-polyfill';
import { registerReaderFonts, SettingsSession, type UiLocale } from '../overlay';
import { validateUserRules } from '../rules/user-rules';
import { loadSettings, type SettingsProblem } from '../shared/settings';
import { mountAutoModeSection } from './auto-mode-section';
import { describeProblem } from './problems';
import { buildReadingSection } from './reading-section';
import { buildRulesSection } from './rules-section';
import { buildSpeechSection, type VoiceSource } from './speech-section';
import type { OptionsText } from './text';
import { buildTransferSection } from './transfer-section';

const t: OptionsText = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
const ui: UiLocale = {
  lang: browser.i18n.getUILanguage(),
  dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
};
const store = {
  area: browser.storage.sync,
  areaName: 'sync',
  onChanged: browser.storage.onChanged,
};
const checkUserRules = (rules: unknown) => validateUserRules(rules, document);

function localize(doc: Document): void {
  doc.documentElement.lang = ui.lang;
  doc.documentElement.dir = ui.dir;
  doc.title = t('optionsTitle');
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const key = element.dataset.i18n;
    if (key) element.textContent = t(key);
  }
}

/** "Keyboard shortcut: Alt+Shift+R", with the keys in <kbd>; the user may have changed or removed it. */
async function showShortcut(target: HTMLElement): Promise<void> {
  const commands = await browser.commands.getAll();
  const shortcut = commands.find((command) => command.name === '_execute_action')?.shortcut;
  if (!shortcut) {
    target.textContent = t('optionsShortcutUnset');
    return;
  }
  const marker = '\u0000';
  const [before = '', after = ''] = t('optionsShortcut', [marker]).split(marker);
  const kbd = document.createElement('kbd');
  kbd.textContent = shortcut;
  target.replaceChildren(before, kbd, after);
}

/** Firefox opens its shortcut manager itself; Chromium has a settings page extensions may open. */
async function openShortcutSettings(): Promise<void> {
  if (typeof browser.commands.openShortcutSettings === 'function') {
    await browser.commands.openShortcutSettings();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

/** Saved values that could not be used: each field that fell back, in a sentence. */
function showProblems(target: HTMLElement, problems: readonly SettingsProblem[]): void {
  target.hidden = problems.length === 0;
  if (problems.length === 0) return;
  const heading = document.createElement('h2');
  heading.textContent = t('optionsProblemsHeading');
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = describeProblem(problem, t);
    list.append(item);
  }
  target.replaceChildren(heading, list);
}

async function mountSettings(): Promise<void> {
  const loaded = await loadSettings(store.area, { checkUserRules });
  const problems = document.getElementById('problems');
  if (problems) showProblems(problems, loaded.problems);

  const session: SettingsSession = new SettingsSession({
    initial: loaded.settings,
    store,
    apply: (settings) => {
      reading.show(settings);
      speech.show(settings);
      rules.show(settings);
    },
    onSaveError: (message) => reading.showSaveError(message),
  });
  const update = (patch: Parameters<SettingsSession['update']>[0]) => {
    reading.showSaveError(null);
    session.update(patch);
  };
  const reading = buildReadingSection(document, t, ui, update);
  const voices: VoiceSource | null = 'speechSynthesis' in window ? window.speechSynthesis : null;
  const speech = buildSpeechSection(document, t, ui, update, voices);
  const rules = buildRulesSection(document, t, (userRules) => update({ userRules }));
  const transfer = buildTransferSection(document, t, {
    current: () => session.current,
    save: async (patch) => {
      update(patch);
      await session.flush();
    },
  });
  document.getElementById('reading-slot')?.replaceWith(reading.element);
  document.getElementById('speech-slot')?.replaceWith(speech.element);
  document.getElementById('rules-slot')?.replaceWith(rules.element);
  document.getElementById('transfer-slot')?.replaceWith(transfer);
  reading.show(session.current);
  speech.show(session.current);
  rules.show(session.current);
  await session.start();
}

localize(document);
registerReaderFonts(document, (path) => browser.runtime.getURL(path));
mountSettings().catch((error: unknown) => {
  console.error('Broadsheet: could not show the settings', error);
});
const autoMode = document.getElementById('auto-mode-slot');
if (autoMode) mountAutoModeSection(autoMode);
document.getElementById('change-shortcut')?.addEventListener('click', () => {
  openShortcutSettings().catch((error: unknown) => {
    console.error('Broadsheet: could not open the shortcut settings', error);
  });
});
const shortcutLine = document.getElementById('shortcut');
if (shortcutLine) {
  showShortcut(shortcutLine).catch((error: unknown) => {
    console.error('Broadsheet: could not read the keyboard shortcut', error);
    shortcutLine.textContent = '';
  });
}
