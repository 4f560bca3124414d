// The reader's assets for one page, sent to the content script on request so content.js carries neither:
// the shipped cleanup rules of the page's host (the generic set and the sets naming that host; the others
// never leave the background) and the reader's CSS (build-time minified by build/css-plugin.mjs).
// Why the CSS comes in this answer and not as a packaged reader.css the content script fetches: one round
// trip already needed for the rules, to a background that is awake (it has just injected content.js), and
// no new web-accessible file for pages to probe.
import { readerCss } from '../overlay/styles';
import { catalogueForHost, catalogueToWire, shippedRules } from '../rules';
import type { ReaderAssetsAnswer } from '../shared/messages';

/** The host whose site rules apply to `pageUrl`: none for addresses that have no web host. */
export function ruleHostOf(pageUrl: string | undefined): string | undefined {
  if (pageUrl === undefined) return undefined;
  try {
    const { protocol, hostname } = new URL(pageUrl);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== ''
      ? hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer for a reader in the page at `senderUrl`: the URL the browser reports for the sending frame
 * (runtime.MessageSender.url), never one the page could name.
 */
export function readerAssetsFor(senderUrl: string | undefined): ReaderAssetsAnswer {
  const pageRules = catalogueForHost(shippedRules(), ruleHostOf(senderUrl));
  return { type: 'broadsheet:reader-assets', rules: catalogueToWire(pageRules), css: readerCss };
}
