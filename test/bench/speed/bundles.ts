// Sizes of the built extension bundles (build/chrome/*.js, build/firefox/*.js): raw (minified) and gzip; and,
// run as a command with --why, what each source file adds to one bundle (see USAGE below).
import { build, type BuildOptions } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { findRepoRoot } from '../lib/repo-root';

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

export interface BundleInput {
  /** A source file, relative to the repository. */
  input: string;
  /** What it adds to the minified bundle. */
  bytes: number;
}

interface BuildModule {
  extensionEntries: [string, string][];
  extensionBuildOptions(browser: string, src: string, outfile: string): BuildOptions;
}

/**
 * Why a bundle is the size it is: builds it in memory with the extension build's own options (build/build.mjs)
 * and returns what each source file adds to it, largest first.
 */
export async function explainBundle(
  repoRoot: string,
  file: string,
  flavour = 'chrome',
): Promise<{ bytes: number; inputs: BundleInput[] }> {
  const buildModule = (await import(
    pathToFileURL(join(repoRoot, 'build', 'build.mjs')).href
  )) as BuildModule;
  const entry = buildModule.extensionEntries.find(([, output]) => output === file);
  if (!entry) {
    const known = buildModule.extensionEntries.map(([, output]) => output).join(', ');
    throw new Error(`no extension bundle is called ${file} (there are ${known})`);
  }
  const options = buildModule.extensionBuildOptions(
    flavour,
    entry[0],
    join(repoRoot, 'build', file),
  );
  const result = await build({ ...options, write: false, metafile: true });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${file}`);
  const inputs = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: output.bytes, inputs };
}

export interface AssetsPayload {
  /** The background's answer to the reader's assets request, as JSON (what messaging carries). */
  jsonBytes: number;
  gzipBytes: number;
  /** Of which: the rule sets and the reader's CSS. */
  rulesBytes: number;
  cssBytes: number;
  siteSets: string[];
}

/**
 * What opening the reader on `pageUrl` moves besides content.js: the background's reader-assets answer
 * (src/background/reader-assets.ts), built in memory with the extension build's plugins (rules precompiled,
 * CSS minified as shipped) and run for that page.
 */
export async function measureAssetsPayload(
  repoRoot: string,
  pageUrl: string,
  flavour = 'chrome',
): Promise<AssetsPayload> {
  const buildModule = (await import(
    pathToFileURL(join(repoRoot, 'build', 'build.mjs')).href
  )) as BuildModule;
  const options = buildModule.extensionBuildOptions(
    flavour,
    'src/background/reader-assets.ts',
    join(repoRoot, 'build', 'reader-assets.mjs'),
  );
  const result = await build({
    ...options,
    format: 'esm',
    platform: 'node',
    minify: false,
    write: false,
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild wrote nothing for reader-assets.ts');
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as { readerAssetsFor(url: string): { rules: { sites: { file: string }[] }; css: string } };
  const answer = module.readerAssetsFor(pageUrl);
  const json = JSON.stringify(answer);
  return {
    jsonBytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json, { level: 9 }).length,
    rulesBytes: Buffer.byteLength(JSON.stringify(answer.rules)),
    cssBytes: Buffer.byteLength(answer.css),
    siteSets: answer.rules.sites.map((set) => set.file),
  };
}

const USAGE = `usage: npx tsx test/bench/speed/bundles.ts [--why FILE | --assets URL] [--firefox] [--top N]
  without --why   the raw and gzip size of every built bundle (build/chrome, build/firefox: npm run build first)
  --why FILE      what each source file adds to FILE (content.js, reader-tools.js...), built in memory now
  --assets URL    the background's reader-assets answer for a page at URL (its rules and the reader CSS),
                  in bytes as JSON, plus content.js: what opening the reader there moves
  --firefox       the Firefox flavour (default Chrome)
  --top N         only the N largest inputs (default all)`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      why: { type: 'string' },
      assets: { type: 'string' },
      firefox: { type: 'boolean', default: false },
      top: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const repoRoot = findRepoRoot();
  if (values.assets !== undefined) {
    const flavour = values.firefox ? 'firefox' : 'chrome';
    const payload = await measureAssetsPayload(repoRoot, values.assets, flavour);
    const content = measureBundles(repoRoot, [flavour]).find((size) => size.file === 'content.js');
    if (!content) throw new Error(`no build/${flavour}/content.js: run npm run build first`);
    console.log(`reader assets for ${values.assets} (${flavour}):`);
    console.log(
      `  answer  ${payload.jsonBytes} B as JSON (gzip ${payload.gzipBytes} B): rules ${payload.rulesBytes} B` +
        ` (generic + ${payload.siteSets.length ? payload.siteSets.join(', ') : 'no site set'}), CSS ${payload.cssBytes} B`,
    );
    console.log(
      `  content.js ${content.rawBytes} B (gzip ${content.gzipBytes} B) + answer = ${content.rawBytes + payload.jsonBytes} B` +
        ` (gzip ${content.gzipBytes + payload.gzipBytes} B)`,
    );
    return;
  }
  if (values.why === undefined) {
    for (const size of measureBundles(repoRoot)) {
      console.log(
        `${`${size.flavour}/${size.file}`.padEnd(26)} raw ${String(size.rawBytes).padStart(7)} B  gzip ${String(size.gzipBytes).padStart(6)} B`,
      );
    }
    return;
  }
  const top = values.top === undefined ? Infinity : Number(values.top);
  if (!(top >= 1)) throw new Error(`--top wants a whole number of at least 1, got "${values.top}"`);
  const flavour = values.firefox ? 'firefox' : 'chrome';
  const { bytes, inputs } = await explainBundle(repoRoot, values.why, flavour);
  console.log(`${flavour}/${values.why}: ${bytes} B (${kib(bytes)}) minified, by source file:`);
  for (const { input, bytes: inputBytes } of inputs.slice(0, top)) {
    console.log(`${String(inputBytes).padStart(8)}  ${input}`);
  }
}

// Run as a command (not when speed.ts imports the measurements).
if (/[\\/]bundles\.ts$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exitCode = 1;
  });
}
