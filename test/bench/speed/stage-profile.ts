// Where the toolbar-to-paint time goes in Chromium, stage by stage (issue 6's diagnosis tool):
//   npx tsx test/bench/speed/stage-profile.ts [--pages a,b] [--largest N] [--runs N] [--profile] [--out FILE]
// Runs a test-only build of the extension (stage-build.ts: content.js unminified, a performance mark after
// each stage of extract()) in the bench's Chromium (browser-paint.ts's PaintSession: the real toolbar action,
// the page served from memory at its original address, page scripts blocked), and prints per page the median
// ms of each stage over --runs fresh loads, next to plain Readability in the same page (main world; default
// options, and with our options: keepClasses false and no serialisation) and the DOM calls our pipeline
// starts with. With --profile, one more run under the V8 CPU profiler (CDP Profiler, 100 us sampling) around
// the toolbar action: the call tree under extract() with inclusive ms, and the top functions by self time.
// Unminified code runs at the minified build's speed; the profiler itself slows that run a little, so
// read the profile for shares and names, the marks for milliseconds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../e2e/support/chromium';
import { findRepoRoot } from '../lib/repo-root';
import { PaintSession, withoutHash, type ServedDocument } from './browser-paint';
import {
  datasetPages,
  htmlBytes,
  pageLabel,
  pagesByLabel,
  seedPages,
  type BenchPage,
} from './pages';
import { aggregateProfile, type CpuProfile, type ProfileSummary } from './cpu-profile';
import { buildStageExtension, stageAnchors, stageMarkPrefix, tailStages } from './stage-build';
import { optionsOrExit, positiveInt } from './cli';
import { median } from './stats';

const USAGE = `usage: npx tsx test/bench/speed/stage-profile.ts [--pages LIST] [--largest N] [--runs N] [--profile] [--out FILE]
  --pages LIST   comma-separated page labels or parts of them (e.g. wikipedia-2,seed-inside); default: --largest
  --largest N    the N largest dataset pages (default 4)
  --runs N       timed runs per page (default 5)
  --warm N       then N more opens in the same loaded page (closing in between, no reload): the JIT has
                 seen the code, as it has in the Node bench after its warm-up (default 3; 0 skips)
  --profile      one more run per page under the CPU profiler: call tree under extract() and top self time
                 (raw profiles go to stage-profile/<page>.cpuprofile beside --out: DevTools' Performance panel opens them)
  --out FILE     JSON of every number (default test-results/stage-profile.json)`;

const readabilityPath = ['node_modules', '@mozilla', 'readability', 'Readability.js'];

interface Options {
  pages: string[];
  largest: number;
  runs: number;
  warm: number;
  profile: boolean;
  out: string;
}

/** Milliseconds per segment between consecutive marks, in pipeline order. */
type Segments = Record<string, number>;

interface PageResult {
  label: string;
  bytes: number;
  elements: number;
  runs: Segments[];
  medians: Segments;
  /** Opens after the first in one loaded page: the content script's code is warm (JIT feedback). */
  warmRuns: Segments[];
  warmMedians: Segments;
  /** The same page's main world, fresh load each: plain Readability and the DOM calls we start with. */
  baseline: Record<string, number>;
  profile?: ProfileSummary;
  /** The same profile's call tree under mountOverlay (the render segment's script part). */
  mountProfile?: ProfileSummary;
  profileFile?: string;
  error?: string;
}

function parseOptions(argv: string[], repoRoot: string): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string' },
      largest: { type: 'string' },
      runs: { type: 'string' },
      warm: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error('');
  return {
    pages: (values.pages ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
    largest: positiveInt('largest', values.largest, 4),
    runs: positiveInt('runs', values.runs, 5),
    warm: values.warm === '0' ? 0 : positiveInt('warm', values.warm, 3),
    profile: values.profile ?? false,
    out: values.out ?? join(repoRoot, 'test-results', 'stage-profile.json'),
  };
}

function choosePages(repoRoot: string, options: Options): BenchPage[] {
  const all = [...seedPages(repoRoot), ...datasetPages()];
  if (options.pages.length === 0) {
    return all
      .filter((page) => page.source !== 'seed')
      .sort((a, b) => htmlBytes(b) - htmlBytes(a))
      .slice(0, options.largest);
  }
  return pagesByLabel(all, options.pages);
}

/** The segment names in order: the extract() stages, then the result and the render. */
const segmentNames = [...stageAnchors.map((anchor) => anchor.stage), 'result', 'render'];

