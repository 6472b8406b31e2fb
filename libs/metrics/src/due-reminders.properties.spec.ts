import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  combineRecords,
  dueWindow,
  formatLongDate,
  formatPeriodName,
  periodsEndingIn,
  recordQuarters,
  reminderOccasion,
  reportingRecord,
  type RecordItem,
} from './due.js';
import {
  dueDate,
  fiscalCalendar,
  FREQUENCIES,
  isOverdue,
  periodsInFiscalYear,
  quarterPeriod,
  shiftPeriod,
} from './fiscal-calendar.js';
import { addDays, daysBetween } from './iso-date.js';

/** Any day from FY1990 to FY2100, as YYYY-MM-DD. */
const day = fc
  .integer({ min: Date.UTC(1989, 9, 1), max: Date.UTC(2100, 8, 30) })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
const grace = fc.integer({ min: 0, max: 120 });

describe('reminderOccasion', () => {
  it('reminds 7 days before, on the due date, then weekly while overdue', () => {
    // FY2026 Q4 ends 30 September 2026; with 30 days' grace it is due on 30 October 2026.
    const due = dueDate('FY2026-Q4', 30);
    expect(due).toBe('2026-10-30');
    expect(reminderOccasion(due, '2026-10-22')).toBeNull();
    expect(reminderOccasion(due, '2026-10-23')).toBe('due_soon');
    expect(reminderOccasion(due, '2026-10-24')).toBeNull();
    expect(reminderOccasion(due, '2026-10-30')).toBe('due_today');
    expect(reminderOccasion(due, '2026-10-31')).toBeNull();
    expect(reminderOccasion(due, '2026-11-06')).toBe('overdue');
    expect(reminderOccasion(due, '2026-11-13')).toBe('overdue');
    expect(reminderOccasion(due, '2026-11-16')).toBeNull();
  });

  it('refuses a rule without a lead time or an interval', () => {
    expect(() => reminderOccasion('2026-10-30', '2026-10-30', { leadDays: 0, everyDays: 7 })).toThrow(RangeError);
    expect(() => reminderOccasion('2026-10-30', '2026-10-30', { leadDays: 7, everyDays: 0 })).toThrow(RangeError);
  });

  it('sends exactly one reminder in any week while overdue, and exactly two before it is overdue', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (due, start) => {
        const week = Array.from({ length: 7 }, (_, i) => reminderOccasion(due, addDays(due, start + i)));
        expect(week.filter((o) => o === 'overdue')).toHaveLength(1);
        const before = Array.from({ length: 30 }, (_, i) => reminderOccasion(due, addDays(due, i - 29)));
        expect(before.filter((o) => o !== null)).toEqual(['due_soon', 'due_today']);
      }),
    );
  });

  it('is overdue only after the due date, as isOverdue says, for any quarter and grace period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 4 }),
        grace,
        day,
        (y, q, g, today) => {
          const period = quarterPeriod(y, q);
          const occasion = reminderOccasion(dueDate(period, g), today);
          if (occasion === 'overdue') expect(isOverdue(period, g, today)).toBe(true);
          if (occasion === 'due_soon' || occasion === 'due_today') expect(isOverdue(period, g, today)).toBe(false);
        },
      ),
    );
  });
});

describe('dueWindow', () => {
  it('is overdue after the due date, due soon within the window (its last day included), later beyond', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 90 }), (today, offset, days) => {
        const window = dueWindow(addDays(today, offset), today, days);
        expect(window).toBe(offset < 0 ? 'overdue' : offset <= days ? 'due_soon' : 'later');
      }),
    );
  });
});

describe('recordQuarters', () => {
  it('on 16 November 2026 (30 days of grace) are FY2026 Q1 to Q4', () => {
    expect(recordQuarters('2026-11-16', 30).map((q) => q.key)).toEqual([
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
    ]);
    // FY2026 Q4 is due on 30 October, so on that day it is not yet in the record.
    expect(recordQuarters('2026-10-30', 30).at(-1)!.key).toBe('FY2026-Q3');
    expect(recordQuarters('2026-10-31', 30).at(-1)!.key).toBe('FY2026-Q4');
  });

  it('are consecutive quarters, all past due, the next one not yet', () => {
    fc.assert(
      fc.property(day, grace, fc.integer({ min: 1, max: 8 }), (today, g, count) => {
        const quarters = recordQuarters(today, g, count);
        expect(quarters).toHaveLength(count);
        for (const q of quarters) expect(isOverdue(q, g, today)).toBe(true);
        for (let i = 1; i < count; i++) expect(addDays(quarters[i - 1]!.end, 1)).toBe(quarters[i]!.start);
        expect(isOverdue(shiftPeriod(quarters.at(-1)!, 1), g, today)).toBe(false);
      }),
    );
  });
});

