// Helper for test/unit/bundle (run by node, outside jest): builds one extension bundle in memory with the
// extension build's own options (build/build.mjs) and prints its code.
// Usage: node extension-bundle.mjs <output file, e.g. content.js> [chrome|firefox]
import { build } from 'esbuild';
import { join } from 'node:path';
import { extensionBuildOptions, extensionEntries } from '../../../build/build.mjs';

const [file, browser = 'chrome'] = process.argv.slice(2);
const entry = extensionEntries.find(([, output]) => output === file);
if (!entry) throw new Error(`no extension bundle is called ${file}`);
const result = await build({
  ...extensionBuildOptions(browser, entry[0], join('build', browser, file)),
  write: false,
  logLevel: 'silent',
});
process.stdout.write(result.outputFiles[0].text);