/** All marks of the page's timeline since the last "bench:trigger", as segment durations. */
async function readSegments(session: PaintSession): Promise<Segments> {
  const marks = await session.page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((entry) => ({ name: entry.name, at: entry.startTime })),
  );
  const lastAt = (name: string) => {
    const found = marks.filter((mark) => mark.name === name);
    return found.length > 0 ? found[found.length - 1]!.at : null;
  };
  // A very long article's stages run twice: for its first screen before the paint (these count), and for
  // the whole article after it.
  const toggledAt = lastAt('broadsheet:toggle') ?? 0;
  const firstAt = (name: string) =>
    marks.find((mark) => mark.name === name && mark.at >= toggledAt)?.at ?? null;
  const order = [
    'broadsheet:toggle',
    ...stageAnchors.map((anchor) => stageMarkPrefix + anchor.stage),
    'broadsheet:extracted',
    'broadsheet:painted',
  ];
  const times = order.map(firstAt);
  const missing = order.filter((_, index) => times[index] === null);
  if (missing.length > 0) {
    throw new Error(`marks missing (did extraction stop early?): ${missing.join(', ')}`);
  }
  const segments: Segments = {};
  segmentNames.forEach((name, index) => {
    segments[name] = times[index + 1]! - times[index]!;
  });
  const trigger = lastAt('bench:trigger');
  if (trigger !== null) {
    segments.inject = times[0]! - trigger;
    segments.total = times[times.length - 1]! - trigger;
  }
  return segments;
}

/**
 * Main-world baselines on the loaded page (compiling Readability.js outside the timing): the DOM calls our
 * pipeline begins with, and Readability with its defaults and with the options extract() uses.
 */
function baselineScript(readabilitySource: string): string {
  return `(() => {
    ${readabilitySource}
    const time = (work) => { const started = performance.now(); work(); return performance.now() - started; };
    const result = {};
    result.bodyTextContent = time(() => document.body.textContent.length);
    result.countElements = time(() => document.getElementsByTagName('*').length);
    result.cloneNode = time(() => document.cloneNode(true));
    result.plainReadability = time(() => new Readability(document.cloneNode(true)).parse());
    return result;
  })()`;
}

function oursOptionsScript(readabilitySource: string): string {
  return `(() => {
    ${readabilitySource}
    const started = performance.now();
    new Readability(document.cloneNode(true), { keepClasses: false, serializer: (node) => node }).parse();
    return performance.now() - started;
  })()`;
}

async function measurePage(
  session: PaintSession,
  served: ServedDocument,
  page: BenchPage,
  options: Options,
  readabilitySource: string,
): Promise<PageResult> {
  const result: PageResult = {
    label: pageLabel(page),
    bytes: htmlBytes(page),
    elements: 0,
    runs: [],
    medians: {},
    warmRuns: [],
    warmMedians: {},
    baseline: {},
  };
  try {
    served.url = withoutHash(page.url);
    served.html = page.html;
    await session.load(page.url);
    result.elements = await session.page.evaluate(() => document.getElementsByTagName('*').length);
    const targetId = await session.tabTargetId();
    for (let i = 0; i < options.runs; i++) {
      if (i > 0) await session.load(page.url);
      await session.open(targetId);
      result.runs.push(await readSegments(session));
      await session.close(targetId);
    }
    // The last run's page stays loaded: reopening it runs the same code again, now warm.
    for (let i = 0; i < options.warm; i++) {
      await session.open(targetId);
      result.warmRuns.push(await readSegments(session));
      await session.close(targetId);
    }
    const names = Object.keys(result.runs[0] ?? {});
    for (const name of names) {
      result.medians[name] = median(result.runs.map((run) => run[name]!));
      if (result.warmRuns.length > 0) {
        result.warmMedians[name] = median(result.warmRuns.map((run) => run[name]!));
      }
    }

    const baselines: Record<string, number>[] = [];
    for (let i = 0; i < options.runs; i++) {
      await session.load(page.url);
      const base = (await session.page.evaluate(baselineScript(readabilitySource))) as Record<
        string,
        number
      >;
      await session.load(page.url);
      base.readabilityWithOurOptions = (await session.page.evaluate(
        oursOptionsScript(readabilitySource),
      )) as number;
      baselines.push(base);
    }
    for (const name of Object.keys(baselines[0] ?? {})) {
      result.baseline[name] = median(baselines.map((base) => base[name]!));
    }

    if (options.profile) {
      await session.load(page.url);
      await session.pageSend('Profiler.enable');
      await session.pageSend('Profiler.setSamplingInterval', { interval: 100 });
      await session.pageSend('Profiler.start');
      await session.open(targetId);
      const { profile } = (await session.pageSend('Profiler.stop')) as { profile: CpuProfile };
      await session.pageSend('Profiler.disable');
      result.profile = aggregateProfile(profile, { root: 'extract', scriptUrl: 'content.js' });
      result.mountProfile = aggregateProfile(profile, {
        root: 'mountOverlay',
        scriptUrl: 'content.js',
        minTreeMs: 1,
        maxDepth: 3,
      });
      const saved = join(
        dirname(options.out),
        'stage-profile',
        `${result.label.replace(/[^\w.-]+/g, '_')}.cpuprofile`,
      );
      mkdirSync(dirname(saved), { recursive: true });
      writeFileSync(saved, JSON.stringify(profile));
      result.profileFile = relative(process.cwd(), saved);
      await session.close(targetId);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return result;
}

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));

