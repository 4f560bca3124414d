// Line spacing: a slider over the allowed range, applied while dragging.
import { LIMITS } from '../../shared/settings';
import { clamp, labelledRow, rangeControl, listen, type ToolFactory } from './tool';

export const lineHeightTool: ToolFactory = (context) => {
  const { min, max } = LIMITS.lineHeight;
  const input = rangeControl(context.doc, { min, max, step: 0.1 });
  listen(context, input, 'input', () => {
    // Rounded: 1.2 + 0.1 * n in floating point is not always a tidy number.
    const value = Math.round(clamp(Number(input.value), min, max, 1.6) * 10) / 10;
    context.update({ lineHeight: value });
  });
  return {
    element: labelledRow(context, 'line-height', 'toolLineHeight', input),
    show(settings) {
      input.value = String(settings.lineHeight);
      input.setAttribute('aria-valuetext', settings.lineHeight.toFixed(1));
    },
  };
};
