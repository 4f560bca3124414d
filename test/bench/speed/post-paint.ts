// What the reader costs the main thread around and after its first paint, in Chromium (issue 6):
//   npx tsx test/bench/speed/post-paint.ts [--pages a,b] [--runs N] [--settle-ms N] [--variant NAME=DIR ...]
// Opens each page with the real toolbar action (browser-paint.ts's PaintSession) and records, from the page's
// main world, every long animation frame (PerformanceObserver 'long-animation-frame': frames whose work took
// over 50 ms, the rendering included) from the trigger until the main thread has been quiet for --settle-ms.
// Per page it prints medians of: toolbar -> painted, extracted -> painted (the render), and after the paint:
// the long frames' total and longest duration, their blocking time (each frame's time over 50 ms, as
// Chromium counts it), the forced style and layout inside scripts, and "busy until": the end of the last long
// frame, in ms after the painted mark (how long scrolling may stall); then closeTotal: the long frames from
// the closing toolbar action until quiet (the page behind coming back). Each --variant is a built Chromium
// extension folder (default: build/chrome); variants take turns run by run, each in its own browser, so a
// before/after comparison shares the machine's load.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../e2e/support/chromium';
import { findRepoRoot } from '../lib/repo-root';
import { PaintSession, withoutHash, type ServedDocument } from './browser-paint';
import { datasetPages, pageLabel, pagesByLabel, seedPages, type BenchPage } from './pages';
import { optionsOrExit, positiveInt } from './cli';
import { median } from './stats';

const USAGE = `usage: npx tsx test/bench/speed/post-paint.ts [--pages LIST] [--runs N] [--settle-ms N] [--variant NAME=DIR ...]
  --pages LIST     comma-separated page labels or parts of them (default: wikipedia-2,seed-inside)
  --runs N         opens per page and variant, each after a fresh load (default 5)
  --settle-ms N    the main thread counts as settled after N ms without a long frame (default 1000)
  --variant N=DIR  a built Chromium extension to measure, named N (repeatable; default: current=build/chrome)
  --frames         also print every open's long frames: start after the painted mark, duration, the
                   frame's own style/layout/paint, and its scripts (what invoked them, how long they ran)`;

interface Options {
  pages: string[];
  runs: number;
  settleMs: number;
  frames: boolean;
  variants: { name: string; dir: string }[];
}

/** One open, in ms; "after" numbers count long frames that end after the painted mark. */
interface OpenRun {
  paint: number;
  render: number;
  afterTotal: number;
  afterLongest: number;
  afterBlocking: number;
  afterForcedLayout: number;
  busyUntil: number;
  frames: number;
  /** Closing with the toolbar action: the long frames' total until the thread is quiet again. */
  closeTotal: number;
  /** The long frames themselves, one line each (printed with --frames). */
  detail: string[];
}

const columns: readonly Exclude<keyof OpenRun, 'detail'>[] = [
  'paint',
  'render',
  'frames',
  'afterTotal',
  'afterLongest',
  'afterBlocking',
  'afterForcedLayout',
  'busyUntil',
  'closeTotal',
];

function parseOptions(argv: string[], repoRoot: string): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string' },
      runs: { type: 'string' },
      'settle-ms': { type: 'string' },
      variant: { type: 'string', multiple: true },
      frames: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error('');
  const variants = (values.variant ?? [`current=${join(repoRoot, 'build', 'chrome')}`]).map(
    (text) => {
      const at = text.indexOf('=');
      if (at < 1) throw new Error(`--variant wants NAME=DIR, got "${text}"`);
      const dir = resolve(text.slice(at + 1));
      if (!existsSync(join(dir, 'manifest.json'))) {
        throw new Error(`--variant ${text}: no built extension (manifest.json) in ${dir}`);
      }
      return { name: text.slice(0, at), dir };
    },
  );
  return {
    pages: (values.pages ?? 'wikipedia-2,seed-inside').split(',').filter(Boolean),
    runs: positiveInt('runs', values.runs, 5),
    settleMs: positiveInt('settle-ms', values['settle-ms'], 1000),
    frames: values.frames ?? false,
    variants,
  };
}

function choosePages(repoRoot: string, wanted: readonly string[]): BenchPage[] {
  return pagesByLabel([...seedPages(repoRoot), ...datasetPages()], wanted);
}

/** Installed in the main world before the trigger: keeps every long animation frame of this open. */
const startRecording = `(() => {
  const scope = window;
  scope.__postPaintFrames = [];
  scope.__postPaintObserver?.disconnect();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const forced = (entry.scripts ?? []).reduce((sum, script) => sum + (script.forcedStyleAndLayoutDuration ?? 0), 0);
      const end = entry.startTime + entry.duration;
      const scripts = (entry.scripts ?? []).map((script) => script.invoker + ' ' + Math.round(script.duration) + ' ms').join(', ');
      scope.__postPaintFrames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration ?? Math.max(0, entry.duration - 50), forced, styleAndLayout: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0, scripts });
    }
  });
  observer.observe({ type: 'long-animation-frame' });
  scope.__postPaintObserver = observer;
})()`;