function printPage(result: PageResult, print: (line: string) => void): void {
  print(
    `\n-- ${result.label}: ${(result.bytes / 1024).toFixed(0)} KiB HTML, ${result.elements} elements, ${result.runs.length} runs`,
  );
  if (result.error) print(`   ERROR: ${result.error}`);
  if (result.runs.length === 0) return;
  const what = new Map<string, string>([
    ...stageAnchors.map((anchor) => [anchor.stage, anchor.what] as [string, string]),
    ...Object.entries(tailStages),
  ]);
  const warm = result.warmRuns.length > 0;
  print(
    `   stage (median ms; the stages of extract() in order)${warm ? '   cold = first open after a load (what a reader gets), warm = reopened in the same page' : ''}`,
  );
  let extractMs = 0;
  let warmExtractMs = 0;
  for (const name of segmentNames) {
    const value = result.medians[name] ?? 0;
    const warmValue = result.warmMedians[name] ?? 0;
    if (name !== 'start' && name !== 'render') {
      extractMs += value;
      warmExtractMs += warmValue;
    }
    print(
      `   ${name.padEnd(16)} ${ms(value).padStart(8)}${warm ? ` ${ms(warmValue).padStart(8)} warm` : ''}   ${what.get(name) ?? ''}`,
    );
  }
  print(
    `   ${'= extract()'.padEnd(16)} ${ms(extractMs).padStart(8)}${warm ? ` ${ms(warmExtractMs).padStart(8)} warm` : ''}   (sum of the stage medians from preflight to result)`,
  );
  print(
    `   inject ${ms(result.medians.inject)}   total (trigger -> painted) ${ms(result.medians.total)}`,
  );
  const base = result.baseline;
  print(
    `   main world, same page: plain Readability ${ms(base.plainReadability)}, with our options (no serialising) ${ms(base.readabilityWithOurOptions)}; ` +
      `document.cloneNode(true) ${ms(base.cloneNode)}, body.textContent ${ms(base.bodyTextContent)}, getElementsByTagName('*').length ${ms(base.countElements)}`,
  );
  if (result.profile) printProfile(result.profile, print);
  if (result.mountProfile) {
    print('   call tree under mountOverlay() in the same profile (inclusive ms >= 1, self ms):');
    for (const line of result.mountProfile.tree) {
      print(
        `     ${'  '.repeat(line.depth)}${line.name} ${ms(line.totalMs)}${line.selfMs >= 0.5 ? ` (self ${ms(line.selfMs)})` : ''}`,
      );
    }
  }
  if (result.profileFile) print(`   raw profile: ${result.profileFile}`);
}

function printProfile(profile: ProfileSummary, print: (line: string) => void): void {
  print(
    `   CPU profile of one run (${ms(profile.totalMs)} ms sampled; in extract() ${ms(profile.rootMs)} ms; ` +
      `garbage collector ${ms(profile.garbageCollectorMs)} ms, idle ${ms(profile.idleMs)} ms, (program) ${ms(profile.programMs)} ms):`,
  );
  print('   call tree under extract() (inclusive ms >= 1.5, self ms):');
  for (const line of profile.tree) {
    print(
      `     ${'  '.repeat(line.depth)}${line.name} ${ms(line.totalMs)}${line.selfMs >= 0.5 ? ` (self ${ms(line.selfMs)})` : ''}`,
    );
  }
  print('   top self time inside extract():');
  for (const entry of profile.topSelfInRoot) {
    print(`     ${ms(entry.selfMs).padStart(7)}  ${entry.name}`);
  }
  print('   top self time in the whole run (toolbar action -> painted):');
  for (const entry of profile.topSelf) print(`     ${ms(entry.selfMs).padStart(7)}  ${entry.name}`);
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  const parsed = optionsOrExit(() => parseOptions(process.argv.slice(2), repoRoot), USAGE);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const pages = choosePages(repoRoot, options);
  const print = (line: string) => console.log(line);
  const readabilitySource = readFileSync(join(repoRoot, ...readabilityPath), 'utf8');
  const extension = await buildStageExtension(repoRoot);
  process.env.BROADSHEET_E2E_CHROME_DIR = extension.dir;
  const results: PageResult[] = [];
  try {
    const browser = await launchChromium();
    try {
      print(
        `stage-profile: Chromium ${browser.context.browser()?.version() ?? '?'}, unminified content.js with stage marks, ${options.runs} runs per page`,
      );
      const served: ServedDocument = { url: '', html: '' };
      const session = await PaintSession.start(browser, served);
      // Wakes the service worker and warms the renderer; not counted.
      if (pages[0])
        await measurePage(
          session,
          served,
          pages[0],
          { ...options, runs: 1, warm: 0, profile: false },
          readabilitySource,
        );
      for (const page of pages) {
        const result = await measurePage(session, served, page, options, readabilitySource);
        results.push(result);
        printPage(result, print);
      }
    } finally {
      await browser.close();
    }
  } finally {
    extension.remove();
  }
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify({ at: new Date().toISOString(), options, pages: results }, null, 1)}\n`,
  );
  print(`\nwrote ${relative(process.cwd(), options.out) || options.out}`);
  return results.some((result) => result.error) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('stage-profile broke:', error);
    process.exitCode = 1;
  },
);
