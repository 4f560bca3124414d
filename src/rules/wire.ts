// Rule sets as plain JSON, for the message that brings a page's rules from the background to the content
// script (extension messages carry JSON: a RegExp would arrive as {}). Patterns travel as
// [source, flags]; what arrives is checked field by field, and anything malformed is refused whole.
import type { Catalogue, RuleAction, RulePhase, RuleSet, RuleSpec, StructureKind } from './types';

type WirePattern = [source: string, flags: string];
type WireRule = Omit<RuleSpec, 'texts' | 'headings'> & {
  texts: WirePattern[];
  headings: WirePattern[];
};
interface WireRuleSet {
  file: string;
  sites: string[];
  rules: WireRule[];
}
/** A catalogue as JSON; its `problems` stay with the sender, which reports them where it loads them. */
export interface WireCatalogue {
  generic: WireRuleSet;
  sites: WireRuleSet[];
}

const toWirePattern = (pattern: RegExp): WirePattern => [pattern.source, pattern.flags];

function toWireSet(set: RuleSet): WireRuleSet {
  return {
    file: set.file,
    sites: set.sites,
    rules: set.rules.map((rule) => ({
      ...rule,
      texts: rule.texts.map(toWirePattern),
      headings: rule.headings.map(toWirePattern),
    })),
  };
}

export function catalogueToWire(catalogue: Catalogue): WireCatalogue {
  return { generic: toWireSet(catalogue.generic), sites: catalogue.sites.map(toWireSet) };
}

/** Thrown inside catalogueFromWire only, at the first field that is not what a sender makes. */
class Malformed extends Error {}

const actions: readonly string[] = ['remove', 'keep', 'unwrap'] satisfies RuleAction[];
const phases: readonly string[] = ['before', 'after'] satisfies RulePhase[];
const structures: readonly string[] = ['teaser-grid', 'link-list'] satisfies StructureKind[];

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Malformed();
  return value as Record<string, unknown>;
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Malformed();
  return value;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Malformed();
  return value;
}

function texts(value: unknown): string[] {
  return list(value).map(text);
}

function oneOf<T extends string>(value: unknown, allowed: readonly string[]): T {
  if (!allowed.includes(text(value))) throw new Malformed();
  return value as T;
}

function count(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Malformed();
  return value;
}

/** The flags a rule file may give (parse-rules.ts): never g or y, whose test() keeps state. */
const PATTERN_FLAGS = /^[imsu]*$/;

function patterns(value: unknown): RegExp[] {
  return list(value).map((pattern) => {
    const [source, flags] = list(pattern);
    if (!PATTERN_FLAGS.test(text(flags))) throw new Malformed();
    // A bad pattern throws a SyntaxError: refused like any other malformed field.
    return new RegExp(text(source), text(flags));
  });
}

function ruleFromWire(value: unknown): RuleSpec {
  const rule = record(value);
  return {
    id: text(rule.id),
    reason: text(rule.reason),
    action: oneOf<RuleAction>(rule.action, actions),
    phases: list(rule.phases).map((phase) => oneOf<RulePhase>(phase, phases)),
    file: text(rule.file),
    line: count(rule.line) ?? 0,
    selectors: texts(rule.selectors),
    texts: patterns(rule.texts),
    headings: patterns(rule.headings),
    structures: list(rule.structures).map((kind) => oneOf<StructureKind>(kind, structures)),
    tags: texts(rule.tags),
    maxWords: count(rule.maxWords),
    minWords: count(rule.minWords),
    minItems: count(rule.minItems),
    linkDensity: count(rule.linkDensity),
  };
}

function setFromWire(value: unknown): RuleSet {
  const set = record(value);
  return {
    file: text(set.file),
    sites: texts(set.sites),
    rules: list(set.rules).map(ruleFromWire),
  };
}

/** The catalogue `value` describes, or null when it is not one (then no shipped rule applies). */
export function catalogueFromWire(value: unknown): Catalogue | null {
  try {
    const wire = record(value);
    return {
      generic: setFromWire(wire.generic),
      sites: list(wire.sites).map(setFromWire),
      problems: [],
    };
  } catch (error) {
    if (error instanceof Malformed || error instanceof SyntaxError) return null;
    throw error;
  }
}
