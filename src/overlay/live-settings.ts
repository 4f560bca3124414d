// The reader's live settings: a change applies at once and is saved after a pause (sync storage allows
// about 120 writes a minute, and a slider fires dozens of input events). Changes saved elsewhere (another
// tab, the options page) arrive through the source and are applied too; local unsaved edits win over them.
// Where settings come from is a SettingsSource: the content script's asks the background (which owns
// storage and validation), the options page's reads storage itself (store-source.ts). This module imports
// no settings code, so the reader's first-paint bundle carries neither the schema nor its validator.
import type { Settings, SettingsPatch } from '../shared/settings';

export const saveDelayMs = 300;

/** The answer to a save: refused saves carry one sentence for the user. */
export type SaveOutcome = { ok: true } | { ok: false; message: string };

export interface SettingsSource {
  /** The stored settings, complete and valid (per-field fallback); null when they cannot be read now. */
  load(): Promise<Settings | null>;
  /** Validates and stores a change; never rejects. */
  save(patch: SettingsPatch): Promise<SaveOutcome>;
  /** Follows changes saved anywhere (complete settings each time); returns the function that stops it. */
  subscribe(listener: (settings: Settings) => void): () => void;
}

interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface LiveSettingsOptions {
  initial: Settings;
  /** Where settings live; without it changes apply only while the reader is open. */
  source?: SettingsSource;
  /** Called with the complete settings after every change, local or from the source. */
  apply(settings: Settings): void;
  /** A save the source refused (quota, invalid value): one sentence for the user. */
  onSaveError?(message: string): void;
  timers?: Timers;
  delayMs?: number;
}

export class LiveSettings {
  private settings: Settings;
  private pending: SettingsPatch = {};
  private timer: number | null = null;
  private stopListening: (() => void) | null = null;
  private disposed = false;
  private readonly timers: Timers;

  constructor(private readonly options: LiveSettingsOptions) {
    this.settings = options.initial;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => Number(globalThis.setTimeout(callback, ms)),
      clearTimeout: (id) => globalThis.clearTimeout(id),
    };
  }

  get current(): Settings {
    return this.settings;
  }

  /** Follows later changes; with `load`, also reads the stored settings now. */
  async start({ load = true }: { load?: boolean } = {}): Promise<void> {
    const { source } = this.options;
    if (!source || this.disposed) return;
    this.stopListening = source.subscribe((settings) => this.receive(settings));
    if (!load) return;
    const loaded = await source.load();
    if (loaded) this.receive(loaded);
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
    const { source } = this.options;
    if (!source || Object.keys(patch).length === 0) return;
    const result = await source.save(patch);
    if (!result.ok) this.options.onSaveError?.(result.message);
  }

  /** Saves what is pending and stops following the source. */
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
