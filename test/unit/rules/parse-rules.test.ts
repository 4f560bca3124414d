// The rule-file parser: the shipped files are clean; each kind of malformed rule is rejected with a
// message naming the file, the line and the rule, and the other rules still load.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRules, RuleError, formatProblem, shippedRules } from '../../../src/rules';
import { SITE_RULE_FILES } from '../../../src/rules/sites';

const repoRoot = join(__dirname, '..', '..', '..');
const FILE = 'test.rules';
const parse = (text: string) => parseRules(text, { file: FILE, idPrefix: 'test' });

const GOOD_RULE = `[good]
reason: A valid rule next to the broken one
action: remove
phase: before
selector: .promo
`;

describe('the shipped rule files', () => {
  it('parse without a single problem', () => {
    const { generic, sites, problems } = shippedRules();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(generic.rules.length).toBeGreaterThanOrEqual(15);
    expect(sites.map((set) => set.sites)).toContainEqual(['independent.co.uk']);
  });

  it('are the files on disk (one per site, listed in sites/index.ts)', () => {
    for (const { file, text } of SITE_RULE_FILES) {
      expect(readFileSync(join(repoRoot, file), 'utf8')).toBe(text);
    }
  });

  it('give every rule an id, a reason, an action and a phase', () => {
    const { generic, sites } = shippedRules();
    for (const rule of [...generic.rules, ...sites.flatMap((set) => set.rules)]) {
      expect(rule.id).toMatch(/^[a-z0-9.-]+\/[a-z0-9-]+$/);
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(['remove', 'keep', 'unwrap']).toContain(rule.action);
      expect(rule.phases.length).toBeGreaterThan(0);
    }
  });

  it('cover the generic kinds of junk the brief lists', () => {
    const ids = shippedRules().generic.rules.map((rule) => rule.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'generic/newsletter-line',
        'generic/sponsored-block',
        'generic/job-widget',
        'generic/job-ad',
        'generic/teaser-grid',
        'generic/more-stories-heading',
        'generic/share-bar',
        'generic/cookie-banner',
        'generic/subscription-nag',
        'generic/app-prompt',
        'generic/comment-prompt',
      ]),
    );
  });
});

describe('parsing a rule', () => {
  it('reads every key', () => {
    const { ruleSet, problems } = parse(`# a comment
[grid]
reason: Teaser grids
action: remove
phase: both
selector: .grid, ul.more
text: /more stories/i
heading: Day In a Page
structure: teaser-grid
tags: div ul
max-words: 500
min-words: 3
min-items: 5
link-density: 0.4
`);
    expect(problems).toEqual([]);
    const rule = ruleSet.rules[0];
    expect(rule).toMatchObject({
      id: 'test/grid',
      reason: 'Teaser grids',
      action: 'remove',
      phases: ['before', 'after'],
      file: FILE,
      line: 2,
      selectors: ['.grid, ul.more'],
      structures: ['teaser-grid'],
      tags: ['div', 'ul'],
      maxWords: 500,
      minWords: 3,
      minItems: 5,
      linkDensity: 0.4,
    });
    expect(rule?.texts[0]?.test('More Stories')).toBe(true);
    // A plain heading is the whole heading, any case, any spacing.
    expect(rule?.headings[0]?.test('day in  a page')).toBe(true);
    expect(rule?.headings[0]?.test('Day In a Page of news')).toBe(false);
  });

  it('reads the site line of a site file', () => {
    const { ruleSet, problems } = parseRules(`site: example.com, news.example.org\n${GOOD_RULE}`, {
      file: FILE,
      idPrefix: 'example.com',
      requireSite: true,
    });
    expect(problems).toEqual([]);
    expect(ruleSet.sites).toEqual(['example.com', 'news.example.org']);
    expect(ruleSet.rules[0]?.id).toBe('example.com/good');
  });
});

