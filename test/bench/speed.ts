// `npm run bench:speed` (issue 6): how fast the reader is, measured against plain Readability in the same run.
//   1. Node: our full pipeline (the BUILT library) vs plain Readability on the same jsdom documents, interleaved,
//      after warm-up, on every page of ../shared/datasets and the seed-like fixtures; the detector's cost on
//      pages it rejects.
//   2. Real headless Chromium with build/chrome: toolbar action -> overlay first paint, and heap growth.
//   3. Bundle sizes (raw and gzip).
// Prints PASS/FAIL per budget and writes every number to test-results/speed.json. Budgets never fail the
// process (this is a benchmark); the exit status is non-zero only when the benchmark itself breaks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from './lib/repo-root';
import { runBrowserBench, type BrowserBenchResult } from './speed/browser-paint';
import { formatBudget, notMeasured, type BudgetResult } from './speed/budgets';
import { measureBundles } from './speed/bundles';
import { runDetectorBench, type DetectorResult } from './speed/detector';
import {
  BenchSetupError,
  builtLibraryPath,
  loadBuiltLibrary,
  snapshotBuiltLibrary,
} from './speed/library';
import { printNode } from './speed/node-report';
import type { NodeBenchResult } from './speed/node-summary';
import { runNodeBench } from './speed/node-workers';
import {
  datasetPages,
  detectorNonArticlePages,
  htmlBytes,
  seedPages,
  type BenchPage,
} from './speed/pages';
import { printBrowser, printBundles, printDetector } from './speed/report';
import { optionsOrExit, positiveInt } from './speed/cli';

const DEFAULT_BATCH_PAGES = 40;
const DEFAULT_BATCH_KIB = 2048;
/** Untimed rounds on each worker's first pages before it times anything (its code starts cold). */
const JIT_WARMUP = { pages: 3, rounds: 2 };
const WORKER_HEAP_MB = 4096;

const USAGE = `usage: npm run bench:speed -- [--node-only | --browser-only] [--rounds N] [--runs N]
                             [--largest N] [--limit N] [--batch N] [--batch-kib K] [--out FILE]
  --node-only         only the Node part (pipeline vs plain Readability, detector) and bundle sizes
  --browser-only      only the Chromium part (toolbar to first paint, heap) and bundle sizes
  --rounds N          timed rounds per page in Node, after 2 untimed ones (default 5; every page gets them)
  --runs N            timed runs per page in Chromium (default 7)
  --largest N         how many of the largest dataset pages the browser part opens (default 10)
  --limit N           only the first N pages of each dataset in Node (quick runs)
  --batch N           Node: at most N pages per worker thread (default ${DEFAULT_BATCH_PAGES}); workers run one at a
                      time and exit after their batch, which frees the documents jsdom keeps
  --batch-kib K       Node: at most K KiB of page HTML per worker thread (default ${DEFAULT_BATCH_KIB}; a bigger page
                      gets a worker of its own)
  --out FILE          where the JSON goes (default test-results/speed.json)`;

interface Options {
  nodeOnly: boolean;
  browserOnly: boolean;
  rounds: number;
  runs: number;
  largest: number;
  limit?: number;
  batchPages: number;
  batchKib: number;
  out: string;
}

function parseOptions(argv: string[], repoRoot: string): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'node-only': { type: 'boolean', default: false },
      'browser-only': { type: 'boolean', default: false },
      rounds: { type: 'string' },
      runs: { type: 'string' },
      largest: { type: 'string' },
      limit: { type: 'string' },
      batch: { type: 'string' },
      'batch-kib': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new Error('');
  if (values['node-only'] && values['browser-only']) {
    throw new Error('--node-only and --browser-only exclude each other');
  }
  return {
    nodeOnly: values['node-only'] ?? false,
    browserOnly: values['browser-only'] ?? false,
    rounds: positiveInt('rounds', values.rounds, 5),
    runs: positiveInt('runs', values.runs, 7),
    largest: positiveInt('largest', values.largest, 10),
    limit: values.limit === undefined ? undefined : positiveInt('limit', values.limit, 1),
    batchPages: positiveInt('batch', values.batch, DEFAULT_BATCH_PAGES),
    batchKib: positiveInt('batch-kib', values['batch-kib'], DEFAULT_BATCH_KIB),
    out: values.out ?? join(repoRoot, 'test-results', 'speed.json'),
  };
}

const print = (line: string) => console.log(line);
const heading = (title: string) => print(`\n== ${title} ==`);

async function runNodePart(
  repoRoot: string,
  options: Options,
  budgets: BudgetResult[],
): Promise<{ node: NodeBenchResult; detector: DetectorResult; library: string }> {
  // Every worker and the detector load the run's own copy of the build: a rebuild meanwhile cannot mix in.
  const snapshot = snapshotBuiltLibrary(repoRoot);
  try {
    return await runNodeParts(repoRoot, options, budgets, snapshot.path);
  } finally {
    snapshot.remove();
  }
}

