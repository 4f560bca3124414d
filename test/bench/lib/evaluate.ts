// One benchmark run over a dataset: both extractors on every page, scored against the page's reference text,
// summed up per dataset with the targets of issue 3.
import { referenceKind, referenceText, type DatasetPage } from './datasets';
import {
  parsePage,
  runOurs,
  runPlainReadability,
  type ExtractFunction,
  type OursOutput,
  type PlainReadabilityOutput,
} from './extractors';
import {
  aggregate,
  matchPage,
  pageF1,
  pagePrecision,
  pageRecall,
  tokenize,
  type PageCounts,
  type Scores,
} from './score';

/** What a page is scored against: a human label, Readability's own expected output, or nothing. */
export type ReferenceKind = ReturnType<typeof referenceKind>;

/** What both extractors produced for one page (texts kept in memory for diffs, not written out). */
export interface PageRun {
  page: DatasetPage;
  /** Set when the page needed a parsing workaround. */
  note?: string;
  plain: PlainReadabilityOutput;
  /** null when our extractor could not be loaded at all. */
  ours: OursOutput | null;
}

/**
 * How the page is parsed: 'separate' parses it once per side (the benchmark); 'clone' parses once and gives
 * plain Readability a deep clone (the jest gate, where a second parse would double its run time).
 */
export type ParseMode = 'separate' | 'clone';

export function runPage(
  page: DatasetPage,
  extract: ExtractFunction | null,
  mode: ParseMode,
): PageRun {
  const first = parsePage(page.html, page.url);
  const note = first.note;
  try {
    if (mode === 'clone') {
      const copy = first.dom.window.document.cloneNode(true) as Document;
      const plain = runPlainReadability(copy);
      const ours = extract ? runOurs(extract, first.dom.window.document, page.url) : null;
      return { page, note, plain, ours };
    }
    const plain = runPlainReadability(first.dom.window.document);
    if (!extract) return { page, note, plain, ours: null };
    const second = parsePage(page.html, page.url);
    try {
      return { page, note, plain, ours: runOurs(extract, second.dom.window.document, page.url) };
    } finally {
      second.dom.window.close();
    }
  } finally {
    first.dom.window.close();
  }
}

export interface SideScore extends Scores {
  counts: PageCounts;
  /** Number of word tokens in the scored text. */
  tokens: number;
}

export interface PageScores {
  id: string;
  url: string;
  /** The dataset's label for whether a reader view should be offered, where it has one. */
  readerable?: boolean;
  /** What the page is scored against: a human label, or only Readability's own expected output. */
  reference: ReferenceKind;
  note?: string;
  plain: SideScore & { found: boolean; error?: string; ms: number };
  /** Plain Readability's raw textContent, as the published benchmark scored it. */
  plainPublished: SideScore;
  ours: (SideScore & { found: boolean; error?: string; ms: number; rulesFired: string[] }) | null;
  /** Our result.html through the benchmark's own text conversion (a check on our result.text). */
  oursFromHtml: SideScore | null;
}

