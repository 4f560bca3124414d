// The per-site "always open here" / "never open here" choice, as the overlay's one click and the background's
// auto-open decision both need it. Matching is by exact hostname: the choice is made on a tab's hostname.
import { normalizeHostname } from './hostnames';
import type { Settings, SettingsPatch } from './schema';

export type SiteChoice = 'always' | 'never' | 'default';
type SiteLists = Pick<Settings, 'alwaysSites' | 'neverSites'>;

/** The user's choice for a site; "never" wins if a site somehow sits in both lists. */
export function siteChoice(settings: SiteLists, hostname: string): SiteChoice {
  const host = normalizeHostname(hostname);
  if (host === null) return 'default';
  if (settings.neverSites.includes(host)) return 'never';
  if (settings.alwaysSites.includes(host)) return 'always';
  return 'default';
}

/**
 * The change that records a choice for a site (it leaves the other list, so the lists never disagree).
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
