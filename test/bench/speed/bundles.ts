// Sizes of the built extension bundles (build/chrome/*.js, build/firefox/*.js): raw (minified) and gzip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  flavour: string;
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export function measureBundles(repoRoot: string, flavours = ['chrome', 'firefox']): BundleSize[] {
  return flavours.flatMap((flavour) => {
    const dir = join(repoRoot, 'build', flavour);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .sort()
      .map((file) => {
        const bytes = readFileSync(join(dir, file));
        return {
          flavour,
          file,
          rawBytes: bytes.length,
          gzipBytes: gzipSync(bytes, { level: 9 }).length,
        };
      });
  });
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
