import {
  autoOpenAllowed,
  contrastRatio,
  defaultSettings,
  meetsContrastAA,
  normalizeHostname,
  siteChoice,
  siteChoicePatch,
} from '../../../src/shared/settings';

describe('normalizeHostname', () => {
  it.each([
    ['www.Independent.co.uk.', 'www.independent.co.uk'],
    [
      '  https://www.independent.co.uk/news/world/middle-east/iraq-crisis ',
      'www.independent.co.uk',
    ],
    ['http://127.0.0.1:8080/article.html', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['[::1]', '[::1]'],
  ])('%p -> %p', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    '',
    'example.com:8080',
    'example.com/news',
    'a b.com',
    'user@example.com',
    '1.2.3',
    '-x.com',
    'a..b',
    '*.example.com',
    'ftp://example.com',
    'javascript://x.com',
    `${'a'.repeat(64)}.com`,
    'x'.repeat(5000),
  ])('rejects %p', (input) => {
    expect(normalizeHostname(input)).toBeNull();
  });
});

describe('site choices', () => {
  const lists = {
    ...defaultSettings(),
    alwaysSites: ['a.example', 'both.example'],
    neverSites: ['b.example', 'both.example'],
  };

  it('reads a choice, with "never" winning a conflict', () => {
    expect(siteChoice(lists, 'A.example')).toBe('always');
    expect(siteChoice(lists, 'b.example')).toBe('never');
    expect(siteChoice(lists, 'both.example')).toBe('never');
    expect(siteChoice(lists, 'c.example')).toBe('default');
    expect(siteChoice(lists, 'not a host')).toBe('default');
  });

  it('covers subdomains, with the closest entry winning', () => {
    const news = { alwaysSites: ['bbc.co.uk', '10.0.0.1'], neverSites: ['sport.bbc.co.uk'] };
    expect(siteChoice(news, 'www.bbc.co.uk')).toBe('always');
    expect(siteChoice(news, 'live.sport.bbc.co.uk')).toBe('never');
    expect(siteChoice(news, 'notbbc.co.uk')).toBe('default');
    expect(siteChoice(news, '10.0.0.1')).toBe('always');
    expect(siteChoice({ alwaysSites: ['0.0.1'], neverSites: [] }, '10.0.0.1')).toBe('default');
    const patch = siteChoicePatch(news, 'sport.bbc.co.uk', 'default');
    expect(patch).toEqual({ alwaysSites: ['bbc.co.uk', '10.0.0.1'], neverSites: [] });
    expect(siteChoice({ ...news, ...patch }, 'sport.bbc.co.uk')).toBe('always');
  });

  it('moves a site between the lists with one patch', () => {
    expect(siteChoicePatch(lists, 'b.example', 'always')).toEqual({
      alwaysSites: ['a.example', 'both.example', 'b.example'],
      neverSites: ['both.example'],
    });
    expect(siteChoicePatch(lists, 'both.example', 'default')).toEqual({
      alwaysSites: ['a.example'],
      neverSites: ['b.example'],
    });
    expect(siteChoicePatch(lists, 'http://', 'never')).toBeNull();
  });

  it('allows automatic opening only where the mode and the lists agree', () => {
    const on = (autoMode: 'off' | 'sites' | 'all-news', host: string) =>
      autoOpenAllowed({ ...lists, autoMode }, host);
    expect(on('off', 'a.example')).toBe(false);
    expect(on('sites', 'a.example')).toBe(true);
    expect(on('sites', 'c.example')).toBe(false);
    expect(on('all-news', 'c.example')).toBe(true);
    expect(on('all-news', 'b.example')).toBe(false);
    expect(on('sites', 'both.example')).toBe(false);
  });
});

describe('custom colour contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('checks AA for body text, and the default custom pair passes', () => {
    expect(meetsContrastAA(defaultSettings().customColors)).toBe(true);
    expect(meetsContrastAA({ background: '#ffffff', text: '#777777' })).toBe(false);
    expect(meetsContrastAA({ background: '#ffffff', text: '#767676' })).toBe(true);
  });
});
