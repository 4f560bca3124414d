// Automatic mode's registered content scripts, derived from the settings and the granted permissions,
// and the plan that brings what the browser has registered in line with them. Pure: the browser calls
// live in auto-mode-runtime.ts. A site runs our script only when the user enabled it AND its permission
// is granted; "never" sites are excluded from the match patterns, so nothing runs there at all.
import type { Settings } from '../shared/settings';
import { ALL_SITES_ORIGINS, allOriginsGranted, siteOrigins } from '../shared/site-permissions';

/** Our registrations all start with this; scripts registered under other ids are left alone. */
export const AUTO_SCRIPT_ID_PREFIX = 'broadsheet-auto:';
/** The id of the one "all news articles" registration. */
export const ALL_SITES_SCRIPT_ID = `${AUTO_SCRIPT_ID_PREFIX}*`;
export const AUTO_READER_FILE = 'auto-reader.js';

/** The fields of scripting.RegisteredContentScript this module sets (both browsers accept them). */
export interface AutoScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** What the browser reports back (getRegisteredContentScripts); optional fields may be missing. */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

type AutoSettings = Pick<Settings, 'autoMode' | 'alwaysSites' | 'neverSites'>;

function script(id: string, matches: string[], excludeMatches: string[]): AutoScript {
  return {
    id,
    matches,
    excludeMatches,
    js: [AUTO_READER_FILE],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/** A "never" entry excludes its host and subdomains (an "always" subdomain of it gets its own script). */
function neverPatternsUnder(settings: AutoSettings, parent: string | null): string[] {
  return settings.neverSites
    .filter((never) => parent === null || never.endsWith(`.${parent}`))
    .flatMap(siteOrigins);
}

/** The scripts the settings call for, given the host permissions the browser has granted. */
export function desiredScripts(settings: AutoSettings, granted: readonly string[]): AutoScript[] {
  if (settings.autoMode === 'off') return [];
  if (settings.autoMode === 'all-news') {
    if (!allOriginsGranted(granted, ALL_SITES_ORIGINS)) return [];
    return [
      script(ALL_SITES_SCRIPT_ID, [...ALL_SITES_ORIGINS], neverPatternsUnder(settings, null)),
    ];
  }
  return [...new Set(settings.alwaysSites)]
    .filter((host) => allOriginsGranted(granted, siteOrigins(host)))
    .map((host) =>
      script(
        `${AUTO_SCRIPT_ID_PREFIX}${host}`,
        siteOrigins(host),
        neverPatternsUnder(settings, host),
      ),
    );
}

export interface ReconcilePlan {
  unregister: string[];
  register: AutoScript[];
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort().join('\n');

function sameScript(registered: RegisteredScript, wanted: AutoScript): boolean {
  return (
    sorted(registered.matches) === sorted(wanted.matches) &&
    sorted(registered.excludeMatches) === sorted(wanted.excludeMatches) &&
    sorted(registered.js) === sorted(wanted.js) &&
    (registered.runAt ?? 'document_idle') === wanted.runAt &&
    (registered.persistAcrossSessions ?? true) === wanted.persistAcrossSessions
  );
}

/**
 * The smallest change from what is registered to what is wanted: ours that are unwanted or differ go,
 * wanted ones that are missing or differ come (a changed script is unregistered and registered again).
 */
export function planReconcile(
  registered: readonly RegisteredScript[],
  wanted: readonly AutoScript[],
): ReconcilePlan {
  const ours = registered.filter((entry) => entry.id.startsWith(AUTO_SCRIPT_ID_PREFIX));
  const wantedById = new Map(wanted.map((entry) => [entry.id, entry]));
  const kept = new Set(
    ours
      .filter((entry) => {
        const match = wantedById.get(entry.id);
        return match !== undefined && sameScript(entry, match);
      })
      .map((entry) => entry.id),
  );
  return {
    unregister: ours.filter((entry) => !kept.has(entry.id)).map((entry) => entry.id),
    register: wanted.filter((entry) => !kept.has(entry.id)),
  };
}
