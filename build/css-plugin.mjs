// Ships the reader's CSS minified. The style modules (src/overlay/styles.ts, tools-styles.ts) build their
// CSS as readable template strings; this esbuild plugin runs such a module at build time and replaces it
// in the bundle with the same exports, every `...Css` string minified by esbuild's CSS minifier (other
// exports, such as font stacks, as they are). Tests and tsx load the modules as written.
import { transform } from 'esbuild';
import { dirname } from 'node:path';
import { importAtBuildTime } from './import-at-build-time.mjs';

const styleModules = /[\\/]src[\\/]overlay[\\/][\w-]*styles\.ts$/;

/** @param {{ target: string[] }} options the browsers the CSS must keep working in */
export function minifiedStyles({ target }) {
  return {
    name: 'minified-styles',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: styleModules }, async (args) => {
        const exported = await importAtBuildTime(args.path);
        const lines = ['// Generated at build time by build/css-plugin.mjs.'];
        for (const [name, value] of Object.entries(exported)) {
          if (typeof value !== 'string') {
            return { errors: [{ text: `css-plugin: ${name} in ${args.path} is not a string` }] };
          }
          const text = name.endsWith('Css')
            ? (await transform(value, { loader: 'css', minify: true, target })).code.trim()
            : value;
          lines.push(`export const ${name} = ${JSON.stringify(text)};`);
        }
        return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}
