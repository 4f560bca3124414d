import { validateUserRules } from '../../../src/rules';
import {
  CURRENT_SCHEMA_VERSION,
  checkPatch,
  defaultSettings,
  isValidSettings,
  LIMITS,
  parseSettings,
  type Settings,
  type SettingsField,
  type SettingsProblem,
} from '../../../src/shared/settings';

/** A valid settings object with every field away from its default. */
function customised(): Settings {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    fontSize: 24,
    fontFamily: 'dyslexic',
    lineHeight: 1.9,
    contentWidth: 80,
    textAlign: 'justify',
    theme: 'custom',
    customColors: { background: '#000000', text: '#ffffff' },
    showImages: false,
    speechRate: 1.5,
    speechVoice: 'Google UK English Female',
    autoMode: 'sites',
    alwaysSites: ['www.independent.co.uk', '127.0.0.1'],
    neverSites: ['www.bbc.co.uk'],
    userRules: [{ site: 'www.independent.co.uk', selector: '.day-in-a-page' }],
  };
}

const problemFields = (problems: SettingsProblem[]) => problems.map((problem) => problem.field);

describe('defaults', () => {
  it('are a valid settings object, and a fresh one each time', () => {
    const a = defaultSettings();
    expect(isValidSettings(a)).toBe(true);
    a.alwaysSites.push('example.com');
    expect(defaultSettings().alwaysSites).toEqual([]);
  });

  it('fill every missing field without a problem', () => {
    const result = parseSettings({ fontSize: 26 });
    expect(result.problems).toEqual([]);
    expect(result.settings).toEqual({ ...defaultSettings(), fontSize: 26 });
  });
});

describe('parseSettings: a bad field falls back alone', () => {
  const bad: Record<SettingsField, unknown[]> = {
    fontSize: ['18px', 13, 33, 20.5, NaN, null, true, Infinity],
    fontFamily: ['comic-sans', 'Serif', 3, null],
    lineHeight: [1.1, 2.3, '1.6', null],
    contentWidth: [44, 101, 68.2, '68ch'],
    textAlign: ['left', 'center', 0],
    theme: ['night', 'DARK', {}, ['dark']],
    customColors: ['#000000', null, [1, 2]],
    showImages: ['true', 1, null],
    speechRate: [0.4, 2.1, '1', null],
    speechVoice: ['', 42, { name: 'x' }],
    autoMode: ['on', true, 'all'],
    alwaysSites: ['example.com', { 0: 'example.com' }, 7],
    neverSites: ['example.com', null],
    userRules: [{ site: 'a.com', selector: '.x' }, 'rules'],
  };

  for (const [field, values] of Object.entries(bad) as [SettingsField, unknown[]][]) {
    it.each(values.map((value) => [value]))(
      `${field} = %p falls back to the default, keeping the rest`,
      (value) => {
        const input = { ...customised(), [field]: value };
        const { settings, problems } = parseSettings(input);
        expect(settings).toEqual({ ...customised(), [field]: defaultSettings()[field] });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ field, kind: 'invalid' });
        expect(problems[0]?.message.length).toBeGreaterThan(10);
        expect(problems[0]?.received?.length).toBeLessThanOrEqual(90);
        expect(isValidSettings(settings)).toBe(true);
      },
    );
  }

  it('explains range problems in words', () => {
    const { problems } = parseSettings({ fontSize: 99 });
    expect(problems[0]?.message).toBe('Font size must be from 14 to 32 px. The default is used.');
    expect(problems[0]?.received).toBe('number 99');
  });

  it('keeps a valid custom colour when only the other one is bad', () => {
    const { settings, problems } = parseSettings({
      customColors: { background: '#fafafa', text: 'black', glow: 1 },
    });
    expect(settings.customColors).toEqual({
      background: '#fafafa',
      text: defaultSettings().customColors.text,
    });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'customColors.text', kind: 'invalid', received: '"black"' }),
      expect.objectContaining({ field: 'customColors.glow', kind: 'unknown-field' }),
    ]);
  });

  it('accepts a valid object unchanged, with no problems', () => {
    expect(parseSettings(customised())).toEqual({
      settings: customised(),
      problems: [],
      migratedFrom: null,
    });
  });
});

