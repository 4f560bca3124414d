import {
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  migrate,
  MIGRATIONS,
  parseSettings,
} from '../../../src/shared/settings';
import { migrateV1toV2, migrateV2toV3 } from '../../../src/shared/settings/migrations';

/** What version 1 wrote for a reader who liked large dark text and auto-opened two news sites. */
const V1_SAVED = {
  schemaVersion: 1,
  theme: 'night',
  fontSize: '22px',
  font: 'opendyslexic',
  width: 'wide',
  justify: true,
  images: false,
  autoOpen: true,
  autoOpenSites: ['https://www.independent.co.uk/news/world', 'WWW.BBC.CO.UK'],
};

describe('v1 -> v2', () => {
  it('renames and converts every v1 field', () => {
    expect(migrateV1toV2(V1_SAVED)).toEqual({
      schemaVersion: 2,
      theme: 'dark',
      fontSize: 22,
      fontFamily: 'dyslexic',
      contentWidth: 85,
      textAlign: 'justify',
      showImages: false,
      autoMode: 'sites',
      alwaysSites: ['www.independent.co.uk', 'www.bbc.co.uk'],
    });
  });

  it.each([
    ['18px', 18],
    [' 17.6 PX ', 18],
    ['12pt', 16],
    ['10px', 14], // v1 allowed smaller text; the nearest size today
    ['40px', 32],
    ['19', 19],
  ])('reads the font size %p as %p px', (size, px) => {
    expect(migrateV1toV2({ schemaVersion: 1, fontSize: size }).fontSize).toBe(px);
  });

  it('maps the other v1 choices', () => {
    expect(
      migrateV1toV2({ font: 'sans-serif', width: 'narrow', justify: false, autoOpen: false }),
    ).toMatchObject({
      fontFamily: 'sans',
      contentWidth: 55,
      textAlign: 'start',
      autoMode: 'off',
    });
  });

  it('passes unrecognised values through for the parser to judge, without throwing', () => {
    const odd = {
      schemaVersion: 1,
      fontSize: 'huge',
      font: 'constructor',
      width: {},
      autoOpenSites: [3, 'bad host'],
      theme: 'light',
    };
    expect(migrateV1toV2(odd)).toEqual({
      schemaVersion: 2,
      fontSize: 'huge',
      fontFamily: 'constructor',
      contentWidth: {},
      alwaysSites: [3, 'bad host'],
      theme: 'light',
    });
  });

  it('does not modify its input', () => {
    const input = structuredClone(V1_SAVED);
    migrateV1toV2(input);
    expect(input).toEqual(V1_SAVED);
  });
});

describe('v2 -> v3', () => {
  it('converts the speech rate from percent, the empty voice to null, and renames the blocked list', () => {
    const v2 = {
      schemaVersion: 2,
      fontSize: 22,
      ttsRate: 150,
      ttsVoice: '',
      blockedSites: ['www.bbc.co.uk'],
    };
    expect(migrateV2toV3(v2)).toEqual({
      schemaVersion: 3,
      fontSize: 22,
      speechRate: 1.5,
      speechVoice: null,
      neverSites: ['www.bbc.co.uk'],
    });
  });

  it('keeps a named voice and leaves a bad rate for the parser', () => {
    expect(migrateV2toV3({ schemaVersion: 2, ttsVoice: 'Samantha', ttsRate: 'fast' })).toEqual({
      schemaVersion: 3,
      speechVoice: 'Samantha',
      speechRate: 'fast',
    });
  });
});

describe('migrate', () => {
  it('has one step per version up to the current one', () => {
    expect(MIGRATIONS.map((step) => [step.from, step.to])).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });

  it('runs v1 through every step to a valid current settings object', () => {
    const result = parseSettings(V1_SAVED);
    expect(result.migratedFrom).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.settings).toEqual({
      ...defaultSettings(),
      theme: 'dark',
      fontSize: 22,
      fontFamily: 'dyslexic',
      contentWidth: 85,
      textAlign: 'justify',
      showImages: false,
      autoMode: 'sites',
      alwaysSites: ['www.independent.co.uk', 'www.bbc.co.uk'],
    });
  });

  it('falls back per field for what a step could not convert', () => {
    const { settings, problems } = parseSettings({ ...V1_SAVED, fontSize: 'huge' });
    expect(settings.fontSize).toBe(20);
    expect(settings.theme).toBe('dark');
    expect(problems).toEqual([expect.objectContaining({ field: 'fontSize', received: '"huge"' })]);
  });

  it('leaves a current object as it is', () => {
    const current = { ...defaultSettings(), fontSize: 30 };
    expect(migrate(current)).toEqual({
      value: current,
      fromVersion: CURRENT_SCHEMA_VERSION,
      problems: [],
    });
  });

  it('loads what it can from a newer version and says so', () => {
    const future = {
      ...defaultSettings(),
      schemaVersion: CURRENT_SCHEMA_VERSION + 2,
      fontSize: 24,
      theme: 'midnight-blue',
      readingGoal: { minutesPerDay: 20 },
    };
    const { settings, problems, migratedFrom } = parseSettings(future);
    expect(migratedFrom).toBeNull();
    expect(settings).toEqual({ ...defaultSettings(), fontSize: 24 });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'schemaVersion', kind: 'newer-version' }),
      expect.objectContaining({ field: 'theme', kind: 'invalid' }),
      expect.objectContaining({ field: 'readingGoal', kind: 'unknown-field' }),
    ]);
    expect(problems[0]?.message).toMatch(
      /newer version of Broadsheet \(settings version 5; this one reads 3\)/,
    );
  });

  it.each([0, -1, 1.5, '3', null])(
    'reports an unusable version %p and reads the rest as current',
    (version) => {
      const { settings, problems } = parseSettings({ schemaVersion: version, fontSize: 25 });
      expect(settings.fontSize).toBe(25);
      expect(problems).toEqual([
        expect.objectContaining({ field: 'schemaVersion', kind: 'invalid' }),
      ]);
    },
  );
});
