import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  comparePeriods,
  containsPeriod,
  dueDate,
  fiscalQuarterOf,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStart,
  formatPeriodKey,
  FREQUENCIES,
  isOverdue,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  monthPeriod,
  nextPeriod,
  normalizePeriodKey,
  parsePeriodKey,
  periodContainsDate,
  periodOf,
  periodsBetween,
  periodsInFiscalYear,
  previousPeriod,
  quarterPeriod,
  shiftPeriod,
  tryParsePeriodKey,
  type Period,
} from './fiscal-calendar.js';

// Oracles below use the built-in Date in UTC, independently of the code under test.
const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

const frequency = fc.constantFrom(...FREQUENCIES);
const fiscalYear = fc.integer({ min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR });
// Years with a neighbour on both sides, for stepping forward and back.
const innerFiscalYear = fc.integer({ min: MIN_FISCAL_YEAR + 1, max: MAX_FISCAL_YEAR - 1 });

const dateInRange = fc.date({
  min: new Date('1899-10-01T00:00:00.000Z'),
  max: new Date('2999-09-30T23:59:59.999Z'),
  noInvalidDate: true,
});

function periodArb(years: fc.Arbitrary<number>): fc.Arbitrary<Period> {
  return fc.oneof(
    years.map((fy) => fiscalYearPeriod(fy)),
    fc.tuple(years, fc.integer({ min: 1, max: 4 })).map(([fy, q]) => quarterPeriod(fy, q)),
    fc.tuple(years, fc.integer({ min: 1, max: 12 })).map(([fy, m]) => monthPeriod(m >= 10 ? fy - 1 : fy, m)),
  );
}
const anyPeriod = periodArb(fiscalYear);
const innerPeriod = periodArb(innerFiscalYear);

const CANONICAL = /^(\d{4}-(0[1-9]|1[0-2])|FY\d{4}-Q[1-4]|FY\d{4})$/;

