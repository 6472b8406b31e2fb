import { describe, expect, it } from '@jest/globals';
import { ALL_CHANNELS, CHANNELS, COMPUTATIONS, DIMENSIONS, DIRECTIONS, TARGET_STATUSES } from '@yardstick/contracts';
import {
  CHANNEL_LABELS,
  COMPUTATION_LABELS,
  describeTally,
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  formatChange,
  formatMeasure,
  formatShare,
  formatTarget,
  RESULT_CHANNEL_LABELS,
  STATUS_LABELS,
} from './format.js';
import { tallyStatuses } from './tally.js';

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

describe('the vocabulary shared by the API, the public pages and the staff app', () => {
  it('has one distinct label for every dimension, computation, direction and status', () => {
    for (const [labels, keys] of [
      [DIMENSION_LABELS, DIMENSIONS],
      [COMPUTATION_LABELS, COMPUTATIONS],
      [DIRECTION_LABELS, DIRECTIONS],
      [STATUS_LABELS, TARGET_STATUSES],
      [CHANNEL_LABELS, CHANNELS],
      [RESULT_CHANNEL_LABELS, [ALL_CHANNELS, ...CHANNELS]],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
      const words = Object.values(labels);
      expect(words.every((w) => w.trim().length > 0)).toBe(true);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('names the M-11-24 dimensions as the design does', () => {
    expect(DIMENSION_LABELS.accuracy).toBe('Quality and accuracy');
    expect(DIMENSION_LABELS.satisfaction).toBe('Customer satisfaction');
  });
});

describe('formatTarget', () => {
  const t = (value: number | null, minValue: number | null = null, maxValue: number | null = null) => ({
    value,
    minValue,
    maxValue,
  });

  it('writes a value or a range in the unit', () => {
    expect(formatTarget(t(90), 'percent')).toBe('90%');
    expect(formatTarget(t(null, 2, 5), 'days')).toBe('2 days to 5 days');
    expect(formatTarget(t(0), 'count')).toBe('0');
  });

  it("says there is none without a target or with one that cannot be read, in the caller's words", () => {
    expect(formatTarget(null, 'percent')).toBe('No target');
    expect(formatTarget(undefined, 'percent', 'none')).toBe('none');
    expect(formatTarget(t(null, 2, null), 'days')).toBe('No target');
  });
});

describe('describeTally', () => {
  it('gives the share of targets met from the counts, awaiting certification in the denominator', () => {
    const tally = tallyStatuses(['met', 'met', 'met', 'near', 'not_met', 'awaiting_certification', 'no_data']);
    expect(describeTally(tally)).toBe(
      '3 of 6 targets met (50%): 1 near the target, 1 not met, 1 with a result awaiting certification and 1 without data.',
    );
    expect(describeTally(tallyStatuses(['met', 'not_applicable']))).toBe(
      '1 of 1 targets met (100%): 0 near the target, 0 not met and 1 without a target.',
    );
  });

  it('says when nothing could be assessed, rather than 0%', () => {
    expect(describeTally(tallyStatuses(['no_data', 'not_applicable']))).toBe('No target could be assessed yet.');
    expect(formatShare(null)).toBe('not assessed');
    expect(formatShare(66.6667)).toBe('67%');
  });
});
