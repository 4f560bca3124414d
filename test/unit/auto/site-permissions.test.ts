import {
  ALL_SITES_ORIGINS,
  allOriginsGranted,
  isOriginGranted,
  originsNeeded,
  originsToRelease,
  siteOrigins,
} from '../../../src/shared/site-permissions';

describe('siteOrigins', () => {
  it('covers a domain and its subdomains over http and https', () => {
    expect(siteOrigins('bbc.co.uk')).toEqual([
      'https://bbc.co.uk/*',
      'http://bbc.co.uk/*',
      'https://*.bbc.co.uk/*',
      'http://*.bbc.co.uk/*',
    ]);
  });

  it('covers an IP address alone (it has no subdomains)', () => {
    expect(siteOrigins('127.0.0.1')).toEqual(['https://127.0.0.1/*', 'http://127.0.0.1/*']);
    expect(siteOrigins('[::1]')).toEqual(['https://[::1]/*', 'http://[::1]/*']);
  });
});

describe('originsNeeded / originsToRelease', () => {
  const sites = { autoMode: 'sites' as const, alwaysSites: ['example.org'] };

  it('needs nothing when automatic mode is off, whatever the lists hold', () => {
    expect(originsNeeded({ ...sites, autoMode: 'off' })).toEqual([]);
  });

  it('needs the chosen sites only on "sites", and the broad pair as well on "all-news"', () => {
    expect(originsNeeded(sites)).toEqual(siteOrigins('example.org'));
    expect(originsNeeded({ ...sites, autoMode: 'all-news' })).toEqual([
      ...ALL_SITES_ORIGINS,
      ...siteOrigins('example.org'),
    ]);
  });

  it('releases what a removed site or a left mode no longer needs', () => {
    const granted = [
      ...ALL_SITES_ORIGINS,
      ...siteOrigins('example.org'),
      ...siteOrigins('gone.net'),
    ];
    expect(originsToRelease(sites, granted)).toEqual([
      ...ALL_SITES_ORIGINS,
      ...siteOrigins('gone.net'),
    ]);
    expect(originsToRelease({ ...sites, autoMode: 'off' }, granted)).toEqual(granted);
  });
});

describe('isOriginGranted', () => {
  it('accepts the same pattern or a broad grant of its scheme, nothing else', () => {
    expect(isOriginGranted(['http://127.0.0.1/*'], 'http://127.0.0.1/*')).toBe(true);
    expect(isOriginGranted(['http://127.0.0.1/*'], 'https://127.0.0.1/*')).toBe(false);
    expect(isOriginGranted(['https://*/*'], 'https://*.example.org/*')).toBe(true);
    expect(isOriginGranted(['https://*/*'], 'http://example.org/*')).toBe(false);
    expect(isOriginGranted(['*://*/*'], 'http://example.org/*')).toBe(true);
    expect(isOriginGranted(['https://example.org/*'], 'https://*.example.org/*')).toBe(false);
    expect(allOriginsGranted([], [])).toBe(true);
    expect(allOriginsGranted(['http://a.test/*'], siteOrigins('a.test'))).toBe(false);
  });
});
