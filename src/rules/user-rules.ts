// User rules from the options page: per site, a CSS selector to hide. Validated with clear messages;
// a bad entry is reported and dropped, the others still apply.
import type { RuleSpec } from './types';

export interface UserRule {
  /** Host the rule applies to (also its subdomains), e.g. "example.com". */
  site: string;
  /** CSS selector of the blocks to hide. */
  selector: string;
}

export interface UserRulesValidation {
  rules: UserRule[];
  /** One plain-language message per rejected entry, e.g. 'Rule 2 (example.com): ...'. */
  problems: string[];
}

const HOST = /^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+$/;
const MAX_SELECTOR_LENGTH = 500;

/** Turns what a user typed ("https://www.Example.com/news") into a host ("www.example.com"). */
function normaliseSite(site: string): string {
  let value = site.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) {
    try {
      value = new URL(value).hostname;
    } catch {
      return value;
    }
  }
  return value.replace(/\/.*$/, '').replace(/^\*\./, '');
}

function selectorProblem(selector: string, document: Document | undefined): string | undefined {
  if (selector === '') return 'the selector is empty';
  if (selector.length > MAX_SELECTOR_LENGTH)
    return `the selector is longer than ${MAX_SELECTOR_LENGTH} characters`;
  if (!document) return undefined;
  try {
    document.createDocumentFragment().querySelector(selector);
    return undefined;
  } catch {
    return `"${selector}" is not a valid CSS selector`;
  }
}

/**
 * Checks user rules (any JSON-ish input). Pass a Document to check selector syntax now; without one,
 * selectors are checked when the rules are applied.
 */
export function validateUserRules(
  input: unknown,
  document: Document | undefined = globalThis.document,
): UserRulesValidation {
  if (input === undefined || input === null) return { rules: [], problems: [] };
  if (!Array.isArray(input)) {
    return { rules: [], problems: ['User rules must be a list of { site, selector } entries.'] };
  }
  const rules: UserRule[] = [];
  const problems: string[] = [];
  input.forEach((entry: unknown, index) => {
    const label = `Rule ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(
        `${label}: expected { site, selector }, got ${entry === null ? 'null' : typeof entry}.`,
      );
      return;
    }
    const { site, selector } = entry as Record<string, unknown>;
    if (typeof site !== 'string' || site.trim() === '') {
      problems.push(`${label}: "site" must be a host name such as example.com.`);
      return;
    }
    const host = normaliseSite(site);
    if (!HOST.test(host)) {
      problems.push(`${label}: "${site}" is not a host name such as example.com.`);
      return;
    }
    if (typeof selector !== 'string') {
      problems.push(`${label} (${host}): "selector" must be text, such as .promo.`);
      return;
    }
    const problem = selectorProblem(selector.trim(), document);
    if (problem) {
      problems.push(`${label} (${host}): ${problem}.`);
      return;
    }
    rules.push({ site: host, selector: selector.trim() });
  });
  return { rules, problems };
}

/** Whether a rule for `site` applies on `host` (the site itself or a subdomain of it). */
export function hostMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === site || h.endsWith(`.${site}`);
}

/** The user's rules for one host, as engine rules with ids like "user/example.com/1". */
export function userRulesFor(rules: readonly UserRule[], host: string): RuleSpec[] {
  const counters = new Map<string, number>();
  const specs: RuleSpec[] = [];
  rules.forEach((rule, index) => {
    const n = (counters.get(rule.site) ?? 0) + 1;
    counters.set(rule.site, n);
    if (!hostMatches(host, rule.site)) return;
    specs.push({
      id: `user/${rule.site}/${n}`,
      reason: 'Hidden by your own rule',
      action: 'remove',
      phases: ['before'],
      file: 'user rules',
      line: index + 1,
      selectors: [rule.selector],
      texts: [],
      headings: [],
      structures: [],
      tags: [],
      maxWords: undefined,
      minWords: undefined,
      minItems: undefined,
      linkDensity: undefined,
    });
  });
  return specs;
}
