// The content script's side of the overlay's "always / never open here": kept apart from the message
// types so that auto-reader.js, which needs only those, does not bundle it.
import type { SiteChoiceOption } from '../overlay/site-choice';
import { isSiteChoiceAnswer } from '../shared/auto-mode-messages';

/** What siteChoiceClient needs of the extension API (webextension-polyfill's `browser` fits). */
export interface SiteChoiceApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The overlay's site choice for a page: the background reads the current choice from the stored settings
 * and saves a new one, asking for the site's permission where needed. Undefined for pages automatic mode
 * cannot apply to (not http/https).
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
      const reply = await api.runtime.sendMessage({
        type: 'broadsheet:site-choice-query',
        url: url(),
      });
      return isSiteChoiceAnswer(reply) ? reply.choice : null;
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
