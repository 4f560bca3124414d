// The per-site "always open here" / "never open here" choice, as the overlay's one click and the background's
// auto-open decision both need it. An entry covers its host and that host's subdomains ("bbc.co.uk" covers
// "www.bbc.co.uk", as the rules engine's hostMatches does); the closest entry wins, so "never" on
// sport.bbc.co.uk beats "always" on bbc.co.uk. IP addresses match only exactly.
import { normalizeHostname } from './hostnames';
import type { Settings, SettingsPatch } from './schema';

export type SiteChoice = 'always' | 'never' | 'default';
type SiteLists = Pick<Settings, 'alwaysSites' | 'neverSites'>;

/** The user's choice for a site: from the closest covering entry; "never" wins a tie. */
export function siteChoice(settings: SiteLists, hostname: string): SiteChoice {
  const host = normalizeHostname(hostname);
  if (host === null) return 'default';
  const always = closestEntry(settings.alwaysSites, host);
  const never = closestEntry(settings.neverSites, host);
  if (never !== null && (always === null || never.length >= always.length)) return 'never';
  return always !== null ? 'always' : 'default';
}

/** The entry that is the host or its nearest parent domain in the list, or null. */
function closestEntry(list: readonly string[], host: string): string | null {
  const isIpAddress = host.startsWith('[') || /^[\d.]+$/.test(host);
  let best: string | null = null;
  for (const entry of list) {
    const covers = entry === host || (!isIpAddress && host.endsWith(`.${entry}`));
    if (covers && (best === null || entry.length > best.length)) best = entry;
  }
  return best;
}

/**
 * The change that records a choice for exactly this host (it leaves the other list, so the lists never
 * disagree about it). "default" removes the host's own entries; a parent domain's entry still applies.
 * Null when the hostname is not one.
 */
export function siteChoicePatch(
  settings: SiteLists,
  hostname: string,
  choice: SiteChoice,
): Pick<SettingsPatch, 'alwaysSites' | 'neverSites'> | null {
  const host = normalizeHostname(hostname);
  if (host === null) return null;
  const without = (list: string[]) => list.filter((site) => site !== host);
  return {
    alwaysSites:
      choice === 'always'
        ? [...without(settings.alwaysSites), host]
        : without(settings.alwaysSites),
    neverSites:
      choice === 'never' ? [...without(settings.neverSites), host] : without(settings.neverSites),
  };
}

/**
 * Whether automatic mode may open the reader on this host at all (the article detector still decides):
 * never on a "never" site; on "sites", only on "always" sites; on "all-news", everywhere else.
 */
export function autoOpenAllowed(
  settings: Pick<Settings, 'autoMode'> & SiteLists,
  hostname: string,
): boolean {
  const choice = siteChoice(settings, hostname);
  if (settings.autoMode === 'off' || choice === 'never') return false;
  return settings.autoMode === 'all-news' || choice === 'always';
}
