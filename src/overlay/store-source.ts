// A SettingsSource that reads and writes a storage area itself (src/shared/settings: validation, per-field
// fallback, migrations). The options page and tests use it; the reader in a page asks the background instead.
import {
  loadSettings,
  onSettingsChanged,
  saveSettings,
  type SettingsStore,
} from '../shared/settings';
import type { SettingsSource } from './live-settings';

export function storeSource(store: SettingsStore): SettingsSource {
  return {
    load: async () => (await loadSettings(store.area)).settings,
    save: async (patch) => {
      const result = await saveSettings(store.area, patch);
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    },
    subscribe: (listener) => onSettingsChanged(store, ({ settings }) => listener(settings)),
  };
}
