// A long article in the reader: blocks far below the screen are skipped by the browser (content-visibility:
// auto, so opening a long article does not lay it all out), yet everything still works as if it were laid
// out: the text is all there, a note link scrolls to its note at the end, the far blocks render when
// scrolled to, and the progress bar reaches 100% at the end.
import { browserNames } from './support/browsers';
import { overlayHostId } from './support/overlay';
import { openReader } from './support/reader';
import type { TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

const fixturePath = 'e2e/long-article/source.html';
/** Over 2,000 elements of article (432 annotated paragraphs): cleaned and painted first screen first. */
const veryLongPath = 'e2e/very-long-article/source.html';

/** Whether the element is rendered (false inside a block that content-visibility: auto skips). */
function rendered(page: TestPage, selector: string): Promise<boolean | null> {
  return page.evaluate(
    ({ hostId, selector: wanted }) => {
      const element = document.getElementById(hostId)?.shadowRoot?.querySelector(wanted);
      if (!element) return null;
      return element.checkVisibility({ contentVisibilityAuto: true });
    },
    { hostId: overlayHostId, selector },
  );
}

/** Where the element's top is, in px below the dialog's top edge. */
function topInDialog(page: TestPage, selector: string): Promise<number | null> {
  return page.evaluate(
    ({ hostId, selector: wanted }) => {
      const root = document.getElementById(hostId)?.shadowRoot;
      const dialog = root?.querySelector('.bs-dialog');
      const element = root?.querySelector(wanted);
      if (!dialog || !element) return null;
      return element.getBoundingClientRect().top - dialog.getBoundingClientRect().top;
    },
    { hostId: overlayHostId, selector },
  );
}

describe.each(browserNames)('%s: a long article', (browserName) => {
  const session = useBrowserSession(browserName);

  it('lays out only what is near the screen, with all the text there, and the rest once scrolled to', async () => {
    const page = await session.open(fixturePath);
    const view = await openReader(session.browser, page);
    // The whole article is in the reader (find-in-page and screen readers see it all)...
    expect(view.text).toContain('Note 45: the paragraph this note belongs to');
    // ...but only the first screen is laid out.
    await expect(rendered(page, '.bs-article p')).resolves.toBe(true);
    await expect(rendered(page, '.bs-article ol li')).resolves.toBe(false);

    await page.evaluate((hostId) => {
      const dialog = document.getElementById(hostId)?.shadowRoot?.querySelector('.bs-dialog');
      dialog?.scrollTo({ top: dialog.scrollHeight });
    }, overlayHostId);
    await page.waitFor(
      ({ hostId }) =>
        document
          .getElementById(hostId)
          ?.shadowRoot?.querySelector('.bs-article ol li')
          ?.checkVisibility({ contentVisibilityAuto: true }),
      { hostId: overlayHostId },
      'the notes at the end rendered once scrolled to',
    );
  });

  it('follows a note link down to its note, and reaches 100% at the end', async () => {
    const page = await session.open(fixturePath);
    await openReader(session.browser, page);
    await page.clickInOverlay('.bs-article a[href$="#note-1"]');
    await page.waitFor(
      ({ hostId }) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        const dialog = root?.querySelector('.bs-dialog');
        const note = root?.getElementById('note-1');
        if (!dialog || !note) return false;
        const top = note.getBoundingClientRect().top - dialog.getBoundingClientRect().top;
        return dialog.scrollTop > 0 && top >= 0 && top < dialog.clientHeight / 2;
      },
      { hostId: overlayHostId },
      'note 1 scrolled into the top half of the reader',
    );
    await expect(rendered(page, '#note-1')).resolves.toBe(true);
    expect(await topInDialog(page, '#note-1')).toBeGreaterThanOrEqual(0);

    // A reader scrolls on to the end; the blocks' real heights replace the estimates on the way.
    await page.waitFor(
      ({ hostId }) => {
        const root = document.getElementById(hostId)?.shadowRoot;
        const dialog = root?.querySelector('.bs-dialog');
        dialog?.scrollTo({ top: dialog.scrollHeight });
        return root?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100';
      },
      { hostId: overlayHostId },
      'progress at 100% at the end of the article',
    );
  });

  it("paints a very long article's first screen first, then the whole article, each block once", async () => {
    const page = await session.open(veryLongPath);
    const view = await openReader(session.browser, page);
    expect(view.articleText).toContain('Part 1');
    expect(view.articleText).toContain('Note 432: the paragraph this note belongs to');
    const shown = await page.evaluate((hostId) => {
      const root = document.getElementById(hostId)?.shadowRoot;
      const marks = (name: string) =>
        performance.getEntriesByName(name).map((mark) => mark.startTime);
      const complete = performance.getEntriesByName('broadsheet:complete')[0] as
        PerformanceMark | undefined;
      return {
        paragraphs: root?.querySelectorAll('.bs-article p > sup').length ?? 0,
        notes: root?.querySelectorAll('.bs-article li').length ?? 0,
        partOne: Array.from(root?.querySelectorAll('.bs-article h2') ?? []).filter(
          (heading) => heading.textContent?.trim() === 'Part 1',
        ).length,
        cutShort: root?.querySelector('.bs-cut-short') !== null,
        painted: marks('broadsheet:painted'),
        complete: marks('broadsheet:complete'),
        firstScreenFirst: (complete?.detail as { firstScreenFirst?: boolean } | null)
          ?.firstScreenFirst,
      };
    }, overlayHostId);
    // Every annotated paragraph and every note exactly once: the rest was added after the first screen, not a second copy.
    expect(shown.paragraphs).toBe(432);
    expect(shown.notes).toBe(432);
    expect(shown.partOne).toBe(1);
    expect(shown.cutShort).toBe(false);
    expect(shown.firstScreenFirst).toBe(true);
    expect(shown.painted).toHaveLength(1);
    expect(shown.complete).toHaveLength(1);
    expect(shown.complete[0]).toBeGreaterThanOrEqual(shown.painted[0] ?? Infinity);
  });
});
