// Lets a deadline interrupt Readability. Readability has no time limit of its own (its maxElemsToParse
// only refuses by size up front), so the instance's node walk and text reads, which every long loop in
// it goes through, are wrapped to tick the deadline. These are private methods of Readability 0.6:
// test/unit/extraction/time-budget.test.ts fails loudly if a new version renames or stops using them.
// The names are written as plain property accesses (never strings) so that the extension build, which
// shortens Readability's "_x" members (esbuild mangleProps), shortens them here the same way.

/** Both watched methods take (at most) two arguments: _getNextNode(node, ignoreSelfAndKids), _getInnerText(e, normalizeSpaces). */
type Method = (this: unknown, first: unknown, second: unknown) => unknown;

interface WatchedInternals {
  /** The depth-first walk _grabArticle and the cleaners step through the document with. */
  _getNextNode?: unknown;
  /** The text read behind every score, density and length Readability computes. */
  _getInnerText?: unknown;
}

/** The names of the wrapped methods in Readability's source (for the unit test that checks them). */
export const WATCHED_READABILITY_METHODS = ['_getNextNode', '_getInnerText'] as const;

function wrapped(original: unknown, tick: () => void): Method | undefined {
  if (typeof original !== 'function') return undefined;
  // Fixed arguments, not rest and apply: these run tens of thousands of times per page.
  return function (this: unknown, first: unknown, second: unknown): unknown {
    tick();
    return (original as Method).call(this, first, second);
  };
}

/**
 * Makes `reader` (a Readability instance) call `tick` before each walk step and text read. Returns
 * whether both methods were found; when one is missing the reader runs without it (only the checks
 * between stages apply) rather than not at all.
 */
export function watchReadability(reader: object, tick: () => void): boolean {
  const internals = reader as WatchedInternals;
  const nextNode = wrapped(internals._getNextNode, tick);
  const innerText = wrapped(internals._getInnerText, tick);
  if (nextNode) internals._getNextNode = nextNode;
  if (innerText) internals._getInnerText = innerText;
  return nextNode !== undefined && innerText !== undefined;
}
