import {
  isAutoModeMessage,
  isSiteChoiceAnswer,
  isYes,
} from '../../../src/shared/auto-mode-messages';

describe('automatic mode messages', () => {
  it('accepts the known shapes and nothing else', () => {
    expect(isAutoModeMessage({ type: 'broadsheet:auto-allowed', url: 'https://a.test/' })).toBe(
      true,
    );
    expect(isAutoModeMessage({ type: 'broadsheet:auto-open', url: 'https://a.test/' })).toBe(true);
    expect(
      isAutoModeMessage({
        type: 'broadsheet:site-choice',
        url: 'https://a.test/',
        choice: 'never',
      }),
    ).toBe(true);
    expect(
      isAutoModeMessage({
        type: 'broadsheet:site-choice',
        url: 'https://a.test/',
        choice: 'sometimes',
      }),
    ).toBe(false);
    expect(isAutoModeMessage({ type: 'broadsheet:auto-open' })).toBe(false);
    expect(isAutoModeMessage({ type: 'broadsheet:toggle-reader', url: 'x' })).toBe(false);
    expect(isAutoModeMessage(null)).toBe(false);
    expect(isAutoModeMessage(['broadsheet:auto-open'])).toBe(false);
  });

  it('reads answers strictly', () => {
    expect(isYes({ ok: true })).toBe(true);
    expect(isYes({ ok: 'yes' })).toBe(false);
    expect(isYes(null)).toBe(false);
    expect(
      isSiteChoiceAnswer({
        type: 'broadsheet:site-choice-state',
        choice: 'always',
        needsPermission: true,
      }),
    ).toBe(true);
    expect(isSiteChoiceAnswer({ type: 'broadsheet:site-choice-state', choice: 'always' })).toBe(
      false,
    );
  });
});
