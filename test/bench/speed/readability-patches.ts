// What the Readability speed patches (build/vendor-patches.mjs, marked `speed`) buy in Chromium, the browser
// the paint budget is measured in: Readability.parse with every build patch but the speed ones ("before")
// and with all of them ("after"), and with --each, all but one speed patch at a time (what that one adds).
// Each run loads the page afresh (its original address, answered from memory, page scripts blocked, nothing
// else reachable), evaluates one variant's Readability.js (compiled outside the timing, its code cold as in
// the extension's content script) and times parse() on document.cloneNode(true) with extract()'s options.
// Variants take turns in a rotating order. Printed: the medians of the wall clock around parse() and of the
// renderer main thread's CPU time in it (CDP Performance metrics; steadier on a busy machine). Every run's result is compared with the first variant's on the
// same page: the timing is only printed next to "identical" when all runs gave the same article.
// With --profile, every run is also sampled by V8's CPU profiler (CDP, 100 us): the functions with the most
// self time per run, after and before, to see where the time goes and what a patch moved.
//   npx tsx test/bench/speed/readability-patches.ts [--pages LIST] [--largest N] [--runs N] [--each | --without LIST] [--profile]
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import flags from '../../e2e/support/chromium-flags.json';
import { chromiumExecutable } from '../../e2e/support/chromium';
import { findRepoRoot } from '../lib/repo-root';
import { optionsOrExit, positiveInt } from './cli';
import { datasetPages, htmlBytes, pageLabel, pagesByLabel, type BenchPage } from './pages';
import { patchedReadabilitySource, speedPatchNames } from './readability-variants';
import { median } from './stats';

const USAGE = `usage: npx tsx test/bench/speed/readability-patches.ts [--pages LIST] [--largest N] [--runs N] [--each | --without LIST]
  --pages LIST   comma-separated parts of page labels (e.g. wikipedia-2); default: --largest
  --largest N    the N largest dataset pages (default 4)
  --runs N       timed runs per variant and page (default 9)
  --each         also every speed patch left out on its own (its share of the gain)
  --without LIST like --each, for the named speed patches only (comma-separated; a+b: both together)
  --profile      sample every run with the CPU profiler and print the top self times (slows the runs a little)`;

interface Options {
  pages: string[];
  largest: number;
  runs: number;
  /** Speed patches to leave out one at a time (every one with --each). */
  without: string[];
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string' },
      largest: { type: 'string' },
      runs: { type: 'string' },
      each: { type: 'boolean' },
      without: { type: 'string' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error('');
  return {
    pages: (values.pages ?? '').split(',').filter((part) => part !== ''),
    largest: positiveInt('largest', values.largest, 4),
    runs: positiveInt('runs', values.runs, 9),
    without:
      values.each === true
        ? speedPatchNames()
        : (values.without ?? '').split(',').filter((name) => name !== ''),
    profile: values.profile === true,
  };
}

interface Variant {
  name: string;
  /** The Readability.js text to evaluate in the page. */
  source: string;
}

function variants(repoRoot: string, without: readonly string[]): Variant[] {
  const speed = speedPatchNames();
  if (speed.length === 0)
    throw new Error('build/vendor-patches.mjs marks no Readability patch `speed`');
  const list: Variant[] = [
    { name: 'before', source: patchedReadabilitySource(repoRoot, speed) },
    { name: 'after', source: patchedReadabilitySource(repoRoot, []) },
  ];
  // An entry "a+b" leaves a and b out together.
  const unknown = without
    .flatMap((group) => group.split('+'))
    .filter((name) => !speed.includes(name));
  if (unknown.length > 0) throw new Error(`no speed patch named ${unknown.join(', ')}`);
  if (speed.length > 1) {
    for (const group of without) {
      list.push({
        name: `without ${group}`,
        source: patchedReadabilitySource(repoRoot, group.split('+')),
      });
    }
  }
  return list;
}

/**
 * Evaluates the variant's Readability.js in the page and clones the document, outside the timing; leaves
 * `__benchParse()` (the timed parse, returning its wall-clock ms) and `__benchResult()` (the result as JSON).
 */
function prepareScript(source: string): string {
  return `(() => {
    ${source}
    const clone = document.cloneNode(true);
    let result;
    window.__benchParse = () => {
      const started = performance.now();
      result = new Readability(clone, { keepClasses: false, serializer: (node) => node }).parse();
      return performance.now() - started;
    };
    window.__benchResult = () =>
      JSON.stringify(result === null ? null : { ...result, content: result.content.outerHTML });
  })()`;
}

/** Serves `page` at its original address from memory; every other request fails at once. */
async function servePage(tab: Page, page: BenchPage): Promise<void> {
  const address = new URL(page.url);
  address.hash = '';
  await tab.route('**/*', (route) => {
    const url = new URL(route.request().url());
    url.hash = '';
    if (route.request().resourceType() === 'document' && url.href === address.href) {
      return route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "script-src 'none'",
          'cache-control': 'no-store',
        },
        body: page.html,
      });
    }
    return route.abort('addressunreachable');
  });
}

