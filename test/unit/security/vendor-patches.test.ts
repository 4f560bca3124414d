// The library patches of build/vendor-patches.mjs, proven on the code the extension ships: each library is
// bundled here through the same esbuild plugin as in the build, then run side by side with the library as
// installed. On real pages where the patched paths run (Readability's retries, <noscript> images) the
// output is identical; DOMPurify sanitises identically and, where DOMParser fails, throws instead of
// parsing with innerHTML; and a library whose source no longer matches a patch fails the build.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability as InstalledReadability } from '@mozilla/readability';
import installedPurify from 'dompurify';
import { applyPatches, vendorPatchList, vendorPatches } from '../../../build/vendor-patches.mjs';
import { readabilityCorpusPage as corpusPage } from '../../support/readability-corpus';

const repoRoot = join(__dirname, '..', '..', '..');
const readabilityFile = join(repoRoot, 'node_modules', '@mozilla', 'readability', 'Readability.js');
const purifyFile = join(repoRoot, 'node_modules', 'dompurify', 'dist', 'purify.es.mjs');
const hostileDir = join(repoRoot, 'test', 'fixtures', 'hostile');
const hostilePages = readdirSync(hostileDir)
  .filter((file) => file.endsWith('.html'))
  .sort();

type ReadabilityClass = typeof InstalledReadability;
type PurifyFactory = typeof installedPurify;
type PurifyWindow = Parameters<PurifyFactory>[0];

let scratch: string;

