// Combining results across channels or periods. Percentages are never averaged (a channel with
// 10 transactions would weigh as much as one with a million), and medians are never combined.
import type { Computation } from '@yardstick/contracts';

/** One channel's or period's result. Counts are optional; null or absent means not known. */
export type Part = {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  sampleSize?: number | null;
};

/**
 * The combined result. `value` is null when it cannot be known, and `reason` then says why in
 * plain English. Each count is the sum over the parts, or null unless every part has it (a blank
 * count is not 0); for `mean`, `sampleSize` is the total weight the mean was taken over.
 */
export type Aggregate = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  reason?: string;
};

export const MEDIAN_REASON =
  'a median cannot be computed from medians; report it for the period or compute it from transaction data';

/**
 * Combines parts of one measure. A single part passes through unchanged, since nothing is
 * combined. Throws RangeError for non-finite numbers, negative counts, or a numerator above
 * its denominator.
 */
export function aggregate(computation: Computation, parts: readonly Part[]): Aggregate {
  parts.forEach(assertPart);
  if (parts.length === 0) return blank(parts, 'there are no results to combine');
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) {
    return {
      value: only.value,
      numerator: only.numerator ?? null,
      denominator: only.denominator ?? null,
      sampleSize: only.sampleSize ?? null,
      ...(only.value === null ? { reason: 'the only result is blank' } : {}),
    };
  }
  switch (computation) {
    case 'share_meeting_threshold':
      return combineShares(parts);
    case 'mean':
      return combineMeans(parts);
    case 'total':
      return combineTotals(parts);
    case 'median':
      return blank(parts, MEDIAN_REASON);
    default:
      throw new RangeError(`Unknown computation ${JSON.stringify(computation satisfies never)}`);
  }
}

function combineShares(parts: readonly Part[]): Aggregate {
  const sums = sumCounts(parts);
  const missing = parts.findIndex((p) => p.numerator == null || p.denominator == null);
  if (missing >= 0) {
    return blank(
      parts,
      `a share cannot be combined without the counts behind it, and result ${missing + 1} has no numerator ` +
        'and denominator; percentages are never averaged',
    );
  }
  if (sums.numerator === null || sums.denominator === null) throw new Error('unreachable: counts checked above');
  if (sums.denominator === 0) return { ...sums, value: null, reason: 'no transactions were counted (denominator 0)' };
  return { ...sums, value: (sums.numerator / sums.denominator) * 100 };
}

function combineMeans(parts: readonly Part[]): Aggregate {
  const sums = sumCounts(parts);
  const weights = parts.map((p) => p.sampleSize ?? p.denominator ?? null);
  // A blank mean over an empty sample (a channel with no transactions) adds nothing; any other blank does.
  const blankAt = parts.findIndex((p, i) => p.value === null && weights[i] !== 0);
  if (blankAt >= 0) return blank(parts, `result ${blankAt + 1} is blank, so the mean over all of them is not known`);
  const unweighted = weights.indexOf(null);
  if (unweighted >= 0) {
    return blank(
      parts,
      `means are combined weighted by sample size, and result ${unweighted + 1} has no sample size or denominator`,
    );
  }
  let weighted = 0;
  let total = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const [i, { value }] of parts.entries()) {
    const w = weights[i];
    // Only empty samples are left to skip: blanks and missing weights returned above.
    if (value === null || w == null || w === 0) continue;
    weighted += value * w;
    total += w;
    lowest = Math.min(lowest, value);
    highest = Math.max(highest, value);
  }
  const result = { ...sums, sampleSize: total };
  if (total === 0) return { ...result, value: null, reason: 'the sample sizes add up to 0' };
  // Clamped only against rounding: a weighted mean lies between its parts.
  return { ...result, value: Math.min(Math.max(weighted / total, lowest), highest) };
}

