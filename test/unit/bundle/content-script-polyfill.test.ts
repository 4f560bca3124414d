// Content scripts bundle webextension-polyfill with its API table cut to the namespaces they can reach
// (build/content-script-polyfill.mjs). The cut table is the library's own for those namespaces, the
// polyfill still wraps them the same way (promises from callback APIs, message replies), and a library
// whose source no longer matches fails the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import {
  contentScriptNamespaces,
  contentScriptPolyfill,
  trimApiMetadata,
} from '../../../build/content-script-polyfill.mjs';

const repoRoot = join(__dirname, '..', '..', '..');
const polyfillFile = join(
  repoRoot,
  'node_modules',
  'webextension-polyfill',
  'dist',
  'browser-polyfill.js',
);
const source = readFileSync(polyfillFile, 'utf8');

type Table = Record<string, unknown>;

function tableOf(code: string): Table {
  const start = code.indexOf('const apiMetadata = ') + 'const apiMetadata = '.length;
  const end = code.indexOf(';\n      if (Object.keys(apiMetadata).length === 0)');
  return JSON.parse(code.slice(start, end).replace(/^\/\*[^*]*\*\/ /, '')) as Table;
}

/** The polyfill bundled as a content script is (through the plugin) or as it is installed. */
async function bundled(trimmed: boolean): Promise<string> {
  const result = await build({
    stdin: {
      contents: 'globalThis.wrapped = require("webextension-polyfill");',
      resolveDir: repoRoot,
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    plugins: trimmed ? [contentScriptPolyfill()] : [],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A content script's `chrome`: callback-style APIs of the four namespaces, nothing else. */
function contentScriptChrome(calls: string[]) {
  const lastError: { message: string } | undefined = undefined;
  return {
    runtime: {
      id: 'broadsheet-test',
      lastError,
      getURL: (path: string) => `chrome-extension://broadsheet-test/${path}`,
      sendMessage: (message: unknown, callback: (reply: unknown) => void) => {
        calls.push(`sendMessage ${JSON.stringify(message)}`);
        callback({ echoed: message });
      },
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: { getMessage: (key: string) => `message ${key}`, getUILanguage: () => 'en' },
    storage: {
      sync: {
        get: (keys: unknown, callback: (items: unknown) => void) => {
          calls.push(`sync.get ${JSON.stringify(keys)}`);
          callback({ theme: 'sepia' });
        },
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    extension: { inIncognitoContext: false },
  };
}

async function runAsContentScript(code: string) {
  const calls: string[] = [];
  const context: Record<string, unknown> = { chrome: contentScriptChrome(calls), Promise };
  runInNewContext(code, context);
  const browser = context.wrapped as {
    runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
    storage: { sync: { get(keys: unknown): Promise<unknown> } };
    i18n: { getMessage(key: string): string };
    tabs?: unknown;
  };
  return {
    calls,
    reply: await browser.runtime.sendMessage({ type: 'ping' }),
    stored: await browser.storage.sync.get(['theme']),
    message: browser.i18n.getMessage('overlayClose'),
    url: browser.runtime.getURL('fonts/a.woff2'),
    tabs: browser.tabs,
  };
}

describe('webextension-polyfill in content scripts', () => {
  it("keeps the library's own table for the content-script namespaces, and only those", () => {
    const whole = tableOf(source);
    const cut = tableOf(trimApiMetadata(source));
    expect(Object.keys(cut).sort()).toEqual([...contentScriptNamespaces].sort());
    for (const name of contentScriptNamespaces) expect(cut[name]).toEqual(whole[name]);
    expect(Object.keys(whole).length).toBeGreaterThan(20);
    expect(trimApiMetadata(source).length).toBeLessThan(source.length - 10_000);
  });

  it('works in a content script exactly as the whole library does', async () => {
    const [cut, whole] = await Promise.all([bundled(true), bundled(false)]);
    expect(cut.length).toBeLessThan(whole.length - 4000);
    const fromCut = await runAsContentScript(cut);
    expect(fromCut.reply).toEqual({ echoed: { type: 'ping' } });
    expect(fromCut.stored).toEqual({ theme: 'sepia' });
    expect(fromCut.message).toBe('message overlayClose');
    expect(fromCut.tabs).toBeUndefined();
    expect(fromCut).toEqual(await runAsContentScript(whole));
  });

  it('fails the build when the library no longer looks as expected', () => {
    expect(() =>
      trimApiMetadata(source.replace('const apiMetadata = ', 'let apiMetadata = ')),
    ).toThrow(/webextension-polyfill was not found as expected/);
    expect(() => trimApiMetadata(source, ['runtime', 'nonsense'])).toThrow(/no nonsense table/);
  });
});
