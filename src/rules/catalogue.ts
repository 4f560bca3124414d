// The shipped rules (generic + per site), parsed once per module load, and the rule list for one page.
import genericText from './generic.rules';
import { checkSelectors } from './engine';
import { parseRules } from './parse-rules';
import { SITE_RULE_FILES } from './sites';
import type { RuleProblem, RuleSet, RuleSpec } from './types';
import { hostMatches, userRulesFor, type UserRule } from './user-rules';

export const GENERIC_RULES_FILE = 'src/rules/generic.rules';

interface Catalogue {
  generic: RuleSet;
  sites: RuleSet[];
  problems: RuleProblem[];
}

function loadCatalogue(): Catalogue {
  const generic = parseRules(genericText, { file: GENERIC_RULES_FILE, idPrefix: 'generic' });
  const problems = [...generic.problems];
  const sites: RuleSet[] = [];
  for (const { file, text } of SITE_RULE_FILES) {
    const site = /([^/]+)\.rules$/.exec(file)?.[1] ?? file;
    const parsed = parseRules(text, { file, idPrefix: site, requireSite: true });
    problems.push(...parsed.problems);
    // A site file that names no site would apply everywhere: leave it out instead.
    if (parsed.ruleSet.sites.length > 0) sites.push(parsed.ruleSet);
  }
  return { generic: generic.ruleSet, sites, problems };
}

let catalogue: Catalogue | undefined;

/** The shipped rule sets, parsed on first use. */
export function shippedRules(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}

export interface PageRules {
  /** In priority order: site rules, then the user's, then generic ones. */
  rules: RuleSpec[];
  problems: RuleProblem[];
}

/** The rules for a page on `host` (undefined when the page has no URL: generic rules only). */
export function rulesForPage(
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
