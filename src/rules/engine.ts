// The rule engine: applies a list of rules to a DOM subtree in one top-down walk, recording removals.
// Every kind of matcher a rule lists must hold; lines of the same kind are alternatives.
import {
  childElements,
  countNodeWordsUpTo,
  hasDescendant,
  HEADING_TAGS,
  linkDensity,
  normaliseSpace,
  sampleOf,
  WordCounts,
} from './dom-text';
import { RemovalGuard } from './guard';
import {
  compileSelectors,
  forgetAttributeReads,
  selectorPrefilter,
  type CompiledSelectors,
  type ElementTest,
} from './simple-selector';
import { matchesStructure } from './structure';
import type { RulePhase, RuleProblem, RuleSpec, StructureKind } from './types';

/** One block a rule removed (the same shape as the extraction result's RemovedBlock). */
export interface Removal {
  ruleId: string;
  sample: string;
}

/** Text rules look at blocks, not at words inside a sentence. */
const DEFAULT_BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'aside', 'li', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'footer', 'nav', 'figure', 'form', 'table', 'center', 'article', 'blockquote',
]); // prettier-ignore
/** A text rule without max-words only looks at blocks this short. */
const DEFAULT_TEXT_MAX_WORDS = 80;
const DEFAULT_MIN_ITEMS = 4;
const MEDIA_TAGS = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'svg',
  'object',
  'embed',
  'canvas',
]);
const HEADING_CLASS = /(^|[\s_-])(title|heading|header|hd)([\s_-]|$)/i;

function isHeadingLike(element: Element): boolean {
  if (HEADING_TAGS.has(element.tagName) || element.getAttribute('role') === 'heading') return true;
  // The class first: reading the words of a large first child is the costly part.
  if (!HEADING_CLASS.test(element.getAttribute('class') ?? '')) return false;
  const words = countNodeWordsUpTo(element, 10);
  return words > 0 && words <= 10;
}

/** The heading a block opens with: its first child, or a wrapper around only that heading. */
export function headingOf(block: Element): Element | undefined {
  const first = block.firstElementChild;
  if (!first) return undefined;
  if (isHeadingLike(first)) return first;
  const inner = first.firstElementChild;
  if (
    inner &&
    isHeadingLike(inner) &&
    normaliseSpace(first.textContent ?? '') === normaliseSpace(inner.textContent ?? '')
  ) {
    return inner;
  }
  return undefined;
}

/** Per-element facts computed at most once while deciding which rule applies. */
class BlockFacts {
  private textValue: string | undefined;
  private headingValue: string | null | undefined;
  private linkDensityValue: number | undefined;
  private structures: Map<string, boolean> | undefined;
  /** The block's words (as WordCounts counts them) once counted, else -1. */
  words = -1;
  /** A capped count passed this many words (-1: none has). */
  private wordsAbove = -1;
  constructor(
    readonly element: Element,
    private readonly wordCounts: WordCounts,
    /** At least the block's words: the count of a block around it (Infinity when none is counted). */
    private readonly wordBound: number,
  ) {}
  get text(): string {
    this.textValue ??= normaliseSpace(this.element.textContent ?? '');
    return this.textValue;
  }
  /**
   * Whether the block has more than `limit` words. Counts only as far as the question needs: a large
   * block is read up to the limit, not to its end, and a block inside a short one is counted from
   * the text that text rules read anyway.
   */
  hasMoreWordsThan(limit: number): boolean {
    if (this.words < 0) {
      if (this.wordBound <= limit) return false;
      if (limit <= this.wordsAbove) return true;
      this.count(limit);
      if (this.words < 0) return true;
    }
    return this.words > limit;
  }
  /**
   * Counts the words, or finds that there are more than `limit`. A first count reads as far as text
   * rules usually ask (DEFAULT_TEXT_MAX_WORDS): they ask it of most blocks.
   */
  private count(limit: number): void {
    // Inside a block counted as short, the text (which text rules read anyway) tells.
    if (this.wordBound <= DEFAULT_TEXT_MAX_WORDS) {
      this.words = this.wordCounts.ofText(this.element, this.text);
      return;
    }
    const cap = Math.max(limit, DEFAULT_TEXT_MAX_WORDS);
    const words = this.wordCounts.upTo(this.element, cap);
    if (words > cap) this.wordsAbove = cap;
    else this.words = words;
  }
  get linkDensity(): number {
    this.linkDensityValue ??= linkDensity(this.element, this.wordCounts);
    return this.linkDensityValue;
  }
  /** matchesStructure, remembered per kind and item count (several rules ask the same). */
  hasStructure(kind: StructureKind, minItems: number): boolean {
    const key = `${kind} ${minItems}`;
    let answer = this.structures?.get(key);
    if (answer === undefined) {
      answer = matchesStructure(this.element, kind, minItems, this.wordCounts);
      (this.structures ??= new Map()).set(key, answer);
    }
    return answer;
  }
  /** The text of the heading the block opens with, or null (several heading rules share it). */
  get headingText(): string | null {
    if (this.headingValue === undefined) {
      const heading = headingOf(this.element);
      this.headingValue = heading ? normaliseSpace(heading.textContent ?? '') : null;
    }
    return this.headingValue;
  }
}

