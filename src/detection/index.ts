// Article-page detector: decides, cheaply, whether a page on a site the user enabled is a news or blog
// article (where the reader may open by itself) rather than a home, section, tag, search, video,
// gallery, live-blog, sign-in, author or paywall page. Pure: DOM in, verdict out; runs in Node too.
// The weights and the early stop are explained in scoring.ts.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { JSON_LD_RANGE, jsonLdSignals } from './json-ld';
import { META_RANGE, metaSignals } from './meta-signals';
import { PAGE_SHAPE_RANGE, pageShapeSignals } from './page-shape';
import {
  ARTICLE_THRESHOLD,
  READERABLE_RANGE,
  READERABLE_WEIGHT,
  isSettled,
  totalWeight,
  type WeightRange,
} from './scoring';
import { signal, type Signal } from './signal';
import { URL_RANGE, urlSignals } from './url-shape';

export interface DetectionResult {
  article: boolean;
  /** The signals that fired, in plain words, e.g. "json-ld:NewsArticle", "url:section-path". */
  reasons: string[];
}

export interface DetectOptions {
  /** The page's address; defaults to the document's own URL. */
  url?: string;
}

interface SignalGroup {
  range: WeightRange;
  gather: (document: Document, url: string | undefined) => Signal[];
}

function readerableSignals(document: Document): Signal[] {
  return isProbablyReaderable(document)
    ? [signal('readerable', READERABLE_WEIGHT)]
    : [signal('not-readerable', -READERABLE_WEIGHT)];
}

/** Cheapest first; Readability's check walks every paragraph, so it comes last. */
const GROUPS: readonly SignalGroup[] = [
  { range: URL_RANGE, gather: (_document, url) => urlSignals(url) },
  { range: META_RANGE, gather: (document) => metaSignals(document) },
  { range: JSON_LD_RANGE, gather: (document) => jsonLdSignals(document) },
  { range: PAGE_SHAPE_RANGE, gather: pageShapeSignals },
  { range: READERABLE_RANGE, gather: (document) => readerableSignals(document) },
];

function pageUrl(document: Document, options: DetectOptions): string | undefined {
  if (options.url !== undefined && options.url !== '') return options.url;
  const own = document.URL;
  return own === '' || own === 'about:blank' ? undefined : own;
}

export function detectArticle(document: Document, options: DetectOptions = {}): DetectionResult {
  if (document.body === null || document.body.childElementCount === 0) {
    return { article: false, reasons: ['empty-document'] };
  }
  const url = pageUrl(document, options);
  const signals: Signal[] = [];
  for (let i = 0; i < GROUPS.length; i++) {
    const group = GROUPS[i] as SignalGroup;
    signals.push(...group.gather(document, url));
    if (
      isSettled(
        totalWeight(signals),
        GROUPS.slice(i + 1).map((g) => g.range),
      )
    )
      break;
  }
  return {
    article: totalWeight(signals) >= ARTICLE_THRESHOLD,
    reasons: signals.map((s) => s.reason),
  };
}
