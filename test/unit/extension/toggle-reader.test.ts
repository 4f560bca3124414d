import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ActionState, blockedMessageKeys } from '../../../src/background/action-state';
import type { ActionApi } from '../../../src/background/action-state';
import { toggleReaderInTab, type ToggleDeps } from '../../../src/background/toggle-reader';
import type { BlockedReason } from '../../../src/shared/messages';
import { englishMessages, repoRoot } from './locales';

type Call = [string, ...unknown[]];

function recordingDeps(overrides: Partial<ToggleDeps> = {}): { deps: ToggleDeps; calls: Call[] } {
  const calls: Call[] = [];
  const deps: ToggleDeps = {
    executeScript: async (injection) => {
      calls.push(['executeScript', injection]);
    },
    sendMessage: async (tabId, message) => {
      calls.push(['sendMessage', tabId, message]);
      return { type: 'broadsheet:toggled', open: true };
    },
    showBlocked: async (tabId, reason) => {
      calls.push(['showBlocked', tabId, reason]);
    },
    showOpen: async (tabId) => {
      calls.push(['showOpen', tabId]);
    },
    showIdle: async (tabId) => {
      calls.push(['showIdle', tabId]);
    },
    ...overrides,
  };
  return { deps, calls };
}

const article = {
  id: 12,
  url: 'https://www.independent.co.uk/news/world/iraq-crisis-9557977.html',
};

describe('the toolbar button toggles the reader', () => {
  // Failures are logged for whoever debugs the background; keep the test output clean.
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('injects the content script, then asks it to toggle, and shows the on state', async () => {
    const { deps, calls } = recordingDeps();
    await expect(toggleReaderInTab(article, deps)).resolves.toEqual({ kind: 'opened' });
    expect(calls).toEqual([
      ['executeScript', { target: { tabId: 12 }, files: ['content.js'] }],
      ['sendMessage', 12, { type: 'broadsheet:toggle-reader' }],
      ['showOpen', 12],
    ]);
  });

  it('shows the plain button when the reader closed', async () => {
    const { deps, calls } = recordingDeps({
      sendMessage: async () => ({ type: 'broadsheet:toggled', open: false }),
    });
    await expect(toggleReaderInTab(article, deps)).resolves.toEqual({ kind: 'closed' });
    expect(calls.at(-1)).toEqual(['showIdle', 12]);
  });

  it('explains itself on a browser page without trying to inject', async () => {
    const { deps, calls } = recordingDeps();
    const outcome = await toggleReaderInTab({ id: 3, url: 'chrome://settings/' }, deps);
    expect(outcome).toEqual({ kind: 'blocked', reason: 'browser-page' });
    expect(calls).toEqual([['showBlocked', 3, 'browser-page']]);
  });

  it('retries an injection the browser refused once, then opens', async () => {
    let attempts = 0;
    const { deps, calls } = recordingDeps({
      executeScript: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Cannot access contents of the page.');
      },
    });
    await expect(toggleReaderInTab(article, deps)).resolves.toEqual({ kind: 'opened' });
    expect(attempts).toBe(2);
    expect(calls.at(-1)).toEqual(['showOpen', 12]);
  });

  it('explains a refused injection on a local file', async () => {
    let attempts = 0;
    const { deps, calls } = recordingDeps({
      executeScript: () => {
        attempts += 1;
        return Promise.reject(new Error('Cannot access contents of url'));
      },
    });
    const outcome = await toggleReaderInTab({ id: 4, url: 'file:///home/me/page.html' }, deps);
    expect(outcome).toEqual({ kind: 'blocked', reason: 'file-access' });
    expect(attempts).toBe(2);
    expect(calls).toEqual([['showBlocked', 4, 'file-access']]);
  });

  it('passes on the content script’s "unsupported" answer (a PDF)', async () => {
    const { deps } = recordingDeps({
      sendMessage: async () => ({ type: 'broadsheet:unsupported', reason: 'pdf' }),
    });
    await expect(toggleReaderInTab(article, deps)).resolves.toEqual({
      kind: 'blocked',
      reason: 'pdf',
    });
  });

  it.each([
    ['no answer', () => Promise.resolve(undefined)],
    ['a malformed answer', () => Promise.resolve({ type: 'broadsheet:toggled', open: 'yes' })],
    ['a lost connection', () => Promise.reject(new Error('Receiving end does not exist.'))],
  ])('treats %s as a failure the user is told about', async (_, sendMessage) => {
    const { deps, calls } = recordingDeps({ sendMessage });
    await expect(toggleReaderInTab(article, deps)).resolves.toEqual({
      kind: 'blocked',
      reason: 'failed',
    });
    expect(calls.at(-1)).toEqual(['showBlocked', 12, 'failed']);
  });

  it('ignores clicks without a tab (devtools windows)', async () => {
    const { deps, calls } = recordingDeps();
    await expect(toggleReaderInTab({ id: undefined, url: undefined }, deps)).resolves.toEqual({
      kind: 'no-tab',
    });
    expect(calls).toEqual([]);
  });
});

describe('the button’s per-tab look', () => {
  function recordingAction(): { action: ActionApi; calls: Record<string, unknown[]> } {
    const calls: Record<string, unknown[]> = {};
    const record =
      (name: string) =>
      async (details: unknown): Promise<void> => {
        (calls[name] ??= []).push(details);
      };
    return {
      calls,
      action: {
        setIcon: record('setIcon'),
        setTitle: record('setTitle'),
        setBadgeText: record('setBadgeText'),
        setBadgeBackgroundColor: record('setBadgeBackgroundColor'),
      },
    };
  }
  const t = englishMessages();

  it('switches to the "on" icon (files that exist) and the ON badge while open', async () => {
    const { action, calls } = recordingAction();
    await new ActionState(action, t).showOpen(5);
    const icon = calls.setIcon?.[0] as { tabId: number; path: Record<string, string> };
    expect(icon.tabId).toBe(5);
    expect(Object.keys(icon.path).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(icon.path)) {
      expect(file).toMatch(/^icons\/icon-on-\d+\.png$/);
      expect(existsSync(join(repoRoot, file))).toBe(true);
    }
    expect(calls.setBadgeText).toEqual([{ tabId: 5, text: 'ON' }]);
    expect(calls.setTitle).toEqual([{ tabId: 5, title: 'Close reader view' }]);
  });

  it('goes back to the plain icon, no badge and the normal title', async () => {
    const { action, calls } = recordingAction();
    await new ActionState(action, t).showIdle(5);
    const icon = calls.setIcon?.[0] as { path: Record<string, string> };
    for (const file of Object.values(icon.path)) expect(file).toMatch(/^icons\/icon-\d+\.png$/);
    expect(calls.setBadgeText).toEqual([{ tabId: 5, text: '' }]);
    expect(calls.setTitle).toEqual([{ tabId: 5, title: 'Open reader view' }]);
  });

  it.each(Object.keys(blockedMessageKeys) as BlockedReason[])(
    'shows "!" and a plain explanation when blocked (%s)',
    async (reason) => {
      const { action, calls } = recordingAction();
      await new ActionState(action, t).showBlocked(9, reason);
      expect(calls.setBadgeText).toEqual([{ tabId: 9, text: '!' }]);
      const [{ title }] = calls.setTitle as [{ title: string }];
      expect(title).toMatch(/^Broadsheet can(?:'|no)t|^Broadsheet couldn't/);
    },
  );
});
