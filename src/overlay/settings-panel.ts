// The "Aa" panel's content: every reading tool, applied instantly, plus a line for a save the browser refused.
// The toolbar (content.js) owns the button and the empty panel; this fills it (reader-tools.js).
import type { Settings, SettingsPatch } from '../shared/settings';
import type { Translate } from './i18n';
import { readerTools, type ReaderTool } from './tools';

export interface SettingsPanelContent {
  show(settings: Settings): void;
  showSaveError(message: string | null): void;
}

export function fillSettingsPanel(
  panel: HTMLElement,
  doc: Document,
  t: Translate,
  update: (patch: SettingsPatch) => void,
  signal?: AbortSignal,
): SettingsPanelContent {
  const context = { doc, t, update, idPrefix: 'bs-tool', signal };
  const tools: ReaderTool[] = readerTools.map((tool) => tool(context));
  const saveError = doc.createElement('p');
  saveError.className = 'bs-save-error';
  saveError.setAttribute('role', 'alert');
  panel.append(...tools.map((tool) => tool.element), saveError);

  return {
    show(settings: Settings) {
      for (const tool of tools) tool.show(settings);
    },
    showSaveError(message: string | null) {
      saveError.textContent = message ? t('settingsNotSaved', [message]) : '';
    },
  };
}
