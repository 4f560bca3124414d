// The shipped rule files (generic.rules and sites/*.rules), parsed. Tests and tools run this as written;
// builds replace this module with its result, computed at build time by the same parser
// (build/rules-plugin.mjs), so the extension ships compact rule data and never parses rule text.
import genericText from './generic.rules';
import { parseRules } from './parse-rules';
import { SITE_RULE_FILES } from './sites';
import type { Catalogue, RuleSet } from './types';

export const GENERIC_RULES_FILE = 'src/rules/generic.rules';

export function loadShippedRules(): Catalogue {
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
