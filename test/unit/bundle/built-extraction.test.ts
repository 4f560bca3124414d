// content.js runs extraction as the extension build bundles it: the rules as precompiled data
// (build/rules-plugin.mjs), Readability's internal property names shortened (build/mangled-props.mjs), the
// vendor patches applied. On real pages it must give exactly what the source gives (title, metadata,
// article HTML, every removed block and the rule that removed it).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract, type ExtractedArticle } from '../../../src/extraction';
import { fixturesDir, readFixtureHtml, readFixtureMetadata } from '../extraction/fixture-helpers';

const pages = readdirSync(fixturesDir).sort();

function fromSource(name: string): ExtractedArticle | null {
  const { url } = readFixtureMetadata(name);
  const { window } = new JSDOM(readFixtureHtml(name), {
    url,
    virtualConsole: new VirtualConsole(),
  });
  return extract(window.document, {
    url,
    window: window as unknown as Window,
    onRuleProblem: () => undefined,
  });
}

describe('extraction as content.js bundles it', () => {
  const built = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, 'extract-with-build.mjs'), ...pages], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as (ExtractedArticle | null)[];

  it('covers the fixture pages, site rules included', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const removedBy = built.flatMap(
      (article) => article?.removed.map((block) => block.ruleId) ?? [],
    );
    expect(removedBy.some((id) => id.startsWith('generic/'))).toBe(true);
    expect(removedBy.some((id) => id.startsWith('independent.co.uk/'))).toBe(true);
  });

  it.each(pages.map((name, index) => [name, index] as const))(
    '%s: the same article as the source',
    (name, index) => {
      const article = built[index];
      expect(article).not.toBeNull();
      expect(article).toEqual(JSON.parse(JSON.stringify(fromSource(name))));
    },
  );
});
