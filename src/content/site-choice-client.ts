// The content script's side of the overlay's "always / never open here": kept apart from the message
// types so that auto-reader.js, which needs only those, does not bundle it.
import type { SiteChoiceOption } from '../overlay/site-choice';
import type { Settings } from '../shared/settings';
import { siteChoice } from '../shared/settings/sites';
import { isSiteChoiceAnswer } from '../shared/auto-mode-messages';

/** What siteChoiceClient needs of the extension API (webextension-polyfill's `browser` fits). */
export interface SiteChoiceApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The overlay's site choice for a page: the current choice is read from the stored settings (`settings`,
 * validated by the background; null when they cannot be read); a new choice goes to the background, which
 * saves it and asks for the site's permission where needed. Undefined for pages automatic mode cannot
 * apply to (not http/https).
 */
export function siteChoiceClient(
  pageUrl: string,
  api: SiteChoiceApi,
  settings: () => Promise<Settings | null>,
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
      const stored = await settings();
      return stored === null ? null : siteChoice(stored, hostOf(url()) ?? host);
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
