// The extraction pipeline: a pure function from a DOM to a clean article. It runs on any standards DOM
// (jsdom or linkedom in Node, the live page in the browser) and never modifies the caller's document.
//   clone -> metadata -> cleanup rules (before) -> Readability -> rules (after) + output cleaning
//   -> DOMPurify -> text, reading time, result
import { Readability } from '@mozilla/readability';
import { applyRules, formatProblem, rulesForPage, validateUserRules } from '../rules';
import type { UserRule } from '../rules';
import { countWords, normaliseSpace } from '../rules/dom-text';
import { makeUrlsAbsolute } from './absolute-urls';
import { dedupeCaptions } from './captions';
import { dirFromLang, dirFromText, parseDir } from './direction';
import { fixLazyImages } from './lazy-images';
import { removeEmptyLeftovers } from './leftovers';
import { readPageMetadata, toIsoDate } from './metadata';
import { toPlainText } from './plain-text';
import { readingTimeMinutes } from './reading-time';
import { sanitiseToElement } from './sanitise';
import type { ExtractedArticle } from './types';

export type { ExtractedArticle, RemovedBlock } from './types';

export interface ExtractOptions {
  /** The page's address: chooses site rules and resolves relative links. Defaults to document.URL. */
  url?: string;
  /** The user's own rules (per site, a selector to hide); invalid entries are reported and skipped. */
  userRules?: readonly UserRule[];
  /** The Window DOMPurify runs in; defaults to the document's window, then the global one. */
  window?: Window;
  /** Told about malformed rules (which are skipped). Defaults to one console.warn per problem. */
  onRuleProblem?: (message: string) => void;
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`broadsheet: ${message}`);
}

function pageUrl(document: Document, url: string | undefined): URL | undefined {
  for (const candidate of [url, document.URL]) {
    if (!candidate) continue;
    try {
      const parsed = new URL(candidate);
      if (
        parsed.protocol === 'http:' ||
        parsed.protocol === 'https:' ||
        parsed.protocol === 'file:'
      ) {
        return parsed;
      }
    } catch {
      // Not a URL: try the next source.
    }
  }
  return undefined;
}

function cleanString(value: string | null | undefined): string | null {
  const text = normaliseSpace(value ?? '');
  return text === '' ? null : text;
}

/** Fewer words than this is "no article". Every labelled article in ../shared/datasets has 60 or more. */
export const MIN_ARTICLE_WORDS = 25;

/**
 * Extracts the article of `document`, or returns null when the page has none (an empty page, a
 * frameset, a page Readability cannot read). Throws only when no Window is available for sanitising.
 */
export function extract(document: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  const window =
    options.window ?? document.defaultView ?? (globalThis as { window?: Window }).window;
  if (!window) {
    throw new TypeError(
      'extract: no Window to sanitise with; pass options.window (e.g. new JSDOM().window)',
    );
  }
  const report = options.onRuleProblem ?? warnOnce;
  const clone = document.cloneNode(true) as Document;
  const body = clone.body;
  if (!body || body.tagName !== 'BODY' || normaliseSpace(body.textContent ?? '') === '')
    return null;

  const url = pageUrl(document, options.url);
  const metadata = readPageMetadata(clone);
  const title = cleanString(clone.title);

  const users = validateUserRules(options.userRules ?? [], clone);
  users.problems.forEach(report);
  const { rules, problems } = rulesForPage(url?.hostname, users.rules, clone);
  problems.forEach((problem) => report(formatProblem(problem)));

  fixLazyImages(body);
  const removed = applyRules(body, rules, {
    phase: 'before',
    title: title ?? '',
    scope: 'around-main-text',
  });

  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(clone, {
      keepClasses: false,
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    // Readability gives up on some malformed documents by throwing: that is "no article" to us.
    return null;
  }
  const content = parsed?.content;
  if (!parsed || !content || normaliseSpace(content.textContent ?? '') === '') return null;

  fixLazyImages(content);
  removed.push(...applyRules(content, rules, { phase: 'after', title: title ?? '' }));
  removed.push(...dedupeCaptions(content));
  if (url) makeUrlsAbsolute(content, url.href);
  removeEmptyLeftovers(content);

  const container = sanitiseToElement(content.innerHTML, window);
  removeEmptyLeftovers(container);
  const text = toPlainText(container);
  // A few words (a club's opening hours under its menu) are not an article: the reader says so plainly
  // instead of showing them as one.
  if (countWords(text) < MIN_ARTICLE_WORDS) return null;

  const lang = metadata.lang ?? cleanString(parsed.lang);
  return {
    title: cleanString(parsed.title) ?? title ?? '',
    byline: cleanString(parsed.byline),
    siteName: cleanString(parsed.siteName) ?? metadata.siteName,
    publishedTime: metadata.publishedTime ?? toIsoDate(parsed.publishedTime),
    lang,
    dir: metadata.dir ?? parseDir(parsed.dir) ?? dirFromLang(lang) ?? dirFromText(text),
    excerpt: cleanString(parsed.excerpt),
    readingTimeMinutes: readingTimeMinutes(text),
    html: container.innerHTML,
    text,
    removed,
  };
}
