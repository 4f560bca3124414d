// The user's own cleanup rules, end to end in both browsers: a rule added on the options page for the
// fixture server's host removes its block from the reader on the next open, and the block is back once the
// rule is deleted; a malformed rule that reached storage anyway is skipped while the reader still opens
// (and the good rule beside it still applies).
import {
  poll,
  storedSettings,
  storeItems,
  textOf,
  useOptionsPages,
  waitForText,
  type OptionsPage,
} from './options-page';
import { browserNames } from './support/browsers';
import { plainArticle } from './support/fixtures';
import { waitForOverlayClosed, type OverlayView } from './support/overlay';
import { openReader } from './support/reader';
import type { TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

/** A block of the plain-article fixture that our own rules keep (its fifth paragraph). */
const ruleSelector = 'article > p:nth-of-type(5)';
const ruledText = 'The council contributed the building on a ninety-nine year lease';

/** In the options page: types the rule into the form's fields (the Add button is then clicked for real). */
function fillRuleForm({ site, selector }: { site: string; selector: string }): void {
  for (const [id, value] of [
    ['rule-site', site],
    ['rule-selector', selector],
  ] as const) {
    const input = document.getElementById(id) as HTMLInputElement | null;
    if (!input) throw new Error(`no #${id}`);
    input.value = value;
  }
}

describe.each(browserNames)("%s: the user's cleanup rules in the reader", (browserName) => {
  const session = useBrowserSession(browserName);
  const pages = useOptionsPages(browserName, () => session.browser);
  const host = () => new URL(session.server.url(plainArticle.path)).hostname;

  function articleText(view: OverlayView): string {
    expect(view.title).toContain(plainArticle.titleStart);
    return view.articleText ?? '';
  }

  async function closeReader(page: TestPage): Promise<void> {
    await session.browser.clickAction(page);
    await waitForOverlayClosed(page);
  }

  it('a rule added on the options page removes its block on the next open; deleted, the block is back', async () => {
    const options: OptionsPage = await pages.open();
    const page = await session.open(plainArticle.path);
    // Before any rule: our own rules keep the paragraph.
    expect(await articleText(await openReader(session.browser, page))).toContain(ruledText);
    await closeReader(page);

    await options.evaluate(fillRuleForm, { site: host(), selector: ruleSelector });
    await options.click('.rule-form button[type="submit"]');
    await waitForText(options, '.rule-list li', new RegExp(`${host().replace(/\./g, '\\.')}`));
    await poll(
      'the rule in storage.sync',
      () => options.evaluate(storedSettings, null),
      (items) => JSON.stringify(items['settings.userRules'] ?? []).includes(ruleSelector),
    );

    const withRule = await articleText(await openReader(session.browser, page));
    expect(withRule).not.toContain(ruledText);
    expect(withRule).toContain(plainArticle.firstParagraph);
    expect(withRule).toContain(plainArticle.lastParagraph);
    await closeReader(page);

    await options.click('.rule-list li button.remove');
    await poll(
      'the rule list to be empty',
      () => options.evaluate(textOf, '.rule-list'),
      (text) => text === '',
    );
    await poll(
      'no rule in storage.sync',
      () => options.evaluate(storedSettings, null),
      (items) => JSON.stringify(items['settings.userRules'] ?? []) === '[]',
    );
    expect(await articleText(await openReader(session.browser, page))).toContain(ruledText);
  });

  it('skips a malformed rule that reached storage, and still opens with the good rule applied', async () => {
    const options: OptionsPage = await pages.open();
    await options.evaluate(storeItems, {
      'settings.userRules': [
        { site: host(), selector: 'div[' },
        { site: host(), selector: ruleSelector },
      ],
    });
    const page = await session.open(plainArticle.path);
    const text = await articleText(await openReader(session.browser, page));
    expect(text).toContain(plainArticle.firstParagraph);
    expect(text).not.toContain(ruledText);
  });
});
