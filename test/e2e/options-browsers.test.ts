// The options page in both browsers with the built extension: the reader's "All settings" button opens it
// in a new tab; a changed setting is saved to storage.sync and shown again after a reload; the settings go
// out to a JSON file and come back in (a bad field named, the rest kept); a bad settings file gets a clear
// message and changes nothing; the read-aloud voice list shows the browser's real voices or says plainly
// that only the default voice exists (and, with a stubbed voice list, a chosen voice is saved, and kept and
// named when this browser lacks it); axe-core finds nothing in light or dark mode.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  axeViolations,
  poll,
  storedSettings,
  textOf,
  valueOf,
  waitForStored,
  waitForText,
  useOptionsPages,
} from './options-page';
import { browserNames } from './support/browsers';
import { plainArticle } from './support/fixtures';
import { waitForOverlaySettled } from './support/overlay';
import { resultsDir } from './support/paths';
import { openReader } from './support/reader';
import { useBrowserSession } from './support/session';

const screenshotsDir = join(resultsDir, 'screenshots');

describe.each(browserNames)('%s: the options page', (browserName) => {
  const session = useBrowserSession(browserName);
  const pages = useOptionsPages(browserName, () => session.browser);
  const openOptions = () => pages.open();

  it('opens from the reader\'s "All settings" button in a new tab', async () => {
    const article = await session.open(plainArticle.path);
    await openReader(session.browser, article);
    await waitForOverlaySettled(article);
    const optionsUrl = `${(await session.browser.extensionInfo()).baseUrl}options.html`;
    expect((await pages.driver.tabUrls()).filter((url) => url === optionsUrl)).toEqual([]);
    await article.clickInOverlay('.bs-open-options');
    await poll(
      'the options page tab',
      () => pages.driver.tabUrls(),
      (urls) => urls.includes(optionsUrl),
    );
    const options = pages.track(await pages.driver.adopt(optionsUrl));
    expect(await options.evaluate(() => document.title, null)).toBe('Broadsheet options');
    expect(await article.evaluate(() => location.href, null)).toBe(
      session.server.url(plainArticle.path),
    );
  });

  it('saves a changed setting to storage.sync and shows it after a reload', async () => {
    const page = await openOptions();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('20 px');
    await page.click('.reading .bs-font-larger');
    await page.click('.reading .bs-font-larger');
    await page.select('#opt-theme', 'sepia');
    await page.select('#opt-font-family', 'dyslexic');
    await waitForStored(page, 'settings.fontSize', 24);
    await waitForStored(page, 'settings.theme', 'sepia');
    await waitForStored(page, 'settings.fontFamily', 'dyslexic');

    await page.reload();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('24 px');
    expect(await page.evaluate(valueOf, '#opt-theme')).toBe('sepia');
    expect(await page.evaluate(valueOf, '#opt-font-family')).toBe('dyslexic');
    // The preview follows the saved settings.
    const previewSize = await page.evaluate(() => {
      const root = document.querySelector('.bs-preview-host')?.shadowRoot;
      const body = root?.querySelector('.bs-page');
      return body ? getComputedStyle(body).fontSize : 'missing';
    }, null);
    expect(previewSize).toBe('24px');
  });

  it('refuses bad settings files with a clear message and keeps the settings', async () => {
    const page = await openOptions();
    await page.click('.reading .bs-font-larger');
    await waitForStored(page, 'settings.fontSize', 22);

    await page.chooseFile('#import-settings', 'broken.json', '{ not json');
    await waitForText(page, '#transfer-message', /Nothing was imported: .*JSON/);
    expect(
      await page.evaluate(() => document.getElementById('transfer-message')?.dataset.kind, null),
    ).toBe('error');

    await page.chooseFile('#import-settings', 'other.json', JSON.stringify({ hello: 'world' }));
    await waitForText(page, '#transfer-message', /Nothing was imported: .*Broadsheet settings/i);

    const stored = await page.evaluate(storedSettings, null);
    expect(stored['settings.fontSize']).toBe(22);
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('22 px');
    await page.reload();
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('22 px');
  });

  it('exports the settings to a JSON file and imports it back, naming a bad field', async () => {
    const page = await openOptions();
    await page.select('#opt-theme', 'dark');
    await waitForStored(page, 'settings.theme', 'dark');
    const file = await page.download('#export-settings');
    expect(file.name).toBe('broadsheet-settings.json');
    const exported = JSON.parse(file.text) as { format: string; settings: Record<string, unknown> };
    expect(exported.format).toBe('broadsheet-settings');
    expect(exported.settings).toMatchObject({ theme: 'dark', fontSize: 20 });

    exported.settings.fontSize = 28;
    exported.settings.lineHeight = 'tall';
    await page.chooseFile('#import-settings', 'edited.json', JSON.stringify(exported));
    await waitForText(
      page,
      '#transfer-message',
      /Settings imported\..*"Line spacing" was invalid and was reset to 1\.6/,
    );
    await waitForStored(page, 'settings.fontSize', 28);
    expect(await page.evaluate(textOf, '.reading .bs-font-size-value')).toBe('28 px');
    expect(await page.evaluate(valueOf, '#opt-theme')).toBe('dark');
  });

  it("lists the browser's voices, or says plainly that only the default voice exists", async () => {
    const page = await openOptions();
    // Chromium fills its list a moment after load; give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const real = await page.evaluate(() => speechSynthesis.getVoices().length, null);
    const options = await page.evaluate(
      () => (document.getElementById('opt-speech-voice') as HTMLSelectElement).options.length,
      null,
    );
    expect(options).toBe(real + 1);
    expect(
      await page.evaluate(
        () =>
          (document.getElementById('opt-speech-voice') as HTMLSelectElement).options[0]
            ?.textContent,
        null,
      ),
    ).toBe('Browser default');
    if (real === 0) {
      await waitForText(page, '#speech-status', /^Only the browser's default voice is available/);
    } else {
      await waitForText(page, '#speech-status', new RegExp(`^Voices on this device: ${real}\\.`));
    }
  });

  it('saves a chosen voice, and keeps and names it where this browser lacks it', async () => {
    const page = await openOptions();
    // A stand-in voice list (a test may stub getVoices; the product code never fakes voices).
    await page.evaluate(() => {
      const fake = [
        {
          name: 'Test Hazel',
          lang: 'en-GB',
          voiceURI: 'urn:test:hazel',
          default: false,
          localService: true,
        },
        {
          name: 'Test Anna',
          lang: 'de-DE',
          voiceURI: 'urn:test:anna',
          default: false,
          localService: true,
        },
      ];
      Object.defineProperty(speechSynthesis, 'getVoices', {
        value: () => fake,
        configurable: true,
      });
      speechSynthesis.dispatchEvent(new Event('voiceschanged'));
    }, null);
    const groups = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('#opt-speech-voice optgroup')).map(
          (group) => (group as HTMLOptGroupElement).label,
        ),
      null,
    );
    expect(groups.slice(0, 2)).toEqual(['English', 'German']);
    await page.select('#opt-speech-voice', 'Test Anna');
    await waitForStored(page, 'settings.speechVoice', 'Test Anna');

    // After a reload the stand-in is gone: the saved voice is not on this "device", and stays saved.
    await page.reload();
    expect(await page.evaluate(valueOf, '#opt-speech-voice')).toBe('Test Anna');
    await waitForText(page, '#opt-speech-voice', /Test Anna \(not on this device\)/);
    await waitForText(page, '#speech-status', /Your saved voice "Test Anna" is not on this device/);
    expect((await page.evaluate(storedSettings, null))['settings.speechVoice']).toBe('Test Anna');

    await page.select('#opt-speech-voice', '');
    await waitForStored(page, 'settings.speechVoice', null);
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations in %s mode', async (scheme) => {
    const page = await openOptions();
    await page.emulateColorScheme(scheme);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot(join(screenshotsDir, `${browserName}-options-page-${scheme}.png`));
    expect(await axeViolations(page)).toEqual([]);
  });
});
