// Small polling helpers for state that settles asynchronously (the button is updated by a message round trip).
import type { ActionState, ReaderBrowser, TestPage } from './reader-browser';

/**
 * Polls the toolbar button's state until `done` holds or `timeoutMs` passes, and returns the last state
 * read either way: the caller asserts on it, so a failure shows what the button really showed.
 */
export async function settledActionState(
  browser: ReaderBrowser,
  page: TestPage,
  done: (state: ActionState) => boolean,
  timeoutMs = 5_000,
): Promise<ActionState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await browser.actionState(page);
    if (done(state) || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets the page finish the current work and paint twice (e.g. a scroll restored after a frame). */
export async function afterTwoFrames(page: TestPage): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
    undefined,
  );
}

/** The first place two long strings differ, with some context, or null when they are equal. */
export function firstDifference(expected: string, actual: string, context = 120): string | null {
  if (expected === actual) return null;
  let index = 0;
  while (index < expected.length && index < actual.length && expected[index] === actual[index])
    index += 1;
  const from = Math.max(0, index - context);
  return (
    `differs at character ${index} (lengths ${expected.length} vs ${actual.length}):\n` +
    `  before: …${expected.slice(from, index + context)}…\n` +
    `  after:  …${actual.slice(from, index + context)}…`
  );
}
