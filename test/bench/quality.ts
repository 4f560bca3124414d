// `npm run bench:quality`: plain @mozilla/readability vs our pipeline (the BUILT Node library) on every labelled
// page in ../shared/datasets, scored with the article-extraction-benchmark metric. Prints one table per dataset
// and the issue-3 targets, and writes every number (per page too) to test-results/quality.json.
//
//   npm run bench:quality                                 all datasets
//   npm run bench:quality -- --dataset readability-test-pages
//   npm run bench:quality -- --page <id> [--dataset NAME]  one page: scores and the text each side gets wrong
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetError, listDatasets, loadDataset, referenceText } from './lib/datasets';
import { diffPage } from './lib/diff';
import type { ExtractFunction } from './lib/extractors';
import {
  runPage,
  scorePage,
  summarizeDataset,
  WORSE_MARGIN,
  type DatasetSummary,
  type PageRun,
  type PageScores,
  type RuleFiring,
} from './lib/evaluate';
import { findRepoRoot } from './lib/repo-root';
import type { Scores } from './lib/score';

const repoRoot = findRepoRoot();
const USAGE = `usage: npm run bench:quality -- [--dataset NAME] [--page ID] [--out FILE] [--strict]
  --dataset NAME  only this dataset (default: all in ../shared/datasets)
  --page ID       only this page (an id or its start): both sides' scores and the text each gets wrong
  --out FILE      where the JSON goes (default: test-results/quality.json)
  --strict        exit with status 1 when a target fails`;

interface LoadedExtractor {
  extract: ExtractFunction | null;
  problem?: string;
}