async function runNodeParts(
  repoRoot: string,
  options: Options,
  budgets: BudgetResult[],
  libraryPath: string,
): Promise<{ node: NodeBenchResult; detector: DetectorResult; library: string }> {
  const library = loadBuiltLibrary(repoRoot, libraryPath);
  if (library.staleWarning) print(`WARNING: ${library.staleWarning}`);
  const pages = [...seedPages(repoRoot), ...datasetPages(options.limit)];

  heading('Node (jsdom): our pipeline vs plain Readability');
  print(
    'Both sides run on the same jsdom document, parsed once per page outside the timing. Ours is extract(doc, { url })\n' +
      'from build/node/index.cjs, which clones the document itself; plain is new Readability(doc.cloneNode(true)).parse()\n' +
      `(default options), so both pay for one clone. Interleaved (ours/plain, then plain/ours, ...; the first side alternates\n` +
      `from page to page), after one untimed copy of the page and 2 untimed warm-up rounds, then ${options.rounds} timed rounds on\n` +
      `every page. In worker threads, one at a time, at most ${options.batchPages} pages or ${options.batchKib} KiB of HTML each, each loading the\n` +
      `run's copy of the built library and warming the JIT with ${JIT_WARMUP.rounds} untimed rounds on its first ${JIT_WARMUP.pages} pages; a worker exits\n` +
      'after its batch (jsdom keeps every document it makes until then).',
  );
  const node = await runNodeBench(pages, {
    repoRoot,
    libraryPath,
    plan: { warmup: 2, timed: options.rounds },
    jitWarmup: JIT_WARMUP,
    batch: { maxPages: options.batchPages, maxBytes: options.batchKib * 1024 },
    workerHeapMb: WORKER_HEAP_MB,
    onProgress: (done, total, elapsedMs) => {
      if (done % 25 === 0 || done === total) {
        process.stderr.write(`  ${done}/${total} pages, ${(elapsedMs / 1000).toFixed(0)} s\n`);
      }
    },
  });
  budgets.push(printNode(node, print));

  heading('Detector (Node, jsdom): detectArticle on pages it rejects');
  const fixtures = detectorNonArticlePages(repoRoot);
  const detectorPages =
    fixtures.length > 0
      ? { pages: fixtures, set: 'test/fixtures/detect, labelled non-article' }
      : {
          pages: datasetPages(options.limit).filter(
            (page) => page.source === 'readability-test-pages',
          ),
          set: 'readability-test-pages (no detector fixtures found)',
        };
  const detector = runDetectorBench(
    detectorPages.pages,
    detectorPages.set,
    library.detectArticle,
    15,
  );
  budgets.push(printDetector(detector, print));
  return { node, detector, library: relative(repoRoot, builtLibraryPath(repoRoot)) };
}

function browserTargets(repoRoot: string, largest: number) {
  const biggest = datasetPages()
    .sort((a, b) => htmlBytes(b) - htmlBytes(a))
    .slice(0, largest);
  return [
    ...seedPages(repoRoot).map((page: BenchPage) => ({ page, role: 'seed' as const })),
    ...biggest.map((page) => ({ page, role: 'largest' as const })),
  ];
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  const parsed = optionsOrExit(() => parseOptions(process.argv.slice(2), repoRoot), USAGE);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const startedAt = new Date();
  const budgets: BudgetResult[] = [];
  const problems: string[] = [];
  const json: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadAverageAtStart: loadavg(),
    },
    options,
  };
  print(
    `bench:speed ${startedAt.toISOString()}  node ${process.version}, ${cpus().length} cores, ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (other work on the machine slows both sides alike)`,
  );

  heading('Bundle sizes (minified)');
  const bundles = measureBundles(repoRoot);
  json.bundles = bundles;
  budgets.push(printBundles(bundles, print));

  if (!options.browserOnly) {
    try {
      const { node, detector, library } = await runNodePart(repoRoot, options, budgets);
      Object.assign(json, { library, node, detector });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`Node part: ${message}`);
      console.error(`bench:speed: the Node part broke: ${message}`);
      if (!(error instanceof BenchSetupError) && error instanceof Error) console.error(error.stack);
    }
  }

  if (!options.nodeOnly) {
    heading('Chromium: toolbar action to the overlay first paint');
    print(
      'Marks: "bench:trigger" set in the page right before CDP Extensions.triggerAction; the content script marks\n' +
        'broadsheet:toggle / :extracted / :painted. total = trigger->painted; inject = trigger->toggle (background,\n' +
        'content.js injection, message); extract = toggle->extracted; render = extracted->painted; whole = trigger->\n' +
        ':complete, the whole article in the reader ("1st": a very long article, its first screen painted before the\n' +
        'rest was cleaned). Page reloaded before\n' +
        'each run, overlay closed with the toolbar action after it. Heap: CDP Runtime.getHeapUsage on the page\n' +
        "renderer (main world + the content script's isolated world; page scripts blocked by CSP) after a forced GC.",
    );
    let browser: BrowserBenchResult | undefined;
    try {
      browser = await runBrowserBench(browserTargets(repoRoot, options.largest), {
        runs: options.runs,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      json.browser = browser;
      budgets.push(...printBrowser(browser, print));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`browser part: ${message}`);
      console.error(`bench:speed: the browser part broke: ${message}`);
      budgets.push(notMeasured('browser: toolbar to first paint', message));
    }
  }

  heading('Budgets');
  for (const result of budgets) print(formatBudget(result));
  json.budgets = budgets;
  json.problems = problems;
  json.finishedAt = new Date().toISOString();
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(json, null, 1)}\n`);
  print(`\nwrote ${relative(process.cwd(), options.out) || options.out}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:speed broke:', error);
    process.exitCode = 1;
  },
);
