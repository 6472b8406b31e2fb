import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, daysBetween, daysInMonth, formatIsoDate, isIsoDate, toIsoDate } from './iso-date.js';

const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const date = fc.date({
  min: new Date('1000-01-01T00:00:00.000Z'),
  max: new Date('9000-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('iso dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '2026-01-1',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
      '20260101',
      '',
      'today',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toIsoDate(bad)).toThrow(RangeError);
    }
    expect(isIsoDate(new Date())).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('uses the UTC date of a Date', () => {
    expect(toIsoDate(new Date('2025-12-31T20:00:00-05:00'))).toBe('2026-01-01');
    expect(toIsoDate(new Date('2026-01-01T02:00:00+05:00'))).toBe('2025-12-31');
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow('Invalid Date');
  });

  it('never reads the local-time fields of a Date', () => {
    // The test process may run in UTC, where local and UTC fields agree; make local ones unusable.
    const date = new Date('2026-10-01T00:30:00Z');
    for (const getter of ['getFullYear', 'getMonth', 'getDate', 'getHours', 'getTimezoneOffset'] as const) {
      Object.defineProperty(date, getter, {
        value: () => {
          throw new Error(`${getter} depends on the process time zone`);
        },
      });
    }
    expect(toIsoDate(date)).toBe('2026-10-01');
  });

  it('keeps small years as written', () => {
    expect(formatIsoDate(50, 3, 1)).toBe('0050-03-01');
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(() => formatIsoDate(2026, 2, 29)).toThrow(RangeError);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2025-10-01', '2026-09-30')).toBe(364);
    expect(() => addDays('2026-03-01', 0.5)).toThrow(RangeError);
  });

  it('agrees with Date on what a Date means and on day arithmetic', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const iso = toIsoDate(d);
        expect(iso).toBe(d.toISOString().slice(0, 10));
        expect(toIsoDate(iso)).toBe(iso);
        const moved = addDays(iso, n);
        expect(utcDay(moved) - utcDay(iso)).toBe(n);
        expect(daysBetween(iso, moved)).toBe(n);
      }),
    );
  });

  it('agrees with Date on which dates exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const exists = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isIsoDate(text)).toBe(exists);
          expect(daysInMonth(y, m) >= d).toBe(exists);
        },
      ),
    );
  });
});
