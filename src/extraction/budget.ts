// Extraction's time budget: a page too large to read in time gives a clear outcome, never a frozen tab.
// Two guards: a cheap pre-flight on the page's size before any work, and a deadline checked between
// stages and every few hundred nodes inside the long loops (the rule walk, Readability, sanitising).

/** Why extraction stopped: the page is beyond any article's size, or the work ran past the budget. */
export type LimitReason = 'too-large' | 'too-slow';

/** Thrown by extract() when a time budget was given and the page cannot be read within it. */
export class ExtractionLimitError extends Error {
  override name = 'ExtractionLimitError';
  constructor(
    readonly reason: LimitReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sizes no article page reaches. The largest of the 311 pages in ../shared/datasets has about 10,000
 * elements (wikipedia-2) and 1.1 million characters of text (yahoo-2, mostly inline scripts): the limits
 * are ten and about four times that.
 */
export const PAGE_LIMITS = { maxElements: 100_000, maxTextCharacters: 4_000_000 } as const;

/**
 * Refuses a page above PAGE_LIMITS at once (a count and a length: no layout, no parsing). The caller
 * passes the length of the body's text, which it reads anyway.
 */
export function checkPageSize(
  document: Document,
  textCharacters: number,
  limits = PAGE_LIMITS,
): void {
  // linkedom answers getElementsByTagName('*') with nothing; its querySelectorAll counts.
  const elements =
    document.getElementsByTagName('*').length || document.querySelectorAll('*').length;
  if (elements > limits.maxElements) {
    throw new ExtractionLimitError(
      'too-large',
      `the page has ${elements} elements; reader mode reads pages of up to ${limits.maxElements}`,
    );
  }
  if (textCharacters > limits.maxTextCharacters) {
    throw new ExtractionLimitError(
      'too-large',
      `the page has ${textCharacters} characters of text; reader mode reads pages of up to ${limits.maxTextCharacters}`,
    );
  }
}

/** Calls that may each be cheap but come in the thousands check the clock every this many calls. */
export const CHECK_EVERY = 256;

/** The clock of one extraction: checked between stages (check) and inside long loops (tick). */
export class Deadline {
  private readonly started: number;
  private stage = 'the start';
  private calls = 0;

  /** A deadline `budgetMs` from now; without a budget it never passes. */
  constructor(
    private readonly budgetMs: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = budgetMs === undefined ? 0 : now();
  }

  /** Whether there is a budget at all (without one, nothing need call tick). */
  get limited(): boolean {
    return this.budgetMs !== undefined;
  }

  /** Enters `stage` and throws ExtractionLimitError('too-slow') if the budget is already spent. */
  check(stage: string): void {
    this.stage = stage;
    this.throwIfPassed();
  }

  /** For loops: reads the clock only every CHECK_EVERY calls. */
  readonly tick = (): void => {
    this.calls++;
    if (this.calls % CHECK_EVERY === 0) this.throwIfPassed();
  };

  private throwIfPassed(): void {
    if (this.budgetMs === undefined) return;
    const elapsed = this.now() - this.started;
    if (elapsed > this.budgetMs) {
      throw new ExtractionLimitError(
        'too-slow',
        `extraction ran past its ${this.budgetMs} ms budget (stopped after ${Math.round(elapsed)} ms, in ${this.stage})`,
      );
    }
  }
}
