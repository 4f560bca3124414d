// Page metadata read from the untouched clone, before cleanup rules or Readability change it.
import { asciiLower, descendantsByTags, normaliseSpace } from '../rules/dom-text';
import { parseDir } from './direction';

export interface PageMetadata {
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  siteName: string | null;
  publishedTime: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|WebPage)$/;

/** An ISO 8601 timestamp from whatever date string a page carries, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : null;
}

/**
 * The page's <meta> elements by key (property, name or itemprop, ignoring ASCII case): the first in
 * document order for each key, as `meta[property="key" i], meta[name="key" i], ...` would find. Read
 * once, instead of one whole-document selector search per key.
 */
function metaIndex(metas: readonly Element[]): Map<string, Element> {
  const index = new Map<string, Element>();
  for (const element of metas) {
    for (const attribute of ['property', 'name', 'itemprop']) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const key = asciiLower(value);
      if (!index.has(key)) index.set(key, element);
    }
  }
  return index;
}

/** The first non-empty content among `keys`, looking only at the first <meta> of each key. */
function meta(index: Map<string, Element>, ...keys: string[]): string | null {
  for (const key of keys) {
    const content = index.get(asciiLower(key))?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** All JSON-LD objects on the page, flattened (@graph and arrays), ignoring scripts that do not parse. */
function jsonLdObjects(scripts: readonly Element[]): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      objects.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  for (const script of scripts) {
    if (asciiLower(script.getAttribute('type') ?? '') !== 'application/ld+json') continue;
    try {
      visit(JSON.parse((script.textContent ?? '').trim()));
    } catch {
      // A broken JSON-LD block is the page's problem; the other sources still count.
    }
  }
  return objects;
}

function isArticleType(object: Record<string, unknown>): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

function jsonLdPublished(objects: readonly Record<string, unknown>[]): string | null {
  for (const object of objects) {
    if (!isArticleType(object)) continue;
    const date = object['datePublished'] ?? object['dateCreated'];
    if (typeof date === 'string' && toIsoDate(date)) return toIsoDate(date);
  }
  return null;
}

function jsonLdPublisher(objects: readonly Record<string, unknown>[]): string | null {
  for (const object of objects) {
    if (!isArticleType(object)) continue;
    const publisher = object['publisher'];
    if (publisher && typeof publisher === 'object' && !Array.isArray(publisher)) {
      const name = (publisher as Record<string, unknown>)['name'];
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return null;
}

/** The <meta>, <script> and <time> elements of the page, each kind in document order. */
function metadataElements(document: Document): Record<'meta' | 'script' | 'time', Element[]> {
  const root = document.documentElement;
  if (!root) return { meta: [], script: [], time: [] };
  return descendantsByTags(root, ['meta', 'script', 'time']);
}

/**
 * The first <time> matching `article time[datetime], time[pubdate][datetime],
 * time[itemprop="datePublished"]`, from the page's <time> elements in document order.
 */
function publishedTimeElement(times: readonly Element[]): Element | undefined {
  return times.find(
    (time) =>
      (time.hasAttribute('datetime') &&
        (time.hasAttribute('pubdate') || time.parentElement?.closest('article'))) ||
      time.getAttribute('itemprop') === 'datePublished',
  );
}

export function readPageMetadata(document: Document): PageMetadata {
  const html = document.documentElement;
  const elements = metadataElements(document);
  const metas = metaIndex(elements.meta);
  // Parsed once for both the date and the publisher.
  const jsonLd = jsonLdObjects(elements.script);
  const lang =
    html?.getAttribute('lang')?.trim() ||
    html?.getAttribute('xml:lang')?.trim() ||
    meta(metas, 'og:locale', 'language', 'content-language')?.replace(/_/g, '-') ||
    null;
  const publishedTime =
    jsonLdPublished(jsonLd) ??
    toIsoDate(
      meta(
        metas,
        'article:published_time',
        'datePublished',
        'date',
        'dc.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    toIsoDate(publishedTimeElement(elements.time)?.getAttribute('datetime'));
  const siteName = meta(metas, 'og:site_name', 'application-name') ?? jsonLdPublisher(jsonLd);
  return {
    lang,
    dir: parseDir(html?.getAttribute('dir')) ?? parseDir(document.body?.getAttribute('dir')),
    siteName: siteName ? normaliseSpace(siteName) : null,
    publishedTime,
  };
}
