import {
  ALL_SITES_SCRIPT_ID,
  AUTO_SCRIPT_ID_PREFIX,
  desiredScripts,
  planReconcile,
  type AutoScript,
} from '../../../src/background/auto-mode';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { ALL_SITES_ORIGINS, siteOrigins } from '../../../src/shared/site-permissions';

const settings = (patch: Partial<Settings>): Settings => ({ ...defaultSettings(), ...patch });
const everything = [...ALL_SITES_ORIGINS];

describe('desiredScripts', () => {
  it('registers nothing when automatic mode is off, even with sites and permissions', () => {
    expect(desiredScripts(settings({ alwaysSites: ['a.test'] }), everything)).toEqual([]);
  });

  it('registers one script per chosen site whose permission is granted, for the site and its subdomains', () => {
    const scripts = desiredScripts(
      settings({ autoMode: 'sites', alwaysSites: ['a.test', 'b.test', '127.0.0.1'] }),
      [...siteOrigins('a.test'), ...siteOrigins('127.0.0.1')],
    );
    expect(scripts).toEqual([
      {
        id: `${AUTO_SCRIPT_ID_PREFIX}a.test`,
        matches: siteOrigins('a.test'),
        excludeMatches: [],
        js: ['auto-reader.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
      expect.objectContaining({
        id: `${AUTO_SCRIPT_ID_PREFIX}127.0.0.1`,
        matches: ['https://127.0.0.1/*', 'http://127.0.0.1/*'],
      }),
    ]);
  });

  it('keeps a "never" subdomain out of its parent site script', () => {
    const [script] = desiredScripts(
      settings({
        autoMode: 'sites',
        alwaysSites: ['bbc.co.uk'],
        neverSites: ['sport.bbc.co.uk', 'other.test'],
      }),
      everything,
    );
    expect(script?.excludeMatches).toEqual(siteOrigins('sport.bbc.co.uk'));
  });

  it('registers one broad script on "all-news" once it is granted, without the "never" sites', () => {
    const all = settings({ autoMode: 'all-news', alwaysSites: ['a.test'], neverSites: ['b.test'] });
    expect(desiredScripts(all, siteOrigins('a.test'))).toEqual([]);
    expect(desiredScripts(all, everything)).toEqual([
      expect.objectContaining({
        id: ALL_SITES_SCRIPT_ID,
        matches: ALL_SITES_ORIGINS,
        excludeMatches: siteOrigins('b.test'),
      }),
    ]);
  });
});

describe('planReconcile', () => {
  const wanted: AutoScript[] = desiredScripts(
    settings({ autoMode: 'sites', alwaysSites: ['a.test', 'b.test'] }),
    everything,
  );

  it('registers everything on a fresh start', () => {
    expect(planReconcile([], wanted)).toEqual({ unregister: [], register: wanted });
  });

  it('does nothing when the browser already has exactly what is wanted (in any order)', () => {
    const registered = wanted.map((script) => ({
      ...script,
      matches: [...script.matches].reverse(),
    }));
    expect(planReconcile(registered, wanted)).toEqual({ unregister: [], register: [] });
  });

  it('treats a missing excludeMatches as empty (how browsers report an empty list)', () => {
    const registered = wanted.map(({ excludeMatches: _unused, ...rest }) => rest);
    expect(planReconcile(registered, wanted)).toEqual({ unregister: [], register: [] });
  });

  it('removes our unwanted scripts, replaces changed ones, and never touches other ids', () => {
    const [a, b] = wanted as [AutoScript, AutoScript];
    const registered = [
      { ...a, matches: ['https://a.test/*'] },
      { ...b },
      {
        id: `${AUTO_SCRIPT_ID_PREFIX}gone.test`,
        matches: siteOrigins('gone.test'),
        js: ['auto-reader.js'],
      },
      { id: 'someone-else', matches: ['https://*/*'], js: ['x.js'] },
    ];
    expect(planReconcile(registered, wanted)).toEqual({
      unregister: [a.id, `${AUTO_SCRIPT_ID_PREFIX}gone.test`],
      register: [a],
    });
  });

  it('unregisters all of ours when automatic mode is turned off', () => {
    expect(
      planReconcile(wanted, desiredScripts(settings({ autoMode: 'off' }), everything)),
    ).toEqual({
      unregister: wanted.map((script) => script.id),
      register: [],
    });
  });
});
