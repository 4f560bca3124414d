import { refreshAfterNavigation, type NavigationDeps } from '../../../src/background/navigation';

function deps(answer: () => Promise<unknown>): { deps: NavigationDeps; shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    deps: {
      sendMessage: async (tabId, message) => {
        expect(message).toEqual({ type: 'broadsheet:query-reader-state' });
        shown.push(`asked ${tabId}`);
        return answer();
      },
      showOpen: async (tabId) => {
        shown.push(`open ${tabId}`);
      },
      showIdle: async (tabId) => {
        shown.push(`idle ${tabId}`);
      },
    },
  };
}

describe('the button after the tab navigates', () => {
  it('stays on when the reader is still open (same-document navigation)', async () => {
    const { deps: d, shown } = deps(async () => ({ type: 'broadsheet:reader-state', open: true }));
    await refreshAfterNavigation(4, d);
    expect(shown).toEqual(['asked 4', 'open 4']);
  });

  it('goes plain when the new document has no content script', async () => {
    const { deps: d, shown } = deps(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    await refreshAfterNavigation(4, d);
    expect(shown).toEqual(['asked 4', 'idle 4']);
  });

  it.each([
    ['a closed reader', { type: 'broadsheet:reader-state', open: false }],
    ['a malformed answer', { type: 'broadsheet:reader-state', open: 'yes' }],
    ['no answer', undefined],
  ])('goes plain on %s', async (_, answer) => {
    const { deps: d, shown } = deps(async () => answer);
    await refreshAfterNavigation(4, d);
    expect(shown).toEqual(['asked 4', 'idle 4']);
  });
});
