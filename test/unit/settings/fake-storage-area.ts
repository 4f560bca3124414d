// An in-memory storage area with chrome.storage.sync's behaviour that matters here: values are copied as
// JSON, set() checks every quota before writing anything (all or nothing), and onChanged fires after a write.
import type {
  SettingsStorageArea,
  StorageChange,
  StorageChangedEvent,
} from '../../../src/shared/settings';

type Listener = (changes: Record<string, StorageChange>, areaName: string) => void;

export class FakeStorageArea implements SettingsStorageArea {
  readonly data = new Map<string, string>();
  readonly listeners = new Set<Listener>();
  /** When set, the next set() call rejects with this message (and writes nothing). */
  failNextWrite: string | null = null;
  writes = 0;

  constructor(
    readonly quota = { bytesPerItem: 8192, bytes: 102400, maxItems: 512 },
    readonly areaName = 'sync',
  ) {}

  readonly onChanged: StorageChangedEvent = {
    addListener: (listener) => void this.listeners.add(listener),
    removeListener: (listener) => void this.listeners.delete(listener),
  };

  async get(keys: string[]): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const json = this.data.get(key);
      if (json !== undefined) result[key] = JSON.parse(json);
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextWrite !== null) {
      const message = this.failNextWrite;
      this.failNextWrite = null;
      throw new Error(message);
    }
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (byteLength(key + json) > this.quota.bytesPerItem)
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, json);
    }
    let total = 0;
    for (const [key, json] of next) total += byteLength(key + json);
    if (total > this.quota.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > this.quota.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    const changes: Record<string, StorageChange> = {};
    for (const key of Object.keys(items)) {
      changes[key] = { oldValue: parse(this.data.get(key)), newValue: parse(next.get(key)) };
    }
    this.data.clear();
    for (const [key, json] of next) this.data.set(key, json);
    this.writes++;
    this.emit(changes);
  }

  async remove(keys: string[]): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const key of keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: parse(this.data.get(key)) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length > 0) this.emit(changes);
  }

  /** Stores raw values directly, as another version of the extension or a corrupt sync would. */
  seed(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([key, json]) => [key, JSON.parse(json)]));
  }

  private emit(changes: Record<string, StorageChange>): void {
    // Like the browser: listeners run asynchronously after the write resolves.
    setTimeout(() => {
      for (const listener of this.listeners) listener(changes, this.areaName);
    }, 0);
  }
}

function parse(json: string | undefined): unknown {
  return json === undefined ? undefined : JSON.parse(json);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
