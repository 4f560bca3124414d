// Closing the reader, three ways, leaves the page exactly as it was: same DOM, scroll position and focus, and
// the toolbar button back to its plain state.
import { browserNames } from './support/browsers';
import { seedLikePages, type ArticleFixture } from './support/fixtures';
import { readOverlay, waitForOverlayClosed } from './support/overlay';
import { capturePageState, focusAndScroll } from './support/page-state';
import type { ReaderBrowser, TestPage } from './support/reader-browser';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';
import { afterTwoFrames, firstDifference, settledActionState } from './support/wait';

type CloseWay = (browser: ReaderBrowser, page: TestPage) => Promise<void>;

const closeWays: [string, CloseWay][] = [
  ['the close button', (_browser, page) => page.clickInOverlay('button.bs-close')],
  ['the Escape key', (_browser, page) => page.press('Escape')],
  ['the toolbar button again', (browser, page) => browser.clickAction(page)],
];

const [fixture] = seedLikePages() as [ArticleFixture];

describe.each(browserNames)('%s: closing the reader', (browserName) => {
  const session = useBrowserSession(browserName);

  it.each(closeWays)(`with %s restores the ${fixture.name} exactly`, async (_way, close) => {
    const { browser } = session;
    const page = await session.open(fixture.path);
    const scrolledTo = await focusAndScroll(page, fixture.focusSelector);
    expect(scrolledTo).toBeGreaterThan(100);
    const before = await capturePageState(page);
    const idle = await browser.actionState(page);

    const view = await openReader(browser, page);
    expect(view.focusInside).toBe(true);
    const open = await settledActionState(
      browser,
      page,
      (state) => state.badgeText !== idle.badgeText,
    );
    expect(open.badgeText).not.toBe(idle.badgeText);

    await close(browser, page);
    await waitForOverlayClosed(page);
    await afterTwoFrames(page);
    const after = await capturePageState(page);

    expect(await readOverlay(page)).toBeNull();
    expect(firstDifference(before.html, after.html)).toBeNull();
    expect({ x: after.scrollX, y: after.scrollY }).toEqual({
      x: before.scrollX,
      y: before.scrollY,
    });
    expect(after.focusPath).toBe(before.focusPath);
    const closed = await settledActionState(
      browser,
      page,
      (state) => state.badgeText === idle.badgeText,
    );
    expect(closed).toEqual(idle);
  });
});