describe("recordQuarters in an agency's own fiscal calendar", () => {
  it("on 16 November 2026 are Canada's FY2026 Q3 to FY2027 Q2 (April calendar), the same months as the US ones", () => {
    const april = fiscalCalendar(4);
    const quarters = recordQuarters('2026-11-16', 30, 4, april);
    expect(quarters.map((q) => q.key)).toEqual(['FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2']);
    expect(quarters.map((q) => q.start)).toEqual(recordQuarters('2026-11-16', 30).map((q) => q.start));
    // A quarterly standard of that agency owes the quarters themselves, keyed in its calendar.
    expect(quarters.flatMap((q) => periodsEndingIn('quarter', q).map((p) => p.key))).toEqual(
      quarters.map((q) => q.key),
    );
    // Its yearly standard owes FY2026 (April 2025 to March 2026), which ends in its FY2026 Q4.
    expect(quarters.flatMap((q) => periodsEndingIn('year', q).map((p) => `${p.key} ${p.end}`))).toEqual([
      'FY2026 2026-03-31',
    ]);
  });

  it('for every start month: consecutive quarters of that calendar, all past due, the next one not yet', () => {
    fc.assert(
      fc.property(day, grace, fc.integer({ min: 1, max: 12 }), (today, g, startMonth) => {
        const calendar = fiscalCalendar(startMonth);
        const quarters = recordQuarters(today, g, 4, calendar);
        for (const q of quarters) {
          expect(isOverdue(q, g, today)).toBe(true);
          expect(quarterPeriod(q.fiscalYear, q.quarter!, calendar)).toEqual(q);
        }
        for (let i = 1; i < 4; i++) expect(addDays(quarters[i - 1]!.end, 1)).toBe(quarters[i]!.start);
        expect(isOverdue(shiftPeriod(quarters.at(-1)!, 1), g, today)).toBe(false);
        // Every reporting period of a year ends in exactly one of its quarters, in the same calendar.
        for (const frequency of FREQUENCIES) {
          const year = quarters[0]!.fiscalYear;
          const all = [1, 2, 3, 4].flatMap((n) =>
            periodsEndingIn(frequency, quarterPeriod(year, n, calendar)).map((p) => p.key),
          );
          expect(all).toEqual(periodsInFiscalYear(year, frequency, calendar).map((p) => p.key));
        }
      }),
    );
  });
});

describe('periodsEndingIn', () => {
  it('gives three months, one quarter, or the fiscal year in Q4 only', () => {
    expect(periodsEndingIn('month', 'FY2026-Q1').map((p) => p.key)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(periodsEndingIn('quarter', 'FY2026-Q3').map((p) => p.key)).toEqual(['FY2026-Q3']);
    expect(periodsEndingIn('year', 'FY2026-Q3')).toEqual([]);
    expect(periodsEndingIn('year', 'FY2026-Q4').map((p) => p.key)).toEqual(['FY2026']);
  });

  it('over the four quarters of a year, covers every reporting period of the year once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2998 }), fc.constantFrom(...FREQUENCIES), (y, frequency) => {
        const all = [1, 2, 3, 4].flatMap((q) => periodsEndingIn(frequency, quarterPeriod(y, q)).map((p) => p.key));
        expect(all).toEqual(periodsInFiscalYear(y, frequency).map((p) => p.key));
      }),
    );
  });
});

describe('reportingRecord', () => {
  const item = fc.record({
    dueDate: day,
    publishedOn: fc.option(day, { nil: null }),
  }) as fc.Arbitrary<RecordItem>;

  it('counts on time, late and missing among the results already due', () => {
    const record = reportingRecord(
      [
        { dueDate: '2026-01-30', publishedOn: '2026-01-30' },
        { dueDate: '2026-04-30', publishedOn: '2026-05-02' },
        { dueDate: '2026-07-30', publishedOn: null },
        { dueDate: '2026-10-30', publishedOn: '2026-10-01' },
        { dueDate: '2026-11-16', publishedOn: null }, // due today: not judged yet
      ],
      '2026-11-16',
    );
    expect(record).toEqual({ expected: 4, onTime: 2, late: 1, missing: 1, share: 0.5 });
  });

  it('is blank (null), not 0, when nothing was due', () => {
    expect(reportingRecord([], '2026-11-16').share).toBeNull();
    expect(reportingRecord([{ dueDate: '2026-12-01', publishedOn: null }], '2026-11-16').share).toBeNull();
  });

  it('partitions the due results, its share between 0 and 1, and combining records sums their counts', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(item, { maxLength: 30 }), day, (a, b, today) => {
        const ra = reportingRecord(a, today);
        const rb = reportingRecord(b, today);
        expect(ra.onTime + ra.late + ra.missing).toBe(ra.expected);
        expect(ra.expected).toBe(a.filter((i) => daysBetween(i.dueDate, today) > 0).length);
        if (ra.share !== null) expect(ra.share).toBeGreaterThanOrEqual(0);
        if (ra.share !== null) expect(ra.share).toBeLessThanOrEqual(1);
        // Combining is the record of all the items together (counts summed, not shares averaged).
        expect(combineRecords([ra, rb])).toEqual(reportingRecord([...a, ...b], today));
      }),
    );
  });

  it('never gets worse when a missing result is published on time', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), day, (items, today) => {
        const before = reportingRecord(items, today);
        const fixed = items.map((i) => (i.publishedOn === null ? { ...i, publishedOn: i.dueDate } : i));
        const after = reportingRecord(fixed, today);
        expect(after.onTime).toBeGreaterThanOrEqual(before.onTime);
        expect(after.missing).toBe(0);
      }),
    );
  });
});

describe('formatting', () => {
  it('says dates and periods the way a sentence does', () => {
    expect(formatLongDate('2026-10-30')).toBe('30 October 2026');
    expect(formatPeriodName('FY2026-Q4')).toBe('FY2026 Q4');
    expect(formatPeriodName('2026-03')).toBe('March 2026');
    expect(formatPeriodName('FY2026')).toBe('FY2026');
  });
});
