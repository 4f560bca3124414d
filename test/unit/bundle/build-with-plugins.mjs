// Helper for test/unit/bundle (run by node, outside jest): bundles one module with the extension build's
// precompute plugins, runs it, and prints its exports as JSON (RegExps as { regexp: [source, flags] }) plus
// the source files the bundle was made from. Usage: node build-with-plugins.mjs <module> [exportCall]
import { build } from 'esbuild';
import { minifiedStyles } from '../../../build/css-plugin.mjs';
import { precompiledRules } from '../../../build/rules-plugin.mjs';

const [modulePath, call] = process.argv.slice(2);
const result = await build({
  entryPoints: [modulePath],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  metafile: true,
  loader: { '.rules': 'text' },
  plugins: [precompiledRules(), minifiedStyles({ target: ['chrome120', 'firefox128'] })],
  logLevel: 'silent',
});
const code = result.outputFiles[0].text;
const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const value = call ? module[call]() : { ...module };
const json = JSON.stringify(
  { value, inputs: Object.keys(result.metafile.inputs), bytes: code.length },
  (_key, item) => (item instanceof RegExp ? { regexp: [item.source, item.flags] } : item),
);
process.stdout.write(json);
