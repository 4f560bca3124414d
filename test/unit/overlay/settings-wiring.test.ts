// Step 1: the reader loads the stored settings, shows them as CSS variables and data attributes, saves
// changes once after a pause (sync storage limits writes), follows changes made elsewhere, and the theme
// switch persists. Real article page (the plain-article fixture) in jsdom, in-memory sync area.
import {
  defaultSettings,
  loadSettings,
  saveSettings,
  STORAGE_KEYS,
} from '../../../src/shared/settings';
import { FakeStorageArea } from '../settings/fake-storage-area';
import { openReader, sleep, waitFor, type Reader } from './support';
import { measureFor } from '../../../src/overlay/reader-settings';

let reader: Reader | null = null;
afterEach(() => {
  reader?.overlay.close();
  reader?.dom.window.close();
  reader = null;
});

describe('reading settings in the overlay', () => {
  it('starts from the stored settings, hiding the article until they arrive', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, {
      fontSize: 26,
      fontFamily: 'dyslexic',
      lineHeight: 1.9,
      contentWidth: 50,
      textAlign: 'justify',
      theme: 'sepia',
      showImages: false,
    });
    reader = openReader({ area });
    const { dialog } = reader;
    expect(dialog.dataset.settings).toBe('loading');
    await waitFor(() => dialog.dataset.settings === undefined, 'stored settings');
    expect(dialog.style.getPropertyValue('--bs-font-size')).toBe('26px');
    expect(dialog.style.getPropertyValue('--bs-line-height')).toBe('1.9');
    expect(dialog.style.getPropertyValue('--bs-measure')).toBe(measureFor(50));
    expect(dialog.dataset).toMatchObject({
      theme: 'sepia',
      font: 'dyslexic',
      align: 'justify',
      images: 'off',
    });
    expect(reader.$('.bs-theme-switch [aria-pressed="true"]').dataset.theme).toBe('sepia');
  });

  it('applies a change at once and saves it once, after a pause', async () => {
    reader = openReader();
    const { dialog, area } = reader;
    await waitFor(() => dialog.dataset.settings === undefined, 'stored settings');
    const larger = reader.$<HTMLButtonElement>('.bs-font-larger');
    larger.click();
    larger.click();
    larger.click();
    expect(dialog.style.getPropertyValue('--bs-font-size')).toBe('26px');
    expect(area.writes).toBe(0);
    await sleep(150);
    expect(area.writes).toBe(0);
    await waitFor(() => area.writes === 1, 'the debounced save');
    expect(area.snapshot()[STORAGE_KEYS.field('fontSize')]).toBe(26);
    await sleep(400);
    expect(area.writes).toBe(1);
  });

  it('persists the theme switch', async () => {
    reader = openReader();
    const { area } = reader;
    reader.$<HTMLButtonElement>('.bs-theme-switch [data-theme="dark"]').click();
    expect(reader.dialog.dataset.theme).toBe('dark');
    await waitFor(() => area.writes === 1, 'the theme save');
    expect((await loadSettings(area)).settings.theme).toBe('dark');
  });

  it('saves a pending change when the reader closes before the pause ends', async () => {
    reader = openReader();
    const { area } = reader;
    await waitFor(() => reader?.dialog.dataset.settings === undefined, 'stored settings');
    reader.$<HTMLButtonElement>('.bs-font-smaller').click();
    reader.overlay.close();
    await waitFor(() => area.writes === 1, 'the save on close');
    expect((await loadSettings(area)).settings.fontSize).toBe(18);
  });

  it('follows a change saved elsewhere (another tab, the options page)', async () => {
    reader = openReader();
    const { area, dialog } = reader;
    await waitFor(() => dialog.dataset.settings === undefined, 'stored settings');
    await saveSettings(area, { fontFamily: 'sans', contentWidth: 90 });
    await waitFor(() => dialog.dataset.font === 'sans', 'the outside change');
    expect(dialog.style.getPropertyValue('--bs-measure')).toBe(measureFor(90));
    expect(reader.$<HTMLSelectElement>('#bs-tool-font-family').value).toBe('sans');
  });

  it('says so when the browser refuses to save, and keeps the reader working', async () => {
    reader = openReader();
    const { area, dialog } = reader;
    await waitFor(() => dialog.dataset.settings === undefined, 'stored settings');
    area.failNextWrite = 'QUOTA_BYTES quota exceeded';
    reader.$<HTMLButtonElement>('.bs-font-larger').click();
    const alert = reader.$('.bs-save-error');
    await waitFor(() => alert.textContent !== '', 'the save error');
    expect(alert.textContent).toMatch(/could not be saved/);
    expect(alert.textContent).toMatch(/QUOTA_BYTES/);
    expect(dialog.style.getPropertyValue('--bs-font-size')).toBe('22px');
  });

  it('uses the settings it is given without waiting for the store', () => {
    reader = openReader({
      overrides: {
        settings: { ...defaultSettings(), fontSize: 16 },
      },
    });
    expect(reader.dialog.dataset.settings).toBeUndefined();
    expect(reader.dialog.style.getPropertyValue('--bs-font-size')).toBe('16px');
  });

  it('without a store still applies changes while open (nothing to save)', () => {
    reader = openReader({ overrides: { settingsSource: undefined } });
    reader.$<HTMLButtonElement>('.bs-font-larger').click();
    expect(reader.dialog.style.getPropertyValue('--bs-font-size')).toBe('22px');
    expect(reader.area.writes).toBe(0);
  });
});
