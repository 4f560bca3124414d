// Opening the reader the way a user does (the toolbar button), with a failure message that says what the
// button showed instead, e.g. the extension's own "couldn't open on this page".
import { waitForOverlay, type OverlayView } from './overlay';
import type { ReaderBrowser, TestPage } from './reader-browser';

export async function openReader(browser: ReaderBrowser, page: TestPage): Promise<OverlayView> {
  await browser.clickAction(page);
  try {
    return await waitForOverlay(page);
  } catch (error) {
    const state = await browser.actionState(page).catch(() => null);
    const button =
      state === null ? 'unreadable' : `badge "${state.badgeText}", title "${state.title}"`;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}; the toolbar button shows ${button}`, { cause: error });
  }
}
