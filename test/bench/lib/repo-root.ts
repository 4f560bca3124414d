// The repository root, found from the working directory (bench scripts run as ES modules under tsx and the gate
// as CommonJS under jest, so neither __dirname nor import.meta works in both).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'broadsheet';

function isRepoRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

export function findRepoRoot(start = process.cwd()): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`run this from inside the ${PACKAGE_NAME} repository (started at ${start})`);
    }
  }
}