interface Match {
  rule: RuleSpec;
  textMatched: boolean;
}

const compiledByRule = new WeakMap<RuleSpec, CompiledSelectors>();

/** A rule's selectors, compiled once per rule object (rules are built once per rule file). */
function compiledSelectorsOf(rule: RuleSpec): CompiledSelectors {
  let compiled = compiledByRule.get(rule);
  if (!compiled) {
    compiled = compileSelectors(rule.selectors);
    compiledByRule.set(rule, compiled);
  }
  return compiled;
}

/** What the walk knows about an element's selector matches before testing rule by rule. */
interface SelectorContext {
  /** The rules whose non-compiled selectors (querySelectorAll) matched the element. */
  hits: Set<RuleSpec> | undefined;
  /** False when no compiled selector of the plan can match the element (see selectorPrefilter). */
  mayMatch: boolean;
}

function selectorMatches(rule: RuleSpec, element: Element, selectors: SelectorContext): boolean {
  if (selectors.hits?.has(rule)) return true;
  if (!selectors.mayMatch) return false;
  // The walk changes no attributes, and applyRules forgets earlier reads before it starts.
  return compiledSelectorsOf(rule).test?.(element, true) ?? false;
}

/** Whether the block opens with a heading one of the rule's heading patterns match (or it has none). */
function headingMatches(rule: RuleSpec, facts: BlockFacts): boolean {
  if (rule.headings.length === 0) return true;
  const headingText = facts.headingText;
  return headingText !== null && rule.headings.some((pattern) => pattern.test(headingText));
}

/**
 * Whether `rule` holds for the block. The caller already knows the rule looks at this element's tag
 * (see RulePlan); the cheap tests run first, the structural ones last (every test is pure, so
 * their order changes the cost, never the answer).
 */
function ruleMatches(
  rule: RuleSpec,
  facts: BlockFacts,
  selectors: SelectorContext,
): Match | undefined {
  const element = facts.element;
  if (rule.selectors.length > 0 && !selectorMatches(rule, element, selectors)) return undefined;
  // Word limits are a compare once the block is counted; before that, a heading (a child or two to
  // read) costs less than counting a large block up to a heading rule's limit.
  const headingsFirst = facts.words < 0;
  if (headingsFirst && !headingMatches(rule, facts)) return undefined;
  const maxWords = rule.maxWords ?? (rule.texts.length > 0 ? DEFAULT_TEXT_MAX_WORDS : undefined);
  if (maxWords !== undefined && facts.hasMoreWordsThan(maxWords)) return undefined;
  if (rule.minWords !== undefined && !facts.hasMoreWordsThan(rule.minWords - 1)) return undefined;
  if (!headingsFirst && !headingMatches(rule, facts)) return undefined;
  if (rule.texts.length > 0 && !rule.texts.some((pattern) => pattern.test(facts.text))) {
    return undefined;
  }
  if (rule.linkDensity !== undefined && facts.linkDensity < rule.linkDensity) return undefined;
  const minItems = rule.minItems ?? DEFAULT_MIN_ITEMS;
  if (!rule.structures.every((kind) => facts.hasStructure(kind, minItems))) return undefined;
  return { rule, textMatched: rule.texts.length > 0 };
}

/** The rules that look at one tag, in priority order. */
interface TagRules {
  all: RuleSpec[];
  /** Those without selectors: all that can hold for an element no selector can match. */
  withoutSelectors: RuleSpec[];
}

/** The rules of one phase, in priority order, indexed by the element tags they look at. */
interface RulePlan {
  ordered: RuleSpec[];
  /** For each tag some rule names (or a default block tag): the rules that look at that tag. */
  byTag: Map<string, TagRules>;
  /** For any other tag: the rules with selectors and no tag list (their selectors decide). */
  otherTags: TagRules;
  /** Whether any compiled selector of these rules could match an element. */
  selectorsMayMatch: ElementTest;
}

