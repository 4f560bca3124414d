// The page's rule sets as the background sends them (JSON through extension messaging) and as the content
// script rebuilds them: the same rules, the same article, and malformed data refused whole.
import {
  catalogueForHost,
  catalogueFromWire,
  catalogueToWire,
  shippedRules,
} from '../../../src/rules';
import { extract, extractWithRules } from '../../../src/extraction';
import { parse, readFixtureHtml, readFixtureMetadata } from '../extraction/fixture-helpers';

/** What arrives at the other end of runtime.sendMessage: JSON, undefined fields gone. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('catalogueForHost', () => {
  it("keeps the generic set and only the sites' sets that name the host (or a parent domain)", () => {
    const catalogue = shippedRules();
    const files = (host?: string) => catalogueForHost(catalogue, host).sites.map((s) => s.file);
    expect(files('www.independent.co.uk')).toEqual(['src/rules/sites/independent.co.uk.rules']);
    expect(files('notindependent.co.uk')).toEqual([]);
    expect(files(undefined)).toEqual([]);
    expect(catalogueForHost(catalogue, 'example.com').generic).toBe(catalogue.generic);
  });
});

describe('catalogueToWire / catalogueFromWire', () => {
  it('gives back every shipped rule, patterns included, after a JSON round trip', () => {
    const catalogue = shippedRules();
    const back = catalogueFromWire(overTheWire(catalogueToWire(catalogue)));
    expect(back).toEqual({ ...catalogue, problems: [] });
    const withPatterns = catalogue.generic.rules.find((rule) => rule.texts.length > 0);
    const rebuilt = back?.generic.rules.find((rule) => rule.id === withPatterns?.id);
    expect(rebuilt?.texts[0]).toBeInstanceOf(RegExp);
    expect(rebuilt?.texts[0]?.flags).toBe(withPatterns?.texts[0]?.flags);
  });

  it('extracts the seed page through the wire exactly as with the shipped rules', () => {
    const name = 'independent-2014-seed-inside';
    const { url } = readFixtureMetadata<{ url: string }>(name);
    const html = readFixtureHtml(name);
    const host = new URL(url).hostname;
    const wired = catalogueFromWire(
      overTheWire(catalogueToWire(catalogueForHost(shippedRules(), host))),
    );
    expect(wired).not.toBeNull();
    if (!wired) return;
    const viaWire = extractWithRules(parse(html, url), wired, { url });
    const direct = extract(parse(html, url), { url });
    expect(viaWire?.html).toBe(direct?.html);
    expect(viaWire?.removed.map((r) => r.ruleId)).toEqual(direct?.removed.map((r) => r.ruleId));
    expect(viaWire?.removed.some((r) => r.ruleId.startsWith('independent.co.uk/'))).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'rules'],
    ['no generic set', { sites: [] }],
    ['a rule without an action', { generic: { file: 'f', sites: [], rules: [{ id: 'x' }] } }],
  ])('refuses %s', (_what, value) => {
    expect(catalogueFromWire(value)).toBeNull();
  });

  it('refuses a catalogue with one bad field or pattern, whatever the rest', () => {
    const good = overTheWire(catalogueToWire(shippedRules())) as {
      generic: { rules: Record<string, unknown>[] };
    };
    const spoil = (change: (rule: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      const rule = copy.generic.rules[3];
      if (rule) change(rule);
      return catalogueFromWire(copy);
    };
    expect(spoil(() => undefined)).not.toBeNull();
    expect(spoil((rule) => (rule.action = 'explode'))).toBeNull();
    expect(spoil((rule) => (rule.phases = ['during']))).toBeNull();
    expect(spoil((rule) => (rule.texts = [['(unclosed', 'i']]))).toBeNull();
    expect(spoil((rule) => (rule.texts = [['ok', 'q']]))).toBeNull();
    expect(spoil((rule) => (rule.texts = [['ok', 'gi']]))).toBeNull();
    expect(spoil((rule) => (rule.maxWords = 'many'))).toBeNull();
    expect(spoil((rule) => (rule.selectors = [3]))).toBeNull();
  });
});
