// Helper for test/unit/bundle (run by node, outside jest): bundles src/extraction as content.js bundles it
// (the precomputed rule data, the vendor patches, the mangled property names), runs its extract() on the
// given fixture pages (test/fixtures/pages/<name>, at the address their expected-metadata.json gives) in
// jsdom and prints the results as JSON. Usage: node extract-with-build.mjs <fixture name>...
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { mangledProps } from '../../../build/mangled-props.mjs';
import { precompiledRules } from '../../../build/rules-plugin.mjs';
import { vendorPatches } from '../../../build/vendor-patches.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const result = await build({
  entryPoints: [join(root, 'src', 'extraction', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  minify: true,
  mangleProps: process.env.NOMANGLE ? undefined : mangledProps,
  loader: { '.rules': 'text' },
  plugins: [vendorPatches(root), precompiledRules()],
  logLevel: 'silent',
});
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-extract-'));
const file = join(dir, 'extraction.mjs');
writeFileSync(file, result.outputFiles[0].contents);
try {
  const { extract } = await import(pathToFileURL(file).href);
  const pages = process.argv.slice(2).map((name) => {
    const folder = join(root, 'test', 'fixtures', 'pages', name);
    const plain = join(folder, 'source.html');
    const html = existsSync(plain)
      ? readFileSync(plain, 'utf8')
      : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
    const { url } = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8'));
    const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    // A vendor patch (build/vendor-patches.mjs) parses <noscript> markup with the page's DOMParser.
    globalThis.DOMParser = window.DOMParser;
    return extract(window.document, { url, window, onRuleProblem: () => undefined });
  });
  process.stdout.write(JSON.stringify(pages));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
