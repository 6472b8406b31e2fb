import { describe, expect, it } from '@jest/globals';
import type { ResultRow, StandardRow } from './public.queries.js';
import { yearFigure } from './public.model.js';

const standard = {
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  nearTolerance: null,
  unit: 'percent',
} as StandardRow;

const result = (
  periodKey: string,
  numerator: number | null,
  denominator: number | null,
  extra: Partial<ResultRow> = {},
) =>
  ({
    periodKey,
    frequency: periodKey.startsWith('FY') ? (periodKey.includes('-Q') ? 'quarter' : 'year') : 'month',
    channel: 'all',
    numerator,
    denominator,
    value: numerator !== null && denominator ? (numerator / denominator) * 100 : null,
    sampleSize: null,
    ...extra,
  }) as ResultRow;

describe('public figures', () => {
  it('combines a year from the counts, never by averaging percentages', () => {
    // 9 of 10 (90%) and 100 of 200 (50%): 109 of 210, not (90 + 50) / 2.
    const figure = yearFigure(standard, [result('2026-01', 9, 10), result('2026-02', 100, 200)]);
    expect(figure.value).toBeCloseTo((109 / 210) * 100);
    expect(figure.periods).toBe(2);
  });

  it('takes a yearly result as it is, and says why a year has no figure', () => {
    expect(yearFigure(standard, [result('FY2026', 80, 100), result('2026-01', 1, 100)]).value).toBe(80);
    expect(yearFigure(standard, [])).toMatchObject({ value: null, reason: 'no certified result for this year' });
    const median = yearFigure({ ...standard, computation: 'median' }, [
      result('2026-01', null, null, { value: 3 }),
      result('2026-02', null, null, { value: 5 }),
    ]);
    expect(median.value).toBeNull();
    expect(median.reason).toMatch(/median/);
  });
});
