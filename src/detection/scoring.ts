// The decision, in one place. Each signal carries a weight; a page is an article when the weights add
// up to at least ARTICLE_THRESHOLD.
//
//   for an article                         against an article
//   +3 json-ld:<Article type>              -4 url:home / search / tag / section / video / gallery /
//   +2 og:type=article                        live / login / subscribe / author / date-archive,
//   +2 readerable (isProbablyReaderable)      url:search-query, search-form-with-results,
//   +1 article:published_time                 json-ld:LiveBlogPosting
//   +1 url:date-path / article-id /        -3 json-ld:CollectionPage / SearchResultsPage / ItemList /
//      article-slug / document-page           ProfilePage / VideoObject / ImageGallery ...,
//                                             json-ld:N-articles-listed, json-ld:paywalled,
//                                             login-form (outside menus and pop-ups),
//                                             body-class:blog / archive / search-results (WordPress)
//                                          -2 og:type=website / profile / video.*, url:section-path,
//                                             teaser-cards:N (>= 10 linked headings of one shape),
//                                             not-readerable
//                                          -1 json-ld:WebPage (and nothing more specific)
//
// The groups of signals are gathered cheapest first (address, meta tags, JSON-LD, page shape, then
// Readability's isProbablyReaderable), and gathering stops as soon as the groups still to come cannot
// change the answer: a page whose address says "home" and whose og:type is "website" (-6) is rejected
// after reading its meta tags. So `reasons` lists the signals that fired up to that point.
import type { Signal } from './signal';

export const ARTICLE_THRESHOLD = 3;

/** The least and most a group of signals can add to the score. */
export interface WeightRange {
  readonly min: number;
  readonly max: number;
}

/**
 * isProbablyReaderable: yes adds, no takes away (a page without enough text is a poor page to open a
 * reader on).
 */
export const READERABLE_WEIGHT = 2;
export const READERABLE_RANGE: WeightRange = { min: -READERABLE_WEIGHT, max: READERABLE_WEIGHT };

export function totalWeight(signals: readonly Signal[]): number {
  return signals.reduce((sum, s) => sum + s.weight, 0);
}

/** Can the groups still to come change the answer the score gives now? */
export function isSettled(score: number, remaining: readonly WeightRange[]): boolean {
  const lowest = remaining.reduce((sum, r) => sum + r.min, score);
  const highest = remaining.reduce((sum, r) => sum + r.max, score);
  return lowest >= ARTICLE_THRESHOLD || highest < ARTICLE_THRESHOLD;
}
