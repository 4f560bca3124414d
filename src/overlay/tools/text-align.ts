// Text alignment: ragged (start) or justified with hyphenation.
import { TEXT_ALIGNS } from '../../shared/settings';
import { labelledRow, selectControl, listen, type ToolFactory } from './tool';

export const textAlignTool: ToolFactory = (context) => {
  const labels = { start: context.t('alignStart'), justify: context.t('alignJustify') };
  const select = selectControl(
    context.doc,
    TEXT_ALIGNS.map((value) => ({ value, label: labels[value] })),
  );
  listen(context, select, 'change', () => {
    const value = TEXT_ALIGNS.find((align) => align === select.value);
    if (value) context.update({ textAlign: value });
  });
  return {
    element: labelledRow(context, 'text-align', 'toolTextAlign', select),
    show(settings) {
      select.value = settings.textAlign;
    },
  };
};
