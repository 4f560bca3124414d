// The toolbar button explains itself where the reader cannot run, instead of failing silently.
import { browserNames } from './support/browsers';
import { useBrowserSession } from './support/session';
import { settledActionState } from './support/wait';

describe.each(browserNames)('%s: toolbar button', (browserName) => {
  const session = useBrowserSession(browserName);

  it('says it cannot open on a browser page', async () => {
    const { browser } = session;
    const page = await session.open('e2e/plain-article/source.html');
    const idle = await browser.actionState(page);
    const url = await browser.gotoRestrictedPage(page);

    await browser.clickAction(page);
    // The background sets the badge, then the title: wait for both, not the first of them.
    const state = await settledActionState(
      browser,
      page,
      (current) => current.badgeText !== '' && current.title !== idle.title,
    );

    expect({ url, badgeText: state.badgeText === '' ? '(none)' : 'shown' }).toEqual({
      url,
      badgeText: 'shown',
    });
    expect(state.title).not.toBe(idle.title);
    expect(state.title).toMatch(/can(?:'|’|no)t open|could(?:n't|n’t| not) open/i);
  });
});
