// Pages the browser never lets an extension script: knowing them up front lets the toolbar button explain
// itself at once instead of failing silently. Anything not listed here is simply tried; a rejected
// injection is reported too (see action-click.ts), so this list only needs the common cases.
import type { BlockedReason } from '../shared/messages';

/** Schemes that belong to the browser itself (settings, new tab, other extensions, source views). */
const browserSchemes = new Set([
  'about:',
  'brave:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'moz-extension:',
  'opera:',
  'resource:',
  'view-source:',
  'vivaldi:',
]);

/** Extension stores, where every browser blocks extension scripts: [host, path prefix]. */
const webStores: ReadonlyArray<readonly [string, string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/**
 * Why the reader cannot run on `url`, or null when it is worth trying. An unknown or unparsable URL (the
 * tab's URL is hidden without activeTab) is worth trying: the injection itself then decides.
 */
export function restrictionFor(url: string | undefined): BlockedReason | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (browserSchemes.has(parsed.protocol)) return 'browser-page';
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
    const host = parsed.hostname.toLowerCase();
    const isStore = webStores.some(
      ([storeHost, prefix]) => host === storeHost && parsed.pathname.startsWith(prefix),
    );
    if (isStore) return 'web-store';
  }
  return null;
}

/** Words in the browsers' rejection messages, for tabs whose URL the extension may not see. */
const rejectionPatterns: ReadonlyArray<readonly [RegExp, BlockedReason]> = [
  [/extensions gallery|webstore|addons\.mozilla\.org/i, 'web-store'],
  [
    /\b(?:chrome|chrome-extension|edge|about|devtools|view-source|moz-extension|resource):/i,
    'browser-page',
  ],
  [/\bfile:/i, 'file-access'],
  [/\bpdf\b/i, 'pdf'],
];

/**
 * The reason to show when the browser refused to run our script. The tab's URL is the best evidence;
 * without it (Chromium hides the URL of pages where activeTab is not granted) the browser's message is.
 */
export function reasonForRejectedInjection(
  url: string | undefined,
  error?: unknown,
): BlockedReason {
  const known = restrictionFor(url);
  if (known) return known;
  if (url?.startsWith('file:')) return 'file-access';
  if (url && /\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return rejectionPatterns.find(([pattern]) => pattern.test(message))?.[1] ?? 'failed';
}
