import { formatPublishedDate, readingMinutes } from '../../../src/overlay/format';
import { resolveTheme } from '../../../src/overlay/theme';

describe('the header date', () => {
  it('is written the way the article’s language writes dates', () => {
    expect(formatPublishedDate('2014-06-23T21:45:00Z', 'en-GB')).toMatch(/^2[34] June 2014$/);
    expect(formatPublishedDate('2014-06-23T12:00:00Z', 'de')).toBe('23. Juni 2014');
    expect(formatPublishedDate('2024-03-14T09:30:00Z', 'en')).toBe('March 14, 2024');
  });

  it('keeps a date-only value on its calendar day in every time zone', () => {
    expect(formatPublishedDate('2014-06-23', 'en-GB')).toBe('23 June 2014');
    expect(formatPublishedDate('2014-01-01', 'en-GB')).toBe('1 January 2014');
  });

  it('falls back to the default language for an invalid language tag', () => {
    expect(formatPublishedDate('2014-06-23', 'not a language!')).toMatch(/2014/);
  });

  it('is left out when the value is not a date', () => {
    expect(formatPublishedDate(null, 'en')).toBeNull();
    expect(formatPublishedDate('yesterday', 'en')).toBeNull();
    expect(formatPublishedDate('', 'en')).toBeNull();
  });
});

describe('reading time and theme', () => {
  it('shows whole minutes, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(0.4)).toBe(1);
    expect(readingMinutes(6.4)).toBe(6);
    expect(readingMinutes(Number.NaN)).toBe(1);
  });

  it('follows the system in "auto" and the user otherwise', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