interface PageResult {
  label: string;
  bytes: number;
  elements: number;
  /** Variant name -> wall-clock ms of each run. */
  runs: Record<string, number[]>;
  /** Variant name -> main-thread CPU ms of each run. */
  cpuRuns: Record<string, number[]>;
  /** With --profile: variant name -> function name -> sampled self ms, summed over the runs. */
  selfMs: Record<string, Map<string, number>>;
  identical: boolean;
  /** Variant whose result differed from the first variant's, when one did. */
  differing?: string;
}

interface SampledProfile {
  nodes: { id: number; callFrame: { functionName: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Adds each sampled function's self time (ms) to `into`, by name (line numbers differ between variants: a
 * patch may add lines).
 */
function addSelfTimes(profile: SampledProfile, into: Map<string, number>): void {
  const names = new Map(
    profile.nodes.map((node) => {
      const frame = node.callFrame;
      const line = frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : '';
      return [node.id, frame.functionName || `(anonymous${line})`];
    }),
  );
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the delta to the next sample.
  for (let i = 0; i + 1 < samples.length; i++) {
    const name = names.get(samples[i]!) ?? '?';
    into.set(name, (into.get(name) ?? 0) + deltas[i + 1]! / 1000);
  }
}

/** The renderer main thread's CPU time in all tasks so far, in ms (CDP Performance, thread ticks). */
async function taskCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (task === undefined) throw new Error('Chromium reports no TaskDuration metric');
  return task.value * 1000;
}

interface TimedParse {
  /** Wall clock in the page (performance.now) around parse(). */
  ms: number;
  /** Main-thread CPU time of the task that ran parse(): what other processes on the machine do not inflate. */
  cpuMs: number;
  result: string;
}

async function timedParse(
  tab: Page,
  cdp: CDPSession,
  source: string,
  profile: boolean,
  selfMs: Map<string, number>,
): Promise<TimedParse> {
  await tab.evaluate(prepareScript(source));
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const cpuBefore = await taskCpuMs(cdp);
  const ms = (await tab.evaluate('window.__benchParse()')) as number;
  const cpuMs = (await taskCpuMs(cdp)) - cpuBefore;
  if (profile) {
    const { profile: sampled } = (await cdp.send('Profiler.stop')) as { profile: SampledProfile };
    addSelfTimes(sampled, selfMs);
  }
  const result = (await tab.evaluate('window.__benchResult()')) as string;
  return { ms, cpuMs, result };
}

async function measurePage(
  tab: Page,
  page: BenchPage,
  list: readonly Variant[],
  runs: number,
  cdp: CDPSession,
  profile: boolean,
): Promise<PageResult> {
  await tab.unroute('**/*');
  await servePage(tab, page);
  const result: PageResult = {
    label: pageLabel(page),
    bytes: htmlBytes(page),
    elements: 0,
    runs: Object.fromEntries(list.map((variant) => [variant.name, []])),
    cpuRuns: Object.fromEntries(list.map((variant) => [variant.name, []])),
    selfMs: Object.fromEntries(list.map((variant) => [variant.name, new Map<string, number>()])),
    identical: true,
  };
  let reference: string | undefined;
  for (let round = 0; round < runs; round++) {
    for (let turn = 0; turn < list.length; turn++) {
      const variant = list[(round + turn) % list.length]!;
      await tab.goto(page.url, { waitUntil: 'load' });
      if (result.elements === 0) {
        result.elements = await tab.evaluate(() => document.getElementsByTagName('*').length);
      }
      const timed = await timedParse(
        tab,
        cdp,
        variant.source,
        profile,
        result.selfMs[variant.name]!,
      );
      result.runs[variant.name]!.push(timed.ms);
      result.cpuRuns[variant.name]!.push(timed.cpuMs);
      reference ??= timed.result;
      if (timed.result !== reference && result.identical) {
        result.identical = false;
        result.differing = variant.name;
      }
    }
  }
  return result;
}

/** Top self times of `after` per run, next to `before`'s for the same function. */
function reportProfile(result: PageResult, runs: number): void {
  const after = result.selfMs.after!;
  const before = result.selfMs.before!;
  const top = [...after].sort((a, b) => b[1] - a[1]).slice(0, 20);
  console.log('   CPU profile, self ms per run (after / before), top 20 of after:');
  for (const [name, ms] of top) {
    const was = before.get(name) ?? 0;
    console.log(
      `     ${(ms / runs).toFixed(1).padStart(6)} ${(was / runs).toFixed(1).padStart(6)}  ${name}`,
    );
  }
  const moved = [...new Set([...after.keys(), ...before.keys()])]
    .map((name): [string, number] => [
      name,
      ((after.get(name) ?? 0) - (before.get(name) ?? 0)) / runs,
    ])
    .sort((a, b) => a[1] - b[1])
    .slice(0, 10);
  console.log('   largest drops from before to after (ms per run):');
  for (const [name, ms] of moved) console.log(`     ${ms.toFixed(1).padStart(6)}  ${name}`);
}

function report(result: PageResult, list: readonly Variant[]): void {
  const kib = Math.round(result.bytes / 1024);
  console.log(`\n-- ${result.label}: ${kib} KiB HTML, ${result.elements} elements`);
  for (const [what, runs] of [
    ['wall ms', result.runs],
    ['CPU ms ', result.cpuRuns],
  ] as const) {
    const of = (name: string): number => median(runs[name]!);
    const fastest = (name: string): string => Math.min(...runs[name]!).toFixed(1);
    const before = of('before');
    const after = of('after');
    console.log(
      `   Readability.parse, median ${what}: before ${before.toFixed(1)}, after ${after.toFixed(1)} ` +
        `(${(after - before).toFixed(1)} ms, ${(((after - before) / before) * 100).toFixed(1)}%); ` +
        `least: before ${fastest('before')}, after ${fastest('after')}`,
    );
    for (const variant of list.slice(2)) {
      const ms = of(variant.name);
      console.log(
        `     ${variant.name}: ${ms.toFixed(1)} (its share: ${(ms - after).toFixed(1)} ms; ` +
          `least ${fastest(variant.name)})`,
      );
    }
  }
  console.log(
    result.identical
      ? '   results: identical in every run'
      : `   results: DIFFERENT (${result.differing} differs from ${list[0]!.name})`,
  );
}

async function main(): Promise<number> {
  const parsed = optionsOrExit(() => parseOptions(process.argv.slice(2)), USAGE);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options } = parsed;
  const repoRoot = findRepoRoot();
  const list = variants(repoRoot, options.without);
  const all = datasetPages();
  const pages =
    options.pages.length > 0
      ? pagesByLabel(all, options.pages)
      : [...all].sort((a, b) => htmlBytes(b) - htmlBytes(a)).slice(0, options.largest);

  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    headless: true,
    args: flags.args,
  });
  let failed = false;
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    console.log(
      `readability-patches: Chromium ${browser.version()}, ${options.runs} runs per variant; ` +
        `speed patches: ${speedPatchNames().join(', ')}`,
    );
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    for (const page of pages) {
      const result = await measurePage(tab, page, list, options.runs, cdp, options.profile);
      report(result, list);
      if (options.profile) reportProfile(result, options.runs);
      failed ||= !result.identical;
    }
  } finally {
    await browser.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('readability-patches broke:', error);
    process.exitCode = 1;
  },
);
