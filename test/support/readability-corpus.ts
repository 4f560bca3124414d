// Readability's own test pages (../shared/datasets/readability-test-pages), read by id for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';

const pagesDir = join(__dirname, '..', '..', '..', 'shared', 'datasets', 'readability-test-pages');

interface ManifestEntry {
  id: string;
  url: string;
  html: string;
}

let manifest: Map<string, ManifestEntry> | undefined;

/** The manifest by page id, read once per test file (it is over a megabyte). */
function entries(): Map<string, ManifestEntry> {
  manifest ??= new Map(
    readFileSync(join(pagesDir, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ManifestEntry)
      .map((entry) => [entry.id, entry]),
  );
  return manifest;
}

/** One page of the corpus by id (e.g. "wikipedia-2"): its HTML and the address it was saved under. */
export function readabilityCorpusPage(id: string): { html: string; url: string } {
  const entry = entries().get(id);
  if (!entry) throw new Error(`readability-test-pages has no page "${id}"`);
  const raw = readFileSync(join(pagesDir, entry.html));
  return {
    html: (entry.html.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'),
    url: entry.url,
  };
}

/** One page of the corpus in jsdom at its address, without jsdom's complaints about its CSS in the output. */
export function quietReadabilityCorpusDom(id: string): JSDOM {
  const { html, url } = readabilityCorpusPage(id);
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}
