// The seed-like Independent pages: every article paragraph kept, the caption once, every promo gone,
// with the blocks beside the article and inside its own container (and with all classes stripped).
import { Readability } from '@mozilla/readability';
import { extract } from '../../../src/extraction';
import {
  CAPTION,
  countOccurrences,
  junkFound,
  normalise,
  parse,
  readFixtureHtml,
  readFixtureMetadata,
  seedParts,
} from './fixture-helpers';

const seed = seedParts();
const LAYOUTS = ['independent-2014-seed-beside', 'independent-2014-seed-inside'] as const;

function plainReadabilityText(html: string, url: string): string {
  const article = new Readability(parse(html, url)).parse();
  return article?.textContent ?? '';
}

/** The inside layout with every class and id removed, on a neutral host: only generic rules apply. */
function strippedInsideLayout(): { html: string; url: string } {
  const document = parse(readFixtureHtml('independent-2014-seed-inside'));
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    element.removeAttribute('class');
    element.removeAttribute('id');
  }
  return {
    html: document.documentElement.outerHTML,
    url: 'https://news.example.org/world/iraq-crisis',
  };
}

describe('the seed fixture is meaningful', () => {
  it('has the whole seed text in both layouts', () => {
    for (const name of LAYOUTS) {
      const text = normalise(parse(readFixtureHtml(name)).body.textContent ?? '');
      for (const line of [...seed.paragraphs, ...seed.junk]) expect(text).toContain(line);
    }
  });

  it('fools plain Readability in the inside layout: it keeps the sign-up line and Day In a Page', () => {
    const { url } = readFixtureMetadata('independent-2014-seed-inside');
    const plain = plainReadabilityText(readFixtureHtml('independent-2014-seed-inside'), url);
    const kept = junkFound(plain, seed.junk);
    expect(kept).toEqual(
      expect.arrayContaining([
        'Start your day with The Independent, sign up for daily news emails',
        'Day In a Page',
        'Crucified Santa: Urban myth refuses to die',
      ]),
    );
    // The fifteen teasers: three lines each.
    expect(kept.length).toBeGreaterThan(40);
  });
});

describe.each([
  ...LAYOUTS.map((name) => ({
    name,
    html: readFixtureHtml(name),
    url: readFixtureMetadata(name).url,
  })),
  { name: 'inside layout, classes and ids stripped', ...strippedInsideLayout() },
])('$name', ({ html, url }) => {
  const document = parse(html, url);
  const before = document.documentElement.outerHTML;
  const article = extract(document, { url });

  it('finds the article and leaves the caller’s document untouched', () => {
    expect(article).not.toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps every article paragraph, each as its own paragraph', () => {
    const paragraphs = (article?.text ?? '').split('\n\n').map(normalise);
    for (const paragraph of seed.paragraphs) expect(paragraphs).toContain(paragraph);
  });

  it('keeps the photo caption exactly once', () => {
    const text = article?.text ?? '';
    expect(countOccurrences(text, CAPTION)).toBe(1);
    expect(normalise(text)).toContain(`${CAPTION} (AP)`);
  });

  it('drops every promo, job and Day In a Page line', () => {
    expect(junkFound(article?.text ?? '', seed.junk)).toEqual([]);
    expect(article?.html).not.toMatch(
      /per annum|Day In a Page|PROMOTED VIDEO|sign up for daily news emails/i,
    );
  });

  it('lists what the rules removed, with rule ids and samples', () => {
    const removed = article?.removed ?? [];
    expect(removed.length).toBeGreaterThan(0);
    for (const block of removed) {
      expect(block.ruleId).toMatch(/^(generic|independent\.co\.uk|builtin)\/[a-z0-9-]+$/);
      expect(block.sample.length).toBeGreaterThan(0);
      expect(block.sample.length).toBeLessThanOrEqual(100);
    }
  });

  it('makes the lazy image real and its URL absolute', () => {
    const image = parse(`<body>${article?.html ?? ''}</body>`).querySelector('img');
    expect(image?.getAttribute('src')).toMatch(
      /^https?:\/\/[^/]+\/incoming\/article9556512\.ece\/ALTERNATES\/w620\/Kerry-Maliki\.jpg$/,
    );
  });
});

describe('metadata of the seed page', () => {
  it.each(LAYOUTS)('%s', (name) => {
    const expected = readFixtureMetadata(name);
    const article = extract(parse(readFixtureHtml(name), expected.url), { url: expected.url });
    expect(article).toMatchObject({
      title: expected.title,
      byline: expected.byline,
      siteName: expected.siteName,
      publishedTime: expected.publishedTime,
      lang: expected.lang,
      dir: 'ltr',
    });
    expect(article?.excerpt).toBe(seed.standfirst);
    // 1,050 words or so at 230 words a minute.
    expect(article?.readingTimeMinutes).toBeGreaterThanOrEqual(4);
    expect(article?.readingTimeMinutes).toBeLessThanOrEqual(6);
  });

  it('names the site rules that did the work on independent.co.uk', () => {
    const { url } = readFixtureMetadata('independent-2014-seed-inside');
    const ids = new Set(
      extract(parse(readFixtureHtml('independent-2014-seed-inside'), url), { url })?.removed.map(
        (block) => block.ruleId,
      ),
    );
    expect(ids).toContain('independent.co.uk/day-in-a-page');
    expect(ids).toContain('independent.co.uk/ijobs');
  });
});
