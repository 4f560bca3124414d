// The rule engine on real markup: one walk, every kind of matcher, the safety guard, unwrap/keep,
// and extraction that carries on without a malformed rule.
import {
  applyRules,
  checkSelectors,
  parseRules,
  rulesForPage,
  shippedRules,
} from '../../../src/rules';
import type { RuleSpec } from '../../../src/rules';
import { extract } from '../../../src/extraction';
import {
  parse,
  readFixtureHtml,
  readFixtureMetadata,
  seedParts,
} from '../extraction/fixture-helpers';

function rules(text: string): RuleSpec[] {
  const { ruleSet, problems } = parseRules(text, { file: 't.rules', idPrefix: 't' });
  expect(problems).toEqual([]);
  return ruleSet.rules;
}

const PROSE =
  'The minister said on Tuesday that the talks would resume next week, after two days of meetings in the capital failed to produce an agreement on the border.';

function page(body: string): Document {
  return parse(
    `<!doctype html><html><head><title>Talks</title></head><body>${body}</body></html>`,
    'https://example.com/a',
  );
}

describe('applyRules', () => {
  it('removes by selector, text, heading and structure, recording rule id and sample', () => {
    const document = page(`
      <div class="article">${`<p>${PROSE}</p>`.repeat(6)}
        <div class="promo">Buy our book</div>
        <p>Sign up for our morning briefing emails</p>
        <section><h3>Most popular</h3><ol><li><a href="/1">One story here</a></li></ol></section>
        <ul>${'<li><a href="/x"><img src="/i.jpg"></a><a href="/x">A headline for another story</a><p>Blurb.</p></li>'.repeat(5)}</ul>
      </div>`);
    const removed = applyRules(
      document.body,
      rules(`
[promo]
reason: promo boxes
action: remove
phase: before
selector: .promo

[signup]
reason: sign-up lines
action: remove
phase: both
text: /^sign up for .* emails$/i

[popular]
reason: most popular blocks
action: remove
phase: both
heading: Most popular

[grid]
reason: teaser grids
action: remove
phase: both
structure: teaser-grid
`),
      { phase: 'before' },
    );
    expect(removed.map((r) => r.ruleId)).toEqual(['t/promo', 't/signup', 't/popular', 't/grid']);
    expect(removed[1]?.sample).toBe('Sign up for our morning briefing emails');
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/Buy our book|Sign up|Most popular|another story/);
    expect(document.querySelectorAll('.article > p')).toHaveLength(6);
  });

  it('runs only the rules of the phase asked for', () => {
    const document = page('<div><p>Advertisement</p><p>' + PROSE + '</p></div>');
    const set = rules(
      '[ad]\nreason: ad labels\naction: remove\nphase: after\ntext: Advertisement\n',
    );
    expect(applyRules(document.body, set, { phase: 'before' })).toEqual([]);
    expect(applyRules(document.body, set, { phase: 'after' })).toHaveLength(1);
  });

  it('refuses to remove the main text container or a block holding much of the prose', () => {
    const document = page(`
      <div class="newsletter-wrapper"><div class="story">${`<p>${PROSE}</p>`.repeat(8)}</div></div>
      <div class="newsletter-side"><p>${PROSE}</p>${`<p>${PROSE}</p>`.repeat(4)}</div>`);
    const removed = applyRules(
      document.body,
      rules(
        '[nl]\nreason: newsletter boxes\naction: remove\nphase: before\nselector: [class*="newsletter"]\n',
      ),
      { phase: 'before' },
    );
    expect(removed).toEqual([]);
    expect(document.querySelectorAll('p')).toHaveLength(13);
  });

  it('still removes a small block that matches inside the main container', () => {
    const document = page(
      `<div class="story">${`<p>${PROSE}</p>`.repeat(8)}<div class="newsletter-box"><p>Get the newsletter</p></div></div>`,
    );
    const removed = applyRules(
      document.body,
      rules(
        '[nl]\nreason: newsletter boxes\naction: remove\nphase: before\nselector: [class*="newsletter"]\n',
      ),
      { phase: 'before' },
    );
    expect(removed.map((r) => r.sample)).toEqual(['Get the newsletter']);
  });

  it('keep protects a block from every other rule; unwrap keeps the content', () => {
    const document = page(
      `<div>${`<p>${PROSE}</p>`.repeat(4)}<pre>subscribe now to our newsletter emails</pre><p><a href="#">Sign-up link text inside a sentence</a> stays.</p></div>`,
    );
    const removed = applyRules(
      document.body,
      rules(`
[code]
reason: code is content
action: keep
phase: both
selector: pre

[nag]
reason: nags
action: remove
phase: both
text: /subscribe now/i

[dead]
reason: dead links
action: unwrap
phase: both
selector: a[href="#"]
`),
      { phase: 'before' },
    );
    expect(removed).toEqual([]);
    expect(document.querySelector('pre')?.textContent).toContain('subscribe now');
    expect(document.querySelector('a')).toBeNull();
    expect(document.body.textContent).toContain('Sign-up link text inside a sentence stays.');
  });

  it('removes the heading a removal leaves alone (the "iJobs Job Widget" title)', () => {
    const document = page(`<div>${`<p>${PROSE}</p>`.repeat(4)}</div>
      <div class="widget"><h3>Jobs board</h3><ul>
        <li><a href="/j1">Finance Director</a> £65000 - £80000 per annum</li>
        <li><a href="/j2">Quality Inspector</a> £27000 per annum + pension</li></ul></div>`);
    const removed = applyRules(
      document.body,
      rules(
        '[salary]\nreason: job ads\naction: remove\nphase: both\ntext: /per annum/\nmax-words: 8\n',
      ),
      { phase: 'before' },
    );
    expect(removed.map((r) => r.ruleId)).toEqual(['t/salary', 't/salary', 't/salary']);
    expect(document.querySelector('.widget')).toBeNull();
  });
});

