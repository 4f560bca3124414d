// Real headless Chromium with the built extension (build/chrome), launched by the e2e harness
// (test/e2e/support/chromium.ts). Measures, per page:
//   - toolbar action -> the overlay's first paint of the article. The page's main world sets the mark
//     "bench:trigger" right before Node sends CDP Extensions.triggerAction (the real toolbar click: the
//     background injects content.js and messages it); the content script marks "broadsheet:toggle",
//     "broadsheet:extracted" and "broadsheet:painted" (rAF + setTimeout after mounting the overlay). Marks
//     from the content script's isolated world land on the same per-document performance timeline, so all
//     four are read from the main world. The trigger mark is set one CDP round trip before the trigger
//     reaches the browser, so the total slightly over-counts (by well under a millisecond on a local pipe).
//   - heap growth while the overlay is open: CDP Runtime.getHeapUsage on the page's renderer isolate, after
//     HeapProfiler.collectGarbage, before the trigger / with the overlay open / after closing it. The isolate
//     is shared by the page's main world and the content script's isolated world; page scripts are blocked
//     (CSP script-src 'none'), so the growth is the content script's (V8 heap; the embedder heap, where
//     Blink keeps DOM nodes such as the overlay's, is reported separately when Chromium provides it).
// Pages load at their ORIGINAL address, the document answered from memory through CDP Fetch (nothing leaves
// the machine: the harness's Chromium resolves no host but 127.0.0.1, so every other request fails at once),
// so relative URLs resolve as on the real site and site rules apply (the seed page gets its
// independent.co.uk rules). Each run reloads the page, so script
// injection is included, and closes the overlay with the toolbar action before the next run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import {
  launchChromium,
  tabTargetIdOf,
  triggerAction,
  untypedSend,
  type UntypedSend,
} from '../../e2e/support/chromium';
import { findRepoRoot } from '../lib/repo-root';
import { htmlBytes, pageLabel, type BenchPage } from './pages';
import { median, summarise, type Summary } from './stats';

type ChromiumBrowser = Awaited<ReturnType<typeof launchChromium>>;
type ChromiumTab = Awaited<ReturnType<ChromiumBrowser['newPage']>>;
type PlaywrightPage = ChromiumTab['page'];

const hostId = 'broadsheet-reader-host';
const marks = {
  trigger: 'bench:trigger',
  toggle: 'broadsheet:toggle',
  extracted: 'broadsheet:extracted',
  painted: 'broadsheet:painted',
  complete: 'broadsheet:complete',
} as const;
const waitMs = 30_000;

/** The npm package's Readability.js, evaluated in the page's main world for the baseline. */
const readabilitySource = readFileSync(
  join(findRepoRoot(), 'node_modules', '@mozilla', 'readability', 'Readability.js'),
  'utf8',
);

export interface PaintRun {
  /** trigger -> painted: what the user waits for. */
  totalMs: number;
  /** trigger -> toggle: CDP + background + injecting content.js + the message. */
  injectMs: number;
  /** toggle -> extracted: our pipeline on the live page. */
  extractMs: number;
  /** extracted -> painted: mounting the overlay, style, layout, the first frame. */
  renderMs: number;
  /**
   * trigger -> the whole article in the reader: the same as totalMs but for a very long article, whose first
   * screen is painted before the rest is cleaned (then firstScreenFirst is true). Null without an article.
   */
  wholeMs: number | null;
  firstScreenFirst: boolean;
  /** What the overlay showed. */
  shown: 'article' | 'empty' | 'nothing';
}

export interface HeapUsage {
  usedBytes: number;
  embedderBytes: number | null;
}

export interface HeapGrowth {
  before: HeapUsage;
  open: HeapUsage;
  closed: HeapUsage;
}

/**
 * What the renderer did between the toolbar action and the first paint (one untimed run; CDP
 * Performance.getMetrics deltas, in main-thread CPU time): all tasks, script, style recalculation and layout.
 */
export interface RendererWork {
  /** All main-thread tasks: CPU time, so less sensitive to other load on the machine than the wall clock. */
  taskMs: number;
  scriptMs: number;
  recalcStyleMs: number;
  layoutMs: number;
  recalcStyleCount: number;
  layoutCount: number;
}

