#!/usr/bin/env node
// Builds everything from one source tree:
//   build/chrome, build/firefox   unpacked extensions (manifest derived per browser from ./manifest.json)
//   build/zips/*.zip              store-ready archives of both
//   build/node/index.cjs, cli.cjs the extraction library and the `broadsheet` command line for Node
// `--node-only` builds just the Node outputs (used by `npm install`'s prepare step).
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorPatches } from './vendor-patches.mjs';
import { minifiedStyles } from './css-plugin.mjs';
import { precompiledRules } from './rules-plugin.mjs';
import { mangledProps } from './mangled-props.mjs';
import { contentScriptPolyfill } from './content-script-polyfill.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (...p) => join(root, 'build', ...p);
const nodeOnly = process.argv.includes('--node-only');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Rule files are plain text data, bundled as strings. */
const loader = { '.rules': 'text', '.css': 'text' };

/** Extension entry points: [source, output file, whether it runs as a content script in pages]. */
export const extensionEntries = [
  ['src/background/index.ts', 'background.js', false],
  ['src/content/index.ts', 'content.js', true],
  // The reader's panels, injected on demand next to content.js (never web-accessible).
  ['src/content/reader-tools.ts', 'reader-tools.js', true],
  ['src/content/auto-reader.ts', 'auto-reader.js', true],
  ['src/options/index.ts', 'options.js', false],
];

/** Static files copied into each extension: [source, destination]. */
const staticFiles = [
  ['icons', 'icons'],
  ['src/_locales', '_locales'],
  ['src/options/options.html', 'options.html'],
];

/** Fonts shipped inside the extension (never loaded remotely): latin + latin-ext, regular/bold/italic. */
const fontFamilies = ['literata', 'atkinson-hyperlegible', 'opendyslexic'];

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function deriveManifest(browser) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: ['background.js'] };
    delete manifest.minimum_chrome_version;
  }
  return manifest;
}

/**
 * esbuild's options for one extension bundle (also used by test/bench/speed/bundles.ts --why, which
 * reports what each source file adds to a bundle).
 * @param {'chrome' | 'firefox'} browser
 * @param {string} src entry point, relative to the repository
 * @param {string} outfile
 * @returns {import('esbuild').BuildOptions}
 */
export function extensionBuildOptions(browser, src, outfile) {
  const target = browser === 'chrome' ? 'chrome120' : 'firefox128';
  // Data computed at build time: the rules parsed, the reader's CSS minified.
  const precomputed = [precompiledRules(), minifiedStyles({ target: [target] })];
  // In pages: the polyfill's API table for the namespaces a content script has (the others are absent).
  const inPages = extensionEntries.find(([entry]) => entry === src)?.[2] === true;
  const polyfill = inPages ? [contentScriptPolyfill()] : [];
  return {
    entryPoints: [join(root, src)],
    outfile,
    bundle: true,
    format: 'iife',
    target,
    minify: true,
    // Readability's private members and constants get short names: 5.6 KB off content.js. Which
    // names, and why they are safe: build/mangled-props.mjs.
    mangleProps: mangledProps,
    sourcemap: false,
    legalComments: 'none',
    loader,
    // In a browser the DOM's own tag collections are the fast way to find elements (src/rules/dom-text.ts).
    define: { 'process.env.BROWSER': JSON.stringify(browser), BROADSHEET_NATIVE_DOM: 'true' },
    plugins: [vendorPatches(root), ...polyfill, ...precomputed], // vendor patches: a warning-free web-ext lint
    logLevel: 'warning',
  };
}

async function buildExtension(browser) {
  const dir = out(browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entries = extensionEntries.filter(([src]) => exists(join(root, src)));
  await Promise.all(
    entries.map(([src, file]) => build(extensionBuildOptions(browser, src, join(dir, file)))),
  );
  for (const [src, dest] of staticFiles) {
    if (exists(join(root, src))) cpSync(join(root, src), join(dir, dest), { recursive: true });
  }
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  for (const family of fontFamilies) {
    const files = join(root, 'node_modules', '@fontsource', family, 'files');
    for (const name of readdirSync(files)) {
      if (/-(latin|latin-ext)-(400|700)-(normal|italic)\.woff2$/.test(name)) {
        cpSync(join(files, name), join(dir, 'fonts', name));
      }
    }
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(deriveManifest(browser), null, 2));
  zipDirectory(dir, out('zips', `broadsheet-${browser}-${pkg.version}.zip`));
}

function zipDirectory(dir, zipPath) {
  const files = {};
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full);
    }
  };
  walk(dir);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
}

async function buildNode() {
  rmSync(out('node'), { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader,
    // Runtime dependencies stay external: they are installed with the package.
    external: Object.keys(pkg.dependencies ?? {}).concat(['jsdom', 'linkedom']),
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [join(root, 'src/node/index.ts')],
    outfile: out('node', 'index.cjs'),
  });
  await build({
    ...common,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: out('node', 'cli.cjs'),
    banner: { js: '#!/usr/bin/env node' },
  });
}

// Run as a command (node build/build.mjs), not when imported for its options.
if (
  process.argv[1] &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
) {
  const started = Date.now();
  await buildNode();
  if (!nodeOnly) {
    await Promise.all([buildExtension('chrome'), buildExtension('firefox')]);
  }
  console.log(
    `built ${nodeOnly ? 'node library' : 'extensions + node library'} in ${Date.now() - started} ms`,
  );
}
