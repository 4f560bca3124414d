// The shipped rules (generic + per site), loaded once per module load, and the rule list for one page.
// rulesForPage takes the catalogue as an argument: the extension's content script gets only this page's
// sets from the background (wire.ts) and so never bundles the shipped rules itself.
import { checkSelectors } from './engine';
import { GENERIC_RULES_FILE, loadShippedRules } from './shipped-rules';
import type { Catalogue, RuleProblem, RuleSpec } from './types';
import { hostMatches, userRulesFor, type UserRule } from './user-rules';

export { GENERIC_RULES_FILE };

let catalogue: Catalogue | undefined;

/** The shipped rule sets, loaded on first use (parsed at build time in builds: shipped-rules.ts). */
export function shippedRules(): Catalogue {
  catalogue ??= loadShippedRules();
  return catalogue;
}

export interface PageRules {
  /** In priority order: site rules, then the user's, then generic ones. */
  rules: readonly RuleSpec[];
  problems: readonly RuleProblem[];
}

/** Rule lists already chosen, per catalogue, user-rule list and host: the engine compiles each list once. */
const pageRulesCache = new WeakMap<
  Catalogue,
  WeakMap<readonly UserRule[], Map<string | undefined, PageRules>>
>();
/** A process that reads pages from many hosts keeps at most this many lists per user-rule list. */
const MAX_CACHED_HOSTS = 200;

/**
 * The rules of `catalogue` for a page on `host` (undefined when the page has no URL: generic rules
 * only). The same catalogue, host and user-rule list (by identity) give the same PageRules object,
 * which callers must not change.
 */
export function rulesForPage(
  catalogue: Catalogue,
  host: string | undefined,
  userRules: readonly UserRule[],
  document: Document,
): PageRules {
  let byUserRules = pageRulesCache.get(catalogue);
  if (!byUserRules) {
    byUserRules = new WeakMap();
    pageRulesCache.set(catalogue, byUserRules);
  }
  let byHost = byUserRules.get(userRules);
  if (!byHost) {
    byHost = new Map();
    byUserRules.set(userRules, byHost);
  }
  let pageRules = byHost.get(host);
  if (!pageRules) {
    pageRules = chooseRules(catalogue, host, userRules, document);
    if (byHost.size >= MAX_CACHED_HOSTS) byHost.clear();
    byHost.set(host, pageRules);
  }
  return pageRules;
}

/** The catalogue's sets that apply on `host`: the generic one, and the sites' whose list names it. */
export function catalogueForHost(catalogue: Catalogue, host: string | undefined): Catalogue {
  const sites =
    host === undefined
      ? []
      : catalogue.sites.filter((set) => set.sites.some((site) => hostMatches(host, site)));
  return { generic: catalogue.generic, sites, problems: catalogue.problems };
}

function chooseRules(
  catalogue: Catalogue,
  host: string | undefined,
  userRules: readonly UserRule[],
  document: Document,
): PageRules {
  const { generic, sites, problems } = catalogueForHost(catalogue, host);
  const siteRules = sites.flatMap((set) => set.rules);
  const user = host === undefined ? [] : userRulesFor(userRules, host);
  const checked = checkSelectors([...siteRules, ...user, ...generic.rules], document);
  return { rules: checked.usable, problems: [...problems, ...checked.problems] };
}
