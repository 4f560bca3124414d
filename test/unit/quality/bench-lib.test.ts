// The benchmark's helpers: dataset loading (real datasets and malformed ones), block text, per-page diffs.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { blockText } from '../../bench/lib/block-text';
import {
  DatasetError,
  listDatasets,
  loadDataset,
  referenceKind,
  referenceText,
} from '../../bench/lib/datasets';
import { diffPage, unmatchedRuns } from '../../bench/lib/diff';
import { countRuleFirings, targetsFor, type PageScores } from '../../bench/lib/evaluate';
import { parsePage, runPlainReadability } from '../../bench/lib/extractors';
import { tokenize } from '../../bench/lib/score';

describe('loadDataset on the shared datasets', () => {
  it('lists both datasets', () => {
    expect(listDatasets()).toEqual(
      expect.arrayContaining(['article-extraction-benchmark', 'readability-test-pages']),
    );
  });

  it('reads every article-extraction-benchmark page, gunzipped, with its human label', () => {
    const pages = loadDataset('article-extraction-benchmark');
    expect(pages).toHaveLength(181);
    for (const page of pages) {
      expect(page.html).toMatch(/<html|<!doctype|<head|<body/i);
      expect(page.url).toMatch(/^https?:\/\//);
      expect(referenceKind(page)).toBe('human label');
    }
  });

  it("reads readability-test-pages with readerable labels and Readability's own text", () => {
    const pages = loadDataset('readability-test-pages');
    expect(pages).toHaveLength(130);
    expect(pages.filter((p) => p.readerable === false)).toHaveLength(8);
    const first = pages[0]!;
    expect(referenceKind(first)).toBe('readability output');
    expect(referenceText(first)).toBe(first.readability_text);
  });
});

describe('loadDataset on malformed input', () => {
  function datasetWith(manifest: string, files: Record<string, Buffer | string> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'bench-datasets-'));
    mkdirSync(join(root, 'broken', 'pages'), { recursive: true });
    writeFileSync(join(root, 'broken', 'manifest.jsonl'), manifest);
    for (const [name, body] of Object.entries(files))
      writeFileSync(join(root, 'broken', name), body);
    return root;
  }

  it('names an unknown dataset and lists the known ones', () => {
    const root = datasetWith('');
    expect(() => loadDataset('nope', root)).toThrow(/unknown dataset "nope".*known: broken/);
  });

  it('names the file and line of a bad manifest line', () => {
    const root = datasetWith('{"id": "a", "url": "http://x/", "html": "pages/a.html"}\n{oops\n', {
      'pages/a.html': '<p>a</p>',
    });
    expect(() => loadDataset('broken', root)).toThrow(DatasetError);
    expect(() => loadDataset('broken', root)).toThrow(/manifest\.jsonl:2: not valid JSON/);
  });

  it('rejects a line without an id, and a missing page file', () => {
    const noId = datasetWith('{"url": "http://x/", "html": "pages/a.html"}\n');
    expect(() => loadDataset('broken', noId)).toThrow(/:1: "id" must be a non-empty string/);
    const noFile = datasetWith('{"id": "a", "url": "http://x/", "html": "pages/gone.html"}\n');
    expect(() => loadDataset('broken', noFile)).toThrow(/page file not found: .*gone\.html/);
  });

  it('gunzips .gz pages and keeps plain ones as they are', () => {
    const root = datasetWith(
      '{"id": "z", "url": "http://x/", "html": "pages/z.html.gz", "expected_text": "Zed"}\n\n' +
        '{"id": "p", "url": "http://x/", "html": "pages/p.html"}\n',
      { 'pages/z.html.gz': gzipSync('<p>zipped é</p>'), 'pages/p.html': '<p>plain</p>' },
    );
    const pages = loadDataset('broken', root);
    expect(pages.map((p) => [p.id, p.html])).toEqual([
      ['z', '<p>zipped é</p>'],
      ['p', '<p>plain</p>'],
    ]);
    expect(referenceText(pages[1]!)).toBe('');
  });
});

