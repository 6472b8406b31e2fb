import { describe, expect, it } from '@jest/globals';
import { formatChange, formatMeasure, STATUS_LABELS } from './format.js';

describe('formatMeasure', () => {
  it('writes each unit in words, a blank as not known (never 0)', () => {
    expect(formatMeasure(91.234, 'percent')).toBe('91.23%');
    expect(formatMeasure(38, 'days')).toBe('38 days');
    expect(formatMeasure(1, 'days')).toBe('1 day');
    expect(formatMeasure(4.1, 'score')).toBe('4.1 of 5');
    expect(formatMeasure(12.5, 'currency')).toBe('$12.5');
    expect(formatMeasure(12345, 'count')).toBe('12,345');
    expect(formatMeasure(null, 'percent')).toBe('not known');
    expect(formatMeasure(0, 'percent')).toBe('0%');
  });

  it('names every status in words', () => {
    expect(Object.values(STATUS_LABELS).every((label) => label.length > 0)).toBe(true);
  });
});

describe('formatChange', () => {
  it('writes a change of a percentage in percentage points, signed', () => {
    expect(formatChange(3.5, 'percent')).toBe('+3.5 percentage points');
    expect(formatChange(-1, 'percent')).toBe('−1 percentage point');
    expect(formatChange(0.001, 'percent')).toBe('no change');
    expect(formatChange(-2, 'days')).toBe('−2 days');
    expect(formatChange(0.3, 'score')).toBe('+0.3 points');
    expect(formatChange(null, 'percent')).toBe('not known');
  });
});