/** Bundles `entry` with the vendor-patches plugin (as build/build.mjs does): the code, CommonJS. */
async function bundlePatched(entry: string, root = repoRoot): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: [vendorPatches(root)],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** bundlePatched, loaded. */
async function loadPatched<T>(entry: string, root = repoRoot): Promise<T> {
  const file = join(scratch, `${Date.now()}-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, await bundlePatched(entry, root));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is a CommonJS file
  return require(file) as T;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'broadsheet-vendor-patches-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface ReadabilityRun {
  result: unknown;
  /** Failed attempts before the one returned: more than 0 means the page cache was restored. */
  retries: number;
  /** Calls to the global DOMParser (the patched noscript unwrapping parses with it). */
  domParserCalls: number;
}

/** Readability on a fresh jsdom of the page; the global DOMParser is the page window's, counted. */
function runReadability(Readability: ReadabilityClass, id: string): ReadabilityRun {
  const { html, url } = corpusPage(id);
  const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const PageParser = window.DOMParser;
  let domParserCalls = 0;
  class CountingParser {
    parseFromString(markup: string, type: DOMParserSupportedType): Document {
      domParserCalls += 1;
      return new PageParser().parseFromString(markup, type);
    }
  }
  const global = globalThis as { DOMParser?: unknown };
  const saved = global.DOMParser;
  global.DOMParser = CountingParser;
  try {
    const reader = new Readability(window.document);
    const result = reader.parse();
    const retries = (reader as unknown as { _attempts: unknown[] })._attempts.length;
    return { result, retries, domParserCalls };
  } finally {
    global.DOMParser = saved;
    window.close();
  }
}

describe('Readability, patched (page cache as nodes, noscript parsed by DOMParser)', () => {
  let Patched: ReadabilityClass;
  beforeAll(async () => {
    Patched = await loadPatched<ReadabilityClass>(readabilityFile);
  });

  // Pages where Readability's first attempt finds too little text and it retries with fewer flags,
  // restoring the page from its cache before each retry.
  it.each([
    'cnn',
    'firefox-nightly-blog',
    'hukumusume',
    'lifehacker-working',
    'remove-aria-hidden',
  ])('%s: retries from the page cache and gives the same article', (id) => {
    const installed = runReadability(InstalledReadability, id);
    const patched = runReadability(Patched, id);
    expect(installed.retries).toBeGreaterThan(0);
    expect(patched.retries).toBe(installed.retries);
    expect(patched.result).not.toBeNull();
    expect(patched.result).toEqual(installed.result);
  });

  // Pages with <img> placeholders followed by a <noscript> holding the real image (jsdom parses
  // <noscript> content as elements, so Readability's unwrapping runs).
  it.each(['lemonde-1', 'lazy-image-1', 'telegraph', 'medium-3', 'aclu', 'medicalnewstoday'])(
    '%s: unwraps <noscript> images through DOMParser and gives the same article',
    (id) => {
      const installed = runReadability(InstalledReadability, id);
      const patched = runReadability(Patched, id);
      expect(installed.domParserCalls).toBe(0);
      expect(patched.domParserCalls).toBeGreaterThan(0);
      expect(patched.retries).toBe(installed.retries);
      expect(patched.result).not.toBeNull();
      expect(patched.result).toEqual(installed.result);
    },
  );

  it('the noscript image markup is parsed in an inert document: its handlers never run', () => {
    const html = `<html><body><article><h1>A story</h1>
      <p>${'Words that make this an article worth reading. '.repeat(40)}</p>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <noscript><img src="/real.jpg" onerror="window.__pwned = (window.__pwned || 0) + 1"></noscript>
      <p>${'More words that make this an article worth reading. '.repeat(40)}</p>
      </article></body></html>`;
    const { window } = new JSDOM(html, {
      url: 'https://example.test/story',
      runScripts: 'dangerously',
      virtualConsole: new VirtualConsole(),
    });
    // A document with scripting on parses <noscript> as text: give Readability the element form, as a
    // document parsed with scripting off (DOMParser, jsdom's default, a cloned page) has it.
    const noscript = window.document.querySelector('noscript');
    const parsed = new window.DOMParser().parseFromString(html, 'text/html');
    noscript?.replaceWith(
      window.document.importNode(parsed.querySelector('noscript') as Node, true),
    );
    const global = globalThis as { DOMParser?: unknown };
    const saved = global.DOMParser;
    global.DOMParser = window.DOMParser;
    try {
      const result = new Patched(window.document).parse();
      expect(result?.content).toContain('/real.jpg');
    } finally {
      global.DOMParser = saved;
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    window.close();
  });
});

describe('DOMPurify, patched (no innerHTML fallback)', () => {
  let patchedFactory: PurifyFactory;
  beforeAll(async () => {
    patchedFactory = (await loadPatched<{ default: PurifyFactory }>(purifyFile)).default;
  });

  it.each(hostilePages)('%s: sanitises exactly as the installed DOMPurify', (file) => {
    const html = readFileSync(join(hostileDir, file), 'utf8');
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    const config = { FORBID_TAGS: ['style'], ADD_ATTR: ['target'] };
    const installed = installedPurify(window as unknown as PurifyWindow).sanitize(html, config);
    const patched = patchedFactory(window as unknown as PurifyWindow).sanitize(html, config);
    expect(patched).toEqual(installed);
    expect(patched).not.toMatch(/<script|\son[a-z]+=/i);
    window.close();
  });

  it('throws a clear error where DOMParser cannot parse, instead of falling back to innerHTML', () => {
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    class FailingParser {
      parseFromString(): Document {
        throw new Error('no text/html parser here');
      }
    }
    Object.defineProperty(window, 'DOMParser', { value: FailingParser });
    const payload = '<p>text</p><img src=x onerror=alert(1)>';
    // The installed library takes its fallback (so the test reaches the patched branch)...
    expect(() =>
      installedPurify(window as unknown as PurifyWindow).sanitize(payload),
    ).not.toThrow();
    // ...the patched one refuses.
    expect(() => patchedFactory(window as unknown as PurifyWindow).sanitize(payload)).toThrow(
      /DOMParser could not parse the input as text\/html.*no innerHTML fallback/,
    );
    window.close();
  });
});

describe('the patch list itself', () => {
  const innerHtmlAssignment = /\.innerHTML\s*=(?!=)/g;

  it('applies to the installed libraries and leaves them no innerHTML assignment', () => {
    for (const [packageName, files] of Object.entries(vendorPatchList)) {
      for (const [file, entry] of Object.entries(files)) {
        const path = join(repoRoot, 'node_modules', packageName, file);
        const source = readFileSync(path, 'utf8');
        const patched = applyPatches(source, entry.patches, `${packageName}/${file}`);
        expect({ file, assignments: patched.match(innerHtmlAssignment) ?? [] }).toEqual({
          file,
          assignments: [],
        });
        if (entry.patches.length === 0) expect(entry.why).toEqual(expect.any(String));
        for (const patch of entry.patches) expect(patch.reason.length).toBeGreaterThan(40);
      }
    }
  });

  it('names the patch when its source text is missing or appears twice', () => {
    const patch = { name: 'demo-patch', reason: 'a test', find: 'a = 1;', replace: 'a = 2;' };
    expect(applyPatches('let a; a = 1;', [patch], 'demo.js')).toBe('let a; a = 2;');
    expect(() => applyPatches('let a; a = 3;', [patch], 'demo.js')).toThrow(
      /vendor patch "demo-patch" for demo\.js: expected its source text exactly once, found it 0 times/,
    );
    expect(() => applyPatches('a = 1; a = 1;', [patch], 'demo.js')).toThrow(/found it 2 times/);
  });

  /** A copy of a package file under a scratch "repository", for builds against a changed library. */
  function fakeRoot(files: Record<string, string>): string {
    const root = mkdtempSync(join(scratch, 'root-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'node_modules', path)), { recursive: true });
      writeFileSync(join(root, 'node_modules', path), text);
    }
    return root;
  }

  it('fails the build when an upgraded library no longer has a patched line', async () => {
    const changed = readFileSync(readabilityFile, 'utf8').replace(
      'var pageCacheHtml = page.innerHTML;',
      'var pageCacheHtml = page.getHTML();',
    );
    const root = fakeRoot({ '@mozilla/readability/Readability.js': changed });
    await expect(
      loadPatched(join(root, 'node_modules', '@mozilla/readability/Readability.js'), root),
    ).rejects.toThrow(/vendor patch "readability-page-cache-as-nodes".*found it 0 times/);
  });

  it('patches a package reached through a link (esbuild loads it by its real path)', async () => {
    // node_modules/@mozilla/readability is a link to a folder elsewhere, as in a linked node_modules.
    const elsewhere = mkdtempSync(join(scratch, 'store-'));
    writeFileSync(join(elsewhere, 'Readability.js'), readFileSync(readabilityFile, 'utf8'));
    const root = mkdtempSync(join(scratch, 'linked-'));
    mkdirSync(join(root, 'node_modules', '@mozilla'), { recursive: true });
    symlinkSync(elsewhere, join(root, 'node_modules', '@mozilla', 'readability'), 'dir');
    const code = await bundlePatched(
      join(root, 'node_modules', '@mozilla', 'readability', 'Readability.js'),
      root,
    );
    // esbuild drops the patches' comments: look for the patched code itself.
    expect(code).toContain('page.replaceChildren(pageCache.cloneNode(true))');
    expect(code).not.toContain('page.innerHTML = pageCacheHtml');
  });

  it('fails the build when it bundles a file of a patched package that the list does not know', async () => {
    const root = fakeRoot({ 'dompurify/dist/purify.cjs.js': 'module.exports = {};' });
    await expect(
      loadPatched(join(root, 'node_modules', 'dompurify/dist/purify.cjs.js'), root),
    ).rejects.toThrow(
      /dompurify\/dist\/purify\.cjs\.js is bundled but build\/vendor-patches\.mjs does not list it/,
    );
  });
});
