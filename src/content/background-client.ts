// The content script's requests to the background: the reading settings (validated there, so content.js
// carries no settings code), this page's shipped rules and the reader's CSS (so content.js carries neither)
// and the reader's panels (reader-tools.js, injected into this frame).
import type { SettingsSource } from '../overlay/live-settings';
import { registeredPanelContent, type PanelContent } from '../overlay/tools-contract';
import { catalogueFromWire } from '../rules/wire';
import type { Catalogue } from '../rules/types';
import {
  getReaderAssetsMessage,
  getSettingsMessage,
  isReaderAssetsAnswer,
  isReaderToolsAnswer,
  isSaveSettingsAnswer,
  isSettingsAnswer,
  loadReaderToolsMessage,
  saveSettingsMessage,
} from '../shared/messages';
import type { Settings } from '../shared/settings';

/** What these clients need of the extension API (webextension-polyfill's `browser` fits). */
export interface BackgroundApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    onChanged: {
      addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
      removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
    };
  };
}

/** Storage keys of the settings (src/shared/settings/storage.ts: "settings.<field>", or v1's "settings"). */
const isSettingsKey = (key: string) => key === 'settings' || key.startsWith('settings.');

export function backgroundSettings(api: BackgroundApi): SettingsSource {
  const load = async (): Promise<Settings | null> => {
    try {
      const answer = await api.runtime.sendMessage(getSettingsMessage);
      return isSettingsAnswer(answer) ? answer.settings : null;
    } catch {
      return null;
    }
  };
  return {
    load,
    save: async (patch) => {
      try {
        const answer = await api.runtime.sendMessage(saveSettingsMessage(patch));
        if (isSaveSettingsAnswer(answer)) return answer.ok ? { ok: true } : answer;
      } catch {
        // the answer below
      }
      return { ok: false, message: 'The extension did not answer.' };
    },
    subscribe: (listener) => {
      // A change saved anywhere (this reader included): ask for the validated settings again; only the
      // latest answer counts.
      let latest = 0;
      let active = true;
      const onChanged = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName !== 'sync' || !Object.keys(changes).some(isSettingsKey)) return;
        const ticket = ++latest;
        void load().then((settings) => {
          if (active && settings && ticket === latest) listener(settings);
        });
      };
      api.storage.onChanged.addListener(onChanged);
      return () => {
        active = false;
        api.storage.onChanged.removeListener(onChanged);
      };
    },
  };
}

/**
 * Starts loading now (content.js is injected right before the toolbar's toggle arrives) and hands that
 * load to the first caller, so the settings' round trip overlaps the injection; later loads ask afresh.
 */
export function loadingAhead(source: SettingsSource): SettingsSource {
  let ahead: Promise<Settings | null> | null = source.load();
  return {
    ...source,
    load: () => {
      const first = ahead;
      ahead = null;
      return first ?? source.load();
    },
  };
}

/** What the background sends for this page: its shipped rule sets (null: malformed) and the reader's CSS. */
export interface ReaderAssets {
  rules: Catalogue | null;
  css: string;
}

/**
 * The reader's assets for this page, asked for at once (in parallel with the settings, while the toolbar's
 * toggle is on its way) and kept once they arrived: they do not change while the page lives. Null when
 * the background did not answer or answered something else; the next call then asks again.
 */
export function backgroundAssets(api: BackgroundApi): () => Promise<ReaderAssets | null> {
  const request = async (): Promise<ReaderAssets | null> => {
    try {
      const answer = await api.runtime.sendMessage(getReaderAssetsMessage);
      if (!isReaderAssetsAnswer(answer)) return null;
      return { rules: catalogueFromWire(answer.rules), css: answer.css };
    } catch {
      return null;
    }
  };
  let kept: Promise<ReaderAssets | null> | null = request();
  return () => {
    kept ??= request();
    const current = kept;
    void current.then((assets) => {
      if (assets === null && kept === current) kept = null;
    });
    return current;
  };
}

/** Has the background inject reader-tools.js into this frame, then returns what it registered. */
export function backgroundPanels(api: BackgroundApi): () => Promise<PanelContent> {
  return async () => {
    const already = registeredPanelContent();
    if (already) return already;
    const answer = await api.runtime.sendMessage(loadReaderToolsMessage);
    const registered = registeredPanelContent();
    if (!isReaderToolsAnswer(answer) || !answer.loaded || !registered) {
      throw new Error('Broadsheet: the reader tools did not load');
    }
    return registered;
  };
}
