// Printing the Node part of the speed benchmark: our pipeline vs plain Readability, overall and per source,
// with enough of the distribution (quartiles, p95, sum ratio, pages with every round) to trust the median.
import { budget, notMeasured, type BudgetResult } from './budgets';
import type { GroupSummary, NodeBenchResult, SpreadSummary } from './node-summary';
import { budgetLimits } from './report';
import { median, ms, type Summary } from './stats';

const nodeRatioBudget = budgetLimits.nodeRatio;

const ratio = (value: number) => `${value.toFixed(2)}x`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function summaryLine(label: string, summary: Summary): string {
  return `${label.padEnd(28)} median ${ms(summary.median).padStart(9)}   p95 ${ms(summary.p95).padStart(9)}   min ${ms(summary.min).padStart(9)}   max ${ms(summary.max).padStart(9)}`;
}

function spreadLine(summary: SpreadSummary): string {
  return (
    `median ${ratio(summary.median)} (p25 ${ratio(summary.p25)}, p75 ${ratio(summary.p75)}), ` +
    `p95 ${ratio(summary.p95)}, min ${ratio(summary.min)}, max ${ratio(summary.max)}`
  );
}

function roundsHistogram(result: NodeBenchResult): string {
  const counts = new Map<string, number>();
  for (const page of result.pages) {
    const key = `${page.warmupRounds}+${page.rounds}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([key, pages]) => `${key} on ${pages} pages`)
    .join(', ');
}

function workersLine(result: NodeBenchResult): string {
  const { workers } = result;
  const warmups = workers.flatMap((w) => (w.jitWarmupMs === null ? [] : [w.jitWarmupMs]));
  const peaks = workers.flatMap((w) => (w.peakHeapBytes === null ? [] : [w.peakHeapBytes]));
  const died = workers.filter((w) => w.error !== undefined).length;
  return (
    `${workers.length} worker threads, one at a time` +
    (died > 0 ? ` (${died} died)` : '') +
    `; each warmed the JIT with ${result.jitWarmup.rounds} untimed rounds on its first ${result.jitWarmup.pages} pages` +
    (warmups.length > 0 ? ` (median ${ms(median(warmups))})` : '') +
    (peaks.length > 0 ? `; largest worker heap ${mb(Math.max(...peaks))}` : '') +
    (result.peakRssBytes === null ? '' : `; process peak RSS ${mb(result.peakRssBytes)}`)
  );
}

function sourceRow(source: string, group: GroupSummary): string {
  const cells = group.ratio
    ? [group.ratio.median, group.ratio.p25, group.ratio.p75, group.ratio.p95].map((r) =>
        ratio(r).padStart(7),
      )
    : ['-', '-', '-', '-'].map((cell) => cell.padStart(7));
  const sum = group.sumRatio === null ? '-' : ratio(group.sumRatio);
  return `  ${source.padEnd(30)} ${String(group.pages).padStart(5)} ${String(group.fullRounds).padStart(6)} ${cells.join('')} ${sum.padStart(7)}`;
}

export function printNode(result: NodeBenchResult, print: (line: string) => void): BudgetResult {
  const name = `Node: our pipeline at most ${nodeRatioBudget}x plain Readability (median per-page ratio)`;
  print(
    `pages: ${result.pages.length + result.failedPages.length}, compared: ${result.comparedPages}, ` +
      `with all ${result.rounds} timed rounds on both sides: ${result.fullRoundPages}, ` +
      `took ${(result.elapsedMs / 1000).toFixed(0)} s` +
      `${result.gcBetweenPages ? ', heap collected between pages' : ''}`,
  );
  print(workersLine(result));
  print(`warm-up + timed rounds per page: ${roundsHistogram(result)}`);
  for (const page of result.failedPages) {
    print(`NOT TIMED ${page.label}: its worker died (${page.error})`);
  }
  for (const error of result.oursErrors) {
    print(`our extract THREW on ${error.pages} page(s): ${error.message}`);
  }
  if (result.oursErrors.length > 0 && result.comparedPages === 0) {
    print('(is src/extraction still the scaffold placeholder? nothing of ours could be timed)');
  }
  for (const error of result.plainErrors) {
    print(`plain Readability threw on ${error.pages} page(s): ${error.message}`);
  }
  if (!result.ours || !result.plain || !result.ratio) {
    return notMeasured(name, 'no page where both sides ran');
  }
  print(summaryLine('ours  (per-page median)', result.ours.perPageMedian));
  print(summaryLine('plain (per-page median)', result.plain.perPageMedian));
  print(
    `sum over pages: ours ${ms(result.ours.totalMs)}, plain ${ms(result.plain.totalMs)} ` +
      `(${ratio(result.ours.totalMs / result.plain.totalMs)})`,
  );
  print(`ratio ours/plain per page: ${spreadLine(result.ratio)}`);
  print(
    `  ${'source'.padEnd(30)} ${'pages'.padStart(5)} ${'full'.padStart(6)}${['median', 'p25', 'p75', 'p95'].map((h) => h.padStart(7)).join('')} ${'sum'.padStart(7)}`,
  );
  for (const [source, group] of Object.entries(result.bySource)) print(sourceRow(source, group));
  const slowest = [...result.pages]
    .filter((p) => p.ratio !== null)
    .sort((a, b) => (b.ratio as number) - (a.ratio as number))
    .slice(0, 5);
  print('highest ratios:');
  for (const page of slowest) {
    print(
      `  ${page.label.padEnd(44)} ${(page.bytes / 1024).toFixed(0).padStart(5)} KiB  ours ${ms(page.oursMedianMs as number).padStart(9)}  plain ${ms(page.plainMedianMs as number).padStart(9)}  ${ratio(page.ratio as number)}`,
    );
  }
  return budget(
    name,
    result.ratio.median <= nodeRatioBudget,
    `median ratio ${ratio(result.ratio.median)} (p25 ${ratio(result.ratio.p25)}, p75 ${ratio(result.ratio.p75)}) ` +
      `over ${result.comparedPages} pages, ${result.fullRoundPages} with all ${result.rounds} rounds`,
  );
}
