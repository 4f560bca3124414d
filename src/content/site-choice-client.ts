// The content script's side of the overlay's "always / never open here": kept apart from the message
// types so that auto-reader.js, which needs only those, does not bundle the settings code.
import type { SiteChoiceOption } from '../overlay/site-choice';
import { loadSettings, siteChoice, type SettingsStorageArea } from '../shared/settings';
import { isSiteChoiceAnswer } from '../shared/auto-mode-messages';

/** What siteChoiceClient needs of the extension API (webextension-polyfill's `browser` fits). */
export interface SiteChoiceApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage?: { sync?: SettingsStorageArea };
}

/**
 * The overlay's site choice for a page: the current choice is read from the stored settings directly (a
 * content script may read storage.sync); a new choice goes to the background, which saves it and asks for
 * the site's permission where needed. Undefined for pages automatic mode cannot apply to (not http/https).
 */
export function siteChoiceClient(
  pageUrl: string,
  api: SiteChoiceApi,
): SiteChoiceOption | undefined {
  const hostOf = (address: string) => {
    try {
      const url = new URL(address);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
    } catch {
      return null;
    }
  };
  const host = hostOf(pageUrl);
  if (host === null) return undefined;
  // The page may have navigated within itself since: use the address it shows now.
  const url = () => (typeof location === 'undefined' ? pageUrl : location.href);
  return {
    host,
    current: async () => {
      const area = api.storage?.sync;
      if (area === undefined) return null;
      const { settings, storageError } = await loadSettings(area);
      return storageError ? null : siteChoice(settings, hostOf(url()) ?? host);
    },
    choose: async (choice) => {
      const reply = await api.runtime.sendMessage({
        type: 'broadsheet:site-choice',
        url: url(),
        choice,
      });
      return isSiteChoiceAnswer(reply) ? reply.choice : null;
    },
  };
}