/** Whether `rule` looks at elements with the (lower-case) `tag` at all. */
function looksAtTag(rule: RuleSpec, tag: string): boolean {
  if (rule.tags.length > 0) return rule.tags.includes(tag);
  return rule.selectors.length > 0 || DEFAULT_BLOCK_TAGS.has(tag);
}

function tagRules(rules: RuleSpec[]): TagRules {
  return { all: rules, withoutSelectors: rules.filter((rule) => rule.selectors.length === 0) };
}

function buildPlan(rules: readonly RuleSpec[], phase: RulePhase): RulePlan {
  const active = rules.filter((rule) => rule.phases.includes(phase));
  // Keep rules first: a kept block is decided before any other rule looks at it.
  const ordered = [
    ...active.filter((rule) => rule.action === 'keep'),
    ...active.filter((rule) => rule.action !== 'keep'),
  ];
  const tags = new Set([...DEFAULT_BLOCK_TAGS, ...ordered.flatMap((rule) => rule.tags)]);
  const byTag = new Map<string, TagRules>();
  for (const tag of tags) byTag.set(tag, tagRules(ordered.filter((rule) => looksAtTag(rule, tag))));
  return {
    ordered,
    byTag,
    otherTags: tagRules(
      ordered.filter((rule) => rule.tags.length === 0 && rule.selectors.length > 0),
    ),
    selectorsMayMatch: selectorPrefilter(
      ordered.flatMap((rule) => compiledSelectorsOf(rule).requirements),
    ),
  };
}

const plansByRules = new WeakMap<readonly RuleSpec[], Map<RulePhase, RulePlan>>();

/** The plan for `rules` in `phase`, built once per rule list (rulesForPage hands out the same list). */
function planFor(rules: readonly RuleSpec[], phase: RulePhase): RulePlan {
  let plans = plansByRules.get(rules);
  if (!plans) {
    plans = new Map();
    plansByRules.set(rules, plans);
  }
  let plan = plans.get(phase);
  if (!plan) {
    plan = buildPlan(rules, phase);
    plans.set(phase, plan);
  }
  return plan;
}

/**
 * Pushes the element children of `parent` so that the first child is popped first, each with
 * `wordBound`, at least its words (the count of a block around it).
 */
function pushChildren(
  stack: Element[],
  wordBounds: number[],
  parent: Element,
  wordBound: number,
): void {
  for (let child = parent.lastElementChild; child; child = child.previousElementSibling) {
    stack.push(child);
    wordBounds.push(wordBound);
  }
}

const selectorValidity = new Map<string, string | null>();

/** Checks a selector against the DOM implementation at hand; returns the error message or null. */
function selectorError(selector: string, document: Document): string | null {
  let result = selectorValidity.get(selector);
  if (result === undefined) {
    try {
      document.createDocumentFragment().querySelector(selector);
      result = null;
    } catch (error) {
      result = error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid') : String(error);
    }
    selectorValidity.set(selector, result);
  }
  return result;
}

/** Splits rules into usable ones and problems (bad CSS selectors), for the given DOM implementation. */
export function checkSelectors(
  rules: readonly RuleSpec[],
  document: Document,
): { usable: RuleSpec[]; problems: RuleProblem[] } {
  const usable: RuleSpec[] = [];
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    const bad = rule.selectors.find((selector) => selectorError(selector, document) !== null);
    if (bad === undefined) usable.push(rule);
    else {
      problems.push({
        file: rule.file,
        line: rule.line,
        ruleId: rule.id,
        message: `bad CSS selector "${bad}": ${selectorError(bad, document)}`,
      });
    }
  }
  return { usable, problems };
}

export interface ApplyOptions {
  phase: RulePhase;
  /** Text that must survive (e.g. the page title): a heading holding it is never collapsed. */
  title?: string;
  /**
   * 'around-main-text' limits the walk to the likely article container and its parent's other
   * children: junk there is what fools Readability, while removals elsewhere on the page only shift
   * Readability's choice of container (sometimes onto a worse one). Default: the whole root.
   */
  scope?: 'all' | 'around-main-text';
  /** Called once per element the walk visits: a time budget's check, which may throw to stop it. */
  tick?: () => void;
}

/**
 * Applies `rules` (already filtered for the phase, in priority order) under `root`, which itself is
 * never touched. Removes, unwraps or keeps blocks; returns what was removed, in document order.
 */
