// Loading fixture pages (test/fixtures/pages/<name>/) and the seed text for extraction tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';

export const repoRoot = join(__dirname, '..', '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'pages');
export const seedPath = join(repoRoot, '..', 'shared', 'seed', 'independent-2014-iraq-article.txt');

export interface FixtureMetadata {
  url: string;
  title: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  dir?: string;
  [key: string]: unknown;
}

export function readFixtureHtml(name: string): string {
  const dir = join(fixturesDir, name);
  try {
    return readFileSync(join(dir, 'source.html'), 'utf8');
  } catch {
    return gunzipSync(readFileSync(join(dir, 'source.html.gz'))).toString('utf8');
  }
}

export function readFixtureMetadata<T = FixtureMetadata>(name: string): T {
  return JSON.parse(readFileSync(join(fixturesDir, name, 'expected-metadata.json'), 'utf8')) as T;
}

export function parse(html: string, url?: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The seed page's text, split into its parts: title, standfirst, article paragraphs, caption, junk. */
export function seedParts() {
  const lines = readFileSync(seedPath, 'utf8').split('\n');
  const start = lines.indexOf('Baghdad') + 1;
  const end = lines.findIndex((line) => line.startsWith('Start your day'));
  const caption = lines
    .slice(start, end)
    .find((line) => line.startsWith('John Kerry met')) as string;
  const paragraphs = lines
    .slice(start, end)
    .filter((line) => normalise(line) !== '' && line !== caption)
    .map(normalise);
  const junk = lines
    .slice(end)
    .map(normalise)
    .filter((line) => line !== '');
  return { title: lines[0] as string, standfirst: lines[2] as string, paragraphs, caption, junk };
}

/** The short caption the CMS repeated ("John Kerry met ... Syria") and its single expected form. */
export const CAPTION =
  'John Kerry met Nouri al-Maliki yesterday; he is said to have asked the US for air strikes on Isis in Iraq and Syria';

export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}

/** Junk lines from the seed that must not survive, as whole paragraphs or (2+ words) inside one. */
export function junkFound(text: string, junk: readonly string[]): string[] {
  const paragraphs = new Set(text.split(/\n\n+/).map(normalise));
  const flat = normalise(text);
  return junk.filter((line) => {
    if (paragraphs.has(line)) return true;
    // Single short words ("News", "and") also occur in article prose; longer lines must not.
    return line.split(' ').length >= 3 && flat.includes(line);
  });
}
