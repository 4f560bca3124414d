// The extraction pipeline: a pure function from a DOM to a clean article. It runs on any standards DOM
// (jsdom or linkedom in Node, the live page in the browser) and never modifies the caller's document.
//   clone -> metadata -> cleanup rules (before) -> Readability -> rules (after) + output cleaning
//   -> DOMPurify -> text, reading time, result. With a time budget: a size pre-flight first, and a
//   deadline checked between the stages and inside their long loops (budget.ts).
import type { Readability as ReadabilityParser } from '@mozilla/readability';
import Readability from '@mozilla/readability/Readability.js';
import { applyRules, formatProblem, rulesForPage, shippedRules, validateUserRules } from '../rules';
import type { Catalogue, UserRule, UserRulesValidation } from '../rules';
import { countWords, hasVisibleText, normaliseSpace } from '../rules/dom-text';
import { dedupeCaptions } from './captions';
import { dirFromLang, dirFromText, parseDir } from './direction';
import { checkPageSize, Deadline, ExtractionLimitError } from './budget';
import { cloneFirstScreen } from './first-screen';
import { htmlCloneOf } from './html-clone';
import { fixLazyImages } from './lazy-images';
import { removeEmptyLeftovers } from './leftovers';
import { readPageMetadata, toIsoDate } from './metadata';
import { toPlainText } from './plain-text';
import { estimatedReadingMinutes, readingTimeMinutes } from './reading-time';
import { watchReadability } from './readability-watch';
import { sanitiseToElement } from './sanitise';
import type { ExtractedArticle } from './types';

export type { ExtractedArticle, RemovedBlock } from './types';
export { ExtractionLimitError, PAGE_LIMITS } from './budget';
export type { LimitReason } from './budget';

