// The live settings of a page that owns a storage area (the options page): LiveSettings reading and
// writing the store directly. The reader's overlay uses LiveSettings with the background as its source.
import type { SettingsStore } from '../shared/settings';
import { LiveSettings, type LiveSettingsOptions } from './live-settings';
import { storeSource } from './store-source';

export { saveDelayMs } from './live-settings';

export interface SettingsSessionOptions extends Omit<LiveSettingsOptions, 'source'> {
  /** Where settings live; without it changes apply only while the page is open. */
  store?: SettingsStore;
}

export class SettingsSession extends LiveSettings {
  constructor(options: SettingsSessionOptions) {
    const { store, ...rest } = options;
    super({ ...rest, source: store ? storeSource(store) : undefined });
  }
}
