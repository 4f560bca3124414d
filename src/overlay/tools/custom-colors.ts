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

  // Each colour has the browser's picker and a hex field beside it: the field can be typed and read out,
  // which a native picker does not allow everywhere.
  const colourInput = (name: string, labelKey: 'customBackground' | 'customText') => {
    const input = doc.createElement('input');
    input.type = 'color';
    input.id = `${idPrefix}-${name}`;
    const label = doc.createElement('label');
    label.htmlFor = input.id;
    label.textContent = t(labelKey);
    const hex = doc.createElement('input');
    hex.type = 'text';
    hex.id = `${idPrefix}-${name}-hex`;
    hex.className = 'bs-colour-hex';
    hex.setAttribute('aria-label', t('customHex', [t(labelKey)]));
    hex.maxLength = 7;
    hex.size = 7;
    hex.spellcheck = false;
    hex.autocomplete = 'off';
    const wrap = doc.createElement('span');
    wrap.className = 'bs-colour';
    wrap.append(label, input, hex);
    return { input, hex, wrap };
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
  for (const colour of [background, text]) {
    listen(context, colour.input, 'input', () => {
      colour.hex.value = colour.input.value.toLowerCase();
      onInput();
    });
    listen(context, colour.hex, 'input', () => {
      const typed = colour.hex.value.trim().toLowerCase();
      const value = typed.startsWith('#') ? typed : `#${typed}`;
      if (!hexColour.test(value)) return;
      colour.input.value = value;
      onInput();
    });
  }
  listen(context, use, 'click', () => update({ theme: 'custom', customColors: saved }));

  return {
    element,
    show(settings) {
      saved = settings.customColors;
      use.setAttribute('aria-pressed', String(settings.theme === 'custom'));
      // Do not overwrite a pair the user is still adjusting (it may be unreadable and so unsaved).
      const fields = [background.input, background.hex, text.input, text.hex] as Element[];
      const active = (element.getRootNode() as Document | ShadowRoot).activeElement;
      if (fields.includes(doc.activeElement as Element) || fields.includes(active as Element))
        return;
      background.input.value = background.hex.value = saved.background;
      text.input.value = text.hex.value = saved.text;
      describe(saved);
    },
  };
};
