// Proves the Readability speed patches (build/vendor-patches.mjs, marked `speed`) change no result: runs
// Readability with every build patch but those (before) and with all of them (after) on every dataset page
// in jsdom, each on its own copy of the page, and compares everything parse() returns (title, byline, dir,
// lang, the article's HTML, textContent, length, excerpt, siteName, publishedTime) and how many retries it
// needed. Exits 1 on any difference.
//   npx tsx test/bench/speed/readability-identical.ts [--against installed] [--pages LIST]
//   --against installed   compare with the installed, unpatched Readability.js instead (every patch proven)
//   --pages LIST          comma-separated parts of page labels (default: every page of every dataset)
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { listDatasets, loadDataset } from '../lib/datasets';
import { findRepoRoot } from '../lib/repo-root';
import { optionsOrExit } from './cli';
import {
  loadReadability,
  parseComparable,
  patchedReadabilitySource,
  readabilityPatches,
  speedPatchNames,
  type ReadabilityClass,
} from './readability-variants';

const USAGE =
  'usage: npx tsx test/bench/speed/readability-identical.ts [--against installed] [--pages LIST]';

interface Options {
  againstInstalled: boolean;
  pages: string[];
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { against: { type: 'string' }, pages: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) throw new Error('');
  if (values.against !== undefined && values.against !== 'installed') {
    throw new Error(`--against takes only "installed", got "${values.against}"`);
  }
  return {
    againstInstalled: values.against === 'installed',
    pages: (values.pages ?? '').split(',').filter((part) => part !== ''),
  };
}

interface Run {
  result: Record<string, unknown> | null;
  retries: number;
  error?: string;
}

/** Readability on a fresh jsdom of the page (the global DOMParser is the page's, for the <noscript> patch). */
function run(Readability: ReadabilityClass, html: string, url: string): Run {
  const virtualConsole = new VirtualConsole();
  let dom: JSDOM;
  try {
    dom = new JSDOM(html, { url, virtualConsole });
  } catch {
    // A few pages carry CSS that jsdom's parser rejects; without their <style> they load.
    dom = new JSDOM(html.replace(/<style[\s\S]*?<\/style>/gi, ''), { url, virtualConsole });
  }
  try {
    return parseComparable(Readability, dom.window);
  } catch (error) {
    return {
      result: null,
      retries: -1,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    dom.window.close();
  }
}

/** The first field that differs between two runs, or null when they are the same. */
function firstDifference(before: Run, after: Run): string | null {
  const keys = new Set([...Object.keys(before.result ?? {}), ...Object.keys(after.result ?? {})]);
  if ((before.result === null) !== (after.result === null)) return 'result (null on one side)';
  for (const key of keys) {
    if (JSON.stringify(before.result?.[key]) !== JSON.stringify(after.result?.[key])) return key;
  }
  if (before.retries !== after.retries) return 'retries';
  if (before.error !== after.error) return 'error';
  return null;
}

function main(): number {
  const parsed = optionsOrExit(() => parseOptions(process.argv.slice(2)), USAGE);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const repoRoot = findRepoRoot();
  const speed = speedPatchNames();
  const leaveOutBefore = options.againstInstalled
    ? readabilityPatches().map((patch) => patch.name)
    : speed;
  const Before = loadReadability(patchedReadabilitySource(repoRoot, leaveOutBefore));
  const After = loadReadability(patchedReadabilitySource(repoRoot, []));
  console.log(
    `readability-identical: before = ${options.againstInstalled ? 'installed Readability.js' : `build patches without ${speed.join(', ')}`}; after = every build patch`,
  );

  let pages = 0;
  let nullResults = 0;
  let errors = 0;
  const different: string[] = [];
  const started = Date.now();
  for (const dataset of listDatasets()) {
    for (const page of loadDataset(dataset)) {
      const label = `${dataset}/${page.id.length > 40 ? page.id.slice(0, 12) : page.id}`;
      if (options.pages.length > 0 && !options.pages.some((part) => label.includes(part))) continue;
      pages += 1;
      const before = run(Before, page.html, page.url);
      const after = run(After, page.html, page.url);
      if (before.result === null) nullResults += 1;
      if (before.error !== undefined) errors += 1;
      const difference = firstDifference(before, after);
      if (difference !== null) {
        different.push(label);
        console.log(`DIFFERENT ${label}: ${difference}`);
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `pages ${pages}, identical ${pages - different.length}, different ${different.length} ` +
      `(null results ${nullResults}, Readability errors ${errors}, same on both sides; ${seconds} s)`,
  );
  return different.length === 0 && pages > 0 ? 0 : 1;
}

process.exitCode = main();
