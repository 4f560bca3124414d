import type Browser from 'webextension-polyfill';
import {
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  loadSettings,
  onSettingsChanged,
  saveSettings,
  STORAGE_KEYS,
  type SettingsChange,
  type SettingsStorageArea,
  type StorageChangedEvent,
} from '../../../src/shared/settings';
import { FakeStorageArea } from './fake-storage-area';

// The real browser objects must fit the parameters (checked by `tsc`, not at run time).
export const _typeChecks: [SettingsStorageArea, StorageChangedEvent] = [
  {} as Browser.Storage.StorageArea,
  {} as Browser.Storage.Static['onChanged'],
];

const key = STORAGE_KEYS.field;

describe('loadSettings', () => {
  it('gives the defaults for an empty area, with no problems', async () => {
    const result = await loadSettings(new FakeStorageArea());
    expect(result).toEqual({
      settings: defaultSettings(),
      problems: [],
      migratedFrom: null,
      storageError: false,
    });
  });

  it('reads one key per field and falls back per field for corrupt values', async () => {
    const area = new FakeStorageArea();
    area.seed({
      [STORAGE_KEYS.version]: CURRENT_SCHEMA_VERSION,
      [key('fontSize')]: 26,
      [key('theme')]: 'neon',
      [key('alwaysSites')]: ['example.com', 'bad host'],
    });
    const { settings, problems } = await loadSettings(area);
    expect(settings).toEqual({ ...defaultSettings(), fontSize: 26, alwaysSites: ['example.com'] });
    expect(problems.map((p) => [p.field, p.kind])).toEqual([
      ['theme', 'invalid'],
      ['alwaysSites', 'entry-dropped'],
    ]);
  });

  it('reads and upgrades the v1 single-key layout', async () => {
    const area = new FakeStorageArea();
    area.seed({
      settings: {
        theme: 'night',
        fontSize: '18px',
        autoOpen: true,
        autoOpenSites: ['news.example'],
      },
    });
    const result = await loadSettings(area);
    expect(result.migratedFrom).toBe(1);
    expect(result.settings).toMatchObject({
      theme: 'dark',
      fontSize: 18,
      autoMode: 'sites',
      alwaysSites: ['news.example'],
    });
    expect(area.writes).toBe(0); // loading never writes
  });

  it('reads the v2 per-field layout including the fields v3 renamed', async () => {
    const area = new FakeStorageArea();
    area.seed({
      [STORAGE_KEYS.version]: 2,
      [key('ttsRate')]: 80,
      [key('blockedSites')]: ['ads.example'],
      [key('fontSize')]: 17,
    });
    const result = await loadSettings(area);
    expect(result.migratedFrom).toBe(2);
    expect(result.settings).toMatchObject({
      speechRate: 0.8,
      neverSites: ['ads.example'],
      fontSize: 17,
    });
  });

  it('gives defaults and one problem when the area cannot be read', async () => {
    const area = new FakeStorageArea();
    area.get = () => Promise.reject(new Error('storage is disabled'));
    const result = await loadSettings(area);
    expect(result.settings).toEqual(defaultSettings());
    expect(result.storageError).toBe(true);
    expect(result.problems[0]?.message).toMatch(/could not be read \(storage is disabled\)/);
  });
});

