// The built `broadsheet extract` command, run as a user would: files, stdin, formats, exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  fixturesDir,
  normalise,
  readFixtureHtml,
  readFixtureMetadata,
  repoRoot,
  seedParts,
} from './fixture-helpers';

const cli = join(repoRoot, 'build', 'node', 'cli.cjs');
const seedPage = join(fixturesDir, 'independent-2014-seed-inside', 'source.html');
const { url } = readFixtureMetadata('independent-2014-seed-inside');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, 'extract', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repoRoot, 'build', 'build.mjs'), '--node-only'], {
    stdio: 'ignore',
  });
}, 120_000);

describe('broadsheet extract', () => {
  it('prints every field as JSON by default', () => {
    const { code, stdout } = run([seedPage, '--url', url]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(article).sort()).toEqual(
      [
        'byline',
        'dir',
        'excerpt',
        'html',
        'lang',
        'publishedTime',
        'readingTimeMinutes',
        'removed',
        'siteName',
        'text',
        'title',
        'wordCount',
      ].sort(),
    );
    expect(article.title).toBe(seedParts().title);
    expect(article.wordCount).toBeGreaterThan(500);
  });

  it('prints a short text too, saying on stderr that the reader would not show it as an article', () => {
    const html =
      '<html><body><article><p>Open Tuesday to Sunday, ten till four.</p></article></body></html>';
    const { code, stdout, stderr } = run(['-', '--format', 'text'], html);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('Open Tuesday to Sunday, ten till four.');
    expect(stderr).toContain('has only 7 words of article text');
    expect(stderr).toContain('7 words');
  });

  it('--time-budget: a page over the size limits is refused at once with the reason, exit 1', () => {
    const teaser = '<div><a href="/x">Another story</a><p>Text of the teaser.</p></div>';
    const html = `<html><body><article><p>${'Word '.repeat(100)}</p></article>${teaser.repeat(35_000)}</body></html>`;
    const { code, stdout, stderr } = run(['-', '--time-budget', '3000'], html);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^broadsheet extract: page too large: the page has \d+ elements/);
    expect(run(['-', '--time-budget', 'soon'], html)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--time-budget wants a whole number of milliseconds'),
    });
  });

  it('prints paragraphs separated by blank lines with --format text, reading stdin for "-"', () => {
    const { code, stdout } = run(
      ['-', `--url=${url}`, '--format', 'text'],
      readFixtureHtml('independent-2014-seed-inside'),
    );
    expect(code).toBe(0);
    const paragraphs = stdout.trim().split('\n\n').map(normalise);
    for (const paragraph of seedParts().paragraphs) expect(paragraphs).toContain(paragraph);
    expect(stdout).not.toContain('Day In a Page');
  });

  it('prints the article HTML with --format html', () => {
    const { code, stdout } = run([seedPage, '--url', url, '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout.trimStart()).toMatch(/^<div/);
    expect(stdout).toContain('<figcaption>');
  });

  it('exits 1 with a clear message when the page has no article', () => {
    const { code, stdout, stderr } = run(['-'], '<html><body><nav></nav></body></html>');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('No article found in standard input');
  });

  it('exits 2 for a missing file, a bad format or a bad URL', () => {
    expect(run(['/nonexistent/page.html'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Cannot read /nonexistent/page.html: no such file'),
    });
    expect(run([seedPage, '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of json, html, text, got "pdf"'),
    });
    expect(run([seedPage, '--url', 'not a url'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--url must be an absolute URL'),
    });
    expect(run([seedPage, '--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option "--colour"'),
    });
  });
});
