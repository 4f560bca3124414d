// The shipped rules (generic + per site), loaded once per module load, and the rule list for one page.
import { checkSelectors } from './engine';
import { GENERIC_RULES_FILE, loadShippedRules, type Catalogue } from './shipped-rules';
import type { RuleProblem, RuleSpec } from './types';
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

/** Rule lists already chosen, per user-rule list and host: the engine compiles each list once. */
const pageRulesCache = new WeakMap<readonly UserRule[], Map<string | undefined, PageRules>>();
/** A process that reads pages from many hosts keeps at most this many lists per user-rule list. */
const MAX_CACHED_HOSTS = 200;

/**
 * The rules for a page on `host` (undefined when the page has no URL: generic rules only). The same
 * host and user-rule list (by identity) give the same PageRules object, which callers must not change.
 */
export function rulesForPage(
  host: string | undefined,
  userRules: readonly UserRule[],
  document: Document,
): PageRules {
  let byHost = pageRulesCache.get(userRules);
  if (!byHost) {
    byHost = new Map();
    pageRulesCache.set(userRules, byHost);
  }
  let pageRules = byHost.get(host);
  if (!pageRules) {
    pageRules = chooseRules(host, userRules, document);
    if (byHost.size >= MAX_CACHED_HOSTS) byHost.clear();
    byHost.set(host, pageRules);
  }
  return pageRules;
}

function chooseRules(
  host: string | undefined,
  userRules: readonly UserRule[],
  document: Document,
): PageRules {
  const { generic, sites, problems } = shippedRules();
  const siteRules =
    host === undefined
      ? []
      : sites
          .filter((set) => set.sites.some((site) => hostMatches(host, site)))
          .flatMap((set) => set.rules);
  const user = host === undefined ? [] : userRulesFor(userRules, host);
  const checked = checkSelectors([...siteRules, ...user, ...generic.rules], document);
  return { rules: checked.usable, problems: [...problems, ...checked.problems] };
}
