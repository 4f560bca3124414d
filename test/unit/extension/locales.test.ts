// Every visible string goes through browser.i18n: each key the code uses must exist, in every locale,
// with the same placeholders, or the browser shows an empty string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { localeMessages, repoRoot } from './locales';

const locales = readdirSync(join(repoRoot, 'src', '_locales')).filter((name) =>
  statSync(join(repoRoot, 'src', '_locales', name)).isDirectory(),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|html)$/.test(name) ? [full] : [];
  });
}

/** Message keys the extension refers to: getMessage('x'), t('x'), data-i18n="x", __MSG_x__, key maps. */
function referencedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const files = ['background', 'content', 'overlay', 'options'].flatMap((dir) =>
    sourceFiles(join(repoRoot, 'src', dir)),
  );
  const patterns = [
    /getMessage\(\s*'([A-Za-z0-9_]+)'/g,
    /\bt\(\s*'([A-Za-z0-9_]+)'/g,
    /data-i18n="([A-Za-z0-9_]+)"/g,
    /:\s*'((?:blocked|theme|overlay|options)[A-Z][A-Za-z0-9_]*)'/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        if (match[1]) keys.set(match[1], relative(repoRoot, file));
      }
    }
  }
  const manifest = readFileSync(join(repoRoot, 'manifest.json'), 'utf8');
  for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
    if (match[1]) keys.set(match[1], 'manifest.json');
  }
  return keys;
}

describe('locales', () => {
  const english = localeMessages('en');

  it('include English and German', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it('define every message the code and manifest use', () => {
    const keys = referencedKeys();
    expect(keys.size).toBeGreaterThan(20);
    const missing = [...keys].filter(([key]) => !key.startsWith('@@') && !english[key]);
    expect(missing).toEqual([]);
  });

  it.each(locales.filter((locale) => locale !== 'en'))(
    '%s translates every English message, with the same placeholders',
    (locale) => {
      const translated = localeMessages(locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(english)) {
        const other = translated[key];
        expect(other?.message.trim()).toBeTruthy();
        expect(Object.keys(other?.placeholders ?? {}).sort()).toEqual(
          Object.keys(entry.placeholders ?? {}).sort(),
        );
        for (const name of Object.keys(entry.placeholders ?? {})) {
          expect(other?.message.toLowerCase()).toContain(`$${name}$`);
        }
      }
    },
  );

  it('keep the badge short enough to fit on the button', () => {
    for (const locale of locales) {
      expect(localeMessages(locale).badgeOn?.message.length).toBeLessThanOrEqual(4);
    }
  });
});
