// Compiles the simple selector forms rule files use ("div", ".x", "#x", "[class*="x" i]",
// "[class~="x"]", "[data-ad]", "a[href^="javascript:" i]", and compounds of these) into plain
// functions over one element. jsdom's selector engine runs case-insensitive substring attribute
// selectors slowly over a whole document; checking an element's own attributes during the rule walk
// is the same answer at a fraction of the cost. Anything else (combinators, pseudo-classes, escapes)
// is not compiled and stays with querySelectorAll.
import { asciiLower } from './dom-text';

export type ElementTest = (element: Element) => boolean;

const XHTML = 'http://www.w3.org/1999/xhtml';
const IDENT = '-?[_a-zA-Z][-_a-zA-Z0-9]*';
const TAG = new RegExp(`^(${IDENT}|\\*)`);
const CLASS_OR_ID = new RegExp(`^([.#])(${IDENT})`);
// [name], [name op "value"], [name op 'value'], optional i flag; values without quotes or escapes.
const ATTRIBUTE = new RegExp(
  `^\\[\\s*(${IDENT})\\s*(?:([*~^$|]?=)\\s*(?:"([^"\\\\]*)"|'([^'\\\\]*)'|(${IDENT}))\\s*(i|s)?\\s*)?\\]`,
);
const ASCII_WHITESPACE = /[\t\n\f\r ]+/;

interface AttributeRead {
  element: Element | undefined;
  generation: number;
  raw: string | null;
  /** The value ASCII-lower-cased, once asked for (undefined until then). */
  lower: string | null | undefined;
}

/**
 * One element's attribute values (as read, and ASCII-lower-cased) while selector lists are tested on
 * it: rules name the same attributes many times ([class*="a" i], [class*="b" i], ...). An entry per
 * attribute name holds the last element read; clear() only bumps a generation, since it runs once per
 * element of a walk.
 */
const attributeMemo = {
  generation: 0,
  reads: new Map<string, AttributeRead>(),
  clear(): void {
    this.generation++;
  },
  read(element: Element, name: string, lower: boolean): string | null {
    let entry = this.reads.get(name);
    if (!entry) {
      entry = { element: undefined, generation: -1, raw: null, lower: undefined };
      this.reads.set(name, entry);
    }
    if (entry.element !== element || entry.generation !== this.generation) {
      entry.element = element;
      entry.generation = this.generation;
      entry.raw = element.getAttribute(name);
      entry.lower = undefined;
    }
    if (!lower) return entry.raw;
    if (entry.lower === undefined) entry.lower = entry.raw === null ? null : asciiLower(entry.raw);
    return entry.lower;
  },
};

function attributeTest(
  name: string,
  op: string | undefined,
  raw: string,
  flag: string | undefined,
) {
  const ignoreCase = flag === 'i';
  const value = ignoreCase ? asciiLower(raw) : raw;
  const compare = (subject: string): boolean => {
    switch (op) {
      case '=':
        return subject === value;
      case '*=':
        return value !== '' && subject.includes(value);
      case '^=':
        return value !== '' && subject.startsWith(value);
      case '$=':
        return value !== '' && subject.endsWith(value);
      case '~=':
        return (
          value !== '' &&
          !ASCII_WHITESPACE.test(value) &&
          subject.split(ASCII_WHITESPACE).includes(value)
        );
      case '|=':
        return subject === value || subject.startsWith(`${value}-`);
      default:
        return true;
    }
  };
  return (element: Element): boolean => {
    const actual = attributeMemo.read(element, name, ignoreCase);
    return actual !== null && compare(actual);
  };
}

/** Class and id selectors are case-insensitive in quirks-mode documents (jsdom ignores this for ids). */
function isQuirks(element: Element): boolean {
  return element.ownerDocument.compatMode === 'BackCompat';
}

function classTest(name: string): ElementTest {
  const lower = asciiLower(name);
  return (element) => {
    const value = element.getAttribute('class');
    if (value === null) return false;
    const classes = value.split(ASCII_WHITESPACE);
    if (!isQuirks(element)) return classes.includes(name);
    return classes.some((c) => asciiLower(c) === lower);
  };
}

function idTest(name: string): ElementTest {
  const lower = asciiLower(name);
  return (element) => {
    const value = element.getAttribute('id');
    if (value === null) return false;
    return isQuirks(element) ? asciiLower(value) === lower : value === name;
  };
}

function tagTest(tag: string): ElementTest {
  const lower = asciiLower(tag);
  return (element) =>
    element.namespaceURI === XHTML ? element.localName === lower : element.localName === tag;
}

/**
 * A condition every element that a compound selector matches meets, cheap to test for many selectors
 * at once (see selectorPrefilter): its tag, an attribute's presence, or an attribute whose ASCII-lower-
 * cased value contains `value` ("a.x[href]" needs a class containing "x"). 'any' for "*".
 */
export type Requirement =
  | { kind: 'any' }
  | { kind: 'tag'; names: readonly string[] }
  | { kind: 'attribute'; name: string }
  | { kind: 'substring'; name: string; value: string };

interface CompiledCompound {
  test: ElementTest;
  requirement: Requirement;
}

/** One compound selector ("a.x[href]"), or undefined when it uses anything beyond the simple forms. */
export function compileCompound(selector: string): ElementTest | undefined {
  const compiled = compileCompoundInList(selector);
  if (!compiled) return undefined;
  return (element) => {
    attributeMemo.clear();
    return compiled.test(element);
  };
}

