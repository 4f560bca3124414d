// "All settings" in the reader: the typed message the content script sends, the guard the background
// applies before calling runtime.openOptionsPage(), and the toolbar button (shown only when wired).
import fc from 'fast-check';
import { isFromOwnContentScript } from '../../../src/background/sender';
import { isOpenOptionsMessage, openOptionsMessage } from '../../../src/shared/messages';
import { openReader } from '../overlay/support';

describe('the open-options message', () => {
  it('accepts the message the content script builds', () => {
    expect(isOpenOptionsMessage(openOptionsMessage)).toBe(true);
    expect(isOpenOptionsMessage({ type: 'broadsheet:open-options' })).toBe(true);
  });

  it.each([
    ['null', null],
    ['the bare type string', 'broadsheet:open-options'],
    ['an array', [{ type: 'broadsheet:open-options' }]],
    ['another message', { type: 'broadsheet:toggle-reader' }],
    ['extra data', { type: 'broadsheet:open-options', url: 'https://example.com/' }],
  ])('rejects %s', (_, value) => {
    expect(isOpenOptionsMessage(value)).toBe(false);
  });

  it('never throws and accepts nothing else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const exact =
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length === 1 &&
          (value as Record<string, unknown>).type === 'broadsheet:open-options';
        expect(isOpenOptionsMessage(value)).toBe(exact);
      }),
    );
  });

  it('is honoured only from our own content script in a top frame', () => {
    const tab = {
      id: 4,
      index: 0,
      highlighted: true,
      active: true,
      pinned: false,
      incognito: false,
    };
    expect(isFromOwnContentScript({ id: 'me', tab, frameId: 0 }, 'me')).toBe(true);
    expect(isFromOwnContentScript({ id: 'other', tab, frameId: 0 }, 'me')).toBe(false);
    expect(isFromOwnContentScript({ id: 'me', tab, frameId: 3 }, 'me')).toBe(false);
    // An extension page (no tab) is not the reader.
    expect(isFromOwnContentScript({ id: 'me', frameId: 0 }, 'me')).toBe(false);
  });
});

describe('the reader toolbar button', () => {
  it('is a labelled button that asks for the options page once per click', () => {
    const openOptions = jest.fn();
    const reader = openReader({ overrides: { openOptions } });
    const button = reader.$<HTMLButtonElement>('.bs-toolbar .bs-open-options');
    expect(button.getAttribute('aria-label')).toBe('All settings');
    expect(button.title).toBe('All settings');
    expect(button.type).toBe('button');
    button.click();
    expect(openOptions).toHaveBeenCalledTimes(1);
    reader.overlay.close();
    button.click(); // listeners are removed with the reader
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('is left out where nothing can open the options page (the options preview, tests)', () => {
    const reader = openReader();
    expect(reader.shadow.querySelector('.bs-open-options')).toBeNull();
    reader.overlay.close();
  });
});
