// The generic rules (src/rules/generic.rules) on real markup: each fixture in fixtures/generic-rules is cut
// from a benchmark page, as Readability left it or (for rules that run before Readability) from the page
// itself: the junk block, with the article paragraph next to or nearest to it. The rule named in the fixture must remove the junk and leave the article text; the
// "keep-" fixtures are article text from other pages that an earlier, looser version of a rule removed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { applyRules, shippedRules } from '../../../src/rules';
import { normaliseSpace } from '../../../src/rules/dom-text';

interface FixtureMeta {
  /** The rule that must remove the junk; absent in keep- fixtures. */
  rule?: string;
  /** The page the snippet comes from. */
  source: string;
  /** Text that must be gone afterwards (removal fixtures). */
  junk?: string;
  /** Article text that must survive. */
  keep: string[];
}

const folder = join(__dirname, 'fixtures', 'generic-rules');

function readFixture(name: string): { meta: FixtureMeta; html: string } {
  const text = readFileSync(join(folder, name), 'utf8');
  const header = /^<!--\s*(\{.*\})\s*-->\n/.exec(text);
  if (!header?.[1]) throw new Error(`${name}: the first line must be <!-- {json} -->`);
  return { meta: JSON.parse(header[1]) as FixtureMeta, html: text.slice(header[0].length) };
}

/** Runs the shipped generic rules over the snippet: the pass before Readability, then the one after. */
function clean(html: string, url: string): { text: string; ruleIds: string[] } {
  const { document } = new JSDOM(`<!doctype html><body><div id="content">${html}</div>`, {
    url,
  }).window;
  const root = document.getElementById('content') as HTMLElement;
  const rules = shippedRules().generic.rules;
  // Snippets cut from the page itself (with its classes) meet the before pass; all meet the after pass.
  const removed = [
    ...applyRules(root, rules, { phase: 'before' }),
    ...applyRules(root, rules, { phase: 'after' }),
  ];
  return { text: normaliseSpace(root.textContent ?? ''), ruleIds: removed.map((r) => r.ruleId) };
}

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.html'))
  .sort();
const removalCases = files.filter((name) => !name.startsWith('keep-'));
const keepCases = files.filter((name) => name.startsWith('keep-'));

describe('generic rules on real page snippets', () => {
  it('has fixtures for both removals and false positives', () => {
    expect(removalCases.length).toBeGreaterThanOrEqual(20);
    expect(keepCases.length).toBeGreaterThanOrEqual(4);
  });

  it('parses generic.rules without problems', () => {
    expect(shippedRules().problems).toEqual([]);
  });

  it.each(removalCases)('%s: the rule removes the junk and keeps the article text', (name) => {
    const { meta, html } = readFixture(name);
    const before = normaliseSpace(new JSDOM(html).window.document.body.textContent ?? '');
    expect(before).toContain(meta.junk);
    for (const keep of meta.keep) expect(before).toContain(keep);

    const { text, ruleIds } = clean(html, meta.source);
    expect(ruleIds).toContain(meta.rule);
    expect(text).not.toContain(meta.junk);
    for (const keep of meta.keep) expect(text).toContain(keep);
  });

  it.each(keepCases)('%s: no rule removes this article text', (name) => {
    const { meta, html } = readFixture(name);
    const { text, ruleIds } = clean(html, meta.source);
    for (const keep of meta.keep) expect(text).toContain(keep);
    expect(ruleIds).toEqual([]);
  });
});
