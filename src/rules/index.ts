// Cleanup rules: data files (generic.rules, sites/*.rules) and the small engine that applies them.
export { applyRules, checkSelectors, headingOf } from './engine';
export type { ApplyOptions, Removal } from './engine';
export { parseRules, parsePattern } from './parse-rules';
export type { ParseOptions, ParseResult } from './parse-rules';
export { RuleError, formatProblem } from './rule-error';
export { catalogueForHost, rulesForPage, shippedRules, GENERIC_RULES_FILE } from './catalogue';
export { catalogueFromWire, catalogueToWire } from './wire';
export type { WireCatalogue } from './wire';
export type { PageRules } from './catalogue';
export { validateUserRules, userRulesFor, hostMatches } from './user-rules';
export type { UserRule, UserRulesValidation } from './user-rules';
export type {
  Catalogue,
  RuleAction,
  RulePhase,
  RuleProblem,
  RuleSet,
  RuleSpec,
  StructureKind,
} from './types';
