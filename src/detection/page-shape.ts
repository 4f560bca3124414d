// Cheap looks at the page's structure: WordPress listing classes, a search box echoing the query, a
// sign-in form as the page's content, rows of teaser cards. Only tag-name walks and bounded loops:
// nothing reads styles or layout, and no attribute-substring selector scans the whole document.
import { signal, type Signal } from './signal';

/**
 * Body classes that WordPress (and themes copying its conventions) put on listing pages; a single post
 * gets "single" instead. WordPress runs a large share of blogs, so this is a cheap, reliable tell.
 */
const LISTING_BODY_CLASSES = ['blog', 'archive', 'search-results', 'error404'];

/** Input elements looked at for a search box or a password field. */
const MAX_INPUTS = 200;
/** Names search boxes go by; on a results page one of them echoes the query from the address. */
const SEARCH_INPUT_NAMES = new Set([
  'q',
  's',
  'qt',
  'query',
  'search',
  'search_keywords',
  'keywords',
]);

/** Password fields looked at; a sign-in page has one or two. */
const MAX_PASSWORD_INPUTS = 4;
/** How far up from a password field we look for a hidden or page-chrome container. */
const MAX_ANCESTORS = 30;
/** Containers that hold a site-wide sign-in box on every page: menus, pop-ups, dialogs, page chrome. */
const CHROME_TAGS = new Set(['HEADER', 'NAV', 'FOOTER', 'ASIDE', 'DIALOG', 'TEMPLATE']);
const CHROME_NAMES = /modal|popup|pop-up|dropdown|lightbox|overlay|drawer|flyout|header|nav|menu/i;

/** Headings looked at when counting teaser cards; a front page shows its shape well before this. */
const MAX_HEADINGS = 400;
/** This many linked headings in one repeated card shape make a listing (home, section, tag, search). */
const TEASER_CARDS_MIN = 10;

function listingBodyClass(document: Document): string | undefined {
  const classes = document.body?.classList;
  if (classes === undefined || classes.contains('single')) return undefined;
  return LISTING_BODY_CLASSES.find((name) => classes.contains(name));
}

function inputs(document: Document): Element[] {
  const all = document.getElementsByTagName('input');
  const list: Element[] = [];
  const limit = Math.min(all.length, MAX_INPUTS);
  for (let i = 0; i < limit; i++) {
    const input = all[i];
    if (input !== undefined) list.push(input);
  }
  return list;
}

function inputType(input: Element): string {
  return (input.getAttribute('type') ?? 'text').trim().toLowerCase();
}

/** The non-empty values of the address's query string, lower-cased. */
function queryTerms(url: string | undefined): Set<string> {
  const terms = new Set<string>();
  if (url === undefined) return terms;
  try {
    new URL(url).searchParams.forEach((value) => {
      if (value.trim() !== '') terms.add(value.trim().toLowerCase());
    });
  } catch {
    // An unparsable address has no query to echo.
  }
  return terms;
}

/** A results page: a search box pre-filled with a term that is also in the page's query string. */
function echoesSearchQuery(fields: Element[], url: string | undefined): boolean {
  const terms = queryTerms(url);
  if (terms.size === 0) return false;
  return fields.some((input) => {
    const isSearchBox =
      inputType(input) === 'search' ||
      input.getAttribute('role') === 'searchbox' ||
      SEARCH_INPUT_NAMES.has((input.getAttribute('name') ?? '').toLowerCase());
    const value = input.getAttribute('value')?.trim().toLowerCase();
    return isSearchBox && value !== undefined && terms.has(value);
  });
}

/** A sign-in box the page carries everywhere (hidden, or in a menu or pop-up) rather than as its content. */
function isInPageChrome(element: Element): boolean {
  let current: Element | null = element.parentElement;
  for (let depth = 0; current !== null && depth < MAX_ANCESTORS; depth++) {
    if (current.tagName === 'BODY') return false;
    if (CHROME_TAGS.has(current.tagName)) return true;
    if (current.hasAttribute('hidden') || current.getAttribute('aria-hidden') === 'true')
      return true;
    if (/display\s*:\s*none/i.test(current.getAttribute('style') ?? '')) return true;
    if (CHROME_NAMES.test(current.id) || CHROME_NAMES.test(current.getAttribute('class') ?? ''))
      return true;
    current = current.parentElement;
  }
  return false;
}

/** A sign-in form that is the page's own content. */
function hasLoginForm(fields: Element[]): boolean {
  const passwords = fields
    .filter((input) => inputType(input) === 'password')
    .slice(0, MAX_PASSWORD_INPUTS);
  return passwords.some((input) => input.closest('form') !== null && !isInPageChrome(input));
}

/** How far up from a heading a wrapping card link is looked for. */
const MAX_LINK_ANCESTORS = 4;

/** A heading that holds a link to another page, or sits inside one (tag walks: cheaper than selectors). */
function isLinkedHeading(heading: Element): boolean {
  const links = heading.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) if (links[i]?.hasAttribute('href')) return true;
  let current = heading.parentElement;
  for (let depth = 0; current !== null && depth < MAX_LINK_ANCESTORS; depth++) {
    if (current.tagName === 'A') return current.hasAttribute('href');
    current = current.parentElement;
  }
  return false;
}

/** Card shape: the tag and first class of the heading's grandparent, e.g. "div.fc-item__container". */
function cardShape(heading: Element): string {
  const card = heading.parentElement?.parentElement ?? heading.parentElement;
  if (card === null || card === undefined) return heading.tagName;
  const firstClass = card.classList.item(0) ?? '';
  return `${heading.tagName}<${card.tagName}.${firstClass}`;
}

/** The size of the largest group of linked headings that share one card shape. */
export function countTeaserCards(document: Document): number {
  const shapes = new Map<string, number>();
  let largest = 0;
  let seen = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const headings = document.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && seen < MAX_HEADINGS; i++, seen++) {
      const heading = headings[i];
      if (heading === undefined || !isLinkedHeading(heading)) continue;
      const shape = cardShape(heading);
      const count = (shapes.get(shape) ?? 0) + 1;
      shapes.set(shape, count);
      if (count > largest) largest = count;
    }
  }
  return largest;
}

export function pageShapeSignals(document: Document, url: string | undefined): Signal[] {
  const signals: Signal[] = [];
  const bodyClass = listingBodyClass(document);
  if (bodyClass !== undefined) signals.push(signal(`body-class:${bodyClass}`, -3));
  const fields = inputs(document);
  if (echoesSearchQuery(fields, url)) signals.push(signal('search-form-with-results', -4));
  if (hasLoginForm(fields)) signals.push(signal('login-form', -3));
  const cards = countTeaserCards(document);
  if (cards >= TEASER_CARDS_MIN) signals.push(signal(`teaser-cards:${cards}`, -2));
  return signals;
}

/** The least and most these signals can add up to (see scoring.ts). */
export const PAGE_SHAPE_RANGE = { min: -12, max: 0 } as const;