describe('malformed rules are rejected with file, line and rule id; the rest still load', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown key', `[bad]\nreason: x y z\naction: remove\nphase: before\nselektor: .x\nselector: .y\n`, /test\.rules:5: rule "test\/bad": unknown key "selektor"/],
    ['missing reason', `[bad]\naction: remove\nphase: before\nselector: .x\n`, /test\.rules:1: rule "test\/bad": missing "reason:"/],
    ['missing id', `[]\nreason: x\naction: remove\nphase: before\nselector: .x\n`, /test\.rules:1: rule id "" must be/],
    ['bad id', `[Bad Id!]\nreason: x\naction: remove\nphase: before\nselector: .x\n`, /test\.rules:1: rule "Bad Id!": rule id "Bad Id!" must be/],
    ['bad action', `[bad]\nreason: x\naction: delete\nphase: before\nselector: .x\n`, /test\.rules:3: rule "test\/bad": action must be remove, keep or unwrap/],
    ['bad phase', `[bad]\nreason: x\naction: remove\nphase: during\nselector: .x\n`, /test\.rules:4: rule "test\/bad": phase must be/],
    ['bad regex', `[bad]\nreason: x\naction: remove\nphase: before\ntext: /sign up (for/i\n`, /test\.rules:5: rule "test\/bad": bad text pattern/],
    ['stateful regex flag', `[bad]\nreason: x\naction: remove\nphase: before\nheading: /x/g\n`, /test\.rules:5: rule "test\/bad": bad heading pattern .*flags "g"/],
    ['no matcher', `[bad]\nreason: x\naction: remove\nphase: before\nmax-words: 3\n`, /test\.rules:1: rule "test\/bad": needs at least one matcher/],
    ['bad number', `[bad]\nreason: x\naction: remove\nphase: before\nselector: .x\nmax-words: lots\n`, /test\.rules:6: rule "test\/bad": max-words must be a whole number/],
    ['bad structure', `[bad]\nreason: x\naction: remove\nphase: before\nstructure: carousel\n`, /test\.rules:5: rule "test\/bad": structure must be one of/],
    ['line that is not key: value', `[bad]\nreason: x\naction: remove\nphase: before\nselector .x\n`, /test\.rules:5: rule "test\/bad": cannot read "selector \.x"/],
    ['duplicate id', `${GOOD_RULE}\n[good]\nreason: x\naction: remove\nphase: before\nselector: .x\n`, /test\.rules:7: rule "test\/good": duplicate rule id/],
  ]; // prettier-ignore

  it.each(cases)('%s', (_name, text, message) => {
    const { ruleSet, problems } = parse(
      `${GOOD_RULE}\n${text}`.replace(`${GOOD_RULE}\n${GOOD_RULE}`, GOOD_RULE),
    );
    expect(problems.length).toBeGreaterThan(0);
    const messages = problems.map(formatProblem);
    // Line numbers in the cases count from the start of `text`: shift them by GOOD_RULE's lines.
    const offset = text.startsWith(GOOD_RULE) ? 0 : GOOD_RULE.split('\n').length;
    const shifted = messages.map((m) =>
      m.replace(/:(\d+):/, (_, n: string) => `:${Number(n) - offset}:`),
    );
    expect(shifted.join('\n')).toMatch(message);
    expect(ruleSet.rules.map((rule) => rule.id)).toEqual(['test/good']);
  });

  it('a site file without a site line is reported', () => {
    const { problems } = parseRules(GOOD_RULE, {
      file: 'x.rules',
      idPrefix: 'x',
      requireSite: true,
    });
    expect(problems.map(formatProblem)).toEqual([
      'x.rules:1: a site rule file must start with "site: example.com"',
    ]);
  });

  it('RuleError carries the problem and its formatted message', () => {
    const problem = { file: 'a.rules', line: 3, ruleId: 'generic/x', message: 'bad' };
    const error = new RuleError(problem);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('a.rules:3: rule "generic/x": bad');
    expect(error.problem).toBe(problem);
  });
});

describe('fuzzing the parser', () => {
  const keys = [
    'reason',
    'action',
    'phase',
    'selector',
    'text',
    'heading',
    'structure',
    'tags',
    'max-words',
    'min-items',
    'link-density',
    'site',
    'bogus',
  ];
  const line = fc.oneof(
    fc.string(),
    fc.constantFrom('[a]', '[b-1]', '[]', '[A B]', '# comment', ''),
    fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.constantFrom('/(/', '/a/i', 'remove', 'both', '4', '0.5', 'teaser-grid'))).map(
      ([key, value]) => `${key}: ${value}`,
    ),
  ); // prettier-ignore

  it('never throws, and every rule it returns is complete', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const { ruleSet, problems } = parse(lines.join('\n'));
        for (const problem of problems) {
          expect(problem.file).toBe(FILE);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message.length).toBeGreaterThan(0);
        }
        for (const rule of ruleSet.rules) {
          expect(rule.reason).not.toBe('');
          expect(rule.phases.length).toBeGreaterThan(0);
          expect(
            rule.selectors.length +
              rule.texts.length +
              rule.headings.length +
              rule.structures.length,
          ).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(() => parse(text)).not.toThrow();
      }),
    );
  });
});
