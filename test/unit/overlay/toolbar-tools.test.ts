// Step 2: every reading tool on a real article (the plain-article fixture) in jsdom: labelled, reachable,
// applied at once, saved. Custom colours refuse an unreadable pair.
import { loadSettings, LIMITS } from '../../../src/shared/settings';
import { focusableElements } from '../../../src/overlay/focus-trap';
import { steppedFontSize } from '../../../src/overlay/tools';
import { waitFor, useOpenReader } from './support';
import { measureFor } from '../../../src/overlay/reader-settings';

const reader = useOpenReader();

function change(element: HTMLInputElement | HTMLSelectElement, value: string, type = 'change') {
  element.value = value;
  element.dispatchEvent(new reader.dom.window.Event(type, { bubbles: true }));
}

async function stored() {
  await waitFor(() => reader.area.writes > 0, 'a save');
  return (await loadSettings(reader.area)).settings;
}

describe('the settings panel', () => {
  it('opens from a labelled toolbar button, moves focus in, and closes on Escape', () => {
    const button = reader.$<HTMLButtonElement>('.bs-settings-button');
    expect(button.getAttribute('aria-label')).toBe('Reading settings');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panel = reader.$(`#${button.getAttribute('aria-controls')}`);
    expect(panel.hidden).toBe(true);
    button.click();
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(reader.shadow.activeElement).toBe(reader.$('.bs-font-smaller'));
    const escape = new reader.dom.window.KeyboardEvent('keydown', {
      key: 'Escape',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    reader.$('.bs-font-smaller').dispatchEvent(escape);
    expect(panel.hidden).toBe(true);
    expect(reader.shadow.activeElement).toBe(button);
    expect(reader.dom.window.document.getElementById('broadsheet-reader-host')).not.toBeNull();
  });

  it('gives every control an accessible name', () => {
    reader.$<HTMLButtonElement>('.bs-settings-button').click();
    const controls = focusableElements(reader.dialog).filter(
      (element) => !element.closest('.bs-article'),
    );
    expect(controls.length).toBeGreaterThanOrEqual(12);
    for (const control of controls) {
      const label =
        control.getAttribute('aria-label') ??
        (control.id
          ? reader.shadow.querySelector(`label[for="${control.id}"]`)?.textContent
          : null) ??
        control.textContent;
      expect(`${control.tagName}.${control.className}: ${label?.trim() ?? ''}`).toMatch(/: \S/);
    }
  });
});

describe('each tool', () => {
  it('font size: steps of 2 px inside the allowed range, buttons disabled at the ends', async () => {
    expect(steppedFontSize(20, 1)).toBe(22);
    expect(steppedFontSize(LIMITS.fontSize.max, 1)).toBe(LIMITS.fontSize.max);
    expect(steppedFontSize(LIMITS.fontSize.min + 1, -1)).toBe(LIMITS.fontSize.min);
    const smaller = reader.$<HTMLButtonElement>('.bs-font-smaller');
    for (let i = 0; i < 10; i++) smaller.click();
    expect(reader.dialog.style.getPropertyValue('--bs-font-size')).toBe(`${LIMITS.fontSize.min}px`);
    expect(smaller.disabled).toBe(true);
    expect(reader.$('.bs-font-size-value').textContent).toBe(`${LIMITS.fontSize.min} px`);
    expect((await stored()).fontSize).toBe(LIMITS.fontSize.min);
  });

  it('font family: the four choices, applied as data-font', async () => {
    const select = reader.$<HTMLSelectElement>('#bs-tool-font-family');
    expect(Array.from(select.options).map((option) => option.textContent)).toEqual([
      'Serif (Literata)',
      'Sans-serif (Atkinson Hyperlegible)',
      'Dyslexia-friendly (OpenDyslexic)',
      'System font',
    ]);
    change(select, 'dyslexic');
    expect(reader.dialog.dataset.font).toBe('dyslexic');
    expect((await stored()).fontFamily).toBe('dyslexic');
  });

  it('line height: a slider, applied while dragging, saved as a tidy number', async () => {
    const slider = reader.$<HTMLInputElement>('#bs-tool-line-height');
    change(slider, '1.9000000001', 'input');
    expect(reader.dialog.style.getPropertyValue('--bs-line-height')).toBe('1.9');
    expect((await stored()).lineHeight).toBe(1.9);
  });

  it('content width: characters per line', async () => {
    const slider = reader.$<HTMLInputElement>('#bs-tool-content-width');
    change(slider, '80', 'input');
    expect(reader.dialog.style.getPropertyValue('--bs-measure')).toBe(measureFor(80));
    expect(slider.getAttribute('aria-valuetext')).toBe('80 characters per line');
    expect((await stored()).contentWidth).toBe(80);
  });

  it('text alignment: ragged or justified', async () => {
    change(reader.$<HTMLSelectElement>('#bs-tool-text-align'), 'justify');
    expect(reader.dialog.dataset.align).toBe('justify');
    expect((await stored()).textAlign).toBe('justify');
  });

  it('images: off and on again', async () => {
    const checkbox = reader.$<HTMLInputElement>('#bs-tool-images');
    expect(checkbox.checked).toBe(true);
    checkbox.click();
    expect(reader.dialog.dataset.images).toBe('off');
    expect((await stored()).showImages).toBe(false);
  });

  it('custom colours: a readable pair becomes the theme, an unreadable one is refused', async () => {
    const background = reader.$<HTMLInputElement>('#bs-tool-custom-bg');
    const text = reader.$<HTMLInputElement>('#bs-tool-custom-fg');
    const status = reader.$('.bs-contrast');
    change(background, '#ffffff', 'input');
    change(text, '#dddddd', 'input');
    expect(status.dataset.ok).toBe('false');
    expect(status.textContent).toMatch(/too low.*4\.5:1/);
    expect(reader.dialog.dataset.theme).toBe('light');
    change(text, '#222222', 'input');
    expect(status.dataset.ok).toBe('true');
    expect(reader.dialog.dataset.theme).toBe('custom');
    expect(reader.dialog.style.getPropertyValue('--bs-custom-fg')).toBe('#222222');
    const saved = await stored();
    expect(saved.theme).toBe('custom');
    expect(saved.customColors).toEqual({ background: '#ffffff', text: '#222222' });
    expect(reader.$('.bs-use-custom').getAttribute('aria-pressed')).toBe('true');
  });

  it('custom colours can be typed as hex codes, which keep the pickers in step', async () => {
    const backgroundHex = reader.$<HTMLInputElement>('#bs-tool-custom-bg-hex');
    const textHex = reader.$<HTMLInputElement>('#bs-tool-custom-fg-hex');
    expect(backgroundHex.getAttribute('aria-label')).toMatch(/Background/);
    change(backgroundHex, 'fdf6e3', 'input');
    change(textHex, '#07364', 'input');
    expect(reader.dialog.dataset.theme).toBe('light');
    change(textHex, '#073642', 'input');
    expect(reader.$<HTMLInputElement>('#bs-tool-custom-bg').value).toBe('#fdf6e3');
    expect(reader.dialog.dataset.theme).toBe('custom');
    expect((await stored()).customColors).toEqual({ background: '#fdf6e3', text: '#073642' });
    change(reader.$<HTMLInputElement>('#bs-tool-custom-fg'), '#eeeeee', 'input');
    expect(textHex.value).toBe('#eeeeee');
    expect(reader.$('.bs-contrast').dataset.ok).toBe('false');
  });
});