/** Resolves once no long frame has ended for `settle` ms (frames are reported a little after they end). */
function settledScript(settle: number): string {
  return `new Promise((resolve) => {
    const frames = window.__postPaintFrames;
    const lastEnd = () => frames.reduce((end, f) => Math.max(end, f.start + f.duration), 0);
    const check = () => {
      if (performance.now() - Math.max(lastEnd(), window.__postPaintOpened) >= ${settle}) resolve(frames.slice());
      else setTimeout(check, 100);
    };
    window.__postPaintOpened = performance.now();
    check();
  })`;
}

interface Frame {
  start: number;
  duration: number;
  blocking: number;
  forced: number;
  /** The frame's own style, layout and paint (from styleAndLayoutStart to its end). */
  styleAndLayout: number;
  /** The frame's scripts: what invoked each and how long it ran. */
  scripts: string;
}

async function openOnce(
  session: PaintSession,
  targetId: string,
  settleMs: number,
): Promise<OpenRun> {
  await session.page.evaluate(startRecording);
  const marks = await session.open(targetId);
  if (marks.shown !== 'article')
    throw new Error(`the reader showed "${marks.shown}", not an article`);
  const frames = (await session.page.evaluate(settledScript(settleMs))) as Frame[];
  const painted = marks.painted ?? Number.NaN;
  const after = frames.filter((frame) => frame.start + frame.duration > painted);
  const sum = (pick: (frame: Frame) => number) =>
    after.reduce((total, frame) => total + pick(frame), 0);
  return {
    paint: painted - (marks.trigger ?? Number.NaN),
    render: painted - (marks.extracted ?? Number.NaN),
    frames: after.length,
    afterTotal: sum((frame) => frame.duration),
    afterLongest: after.reduce((longest, frame) => Math.max(longest, frame.duration), 0),
    afterBlocking: sum((frame) => frame.blocking),
    afterForcedLayout: sum((frame) => frame.forced),
    busyUntil: after.reduce(
      (end, frame) => Math.max(end, frame.start + frame.duration - painted),
      0,
    ),
    closeTotal: Number.NaN,
    detail: frames.map(
      (frame) =>
        `  at ${(frame.start - painted).toFixed(0)} ms: ${frame.duration.toFixed(0)} ms, style/layout/paint ${frame.styleAndLayout.toFixed(0)} ms; scripts: ${frame.scripts || 'none'}`,
    ),
  };
}

/** Closes the reader with the toolbar action; the long frames' total ms from then until quiet. */
async function closeOnce(
  session: PaintSession,
  targetId: string,
  settleMs: number,
): Promise<number> {
  await session.page.evaluate(startRecording);
  await session.close(targetId);
  const frames = (await session.page.evaluate(settledScript(settleMs))) as Frame[];
  return frames.reduce((total, frame) => total + frame.duration, 0);
}

async function measureVariant(
  dir: string,
  pages: readonly BenchPage[],
  settleMs: number,
  warmUp: boolean,
): Promise<Map<string, OpenRun>> {
  process.env.BROADSHEET_E2E_CHROME_DIR = dir;
  const browser = await launchChromium();
  const results = new Map<string, OpenRun>();
  try {
    const served: ServedDocument = { url: '', html: '' };
    const session = await PaintSession.start(browser, served);
    for (const page of pages) {
      served.url = withoutHash(page.url);
      served.html = page.html;
      await session.load(page.url);
      const targetId = await session.tabTargetId();
      // The first open of a fresh browser wakes the service worker and compiles the scripts: not counted.
      if (warmUp) {
        await openOnce(session, targetId, settleMs);
        await session.close(targetId);
        await session.load(page.url);
      }
      const run = await openOnce(session, targetId, settleMs);
      run.closeTotal = await closeOnce(session, targetId, settleMs);
      results.set(pageLabel(page), run);
    }
  } finally {
    await browser.close();
  }
  return results;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot();
  const parsed = optionsOrExit(() => {
    const options = parseOptions(process.argv.slice(2), repoRoot);
    return { options, pages: choosePages(repoRoot, options.pages) };
  }, USAGE);
  if ('exitCode' in parsed) return parsed.exitCode;
  const { options, pages } = parsed.options;
  const runs = new Map<string, OpenRun[]>(); // "variant page" -> runs
  for (let round = 0; round < options.runs; round++) {
    for (const variant of options.variants) {
      const found = await measureVariant(variant.dir, pages, options.settleMs, round === 0);
      for (const [label, run] of found) {
        if (options.frames) console.log(`${variant.name} ${label}:\n${run.detail.join('\n')}`);
        const key = `${variant.name}\t${label}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
      }
      console.error(`round ${round + 1}/${options.runs}: ${variant.name} done`);
    }
  }
  console.log(
    `post-paint: medians over ${options.runs} opens (ms; "after" = long frames ending after the painted mark)`,
  );
  console.log(
    ['variant', 'page', ...columns].map((name, i) => pad(name, i < 2 ? 0 : 13)).join('\t'),
  );
  for (const page of pages) {
    for (const variant of options.variants) {
      const found = runs.get(`${variant.name}\t${pageLabel(page)}`) ?? [];
      const cells = columns.map((column) =>
        pad(median(found.map((run) => run[column])).toFixed(1), 13),
      );
      console.log([variant.name, pageLabel(page), ...cells].join('\t'));
    }
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
