// Which host permissions automatic mode needs, as match patterns. A site entry covers the host and its
// subdomains (as the settings' siteChoice does), so it asks for both "host" and "*.host"; an IP address
// has no subdomains. "All news articles" needs the broad pair once. These are the manifest's
// optional_host_permissions, asked for at the moment the user enables a site (options page click).
import type { Settings } from './settings';

/** Every http(s) page: what "on for all news articles" asks for. */
export const ALL_SITES_ORIGINS: readonly string[] = ['https://*/*', 'http://*/*'];

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^[\d.]+$/.test(host);
}

/** The match patterns for one stored hostname: the host itself and, for a domain name, its subdomains. */
export function siteOrigins(host: string): string[] {
  const own = [`https://${host}/*`, `http://${host}/*`];
  return isIpAddress(host) ? own : [...own, `https://*.${host}/*`, `http://*.${host}/*`];
}

/** The host permissions the settings need; everything else automatic mode was granted may be released. */
export function originsNeeded(settings: Pick<Settings, 'autoMode' | 'alwaysSites'>): string[] {
  if (settings.autoMode === 'off') return [];
  const sites = settings.alwaysSites.flatMap(siteOrigins);
  // Sites stay granted under "all news" so that going back to "chosen sites" asks nothing again.
  return settings.autoMode === 'all-news' ? [...ALL_SITES_ORIGINS, ...sites] : sites;
}

/** The scheme of a pattern "scheme://host/path" ("*" for any), or null when it is not one. */
function schemeOf(pattern: string): string | null {
  return /^(\*|https?):\/\//.exec(pattern)?.[1] ?? null;
}

/**
 * Whether the granted patterns include `wanted`: the same pattern, or "scheme://*\/*" for its scheme
 * (browsers report a broad grant as that one pattern, not as every site under it).
 */
export function isOriginGranted(granted: readonly string[], wanted: string): boolean {
  if (granted.includes(wanted)) return true;
  const scheme = schemeOf(wanted);
  return granted.some((pattern) => {
    const grantedScheme = schemeOf(pattern);
    if (grantedScheme === null || !pattern.endsWith('://*/*')) return false;
    return grantedScheme === '*' || grantedScheme === scheme;
  });
}

export function allOriginsGranted(granted: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((origin) => isOriginGranted(granted, origin));
}

/** Granted host patterns the settings no longer need (turned off, a site removed, "all news" left). */
export function originsToRelease(
  settings: Pick<Settings, 'autoMode' | 'alwaysSites'>,
  granted: readonly string[],
): string[] {
  const needed = new Set(originsNeeded(settings));
  return granted.filter((origin) => !needed.has(origin));
}
