// The extension build shortens Readability's internal property names (build/mangled-props.mjs). That is
// only safe while no other code in a bundle uses those names as properties (esbuild renames every use in
// the bundle alike, but the DOM, other libraries' callers and messages would still use the long name), and
// while Readability never reads them by a quoted name (quoted names are not renamed).
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..');
// The .mjs module cannot be required from jest; its list is read as text instead.
const listSource = readFileSync(join(repoRoot, 'build', 'mangled-props.mjs'), 'utf8');
const names = [
  ...(/readabilityInternals = \[([^\]]*)\]/.exec(listSource)?.[1] ?? '').matchAll(/'(\w+)'/g),
].map((match) => match[1] as string);

/** Every source file of every extension bundle (the entries of build/build.mjs). */
function bundledFiles(): string[] {
  const entries = [
    'background/index',
    'content/index',
    'content/reader-tools',
    'content/auto-reader',
  ]
    .concat(['options/index'])
    .map((entry) => join(repoRoot, 'src', `${entry}.ts`));
  const result = buildSync({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    outdir: join(repoRoot, 'build', 'unused'),
    format: 'iife',
    loader: { '.rules': 'text', '.css': 'text' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).map((input) => join(repoRoot, input));
}

const isReadability = (file: string) => /@mozilla[\\/]readability[\\/]/.test(file);
const asProperty = (name: string) => new RegExp(`\\.${name}\\b|\\b${name}\\s*:`);
/** A property read or written by its quoted name: obj["name"], "name" in obj, hasOwnProperty("name"). */
const quoted = (name: string) =>
  new RegExp(
    `\\[\\s*(["'\`])${name}\\1\\s*\\]|(["'\`])${name}\\2\\s+in\\b|[Oo]wn\\w*\\([^)]*(["'\`])${name}\\3`,
  );

describe('Readability property names shortened in the extension build', () => {
  const files = bundledFiles();

  it('lists the names, and the bundles hold Readability', () => {
    expect(names).toContain('REGEXPS');
    expect(names).toContain('contentScore');
    expect(names.length).toBeGreaterThan(20);
    expect(files.filter(isReadability).length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(50);
  });

  it('are used as properties by no other bundled code', () => {
    const clashes = files
      .filter((file) => !isReadability(file))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return names
          .filter((name) => asProperty(name).test(text) || quoted(name).test(text))
          .map((name) => `${name} in ${file}`);
      });
    expect(clashes).toEqual([]);
  });

  it('are never read by a quoted name in Readability', () => {
    const clashes = files.filter(isReadability).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return names.filter((name) => quoted(name).test(text)).map((name) => `${name} in ${file}`);
    });
    expect(clashes).toEqual([]);
  });
});
