// webextension-polyfill for content scripts: the same library, with its table of API signatures cut down to
// the namespaces a content script can reach at all. Content scripts see only extension, i18n, runtime and
// storage of the extension API (Chrome: "content scripts can access the following chrome APIs directly";
// Firefox the same, and there the polyfill hands out the native `browser` anyway). The polyfill reads an
// entry of its table only when that namespace exists on `chrome` (its proxy answers undefined for any
// other), so the entries for tabs, bookmarks, webRequest and the rest are dead data in a content script:
// about 5 KB of content.js and auto-reader.js. Extension pages and the background keep the whole table.
//
// Like build/vendor-patches.mjs, this matches the library's exact source: if an upgrade changes it, the
// build fails and says so instead of shipping something untested.
import { readFile } from 'node:fs/promises';

/** The extension API namespaces a content script can use (all others are absent there). */
export const contentScriptNamespaces = ['extension', 'i18n', 'runtime', 'storage'];

const polyfillFile = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;
const tableStart = 'const apiMetadata = ';
const tableEnd = ';\n      if (Object.keys(apiMetadata).length === 0) {';

/** The polyfill's source with its signature table reduced to `namespaces`; throws if it cannot. */
export function trimApiMetadata(source, namespaces = contentScriptNamespaces) {
  const start = source.indexOf(tableStart);
  const end = source.indexOf(tableEnd);
  if (start === -1 || end === -1 || source.indexOf(tableStart, start + 1) !== -1 || end < start) {
    throw new Error(
      'content-script-polyfill: the apiMetadata table of webextension-polyfill was not found as ' +
        'expected. The library changed: review build/content-script-polyfill.mjs.',
    );
  }
  const table = JSON.parse(source.slice(start + tableStart.length, end));
  const missing = namespaces.filter((name) => !(name in table));
  if (missing.length > 0) {
    throw new Error(`content-script-polyfill: the polyfill has no ${missing.join(', ')} table`);
  }
  const kept = Object.fromEntries(namespaces.map((name) => [name, table[name]]));
  return (
    source.slice(0, start + tableStart.length) +
    `/* Broadsheet: content-script namespaces only (build/content-script-polyfill.mjs) */ ` +
    JSON.stringify(kept) +
    source.slice(end)
  );
}

/** @returns {import('esbuild').Plugin} */
export function contentScriptPolyfill() {
  return {
    name: 'content-script-polyfill',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: polyfillFile }, async (args) => {
        try {
          return { contents: trimApiMetadata(await readFile(args.path, 'utf8')), loader: 'js' };
        } catch (error) {
          return { errors: [{ text: error instanceof Error ? error.message : String(error) }] };
        }
      });
    },
  };
}
