import fc from 'fast-check';
import {
  isReaderStateMessage,
  isToggleReaderMessage,
  isToggleReaderResponse,
  readerStateMessage,
  toggleReaderMessage,
} from '../../../src/shared/messages';
import { isFromOwnContentScript } from '../../../src/background/sender';

describe('typed messages between background and content script', () => {
  it('accepts the messages the two sides build', () => {
    expect(isToggleReaderMessage(toggleReaderMessage)).toBe(true);
    expect(isReaderStateMessage(readerStateMessage(true))).toBe(true);
    expect(isReaderStateMessage(readerStateMessage(false))).toBe(true);
    expect(isToggleReaderResponse({ type: 'broadsheet:toggled', open: false })).toBe(true);
    expect(isToggleReaderResponse({ type: 'broadsheet:unsupported', reason: 'pdf' })).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'broadsheet:toggle-reader'],
    ['an array', [{ type: 'broadsheet:reader-state', open: true }]],
    ['a missing flag', { type: 'broadsheet:reader-state' }],
    ['a flag of the wrong type', { type: 'broadsheet:reader-state', open: 'yes' }],
    ['another type', { type: 'broadsheet:toggle-reader', open: true }],
  ])('rejects %s as a reader-state message', (_, value) => {
    expect(isReaderStateMessage(value)).toBe(false);
  });

  it('rejects responses with an unknown reason or a missing field', () => {
    expect(isToggleReaderResponse({ type: 'broadsheet:unsupported', reason: 'nope' })).toBe(false);
    expect(isToggleReaderResponse({ type: 'broadsheet:toggled' })).toBe(false);
    expect(isToggleReaderResponse(undefined)).toBe(false);
    expect(isToggleReaderMessage({ type: 'broadsheet:reader-state', open: true })).toBe(false);
  });

  it('never throws and never accepts arbitrary JSON without the exact shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const accepted = isReaderStateMessage(value);
        const shaped =
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          (value as Record<string, unknown>).type === 'broadsheet:reader-state' &&
          typeof (value as Record<string, unknown>).open === 'boolean';
        expect(accepted).toBe(shaped);
        isToggleReaderMessage(value);
        isToggleReaderResponse(value);
      }),
    );
  });
});

describe('who may change the button state', () => {
  const ownId = 'broadsheet@broadsheet.dev';
  const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };

  it('is our own content script in a tab’s top frame', () => {
    expect(isFromOwnContentScript({ id: ownId, tab, frameId: 0 }, ownId)).toBe(true);
  });

  it('is not another extension, an extension page or a sub-frame', () => {
    expect(isFromOwnContentScript({ id: 'other@example', tab, frameId: 0 }, ownId)).toBe(false);
    expect(isFromOwnContentScript({ id: ownId, frameId: 0 }, ownId)).toBe(false);
    expect(isFromOwnContentScript({ id: ownId, tab, frameId: 3 }, ownId)).toBe(false);
  });
});
