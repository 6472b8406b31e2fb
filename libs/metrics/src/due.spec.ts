import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { resultDueState, type DueState } from './due.js';
import { addDays, daysBetween } from './iso-date.js';
import { dueDate, monthPeriod, quarterPeriod } from './fiscal-calendar.js';

describe('resultDueState', () => {
  // FY2026 Q1 ends 2025-12-31; with 30 days' grace the result is due by 2026-01-30.
  it.each([
    ['2025-11-15', 'not_due'],
    ['2025-12-31', 'not_due'],
    ['2026-01-01', 'due'],
    ['2026-01-30', 'due'],
    ['2026-01-31', 'overdue'],
    ['2027-06-01', 'overdue'],
  ] as const)('on %s a missing FY2026-Q1 result is %s', (today, state) => {
    expect(resultDueState({ period: 'FY2026-Q1', graceDays: 30, today, hasResult: false })).toBe(state);
  });

  it('is received once a result exists, even early or late', () => {
    for (const today of ['2025-11-15', '2026-01-15', '2027-06-01']) {
      expect(resultDueState({ period: 'FY2026-Q1', graceDays: 30, today, hasResult: true })).toBe('received');
    }
  });

  it('is overdue the day after the period with no grace', () => {
    const period = monthPeriod(2026, 2);
    expect(resultDueState({ period, graceDays: 0, today: '2026-02-28', hasResult: false })).toBe('not_due');
    expect(resultDueState({ period, graceDays: 0, today: '2026-03-01', hasResult: false })).toBe('overdue');
  });

  it('reads a Date by its UTC day and accepts a period by its fields', () => {
    const today = new Date('2026-01-30T23:30:00-05:00'); // already 31 January in UTC
    expect(
      resultDueState({
        period: { frequency: 'quarter', fiscalYear: 2026, quarter: 1 },
        graceDays: 30,
        today,
        hasResult: false,
      }),
    ).toBe('overdue');
  });

  it('rejects a bad period, grace period or date, with or without a result', () => {
    for (const hasResult of [false, true]) {
      expect(() => resultDueState({ period: 'FY2026-Q5', graceDays: 30, today: '2026-01-01', hasResult })).toThrow();
      expect(() => resultDueState({ period: 'FY2026', graceDays: -1, today: '2026-01-01', hasResult })).toThrow(
        RangeError,
      );
      expect(() => resultDueState({ period: 'FY2026', graceDays: 0, today: '2026-13-01', hasResult })).toThrow(
        RangeError,
      );
    }
  });
});

const order: Record<DueState, number> = { not_due: 0, due: 1, overdue: 2, received: 3 };

describe('resultDueState properties', () => {
  const period = fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 }))
    .map(([fy, q]) => quarterPeriod(fy, q));
  const grace = fc.integer({ min: 0, max: 365 });
  const offset = fc.integer({ min: -400, max: 800 });

  it('agrees with the due date: not due through the last day, due through the due date, overdue after', () => {
    fc.assert(
      fc.property(period, grace, offset, (p, g, days) => {
        const today = addDays(p.end, days);
        const state = resultDueState({ period: p, graceDays: g, today, hasResult: false });
        const afterDue = daysBetween(dueDate(p, g), today);
        const expected: DueState = days <= 0 ? 'not_due' : afterDue <= 0 ? 'due' : 'overdue';
        expect(state).toBe(expected);
        expect(resultDueState({ period: p, graceDays: g, today, hasResult: true })).toBe('received');
      }),
    );
  });

  it('only moves forward as days pass, and more grace never makes a result more overdue', () => {
    fc.assert(
      fc.property(period, grace, grace, offset, fc.nat(400), (p, g1, g2, days, later) => {
        const state = (g: number, d: number) =>
          order[resultDueState({ period: p, graceDays: g, today: addDays(p.end, d), hasResult: false })];
        expect(state(g1, days + later)).toBeGreaterThanOrEqual(state(g1, days));
        const [less, more] = g1 <= g2 ? [g1, g2] : [g2, g1];
        expect(state(more, days)).toBeLessThanOrEqual(state(less, days));
      }),
    );
  });
});
