// The extension ships the rules parsed at build time (build/rules-plugin.mjs). The data in the bundle must
// be exactly what the parser makes of the .rules files (reasons, for reviewers only, left out), and the
// bundle must carry neither the rule text nor the parser.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadShippedRules } from '../../../src/rules/shipped-rules';
import type { RuleSpec } from '../../../src/rules/types';

const repoRoot = join(__dirname, '..', '..', '..');

function built(): { value: unknown; inputs: string[] } {
  const output = execFileSync(
    process.execPath,
    [
      join(__dirname, 'build-with-plugins.mjs'),
      join(repoRoot, 'src', 'rules', 'shipped-rules.ts'),
      'loadShippedRules',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return JSON.parse(output) as { value: unknown; inputs: string[] };
}

/** The live catalogue in the JSON shape the helper prints, reasons left empty as the bundle has them. */
function asBuilt(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, item: unknown) => {
      if (item instanceof RegExp) return { regexp: [item.source, item.flags] };
      if (key === 'reason') return '';
      return item;
    }),
  );
}

describe('rules precompiled at build time', () => {
  const { value, inputs } = built();

  it('are exactly what the parser makes of the rule files', () => {
    const live = loadShippedRules();
    expect(live.generic.rules.length).toBeGreaterThan(20);
    expect(live.generic.rules.every((rule: RuleSpec) => rule.reason.length > 0)).toBe(true);
    expect(value).toEqual(asBuilt(live));
  });

  it('leave the rule text and the parser out of the bundle', () => {
    expect(inputs.filter((input) => /\.rules$|parse-rules/.test(input))).toEqual([]);
  });
});
