import type { PageTiming } from './node-pipeline';
import {
  buildNodeResult,
  countErrors,
  mergeTimings,
  spread,
  summariseBySource,
  summariseGroup,
} from './node-summary';

function timing(source: string, id: string, ours: number[], plain: number[]): PageTiming {
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;
  const oursMedianMs = ours.length > 0 ? mid(ours) : null;
  const plainMedianMs = plain.length > 0 ? mid(plain) : null;
  return {
    label: `${source}/${id}`,
    source,
    id,
    bytes: 1000,
    warmupRounds: 2,
    rounds: 3,
    oursMs: ours,
    plainMs: plain,
    oursMedianMs,
    plainMedianMs,
    ratio: oursMedianMs !== null && plainMedianMs !== null ? oursMedianMs / plainMedianMs : null,
    oursFound: ours.length > 0,
    plainFound: true,
    ...(ours.length === 0 ? { oursError: 'boom' } : {}),
  };
}

const pages = [
  timing('a', '1', [10, 10, 10], [10, 10, 10]), // 1x
  timing('a', '2', [30, 30, 30], [10, 10, 10]), // 3x
  timing('b', '1', [20, 20, 20], [10, 10, 10]), // 2x
  timing('b', '2', [15, 15], [10, 10]), // 1.5x, short of rounds
  timing('b', '3', [], [10, 10, 10]), // ours threw
];

test('spread adds the quartiles (nearest rank) to the usual summary', () => {
  expect(spread([4, 1, 3, 2])).toEqual({
    count: 4,
    median: 2.5,
    p95: 4,
    min: 1,
    max: 4,
    p25: 1,
    p75: 3,
  });
});

test('a group counts pages, compared pages and pages with every round, and sums both sides', () => {
  const group = summariseGroup(pages, 3);
  expect(group).toMatchObject({ pages: 5, compared: 4, fullRounds: 3 });
  expect(group.ratio).toMatchObject({ count: 4, median: 1.75, p25: 1, p75: 2, max: 3 });
  expect(group.ours!.totalMs).toBe(75);
  expect(group.plain!.totalMs).toBe(40);
  expect(group.sumRatio).toBeCloseTo(75 / 40, 10);
});

test('a group where nothing was compared has no ratio rather than NaN', () => {
  expect(summariseGroup([pages[4]!], 3)).toEqual({
    pages: 1,
    compared: 0,
    fullRounds: 0,
    ours: null,
    plain: null,
    ratio: null,
    sumRatio: null,
  });
});

test('per source, in the order the sources first appear', () => {
  const bySource = summariseBySource(pages, 3);
  expect(Object.keys(bySource)).toEqual(['a', 'b']);
  expect(bySource.a).toMatchObject({ pages: 2, compared: 2, fullRounds: 2 });
  expect(bySource.a!.ratio!.median).toBe(2);
  expect(bySource.b).toMatchObject({ pages: 3, compared: 2, fullRounds: 1 });
  expect(bySource.b!.ratio!.median).toBe(1.75);
});

test('countErrors groups equal messages, most frequent first', () => {
  expect(countErrors(['x', undefined, 'y', 'y'])).toEqual([
    { message: 'y', pages: 2 },
    { message: 'x', pages: 1 },
  ]);
});

describe('mergeTimings', () => {
  const failed = { label: 'b/1', source: 'b', error: 'worker died' };

  test('puts the timings back in run order, leaving out the failed pages', () => {
    const timed = new Map([
      [3, pages[3]!],
      [0, pages[0]!],
      [1, pages[1]!],
    ]);
    expect(mergeTimings(4, timed, new Map([[2, failed]]))).toEqual([pages[0], pages[1], pages[3]]);
  });

  test('a page neither timed nor failed, both, or outside the run is a bug, not a silent gap', () => {
    expect(() => mergeTimings(2, new Map([[0, pages[0]!]]), new Map())).toThrow(
      /page 1 was neither/,
    );
    expect(() => mergeTimings(1, new Map([[0, pages[0]!]]), new Map([[0, failed]]))).toThrow(
      /both timed and failed/,
    );
    expect(() => mergeTimings(1, new Map([[0, pages[0]!]]), new Map([[5, failed]]))).toThrow(
      /outside the run: 5/,
    );
  });
});

test('the result keeps the overall and per-source numbers and the run facts', () => {
  const result = buildNodeResult(pages, [], {
    rounds: 3,
    warmupRounds: 2,
    jitWarmup: { pages: 3, rounds: 2 },
    workers: [],
    elapsedMs: 1,
    peakRssBytes: null,
    gcBetweenPages: true,
  });
  expect(result).toMatchObject({ comparedPages: 4, fullRoundPages: 3, rounds: 3 });
  expect(result.ratio!.median).toBe(1.75);
  expect(result.oursErrors).toEqual([{ message: 'boom', pages: 1 }]);
  expect(Object.keys(result.bySource)).toEqual(['a', 'b']);
});
