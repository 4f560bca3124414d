// Runs a source module in this build process: bundled for Node into one ESM module and imported from a
// data: URL. The build plugins use it to replace a module with what it computes (see css-plugin.mjs and
// rules-plugin.mjs), so the project's own code does the work once, at build time.
import { build } from 'esbuild';

/** The module's exports; `loader` adds esbuild loaders (e.g. { '.rules': 'text' }). */
export async function importAtBuildTime(path, loader = {}) {
  const bundled = await build({
    entryPoints: [path],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    loader,
    logLevel: 'silent',
  });
  const code = bundled.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