describe('blockText', () => {
  it('separates blocks and line breaks, collapses spaces (keeping <pre> lines), skips scripts', () => {
    const { document } = new JSDOM(
      '<div><h2>Title</h2><p>One  <b>bold</b>\n word.</p><p>Two<br>lines</p>' +
        '<ul><li>a</li><li>b</li></ul><script>var x</script><pre>  kept\n  as is</pre></div>',
    ).window;
    expect(blockText(document.body)).toBe(
      'Title\n\nOne bold word.\n\nTwo\nlines\n\na\n\nb\n\nkept\nas is',
    );
  });

  it("keeps words apart that Readability's textContent glues, on a real page", () => {
    const page = loadDataset('article-extraction-benchmark').find((p) =>
      p.id.startsWith('2f42ef1d'),
    )!;
    const plain = runPlainReadability(parsePage(page.html, page.url).dom.window.document);
    expect(plain.found).toBe(true);
    const separated = tokenize(plain.text);
    const glued = tokenize(plain.textContent);
    // Same words, but textContent merges some across paragraph boundaries: fewer, longer tokens.
    expect(separated.join('')).toBe(glued.join(''));
    expect(separated.length).toBeGreaterThan(glued.length);
  });
});

describe('diff', () => {
  it('finds the junk runs and the lost runs between texts', () => {
    const expected = 'The council approved the new budget on Tuesday after a long debate.';
    const predicted =
      'Share on Facebook Share on Twitter. The council approved the new budget on Tuesday.';
    expect(diffPage(expected, predicted)).toEqual({
      junk: ['Share on Facebook Share on Twitter'],
      lost: ['after a long debate'],
    });
  });

  it('reports nothing for identical texts and everything for unrelated ones', () => {
    expect(unmatchedRuns('one two three four five', 'one two three four five')).toEqual([]);
    expect(unmatchedRuns('one two three four five', 'six seven eight nine')).toEqual([
      'one two three four five',
    ]);
  });
});

describe('parsePage', () => {
  it('parses a page whose stylesheet makes jsdom throw, without its <style>', () => {
    const html =
      '<html><head><style>@media (min-width:1px){.a{min-height:calc(($x - 16px) / 16 * 9)}}</style>' +
      '</head><body><p>Body text</p></body></html>';
    const { dom, note } = parsePage(html, 'https://example.com/');
    expect(dom.window.document.body.textContent).toBe('Body text');
    expect(note).toMatch(/parsed without <style>/);
  });
});

describe('targets and rule firings', () => {
  const plain = { f1: 0.95, precision: 0.92, recall: 0.99 };
  const ours = { f1: 0.94, precision: 0.9, recall: 0.97 };

  it('applies the F1, precision and recall targets only against a human label', () => {
    const labelled = targetsFor(plain, ours, 0, 'human label');
    expect(labelled.map((t) => [t.name, t.pass])).toEqual([
      ['F1 above plain Readability', false],
      ['precision above plain Readability', false],
      ['recall at most 0.005 below plain Readability', false],
      ['no page emptied where plain Readability found an article', true],
    ]);
    // Against Readability's own output every junk removal counts as a loss: only "never emptied" applies.
    const agreement = targetsFor(plain, ours, 2, 'readability output');
    expect(agreement.map((t) => [t.name, t.pass, t.detail])).toEqual([
      ['no page emptied where plain Readability found an article', false, '2 page(s)'],
    ]);
  });

  it('counts the pages and distinct hosts each rule fired on', () => {
    const page = (url: string, rulesFired: string[], id = url) =>
      ({ id, url, ours: { rulesFired } }) as unknown as PageScores;
    expect(
      countRuleFirings([
        page('https://www.a.com/1', ['generic/x', 'generic/y']),
        page('https://a.com/2', ['generic/x']),
        page('https://b.org/3', ['generic/x']),
        page('https://c.net/4', []),
      ]),
    ).toEqual([
      { ruleId: 'generic/x', pages: 3, hosts: 2 },
      { ruleId: 'generic/y', pages: 1, hosts: 1 },
    ]);
  });

  it("counts each page as a site when every page has the same address (Readability's test pages)", () => {
    const fake = 'http://fakehost/test/page.html';
    const page = (id: string, rulesFired: string[]) =>
      ({ id, url: fake, ours: { rulesFired } }) as unknown as PageScores;
    expect(countRuleFirings([page('cnn', ['generic/x']), page('bbc', ['generic/x'])])).toEqual([
      { ruleId: 'generic/x', pages: 2, hosts: 2 },
    ]);
  });
});
