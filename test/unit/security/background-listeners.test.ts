// The background as it is wired (src/background/index.ts with automatic mode and the reader's services),
// on a recording stand-in for the browser API: every runtime.onMessage listener it registers is given
// each forged message from each wrong sender, and none of them acts (no button change, no storage
// write, no tab, no injection, no options page, no answer). The same listeners do act on the genuine
// messages from our content script, so the test can tell the difference.
type Listener = (message: unknown, sender: unknown) => unknown;

const ownId = 'broadsheet@broadsheet.dev';
const pageUrl = 'https://news.example.co.uk/2024/03/14/sea-wall';

/** Every call into the browser that would be an action, by name. */
const actions: string[] = [];
const messageListeners: Listener[] = [];

function act(name: string, result: unknown = undefined) {
  return jest.fn(() => {
    actions.push(name);
    return Promise.resolve(result);
  });
}

const listenerSlot = () => ({ addListener: jest.fn(), removeListener: jest.fn() });
const storageArea = (name: string) => ({
  get: jest.fn(() => Promise.resolve({})),
  set: act(`storage.${name}.set`),
  remove: act(`storage.${name}.remove`),
});

const fakeBrowser = {
  action: {
    setIcon: act('action.setIcon'),
    setTitle: act('action.setTitle'),
    setBadgeText: act('action.setBadgeText'),
    setBadgeBackgroundColor: act('action.setBadgeBackgroundColor'),
    onClicked: listenerSlot(),
  },
  runtime: {
    id: ownId,
    getURL: (path: string) => `chrome-extension://own/${path}`,
    openOptionsPage: act('runtime.openOptionsPage'),
    onMessage: { addListener: (listener: Listener) => messageListeners.push(listener) },
    onInstalled: listenerSlot(),
    onStartup: listenerSlot(),
  },
  i18n: { getMessage: (key: string) => key },
  tabs: {
    sendMessage: act('tabs.sendMessage'),
    create: act('tabs.create'),
    onUpdated: listenerSlot(),
    onRemoved: listenerSlot(),
  },
  storage: {
    sync: storageArea('sync'),
    local: storageArea('local'),
    session: storageArea('session'),
    onChanged: listenerSlot(),
  },
  permissions: {
    getAll: jest.fn(() => Promise.resolve({ origins: [], permissions: [] })),
    contains: jest.fn(() => Promise.resolve(false)),
    remove: act('permissions.remove', true),
    onAdded: listenerSlot(),
    onRemoved: listenerSlot(),
  },
  scripting: {
    executeScript: act('scripting.executeScript', []),
    getRegisteredContentScripts: jest.fn(() => Promise.resolve([])),
    registerContentScripts: act('scripting.registerContentScripts'),
    unregisterContentScripts: act('scripting.unregisterContentScripts'),
  },
};

jest.mock('webextension-polyfill', () => ({ __esModule: true, default: fakeBrowser }));

const ownTab = {
  id: 41,
  index: 0,
  windowId: 1,
  active: true,
  highlighted: true,
  pinned: false,
  incognito: false,
};
/** Our content script in a tab's top frame, as Chromium describes it. */
const ownContentScript = {
  id: ownId,
  url: pageUrl,
  origin: 'https://news.example.co.uk',
  frameId: 0,
  tab: ownTab,
};

const genuine: Record<string, unknown>[] = [
  { type: 'broadsheet:reader-state', open: true },
  { type: 'broadsheet:open-options' },
  { type: 'broadsheet:get-settings' },
  { type: 'broadsheet:save-settings', patch: { fontSize: 22 } },
  { type: 'broadsheet:load-reader-tools' },
  { type: 'broadsheet:auto-allowed', url: pageUrl },
  { type: 'broadsheet:auto-open', url: pageUrl },
  { type: 'broadsheet:auto-closed', url: pageUrl },
  { type: 'broadsheet:site-choice-query', url: pageUrl },
  { type: 'broadsheet:site-choice', url: pageUrl, choice: 'never' },
];

const wrongSenders: [string, unknown][] = [
  ['another extension', { ...ownContentScript, id: 'nkeimhogjdpnpccoofpliimaahmaaome' }],
  [
    'a web page (no extension id)',
    { url: pageUrl, origin: 'https://news.example.co.uk', frameId: 0, tab: ownTab },
  ],
  [
    'our script in an iframe',
    { ...ownContentScript, frameId: 5, url: 'https://ads.example/f.html' },
  ],
  ['no tab', { id: ownId, url: 'chrome-extension://own/options.html' }],
];

function forgedVariants(message: Record<string, unknown>): unknown[] {
  const long = `${pageUrl}?${'x'.repeat(20_000)}`;
  return [
    { ...message, extra: true },
    { ...message, type: `${String(message.type)} ` },
    'url' in message ? { ...message, url: long } : { ...message, padding: 'x'.repeat(100_000) },
    'url' in message ? { ...message, url: 'https://bank.example/' } : [message],
  ];
}

async function deliver(message: unknown, sender: unknown): Promise<unknown[]> {
  const answers = messageListeners.map((listener) => listener(message, sender));
  const settled = await Promise.all(answers.map((answer) => Promise.resolve(answer)));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled.filter((answer) => answer !== undefined);
}

beforeAll(async () => {
  await import('../../../src/background/index');
  // Let start-up work (automatic mode's reconcile on the settings) finish before counting actions.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

beforeEach(() => {
  actions.length = 0;
});

it('registers its message listeners', () => {
  expect(messageListeners.length).toBeGreaterThanOrEqual(3);
});

describe.each(wrongSenders)('from %s', (_who, sender) => {
  it.each(genuine.map((message) => [message.type, message]))(
    '%s does nothing',
    async (_type, message) => {
      expect(await deliver(message, sender)).toEqual([]);
      expect(actions).toEqual([]);
    },
  );
});

describe('from our own content script', () => {
  it.each(genuine.map((message) => [message.type, message]))(
    '%s, forged (extra field, wrong type, oversized, another site), does nothing',
    async (_type, message) => {
      for (const forged of forgedVariants(message)) {
        expect(await deliver(forged, ownContentScript)).toEqual([]);
        expect(actions).toEqual([]);
      }
    },
  );

  // The positive control: the genuine messages do reach a listener that acts or answers.
  it.each([
    [{ type: 'broadsheet:reader-state', open: true }, 'action.setBadgeText'],
    [{ type: 'broadsheet:open-options' }, 'runtime.openOptionsPage'],
    [{ type: 'broadsheet:site-choice', url: pageUrl, choice: 'never' }, 'storage.sync.set'],
    [{ type: 'broadsheet:auto-closed', url: pageUrl }, 'storage.session.set'],
    [{ type: 'broadsheet:save-settings', patch: { fontSize: 22 } }, 'storage.sync.set'],
    [{ type: 'broadsheet:load-reader-tools' }, 'scripting.executeScript'],
  ])('%j acts (%s)', async (message, action) => {
    await deliver(message, ownContentScript);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(actions).toContain(action);
  });

  it('a settings request is answered', async () => {
    const answers = await deliver({ type: 'broadsheet:get-settings' }, ownContentScript);
    expect(answers).toEqual([expect.objectContaining({ type: 'broadsheet:settings' })]);
  });
});
