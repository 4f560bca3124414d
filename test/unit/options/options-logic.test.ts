// The options page's logic without a browser: problem sentences, adding cleanup rules (checked by the rules
// engine), reading settings files, and the sample article for the preview.
import { JSDOM } from 'jsdom';
import { describeProblem } from '../../../src/options/problems';
import { addRule } from '../../../src/options/rules-section';
import { sampleArticle } from '../../../src/options/sample-article';
import { patchOf, readSettingsFile } from '../../../src/options/transfer-section';
import {
  defaultSettings,
  exportSettings,
  parseSettings,
  SETTINGS_FIELDS,
} from '../../../src/shared/settings';
import { englishMessages } from '../extension/dom';

const t = englishMessages() as (key: string, substitutions?: string[]) => string;
const { document } = new JSDOM('<!doctype html><p>x</p>').window;

describe('saved settings that could not be used', () => {
  it('say which field was reset, and to what', () => {
    const { problems } = parseSettings({
      schemaVersion: 3,
      fontSize: 'huge',
      fontFamily: 'comic',
      customColors: { background: 'red', text: '#000000' },
    });
    const sentences = problems.map((problem) => describeProblem(problem, t));
    expect(sentences[0]).toMatch(
      /^Your saved setting "Text size" was invalid and was reset to 20\. /,
    );
    expect(sentences[0]).toMatch(/Font size must be a number/);
    expect(sentences[1]).toMatch(
      /^Your saved setting "Font" was invalid and was reset to Serif \(Literata\)\./,
    );
    expect(
      sentences.some((s) => /"Custom colours" was invalid and was reset to its default/.test(s)),
    ).toBe(true);
  });

  it('pass other kinds of problem through as the settings module words them', () => {
    const { problems } = parseSettings({ schemaVersion: 3, somethingElse: 1 });
    expect(describeProblem(problems[0]!, t)).toBe(problems[0]!.message);
  });
});

describe('adding a cleanup rule', () => {
  it('keeps a valid rule, normalising the site the way the rules engine does', () => {
    const result = addRule(
      [],
      { site: 'https://www.Example.com/news', selector: ' .promo ' },
      t,
      document,
    );
    expect(result).toEqual({ ok: true, rules: [{ site: 'www.example.com', selector: '.promo' }] });
  });

  it('refuses an invalid selector with the engine’s message', () => {
    const result = addRule([], { site: 'example.com', selector: 'div[' }, t, document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/"div\[" is not a valid CSS selector/);
  });

  it('refuses empty fields, a bad site and a duplicate', () => {
    expect(addRule([], { site: '', selector: '.x' }, t, document)).toEqual({
      ok: false,
      message: 'A rule needs a site (like example.com) and a CSS selector.',
    });
    const badSite = addRule([], { site: 'not a site!', selector: '.x' }, t, document);
    expect(badSite.ok).toBe(false);
    const rules = [{ site: 'example.com', selector: '.x' }];
    expect(addRule(rules, { site: 'example.com', selector: '.x' }, t, document)).toEqual({
      ok: false,
      message: 'You already have this rule.',
    });
  });
});

describe('reading a settings file', () => {
  it('takes an exported file back whole', () => {
    const settings = { ...defaultSettings(), fontSize: 24, theme: 'dark' as const };
    const outcome = readSettingsFile(exportSettings(settings), document);
    expect(outcome).toEqual({ ok: true, patch: patchOf(settings), problems: [] });
    if (outcome.ok) expect(Object.keys(outcome.patch)).toEqual(SETTINGS_FIELDS);
  });

  it('says clearly when the file is not settings at all', () => {
    const notJson = readSettingsFile('{ this is not json', document);
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message).toMatch(/JSON/);
    const other = readSettingsFile('{"name": "some other app"}', document);
    expect(other.ok).toBe(false);
  });

  it('loads the good fields of a partly bad file and lists the bad ones', () => {
    const file = JSON.parse(exportSettings(defaultSettings())) as {
      settings: Record<string, unknown>;
    };
    file.settings.lineHeight = 9;
    file.settings.userRules = [
      { site: 'example.com', selector: '.ok' },
      { site: 'example.com', selector: 'div[' },
    ];
    const outcome = readSettingsFile(JSON.stringify(file), document);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.patch.lineHeight).toBe(defaultSettings().lineHeight);
    expect(outcome.patch.userRules).toEqual([{ site: 'example.com', selector: '.ok' }]);
    const sentences = outcome.problems.map((problem) => describeProblem(problem, t));
    expect(sentences.join('\n')).toMatch(/"Line spacing" was invalid and was reset to 1\.6/);
    expect(sentences.join('\n')).toMatch(/not a valid CSS selector/);
  });
});

describe('the sample article', () => {
  it('is built from the locale messages, with the text escaped into HTML', () => {
    const article = sampleArticle((key) => (key === 'sampleQuote' ? '<b>&"' : t(key)), 'en');
    expect(article.title).toBe('The quiet pleasure of a well-set page');
    expect(article.html).toContain('<blockquote><p>&lt;b&gt;&amp;&quot;</p></blockquote>');
    expect(article.html.match(/<p>/g)).toHaveLength(4);
  });
});
