// The custom theme: the user's own background and text colours. A pair below WCAG AA contrast (4.5:1) is
// not applied; the tool says why and keeps the last readable pair.
import { contrastRatio, meetsContrastAA, type Settings } from '../../shared/settings';
import { listen, type ToolFactory } from './tool';

const hexColour = /^#[0-9a-f]{6}$/;

export const customColorsTool: ToolFactory = (context) => {
  const { doc, t, idPrefix, update } = context;
  const element = doc.createElement('fieldset');
  element.className = 'bs-tool bs-tool-custom-colors';
  const legend = doc.createElement('legend');
  legend.textContent = t('toolCustomColors');

  const use = doc.createElement('button');
  use.type = 'button';
  use.className = 'bs-use-custom';
  use.textContent = t('useCustomColors');

  const colourInput = (name: string, labelKey: 'customBackground' | 'customText') => {
    const input = doc.createElement('input');
    input.type = 'color';
    input.id = `${idPrefix}-${name}`;
    const label = doc.createElement('label');
    label.htmlFor = input.id;
    label.textContent = t(labelKey);
    const wrap = doc.createElement('span');
    wrap.className = 'bs-colour';
    wrap.append(label, input);
    return { input, wrap };
  };
  const background = colourInput('custom-bg', 'customBackground');
  const text = colourInput('custom-fg', 'customText');
  const status = doc.createElement('p');
  status.className = 'bs-contrast';
  status.setAttribute('role', 'status');
  element.append(legend, use, background.wrap, text.wrap, status);

  let saved: Settings['customColors'] = { background: '#1b2b34', text: '#d8dee9' };
  const pair = () => ({
    background: background.input.value.toLowerCase(),
    text: text.input.value.toLowerCase(),
  });
  const describe = (colours: Settings['customColors']) => {
    const ratio = contrastRatio(colours.text, colours.background).toFixed(1);
    const ok = meetsContrastAA(colours);
    status.textContent = t(ok ? 'contrastOk' : 'contrastLow', [ratio]);
    status.dataset.ok = String(ok);
    return ok;
  };
  const onInput = () => {
    const colours = pair();
    if (!hexColour.test(colours.background) || !hexColour.test(colours.text)) return;
    if (describe(colours)) update({ customColors: colours, theme: 'custom' });
  };
  listen(context, background.input, 'input', onInput);
  listen(context, text.input, 'input', onInput);
  listen(context, use, 'click', () => update({ theme: 'custom', customColors: saved }));

  return {
    element,
    show(settings) {
      saved = settings.customColors;
      use.setAttribute('aria-pressed', String(settings.theme === 'custom'));
      // Do not overwrite a pair the user is still adjusting (it may be unreadable and so unsaved).
      const editing = doc.activeElement === background.input || doc.activeElement === text.input;
      const active = (element.getRootNode() as Document | ShadowRoot).activeElement;
      if (editing || active === background.input || active === text.input) return;
      background.input.value = saved.background;
      text.input.value = saved.text;
      describe(saved);
    },
  };
};
