// Fresh temporary folders for browser profiles and extension copies, removed when the browser closes.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly path: string;
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `broadsheet-e2e-${prefix}-`));
  return {
    path,
    remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }),
  };
}

/**
 * Copies the built extension so that a rebuild while a browser is running (another `npm run build`)
 * cannot swap files under the loaded extension.
 */
export function snapshotExtension(sourceDir: string, into: TempDir): string {
  const copy = join(into.path, 'extension');
  cpSync(sourceDir, copy, { recursive: true });
  return copy;
}
