// Font family: Literata (serif), Atkinson Hyperlegible (sans), OpenDyslexic, or the system's own font.
import { FONT_FAMILIES, type FontFamily } from '../../shared/settings';
import type { OverlayMessageKey } from '../i18n';
import { labelledRow, selectControl, listen, type ToolFactory } from './tool';

const familyLabels: Record<FontFamily, OverlayMessageKey> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  dyslexic: 'fontDyslexic',
  system: 'fontSystem',
};

function isFontFamily(value: string): value is FontFamily {
  return (FONT_FAMILIES as readonly string[]).includes(value);
}

export const fontFamilyTool: ToolFactory = (context) => {
  const select = selectControl(
    context.doc,
    FONT_FAMILIES.map((value) => ({ value, label: context.t(familyLabels[value]) })),
  );
  listen(context, select, 'change', () => {
    if (isFontFamily(select.value)) context.update({ fontFamily: select.value });
  });
  return {
    element: labelledRow(context, 'font-family', 'toolFontFamily', select),
    show(settings) {
      select.value = settings.fontFamily;
    },
  };
};
