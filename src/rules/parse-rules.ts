// Parser for *.rules files (the format is documented at the top of generic.rules). Pure: text in,
// rules + problems out. A malformed rule is reported and left out; the parser itself never throws.
import type { RuleAction, RulePhase, RuleProblem, RuleSet, RuleSpec, StructureKind } from './types';

export interface ParseOptions {
  /** Shown in messages, e.g. "src/rules/generic.rules". */
  file: string;
  /** Prepended to each rule's id: "generic" gives "generic/newsletter-signup". */
  idPrefix: string;
  /** Whether the file must name its sites with a `site:` line (site files do, generic.rules does not). */
  requireSite?: boolean;
}

export interface ParseResult {
  ruleSet: RuleSet;
  problems: RuleProblem[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;
const ACTIONS: readonly RuleAction[] = ['remove', 'keep', 'unwrap'];
const STRUCTURES: readonly StructureKind[] = ['teaser-grid', 'link-list'];
const REGEX_FLAGS = /^[imsu]*$/;
const KNOWN_KEYS = [
  'reason',
  'action',
  'phase',
  'selector',
  'text',
  'heading',
  'structure',
  'tags',
  'max-words',
  'min-words',
  'min-items',
  'link-density',
] as const;
type RuleKey = (typeof KNOWN_KEYS)[number];

/** A rule while its lines are read; checked and frozen into a RuleSpec at its end. */
interface DraftRule {
  localId: string;
  line: number;
  fields: Map<RuleKey, { value: string; line: number }[]>;
  problems: RuleProblem[];
}

function isKnownKey(key: string): key is RuleKey {
  return (KNOWN_KEYS as readonly string[]).includes(key);
}

/** Reads `/pattern/flags` as a RegExp, or plain text as a whole-text, case-insensitive match. */
export function parsePattern(value: string): RegExp {
  const slashed = /^\/(.+)\/([a-z]*)$/s.exec(value);
  if (slashed) {
    const [, source, flags] = slashed as unknown as [string, string, string];
    if (!REGEX_FLAGS.test(flags)) {
      throw new Error(`regex flags "${flags}" are not allowed (use i, m, s, u)`);
    }
    return new RegExp(source, flags);
  }
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`^${escaped}$`, 'i');
}

function parseCount(value: string, key: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new Error(`${key} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

function parsePhases(value: string): RulePhase[] {
  const words = value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const phases = new Set<RulePhase>();
  for (const word of words) {
    if (word === 'both') {
      phases.add('before').add('after');
    } else if (word === 'before' || word === 'after') {
      phases.add(word);
    } else {
      throw new Error(`phase must be "before", "after" or "both", got "${value}"`);
    }
  }
  if (phases.size === 0) throw new Error('phase is empty');
  return [...phases];
}

function finishRule(draft: DraftRule, options: ParseOptions): RuleSpec | RuleProblem[] {
  const id = `${options.idPrefix}/${draft.localId}`;
  const problems = [...draft.problems];
  const problem = (message: string, line = draft.line): void => {
    problems.push({ file: options.file, line, ruleId: id, message });
  };
  const all = (key: RuleKey) => draft.fields.get(key) ?? [];
  const single = (key: RuleKey): { value: string; line: number } | undefined => {
    const entries = all(key);
    if (entries.length > 1) problem(`"${key}" is given more than once`, entries[1]?.line);
    return entries[0];
  };

  const reason = single('reason');
  if (!reason || reason.value === '') problem('missing "reason:" (one line saying why)');
  const actionEntry = single('action');
  let action: RuleAction = 'remove';
  if (!actionEntry) problem('missing "action:" (remove, keep or unwrap)');
  else if (!(ACTIONS as readonly string[]).includes(actionEntry.value)) {
    problem(`action must be remove, keep or unwrap, got "${actionEntry.value}"`, actionEntry.line);
  } else action = actionEntry.value as RuleAction;

  let phases: RulePhase[] = [];
  const phaseEntry = single('phase');
  if (!phaseEntry) problem('missing "phase:" (before, after or both)');
  else {
    try {
      phases = parsePhases(phaseEntry.value);
    } catch (error) {
      problem((error as Error).message, phaseEntry.line);
    }
  }

  const patterns = (key: 'text' | 'heading'): RegExp[] =>
    all(key).flatMap(({ value, line }) => {
      try {
        return [parsePattern(value)];
      } catch (error) {
        problem(`bad ${key} pattern ${value}: ${(error as Error).message}`, line);
        return [];
      }
    });
  const texts = patterns('text');
  const headings = patterns('heading');

  const structures = all('structure').flatMap(({ value, line }) => {
    if ((STRUCTURES as readonly string[]).includes(value)) return [value as StructureKind];
    problem(`structure must be one of ${STRUCTURES.join(', ')}, got "${value}"`, line);
    return [];
  });

  const number = (key: 'max-words' | 'min-words' | 'min-items', min: number) => {
    const entry = single(key);
    if (!entry) return undefined;
    try {
      return parseCount(entry.value, key, min);
    } catch (error) {
      problem((error as Error).message, entry.line);
      return undefined;
    }
  };
  const maxWords = number('max-words', 1);
  const minWords = number('min-words', 0);
  const minItems = number('min-items', 2);

  let linkDensity: number | undefined;
  const densityEntry = single('link-density');
  if (densityEntry) {
    const value = Number(densityEntry.value);
    if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(densityEntry.value) || Number.isNaN(value)) {
      problem(`link-density must be a number from 0 to 1, got "${densityEntry.value}"`);
    } else linkDensity = value;
  }

  const tags = all('tags').flatMap(({ value, line }) =>
    value
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .filter((tag) => {
        if (/^[a-z][a-z0-9-]*$/.test(tag)) return true;
        problem(`"${tag}" is not a tag name`, line);
        return false;
      }),
  );

  const selectors = all('selector').map(({ value }) => value);
  if (selectors.length + texts.length + headings.length + structures.length === 0) {
    problem('needs at least one matcher: selector, text, heading or structure');
  }
  if (problems.length > 0) return problems;
  return {
    id,
    reason: reason?.value ?? '',
    action,
    phases,
    file: options.file,
    line: draft.line,
    selectors,
    texts,
    headings,
    structures,
    tags,
    maxWords,
    minWords,
    minItems,
    linkDensity,
  };
}

/** Parses one rule file. Never throws: malformed rules come back in `problems`, the rest in `ruleSet`. */
export function parseRules(text: string, options: ParseOptions): ParseResult {
  const problems: RuleProblem[] = [];
  const rules: RuleSpec[] = [];
  const sites: string[] = [];
  const seenIds = new Set<string>();
  let draft: DraftRule | undefined;
  let skippingBadHeader = false;

  const close = () => {
    if (!draft) return;
    const result = finishRule(draft, options);
    if (Array.isArray(result)) problems.push(...result);
    else rules.push(result);
    draft = undefined;
  };

  const lines = String(text).split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;

    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      close();
      const localId = (header[1] ?? '').trim();
      const fullId = `${options.idPrefix}/${localId}`;
      if (!ID_PATTERN.test(localId)) {
        problems.push({
          file: options.file,
          line,
          ruleId: localId || undefined,
          message: `rule id "${localId}" must be lower-case letters, digits and dashes`,
        });
        skippingBadHeader = true;
        return;
      }
      if (seenIds.has(fullId)) {
        problems.push({ file: options.file, line, ruleId: fullId, message: 'duplicate rule id' });
        skippingBadHeader = true;
        return;
      }
      seenIds.add(fullId);
      skippingBadHeader = false;
      draft = { localId, line, fields: new Map(), problems: [] };
      return;
    }

    const field = /^([a-z-]+)\s*:\s*(.*)$/i.exec(trimmed);
    if (skippingBadHeader) return; // lines of a rule already reported as malformed
    if (!field) {
      problems.push({
        file: options.file,
        line,
        ruleId: draft ? `${options.idPrefix}/${draft.localId}` : undefined,
        message: `cannot read "${trimmed.slice(0, 60)}": expected "key: value", "[rule-id]" or "# comment"`,
      });
      if (draft) draft.problems.push(problems.pop() as RuleProblem);
      return;
    }
    const key = (field[1] ?? '').toLowerCase();
    const value = (field[2] ?? '').trim();
    if (!draft) {
      if (key === 'site') {
        for (const site of value
          .toLowerCase()
          .split(/[\s,]+/)
          .filter(Boolean)) {
          if (HOST_PATTERN.test(site)) sites.push(site);
          else {
            problems.push({
              file: options.file,
              line,
              ruleId: undefined,
              message: `"${site}" is not a host name`,
            });
          }
        }
      } else {
        problems.push({
          file: options.file,
          line,
          ruleId: undefined,
          message: `"${key}:" outside a rule: start a rule with "[rule-id]"`,
        });
      }
      return;
    }
    if (!isKnownKey(key)) {
      draft.problems.push({
        file: options.file,
        line,
        ruleId: `${options.idPrefix}/${draft.localId}`,
        message: `unknown key "${key}" (known: ${KNOWN_KEYS.join(', ')})`,
      });
      return;
    }
    const entries = draft.fields.get(key) ?? [];
    entries.push({ value, line });
    draft.fields.set(key, entries);
  });
  close();

  if (options.requireSite && sites.length === 0) {
    problems.push({
      file: options.file,
      line: 1,
      ruleId: undefined,
      message: 'a site rule file must start with "site: example.com"',
    });
  }
  return { ruleSet: { file: options.file, sites, rules }, problems };
}
