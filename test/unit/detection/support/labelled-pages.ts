// Every page with an article / not-article label, for the detector's tests and benchmark:
//   - ../shared/datasets/readability-test-pages: Readability's own `readerable` flag (122 true, 8 false);
//   - ../shared/datasets/article-extraction-benchmark: 181 news and blog articles (all true);
//   - test/fixtures/detect: our own pages, mostly the non-article pages around articles.
// The shared datasets are read by the bench helpers' loader (test/bench/lib/datasets.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { loadDataset } from '../../../bench/lib/datasets';
import { findRepoRoot } from '../../../bench/lib/repo-root';

export { findRepoRoot };

export interface LabelledPage {
  /** "readability-test-pages", "article-extraction-benchmark" or "fixtures". */
  source: string;
  id: string;
  url: string;
  html: string;
  /** Should the reader open by itself on this page? */
  article: boolean;
  /** What sort of page (fixtures only): home, section, tag, search, video, ... */
  kind: string;
}

export const DATASETS = ['readability-test-pages', 'article-extraction-benchmark'] as const;

function readJsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${path}:${index + 1}: not valid JSON (${(error as Error).message})`, {
          cause: error,
        });
      }
    });
}

function readHtml(folder: string, relative: string): string {
  const bytes = readFileSync(join(folder, relative));
  return (relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function text(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '')
    throw new Error(`${where}: "${key}" must be a string`);
  return value;
}

/** One shared dataset; a page is an article when the dataset says so (readerable, or always). */
export function loadDatasetPages(
  name: (typeof DATASETS)[number],
  root = findRepoRoot(),
): LabelledPage[] {
  return loadDataset(name, join(root, '..', 'shared', 'datasets')).map((page) => ({
    source: name,
    id: page.id,
    url: page.url,
    html: page.html,
    article: page.readerable ?? true,
    kind: page.readerable === false ? 'not-readerable' : 'article',
  }));
}

/** Our own labelled pages in test/fixtures/detect. */
export function loadFixturePages(root = findRepoRoot()): LabelledPage[] {
  const folder = join(root, 'test', 'fixtures', 'detect');
  return readJsonLines(join(folder, 'manifest.jsonl')).map((record) => {
    const id = text(record, 'id', 'fixtures');
    if (typeof record.article !== 'boolean')
      throw new Error(`fixtures/${id}: "article" must be a boolean`);
    return {
      source: 'fixtures',
      id,
      url: text(record, 'url', `fixtures/${id}`),
      html: readHtml(folder, text(record, 'html', `fixtures/${id}`)),
      article: record.article,
      kind: text(record, 'kind', `fixtures/${id}`),
    };
  });
}

export function loadLabelledPages(root = findRepoRoot()): LabelledPage[] {
  return [...DATASETS.flatMap((name) => loadDatasetPages(name, root)), ...loadFixturePages(root)];
}

/**
 * Parses a page with jsdom (no scripts, no resources). jsdom 29's CSS parser throws on a few real
 * stylesheets (e.g. an unresolved Sass variable inside calc()); styles are irrelevant to detection, so
 * such a page is parsed again without its <style> elements.
 */
export function parsePage(html: string, url: string): JSDOM {
  const options = { url, virtualConsole: new VirtualConsole() };
  try {
    return new JSDOM(html, options);
  } catch {
    return new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), options);
  }
}
