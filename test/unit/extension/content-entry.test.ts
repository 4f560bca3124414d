// The content script's entry: injected again and again by the toolbar button, it must set up only once,
// and it answers only toggles sent by this extension.
import type { JSDOM } from 'jsdom';
import { defaultSettings } from '../../../src/shared/settings';
import { fixturePage } from './dom';

type Listener = (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined;

const listeners: Listener[] = [];
const sent: unknown[] = [];
const ownId = 'broadsheet@broadsheet.dev';

jest.mock('webextension-polyfill', () => ({
  __esModule: true,
  default: {
    runtime: {
      id: 'broadsheet@broadsheet.dev',
      getURL: (path: string) => `moz-extension://test/${path}`,
      // The background's side: the stored settings (none yet: the defaults), the reader's assets (no
      // shipped rules here), the panels' bundle (not in this test); the tests look at the reader-state
      // reports.
      sendMessage: (message: { type?: string }) => {
        if (message.type === 'broadsheet:get-settings') {
          return Promise.resolve({ type: 'broadsheet:settings', settings: defaultSettings() });
        }
        if (message.type === 'broadsheet:get-reader-assets') {
          const noRules = { file: 'none', sites: [], rules: [] };
          return Promise.resolve({
            type: 'broadsheet:reader-assets',
            rules: { generic: noRules, sites: [] },
            css: '.bs-dialog { color: black; }',
          });
        }
        if (message.type === 'broadsheet:load-reader-tools') {
          return Promise.resolve({ type: 'broadsheet:reader-tools', loaded: false });
        }
        if (message.type === 'broadsheet:reader-state') sent.push(message);
        return Promise.resolve();
      },
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    },
    i18n: {
      getMessage: (key: string) => (key === '@@bidi_dir' ? 'ltr' : `[${key}]`),
      getUILanguage: () => 'en',
    },
    storage: {
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

describe('the injected content script', () => {
  let dom: JSDOM;
  const globals = globalThis as unknown as Record<string, unknown>;

  beforeAll(() => {
    dom = fixturePage('plain-article');
    globals.window = dom.window;
    globals.document = dom.window.document;
  });
  afterAll(() => {
    delete globals.window;
    delete globals.document;
    dom.window.close();
  });

  function inject(): void {
    jest.isolateModules(() => {
      // A fresh module registry each time, like a fresh injection; the page's globals stay.
      jest.requireActual('../../../src/content/index');
    });
  }

  it('sets up once however often it is injected', () => {
    inject();
    inject();
    inject();
    expect(listeners).toHaveLength(1);
  });

  it('toggles the reader for its own extension and answers with the new state', async () => {
    const [listener] = listeners;
    const toggle = { type: 'broadsheet:toggle-reader' };
    await expect(listener?.(toggle, { id: ownId })).resolves.toEqual({
      type: 'broadsheet:toggled',
      open: true,
    });
    expect(dom.window.document.getElementById('broadsheet-reader-host')).not.toBeNull();
    await expect(listener?.(toggle, { id: ownId })).resolves.toEqual({
      type: 'broadsheet:toggled',
      open: false,
    });
    expect(dom.window.document.getElementById('broadsheet-reader-host')).toBeNull();
  });

  it('ignores other extensions and other messages', () => {
    const [listener] = listeners;
    expect(
      listener?.({ type: 'broadsheet:toggle-reader' }, { id: 'evil@example' }),
    ).toBeUndefined();
    expect(listener?.({ type: 'something-else' }, { id: ownId })).toBeUndefined();
    expect(dom.window.document.getElementById('broadsheet-reader-host')).toBeNull();
  });

  it('answers state queries, and reports "closed" once the page is being left', async () => {
    const [listener] = listeners;
    const query = { type: 'broadsheet:query-reader-state' };
    await expect(listener?.(query, { id: ownId })).resolves.toEqual({
      type: 'broadsheet:reader-state',
      open: false,
    });
    await listener?.({ type: 'broadsheet:toggle-reader' }, { id: ownId });
    await expect(listener?.(query, { id: ownId })).resolves.toEqual({
      type: 'broadsheet:reader-state',
      open: true,
    });
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pagehide', { persisted: true }));
    expect(sent.splice(0)).toEqual([{ type: 'broadsheet:reader-state', open: false }]);
    await expect(listener?.(query, { id: ownId })).resolves.toEqual({
      type: 'broadsheet:reader-state',
      open: false,
    });
    // Back from the back/forward cache with the reader still open.
    dom.window.dispatchEvent(new dom.window.PageTransitionEvent('pageshow', { persisted: true }));
    expect(sent.splice(0)).toEqual([{ type: 'broadsheet:reader-state', open: true }]);
    await listener?.({ type: 'broadsheet:toggle-reader' }, { id: ownId });
    expect(dom.window.document.getElementById('broadsheet-reader-host')).toBeNull();
  });

  it('tells the background when the user closes the reader with Escape', async () => {
    const [listener] = listeners;
    await listener?.({ type: 'broadsheet:toggle-reader' }, { id: ownId });
    const dialog = dom.window.document
      .getElementById('broadsheet-reader-host')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    dialog?.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(sent).toEqual([{ type: 'broadsheet:reader-state', open: false }]);
  });
});