export interface BrowserPageResult {
  label: string;
  role: 'seed' | 'largest';
  url: string;
  bytes: number;
  runs: PaintRun[];
  median: {
    totalMs: number;
    injectMs: number;
    extractMs: number;
    renderMs: number;
    wholeMs: number | null;
  } | null;
  total: Summary | null;
  heap: HeapGrowth | null;
  work: RendererWork | null;
  /**
   * The baseline in the same browser and run: plain Readability (default options) on a clone of the same
   * loaded page, in its main world, once per fresh load; per-run ms and their median.
   */
  plain: { runs: number[]; medianMs: number } | null;
  error?: string;
}

export interface BrowserBenchResult {
  chromiumVersion: string;
  pages: BrowserPageResult[];
  elapsedMs: number;
}

export interface BrowserBenchOptions {
  runs: number;
  onProgress?: (line: string) => void;
}

interface PageMarks {
  trigger: number | null;
  toggle: number | null;
  extracted: number | null;
  painted: number | null;
  complete: number | null;
  firstScreenFirst: boolean;
  shown: 'article' | 'empty' | 'nothing';
}

export function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The page the tab serves now (several dataset pages share one address, e.g. http://fakehost/test/page.html). */
export interface ServedDocument {
  url: string;
  html: string;
}

interface RequestPaused {
  requestId: string;
  request: { url: string };
}

/**
 * Answers the tab's document requests for the current page's original URL from memory (CDP Fetch, documents
 * only: subresources are not intercepted; they fail at once, since the harness's Chromium resolves no host
 * but 127.0.0.1). Page scripts are blocked by a CSP header, so only the extension's script runs.
 */
async function serveDocuments(
  session: CDPSession,
  send: UntypedSend,
  served: ServedDocument,
): Promise<void> {
  session.on('Fetch.requestPaused', (event: RequestPaused) => {
    const answer =
      withoutHash(event.request.url) === served.url
        ? send('Fetch.fulfillRequest', {
            requestId: event.requestId,
            responseCode: 200,
            responseHeaders: [
              { name: 'content-type', value: 'text/html; charset=utf-8' },
              { name: 'content-security-policy', value: "script-src 'none'" },
              { name: 'cache-control', value: 'no-store' },
            ],
            body: Buffer.from(served.html, 'utf8').toString('base64'),
          })
        : send('Fetch.failRequest', {
            requestId: event.requestId,
            errorReason: 'AddressUnreachable',
          });
    answer.catch(() => {
      // The tab navigated away or closed meanwhile: nothing to answer.
    });
  });
  await send('Fetch.enable', {
    patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }],
  });
}

export class PaintSession {
  constructor(
    private readonly browser: ChromiumBrowser,
    /** The tab (stage-profile.ts reads its own marks through it). */
    readonly page: PlaywrightPage,
    private readonly send: UntypedSend,
    /** CDP to the page's renderer (stage-profile.ts runs the CPU profiler through it). */
    readonly pageSend: UntypedSend,
  ) {}

  static async start(browser: ChromiumBrowser, served: ServedDocument): Promise<PaintSession> {
    const context = browser.context;
    const playwrightBrowser = context.browser();
    if (playwrightBrowser === null) throw new Error('Chromium: no browser object for CDP');
    const tab = await browser.newPage();
    const browserSession = await playwrightBrowser.newBrowserCDPSession();
    const pageSession = await context.newCDPSession(tab.page);
    await serveDocuments(pageSession, untypedSend(pageSession), served);
    await untypedSend(pageSession)('Performance.enable', { timeDomain: 'threadTicks' });
    return new PaintSession(
      browser,
      tab.page,
      untypedSend(browserSession),
      untypedSend(pageSession),
    );
  }