function scoreText(reference: string, text: string): SideScore {
  const counts = matchPage(reference, text);
  const precision = pagePrecision(counts);
  const recall = pageRecall(counts);
  return { counts, precision, recall, f1: pageF1(counts), tokens: tokenize(text).length };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function scorePage(run: PageRun): PageScores {
  const reference = referenceText(run.page);
  const { plain, ours } = run;
  return withoutUndefined({
    id: run.page.id,
    url: run.page.url,
    readerable: run.page.readerable,
    reference: referenceKind(run.page),
    note: run.note,
    plain: withoutUndefined({
      ...scoreText(reference, plain.text),
      found: plain.found,
      error: plain.error,
      ms: plain.ms,
    }),
    plainPublished: scoreText(reference, plain.textContent),
    ours: ours
      ? withoutUndefined({
          ...scoreText(reference, ours.text),
          found: ours.found,
          error: ours.error,
          ms: ours.ms,
          rulesFired: ours.rulesFired,
        })
      : null,
    oursFromHtml: ours ? scoreText(reference, ours.textFromHtml) : null,
  });
}

/** A page F1 drop bigger than this counts as "worse than plain Readability". */
export const WORSE_MARGIN = 0.02;
/** Issue 3: our recall may be at most this much below plain Readability's. */
export const RECALL_TOLERANCE = 0.005;

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

/** How often one rule removed something: on how many pages, of how many distinct hosts. */
export interface RuleFiring {
  ruleId: string;
  pages: number;
  hosts: number;
}

export interface DatasetSummary {
  dataset: string;
  pages: number;
  /**
   * 'human label' when every page has a human-labelled expected_text: only then do the F1, precision and
   * recall targets apply. Otherwise the scores show agreement with the reference (Readability's own output).
   */
  reference: ReferenceKind;
  plain: Scores;
  plainPublished: Scores;
  /** null when our extractor could not run on any page. */
  ours: Scores | null;
  oursFromHtml: Scores | null;
  /** Pages where our page F1 is more than WORSE_MARGIN below plain's, worst first. */
  worse: { id: string; url: string; plainF1: number; oursF1: number }[];
  /** Pages where plain Readability found an article (with words) but ours returned null or no words. */
  emptied: string[];
  /** Pages where our extractor threw, with the message. */
  oursErrors: { id: string; error: string }[];
  /** Every rule that removed something, most pages first. */
  rulesFired: RuleFiring[];
  targets: Target[];
}

const fixed = (n: number) => n.toFixed(4);

function pickScores(pages: PageScores[], side: (p: PageScores) => SideScore | null): Scores | null {
  const counts: PageCounts[] = [];
  for (const page of pages) {
    const score = side(page);
    if (!score) return null;
    counts.push(score.counts);
  }
  return aggregate(counts);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Which rules fired on how many pages and distinct hosts: a rule fitted to one site shows up as 1 host. In a
 * dataset whose pages all share one address (Readability's test pages are all on "fakehost"), each page
 * counts as its own site.
 */
export function countRuleFirings(pages: readonly PageScores[]): RuleFiring[] {
  const oneHost = pages.length > 1 && new Set(pages.map((p) => hostOf(p.url))).size === 1;
  const siteOf = (page: PageScores) => (oneHost ? page.id : hostOf(page.url));
  const byRule = new Map<string, { pages: number; hosts: Set<string> }>();
  for (const page of pages) {
    for (const ruleId of page.ours?.rulesFired ?? []) {
      const entry = byRule.get(ruleId) ?? { pages: 0, hosts: new Set<string>() };
      entry.pages += 1;
      entry.hosts.add(siteOf(page));
      byRule.set(ruleId, entry);
    }
  }
  return [...byRule]
    .map(([ruleId, { pages: count, hosts }]) => ({ ruleId, pages: count, hosts: hosts.size }))
    .sort((a, b) => b.pages - a.pages || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Issue 3's targets. F1, precision and recall only mean "quality" against a human label; against Readability's
 * own output every junk block we remove counts as a loss, so there they are not targets. No page may come back
 * empty where plain Readability found an article, whatever the reference.
 */
export function targetsFor(
  plain: Scores,
  ours: Scores | null,
  emptied: number,
  reference: ReferenceKind,
): Target[] {
  if (!ours) {
    return [{ name: 'our pipeline ran', pass: false, detail: 'our extractor could not be loaded' }];
  }
  const emptiedTarget: Target = {
    name: 'no page emptied where plain Readability found an article',
    pass: emptied === 0,
    detail: `${emptied} page(s)`,
  };
  if (reference !== 'human label') return [emptiedTarget];
  return [
    {
      name: 'F1 above plain Readability',
      pass: ours.f1 > plain.f1,
      detail: `ours ${fixed(ours.f1)} vs plain ${fixed(plain.f1)}`,
    },
    {
      name: 'precision above plain Readability',
      pass: ours.precision > plain.precision,
      detail: `ours ${fixed(ours.precision)} vs plain ${fixed(plain.precision)}`,
    },
    {
      name: `recall at most ${RECALL_TOLERANCE} below plain Readability`,
      pass: ours.recall >= plain.recall - RECALL_TOLERANCE,
      detail: `ours ${fixed(ours.recall)} vs plain ${fixed(plain.recall)}`,
    },
    emptiedTarget,
  ];
}

/** A dataset is human-labelled only when every page is; an empty dataset has no reference. */
function datasetReference(pages: readonly PageScores[]): ReferenceKind {
  if (pages.length === 0) return 'none';
  if (pages.every((p) => p.reference === 'human label')) return 'human label';
  return pages.some((p) => p.reference === 'readability output') ? 'readability output' : 'none';
}

export function summarizeDataset(dataset: string, pages: PageScores[]): DatasetSummary {
  const plain = aggregate(pages.map((p) => p.plain.counts));
  const plainPublished = aggregate(pages.map((p) => p.plainPublished.counts));
  const ours = pickScores(pages, (p) => p.ours);
  const oursFromHtml = pickScores(pages, (p) => p.oursFromHtml);
  const worse = pages
    .filter((p) => p.ours && p.plain.f1 - p.ours.f1 > WORSE_MARGIN)
    .map((p) => ({ id: p.id, url: p.url, plainF1: p.plain.f1, oursF1: p.ours?.f1 ?? 0 }))
    .sort((a, b) => b.plainF1 - b.oursF1 - (a.plainF1 - a.oursF1));
  // "Plain finds an article": it returns text on a page not labelled `readerable: false` (Readability's own
  // verdict that the page has nothing worth a reader view: a few words that we call "no article").
  const emptied = pages
    .filter(
      (p) =>
        p.readerable !== false &&
        p.plain.found &&
        p.plain.tokens > 0 &&
        p.ours &&
        p.ours.tokens === 0,
    )
    .map((p) => p.id);
  const oursErrors = pages.flatMap((p) =>
    p.ours?.error ? [{ id: p.id, error: p.ours.error }] : [],
  );
  const reference = datasetReference(pages);
  return {
    dataset,
    pages: pages.length,
    reference,
    plain,
    plainPublished,
    ours,
    oursFromHtml,
    worse,
    emptied,
    oursErrors,
    rulesFired: countRuleFirings(pages),
    targets: targetsFor(plain, ours, emptied.length, reference),
  };
}
