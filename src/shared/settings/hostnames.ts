// Site lists hold bare hostnames ("www.bbc.co.uk", "127.0.0.1"): what the browser reports for a tab and what
// an optional host permission is asked for. Lenient on input (case, trailing dot, a pasted URL, Unicode),
// strict on what is stored.

export const MAX_HOSTNAME_LENGTH = 253;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Turns user input into a stored hostname, or null when it is not one. Accepts "BBC.co.uk.", "https://bbc.co.uk/news"
 * and "bücher.de" (stored as punycode); rejects ports, paths, user info, spaces and malformed IP addresses.
 */
export function normalizeHostname(input: string): string | null {
  if (input.length > 2048) return null;
  let candidate = input.trim().toLowerCase();
  if (candidate.includes('://')) {
    const url = parseUrl(candidate);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    candidate = url.hostname;
  }
  if (candidate.endsWith('.')) candidate = candidate.slice(0, -1);
  if (candidate === '' || candidate.length > MAX_HOSTNAME_LENGTH * 4) return null;
  // The URL parser converts Unicode to punycode and canonicalises IP addresses; anything it changes in
  // other ways (a port, a path, "1.2.3" read as 1.2.0.3) means the input was not a plain hostname.
  const url = parseUrl(`http://${candidate}/`);
  if (!url) return null;
  const hostname = url.hostname;
  if (url.port !== '' || url.pathname !== '/' || url.username !== '' || url.password !== '')
    return null;
  if (hostname.length > MAX_HOSTNAME_LENGTH) return null;
  if (hostname.startsWith('[')) return hostname === candidate ? hostname : null; // IPv6 literal
  if (!hostname.split('.').every((label) => LABEL.test(label))) return null;
  if (hostname !== candidate && hostname !== safeToAscii(candidate)) return null;
  return hostname;
}

/** True when the string is already a stored-form hostname (what the schema accepts without change). */
export function isNormalizedHostname(value: string): boolean {
  return normalizeHostname(value) === value;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

// Unicode input is fine when the parser's only change was punycode encoding of the labels.
function safeToAscii(candidate: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(candidate)) return null;
  if (/[\s/?#@:\\[\]%]/.test(candidate)) return null;
  return parseUrl(`http://${candidate}/`)?.hostname ?? null;
}
