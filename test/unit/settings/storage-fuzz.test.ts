// Property tests for storage: whatever another version, a corrupt sync or a hostile writer left under our
// keys, loading gives valid settings, and a valid save afterwards is stored and read back exactly.
import fc from 'fast-check';
import {
  isValidSettings,
  loadSettings,
  saveSettings,
  SETTINGS_FIELDS,
  STORAGE_KEYS,
  type SettingsPatch,
} from '../../../src/shared/settings';
import { FakeStorageArea } from './fake-storage-area';

const storedKeys = [
  STORAGE_KEYS.version,
  STORAGE_KEYS.legacyV1,
  ...SETTINGS_FIELDS.map(STORAGE_KEYS.field),
  ...['ttsRate', 'ttsVoice', 'blockedSites'].map(STORAGE_KEYS.field),
];

const storedContents = fc.dictionary(
  fc.constantFrom(...storedKeys),
  fc.oneof(
    fc.jsonValue(),
    fc.integer({ min: -1, max: 6 }),
    fc.constantFrom('night', '18px', 'dark'),
  ),
  { maxKeys: 8 },
);

const validPatch: fc.Arbitrary<SettingsPatch> = fc.record(
  {
    fontSize: fc.integer({ min: 14, max: 32 }),
    theme: fc.constantFrom('auto', 'light', 'sepia', 'dark', 'custom'),
    neverSites: fc.uniqueArray(
      fc.domain().map((d) => d.toLowerCase()),
      { maxLength: 5 },
    ),
    speechVoice: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: null }),
  },
  { requiredKeys: [] },
);

describe('storage fuzz', () => {
  it('loads valid settings from any stored contents, and a valid save then reads back', async () => {
    await fc.assert(
      fc.asyncProperty(storedContents, validPatch, async (contents, patch) => {
        const area = new FakeStorageArea();
        area.seed(contents);
        const loaded = await loadSettings(area);
        expect(isValidSettings(loaded.settings)).toBe(true);
        expect(loaded.storageError).toBe(false);

        const saved = await saveSettings(area, patch);
        expect(saved.ok).toBe(true);
        if (!saved.ok) return;
        expect(saved.settings).toMatchObject(patch);
        const reloaded = await loadSettings(area);
        expect(reloaded.settings).toEqual(saved.settings);
      }),
      { numRuns: 300 },
    );
  });
});
