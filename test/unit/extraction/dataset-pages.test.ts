// Real pages from the article-extraction-benchmark (copied into test/fixtures/pages/aeb-*): the title,
// the first and last sentences of the human-labelled text, and none of the junk plain Readability keeps.
import { readdirSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { extract } from '../../../src/extraction';
import {
  fixturesDir,
  normalise,
  parse,
  readFixtureHtml,
  readFixtureMetadata,
} from './fixture-helpers';

interface DatasetFixture {
  url: string;
  title: string;
  lang?: string;
  dir?: string;
  /** First and last sentences of the dataset's expected_text. */
  firstSentence: string;
  lastSentence: string;
  /** Lines plain Readability keeps on this page that are not article text. */
  junk: string[];
}

const names = readdirSync(fixturesDir).filter((name) => name.startsWith('aeb-'));

it('has five or more dataset pages', () => {
  expect(names.length).toBeGreaterThanOrEqual(5);
});

describe.each(names)('%s', (name) => {
  const expected = readFixtureMetadata<DatasetFixture>(name);
  const article = extract(parse(readFixtureHtml(name), expected.url), { url: expected.url });
  const text = normalise(article?.text ?? '');

  it('has the right title and language', () => {
    expect(article?.title).toBe(expected.title);
    if (expected.lang) expect(article?.lang).toBe(expected.lang);
    if (expected.dir) expect(article?.dir).toBe(expected.dir);
  });

  it('keeps the first and last sentences of the labelled article text', () => {
    expect(text).toContain(normalise(expected.firstSentence));
    expect(text).toContain(normalise(expected.lastSentence));
  });

  it('drops the junk plain Readability keeps', () => {
    const plain = normalise(
      new Readability(parse(readFixtureHtml(name), expected.url)).parse()?.textContent ?? '',
    );
    for (const line of expected.junk) {
      expect(plain).toContain(normalise(line));
      expect(text).not.toContain(normalise(line));
    }
  });
});
