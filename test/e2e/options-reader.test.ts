// The reader and the options page share one set of settings in storage.sync, in both browsers: a change in
// the reader's toolbar shows on the options page and is there when the reader opens again after a reload; a
// change on the options page reaches an open reader at once; a corrupt saved value is named on the options
// page while the reader keeps every other setting; settings an old version saved are upgraded for both; and
// every font and theme choice applies in the reader.
import {
  focusRange,
  focusSelect,
  poll,
  pressSteps,
  storeItems,
  textOf,
  useOptionsPages,
  valueOf,
  waitForText,
  type OptionsPage,
} from './options-page';
import { browserNames } from './support/browsers';
import { plainArticle } from './support/fixtures';
import { overlayHostId, waitForOverlaySettled } from './support/overlay';
import { openReader } from './support/reader';
import type { TestPage } from './support/reader-browser';
import { useBrowserSession } from './support/session';

interface ReaderLook {
  theme: string;
  fontSize: string;
  fontFamily: string;
  lineHeight: string;
}

/** In the page: what the open reader shows (its resolved theme and the article's type). */
function readerLook(hostId: string): ReaderLook | null {
  const root = document.getElementById(hostId)?.shadowRoot;
  const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
  const page = root?.querySelector('.bs-page');
  if (!dialog || !page) return null;
  const style = getComputedStyle(page);
  return {
    theme: dialog.dataset.theme ?? '',
    fontSize: style.fontSize,
    fontFamily: style.fontFamily,
    lineHeight: style.lineHeight,
  };
}

/** Picks an option of a <select> in the reader with the keyboard, as a user does (trusted events). */
async function chooseInReader(page: TestPage, selector: string, value: string): Promise<void> {
  const steps = await page.evaluate(focusSelect, { selector, value, hostId: overlayHostId });
  await pressSteps((key) => page.press(key), steps, { forward: 'ArrowDown', back: 'ArrowUp' });
}

async function waitForLook(
  page: TestPage,
  what: string,
  ok: (look: ReaderLook) => boolean,
): Promise<ReaderLook> {
  const look = await poll(
    `the reader to show ${what}`,
    () => page.evaluate(readerLook, overlayHostId),
    (value) => value !== null && ok(value),
  );
  if (look === null) throw new Error('the reader closed');
  return look;
}

async function openSettingsPanel(page: TestPage): Promise<void> {
  const expanded = await page.evaluate(
    (hostId) =>
      document
        .getElementById(hostId)
        ?.shadowRoot?.querySelector('.bs-settings-button')
        ?.getAttribute('aria-expanded'),
    overlayHostId,
  );
  if (expanded !== 'true') await page.clickInOverlay('.bs-settings-button');
  await page.waitFor(
    (hostId) =>
      document.getElementById(hostId)?.shadowRoot?.querySelector('#bs-tool-font-family') !== null,
    overlayHostId,
    'the reader settings panel',
  );
}

