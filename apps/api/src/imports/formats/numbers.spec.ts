import { describe, expect, it } from '@jest/globals';
import { numberToText, readNumber, shiftDecimal } from './numbers.js';

describe('readNumber', () => {
  it('reads a blank cell as null, never 0', () => {
    expect(readNumber(null)).toEqual({ ok: true, value: null, percentSign: false });
    expect(readNumber('   ')).toEqual({ ok: true, value: null, percentSign: false });
  });

  it('reads plain decimals', () => {
    expect(readNumber('1234')).toMatchObject({ ok: true, value: 1234 });
    expect(readNumber(' -0.5 ')).toMatchObject({ ok: true, value: -0.5 });
    expect(readNumber('.5')).toMatchObject({ ok: true, value: 0.5 });
    expect(readNumber('-0')).toMatchObject({ ok: true, value: 0 });
    expect(Object.is((readNumber('-0') as { value: number }).value, 0)).toBe(true);
  });

  it('accepts thousands separators only in groups of three', () => {
    expect(readNumber('1,234')).toMatchObject({ ok: true, value: 1234 });
    expect(readNumber('1,234,567.25')).toMatchObject({ ok: true, value: 1234567.25 });
    for (const wrong of ['1,23', '12,34,567', '1,2345', '1.234,5', ',123', '1,234,']) {
      expect(readNumber(wrong)).toEqual({
        ok: false,
        reason: 'has a comma that is not a thousands separator: write 1,234 or 1234, and a decimal point',
      });
    }
  });

  it('refuses text, exponents, currency signs and spaces inside', () => {
    for (const text of ['abc', 'twelve', '1e5', '$12', '12 345', '+5', '1.2.3', '(12)', 'N/A']) {
      expect(readNumber(text)).toEqual({ ok: false, reason: 'is not a number' });
    }
  });

  it('reads N/A, - and n.d. as blank only where the format says so', () => {
    const spec = { nullTokens: ['N/A', '-', 'n.d.'] };
    expect(readNumber('n/a', spec)).toMatchObject({ ok: true, value: null });
    expect(readNumber('-', spec)).toMatchObject({ ok: true, value: null });
    expect(readNumber('N.D.', spec)).toMatchObject({ ok: true, value: null });
    expect(readNumber('-', {})).toEqual({ ok: false, reason: 'is not a number' });
  });

  it('accepts a % sign only in a percent column', () => {
    expect(readNumber('91.2%')).toEqual({ ok: false, reason: 'has a % sign, but this is not a percent column' });
    expect(readNumber('91.2%', { percent: 'sign' })).toEqual({ ok: true, value: 91.2, percentSign: true });
    expect(readNumber('91.2 %', { percent: 'sign' })).toEqual({ ok: true, value: 91.2, percentSign: true });
    expect(readNumber('91.2', { percent: 'sign' })).toEqual({ ok: true, value: 91.2, percentSign: false });
  });

  it('turns fractions into percents exactly in a fraction column, and keeps written percents', () => {
    expect(readNumber('0.033', { percent: 'fraction' })).toMatchObject({ ok: true, value: 3.3 });
    expect(readNumber('0.9872', { percent: 'fraction' })).toMatchObject({ ok: true, value: 98.72 });
    expect(readNumber('1', { percent: 'fraction' })).toMatchObject({ ok: true, value: 100 });
    expect(readNumber('-0.0116', { percent: 'fraction' })).toMatchObject({ ok: true, value: -1.16 });
    expect(readNumber('3%', { percent: 'fraction' })).toEqual({ ok: true, value: 3, percentSign: true });
    expect(readNumber(0.07, { percent: 'fraction' })).toMatchObject({ ok: true, value: 7 });
  });

  it('wants whole, non-negative counts where asked', () => {
    const count = { integer: true, nonNegative: true };
    expect(readNumber('9,123', count)).toMatchObject({ ok: true, value: 9123 });
    expect(readNumber('12.0', count)).toMatchObject({ ok: true, value: 12 });
    expect(readNumber('12.5', count)).toEqual({ ok: false, reason: 'must be a whole number' });
    expect(readNumber('-3', count)).toEqual({ ok: false, reason: 'must not be negative' });
    expect(readNumber('99999999999999999999', count)).toEqual({ ok: false, reason: 'is too large' });
  });

  it('reads XLSX numbers by the same rule, at the precision Excel keeps', () => {
    expect(readNumber(0.1 + 0.2)).toMatchObject({ ok: true, value: 0.3 });
    expect(readNumber(12.5, { integer: true })).toEqual({ ok: false, reason: 'must be a whole number' });
    expect(readNumber(Number.NaN)).toEqual({ ok: false, reason: 'is not a finite number' });
  });
});

describe('shiftDecimal and numberToText', () => {
  it('moves the decimal point without floating-point error', () => {
    expect(shiftDecimal('0.033', 2)).toBe('3.3');
    expect(shiftDecimal('5.17', 9)).toBe('5170000000');
    expect(shiftDecimal('-0.0047', 2)).toBe('-0.47');
    expect(shiftDecimal('12', -3)).toBe('0.012');
    expect(shiftDecimal('0', 2)).toBe('0');
    expect(shiftDecimal('-0.00', 2)).toBe('0');
  });

  it('writes numbers as plain decimals, never with an exponent', () => {
    expect(numberToText(1e-7)).toBe('0.0000001');
    expect(numberToText(1.5e21)).toBe('1500000000000000000000');
    expect(numberToText(0.30000000000000004)).toBe('0.3');
    expect(numberToText(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
