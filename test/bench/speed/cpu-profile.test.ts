import { aggregateProfile, type CpuProfile, type ProfileNode } from './cpu-profile';
import { insertStageMarks, stageAnchors, stageMarkPrefix } from './stage-build';

const script = 'chrome-extension://id/content.js';

function node(
  id: number,
  functionName: string,
  children: number[] = [],
  url = script,
): ProfileNode {
  return { id, callFrame: { functionName, url, lineNumber: id, columnNumber: 0 }, children };
}

// (root) -> (program), (garbage collector), open -> extract -> [applyRules -> spanOf, parse],
// and a nested extract call under the first one (counted once in the root's time).
const profile: CpuProfile = {
  nodes: [
    node(1, '(root)', [2, 3, 4], ''),
    node(2, '(program)', [], ''),
    node(3, '(garbage collector)', [], ''),
    node(4, 'open', [5]),
    node(5, 'extract', [6, 8, 9]),
    node(6, 'applyRules', [7]),
    node(7, 'spanOf'),
    node(8, 'parse'),
    node(9, 'extract', [10]),
    node(10, 'applyRules'),
  ],
  startTime: 0,
  endTime: 10_000,
  // One sample per millisecond (time deltas in microseconds).
  samples: [2, 7, 7, 6, 8, 8, 8, 10, 3, 5],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('aggregateProfile', () => {
  const summary = aggregateProfile(profile, { root: 'extract', scriptUrl: 'content.js' });

  test('sample time: each sample lasts until the next, the last until the end', () => {
    expect(summary.totalMs).toBe(10);
    expect(summary.programMs).toBe(1);
    expect(summary.garbageCollectorMs).toBe(1);
  });

  test('time under the root counts nested calls of the root once', () => {
    // spanOf 2 + applyRules 1 + parse 3 + nested applyRules 1 + extract's own 1.
    expect(summary.rootMs).toBe(8);
    expect(summary.tree[0]).toMatchObject({ depth: 0, name: 'extract', totalMs: 8 });
  });

  test('the tree merges children by name, largest first, leaving out lines under 1.5 ms', () => {
    // The nested extract (1 ms) is below the tree's cut-off.
    const lines = summary.tree.map((line) => [line.depth, line.name.split(' ')[0], line.totalMs]);
    expect(lines).toEqual([
      [0, 'extract', 8],
      [1, 'applyRules', 3],
      [2, 'spanOf', 2],
      [1, 'parse', 3],
    ]);
  });

  test('self time per function, inside the root and overall', () => {
    expect(summary.topSelfInRoot[0]).toEqual({ name: `parse content.js:9`, selfMs: 3 });
    expect(summary.topSelfInRoot.map((entry) => entry.name)).not.toContain('(program)');
    expect(summary.topSelf.map((entry) => entry.name)).toContain('(program)');
    const applyRules = summary.topSelfInRoot.filter((entry) => entry.name.startsWith('applyRules'));
    expect(applyRules.reduce((sum, entry) => sum + entry.selfMs, 0)).toBe(2);
  });

  test('a profile without samples gives zeros, not NaN', () => {
    const empty = aggregateProfile(
      { nodes: [node(1, '(root)', [], '')], startTime: 0, endTime: 0 },
      { root: 'extract', scriptUrl: 'content.js' },
    );
    expect(empty.totalMs).toBe(0);
    expect(empty.rootMs).toBe(0);
  });
});

describe('insertStageMarks', () => {
  // Each statement once (a stage may end right before the statement the next one ends after).
  const statements = [...new Set(stageAnchors.map((anchor) => (anchor.after ?? anchor.before)!))];
  const source = statements.map((statement) => `  ${statement}\n`).join('');

  test('puts a mark right after each anchor, in order', () => {
    const patched = insertStageMarks(source);
    const marks = [...patched.matchAll(/performance\?\.mark\?\.\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(marks).toEqual(stageAnchors.map((anchor) => stageMarkPrefix + anchor.stage));
    // "after" anchors are followed by their mark, "before" anchors preceded by it.
    for (const anchor of stageAnchors) {
      const mark = patched.indexOf(`"${stageMarkPrefix}${anchor.stage}"`);
      const statement = patched.indexOf((anchor.after ?? anchor.before)!);
      if (anchor.after) expect(mark).toBeGreaterThan(statement);
      else expect(mark).toBeLessThan(statement);
    }
  });

  test('a missing or repeated anchor fails and names its stage', () => {
    const first = stageAnchors[0]!;
    const statement = (first.after ?? first.before)!;
    expect(() => insertStageMarks(source.replace(statement, ''))).toThrow(
      new RegExp(`"${first.stage}"`),
    );
    expect(() => insertStageMarks(source + statement)).toThrow(/exactly once/);
  });
});
