// content.js does not carry the shipped cleanup rules: the background sends the rule sets of the page's
// host (src/background/reader-assets.ts). The check looks for every shipped rule's selectors in the built
// bundles: none may be in content.js, and all must be in background.js (so the check sees rule data
// wherever it is bundled). The reader's CSS likewise comes from the background, only hostCss stays.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { hostCss, readerCss } from '../../../src/overlay/styles';
import { loadShippedRules } from '../../../src/rules/shipped-rules';

const repoRoot = join(__dirname, '..', '..', '..');

function bundle(file: string): string {
  return execFileSync(process.execPath, [join(__dirname, 'extension-bundle.mjs'), file], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** A string as it may appear in minified code: as it is (in quotes that need no escapes) or JSON-escaped. */
const contains = (code: string, text: string) =>
  code.includes(text) || code.includes(JSON.stringify(text).slice(1, -1));

/**
 * Every selector of every shipped rule long enough not to turn up by chance in other code, and every rule
 * name (its id without the set's prefix, as bundled) as a string literal: "reading-time", not the overlay's
 * "bs-reading-time".
 */
function ruleTexts(): string[] {
  const { generic, sites } = loadShippedRules();
  const rules = [generic, ...sites].flatMap((set) => set.rules);
  const selectors = rules.flatMap((rule) => rule.selectors).filter((text) => text.length >= 12);
  // A rule named after a structure kind ("teaser-grid") shares it with the engine's own code.
  const kinds = new Set<string>(rules.flatMap((rule) => rule.structures));
  const names = rules
    .map((rule) => rule.id.replace(/^[^/]*\//, ''))
    .filter((name) => !kinds.has(name))
    .map((name) => `"${name}"`);
  return [...new Set([...selectors, ...names])];
}

describe('the shipped rules and the reader CSS are bundled in the background, not in content.js', () => {
  const content = bundle('content.js');
  const background = bundle('background.js');
  const texts = ruleTexts();

  it('finds every rule selector and name in background.js and none in content.js', () => {
    expect(texts.length).toBeGreaterThan(30);
    expect(texts).toContain('"day-in-a-page"'); // the seed site's own rule
    expect(texts.filter((text) => !contains(background, text))).toEqual([]);
    expect(texts.filter((text) => contains(content, text))).toEqual([]);
  });

  it("keeps hostCss in content.js and the reader's CSS only in background.js", () => {
    // A distinctive piece of each, as the build minifies it (the custom properties survive minifying).
    expect(hostCss).toContain('z-index: 2147483647');
    expect(content).toContain('z-index:2147483647');
    expect(readerCss).toContain('--bs-reading-font');
    expect(background).toContain('--bs-reading-font:');
    expect(content).not.toContain('--bs-reading-font:');
  });
});
