// The automatic-mode detector's cost on pages it rejects: `detectArticle` from the built library, in Node, on
// jsdom documents parsed once outside the timing. Only pages the detector actually rejects count for the
// budget (that is the cost paid on every page the reader does not open).
import { parsePage } from '../lib/extractors';
import type { DetectFn } from './library';
import { pageLabel, type BenchPage } from './pages';
import { median, summarise, type Summary } from './stats';

export interface DetectorPageTiming {
  label: string;
  rejected: boolean;
  reasons: string[];
  medianMs: number;
  rounds: number;
}

export interface DetectorResult {
  /** Which pages were used: the detector's non-article fixtures, or a dataset fallback. */
  pageSet: string;
  pages: DetectorPageTiming[];
  /** Over rejected pages: the per-page medians. */
  rejected: Summary | null;
  /** Pages labelled "not an article" that the detector accepted (timed, but not in `rejected`). */
  accepted: string[];
  error?: string;
}

export function runDetectorBench(
  pages: readonly BenchPage[],
  pageSet: string,
  detectArticle: DetectFn,
  rounds: number,
  warmupRounds = 3,
): DetectorResult {
  const timings: DetectorPageTiming[] = [];
  try {
    for (const page of pages) {
      const parsed = parsePage(page.html, page.url);
      try {
        const document = parsed.dom.window.document;
        const detect = () => detectArticle(document, { url: page.url });
        let verdict = detect();
        for (let i = 1; i < warmupRounds; i++) verdict = detect();
        const ms: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const started = performance.now();
          detect();
          ms.push(performance.now() - started);
        }
        timings.push({
          label: pageLabel(page),
          rejected: !verdict.article,
          reasons: verdict.reasons,
          medianMs: median(ms),
          rounds,
        });
      } finally {
        parsed.dom.window.close();
      }
    }
  } catch (error) {
    return {
      pageSet,
      pages: timings,
      rejected: null,
      accepted: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const rejected = timings.filter((t) => t.rejected);
  return {
    pageSet,
    pages: timings,
    rejected: rejected.length > 0 ? summarise(rejected.map((t) => t.medianMs)) : null,
    accepted: timings.filter((t) => !t.rejected).map((t) => t.label),
  };
}
