// Images on or off (figures and their captions are hidden together).
import { listen, type ToolFactory } from './tool';

export const imagesTool: ToolFactory = (context) => {
  const { doc, t, idPrefix } = context;
  const row = doc.createElement('div');
  row.className = 'bs-tool bs-tool-images';
  const checkbox = doc.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.id = `${idPrefix}-images`;
  const label = doc.createElement('label');
  label.htmlFor = checkbox.id;
  label.textContent = t('toolShowImages');
  listen(context, checkbox, 'change', () => context.update({ showImages: checkbox.checked }));
  row.append(checkbox, label);
  return {
    element: row,
    show(settings) {
      checkbox.checked = settings.showImages;
    },
  };
};
