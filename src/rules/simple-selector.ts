// Compiles the simple selector forms rule files use ("div", ".x", "#x", "[class*="x" i]",
// "[class~="x"]", "[data-ad]", "a[href^="javascript:" i]", and compounds of these) into plain
// functions over one element. jsdom's selector engine runs case-insensitive substring attribute
// selectors slowly over a whole document; checking an element's own attributes during the rule walk
// is the same answer at a fraction of the cost. Anything else (combinators, pseudo-classes, escapes)
// is not compiled and stays with querySelectorAll.

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

function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
}

/**
 * One element's attribute values (as read and ASCII-lower-cased) while selector lists are tested on
 * it: rules name the same attributes many times ([class*="a" i], [class*="b" i], ...). Kept across
 * the lists tested on one element (see CompiledSelectors.test), cleared when another element comes.
 */
const attributeMemo = {
  element: undefined as Element | undefined,
  raw: new Map<string, string | null>(),
  lower: new Map<string, string | null>(),
  clear(): void {
    this.element = undefined;
    this.raw.clear();
    this.lower.clear();
  },
  read(element: Element, name: string, lower: boolean): string | null {
    if (this.element !== element) this.clear();
    this.element = element;
    const values = lower ? this.lower : this.raw;
    let value = values.get(name);
    if (value === undefined) {
      const raw = element.getAttribute(name);
      value = raw !== null && lower ? asciiLower(raw) : raw;
      values.set(name, value);
    }
    return value;
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

/** One compound selector ("a.x[href]"), or undefined when it uses anything beyond the simple forms. */
export function compileCompound(selector: string): ElementTest | undefined {
  const test = compileCompoundInList(selector);
  if (!test) return undefined;
  return (element) => {
    attributeMemo.clear();
    return test(element);
  };
}

/** compileCompound for use inside a selector list's test, which clears the attribute memo itself. */
function compileCompoundInList(selector: string): ElementTest | undefined {
  let rest = selector.trim();
  if (rest === '') return undefined;
  const tests: ElementTest[] = [];
  const tag = TAG.exec(rest);
  if (tag) {
    if (tag[1] !== '*') tests.push(tagTest(tag[1] as string));
    rest = rest.slice(tag[0].length);
  }
  while (rest !== '') {
    const simple = CLASS_OR_ID.exec(rest);
    if (simple) {
      const name = simple[2] as string;
      tests.push(simple[1] === '.' ? classTest(name) : idTest(name));
      rest = rest.slice(simple[0].length);
      continue;
    }
    const attribute = ATTRIBUTE.exec(rest);
    if (attribute) {
      const [, name, op, double, single, bare, flag] = attribute;
      tests.push(
        attributeTest(asciiLower(name as string), op, double ?? single ?? bare ?? '', flag),
      );
      rest = rest.slice(attribute[0].length);
      continue;
    }
    return undefined;
  }
  if (tests.length === 0) return () => true;
  return (element) => tests.every((test) => test(element));
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
  remaining: string | undefined;
}

/** Drops the remembered attribute values (call before tests that pass attributesUnchanged). */
export function forgetAttributeReads(): void {
  attributeMemo.clear();
}

export function compileSelectors(selectors: readonly string[]): CompiledSelectors {
  const tests: ElementTest[] = [];
  const remaining: string[] = [];
  for (const selector of selectors) {
    const parts = splitSelectorList(selector);
    if (!parts) {
      remaining.push(selector);
      continue;
    }
    for (const part of parts) {
      const test = compileCompoundInList(part);
      if (test) tests.push(test);
      else remaining.push(part.trim());
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
    remaining: remaining.length === 0 ? undefined : remaining.join(', '),
  };
}
