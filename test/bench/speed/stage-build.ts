// A test-only build of the Chromium extension for the stage breakdown (stage-profile.ts): build/chrome copied
// into a temporary folder, with content.js rebuilt from the same sources with build/build.mjs's own esbuild
// options (extensionBuildOptions), but NOT minified (function names stay readable in CPU profiles) and with a performance
// mark after each stage of extract() (src/extraction/index.ts is patched in memory while bundling; the
// sources and build/ are never touched). A mark that cannot be placed fails the build and names its anchor:
// when the pipeline's code changes, update `stageAnchors` below.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Marks are "broadsheet:stage:<name>", set right after (or before) the statement named as its anchor. */
export const stageMarkPrefix = 'broadsheet:stage:';

export interface StageAnchor {
  stage: string;
  /** The statement (exact source text) the mark follows... */
  after?: string;
  /** ...or precedes. */
  before?: string;
  what: string;
}

/**
 * Statements of extract() (src/extraction/index.ts) each followed by a mark; in pipeline order. A stage's
 * time is from the previous mark to its own (the first from the controller's "broadsheet:toggle", so the
 * wait for the settings shows on its own as "start").
 */
export const stageAnchors: readonly StageAnchor[] = [
  {
    stage: 'start',
    after: 'const deadline = new Deadline(options.timeBudgetMs);',
    what: 'toggle -> extract() called: the settings wait and the controller',
  },
  {
    stage: 'preflight',
    before: 'const clone = htmlCloneOf(document);',
    what: 'the size pre-flight and the any-text check',
  },
  {
    stage: 'clone',
    after: 'const clone = htmlCloneOf(document);',
    what: 'document.cloneNode(true)',
  },
  {
    stage: 'metadata',
    after: 'const metadata = readPageMetadata(clone);',
    what: 'readPageMetadata',
  },
  {
    stage: 'rules-for-page',
    after: "deadline.check('cleanup rules');",
    what: 'user rules validated, rulesForPage (compiled rules)',
  },
  { stage: 'lazy-images-1', after: 'fixLazyImages(body);', what: 'fixLazyImages on the clone' },
  {
    stage: 'rules-before',
    after: "deadline.check('Readability');",
    what: 'applyRules(before): the rule walk on the clone',
  },
  {
    stage: 'readability',
    after: 'options.firstScreenFirst === true,\n  );',
    what: 'Readability.parse (watched)',
  },
  {
    stage: 'lazy-images-2',
    after: 'fixLazyImages(article);',
    what: 'hasText, the first screen cut off a very long article, fixLazyImages on the article',
  },
  {
    stage: 'rules-after',
    after: 'removedAll.push(...dedupeCaptions(article));',
    what: 'applyRules(after) + dedupeCaptions',
  },
  {
    stage: 'sanitise',
    after: 'const container = sanitiseToElement(article, window, url?.href, deadline.tick);',
    what: 'DOMPurify with hooks',
  },
  { stage: 'leftovers', after: 'removeEmptyLeftovers(container);', what: 'removeEmptyLeftovers' },
  { stage: 'plain-text', after: 'const text = toPlainText(container);', what: 'toPlainText' },
];

/** The remaining segments, named after the controller's marks. */
export const tailStages = {
  result: 'last stage -> broadsheet:extracted: result object (innerHTML, word count, direction)',
  render: 'broadsheet:extracted -> broadsheet:painted: overlay mount, style, layout, first frame',
} as const;

/** The pipeline's source with the stage marks in (throws when an anchor is not found exactly once). */
export function insertStageMarks(source: string): string {
  let patched = source;
  for (const { stage, after, before } of stageAnchors) {
    const anchor = after ?? before ?? '';
    const at = patched.indexOf(anchor);
    if (anchor === '' || at < 0 || patched.indexOf(anchor, at + 1) >= 0) {
      throw new Error(
        `stage-build: the anchor of stage "${stage}" is not found exactly once in src/extraction/index.ts: ${anchor}`,
      );
    }
    const insertAt = after !== undefined ? at + anchor.length : at;
    const mark = ` globalThis.performance?.mark?.(${JSON.stringify(stageMarkPrefix + stage)}); `;
    patched = patched.slice(0, insertAt) + mark + patched.slice(insertAt);
  }
  return patched;
}

function stageMarksPlugin(): Plugin {
  return {
    name: 'broadsheet-stage-marks',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]src[\\/]extraction[\\/]index\.ts$/ }, (args) => ({
        contents: insertStageMarks(readFileSync(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}

type OptionsFactory = (browser: 'chrome', src: string, outfile: string) => BuildOptions;

/** build/build.mjs's esbuild options for an extension bundle (imported: it is an ES module of the build). */
async function extensionBuildOptions(repoRoot: string): Promise<OptionsFactory> {
  const module = (await import(pathToFileURL(join(repoRoot, 'build', 'build.mjs')).href)) as Record<
    string,
    unknown
  >;
  const factory = module.extensionBuildOptions;
  if (typeof factory !== 'function') {
    throw new Error('stage-build: build/build.mjs no longer exports extensionBuildOptions');
  }
  return factory as OptionsFactory;
}

export interface StageExtension {
  /** The unpacked extension (give it to launchChromium through BROADSHEET_E2E_CHROME_DIR). */
  dir: string;
  /** The unminified content.js, for reading a profile's line numbers. */
  contentScript: string;
  remove(): void;
}

/** Copies build/chrome and rebuilds its content.js unminified, with the stage marks. */
export async function buildStageExtension(repoRoot: string): Promise<StageExtension> {
  const built = join(repoRoot, 'build', 'chrome');
  if (!existsSync(join(built, 'manifest.json'))) {
    throw new Error(`no build/chrome: run \`npm run build\` first`);
  }
  const temp = mkdtempSync(join(tmpdir(), 'broadsheet-stage-'));
  const remove = () => rmSync(temp, { recursive: true, force: true });
  try {
    const dir = join(temp, 'chrome');
    cpSync(built, dir, { recursive: true });
    const contentScript = join(dir, 'content.js');
    const options = (await extensionBuildOptions(repoRoot))(
      'chrome',
      'src/content/index.ts',
      contentScript,
    );
    // As build/build.mjs builds content.js for Chromium, minus minify and mangleProps (names stay readable).
    await build({
      ...options,
      minify: false,
      mangleProps: undefined,
      plugins: [stageMarksPlugin(), ...(options.plugins ?? [])],
    });
    return { dir, contentScript, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
