// The BUILT Node library (build/node/index.cjs, or a run's copy of it), so the benchmark measures what ships. `npm run bench:speed`
// builds first; run directly, the benchmark warns when the build is older than the sources.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface ExtractedLike {
  title: string;
  text: string;
  html: string;
}

export type ExtractFn = (document: Document, options: { url?: string }) => ExtractedLike | null;
export type DetectFn = (
  document: Document,
  options: { url?: string },
) => { article: boolean; reasons: string[] };

export interface BuiltLibrary {
  path: string;
  extract: ExtractFn;
  detectArticle: DetectFn;
  /** Set when a source file is newer than the build (the numbers may not be of the current code). */
  staleWarning?: string;
}

export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
}

function newestMtime(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestMtime(path)
      : { file: path, mtimeMs: statSync(path).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

export function builtLibraryPath(repoRoot: string): string {
  return join(repoRoot, 'build', 'node', 'index.cjs');
}

/**
 * A private copy of the built library for one benchmark run, so that a rebuild while the run goes on (the
 * Node part takes minutes, and its workers load the library one after another) cannot mix two builds in one
 * set of numbers. It sits in test-results/ inside the repository, so its require()s of runtime dependencies
 * resolve to the same node_modules as the original's; it keeps the original's mtime for the staleness check.
 */
export function snapshotBuiltLibrary(repoRoot: string): { path: string; remove: () => void } {
  const original = builtLibraryPath(repoRoot);
  if (!existsSync(original)) {
    throw new BenchSetupError(`no built library at ${original}: run \`npm run build\` first`);
  }
  const parent = join(repoRoot, 'test-results');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, 'speed-library-'));
  const path = join(folder, 'index.cjs');
  copyFileSync(original, path);
  const { atime, mtime } = statSync(original);
  utimesSync(path, atime, mtime);
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function loadBuiltLibrary(
  repoRoot: string,
  path = builtLibraryPath(repoRoot),
): BuiltLibrary {
  if (!existsSync(path)) {
    throw new BenchSetupError(`no built library at ${path}: run \`npm run build\` first`);
  }
  let library: { extract?: unknown; detectArticle?: unknown };
  try {
    library = createRequire(join(repoRoot, 'package.json'))(path) as typeof library;
  } catch (error) {
    throw new BenchSetupError(`cannot load ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof library.extract !== 'function' || typeof library.detectArticle !== 'function') {
    throw new BenchSetupError(`${path} does not export both extract() and detectArticle()`);
  }
  const built = statSync(path).mtimeMs;
  const source = newestMtime(join(repoRoot, 'src'));
  return {
    path,
    extract: library.extract as ExtractFn,
    detectArticle: library.detectArticle as DetectFn,
    staleWarning:
      source.mtimeMs > built
        ? `${source.file} is newer than ${path}: numbers may not be of the current sources (npm run build)`
        : undefined,
  };
}
