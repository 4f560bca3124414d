// User rules from the options page: validated with clear messages, applied per site with user/ ids.
import { userRulesFor, validateUserRules } from '../../../src/rules';
import { parse } from '../extraction/fixture-helpers';

const document = parse('<!doctype html><p>x</p>');

describe('validateUserRules', () => {
  it('accepts good rules and normalises the site', () => {
    expect(
      validateUserRules(
        [
          { site: 'example.com', selector: '.promo' },
          { site: 'https://WWW.Example.org/news/1', selector: ' aside > .nag ' },
        ],
        document,
      ),
    ).toEqual({
      rules: [
        { site: 'example.com', selector: '.promo' },
        { site: 'www.example.org', selector: 'aside > .nag' },
      ],
      problems: [],
    });
  });

  it('rejects each bad entry with a message saying which and why, keeping the rest', () => {
    const { rules, problems } = validateUserRules(
      [
        'not an object',
        { selector: '.x' },
        { site: 'not a host!', selector: '.x' },
        { site: 'example.com' },
        { site: 'example.com', selector: '' },
        { site: 'example.com', selector: 'div[[' },
        { site: 'example.com', selector: '.ok' },
      ],
      document,
    );
    expect(rules).toEqual([{ site: 'example.com', selector: '.ok' }]);
    expect(problems).toEqual([
      'Rule 1: expected { site, selector }, got string.',
      'Rule 2: "site" must be a host name such as example.com.',
      'Rule 3: "not a host!" is not a host name such as example.com.',
      'Rule 4 (example.com): "selector" must be text, such as .promo.',
      'Rule 5 (example.com): the selector is empty.',
      'Rule 6 (example.com): "div[[" is not a valid CSS selector.',
    ]);
  });

  it('says so when the input is not a list at all', () => {
    expect(validateUserRules({ site: 'x.com' }, document).problems).toEqual([
      'User rules must be a list of { site, selector } entries.',
    ]);
    expect(validateUserRules(undefined, document)).toEqual({ rules: [], problems: [] });
  });
});

describe('userRulesFor', () => {
  it('gives ids like user/example.com/1 and applies to subdomains only', () => {
    const rules = [
      { site: 'example.com', selector: '.a' },
      { site: 'other.org', selector: '.b' },
      { site: 'example.com', selector: '.c' },
    ];
    expect(userRulesFor(rules, 'news.example.com').map((r) => [r.id, r.selectors[0]])).toEqual([
      ['user/example.com/1', '.a'],
      ['user/example.com/2', '.c'],
    ]);
    expect(userRulesFor(rules, 'badexample.com')).toEqual([]);
  });
});
