// Classifies a page address by its shape: article addresses carry slugs, ids or dates; the pages around
// articles (home, sections, tags, search, video, galleries, live blogs, sign-in, author pages) have
// recognisable paths. Pure string work: no DOM.
import { signal, type Signal } from './signal';

/** Path segments that name a kind of non-article page, in several of the languages news sites use. */
const KIND_SEGMENTS: ReadonlyArray<[RegExp, string, number]> = [
  [/^(search|suche|recherche|buscador|busqueda|ricerca|zoeken)$/, 'url:search', -4],
  [
    /^(tag|tags|topic|topics|thema|themen|theme|themes|tema|temas|keyword|keywords)$/,
    'url:tag',
    -4,
  ],
  [/^(category|categories|section|sections|rubrique|rubrik|seccion|ressort)$/, 'url:section', -4],
  [/^(video|videos|watch|av|tv|playlist|podcast|podcasts)$/, 'url:video', -4],
  [
    /^(gallery|galleries|photos|photo|pictures|in-pictures|fotos|foto|fotostrecke|bildergalerie|diaporama|album|slideshow)$/,
    'url:gallery',
    -4,
  ],
  [/^(live|liveblog|live-blog|minutebyminute|en-direct|directo|ticker)$/, 'url:live', -4],
  [
    /^(login|signin|sign-in|log-in|signup|sign-up|register|auth|account|myaccount|connexion|anmelden)$/,
    'url:login',
    -4,
  ],
  [
    /^(subscribe|subscription|subscriptions|abonnement|abo|suscripcion|paywall)$/,
    'url:subscribe',
    -4,
  ],
  [
    /^(author|authors|by|profile|profiles|people|autor|auteur|journalist|contributors)$/,
    'url:author',
    -4,
  ],
];

/** Query parameters that carry a search term. */
const SEARCH_PARAMS = ['q', 's', 'query', 'search', 'qt', 'keywords', 'search_keywords', 'k'];

/** A directory-like segment of at most three plain words: "world", "middle-east", "world-us-canada". */
const SECTION_SEGMENT = /^[\p{L}]+(?:[-_][\p{L}]+){0,2}$/u;

/** A language root such as /en/ or /pt-br/. */
const LANGUAGE_ROOT = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

/** /2024/03/12/, /2024/mar/12/, /20240312 */
const DATE_PATH =
  /\/(19|20)\d{2}\/(0?[1-9]|1[0-2]|[a-z]{3})\/|\/(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/i;

/** The parts of a dated path: a year, a month (number or name), a day. */
const DATE_SEGMENT = /^((19|20)\d{2}|0?[1-9]|[12]\d|3[01]|[a-z]{3})$/;

const YEAR = /^(19|20)\d{2}$/;

const FILE_EXTENSION = /\.[a-z]{2,5}$/;

/** A page name such as index.html or default.aspx is a directory's front page. */
const INDEX_FILE = /^(index|default|home|start)\.[a-z]+$/i;

function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

/** Words of a slug: "council-approves-new-library-budget" -> 5. File extensions are not words. */
function slugWords(segment: string): number {
  return segment
    .replace(FILE_EXTENSION, '')
    .split(/[-_+]+/)
    .filter((w) => w.length > 0).length;
}

function parseUrl(url: string | undefined): URL | undefined {
  if (url === undefined || url === '') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function urlSignals(url: string | undefined): Signal[] {
  const parsed = parseUrl(url);
  if (parsed === undefined) return [];
  const segments = segmentsOf(parsed.pathname);

  for (const param of SEARCH_PARAMS) {
    const value = parsed.searchParams.get(param);
    if (value !== null && value.trim() !== '') return [signal('url:search-query', -4)];
  }

  const last = segments[segments.length - 1];
  if (
    last === undefined ||
    (segments.length === 1 && (LANGUAGE_ROOT.test(last) || INDEX_FILE.test(last)))
  ) {
    return [signal('url:home', -4)];
  }

  for (const segment of segments) {
    const name = segment.replace(FILE_EXTENSION, '');
    for (const [pattern, reason, weight] of KIND_SEGMENTS) {
      if (pattern.test(name)) return [signal(reason, weight)];
    }
  }

  // /2024/ or /2024/03/ (or /2024/03/12/) with nothing after it: a blog's archive of that period.
  if (
    YEAR.test(segments[0] ?? '') &&
    segments.length <= 3 &&
    segments.every((s) => DATE_SEGMENT.test(s))
  ) {
    return [signal('url:date-archive', -4)];
  }

  const signals: Signal[] = [];
  if (DATE_PATH.test(parsed.pathname)) signals.push(signal('url:date-path', 1));
  else if (segments.some((s) => /\d{5,}/.test(s))) signals.push(signal('url:article-id', 1));
  else if (segments.some((s) => slugWords(s) >= 4)) signals.push(signal('url:article-slug', 1));
  else if (/\.(s?html?|php|aspx?)$/.test(last) && !INDEX_FILE.test(last)) {
    signals.push(signal('url:document-page', 1));
  } else if (
    segments.length <= 3 &&
    segments.every((s) => SECTION_SEGMENT.test(s) || INDEX_FILE.test(s))
  ) {
    signals.push(signal('url:section-path', -2));
  }
  return signals;
}

/** The least and most these signals can add up to (see scoring.ts). */
export const URL_RANGE = { min: -4, max: 1 } as const;