describe('fiscal calendar properties', () => {
  it('parse(format(p)) round-trips for every frequency, through canonical keys', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const key = formatPeriodKey(p);
        expect(key).toBe(p.key);
        expect(key).toMatch(CANONICAL);
        expect(parsePeriodKey(key)).toEqual(p);
      }),
    );
  });

  it('accepts a string only if it is the canonical key of what it parses to', () => {
    const mutated = fc
      .tuple(anyPeriod, fc.nat(), fc.constantFrom('', ' ', '0', '-', 'Q', 'FY', 'q', 'fy', '\t', '1'))
      .map(([p, at, extra]) => {
        const i = at % (p.key.length + 1);
        return `${p.key.slice(0, i)}${extra}${p.key.slice(i + (extra === '' ? 1 : 0))}`;
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          mutated,
          anyPeriod.map((p) => p.key.toLowerCase()),
        ),
        (s) => {
          const parsed = tryParsePeriodKey(s);
          if (parsed !== null) {
            expect(parsed.key).toBe(s);
            expect(formatPeriodKey(parsed)).toBe(s);
          } else if (CANONICAL.test(s)) {
            // Canonical in form, so only its fiscal year can be wrong.
            expect(() => parsePeriodKey(s)).toThrow(/outside the supported range/);
          }
        },
      ),
    );
  });

  it('normalizes any casing and surrounding whitespace to the canonical key', () => {
    const space = fc.constantFrom('', ' ', '\t', '  ', '\n', '\r\n', '\u00a0');
    fc.assert(
      fc.property(
        anyPeriod,
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        space,
        space,
        (p, lower, before, after) => {
          const cased = [...p.key].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join('');
          expect(normalizePeriodKey(`${before}${cased}${after}`)).toBe(p.key);
        },
      ),
    );
  });

  it('puts every date in exactly one period of each frequency, the one periodOf returns', () => {
    fc.assert(
      fc.property(dateInRange, frequency, (date, f) => {
        const iso = isoOf(date);
        const p = periodOf(date, f);
        expect(p.frequency).toBe(f);
        expect(p.start <= iso && iso <= p.end).toBe(true);
        expect(periodOf(iso, f)).toEqual(p);
        expect(periodContainsDate(p, iso)).toBe(true);

        const fy = date.getUTCMonth() >= 9 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
        expect(fiscalYearOf(date)).toBe(fy);
        expect(p.fiscalYear).toBe(fy);
        const holders = periodsInFiscalYear(fy, f).filter((q) => periodContainsDate(q, iso));
        expect(holders.map((q) => q.key)).toEqual([p.key]);
        // Neighbouring fiscal years hold none of it.
        for (const other of [fy - 1, fy + 1]) {
          if (other < MIN_FISCAL_YEAR || other > MAX_FISCAL_YEAR) continue;
          expect(periodsInFiscalYear(other, f).some((q) => periodContainsDate(q, iso))).toBe(false);
        }
      }),
    );
  });

  it('nests the month, quarter and year of a date', () => {
    fc.assert(
      fc.property(dateInRange, (date) => {
        const month = periodOf(date, 'month');
        const quarter = periodOf(date, 'quarter');
        const year = periodOf(date, 'year');
        expect(quarter.quarter).toBe(fiscalQuarterOf(date));
        expect(month.quarter).toBe(quarter.quarter);
        expect(containsPeriod(year, quarter)).toBe(true);
        expect(containsPeriod(quarter, month)).toBe(true);
        expect(containsPeriod(year, month)).toBe(true);
        expect(containsPeriod(month, quarter)).toBe(false);
        expect(containsPeriod(quarter, year)).toBe(false);
      }),
    );
  });

  it('steps to adjacent periods: next(previous(p)) == p, with no gap or overlap', () => {
    fc.assert(
      fc.property(innerPeriod, (p) => {
        const next = nextPeriod(p);
        const previous = previousPeriod(p);
        expect(nextPeriod(previous)).toEqual(p);
        expect(previousPeriod(next)).toEqual(p);
        expect(next.frequency).toBe(p.frequency);
        expect(utcDay(next.start)).toBe(utcDay(p.end) + 1);
        expect(utcDay(p.start)).toBe(utcDay(previous.end) + 1);
        expect(comparePeriods(previous, p)).toBe(-1);
        expect(comparePeriods(next, p)).toBe(1);
      }),
    );
  });

  it('shifts by n the same as stepping n times', () => {
    // Up to 30 steps of any frequency stay within 30 fiscal years of the start.
    const period = periodArb(fc.integer({ min: MIN_FISCAL_YEAR + 30, max: MAX_FISCAL_YEAR - 30 }));
    fc.assert(
      fc.property(period, fc.integer({ min: -30, max: 30 }), (p, n) => {
        let stepped = p;
        for (let i = 0; i < Math.abs(n); i++) stepped = n > 0 ? nextPeriod(stepped) : previousPeriod(stepped);
        expect(shiftPeriod(p, n)).toEqual(stepped);
        expect(shiftPeriod(shiftPeriod(p, n), -n)).toEqual(p);
      }),
    );
  });

  it('covers each fiscal year with contiguous periods and no gaps', () => {
    fc.assert(
      fc.property(fiscalYear, frequency, (fy, f) => {
        const periods = periodsInFiscalYear(fy, f);
        expect(periods).toHaveLength({ month: 12, quarter: 4, year: 1 }[f]);
        expect(periods[0]?.start).toBe(fiscalYearStart(fy));
        expect(periods.at(-1)?.end).toBe(fiscalYearEnd(fy));
        expect(fiscalYearStart(fy)).toBe(`${fy - 1}-10-01`);
        expect(fiscalYearEnd(fy)).toBe(`${fy}-09-30`);
        for (let i = 1; i < periods.length; i++) {
          expect(utcDay(periods[i]!.start)).toBe(utcDay(periods[i - 1]!.end) + 1);
        }
        let days = 0;
        for (const p of periods) {
          expect(p.fiscalYear).toBe(fy);
          expect(p.frequency).toBe(f);
          expect(containsPeriod(fiscalYearPeriod(fy), p)).toBe(true);
          days += utcDay(p.end) - utcDay(p.start) + 1;
        }
        const leap = new Date(Date.UTC(fy, 2, 0)).getUTCDate() === 29;
        expect(days).toBe(leap ? 366 : 365);
      }),
    );
  });

  it('rolls the months of a quarter up to it', () => {
    fc.assert(
      fc.property(fiscalYear, fc.integer({ min: 1, max: 4 }), (fy, q) => {
        const quarter = quarterPeriod(fy, q);
        const months = periodsBetween(periodOf(quarter.start, 'month'), periodOf(quarter.end, 'month'));
        expect(months).toHaveLength(3);
        for (const month of months) {
          expect(month.fiscalYear).toBe(fy);
          expect(month.quarter).toBe(q);
          expect(periodOf(month.start, 'quarter')).toEqual(quarter);
          expect(containsPeriod(quarter, month)).toBe(true);
        }
        const inYear = periodsInFiscalYear(fy, 'month').filter((m) => containsPeriod(quarter, m));
        expect(inYear).toEqual(months);
        const days = months.reduce((sum, m) => sum + utcDay(m.end) - utcDay(m.start) + 1, 0);
        expect(days).toBe(utcDay(quarter.end) - utcDay(quarter.start) + 1);
      }),
    );
  });

  it('orders periods of one frequency as their keys sort', () => {
    fc.assert(
      fc.property(frequency, dateInRange, dateInRange, (f, d1, d2) => {
        const a = periodOf(d1, f);
        const b = periodOf(d2, f);
        const byKey = (x: Period, y: Period) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
        expect(comparePeriods(a, b)).toBe(byKey(a, b));
        expect(comparePeriods(b, a)).toBe(byKey(b, a));
      }),
    );
  });

  it('lists periodsBetween as consecutive steps from the first to the last', () => {
    fc.assert(
      fc.property(frequency, dateInRange, fc.integer({ min: 0, max: 200 * 86_400_000 }), (f, d, ms) => {
        const later = new Date(Math.min(d.getTime() + ms, Date.parse('2999-09-30T00:00:00Z')));
        const from = periodOf(d, f);
        const to = periodOf(later, f);
        const list = periodsBetween(from.key, to.key);
        expect(list[0]).toEqual(from);
        expect(list.at(-1)).toEqual(to);
        for (let i = 1; i < list.length; i++) expect(list[i]).toEqual(nextPeriod(list[i - 1]!));
      }),
    );
  });

  it('makes a result overdue from the day after period end plus grace', () => {
    fc.assert(
      fc.property(anyPeriod, fc.integer({ min: 0, max: 400 }), (p, grace) => {
        const due = dueDate(p, grace);
        expect(utcDay(due) - utcDay(p.end)).toBe(grace);
        expect(isOverdue(p, grace, due)).toBe(false);
        expect(isOverdue(p, grace, p.end)).toBe(false);
        const dayAfter = isoOf(new Date((utcDay(due) + 1) * 86_400_000));
        expect(isOverdue(p, grace, dayAfter)).toBe(true);
      }),
    );
  });
});
