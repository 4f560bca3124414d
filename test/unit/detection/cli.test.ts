// `broadsheet detect` through the built command line, as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, loadFixturePages } from './support/labelled-pages';

jest.setTimeout(120_000);

const root = findRepoRoot();
const cli = join(root, 'build', 'node', 'cli.cjs');
const fixtureDir = join(root, 'test', 'fixtures', 'detect');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, 'detect', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'build', 'build.mjs'), '--node-only'], { cwd: root });
});

describe('broadsheet detect', () => {
  const article = loadFixturePages().find((p) => p.id === 'bbc-article-reportage');
  const home = loadFixturePages().find((p) => p.id === 'nyt-home');
  if (article === undefined || home === undefined) throw new Error('fixtures missing');

  it('prints {"article": true, "reasons": [...]} for an article file and exits 0', () => {
    const out = run([
      join(fixtureDir, 'bbc-article-reportage', 'source.html'),
      '--url',
      article.url,
    ]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      article: true,
      reasons: ['url:article-id', 'og:type=article', 'json-ld:ReportageNewsArticle'],
    });
  });

  it('prints article false for a home page read from standard input, still exiting 0', () => {
    const out = run(['--url', home.url], home.html);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      article: false,
      reasons: expect.arrayContaining(['url:home', 'og:type=website']),
    });
  });

  it('reads standard input for "-" too, and works without --url', () => {
    const out = run(['-'], article.html);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).article).toBe(true);
  });

  it.each([
    [['/no/such/page.html'], undefined, /no such file/],
    [[fixtureDir], undefined, /directory/],
    [['--url', 'not a url'], '<p>x</p>', /--url must be an absolute URL/],
    [['--url'], '<p>x</p>', /--url needs a value/],
    [['--format', 'text'], '<p>x</p>', /--format is not an option/],
    [['--colour'], '<p>x</p>', /unknown option/],
    [[], '', /standard input is empty/],
    [[], '   \n', /empty/],
  ])('rejects bad input %j with a clear message and exit 2', (args, input, message) => {
    const out = run(args, input);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^broadsheet detect: /);
    expect(out.stderr).toMatch(message);
  });

  it('does not crash on a page whose stylesheet jsdom cannot parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-detect-'));
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      '<html><head><style>.x{min-height:calc(($a - $b) / 16 * 9)}</style></head><body>' +
        '<p>One short paragraph.</p></body></html>',
    );
    const out = run([page, '--url', 'https://example.com/2024/03/12/a-story-about-things']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ article: false, reasons: expect.any(Array) });
  });
});
