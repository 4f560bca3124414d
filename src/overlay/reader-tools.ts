// What reader-tools.js adds to an open reader: the content of the toolbar's three panels and their CSS.
// The shell (content.js) calls attach() once, the first time a panel is wanted or at idle after first paint.
import { fillActionsPanel, type ActionsPanelContent } from './actions-panel';
import { adoptCss } from './adopt-css';
import { fillHelp } from './help';
import { fillSettingsPanel } from './settings-panel';
import type { AttachedPanels, PanelContent, PanelsContext } from './tools-contract';
import { toolsCss } from './tools-styles';

function attach(context: PanelsContext): AttachedPanels {
  const { doc, t, panels, signal } = context;
  adoptCss(context.shadow, doc, toolsCss);
  const settings = fillSettingsPanel(panels.settings, doc, t, context.update, signal);
  let actions: ActionsPanelContent | null = null;
  if (panels.actions && context.article) {
    actions = fillActionsPanel(panels.actions, {
      ...context.article,
      doc,
      t,
      settings: context.settings,
      systemPrefersDark: context.systemPrefersDark,
      readerCss: context.readerCss,
      update: context.update,
      signal,
    });
  }
  fillHelp(panels.help, doc, t);
  return {
    show(current) {
      settings.show(current);
      actions?.show(current);
    },
    showSaveError: (message) => settings.showSaveError(message),
    dispose: () => actions?.dispose(),
  };
}

export const panelContent: PanelContent = { attach };