/** Builds the Node library (about a second) and loads it, so the benchmark measures what ships. */
function loadBuiltExtractor(): LoadedExtractor {
  const build = spawnSync(process.execPath, ['build/build.mjs', '--node-only'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    return { extract: null, problem: `node build failed:\n${build.stderr || build.stdout}` };
  }
  try {
    const require = createRequire(join(repoRoot, 'package.json'));
    const library = require(join(repoRoot, 'build', 'node', 'index.cjs')) as { extract?: unknown };
    if (typeof library.extract !== 'function') {
      return { extract: null, problem: 'build/node/index.cjs does not export extract()' };
    }
    return { extract: library.extract as ExtractFunction };
  } catch (error) {
    return {
      extract: null,
      problem: `cannot load build/node/index.cjs: ${(error as Error).message}`,
    };
  }
}

const f4 = (n: number) => n.toFixed(4);
const pad = (s: string, n: number) => s.padEnd(n);
const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function scoreRow(label: string, scores: Scores | null): string {
  if (!scores) return `  ${pad(label, 46)} (not run)`;
  return `  ${pad(label, 46)} ${f4(scores.f1)}  ${f4(scores.precision)}  ${f4(scores.recall)}`;
}

function printSummary(summary: DatasetSummary): void {
  const labelled = summary.reference === 'human label';
  const against = labelled
    ? 'scored against the human-labelled expected_text'
    : "agreement with Readability's own expected output (not a human label): where we differ from " +
      'Readability, junk we remove counts as a loss here, so F1/P/R are not quality targets';
  console.log(`\n== ${summary.dataset}: ${summary.pages} pages, ${against} ==`);
  console.log(`  ${pad('', 46)} F1      precision recall`);
  console.log(scoreRow('plain Readability 0.6 (paragraphs separated)', summary.plain));
  console.log(scoreRow('  published method (raw textContent)', summary.plainPublished));
  console.log(scoreRow('ours (result.text)', summary.ours));
  console.log(scoreRow('  ours, result.html via the bench converter', summary.oursFromHtml));
  if (summary.oursErrors.length > 0) {
    const messages = [...new Set(summary.oursErrors.map((e) => e.error))].slice(0, 3);
    console.log(
      `  our extractor threw on ${summary.oursErrors.length} page(s): ${messages.join(' | ')}`,
    );
  }
  const differs = labelled ? 'worse than plain' : 'further from Readability than plain';
  console.log(
    `  pages where ours is ${differs} (page F1 drop > ${WORSE_MARGIN}): ${summary.worse.length}` +
      (labelled ? '' : ' (check these for lost article text)'),
  );
  for (const w of summary.worse.slice(0, 10)) {
    console.log(
      `    ${pad(w.id.slice(0, 16), 16)} ${pad(host(w.url), 32)} plain ${f4(w.plainF1)}  ours ${f4(w.oursF1)}`,
    );
  }
  console.log(
    `  pages where plain found an article but ours is null/empty: ${summary.emptied.length}` +
      (summary.emptied.length > 0 ? ` (${summary.emptied.slice(0, 10).join(', ')})` : ''),
  );
  for (const target of summary.targets) {
    console.log(`  ${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.detail}`);
  }
  printRulesFired(summary.rulesFired);
}

/** Which rules removed something where: a rule that fires on one host only may be fitted to that site. */
function printRulesFired(firings: readonly RuleFiring[]): void {
  if (firings.length === 0) return;
  console.log('  rules fired (pages / distinct hosts):');
  const cells = firings.map((f) => `${f.ruleId} ${f.pages}/${f.hosts}`);
  for (let i = 0; i < cells.length; i += 3) {
    console.log(
      `    ${cells
        .slice(i, i + 3)
        .map((c) => pad(c, 40))
        .join('')}`.trimEnd(),
    );
  }
}

/** The longest runs first, capped, so the JSON stays readable. */
function topRuns(runs: string[], count = 12, length = 240): string[] {
  return [...runs]
    .sort((a, b) => b.length - a.length)
    .slice(0, count)
    .map((run) => (run.length > length ? `${run.slice(0, length)}…` : run));
}

function printPageDetail(run: PageRun, scores: PageScores): void {
  const reference = referenceText(run.page);
  console.log(`\n== ${run.page.dataset} / ${run.page.id}\n   ${run.page.url}`);
  if (run.note) console.log(`   note: ${run.note}`);
  const sides: [string, string, { f1: number; precision: number; recall: number } | null][] = [
    ['plain Readability', run.plain.text, scores.plain],
    ['ours', run.ours?.text ?? '', scores.ours],
  ];
  for (const [label, text, score] of sides) {
    if (!score) {
      console.log(`\n-- ${label}: not run`);
      continue;
    }
    console.log(
      `\n-- ${label}: F1 ${f4(score.f1)}  precision ${f4(score.precision)}  recall ${f4(score.recall)}`,
    );
    const diff = diffPage(reference, text);
    console.log(`   junk kept (shingles only in ${label}): ${diff.junk.length} run(s)`);
    for (const junk of diff.junk) console.log(`   + ${junk}`);
    console.log(`   text lost (shingles only in the expected text): ${diff.lost.length} run(s)`);
    for (const lost of diff.lost) console.log(`   - ${lost}`);
  }
  if (run.ours)
    console.log(`\nrules fired on this page: ${run.ours.rulesFired.join(', ') || 'none'}`);
  if (run.plain.error) console.log(`\nplain Readability threw: ${run.plain.error}`);
  if (run.ours?.error) console.log(`\nour extractor threw: ${run.ours.error}`);
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      page: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const datasets = values.dataset ? [values.dataset] : listDatasets();
  const { extract, problem } = loadBuiltExtractor();
  if (problem) console.error(`our pipeline will not run: ${problem}`);

  const started = performance.now();
  const summaries: DatasetSummary[] = [];
  const pagesOut: Record<string, unknown[]> = {};
  let pageCount = 0;
  let plainMs = 0;
  let oursMs = 0;
  for (const dataset of datasets) {
    // --page takes an id or its start (the tables print the first 16 characters).
    const pages = loadDataset(dataset).filter((p) => !values.page || p.id.startsWith(values.page));
    if (values.page && pages.length === 0) continue;
    const scored: PageScores[] = [];
    const out: unknown[] = [];
    pages.forEach((page, index) => {
      const run = runPage(page, extract, 'separate');
      const scores = scorePage(run);
      scored.push(scores);
      plainMs += run.plain.ms;
      oursMs += run.ours?.ms ?? 0;
      const reference = referenceText(page);
      const plainDiff = diffPage(reference, run.plain.text);
      const oursDiff = run.ours ? diffPage(reference, run.ours.text) : null;
      out.push({
        ...scores,
        plainJunk: topRuns(plainDiff.junk),
        plainLost: topRuns(plainDiff.lost),
        ...(oursDiff ? { oursJunk: topRuns(oursDiff.junk), oursLost: topRuns(oursDiff.lost) } : {}),
      });
      if (values.page) printPageDetail(run, scores);
      else if ((index + 1) % 50 === 0) console.error(`  ${dataset}: ${index + 1}/${pages.length}`);
    });
    pageCount += pages.length;
    const summary = summarizeDataset(dataset, scored);
    summaries.push(summary);
    pagesOut[dataset] = out;
    // One page's targets mean nothing: --page prints only that page's detail.
    if (!values.page) printSummary(summary);
  }
  if (values.page && pageCount === 0) {
    console.error(`no page with id "${values.page}" in ${datasets.join(', ')}`);
    return 2;
  }

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\ntiming: ${pageCount} pages x 2 pipelines in ${seconds.toFixed(1)} s ` +
      `(mean per page, parsing excluded: plain Readability ${(plainMs / Math.max(1, pageCount)).toFixed(1)} ms, ` +
      `ours ${(oursMs / Math.max(1, pageCount)).toFixed(1)} ms)`,
  );

  const outPath = values.out ?? join(repoRoot, 'test-results', 'quality.json');
  mkdirSync(dirname(outPath), { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(),
    metric:
      'article-extraction-benchmark: 4-token shingles, per-page normalised tp/fp/fn, mean P and R',
    ourPipeline: problem ? `not run: ${problem}` : 'build/node/index.cjs extract()',
    seconds,
    summaries,
    pages: pagesOut,
  };
  writeFileSync(outPath, JSON.stringify(json, null, 1));
  console.log(`wrote ${relative(process.cwd(), outPath) || outPath}`);

  const failed = summaries.some((s) => s.targets.some((t) => !t.pass));
  return values.strict && failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (
    error instanceof DatasetError ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
  ) {
    console.error(`bench:quality: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
