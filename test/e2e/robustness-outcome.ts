// What the toolbar click gave on an unusual document, for the robustness tests: an article, the reader's
// "no article" message, the button's own message (its badge and tooltip explain, no overlay), or nothing;
// and whether the tab still answers.
import { readOverlay } from './support/overlay';
import type { ReaderBrowser, TestPage } from './support/reader-browser';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page answers a trivial script within this time after the click: the tab is not frozen. */
export const answerWithinMs = 5_000;

export async function answersWithin(page: TestPage, ms: number): Promise<boolean> {
  const answer = page.evaluate(() => 1 + 1, undefined).then((value) => value === 2);
  const timeout = sleep(ms).then(() => false);
  return Promise.race([answer, timeout]);
}

/** 'button message': no overlay, the toolbar button explains instead (its badge and tooltip changed). */
export type Outcome = 'article' | 'no article' | 'button message' | 'nothing';

/** Waits for the reader's answer to the click: an article, the no-article message, or no overlay. */
export async function outcomeOfClick(browser: ReaderBrowser, page: TestPage): Promise<Outcome> {
  const idle = await browser.actionState(page);
  await browser.clickAction(page);
  const deadline = Date.now() + 10_000;
  let explainingSince: number | undefined;
  while (Date.now() < deadline) {
    const view = await readOverlay(page).catch(() => null);
    if (view?.title || view?.articleText) return 'article';
    if (view?.emptyText) return 'no article';
    // The button changes as soon as the click is handled, the overlay a moment later: only a button
    // that has explained for 1.5 s without an overlay counts as its message.
    const state = await browser.actionState(page);
    const explains = state.badgeText !== idle.badgeText && state.title !== idle.title;
    explainingSince = explains ? (explainingSince ?? Date.now()) : undefined;
    if (explainingSince !== undefined && Date.now() - explainingSince > 1_500)
      return 'button message';
    await sleep(200);
  }
  return 'nothing';
}
