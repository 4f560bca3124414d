// The built extension loads in both browsers and its background runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserNames } from './support/browsers';
import { repoRoot } from './support/paths';
import { useBrowserSession } from './support/session';

const packageVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
).version;

describe.each(browserNames)('%s: the built extension', (browserName) => {
  const session = useBrowserSession(browserName);

  it('is loaded as a Manifest V3 extension with a running background', async () => {
    const info = await session.browser.extensionInfo();
    expect(info.manifestVersion).toBe(3);
    expect(info.version).toBe(packageVersion);
    expect(info.baseUrl).toContain(session.browser.extensionId);
    if (browserName === 'chromium') {
      expect(info.backgroundUrl).toBe(`${info.baseUrl}background.js`);
    } else {
      expect(info.backgroundUrl.startsWith(info.baseUrl)).toBe(true);
    }
  });

  it('registers Alt+Shift+R for the toolbar button (the same click event)', async () => {
    const commands = await session.browser.commands();
    expect(commands).toContainEqual({ name: '_execute_action', shortcut: 'Alt+Shift+R' });
  });

  it('shows the plain toolbar button on an ordinary page', async () => {
    const page = await session.open('e2e/plain-article/source.html');
    const state = await session.browser.actionState(page);
    expect(state.badgeText).toBe('');
    expect(state.title.length).toBeGreaterThan(0);
  });
});