describe('parseSettings: lists drop bad entries, not the list', () => {
  it('normalises hostnames, drops what is not one, and removes repeats', () => {
    const { settings, problems } = parseSettings({
      alwaysSites: [
        'WWW.Example.COM.',
        'https://news.example.org/world/1',
        'not a host',
        'www.example.com',
        5,
      ],
    });
    expect(settings.alwaysSites).toEqual(['www.example.com', 'news.example.org']);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'alwaysSites',
        kind: 'entry-dropped',
        received: '"not a host"',
      }),
      expect.objectContaining({
        field: 'alwaysSites',
        kind: 'entry-dropped',
        received: 'number 5',
      }),
    ]);
    expect(problems[0]?.message).toMatch(/entry 3 was dropped/);
  });

  it('shape-checks user rules', () => {
    const { settings, problems } = parseSettings({
      userRules: [
        { site: 'WWW.Independent.co.uk', selector: '  .ijobs-widget ' },
        { site: 'https://www.independent.co.uk/news', selector: 'aside.newsletter' },
        { site: 'x.com', selector: '' },
        { site: 'x.com', selector: 'div { color: red } body' },
        { site: 'x.com/path', selector: '.a' },
        { site: '*', selector: '.everywhere' },
        { selector: '.no-site' },
        { site: 'x.com', selector: 'p'.repeat(501) },
        'just a string',
      ],
    });
    expect(settings.userRules).toEqual([
      { site: 'www.independent.co.uk', selector: '.ijobs-widget' },
      { site: 'www.independent.co.uk', selector: 'aside.newsletter' },
    ]);
    expect(problems.map((problem) => problem.message.replace(/^.*was dropped\. /, ''))).toEqual([
      'A rule needs a CSS selector.',
      'A rule selector must not contain { } or control characters.',
      'A rule site must be a hostname like example.com (no path or port).',
      'A rule site must be a hostname like example.com (no path or port).',
      'A rule needs a site (a hostname like example.com).',
      'Cleanup rules: 2 more entries were dropped.',
    ]);
  });

  it('reports at most five dropped entries one by one, then a count', () => {
    const { settings, problems } = parseSettings({
      neverSites: ['ok.com', ...Array(40).fill('bad host')],
    });
    expect(settings.neverSites).toEqual(['ok.com']);
    expect(problems).toHaveLength(6);
    expect(problems[5]?.message).toMatch(/35 more entries were dropped/);
  });

  it("plugs in the rules engine's own validation", () => {
    // Without a Document the engine checks sites and lengths now and selector syntax when it applies them.
    // (jsdom and linkedom do not load under the shared jest config yet; see the settings report.)
    const { settings, problems } = parseSettings(
      {
        userRules: [
          { site: 'a.com', selector: '.ok' },
          { site: 'intranet_host.example', selector: '.x' },
          { site: 'b.com', selector: 'aside > .promo' },
        ],
      },
      { checkUserRules: (rules) => validateUserRules(rules, undefined) },
    );
    expect(settings.userRules).toEqual([
      { site: 'a.com', selector: '.ok' },
      { site: 'b.com', selector: 'aside > .promo' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'userRules',
        kind: 'entry-dropped',
        message:
          'Cleanup rules: Rule 2: "intranet_host.example" is not a host name such as example.com.',
      }),
    ]);
  });

  it('keeps only rules that passed both checks, whatever the plugged-in check returns', () => {
    const { settings, problems } = parseSettings(
      {
        userRules: [
          { site: 'a.com', selector: '.ok' },
          { site: 'a.com', selector: '.gone' },
        ],
      },
      {
        checkUserRules: () => ({
          rules: [
            { site: 'a.com', selector: '.ok' },
            { site: 'evil.com', selector: 'body' },
          ],
          problems: [],
        }),
      },
    );
    expect(settings.userRules).toEqual([{ site: 'a.com', selector: '.ok' }]);
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'Cleanup rules: 1 rules were rejected by the rule check.',
      }),
    ]);
  });

  it('keeps the rules and reports when the plugged-in check itself fails', () => {
    const { settings, problems } = parseSettings(
      { userRules: [{ site: 'a.com', selector: '.ok' }], fontSize: 22 },
      {
        checkUserRules: () => {
          throw new Error('engine not ready');
        },
      },
    );
    expect(settings.fontSize).toBe(22);
    expect(settings.userRules).toEqual([{ site: 'a.com', selector: '.ok' }]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'userRules',
        kind: 'not-checked',
        message:
          'Cleanup rules could not be fully checked (engine not ready); they were kept as saved.',
      }),
    ]);
  });
});

