// Readability's debug logging is compiled out of the extension (build/vendor-patches.mjs: the calls marked
// pure, the one unguarded "Grabbed" log put behind `debug`): content.js carries none of its log messages,
// and outside debug mode it no longer serialises the article just to log it. That Readability still reads
// pages the same once patched is proven by test/unit/security/vendor-patches.test.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..');
const readabilitySource = readFileSync(
  join(repoRoot, 'node_modules', '@mozilla', 'readability', 'Readability.js'),
  'utf8',
);

describe("Readability's debug logging in content.js", () => {
  const content = execFileSync(
    process.execPath,
    [join(__dirname, 'extension-bundle.mjs'), 'content.js'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );

  it('is gone: none of its log messages is bundled', () => {
    const messages = [
      'Removing unlikely candidate - ',
      'Starting grabArticle loop',
      'Grabbed: ',
      'Cleaning Conditionally',
    ];
    for (const message of messages) expect(readabilitySource).toContain(`"${message}`);
    expect(messages.filter((message) => content.includes(message))).toEqual([]);
  });

  it('no longer serialises the article outside debug mode', () => {
    // Every remaining `"" + x.innerHTML` (what is left of a log message) is behind the debug flag.
    const serialisations = content.match(/.{0,12}""\+\w+\.innerHTML/g) ?? [];
    expect(serialisations.length).toBeGreaterThan(0);
    expect(serialisations.filter((use) => !/this\.\w+&&""\+/.test(use))).toEqual([]);
  });
});
