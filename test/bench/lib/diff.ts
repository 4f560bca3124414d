// Which words made a page's score: runs of predicted words that match nothing expected (junk kept) and runs
// of expected words missing from the prediction (text lost), read off the same shingles the metric counts.
import { SHINGLE_SIZE, countShingles, shingleList, tokenize } from './score';

/**
 * Runs of `text`'s tokens that no matched shingle covers: a token counts as matched when at least one shingle
 * containing it also occurs in `other` (each occurrence of `other`'s shingles can match once, in order).
 */
export function unmatchedRuns(text: string, other: string, size = SHINGLE_SIZE): string[] {
  const tokens = tokenize(text);
  const available = countShingles(other, size);
  const matched = new Array<boolean>(tokens.length).fill(false);
  shingleList(tokens, size).forEach((shingle, start) => {
    const left = available.get(shingle) ?? 0;
    if (left === 0) return;
    available.set(shingle, left - 1);
    for (let i = start; i < Math.min(start + size, tokens.length); i++) matched[i] = true;
  });
  const runs: string[] = [];
  let current: string[] = [];
  tokens.forEach((token, i) => {
    if (matched[i]) {
      if (current.length > 0) runs.push(current.join(' '));
      current = [];
    } else {
      current.push(token);
    }
  });
  if (current.length > 0) runs.push(current.join(' '));
  return runs;
}

export interface PageDiff {
  /** Predicted text that is not in the expected text. */
  junk: string[];
  /** Expected text that the prediction lacks. */
  lost: string[];
}

export function diffPage(expected: string, predicted: string): PageDiff {
  return { junk: unmatchedRuns(predicted, expected), lost: unmatchedRuns(expected, predicted) };
}
