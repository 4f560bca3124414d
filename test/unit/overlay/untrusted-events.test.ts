// The overlay's shadow root is open, so a page script can reach its controls. Its synthetic events
// (isTrusted false) must do nothing: no setting saved, no panel opened, no theme or size changed, no close.
// The same actions as the user's own input (trusted) do act, so the test would see a missing guard.
import { hostId } from '../../../src/overlay';
import { asPageScript } from '../extension/dom';
import { press, sleep, waitFor, useOpenReader } from './support';

const reader = useOpenReader();

const isOpen = () => reader.dom.window.document.getElementById(hostId) !== null;

/** What a page script could try on the open reader: clicks, a changed field, the reader's shortcuts. */
function everyAction(): void {
  const { window } = reader.dom;
  reader.$<HTMLButtonElement>('.bs-settings-button').click();
  reader.$<HTMLButtonElement>('.bs-theme-switch [data-theme="dark"]').click();
  for (const button of reader.shadow.querySelectorAll<HTMLButtonElement>('button')) {
    if (!button.classList.contains('bs-close')) button.click();
  }
  for (const field of reader.shadow.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'input, select',
  )) {
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
    field.dispatchEvent(new window.Event('change', { bubbles: true }));
  }
  for (const key of ['+', '-', 't', 'Escape']) {
    press(reader, reader.dialog, key);
    window.dispatchEvent(new window.KeyboardEvent('keydown', { key, cancelable: true }));
  }
  reader.$<HTMLButtonElement>('.bs-close').click();
}

describe("a page script's events in the open reader", () => {
  it('change nothing: no save, no panel, same look, still open', async () => {
    const look = { theme: reader.dialog.dataset.theme, style: reader.dialog.getAttribute('style') };
    const panel = reader.$(
      `#${reader.$('.bs-settings-button').getAttribute('aria-controls') ?? ''}`,
    );
    asPageScript(everyAction);
    await sleep(700); // past the debounced save
    expect(reader.area.writes).toBe(0);
    expect(panel.hidden).toBe(true);
    expect({
      theme: reader.dialog.dataset.theme,
      style: reader.dialog.getAttribute('style'),
    }).toEqual(look);
    expect(isOpen()).toBe(true);
  });

  it("act when they are the user's own (trusted) input", async () => {
    const panel = reader.$(
      `#${reader.$('.bs-settings-button').getAttribute('aria-controls') ?? ''}`,
    );
    reader.$<HTMLButtonElement>('.bs-settings-button').click();
    expect(panel.hidden).toBe(false);
    reader.$<HTMLButtonElement>('.bs-theme-switch [data-theme="dark"]').click();
    expect(reader.dialog.dataset.theme).toBe('dark');
    await waitFor(() => reader.area.writes > 0, 'a save');
    press(reader, reader.dialog, 'Escape'); // closes the panel first
    press(reader, reader.dialog, 'Escape');
    expect(isOpen()).toBe(false);
  });
});