function combineTotals(parts: readonly Part[]): Aggregate {
  const sums = sumCounts(parts);
  const blankAt = parts.findIndex((p) => p.value === null);
  if (blankAt >= 0) {
    return blank(parts, `result ${blankAt + 1} is blank, so the total is not known (a blank is not 0)`);
  }
  let total = 0;
  for (const { value } of parts) if (value !== null) total += value;
  return { ...sums, value: total };
}

function blank(parts: readonly Part[], reason: string): Aggregate {
  return { ...sumCounts(parts), value: null, reason };
}

function sumCounts(parts: readonly Part[]): Omit<Aggregate, 'value' | 'reason'> {
  return {
    numerator: sumOf(parts, (p) => p.numerator),
    denominator: sumOf(parts, (p) => p.denominator),
    sampleSize: sumOf(parts, (p) => p.sampleSize),
  };
}

function sumOf(parts: readonly Part[], pick: (p: Part) => number | null | undefined): number | null {
  if (parts.length === 0) return null;
  let sum = 0;
  for (const p of parts) {
    const n = pick(p);
    if (n == null) return null;
    sum += n;
  }
  return sum;
}

function assertPart(part: Part, index: number): void {
  const where = `Result ${index + 1}`;
  if (part.value !== null && (typeof part.value !== 'number' || !Number.isFinite(part.value))) {
    throw new RangeError(`${where}: value must be a finite number or null, got ${String(part.value)}`);
  }
  for (const key of ['numerator', 'denominator', 'sampleSize'] as const) {
    const n = part[key];
    if (n != null && (typeof n !== 'number' || !Number.isFinite(n) || n < 0)) {
      throw new RangeError(`${where}: ${key} must be a finite number of 0 or more, got ${String(n)}`);
    }
  }
  if (part.numerator != null && part.denominator != null && part.numerator > part.denominator) {
    throw new RangeError(`${where}: numerator ${part.numerator} is greater than denominator ${part.denominator}`);
  }
}

/** A combination of the parts that can be combined, saying which could not and why. */
export type PartialAggregate = Aggregate & {
  /** How many parts the value was combined from. */
  combined: number;
  /** The parts left out (by index), each with the reason; empty when every part was combined. */
  leftOut: { index: number; reason: string }[];
};

/**
 * Like aggregate, but a part that cannot be combined with the others (a share given without its counts, a
 * mean without its sample size, a blank) is left out and named, instead of blanking the whole: the value
 * then covers the other parts only, and the caller must say so. Medians are still never combined.
 */
export function aggregateWhatCan(computation: Computation, parts: readonly Part[]): PartialAggregate {
  parts.forEach(assertPart);
  const leftOut: { index: number; reason: string }[] = [];
  const kept: Part[] = [];
  if (parts.length > 1 && computation !== 'median') {
    parts.forEach((part, index) => {
      const reason = exclusionReason(computation, part);
      if (reason === null) kept.push(part);
      else leftOut.push({ index, reason });
    });
  } else kept.push(...parts);
  if (kept.length === 0) {
    return {
      ...blank(parts, 'none of the results can be combined: ' + leftOut.map((l) => l.reason).join('; ')),
      combined: 0,
      leftOut,
    };
  }
  return { ...aggregate(computation, kept), combined: kept.length, leftOut };
}

function exclusionReason(computation: Computation, part: Part): string | null {
  if (computation === 'share_meeting_threshold') {
    if (part.numerator == null || part.denominator == null) {
      return part.value === null
        ? 'it is blank'
        : 'it gives a percentage without the counts behind it, and percentages are never averaged';
    }
    return null;
  }
  if (computation === 'mean') {
    const weight = part.sampleSize ?? part.denominator ?? null;
    if (part.value === null) return weight === 0 ? null : 'it is blank';
    if (weight === null) return 'it has no sample size, and means are combined weighted by sample size';
    return null;
  }
  if (computation === 'total') return part.value === null ? 'it is blank (a blank is not 0)' : null;
  return null;
}