describe.each(browserNames)('%s: the reader and the options page together', (browserName) => {
  const session = useBrowserSession(browserName);
  const pages = useOptionsPages(browserName, () => session.browser);

  async function readerOn(): Promise<TestPage> {
    const page = await session.open(plainArticle.path);
    await page.emulateColorScheme('light');
    await openReader(session.browser, page);
    await waitForOverlaySettled(page);
    return page;
  }

  it('saves a change made in the reader, shows it on the options page and in the reader next time', async () => {
    // Start from a known store (the options page clears it after each test).
    const options: OptionsPage = await pages.open();
    const article = await readerOn();
    await openSettingsPanel(article);
    await article.clickInOverlay('.bs-font-larger');
    await chooseInReader(article, '#bs-tool-font-family', 'system');
    await waitForLook(
      article,
      '22px system-ui',
      (look) => look.fontSize === '22px' && /system-ui/.test(look.fontFamily),
    );

    await waitForText(options, '.reading .bs-font-size-value', /^22 px$/);
    await poll(
      'the options page font choice',
      () => options.evaluate(valueOf, '#opt-font-family'),
      (value) => value === 'system',
    );

    // A fresh document: the reader opens with the saved settings.
    await article.goto(session.server.url(plainArticle.path));
    await openReader(session.browser, article);
    await waitForLook(
      article,
      'the saved size and font',
      (look) => look.fontSize === '22px' && /system-ui/.test(look.fontFamily),
    );
  });

  it('applies a change made on the options page to an open reader at once', async () => {
    const options = await pages.open();
    const article = await readerOn();
    expect((await article.evaluate(readerLook, overlayHostId))?.theme).toBe('light');
    await options.click('.reading .bs-font-larger');
    await options.click('.reading .bs-font-larger');
    await options.select('#opt-theme', 'dark');
    await waitForLook(
      article,
      'dark at 24px',
      (look) => look.theme === 'dark' && look.fontSize === '24px',
    );
  });

  it("shares the read-aloud speed between the reader's controls and the options page", async () => {
    const options = await pages.open();
    const article = await readerOn();
    await article.clickInOverlay('.bs-actions-button');
    const steps = await article.evaluate(focusRange, {
      selector: '.bs-speech input[type="range"]',
      value: 1.5,
      hostId: overlayHostId,
    });
    expect(steps).toBe(5);
    await pressSteps((key) => article.press(key), steps, {
      forward: 'ArrowRight',
      back: 'ArrowLeft',
    });
    await poll(
      'the options page speed',
      () => options.evaluate(valueOf, '#opt-speech-rate'),
      (value) => value === '1.5',
    );
    await waitForText(options, '#opt-speech-rate-value', /^1\.5×$/);
  });

  it('names a corrupt saved value on the options page while the reader keeps the other settings', async () => {
    const options = await pages.open();
    await options.evaluate(storeItems, {
      'settings.schemaVersion': 3,
      'settings.fontSize': 'huge',
      'settings.theme': 'sepia',
      'settings.lineHeight': 1.8,
    });
    await options.reload();
    await waitForText(
      options,
      '#problems',
      /Your saved setting "Text size" was invalid and was reset to 20\./,
    );
    expect(await options.evaluate(valueOf, '#opt-theme')).toBe('sepia');
    expect(await options.evaluate(textOf, '.reading .bs-font-size-value')).toBe('20 px');

    const article = await readerOn();
    const look = await waitForLook(article, 'sepia', (value) => value.theme === 'sepia');
    expect(look.fontSize).toBe('20px');
    expect(parseFloat(look.lineHeight)).toBeCloseTo(36, 0);
  });

  it('reads settings an old version saved (v1, one key) in the options page and the reader', async () => {
    const options = await pages.open();
    await options.evaluate(storeItems, {
      settings: { schemaVersion: 1, theme: 'night', fontSize: '18px', font: 'opendyslexic' },
    });
    await options.reload();
    expect(await options.evaluate(valueOf, '#opt-theme')).toBe('dark');
    expect(await options.evaluate(textOf, '.reading .bs-font-size-value')).toBe('18 px');
    expect(await options.evaluate(valueOf, '#opt-font-family')).toBe('dyslexic');

    const article = await readerOn();
    await waitForLook(
      article,
      'the upgraded settings',
      (look) =>
        look.theme === 'dark' && look.fontSize === '18px' && /OpenDyslexic/.test(look.fontFamily),
    );
  });

  it('applies every font and every theme choice in the reader', async () => {
    await pages.open(); // clears storage after the test
    const article = await readerOn();
    await openSettingsPanel(article);
    const fonts = {
      serif: /Literata/,
      sans: /Atkinson Hyperlegible/,
      dyslexic: /OpenDyslexic/,
      system: /system-ui/,
    };
    for (const [font, family] of Object.entries(fonts)) {
      await chooseInReader(article, '#bs-tool-font-family', font);
      await waitForLook(article, `the ${font} font`, (look) => family.test(look.fontFamily));
    }
    for (const theme of ['dark', 'sepia', 'light', 'auto'] as const) {
      await article.clickInOverlay(`.bs-theme-switch [data-theme="${theme}"]`);
      // "auto" follows the system scheme, which is light here.
      await waitForLook(
        article,
        `the ${theme} theme`,
        (look) => look.theme === (theme === 'auto' ? 'light' : theme),
      );
    }
    await article.emulateColorScheme('dark');
    await waitForLook(article, 'auto following a dark system', (look) => look.theme === 'dark');
    await article.emulateColorScheme('light');
  });
});
