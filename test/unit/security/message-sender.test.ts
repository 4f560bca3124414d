// acceptFromContentScript, the gate in front of every runtime message the background acts on, with
// sender objects shaped like the ones Chromium and Firefox really pass (taken from their MessageSender
// docs and what the browsers send for a content script, an extension page, another extension and a
// web page). Only our own content script in a tab's top frame, speaking the exact message shapes about
// its own page, gets through.
import {
  acceptFromContentScript,
  backgroundMessageFields,
  maxMessageStringLength,
  type MessageSenderLike,
} from '../../../src/background/sender';
import { isAutoModeMessage } from '../../../src/shared/auto-mode-messages';
import { isReaderStateMessage } from '../../../src/shared/messages';

const ownId = 'broadsheet@example.org';
const pageUrl = 'https://news.example.co.uk/2024/03/14/sea-wall?ref=home#comments';

/** What Chromium passes for a content script in a tab's top frame. */
const chromiumContentScript = {
  id: ownId,
  url: pageUrl,
  origin: 'https://news.example.co.uk',
  frameId: 0,
  documentId: '8C5B3D0E2F1A4B6C9D7E0F1A2B3C4D5E',
  documentLifecycle: 'active',
  tab: {
    id: 1_254_003_917,
    index: 2,
    windowId: 1_254_003_901,
    active: true,
    highlighted: true,
    pinned: false,
    incognito: false,
    url: pageUrl,
    title: 'Sea wall to be rebuilt',
    status: 'complete',
  },
} as MessageSenderLike;

/** What Firefox passes for the same (no origin/documentId; envType instead). */
const firefoxContentScript = {
  id: ownId,
  url: pageUrl,
  envType: 'content_child',
  frameId: 0,
  tab: {
    id: 12,
    index: 1,
    windowId: 1,
    active: true,
    highlighted: true,
    pinned: false,
    incognito: false,
  },
} as MessageSenderLike;

const validMessages: Record<string, unknown> = {
  'broadsheet:reader-state': { type: 'broadsheet:reader-state', open: true },
  'broadsheet:open-options': { type: 'broadsheet:open-options' },
  'broadsheet:get-settings': { type: 'broadsheet:get-settings' },
  'broadsheet:save-settings': { type: 'broadsheet:save-settings', patch: { fontSize: 21 } },
  'broadsheet:load-reader-tools': { type: 'broadsheet:load-reader-tools' },
  'broadsheet:get-reader-assets': { type: 'broadsheet:get-reader-assets' },
  'broadsheet:auto-allowed': { type: 'broadsheet:auto-allowed', url: pageUrl },
  'broadsheet:auto-open': { type: 'broadsheet:auto-open', url: pageUrl },
  'broadsheet:auto-closed': { type: 'broadsheet:auto-closed', url: pageUrl },
  'broadsheet:site-choice-query': { type: 'broadsheet:site-choice-query', url: pageUrl },
  'broadsheet:site-choice': { type: 'broadsheet:site-choice', url: pageUrl, choice: 'always' },
};

/** The reader's own requests; src/shared/messages.ts checks their shapes, their fields are listed here. */
const readerRequests = [
  'broadsheet:open-options',
  'broadsheet:get-settings',
  'broadsheet:save-settings',
  'broadsheet:load-reader-tools',
  'broadsheet:get-reader-assets',
];
const isReaderRequest = (value: unknown): value is object =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  readerRequests.includes(String(value.type));

/** Any of the shape guards the background's listeners use. */
const anyBackgroundMessage = (value: unknown): value is object =>
  isReaderStateMessage(value) || isAutoModeMessage(value) || isReaderRequest(value);