describe('saveSettings', () => {
  it('writes only the changed field (and the version marker) in one set()', async () => {
    const area = new FakeStorageArea();
    const result = await saveSettings(area, { fontSize: 24 });
    expect(result).toEqual({
      ok: true,
      settings: { ...defaultSettings(), fontSize: 24 },
      problems: [],
    });
    expect(area.snapshot()).toEqual({
      [STORAGE_KEYS.version]: CURRENT_SCHEMA_VERSION,
      [key('fontSize')]: 24,
    });
    expect(area.writes).toBe(1);
    expect((await loadSettings(area)).settings.fontSize).toBe(24);
  });

  it('does not write when nothing changes', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, { theme: 'sepia' });
    await saveSettings(area, { theme: 'sepia' });
    expect(area.writes).toBe(1);
  });

  it('never stores an invalid value', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, { fontSize: 24 });
    const before = area.snapshot();
    const result = await saveSettings(area, { fontSize: 99, theme: 'dark' } as never);
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Not saved: Font size must be from 14 to 32 px. The default is used.',
    });
    expect(area.snapshot()).toEqual(before);
  });

  it('leaves the stored settings exactly as they were when the area rejects the write (quota)', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, { fontSize: 24, alwaysSites: ['a.example'] });
    const before = area.snapshot();
    area.failNextWrite = 'QUOTA_BYTES quota exceeded';
    const result = await saveSettings(area, {
      fontSize: 28,
      alwaysSites: ['a.example', 'b.example'],
    });
    expect(result).toEqual({
      ok: false,
      reason: 'storage-error',
      message:
        "Not saved: the browser's sync storage is full (QUOTA_BYTES quota exceeded). Your previous settings are unchanged.",
      problems: [],
    });
    expect(area.snapshot()).toEqual(before);
    expect((await loadSettings(area)).settings).toMatchObject({
      fontSize: 24,
      alwaysSites: ['a.example'],
    });
  });

  it.each([
    // Seen in Chromium 156 and Firefox 153 (see the settings report).
    ['Resource::kQuotaBytes quota exceeded', 'Resource::kQuotaBytes quota exceeded'],
    [
      'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
      'QuotaExceededError: storage.sync API call exceeded its quota limitations',
    ],
  ])('words the browser quota error %p for the UI', async (error, shown) => {
    const area = new FakeStorageArea();
    area.failNextWrite = error;
    const result = await saveSettings(area, { fontSize: 28 });
    expect(result).toMatchObject({
      ok: false,
      message: `Not saved: the browser's sync storage is full (${shown}). Your previous settings are unchanged.`,
    });
  });

  it('explains a write-rate limit', async () => {
    const area = new FakeStorageArea();
    area.failNextWrite = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    const result = await saveSettings(area, { fontSize: 28 });
    expect(result).toMatchObject({
      ok: false,
      reason: 'storage-error',
      message: expect.stringMatching(/too many changes.*Try again in a minute/),
    });
  });

  it('refuses a list too large for one sync item before writing anything', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, { neverSites: ['keep.example'] });
    const before = area.snapshot();
    const sites = Array.from(
      { length: 600 },
      (_, i) => `a-fairly-long-news-site-name-${i}.example`,
    );
    const result = await saveSettings(area, { neverSites: sites });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (result.ok) return;
    expect(result.message).toMatch(
      /^Not saved: "Never open here" sites are too large to sync \(\d{2},\d{3} bytes; the browser allows 8,192 per setting\)/,
    );
    expect(area.snapshot()).toEqual(before);
  });

  it('refuses a write that would pass the total sync quota, and a too-small fake proves the browser check too', async () => {
    const area = new FakeStorageArea({ bytesPerItem: 8192, bytes: 600, maxItems: 512 });
    const sites = Array.from({ length: 30 }, (_, i) => `site-${i}.example`);
    const result = await saveSettings(area, { alwaysSites: sites });
    expect(result).toMatchObject({ ok: true });
    // Our own check uses the real 102,400-byte limit; the fake's smaller one stands for other data in sync.
    const second = await saveSettings(area, { neverSites: sites.map((site) => `x${site}`) });
    expect(second).toMatchObject({
      ok: false,
      reason: 'storage-error',
      message: expect.stringContaining('QUOTA_BYTES quota exceeded'),
    });
    expect((await loadSettings(area)).settings.neverSites).toEqual([]);
  });

  it('upgrades an old layout on the first save, writing every field at once', async () => {
    const area = new FakeStorageArea();
    area.seed({
      settings: {
        schemaVersion: 1,
        theme: 'night',
        fontSize: '18px',
        autoOpen: true,
        autoOpenSites: ['a.example'],
      },
    });
    const result = await saveSettings(area, { lineHeight: 1.8 });
    expect(result).toMatchObject({ ok: true });
    const stored = area.snapshot();
    expect(stored.settings).toBeUndefined(); // the v1 key is gone once the new layout is written
    expect(stored[STORAGE_KEYS.version]).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.keys(stored)).toHaveLength(15);
    expect((await loadSettings(area)).settings).toEqual({
      ...defaultSettings(),
      theme: 'dark',
      fontSize: 18,
      lineHeight: 1.8,
      autoMode: 'sites',
      alwaysSites: ['a.example'],
    });
  });

  it('keeps the old layout intact when the upgrade write fails', async () => {
    const area = new FakeStorageArea();
    const v1 = { schemaVersion: 1, theme: 'night', fontSize: '18px' };
    area.seed({ settings: v1 });
    area.failNextWrite = 'QUOTA_BYTES quota exceeded';
    expect(await saveSettings(area, { lineHeight: 1.8 })).toMatchObject({ ok: false });
    expect(area.snapshot()).toEqual({ settings: v1 });
  });

  it('does not turn a field that failed to load into a stored default during an upgrade', async () => {
    const area = new FakeStorageArea();
    const v1 = { schemaVersion: 1, theme: 'night', autoOpenSites: Array(1500).fill('a.example') };
    area.seed({ settings: v1 });
    expect((await loadSettings(area)).problems).toEqual([
      expect.objectContaining({ field: 'alwaysSites', kind: 'oversized' }),
    ]);
    expect(await saveSettings(area, { fontSize: 22 })).toMatchObject({ ok: true });
    const stored = area.snapshot();
    expect(stored[key('alwaysSites')]).toBeUndefined();
    expect(stored[key('theme')]).toBe('dark');
    expect(stored.settings).toEqual(v1); // the old key stays while part of it could not be carried over
  });

  it('removes the v2 field keys after upgrading them', async () => {
    const area = new FakeStorageArea();
    area.seed({ [STORAGE_KEYS.version]: 2, [key('ttsRate')]: 150, [key('fontSize')]: 17 });
    await saveSettings(area, { theme: 'sepia' });
    const stored = area.snapshot();
    expect(stored[key('ttsRate')]).toBeUndefined();
    expect(stored[key('speechRate')]).toBe(1.5);
    expect(stored[key('fontSize')]).toBe(17);
  });

  it('keeps a newer version marker and the newer fields it does not touch', async () => {
    const area = new FakeStorageArea();
    area.seed({
      [STORAGE_KEYS.version]: CURRENT_SCHEMA_VERSION + 1,
      [key('theme')]: 'midnight',
      [key('readingGoal')]: 20,
    });
    const result = await saveSettings(area, { fontSize: 22 });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.problems.map((p) => p.kind)).toEqual(['newer-version', 'invalid']);
    expect(area.snapshot()).toEqual({
      [STORAGE_KEYS.version]: CURRENT_SCHEMA_VERSION + 1,
      [key('theme')]: 'midnight',
      [key('readingGoal')]: 20,
      [key('fontSize')]: 22,
    });
  });

  it('repairs a corrupt field only when the user sets it, and stops reporting it', async () => {
    const area = new FakeStorageArea();
    area.seed({ [STORAGE_KEYS.version]: CURRENT_SCHEMA_VERSION, [key('theme')]: 42 });
    const first = await saveSettings(area, { fontSize: 22 });
    expect(first.ok && first.problems.map((p) => p.field)).toEqual(['theme']);
    expect(area.snapshot()[key('theme')]).toBe(42);
    const second = await saveSettings(area, { theme: 'light' });
    expect(second).toMatchObject({ ok: true, problems: [] });
  });

  it('runs saves from one page in order, so quick changes do not overwrite each other', async () => {
    const area = new FakeStorageArea();
    const sizes = [21, 22, 23, 24, 25];
    const results = await Promise.all(sizes.map((fontSize) => saveSettings(area, { fontSize })));
    expect(results.every((r) => r.ok)).toBe(true);
    const lists = await Promise.all([
      saveSettings(area, { alwaysSites: ['a.example'] }),
      saveSettings(area, { neverSites: ['b.example'] }),
    ]);
    expect(lists.every((r) => r.ok)).toBe(true);
    expect((await loadSettings(area)).settings).toMatchObject({
      fontSize: 25,
      alwaysSites: ['a.example'],
      neverSites: ['b.example'],
    });
  });

  it('reports a failed read instead of writing blind', async () => {
    const area = new FakeStorageArea();
    area.get = () => Promise.reject(new Error('sync unavailable'));
    expect(await saveSettings(area, { fontSize: 22 })).toMatchObject({
      ok: false,
      reason: 'storage-error',
      message: expect.stringContaining('sync unavailable'),
    });
    expect(area.writes).toBe(0);
  });
});

