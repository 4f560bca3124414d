// The extension ships the reader's CSS minified at build time (build/css-plugin.mjs): the same exports,
// each `...Css` string smaller but with the same rules (checked with jsdom's CSS parser), other strings
// (font stacks) untouched.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import * as styles from '../../../src/overlay/styles';
import * as toolsStyles from '../../../src/overlay/tools-styles';

const repoRoot = join(__dirname, '..', '..', '..');

function built(file: string): Record<string, string> {
  const output = execFileSync(
    process.execPath,
    [join(__dirname, 'build-with-plugins.mjs'), join(repoRoot, 'src', 'overlay', file)],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return (JSON.parse(output) as { value: Record<string, string> }).value;
}

/** Every style rule's selector and declarations, as the browser-like parser reads them. */
function rulesOf(css: string): string[] {
  const { document } = new JSDOM('<!doctype html><title>css</title>').window;
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const out: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if ('cssRules' in rule && !(rule as CSSStyleRule).selectorText) {
        walk((rule as CSSGroupingRule).cssRules);
      } else if ((rule as CSSStyleRule).selectorText !== undefined) {
        const styleRule = rule as CSSStyleRule;
        // Spelling the minifier may change: spaces, quotes around attribute values, ::before as :before.
        const selector = styleRule.selectorText.replace(/\s+|"/g, '').replace(/::/g, ':');
        out.push(`${selector} ${styleRule.style.length}`);
      }
    }
  };
  walk(style.sheet?.cssRules ?? ([] as unknown as CSSRuleList));
  return out;
}

describe.each([
  ['styles.ts', styles as Record<string, unknown>],
  ['tools-styles.ts', toolsStyles as Record<string, unknown>],
])('%s minified at build time', (file, source) => {
  const minified = built(file);

  it('keeps every export, and every rule of every style sheet', () => {
    expect(Object.keys(minified).sort()).toEqual(Object.keys(source).sort());
    let rules = 0;
    for (const [name, value] of Object.entries(source)) {
      if (typeof value !== 'string') throw new Error(`${name} is not a string`);
      if (!name.endsWith('Css')) {
        expect(minified[name]).toBe(value);
        continue;
      }
      expect(minified[name]?.length).toBeLessThan(value.length * 0.9);
      expect(rulesOf(minified[name] ?? '')).toEqual(rulesOf(value));
      expect(rulesOf(value).length).toBeGreaterThan(0);
      rules += rulesOf(value).length;
    }
    expect(rules).toBeGreaterThan(10);
  });
});
