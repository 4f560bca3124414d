// The reader's live settings: a change applies at once and is saved after a pause (sync storage allows
// about 120 writes a minute, and a slider fires dozens of input events). Changes saved elsewhere (another
// tab, the options page) arrive through the store and are applied too; local unsaved edits win over them.
import {
  loadSettings,
  onSettingsChanged,
  saveSettings,
  type Settings,
  type SettingsPatch,
  type SettingsStore,
} from '../shared/settings';

export const saveDelayMs = 300;

interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface SettingsSessionOptions {
  initial: Settings;
  /** Where settings live; without it changes apply only while the reader is open. */
  store?: SettingsStore;
  /** Called with the complete settings after every change, local or from the store. */
  apply(settings: Settings): void;
  /** A save the store refused (quota, invalid value): one sentence for the user. */
  onSaveError?(message: string): void;
  timers?: Timers;
  delayMs?: number;
}

export class SettingsSession {
  private settings: Settings;
  private pending: SettingsPatch = {};
  private timer: number | null = null;
  private stopListening: (() => void) | null = null;
  private disposed = false;
  private readonly timers: Timers;

  constructor(private readonly options: SettingsSessionOptions) {
    this.settings = options.initial;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => Number(globalThis.setTimeout(callback, ms)),
      clearTimeout: (id) => globalThis.clearTimeout(id),
    };
  }

  get current(): Settings {
    return this.settings;
  }

  /** Loads the stored settings (when a store is given) and follows later changes. */
  async start(): Promise<void> {
    const { store } = this.options;
    if (!store) return;
    this.stopListening = onSettingsChanged(store, ({ settings }) => this.receive(settings));
    const loaded = await loadSettings(store.area);
    this.receive(loaded.settings);
  }

  update(patch: SettingsPatch): void {
    if (this.disposed) return;
    this.settings = { ...this.settings, ...patch };
    this.pending = { ...this.pending, ...patch };
    this.options.apply(this.settings);
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => void this.flush(),
      this.options.delayMs ?? saveDelayMs,
    );
  }

  /** Saves what is pending now (also on close, so the last change is never lost). */
  async flush(): Promise<void> {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const patch = this.pending;
    this.pending = {};
    const { store } = this.options;
    if (!store || Object.keys(patch).length === 0) return;
    const result = await saveSettings(store.area, patch);
    if (!result.ok) this.options.onSaveError?.(result.message);
  }

  /** Saves what is pending and stops following the store. */
  dispose(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.stopListening?.();
    this.stopListening = null;
    const saved = this.flush();
    this.disposed = true;
    return saved;
  }

  private receive(stored: Settings): void {
    if (this.disposed) return;
    this.settings = { ...stored, ...this.pending };
    this.options.apply(this.settings);
  }
}