  /** Loads (or reloads) the page and waits until it is idle, as a reader would before clicking. */
  async load(url: string): Promise<void> {
    if (this.page.url() === url) await this.page.reload({ waitUntil: 'load' });
    else await this.page.goto(url, { waitUntil: 'load' });
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
    );
  }

  /** The CDP "tab" target of the page (what triggerAction wants): the selected tab showing its URL. */
  tabTargetId(): Promise<string> {
    return tabTargetIdOf(this.send, this.page);
  }

  private trigger(targetId: string): Promise<unknown> {
    return triggerAction(this.send, this.browser.extensionId, targetId);
  }

  /** Toolbar action -> overlay painted; returns the marks. */
  async open(targetId: string): Promise<PageMarks> {
    await this.page.evaluate(
      ({ painted, complete, trigger, host }) => {
        const scope = window as unknown as { __benchPainted?: Promise<void> };
        // Resolves once the whole article is in (a very long one's rest comes after the first paint), or
        // at the paint when there is no article to complete.
        scope.__benchPainted = new Promise<void>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            const done =
              list.getEntriesByName(complete).length > 0 ||
              (list.getEntriesByName(painted).length > 0 &&
                !document.getElementById(host)?.shadowRoot?.querySelector('.bs-article'));
            if (!done) return;
            observer.disconnect();
            resolve();
          });
          observer.observe({ type: 'mark' });
        });
        performance.mark(trigger);
      },
      { painted: marks.painted, complete: marks.complete, trigger: marks.trigger, host: hostId },
    );
    await this.trigger(targetId);
    const painted = await this.page.evaluate(
      (timeout) =>
        Promise.race([
          (window as unknown as { __benchPainted: Promise<void> }).__benchPainted.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeout)),
        ]),
      waitMs,
    );
    if (!painted) {
      throw new Error(
        `no "${marks.painted}" mark within ${waitMs} ms of the toolbar action (is the content script's mark missing, or did the overlay not open?)`,
      );
    }
    return this.page.evaluate(
      // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
      ({ names, host }) => {
        const found: Record<string, number | null> = {};
        for (const [key, name] of Object.entries(names)) {
          const entries = performance.getEntriesByName(name, 'mark');
          found[key] = entries.length > 0 ? entries[entries.length - 1]!.startTime : null;
        }
        const root = document.getElementById(host)?.shadowRoot ?? null;
        const shown: 'article' | 'empty' | 'nothing' = root?.querySelector('.bs-article')
          ? 'article'
          : root?.querySelector('.bs-empty')
            ? 'empty'
            : 'nothing';
        const completeMarks = performance.getEntriesByName(names.complete, 'mark');
        const completeMark = completeMarks[completeMarks.length - 1] as PerformanceMark | undefined;
        const detail = completeMark?.detail as { firstScreenFirst?: boolean } | null | undefined;
        return {
          trigger: found.trigger ?? null,
          toggle: found.toggle ?? null,
          extracted: found.extracted ?? null,
          painted: found.painted ?? null,
          complete: found.complete ?? null,
          firstScreenFirst: detail?.firstScreenFirst === true,
          shown,
        };
      },
      { names: marks, host: hostId },
    );
  }

  /** Closes the overlay with the toolbar action (as a reader would) and waits until it is gone. */
  async close(targetId: string): Promise<void> {
    await this.trigger(targetId);
    // Polled inside the page rather than with waitForFunction, which would inject Playwright's large
    // helper script into the page and show up in the heap numbers. (No named inner functions in page
    // code: tsx would wrap them in a helper that does not exist in the page.)
    const gone = await this.page.evaluate(
      ({ host, timeout }) =>
        new Promise<boolean>((resolve) => {
          const deadline = performance.now() + timeout;
          const timer = setInterval(() => {
            const closed = document.getElementById(host) === null;
            if (!closed && performance.now() < deadline) return;
            clearInterval(timer);
            resolve(closed);
          }, 20);
        }),
      { host: hostId, timeout: waitMs },
    );
    if (!gone) throw new Error(`the overlay was still open ${waitMs} ms after the toolbar action`);
  }

  /**
   * Plain Readability on the loaded page, as a page script would run it: `new Readability(clone).parse()`
   * timed around the call only (compiling Readability.js is outside, as the content script's is).
   */
  async plainReadabilityMs(): Promise<number> {
    return this.page.evaluate(`(() => {
      ${readabilitySource}
      const started = performance.now();
      new Readability(document.cloneNode(true)).parse();
      return performance.now() - started;
    })()`);
  }

  async metrics(): Promise<Map<string, number>> {
    const { metrics } = (await this.pageSend('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return new Map(metrics.map((metric) => [metric.name, metric.value]));
  }

  async heapUsage(): Promise<HeapUsage> {
    await this.pageSend('HeapProfiler.collectGarbage');
    const usage = (await this.pageSend('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    return { usedBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize ?? null };
  }
}

function toRun(found: PageMarks): PaintRun {
  const { trigger, toggle, extracted, painted } = found;
  if (trigger === null || toggle === null || extracted === null || painted === null) {
    const missing = Object.entries({ trigger, toggle, extracted, painted })
      .filter(([, value]) => value === null)
      .map(([name]) => name);
    throw new Error(`performance marks missing: ${missing.join(', ')}`);
  }
  return {
    totalMs: painted - trigger,
    injectMs: toggle - trigger,
    extractMs: extracted - toggle,
    renderMs: painted - extracted,
    wholeMs: found.complete === null ? null : found.complete - trigger,
    firstScreenFirst: found.firstScreenFirst,
    shown: found.shown,
  };
}

async function measurePage(
  session: PaintSession,
  served: ServedDocument,
  page: BenchPage,
  role: BrowserPageResult['role'],
  runs: number,
): Promise<BrowserPageResult> {
  const result: BrowserPageResult = {
    label: pageLabel(page),
    role,
    url: page.url,
    bytes: htmlBytes(page),
    runs: [],
    median: null,
    total: null,
    heap: null,
    work: null,
    plain: null,
  };
  try {
    served.url = withoutHash(page.url);
    served.html = page.html;
    await session.load(page.url);
    const targetId = await session.tabTargetId();
    for (let i = 0; i < runs; i++) {
      if (i > 0) await session.load(page.url);
      result.runs.push(toRun(await session.open(targetId)));
      await session.close(targetId);
    }
    const plainRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      await session.load(page.url);
      plainRuns.push(await session.plainReadabilityMs());
    }
    result.plain = { runs: plainRuns, medianMs: median(plainRuns) };
    // One more run, untimed, for the heap and the renderer's work: garbage collection between the steps
    // would disturb the timings.
    await session.load(page.url);
    const before = await session.heapUsage();
    const metricsBefore = await session.metrics();
    await session.open(targetId);
    const metricsAfter = await session.metrics();
    const delta = (name: string) => (metricsAfter.get(name) ?? 0) - (metricsBefore.get(name) ?? 0);
    result.work = {
      taskMs: delta('TaskDuration') * 1000,
      scriptMs: delta('ScriptDuration') * 1000,
      recalcStyleMs: delta('RecalcStyleDuration') * 1000,
      layoutMs: delta('LayoutDuration') * 1000,
      recalcStyleCount: delta('RecalcStyleCount'),
      layoutCount: delta('LayoutCount'),
    };
    const open = await session.heapUsage();
    await session.close(targetId);
    const closed = await session.heapUsage();
    result.heap = { before, open, closed };
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  if (result.runs.length > 0) {
    const pick = (key: 'totalMs' | 'injectMs' | 'extractMs' | 'renderMs') =>
      median(result.runs.map((r) => r[key]));
    const whole = result.runs.flatMap((r) => (r.wholeMs === null ? [] : [r.wholeMs]));
    result.median = {
      totalMs: pick('totalMs'),
      injectMs: pick('injectMs'),
      extractMs: pick('extractMs'),
      renderMs: pick('renderMs'),
      wholeMs: whole.length > 0 ? median(whole) : null,
    };
    result.total = summarise(result.runs.map((r) => r.totalMs));
  }
  return result;
}

export async function runBrowserBench(
  targets: readonly { page: BenchPage; role: BrowserPageResult['role'] }[],
  options: BrowserBenchOptions,
): Promise<BrowserBenchResult> {
  const started = performance.now();
  const served: ServedDocument = { url: '', html: '' };
  const browser = await launchChromium();
  try {
    const chromiumVersion = browser.context.browser()?.version() ?? 'unknown';
    const session = await PaintSession.start(browser, served);
    // Wakes the service worker and warms the renderer once; not counted.
    const first = targets[0];
    if (first !== undefined) await measurePage(session, served, first.page, first.role, 1);
    const pages: BrowserPageResult[] = [];
    for (const { page, role } of targets) {
      const result = await measurePage(session, served, page, role, options.runs);
      pages.push(result);
      options.onProgress?.(
        `  ${result.label}: ${result.error ?? `${result.runs.length} runs, median ${result.median?.totalMs.toFixed(1)} ms`}`,
      );
    }
    return { chromiumVersion, pages, elapsedMs: performance.now() - started };
  } finally {
    await browser.close();
  }
}