describe('parseSettings: oversized values', () => {
  it('rejects a 1 MB string per field with a short description', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const { settings, problems } = parseSettings({
      ...customised(),
      speechVoice: huge,
      fontFamily: huge,
    });
    expect(settings).toEqual({ ...customised(), speechVoice: null, fontFamily: 'serif' });
    const voice = problems.find((problem) => problem.field === 'speechVoice');
    expect(voice).toMatchObject({ kind: 'oversized' });
    expect(voice?.message).toMatch(/at most 500 characters/);
    expect(voice?.received).toMatch(/\(1048576 characters\)$/);
    expect(JSON.stringify(problems).length).toBeLessThan(1000);
  });

  it('rejects a 100,000-entry list and keeps the other fields', () => {
    const sites = Array.from({ length: 100_000 }, (_, i) => `site${i}.example`);
    const { settings, problems } = parseSettings({ ...customised(), alwaysSites: sites });
    expect(settings).toEqual({ ...customised(), alwaysSites: [] });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'alwaysSites',
        kind: 'oversized',
        received: 'a list of 100000 items',
      }),
    ]);
    expect(problems[0]?.message).toMatch(/more than the 1000 allowed/);
  });

  it('accepts a list at exactly the limit', () => {
    const sites = Array.from({ length: LIMITS.maxSitesPerList }, (_, i) => `site${i}.example`);
    expect(parseSettings({ neverSites: sites }).settings.neverSites).toHaveLength(
      LIMITS.maxSitesPerList,
    );
  });

  it('reports many unknown fields without listing them all', () => {
    const junk = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`junk${i}`, i]));
    const { settings, problems } = parseSettings({ ...junk, fontSize: 18 });
    expect(settings.fontSize).toBe(18);
    expect(problems).toHaveLength(6);
    expect(problems[5]?.message).toBe('4995 more unknown fields were ignored.');
  });
});

describe('parseSettings: not an object', () => {
  it.each([null, undefined, 42, 'settings', [1, 2], true])(
    '%p gives all defaults and one problem',
    (raw) => {
      const { settings, problems } = parseSettings(raw);
      expect(settings).toEqual(defaultSettings());
      expect(problems).toEqual([expect.objectContaining({ field: null, kind: 'not-an-object' })]);
    },
  );

  it('ignores and reports unknown fields, and never copies __proto__', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "fontSize": 30, "colour": "red"}');
    const { settings, problems } = parseSettings(raw);
    expect(settings.fontSize).toBe(30);
    expect(problemFields(problems)).toEqual(['__proto__', 'colour']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });
});

describe('checkPatch', () => {
  it('accepts a valid change and normalises lists', () => {
    expect(checkPatch({ fontSize: 22, alwaysSites: ['Example.com', 'example.com'] })).toEqual({
      ok: true,
      patch: { fontSize: 22, alwaysSites: ['example.com'] },
    });
  });

  it('accepts a whole settings object', () => {
    expect(checkPatch(customised())).toMatchObject({ ok: true });
  });

  it('rejects the whole change when any part is invalid', () => {
    const result = checkPatch({
      fontSize: 22,
      theme: 'night',
      neverSites: ['ok.com', 'bad host'],
      extra: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemFields(result.problems)).toEqual(['theme', 'neverSites', 'extra']);
  });

  it('rejects a change of the schema version and non-objects', () => {
    expect(checkPatch({ schemaVersion: 1 }).ok).toBe(false);
    expect(checkPatch('fontSize=22').ok).toBe(false);
  });
});
