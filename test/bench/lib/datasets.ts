// Loads the labelled page datasets in ../shared/datasets (see its README.md): one folder per dataset, each with
// a manifest.jsonl (one JSON object a line) and the pages' HTML, gzipped or not.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findRepoRoot } from './repo-root';

export interface DatasetPage {
  /** The dataset folder's name, e.g. "article-extraction-benchmark". */
  dataset: string;
  id: string;
  /** The page's original address: pass it to the DOM so relative links resolve. */
  url: string;
  /** The page's HTML, already gunzipped. */
  html: string;
  /** Human-labelled article text (article-extraction-benchmark). */
  expected_text?: string;
  /** Whether a reader view should be offered (readability-test-pages). */
  readerable?: boolean;
  /** Readability's OWN expected output (readability-test-pages): not a human label. */
  readability_text?: string;
  title?: string;
  byline?: string | null;
  lang?: string | null;
  dir?: string | null;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** ../shared/datasets next to the repository, unless BROADSHEET_DATASETS points elsewhere. */
export function datasetsRoot(): string {
  return process.env.BROADSHEET_DATASETS ?? join(findRepoRoot(), '..', 'shared', 'datasets');
}

/** Names of the dataset folders that have a manifest, sorted. */
export function listDatasets(root = datasetsRoot()): string[] {
  if (!existsSync(root)) throw new DatasetError(`datasets folder not found: ${root}`);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'manifest.jsonl')))
    .map((entry) => entry.name)
    .sort();
}

type ManifestLine = Omit<DatasetPage, 'dataset' | 'html'> & { html: string };

function parseManifestLine(line: string, where: string): ManifestLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DatasetError(`${where}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null)
    throw new DatasetError(`${where}: not an object`);
  const record = value as Record<string, unknown>;
  for (const key of ['id', 'url', 'html'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '') {
      throw new DatasetError(`${where}: "${key}" must be a non-empty string`);
    }
  }
  for (const key of ['expected_text', 'readability_text'] as const) {
    if (key in record && typeof record[key] !== 'string') {
      throw new DatasetError(`${where}: "${key}" must be a string`);
    }
  }
  if ('readerable' in record && typeof record.readerable !== 'boolean') {
    throw new DatasetError(`${where}: "readerable" must be true or false`);
  }
  return record as unknown as ManifestLine;
}

function readPageHtml(folder: string, relativePath: string, where: string): string {
  const path = join(folder, relativePath);
  if (!existsSync(path)) throw new DatasetError(`${where}: page file not found: ${path}`);
  const bytes = readFileSync(path);
  const raw = path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return raw.toString('utf8');
}

/**
 * Every page of one dataset, in manifest order, with its HTML read and gunzipped.
 * Throws a DatasetError naming the file and line when the manifest or a page is malformed or missing.
 */
export function loadDataset(name: string, root = datasetsRoot()): DatasetPage[] {
  const folder = join(root, name);
  const manifestPath = join(folder, 'manifest.jsonl');
  if (!existsSync(manifestPath)) {
    const known = existsSync(root) ? listDatasets(root).join(', ') : 'none';
    throw new DatasetError(`unknown dataset "${name}" (no ${manifestPath}); known: ${known}`);
  }
  const lines = readFileSync(manifestPath, 'utf8').split('\n');
  const pages: DatasetPage[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${manifestPath}:${index + 1}`;
    const entry = parseManifestLine(line, where);
    pages.push({ ...entry, dataset: name, html: readPageHtml(folder, entry.html, where) });
  });
  return pages;
}

/** The text a page is scored against: the human label when there is one, else Readability's own output. */
export function referenceText(page: DatasetPage): string {
  return page.expected_text ?? page.readability_text ?? '';
}

/** Whether the reference text is a human label or only Readability's own expected output. */
export function referenceKind(page: DatasetPage): 'human label' | 'readability output' | 'none' {
  if (page.expected_text !== undefined) return 'human label';
  if (page.readability_text !== undefined) return 'readability output';
  return 'none';
}
