// The shapes of cleanup rules: as parsed from a *.rules file, and compiled for the engine.

export type RuleAction = 'remove' | 'keep' | 'unwrap';
/** When a rule runs: on the cloned page before Readability, on Readability's output after it, or both. */
export type RulePhase = 'before' | 'after';
/** Structural signals a rule can ask for (see generic.rules for what each means). */
export type StructureKind = 'teaser-grid' | 'link-list';

/** One rule as written in a rule file (or built from a user rule). */
export interface RuleSpec {
  /** Full id, prefixed by its source: "generic/newsletter-signup", "independent.co.uk/day-in-a-page". */
  id: string;
  reason: string;
  action: RuleAction;
  phases: RulePhase[];
  /** Where the rule came from, for messages: a file name and the line the rule starts on. */
  file: string;
  line: number;
  selectors: string[];
  texts: RegExp[];
  headings: RegExp[];
  structures: StructureKind[];
  tags: string[];
  maxWords: number | undefined;
  minWords: number | undefined;
  minItems: number | undefined;
  /** The block's share of words inside links must be at least this (0..1). */
  linkDensity: number | undefined;
}

/** A set of rules that applies to some hosts (an empty `sites` list means every host). */
export interface RuleSet {
  file: string;
  sites: string[];
  rules: RuleSpec[];
}

/** One thing wrong with a rule or a rule file; the rule is skipped, the rest still run. */
export interface RuleProblem {
  file: string;
  line: number;
  ruleId: string | undefined;
  message: string;
}

/** Every shipped rule set: the generic one and one per site, with any problems found loading them. */
export interface Catalogue {
  generic: RuleSet;
  sites: RuleSet[];
  problems: RuleProblem[];
}
