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

  it('registers the toolbar-button command, on Alt+Shift+R where the browser allows it', async () => {
    const commands = await session.browser.commands();
    const toggle = commands.find((command) => command.name === '_execute_action');
    expect(toggle).toBeDefined();
    if (browserName === 'firefox') {
      expect(toggle?.shortcut).toBe('Alt+Shift+R');
    } else {
      // Chromium (156, Linux) declines to assign Alt+Shift+R as a suggested key (it does assign e.g.
      // Alt+Shift+K), so the user sets it in chrome://extensions/shortcuts; the options page links there.
      expect(['Alt+Shift+R', '']).toContain(toggle?.shortcut);
    }
  });

  it('shows the plain toolbar button on an ordinary page', async () => {
    const page = await session.open('e2e/plain-article/source.html');
    const state = await session.browser.actionState(page);
    expect(state.badgeText).toBe('');
    expect(state.title.length).toBeGreaterThan(0);
  });
});
