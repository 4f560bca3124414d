// What the reader in a page (content.js) asks of the background: its reading settings (the background owns
// storage, validation and migrations, so content.js carries none of that code), the page's shipped rules
// and the reader's CSS (reader-assets.ts), and its second bundle, reader-tools.js (the toolbar's panels),
// injected into the asking frame on demand. Only our own content script in a tab's top frame is answered.
import type { Runtime, Scripting } from 'webextension-polyfill';
import {
  isGetReaderAssetsMessage,
  isGetSettingsMessage,
  isLoadReaderToolsMessage,
  isSaveSettingsMessage,
  type GetReaderAssetsMessage,
  type GetSettingsMessage,
  type LoadReaderToolsMessage,
  type ReaderAssetsAnswer,
  type ReaderToolsAnswer,
  type SaveSettingsMessage,
  type SaveSettingsAnswer,
  type SettingsAnswer,
} from '../shared/messages';
import {
  loadSettings,
  saveSettings,
  type SettingsField,
  type SettingsStorageArea,
} from '../shared/settings';
import { readerAssetsFor } from './reader-assets';
import { acceptFromContentScript } from './sender';
import { injectionRetryDelayMs } from './toggle-reader';

/** The reader's second bundle (build/<browser>/reader-tools.js); never web-accessible. */
export const readerToolsFile = 'reader-tools.js';

/**
 * Settings the reader may not change through this message: where the extension opens by itself and what it
 * removes have their own checked paths (the site-choice message, the options page).
 */
export const privilegedFields: readonly SettingsField[] = [
  'autoMode',
  'alwaysSites',
  'neverSites',
  'userRules',
];

export interface ReaderServiceDeps {
  ownId: string;
  area: SettingsStorageArea;
  executeScript(injection: Scripting.ScriptInjection): Promise<unknown>;
}

async function injectReaderTools(
  tabId: number,
  frameId: number,
  deps: ReaderServiceDeps,
): Promise<ReaderToolsAnswer> {
  const injection = { target: { tabId, frameIds: [frameId] }, files: [readerToolsFile] };
  try {
    await deps.executeScript(injection);
  } catch {
    // As with content.js, Chromium may refuse the first injection of a moment; one retry settles it.
    try {
      await new Promise((resolve) => setTimeout(resolve, injectionRetryDelayMs));
      await deps.executeScript(injection);
    } catch (error) {
      console.warn('Broadsheet: could not load the reader tools', error);
      return { type: 'broadsheet:reader-tools', loaded: false };
    }
  }
  return { type: 'broadsheet:reader-tools', loaded: true };
}

type ReaderRequest =
  GetSettingsMessage | SaveSettingsMessage | LoadReaderToolsMessage | GetReaderAssetsMessage;

function isReaderRequest(value: unknown): value is ReaderRequest {
  return (
    isGetSettingsMessage(value) ||
    isSaveSettingsMessage(value) ||
    isLoadReaderToolsMessage(value) ||
    isGetReaderAssetsMessage(value)
  );
}

/** Answers a reader request (a promise of the answer), or undefined for any other message. */
export function answerReaderRequest(
  message: unknown,
  sender: Runtime.MessageSender,
  deps: ReaderServiceDeps,
):
  | Promise<SettingsAnswer | SaveSettingsAnswer | ReaderToolsAnswer | ReaderAssetsAnswer>
  | undefined {
  // The same gate as every other listener: our content script in a top frame, an exact known shape.
  const accepted = acceptFromContentScript(message, sender, deps.ownId, isReaderRequest);
  if (!accepted) return undefined;
  const { message: request, tabId } = accepted;
  if (isGetSettingsMessage(request)) {
    return loadSettings(deps.area).then(({ settings }) => ({
      type: 'broadsheet:settings',
      settings,
    }));
  }
  if (isSaveSettingsMessage(request)) {
    const refused = privilegedFields.filter((field) => field in request.patch);
    if (refused.length > 0) {
      return Promise.resolve({
        type: 'broadsheet:settings-saved',
        ok: false,
        message: `The reader cannot change ${refused.join(', ')}.`,
      });
    }
    return saveSettings(deps.area, request.patch).then((result) =>
      result.ok
        ? { type: 'broadsheet:settings-saved', ok: true }
        : { type: 'broadsheet:settings-saved', ok: false, message: result.message },
    );
  }
  if (isLoadReaderToolsMessage(request)) {
    return injectReaderTools(tabId, sender.frameId ?? 0, deps);
  }
  if (isGetReaderAssetsMessage(request)) {
    // The sender's own frame URL picks the site rules (acceptFromContentScript: a top frame of a tab).
    return Promise.resolve(readerAssetsFor(sender.url));
  }
  return undefined;
}
