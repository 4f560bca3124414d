// Reads the page's JSON-LD blocks and says what kind of page they describe.
// Only page-level nodes count: top-level objects, arrays, @graph members and a WebPage's mainEntity.
// Items inside an ItemList (a section front listing its NewsArticles) are deliberately not visited.
import { signal, type Signal } from './signal';

/** schema.org types whose presence as the page's own entity means "this page is an article". */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'blogposting',
  'techarticle',
  'scholarlyarticle',
  'report',
]);

/** Page types that describe something other than a single article (when no article type is present). */
const NON_ARTICLE_TYPES = new Map([
  ['collectionpage', 'CollectionPage'],
  ['searchresultspage', 'SearchResultsPage'],
  ['itemlist', 'ItemList'],
  ['profilepage', 'ProfilePage'],
  ['imagegallery', 'ImageGallery'],
  ['mediagallery', 'MediaGallery'],
  ['videogallery', 'VideoGallery'],
  ['videoobject', 'VideoObject'],
  ['liveblogposting', 'LiveBlogPosting'],
  ['webpage', 'WebPage'],
]);

/** Bounds so a page stuffed with structured data cannot make the detector slow. */
const MAX_SCRIPTS = 12;
/** Script elements looked at in search of JSON-LD (pages with hundreds of scripts exist). */
const MAX_SCRIPTS_SEEN = 400;
const MAX_SCRIPT_CHARS = 200_000;
const MAX_NODES = 200;
/** Page-level nodes sit at most a few levels down (array > @graph > mainEntity); stop well after that. */
const MAX_DEPTH = 8;

/** Several distinct top-level articles on one page means a listing, not an article. */
const LISTING_ARTICLE_COUNT = 3;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "NewsArticle", ["NewsArticle"], "schema:NewsArticle", "https://schema.org/NewsArticle" -> ["newsarticle"]. */
function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => (t.split(/[/:#]/).pop() ?? t).toLowerCase());
}

/** Parses one script's text; malformed JSON-LD is common on real sites and is simply ignored. */
function parseJson(text: string): unknown {
  if (text.length > MAX_SCRIPT_CHARS) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The page-level nodes of one JSON-LD value. */
function collectPageNodes(value: unknown, into: JsonObject[], depth = 0): void {
  if (into.length >= MAX_NODES || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPageNodes(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (value['@type'] !== undefined) into.push(value);
  if (value['@graph'] !== undefined) collectPageNodes(value['@graph'], into, depth + 1);
  // WebPage { mainEntity: NewsArticle } describes an article page; ItemList members are not followed.
  if (isObject(value['mainEntity'])) collectPageNodes(value['mainEntity'], into, depth + 1);
}

function articleIdentity(node: JsonObject): string {
  const id = node['@id'] ?? node['url'] ?? node['headline'] ?? node['name'];
  return typeof id === 'string' ? id : JSON.stringify(id ?? null);
}

/** Display name of a type for reasons: the original spelling when we know it. */
function displayType(node: JsonObject, lowered: string): string {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  for (const t of list) {
    if (typeof t === 'string' && (t.split(/[/:#]/).pop() ?? t).toLowerCase() === lowered) {
      return t.split(/[/:#]/).pop() ?? t;
    }
  }
  return lowered;
}

/** The texts of the page's JSON-LD scripts (a plain walk: cheaper than a case-insensitive selector). */
function jsonLdTexts(document: Document): string[] {
  const scripts = document.getElementsByTagName('script');
  const texts: string[] = [];
  const limit = Math.min(scripts.length, MAX_SCRIPTS_SEEN);
  for (let i = 0; i < limit && texts.length < MAX_SCRIPTS; i++) {
    const script = scripts[i];
    if (script?.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') {
      texts.push(script.textContent ?? '');
    }
  }
  return texts;
}

/** schema.org's paywall markup: the article says its content is not free to read. */
function isPaywalled(node: JsonObject): boolean {
  const free = node['isAccessibleForFree'];
  return free === false || (typeof free === 'string' && free.trim().toLowerCase() === 'false');
}

export function jsonLdSignals(document: Document): Signal[] {
  const nodes: JsonObject[] = [];
  let malformed = 0;
  for (const text of jsonLdTexts(document)) {
    const parsed = parseJson(text);
    if (parsed === undefined) malformed++;
    else collectPageNodes(parsed, nodes);
  }

  const signals: Signal[] = [];
  if (malformed > 0) signals.push(signal('json-ld:malformed-ignored', 0));

  const articles = new Map<string, string>();
  const nonArticle: string[] = [];
  let paywalled = false;
  for (const node of nodes) {
    for (const type of typesOf(node)) {
      // The first (most specific, by convention) article type names the node.
      const identity = articleIdentity(node);
      if (ARTICLE_TYPES.has(type) && !articles.has(identity)) {
        articles.set(identity, displayType(node, type));
        if (isPaywalled(node)) paywalled = true;
      }
      const name = NON_ARTICLE_TYPES.get(type);
      if (name !== undefined && !nonArticle.includes(name)) nonArticle.push(name);
    }
  }

  if (articles.size >= LISTING_ARTICLE_COUNT) {
    signals.push(signal(`json-ld:${articles.size}-articles-listed`, -3));
  } else if (articles.size > 0) {
    const first = articles.values().next().value as string;
    // A live blog is a stream of updates, not one article, even if it also claims an article type.
    if (nonArticle.includes('LiveBlogPosting')) {
      signals.push(signal('json-ld:LiveBlogPosting', -4));
    } else {
      signals.push(signal(`json-ld:${first}`, 3));
      // Behind a paywall the page may hold only a teaser; the readability check then decides.
      if (paywalled) signals.push(signal('json-ld:paywalled', -3));
    }
  } else if (nonArticle.length > 0) {
    const strongest = nonArticle.find((t) => t !== 'WebPage') ?? 'WebPage';
    signals.push(signal(`json-ld:${strongest}`, strongest === 'WebPage' ? -1 : -3));
  }
  return signals;
}

/** The least and most these signals can add up to (see scoring.ts). */
export const JSON_LD_RANGE = { min: -4, max: 3 } as const;