describe('onSettingsChanged', () => {
  const nextChange = (area: FakeStorageArea) =>
    new Promise<SettingsChange>((resolve) => {
      const stop = onSettingsChanged(
        { area, areaName: 'sync', onChanged: area.onChanged },
        (change) => {
          stop();
          resolve(change);
        },
      );
    });

  it('delivers the loaded settings and the changed fields after a save', async () => {
    const area = new FakeStorageArea();
    const change = nextChange(area);
    await saveSettings(area, { theme: 'dark', fontSize: 23 });
    const { settings, changedFields } = await change;
    expect(settings).toMatchObject({ theme: 'dark', fontSize: 23 });
    expect(changedFields).toEqual(SETTINGS_ALL);
  });

  it('names only the fields that changed once the layout is current', async () => {
    const area = new FakeStorageArea();
    await saveSettings(area, { theme: 'dark' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const change = nextChange(area);
    await saveSettings(area, { fontSize: 23, showImages: false });
    expect((await change).changedFields).toEqual(['fontSize', 'showImages']);
  });

  it('ignores other areas and other keys, and stops when asked', async () => {
    const area = new FakeStorageArea();
    const seen: SettingsChange[] = [];
    const stop = onSettingsChanged({ area, areaName: 'sync', onChanged: area.onChanged }, (c) =>
      seen.push(c),
    );
    const [listener] = [...area.listeners];
    listener?.({ [key('fontSize')]: { newValue: 30 } }, 'local');
    listener?.({ 'detector.cache': { newValue: 1 } }, 'sync');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([]);
    stop();
    expect(area.listeners.size).toBe(0);
    await saveSettings(area, { fontSize: 30 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([]);
  });
});

const SETTINGS_ALL = Object.keys(defaultSettings()).filter((field) => field !== 'schemaVersion');
