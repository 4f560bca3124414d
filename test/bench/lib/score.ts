// The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py), re-implemented:
// texts become 4-token shingles with counts; per page tp/fp/fn are normalised to sum 1 so long pages do not
// weigh more; precision and recall are averaged over pages, and F1 is computed from the two means.

/** Normalised shingle counts for one page: tp + fp + fn = 1, or all 0 when both texts are empty. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

export const SHINGLE_SIZE = 4;

// Python's `\w` with re.UNICODE: letters, digits and underscore (combining marks are NOT word characters there
// either, so both split words like "हिन्दी" the same way).
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Word tokens, case kept (the original evaluate script does not lower-case). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The text's shingles, in order. A text with fewer than `size` (but at least one) tokens is one short shingle,
 * as in the original script; an empty text has none.
 */
export function shingleList(tokens: readonly string[], size = SHINGLE_SIZE): string[] {
  const shingles: string[] = [];
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last && i < tokens.length; i++) {
    // U+0001 cannot occur inside a token, so joined shingles cannot collide.
    shingles.push(tokens.slice(i, i + size).join('\u0001'));
  }
  return shingles;
}

export function countShingles(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  for (const shingle of shingleList(tokenize(text), size)) {
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Compares a predicted text with the expected one for one page. */
export function matchPage(expected: string, predicted: string): PageCounts {
  const expectedCounts = countShingles(expected);
  const predictedCounts = countShingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, predictedCount] of predictedCounts) {
    const expectedCount = expectedCounts.get(shingle) ?? 0;
    tp += Math.min(expectedCount, predictedCount);
    fp += Math.max(0, predictedCount - expectedCount);
  }
  for (const [shingle, expectedCount] of expectedCounts) {
    fn += Math.max(0, expectedCount - (predictedCounts.get(shingle) ?? 0));
  }
  const total = tp + fp + fn;
  return total > 0 ? { tp: tp / total, fp: fp / total, fn: fn / total } : { tp: 0, fp: 0, fn: 0 };
}

/** 1 for a perfect page (nothing extra, nothing missing), 0 when nothing predicted matches. */
export function pagePrecision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function harmonicMean(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** One page's own F1, used to find the pages where one extractor does worse than another. */
export function pageF1(counts: PageCounts): number {
  return harmonicMean(pagePrecision(counts), pageRecall(counts));
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Dataset scores. Precision is averaged over pages that predicted something or matched something
 * (tp + fp > 0), recall over pages that expected something (tp + fn > 0); a mean over no pages is 0.
 */
export function aggregate(pages: readonly PageCounts[]): Scores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(pageRecall));
  return { f1: harmonicMean(precision, recall), precision, recall };
}