describe.each([
  ['Chromium', chromiumContentScript],
  ['Firefox', firefoxContentScript],
])('%s: messages from our content script', (_browser, sender) => {
  it.each(Object.entries(validMessages))(
    '%s is accepted, for the sending tab',
    (_type, message) => {
      expect(acceptFromContentScript(message, sender, ownId, anyBackgroundMessage)).toEqual({
        message,
        tabId: sender.tab?.id,
      });
    },
  );

  it.each(Object.entries(validMessages))('%s with an extra field is rejected', (_type, message) => {
    const extras = [
      { settings: { theme: 'dark' } },
      { tabId: 99 },
      { __proto__: { open: true }, extra: 1 },
      { url2: pageUrl },
    ];
    for (const extra of extras) {
      const padded = { ...(message as object), ...extra };
      expect(acceptFromContentScript(padded, sender, ownId, anyBackgroundMessage)).toBeNull();
    }
  });

  it('a wrong shape is rejected', () => {
    const wrong: unknown[] = [
      null,
      undefined,
      'broadsheet:reader-state',
      42,
      [{ type: 'broadsheet:reader-state', open: true }],
      { type: 'broadsheet:reader-state' },
      { type: 'broadsheet:reader-state', open: 'yes' },
      { type: 'broadsheet:auto-open', url: 42 },
      { type: 'broadsheet:site-choice', url: pageUrl, choice: 'sometimes' },
      { type: 'broadsheet:toggle-reader' }, // the background sends this one; it never acts on it
      { type: 'broadsheet:set-settings', settings: { theme: 'dark' } },
      { type: 'BROADSHEET:READER-STATE', open: true },
      Object.assign(Object.create({ inherited: true }) as object, {
        type: 'broadsheet:reader-state',
        open: true,
      }),
      new Map([['type', 'broadsheet:reader-state']]),
    ];
    for (const message of wrong) {
      expect(acceptFromContentScript(message, sender, ownId, anyBackgroundMessage)).toBeNull();
    }
  });

  it('a huge payload is rejected', () => {
    const longUrl = `${pageUrl}&q=${'x'.repeat(maxMessageStringLength)}`;
    const huge = [
      { type: 'broadsheet:auto-closed', url: longUrl },
      { type: 'broadsheet:site-choice', url: pageUrl, choice: 'always'.padEnd(5_000_000, ' ') },
      { type: 'broadsheet:reader-state', open: true, blob: 'x'.repeat(10 * 1024 * 1024) },
      {
        type: 'broadsheet:save-settings',
        patch: {
          userRules: Array.from({ length: 5000 }, (_, i) => ({
            site: `s${i}.example`,
            selector: '.ad',
          })),
        },
      },
    ];
    for (const message of huge) {
      expect(acceptFromContentScript(message, sender, ownId, anyBackgroundMessage)).toBeNull();
    }
    // The limit is not in the way of real addresses.
    const longButReal = `${pageUrl}&utm=${'a'.repeat(4000)}`;
    const closed = { type: 'broadsheet:auto-closed', url: longButReal };
    expect(acceptFromContentScript(closed, sender, ownId, anyBackgroundMessage)).not.toBeNull();
  });

  it('a cyclic message (Firefox clones cycles faithfully) is rejected', () => {
    const patch: Record<string, unknown> = { fontSize: 20 };
    patch.self = patch;
    const message = { type: 'broadsheet:save-settings', patch };
    expect(acceptFromContentScript(message, sender, ownId, anyBackgroundMessage)).toBeNull();
  });

  it('a message about another site than the sending page is rejected', () => {
    for (const url of [
      'https://bank.example/',
      'http://news.example.co.uk/2024/03/14/sea-wall', // another scheme is another origin
      'https://news.example.co.uk:8443/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      const choice = { type: 'broadsheet:site-choice', url, choice: 'never' };
      expect(acceptFromContentScript(choice, sender, ownId, isAutoModeMessage)).toBeNull();
    }
  });

  it("a guard for another message is not fooled by a valid message's fields", () => {
    const state = { type: 'broadsheet:reader-state', open: false };
    expect(acceptFromContentScript(state, sender, ownId, isAutoModeMessage)).toBeNull();
  });
});

describe('senders other than our content script', () => {
  const message = { type: 'broadsheet:site-choice', url: pageUrl, choice: 'always' };

  const senders: [string, MessageSenderLike][] = [
    [
      'another extension (Chromium id)',
      { ...chromiumContentScript, id: 'nkeimhogjdpnpccoofpliimaahmaaome' },
    ],
    ['another extension (Firefox id)', { ...firefoxContentScript, id: 'ublock0@raymondhill.net' }],
    [
      'a web page (externally_connectable would give no id)',
      { url: pageUrl, frameId: 0, tab: chromiumContentScript.tab } as MessageSenderLike,
    ],
    [
      'our content script in an iframe of the page',
      { ...chromiumContentScript, frameId: 7, url: 'https://ads.example/frame.html' },
    ],
    ['our content script in an iframe on the same site', { ...firefoxContentScript, frameId: 2 }],
    [
      'a sender with no tab (a popup, the background, an offscreen document)',
      { id: ownId, url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' },
    ],
    [
      'a tab whose id is unknown (tabs.TAB_ID_NONE comes as a missing id)',
      { ...chromiumContentScript, tab: { index: 0 } } as MessageSenderLike,
    ],
    ['an empty sender', {}],
  ];

  it.each(senders)('%s is rejected', (_what, sender) => {
    expect(acceptFromContentScript(message, sender, ownId, isAutoModeMessage)).toBeNull();
  });
});

describe('the list of messages the background acts on', () => {
  it('has an example here for every entry, so a new message cannot skip these tests', () => {
    expect(Object.keys(validMessages).sort()).toEqual(Object.keys(backgroundMessageFields).sort());
  });

  it('lists exactly the fields of each valid message', () => {
    for (const [type, message] of Object.entries(validMessages)) {
      expect(Object.keys(message as object).sort()).toEqual(
        [...(backgroundMessageFields[type] ?? [])].sort(),
      );
    }
  });
});
