// The pages the speed benchmark runs on: every page of both datasets in ../shared/datasets, the seed-like
// fixtures (test/fixtures/pages/independent-2014-seed-*), and the detector's labelled non-article pages.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listDatasets, loadDataset } from '../lib/datasets';
import { BenchSetupError } from './library';

export interface BenchPage {
  /** Where the page comes from: a dataset name, "seed" or "detect". */
  source: string;
  id: string;
  /** The page's original address (its DOM URL, and where the browser loads it). */
  url: string;
  html: string;
}

/** A short name for tables: "seed/independent-2014-seed-inside", "readability-test-pages/001". */
export function pageLabel(page: BenchPage): string {
  // The benchmark's ids are 64-digit hashes: their first 12 digits are unique enough to find the page.
  const id = /^[0-9a-f]{32,}$/.test(page.id) ? page.id.slice(0, 12) : page.id;
  return `${page.source}/${id}`;
}

export function htmlBytes(page: BenchPage): number {
  return Buffer.byteLength(page.html, 'utf8');
}

/** All dataset pages, dataset by dataset; `limit` keeps the first N of each (quick runs). */
export function datasetPages(limit?: number): BenchPage[] {
  return listDatasets().flatMap((dataset) =>
    loadDataset(dataset)
      .slice(0, limit)
      .map((page) => ({ source: dataset, id: page.id, url: page.url, html: page.html })),
  );
}

/** The seed-like fixtures (one page laid out in the ways the 2014 Independent page was), if present. */
export function seedPages(repoRoot: string): BenchPage[] {
  const folder = join(repoRoot, 'test', 'fixtures', 'pages');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith('independent-2014-seed-'))
    .sort()
    .flatMap((name) => {
      const source = join(folder, name, 'source.html');
      const metadataPath = join(folder, name, 'expected-metadata.json');
      if (!existsSync(source) || !existsSync(metadataPath)) return [];
      const metadata = JSON.parse(readFileSync(metadataPath, 'utf8')) as { url?: unknown };
      if (typeof metadata.url !== 'string') {
        throw new BenchSetupError(`${metadataPath}: "url" must be a string`);
      }
      return [{ source: 'seed', id: name, url: metadata.url, html: readFileSync(source, 'utf8') }];
    });
}

interface DetectManifestLine {
  id: string;
  url: string;
  html: string;
  article: boolean;
}

/** The detector fixtures labelled "not an article" (test/fixtures/detect/manifest.jsonl), if present. */
export function detectorNonArticlePages(repoRoot: string): BenchPage[] {
  const folder = join(repoRoot, 'test', 'fixtures', 'detect');
  const manifest = join(folder, 'manifest.jsonl');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const entry = JSON.parse(line) as Partial<DetectManifestLine>;
      if (typeof entry.id !== 'string' || typeof entry.url !== 'string') {
        throw new BenchSetupError(`${manifest}:${index + 1}: "id" and "url" must be strings`);
      }
      if (typeof entry.html !== 'string' || typeof entry.article !== 'boolean') {
        throw new BenchSetupError(`${manifest}:${index + 1}: needs "html" and "article"`);
      }
      return entry as DetectManifestLine;
    })
    .filter((entry) => !entry.article)
    .map((entry) => ({
      source: 'detect',
      id: entry.id,
      url: entry.url,
      html: readFileSync(join(folder, entry.html), 'utf8'),
    }));
}

/** The pages `wanted` names, one each: a label fragment ("wikipedia-2") must match exactly one page. */
export function pagesByLabel(all: readonly BenchPage[], wanted: readonly string[]): BenchPage[] {
  return wanted.map((part) => {
    const found = all.filter((page) => pageLabel(page).includes(part));
    if (found.length !== 1) {
      const names = found.length > 1 ? `: ${found.map(pageLabel).join(', ')}` : '';
      throw new Error(`--pages: "${part}" matches ${found.length} pages${names}`);
    }
    return found[0]!;
  });
}
