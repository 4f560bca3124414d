import { budget, formatBudget, notMeasured } from './budgets';
import { median, ms, percentile, summarise } from './stats';

describe('median', () => {
  test('odd and even counts, any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  test('an empty list is an error, not NaN', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 .. 1, unsorted
  test('p95 of 1..100 is 95, p100 the max, p1 the min', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 1)).toBe(1);
  });
  test('always a measured value', () => {
    expect(percentile([10, 20, 30], 95)).toBe(30);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });
  test('rejects percentiles outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

test('summarise gives count, median, p95, min and max', () => {
  expect(summarise([3, 1, 2, 10])).toEqual({ count: 4, median: 2.5, p95: 10, min: 1, max: 10 });
});

test('ms picks a precision by size', () => {
  expect(ms(1234.5)).toBe('1235 ms');
  expect(ms(12.345)).toBe('12.3 ms');
  expect(ms(1.2345)).toBe('1.23 ms');
});

test('budget lines say PASS or FAIL, and why a number is missing', () => {
  expect(formatBudget(budget('ratio', true, '1.1x'))).toBe('PASS  ratio: 1.1x');
  expect(formatBudget(budget('ratio', false, '1.3x'))).toBe('FAIL  ratio: 1.3x');
  const missing = notMeasured('paint', 'Chromium did not start');
  expect(missing).toMatchObject({ pass: false, measured: false });
  expect(formatBudget(missing)).toBe('FAIL  paint: not measured: Chromium did not start');
});
