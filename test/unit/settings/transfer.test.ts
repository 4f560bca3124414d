import {
  CURRENT_SCHEMA_VERSION,
  defaultSettings,
  EXPORT_FORMAT,
  exportSettings,
  importSettings,
  type Settings,
} from '../../../src/shared/settings';

const mine: Settings = {
  ...defaultSettings(),
  fontSize: 23,
  theme: 'custom',
  customColors: { background: '#fdf6e3', text: '#1f1f1f' },
  alwaysSites: ['www.independent.co.uk'],
  userRules: [{ site: 'www.independent.co.uk', selector: '.ijobs-widget' }],
};

describe('exportSettings', () => {
  it('writes pretty JSON with a format marker, the version and the date', () => {
    const text = exportSettings(mine, new Date('2026-11-25T10:00:00Z'));
    expect(text.startsWith('{\n  "format": "broadsheet-settings",\n  "schemaVersion": 3,\n')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      exportedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(file.settings.schemaVersion).toBeUndefined();
    expect(file.settings.fontSize).toBe(23);
  });
});

describe('importSettings', () => {
  it('round-trips an export', () => {
    expect(importSettings(exportSettings(mine))).toEqual({
      ok: true,
      settings: mine,
      problems: [],
      migratedFrom: null,
    });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(importSettings(`\uFEFF${exportSettings(mine)}`)).toMatchObject({
      ok: true,
      settings: mine,
    });
  });

  it.each([
    ['', /not valid JSON/],
    ['{"format": "broadsheet-settings",', /not valid JSON \(.+\)/],
    ['<html>not settings</html>', /not valid JSON/],
    ['[1, 2, 3]', /no "format": "broadsheet-settings" marker \(it holds a list of 3 items\)/],
    ['"hello"', /not a Broadsheet settings file/],
    [
      '{"fontSize": 20}',
      /not a Broadsheet settings file: it has no "format": "broadsheet-settings" marker\.$/,
    ],
    ['{"format": "dark-reader-settings", "settings": {}}', /not a Broadsheet settings file/],
    [
      '{"format": "broadsheet-settings", "settings": {}}',
      /no valid "schemaVersion" \(found undefined\)/,
    ],
    [
      '{"format": "broadsheet-settings", "schemaVersion": "3", "settings": {}}',
      /no valid "schemaVersion" \(found "3"\)/,
    ],
    [
      '{"format": "broadsheet-settings", "schemaVersion": 3}',
      /no "settings" object \(found undefined\)/,
    ],
    [
      '{"format": "broadsheet-settings", "schemaVersion": 3, "settings": [1]}',
      /no "settings" object \(found a list of 1 item\)/,
    ],
  ])('rejects %p with a clear error', (text, error) => {
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('refuses a file far too large to be settings, without parsing it', () => {
    const result = importSettings(
      `{"format": "broadsheet-settings", "pad": "${'x'.repeat(2_000_000)}"}`,
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/too large to be Broadsheet settings \(2,000,\d{3} characters/),
    });
  });

  it('loads the good fields of a file with bad values and lists the bad ones', () => {
    const file = JSON.parse(exportSettings(mine));
    file.settings.fontSize = 'large';
    file.settings.neverSites = ['ok.example', 'http://'];
    file.settings.favouriteColour = 'green';
    const result = importSettings(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({ ...mine, fontSize: 20, neverSites: ['ok.example'] });
    expect(result.problems.map((p) => [p.field, p.kind])).toEqual([
      ['fontSize', 'invalid'],
      ['neverSites', 'entry-dropped'],
      ['favouriteColour', 'unknown-field'],
    ]);
  });

  it('upgrades a file exported by version 1', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      settings: { theme: 'night', fontSize: '24px' },
    });
    expect(importSettings(text)).toMatchObject({
      ok: true,
      migratedFrom: 1,
      problems: [],
      settings: { theme: 'dark', fontSize: 24 },
    });
  });

  it('uses the file-level version, not a stray one inside settings', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      settings: { schemaVersion: 3, theme: 'night' },
    });
    expect(importSettings(text)).toMatchObject({ ok: true, settings: { theme: 'dark' } });
  });

  it('loads what it can from a newer version and says so', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 9,
      settings: { fontSize: 26, hyphenate: true },
    });
    const result = importSettings(text);
    expect(result).toMatchObject({ ok: true, settings: { fontSize: 26 } });
    if (result.ok)
      expect(result.problems.map((p) => p.kind)).toEqual(['newer-version', 'unknown-field']);
  });
});