/** compileCompound for use inside a selector list's test, which clears the attribute memo itself. */
function compileCompoundInList(selector: string): CompiledCompound | undefined {
  let rest = selector.trim();
  if (rest === '') return undefined;
  const tests: ElementTest[] = [];
  // The most telling requirement found: a substring, else an attribute's presence, else the tag.
  let substring: Requirement | undefined;
  let presence: Requirement | undefined;
  let tagRequirement: Requirement | undefined;
  const tag = TAG.exec(rest);
  if (tag) {
    const name = tag[1] as string;
    if (name !== '*') {
      tests.push(tagTest(name));
      tagRequirement = { kind: 'tag', names: [name, asciiLower(name)] };
    }
    rest = rest.slice(tag[0].length);
  }
  while (rest !== '') {
    const simple = CLASS_OR_ID.exec(rest);
    if (simple) {
      const name = simple[2] as string;
      const isClass = simple[1] === '.';
      tests.push(isClass ? classTest(name) : idTest(name));
      substring ??= { kind: 'substring', name: isClass ? 'class' : 'id', value: asciiLower(name) };
      rest = rest.slice(simple[0].length);
      continue;
    }
    const attribute = ATTRIBUTE.exec(rest);
    if (attribute) {
      const [, rawName, op, double, single, bare, flag] = attribute;
      const name = asciiLower(rawName as string);
      const value = double ?? single ?? bare ?? '';
      tests.push(attributeTest(name, op, value, flag));
      if (op === undefined || value === '') presence ??= { kind: 'attribute', name };
      else substring ??= { kind: 'substring', name, value: asciiLower(value) };
      rest = rest.slice(attribute[0].length);
      continue;
    }
    return undefined;
  }
  const requirement = substring ?? presence ?? tagRequirement ?? { kind: 'any' };
  if (tests.length === 0) return { test: () => true, requirement };
  return { test: (element) => tests.every((test) => test(element)), requirement };
}

/**
 * Splits a selector list on its top-level commas (not inside brackets, parentheses or quotes). Returns
 * undefined when the list is malformed enough that splitting is unsafe (unbalanced, or escapes).
 */
export function splitSelectorList(list: string): string[] | undefined {
  if (list.includes('\\')) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  parts.push(list.slice(start));
  return parts;
}

/** A rule's selectors: the compiled part as one test, and the rest for querySelectorAll (or undefined). */
export interface CompiledSelectors {
  /**
   * Whether the element matches one of the compiled selectors. Pass `attributesUnchanged` when no
   * attribute of the element changed since the last test on it (and forgetAttributeReads was called
   * after any change): the attribute values already read are reused across rules.
   */
  test: ((element: Element, attributesUnchanged?: boolean) => boolean) | undefined;
  /** What an element needs for `test` to hold: one requirement per compiled compound selector. */
  requirements: Requirement[];
  remaining: string | undefined;
}

/** Drops the remembered attribute values (call before tests that pass attributesUnchanged). */
export function forgetAttributeReads(): void {
  attributeMemo.clear();
}

export function compileSelectors(selectors: readonly string[]): CompiledSelectors {
  const tests: ElementTest[] = [];
  const remaining: string[] = [];
  const requirements: Requirement[] = [];
  for (const selector of selectors) {
    const parts = splitSelectorList(selector);
    if (!parts) {
      remaining.push(selector);
      continue;
    }
    for (const part of parts) {
      const compiled = compileCompoundInList(part);
      if (compiled) {
        tests.push(compiled.test);
        requirements.push(compiled.requirement);
      } else remaining.push(part.trim());
    }
  }
  return {
    test:
      tests.length === 0
        ? undefined
        : (element, attributesUnchanged = false) => {
            if (!attributesUnchanged) attributeMemo.clear();
            return tests.some((test) => test(element));
          },
    requirements,
    remaining: remaining.length === 0 ? undefined : remaining.join(', '),
  };
}

const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * A quick test that is true for every element some of the selectors (compiled with these
 * requirements) could match, and false for most others: one tag lookup, a few attribute presence
 * checks and one pattern per attribute, instead of each rule's tests in turn. The patterns ignore case
 * as regular expressions do (a little wider than ASCII lower case, which only lets more elements
 * through): the value needs no lower-casing, and most elements fail here, so no memo either.
 */
export function selectorPrefilter(requirements: readonly Requirement[]): ElementTest {
  const tags = new Set<string>();
  const present = new Set<string>();
  const needles = new Map<string, Set<string>>();
  for (const requirement of requirements) {
    switch (requirement.kind) {
      case 'any':
        return () => true;
      case 'tag':
        requirement.names.forEach((name) => tags.add(name));
        break;
      case 'attribute':
        present.add(requirement.name);
        break;
      case 'substring': {
        const values = needles.get(requirement.name) ?? new Set<string>();
        values.add(requirement.value);
        needles.set(requirement.name, values);
        break;
      }
    }
  }
  const patterns = new Map(
    [...needles].map(([name, values]) => [
      name,
      new RegExp([...values].map((value) => value.replace(REGEXP_SPECIAL, '\\$&')).join('|'), 'i'),
    ]),
  );
  return (element) => {
    if (tags.has(element.localName)) return true;
    // Most elements of a page have no attributes at all: nothing more to read then.
    if (!element.hasAttributes()) return false;
    // The element's own attribute names, read once, rather than asking for each name a rule uses.
    for (const name of element.getAttributeNames()) {
      if (present.has(name)) return true;
      const pattern = patterns.get(name);
      if (pattern !== undefined && pattern.test(element.getAttribute(name) ?? '')) return true;
    }
    return false;
  };
}