export interface ExtractOptions {
  /** The page's address: chooses site rules and resolves relative links. Defaults to document.URL. */
  url?: string;
  /** The user's own rules (per site, a selector to hide); invalid entries are reported and skipped. */
  userRules?: readonly UserRule[];
  /** The Window DOMPurify runs in; defaults to the document's window, then the global one. */
  window?: Window;
  /**
   * A time budget in milliseconds (the content script passes one; default none). With it, a page above
   * PAGE_LIMITS is refused at once and work stops once the budget is spent: extract throws an
   * ExtractionLimitError saying which ('too-large' or 'too-slow').
   */
  timeBudgetMs?: number;
  /** Told about malformed rules (which are skipped). Defaults to one console.warn per problem. */
  onRuleProblem?: (message: string) => void;
  /**
   * For a very long article (the reader passes it, to paint sooner): the result holds only the article's
   * first screen, and its rest() does the remaining cleaning and returns the whole article.
   */
  firstScreenFirst?: boolean;
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

/** Readability's last step on its article: absolute URLs, nested wrappers unwrapped, classes removed. */
interface PostProcessing {
  _postProcessContent?: (article: Element) => void;
}

interface Parsed {
  parsed: ReturnType<ReadabilityParser<Element>['parse']>;
  /** With `deferPostProcessing`: Readability's last step, still to be done on (a part of) the article. */
  postProcess?: (article: Element) => void;
}

/**
 * Readability on the (cleaned) clone, watched by the deadline. Null when Readability finds nothing or
 * gives up by throwing on a malformed document; the deadline's own error passes through. With
 * `deferPostProcessing`, Readability's last step is left for the caller (postProcess): a very long
 * article's first screen is painted before that step runs on the rest. (Written as a property access,
 * like readability-watch.ts, so the extension build's shortened names match.)
 */
function parseWithReadability(
  clone: Document,
  deadline: Deadline,
  deferPostProcessing: boolean,
): Parsed {
  const reader = new Readability<Element>(clone, {
    keepClasses: false,
    serializer: (node) => node as Element,
  });
  // Only under a time budget: the watch wraps two methods Readability calls tens of thousands of times.
  if (deadline.limited) watchReadability(reader, deadline.tick);
  let postProcess: Parsed['postProcess'];
  const internals = reader as unknown as PostProcessing;
  const original = internals._postProcessContent;
  if (deferPostProcessing && typeof original === 'function') {
    postProcess = (article) => original.call(reader, article);
    internals._postProcessContent = () => undefined;
  }
  try {
    return { parsed: reader.parse(), postProcess };
  } catch (error) {
    if (error instanceof ExtractionLimitError) throw error;
    return { parsed: null };
  }
}

/**
 * `task` run on the first call only; later calls get its result. Cleaning works on Readability's article
 * in place, so it can run once; and once it has, the page's working copy is no longer held.
 */
function once(task: () => ExtractedArticle | null): () => ExtractedArticle | null {
  let pending: typeof task | null = task;
  let result: ExtractedArticle | null = null;
  return () => {
    if (pending) {
      const run = pending;
      pending = null;
      result = run();
    }
    return result;
  };
}

const NO_USER_RULES: readonly UserRule[] = [];
const validatedByList = new WeakMap<readonly UserRule[], UserRulesValidation>();

/** The user's rules checked once per list (the content script passes the same list on every call). */
function validatedUserRules(
  userRules: readonly UserRule[] | undefined,
  document: Document,
): UserRulesValidation {
  const list = userRules ?? NO_USER_RULES;
  let validation = validatedByList.get(list);
  if (!validation) {
    validation = validateUserRules(list, document);
    validatedByList.set(list, validation);
  }
  return validation;
}

/**
 * Articles with more elements than this are cleaned first screen first (ExtractOptions.firstScreenFirst):
 * cleaning and sanitising cost about a millisecond per hundred elements in Chromium, and a reader should
 * not wait for pages of text it cannot see yet.
 */
export const FIRST_SCREEN_FIRST_ABOVE_ELEMENTS = 2000;

function isVeryLong(article: Element): boolean {
  return article.getElementsByTagName('*').length > FIRST_SCREEN_FIRST_ABOVE_ELEMENTS;
}

/**
 * Fewer words than this is not worth a reader view (a club's opening hours under its menu): the reader
 * shows its "no article" message. extract() still returns such short texts; every labelled article in
 * ../shared/datasets has 60 or more words.
 */
export const MIN_ARTICLE_WORDS = 25;

/**
 * Extracts the article of `document`, or returns null when the page has no text to read (an empty
 * page, a frameset, a page Readability cannot read). Short articles are returned with their wordCount.
 * Throws a TypeError when no Window is available for sanitising, and, only when `timeBudgetMs` is
 * given, an ExtractionLimitError when the page is too large or the budget runs out.
 */
export function extract(document: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  return extractWithRules(document, shippedRules(), options);
}

/**
 * extract() with the shipped rule sets given (`catalogue`: those of this page's site suffice). The
 * content script uses it with the sets the background sends, so content.js does not carry the rules.
 */
export function extractWithRules(
  document: Document,
  catalogue: Catalogue,
  options: ExtractOptions = {},
): ExtractedArticle | null {
  const window =
    options.window ?? document.defaultView ?? (globalThis as { window?: Window }).window;
  if (!window) {
    throw new TypeError(
      'extract: no Window to sanitise with; pass options.window (e.g. new JSDOM().window)',
    );
  }
  const report = options.onRuleProblem ?? warnOnce;
  const deadline = new Deadline(options.timeBudgetMs);
  if (options.timeBudgetMs !== undefined) {
    checkPageSize(document, document.body?.textContent?.length ?? 0);
  }
  if (!document.body || !hasVisibleText(document.body)) return null;
  const clone = htmlCloneOf(document);
  const body = clone?.body;
  if (!clone || !body || body.localName !== 'body') return null;

  const url = pageUrl(document, options.url);
  const metadata = readPageMetadata(clone);
  const title = cleanString(clone.title);

  const users = validatedUserRules(options.userRules, clone);
  users.problems.forEach(report);
  const { rules, problems } = rulesForPage(catalogue, url?.hostname, users.rules, clone);
  problems.forEach((problem) => report(formatProblem(problem)));

  deadline.check('cleanup rules');
  fixLazyImages(body);
  const removed = applyRules(body, rules, {
    phase: 'before',
    title: title ?? '',
    scope: 'around-main-text',
    tick: deadline.tick,
  });

  deadline.check('Readability');
  const { parsed, postProcess } = parseWithReadability(
    clone,
    deadline,
    options.firstScreenFirst === true,
  );
  const content = parsed?.content;
  if (!parsed || !content || !hasVisibleText(content)) return null;

  /**
   * Readability's `article` (or a part of it) cleaned: the rules' after phase, duplicate captions,
   * DOMPurify, emptied blocks; then the result. Null when no text is left.
   */
  const clean = (article: Element): ExtractedArticle | null => {
    deadline.check('output cleaning');
    const removedAll = [...removed];
    fixLazyImages(article);
    removedAll.push(
      ...applyRules(article, rules, { phase: 'after', title: title ?? '', tick: deadline.tick }),
    );
    removedAll.push(...dedupeCaptions(article));
    deadline.check('sanitising');
    // Relative URLs become absolute while sanitising; emptied blocks go after it (it may empty more).
    const container = sanitiseToElement(article, window, url?.href, deadline.tick);
    removeEmptyLeftovers(container);
    const text = toPlainText(container);
    if (text === '') return null;

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
      wordCount: countWords(text),
      html: container.innerHTML,
      text,
      removed: removedAll,
    };
  };

  if (options.firstScreenFirst && isVeryLong(content)) {
    const firstScreen = cloneFirstScreen(content);
    if (firstScreen) postProcess?.(firstScreen);
    const first = firstScreen ? clean(firstScreen) : null;
    if (first) {
      return {
        ...first,
        // The whole article's, estimated from its text before cleaning (Readability's, which is
        // content.textContent read already); rest() has the exact one.
        readingTimeMinutes: estimatedReadingMinutes(parsed.textContent ?? ''),
        rest: once(() => {
          postProcess?.(content);
          return clean(content);
        }),
      };
    }
  }
  postProcess?.(content);
  return clean(content);
}
