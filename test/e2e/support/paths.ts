// Where the e2e harness finds things in the repo. Tests run from the repo root or anywhere below it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repo root: the nearest folder up from the working directory whose package.json is ours. (Found from
 * the working directory because this module runs both as CommonJS under jest and as ESM under tsx.)
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'broadsheet'
    ) {
      return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(`Run the e2e tests from inside the broadsheet repo (cwd: ${from})`);
  }
}

export const repoRoot = findRepoRoot(process.cwd());

/** Served over HTTP to the browsers: every fixture page lives under test/fixtures. */
export const fixturesRoot = join(repoRoot, 'test', 'fixtures');

/** Screenshots and other artefacts of a run (gitignored). */
export const resultsDir = join(repoRoot, 'test-results');

/** Screenshots checked in for the README. */
export const docsScreenshotsDir = join(repoRoot, 'docs', 'screenshots');

export type ExtensionFlavour = 'chrome' | 'firefox';

interface ManifestFiles {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> | string; default_popup?: string };
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Files the manifest names that are not in the build: a browser refuses such an extension, silently in tests. */
function missingManifestFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestFiles;
  const icon = manifest.action?.default_icon;
  const named = [
    ...Object.values(manifest.icons ?? {}),
    ...(typeof icon === 'string' ? [icon] : Object.values(icon ?? {})),
    manifest.action?.default_popup,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.background?.page,
    manifest.options_ui?.page,
    ...(manifest.content_scripts ?? []).flatMap((script) => [
      ...(script.js ?? []),
      ...(script.css ?? []),
    ]),
  ];
  return [...new Set(named.filter((file): file is string => file !== undefined))].filter(
    (file) => !existsSync(join(dir, file)),
  );
}

/** The unpacked extension built by `npm run build`, with a clear message when it is missing or incomplete. */
export function builtExtensionDir(flavour: ExtensionFlavour): string {
  const dir =
    process.env[`BROADSHEET_E2E_${flavour.toUpperCase()}_DIR`] ?? join(repoRoot, 'build', flavour);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` before the e2e tests.`);
  }
  const missing = missingManifestFiles(dir);
  if (missing.length > 0) {
    throw new Error(
      `The extension in ${dir} is incomplete: its manifest names missing files ${missing.join(', ')}`,
    );
  }
  return dir;
}