describe('selectors are checked against the DOM at hand', () => {
  it('a rule with a bad selector is reported and left out, the others run', () => {
    const set = rules(
      '[bad]\nreason: broken selector\naction: remove\nphase: before\nselector: div[[x\n\n[good]\nreason: fine\naction: remove\nphase: before\nselector: .promo\n',
    );
    const { usable, problems } = checkSelectors(set, page(''));
    expect(usable.map((r) => r.id)).toEqual(['t/good']);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 't.rules',
        line: 1,
        ruleId: 't/bad',
        message: expect.stringContaining('bad CSS selector "div[[x"'),
      }),
    ]);
  });

  it('extraction runs without a malformed user rule and says which one', () => {
    const { url } = readFixtureMetadata('independent-2014-seed-inside');
    const messages: string[] = [];
    const article = extract(parse(readFixtureHtml('independent-2014-seed-inside'), url), {
      url,
      userRules: [
        { site: 'independent.co.uk', selector: 'p:nth-child(' },
        { site: 'independent.co.uk', selector: '.article-byline' },
      ],
      onRuleProblem: (message) => messages.push(message),
    });
    expect(messages).toEqual([
      expect.stringContaining(
        'Rule 1 (independent.co.uk): "p:nth-child(" is not a valid CSS selector',
      ),
    ]);
    expect(article?.removed.map((r) => r.ruleId)).toContain('user/independent.co.uk/1');
    for (const paragraph of seedParts().paragraphs) expect(article?.text).toContain(paragraph);
  });
});

describe('rulesForPage', () => {
  it('adds site rules only on that site (and its subdomains)', () => {
    const document = page('');
    const ids = (host?: string) =>
      rulesForPage(shippedRules(), host, [], document).rules.map((r) => r.id);
    expect(ids('www.independent.co.uk')).toContain('independent.co.uk/day-in-a-page');
    expect(ids('independent.co.uk')).toContain('independent.co.uk/ijobs');
    expect(ids('notindependent.co.uk')).not.toContain('independent.co.uk/ijobs');
    expect(ids(undefined).every((id) => id.startsWith('generic/'))).toBe(true);
  });

  it('puts site rules first, then user rules, then generic ones', () => {
    const ids = rulesForPage(
      shippedRules(),
      'www.independent.co.uk',
      [{ site: 'independent.co.uk', selector: '.x' }],
      page(''),
    ).rules.map((r) => r.id.split('/')[0]);
    const firstUser = ids.indexOf('user');
    expect(ids.lastIndexOf('independent.co.uk')).toBeLessThan(firstUser);
    expect(ids.indexOf('generic')).toBeGreaterThan(firstUser);
  });
});

describe('attribute reads shared across rules', () => {
  const twoRules = `
[promo]
reason: promo boxes
action: remove
phase: before
selector: [class*="promo" i]

[ad]
reason: ad boxes
action: remove
phase: before
selector: [class~="ad"]
`;

  it('a later walk sees attributes changed since the last one on the same element', () => {
    const document = page(
      `${`<p>${PROSE}</p>`.repeat(6)}<div id="wrap"><div class="box">Short box text</div></div>`,
    );
    const ruleList = rules(twoRules);
    const box = document.querySelector('.box') as Element;
    expect(applyRules(document.body, ruleList, { phase: 'before' })).toEqual([]);
    box.setAttribute('class', 'Promo-box');
    // The box was the last element the first walk read, and is the first this walk reads.
    const wrap = document.getElementById('wrap') as Element;
    const removed = applyRules(wrap, ruleList, { phase: 'before' });
    expect(removed.map((r) => r.ruleId)).toEqual(['t/promo']);
    expect(box.isConnected).toBe(false);
  });
});
