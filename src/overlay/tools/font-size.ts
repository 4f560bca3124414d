// Font size: smaller / larger buttons around the current size in px (also driven by the - and + keys).
import { LIMITS, type Settings } from '../../shared/settings';
import { steppedFontSize } from '../look';
import { listen, type ToolFactory } from './tool';

export { fontSizeStep, steppedFontSize } from '../look';

export const fontSizeTool: ToolFactory = (context) => {
  const { doc, t, update } = context;
  const element = doc.createElement('div');
  element.className = 'bs-tool bs-tool-font-size';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', t('toolFontSize'));

  let current: Settings['fontSize'] = 20;
  const button = (direction: 1 | -1, labelKey: 'fontSmaller' | 'fontLarger', text: string) => {
    const node = doc.createElement('button');
    node.type = 'button';
    node.className = direction > 0 ? 'bs-font-larger' : 'bs-font-smaller';
    node.setAttribute('aria-label', t(labelKey));
    node.title = t(labelKey);
    node.textContent = text;
    listen(context, node, 'click', () => update({ fontSize: steppedFontSize(current, direction) }));
    return node;
  };
  const smaller = button(-1, 'fontSmaller', '−');
  const value = doc.createElement('output');
  value.className = 'bs-font-size-value';
  value.setAttribute('aria-live', 'polite');
  const larger = button(1, 'fontLarger', '+');
  const name = doc.createElement('span');
  name.className = 'bs-tool-name';
  name.textContent = t('toolFontSize');
  name.setAttribute('aria-hidden', 'true');
  element.append(name, smaller, value, larger);

  return {
    element,
    show(settings) {
      current = settings.fontSize;
      value.textContent = t('fontSizeValue', [String(settings.fontSize)]);
      smaller.disabled = settings.fontSize <= LIMITS.fontSize.min;
      larger.disabled = settings.fontSize >= LIMITS.fontSize.max;
    },
  };
};
