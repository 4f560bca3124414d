// Theme as one labelled choice (the options page; the overlay has its quick switch in the toolbar).
import { THEMES, type Theme } from '../../shared/settings';
import type { OverlayMessageKey } from '../i18n';
import { labelledRow, listen, selectControl, type ToolFactory } from './tool';

const themeLabels: Record<Theme, OverlayMessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  custom: 'themeCustom',
};

export const themeTool: ToolFactory = (context) => {
  const select = selectControl(
    context.doc,
    THEMES.map((value) => ({ value, label: context.t(themeLabels[value]) })),
  );
  listen(context, select, 'change', () => {
    const theme = THEMES.find((value) => value === select.value);
    if (theme) context.update({ theme });
  });
  return {
    element: labelledRow(context, 'theme', 'overlayThemeGroup', select),
    show(settings) {
      select.value = settings.theme;
    },
  };
};