export function applyRules(
  root: Element,
  rules: readonly RuleSpec[],
  options: ApplyOptions,
): Removal[] {
  const removals: Removal[] = [];
  const plan = planFor(rules, options.phase);
  const ordered = plan.ordered;
  if (ordered.length === 0) return removals;

  // Simple selectors (class, id, attribute, tag) are tested on each element during the walk; the
  // rest are matched once per rule with querySelectorAll, and the walk looks those hits up.
  const selectorHits = new Map<Element, Set<RuleSpec>>();
  for (const rule of ordered) {
    const remaining = compiledSelectorsOf(rule).remaining;
    if (remaining === undefined) continue;
    for (const element of Array.from(root.querySelectorAll(remaining))) {
      const hits = selectorHits.get(element) ?? new Set<RuleSpec>();
      hits.add(rule);
      selectorHits.set(element, hits);
    }
  }

  const wordCounts = new WordCounts();
  const guard = new RemovalGuard(root, wordCounts);
  const title = normaliseSpace(options.title ?? '').toLowerCase();
  const main = guard.mainContainer;
  const scopeRoot =
    options.scope === 'around-main-text' && main ? (main.parentElement ?? root) : root;
  const stack: Element[] = [];
  const wordBounds: number[] = [];
  pushChildren(stack, wordBounds, scopeRoot, Infinity);
  const tick = options.tick;
  forgetAttributeReads();
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    // Within a block counted as n words, every element has at most n.
    const wordBound = wordBounds.pop() as number;
    if (!element.parentNode) continue;
    tick?.();
    const hits = selectorHits.get(element);
    const mayMatch = plan.selectorsMayMatch(element);
    const rulesForTag = plan.byTag.get(element.localName) ?? plan.otherTags;
    // A rule with selectors holds only where one of them matches (see selectorMatches).
    const candidates =
      hits !== undefined || mayMatch ? rulesForTag.all : rulesForTag.withoutSelectors;
    if (candidates.length === 0) {
      pushChildren(stack, wordBounds, element, wordBound);
      continue;
    }
    const facts = new BlockFacts(element, wordCounts, wordBound);
    const selectors = { hits, mayMatch };
    let decided = false;
    for (const rule of candidates) {
      const match = ruleMatches(rule, facts, selectors);
      if (!match) continue;
      if (rule.action === 'keep') {
        decided = true;
        break;
      }
      if (rule.action === 'unwrap') {
        if (guard.isProtected(element)) continue;
        const children = childElements(element);
        element.replaceWith(...Array.from(element.childNodes));
        for (const child of children.reverse()) {
          stack.push(child);
          wordBounds.push(wordBound);
        }
        decided = true;
        break;
      }
      if (!guard.allowsRemoval(element, match.textMatched)) continue;
      const parent = element.parentElement;
      removals.push({ ruleId: rule.id, sample: sampleOf(element) });
      element.remove();
      if (parent) collapseEmptied(parent, root, guard, rule, title, removals);
      decided = true;
      break;
    }
    if (!decided)
      pushChildren(stack, wordBounds, element, facts.words >= 0 ? facts.words : wordBound);
  }
  return removals;
}

function hasMedia(element: Element): boolean {
  return hasDescendant(element, (descendant) => MEDIA_TAGS.has(descendant.localName));
}

const isH1 = (element: Element): boolean => element.localName === 'h1';

/** What is left of a block once a rule removed its content: nothing, or only its heading(s). */
function leftover(element: Element, title: string): 'empty' | 'heading-only' | 'content' {
  // Counted first and capped: the ancestors of a removed block are often large (the whole page).
  const words = countNodeWordsUpTo(element, 12);
  if (words > 12) return 'content';
  const text = normaliseSpace(element.textContent ?? '');
  if (text === '') return hasMedia(element) ? 'content' : 'empty';
  if (element.localName === 'header' || hasDescendant(element, isH1) || hasMedia(element))
    return 'content';
  if (title !== '' && words >= 3 && title.includes(text.toLowerCase())) return 'content';
  const children = Array.from(element.children);
  const ownText = Array.from(element.childNodes).some(
    (node) => node.nodeType === 3 && normaliseSpace(node.textContent ?? '') !== '',
  );
  if (ownText || children.length === 0) return 'content';
  const textual = children.filter((child) => normaliseSpace(child.textContent ?? '') !== '');
  return textual.every(isHeadingLike) ? 'heading-only' : 'content';
}

/** Removes ancestors a removal left empty or holding only a heading (e.g. "iJobs Job Widget"). */
function collapseEmptied(
  start: Element,
  root: Element,
  guard: RemovalGuard,
  rule: RuleSpec,
  title: string,
  removals: Removal[],
): void {
  let element: Element | null = start;
  while (element && element !== root && root.contains(element) && !guard.isProtected(element)) {
    const state = leftover(element, title);
    if (state === 'content') return;
    const parent: Element | null = element.parentElement;
    if (state === 'heading-only') removals.push({ ruleId: rule.id, sample: sampleOf(element) });
    element.remove();
    element = parent;
  }
}
