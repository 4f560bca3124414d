// Line length in characters per line: a slider, applied while dragging.
import { LIMITS } from '../../shared/settings';
import { clamp, labelledRow, rangeControl, listen, type ToolFactory } from './tool';

export const contentWidthTool: ToolFactory = (context) => {
  const { min, max } = LIMITS.contentWidth;
  const input = rangeControl(context.doc, { min, max, step: 1 });
  listen(context, input, 'input', () => {
    context.update({ contentWidth: Math.round(clamp(Number(input.value), min, max, 68)) });
  });
  return {
    element: labelledRow(context, 'content-width', 'toolContentWidth', input),
    show(settings) {
      input.value = String(settings.contentWidth);
      input.setAttribute(
        'aria-valuetext',
        context.t('contentWidthValue', [String(settings.contentWidth)]),
      );
    },
  };
};
