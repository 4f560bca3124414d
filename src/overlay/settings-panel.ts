// The "Aa" popover: every reading tool, applied instantly, plus a line for a save the browser refused.
import type { Settings, SettingsPatch } from '../shared/settings';
import type { Translate } from './i18n';
import { buildPopover, type Popover } from './popover';
import { readerTools, type ReaderTool } from './tools';

export interface SettingsPanel extends Popover {
  show(settings: Settings): void;
  showSaveError(message: string | null): void;
}

export function buildSettingsPanel(
  doc: Document,
  t: Translate,
  update: (patch: SettingsPatch) => void,
  signal?: AbortSignal,
): SettingsPanel {
  const popover = buildPopover(doc, {
    id: 'settings',
    buttonText: 'Aa',
    buttonLabel: t('overlaySettings'),
    title: t('overlaySettingsTitle'),
    signal,
  });
  const context = { doc, t, update, idPrefix: 'bs-tool', signal };
  const tools: ReaderTool[] = readerTools.map((tool) => tool(context));
  const saveError = doc.createElement('p');
  saveError.className = 'bs-save-error';
  saveError.setAttribute('role', 'alert');
  popover.panel.append(...tools.map((tool) => tool.element), saveError);

  return Object.assign(popover, {
    show(settings: Settings) {
      for (const tool of tools) tool.show(settings);
    },
    showSaveError(message: string | null) {
      saveError.textContent = message ? t('settingsNotSaved', [message]) : '';
    },
  });
}
