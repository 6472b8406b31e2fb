// Survey scores with their margins of error (A-11 Section 280 questions), so a dashboard can
// say when a missed target is within the margin of error. Counts are whole numbers of respondents;
// a blank count makes the score blank rather than counting as 0.

/** An interval estimate; the scale is the estimate's own (fraction, percent or 1-5 score). */
export type Interval = { lower: number; upper: number };

export type LikertPoint = 1 | 2 | 3 | 4 | 5;
/** Answers per point of a 1-5 scale (FY2019-23 questions, and trust from FY2024). */
export type LikertCounts = Readonly<Record<LikertPoint, number | null>>;
/** Thumbs up / down answers (trust, FY2024 on). */
export type ThumbsCounts = Readonly<{ up: number | null; down: number | null }>;
export type AnswerCounts = LikertCounts | ThumbsCounts;

/** Share of positive answers (4 or 5, or thumbs up) as a percent 0-100, with its interval in percent. */
export type PercentPositive = { percent: number; lower: number; upper: number; respondents: number };

/** Mean on the 1-5 scale. The interval is null with a single respondent (no spread to measure). */
export type LikertMean = { mean: number; lower: number | null; upper: number | null; respondents: number };

export const DEFAULT_CONFIDENCE = 0.95;

const LIKERT_POINTS: readonly LikertPoint[] = [1, 2, 3, 4, 5];

/**
 * Wilson score interval for a proportion, as fractions 0-1. Unlike the textbook p ± z·se it
 * stays inside [0, 1] and is not zero-width at 0% or 100%, which matters for small samples.
 * Null when n is 0; RangeError for negative, fractional or inconsistent counts.
 */
export function wilsonInterval(successes: number, n: number, confidence = DEFAULT_CONFIDENCE): Interval | null {
  assertCount(successes, 'Successes');
  assertCount(n, 'Respondents');
  if (successes > n) throw new RangeError(`Successes (${successes}) cannot exceed respondents (${n})`);
  const z = zFor(confidence);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const center = (successes + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
  // The clamps only absorb rounding: the interval always holds p and lies in [0, 1].
  return {
    lower: successes === 0 ? 0 : Math.min(Math.max(center - half, 0), p),
    upper: successes === n ? 1 : Math.max(Math.min(center + half, 1), p),
  };
}

/** Percent positive with its Wilson interval. Null when there are no respondents or a count is blank. */
export function percentPositive(counts: AnswerCounts, confidence = DEFAULT_CONFIDENCE): PercentPositive | null {
  const tally = positiveTally(counts);
  if (tally === null) return null;
  const interval = wilsonInterval(tally.positive, tally.respondents, confidence);
  if (interval === null) return null;
  return {
    percent: (tally.positive / tally.respondents) * 100,
    lower: interval.lower * 100,
    upper: interval.upper * 100,
    respondents: tally.respondents,
  };
}

/**
 * Mean score with a Student t interval (n - 1 degrees of freedom) from the sample standard
 * deviation; t rather than z because quarterly samples per channel are often small. Clamped to
 * the 1-5 scale. Null when there are no respondents or a count is blank.
 */
export function likertMean(counts: LikertCounts, confidence = DEFAULT_CONFIDENCE): LikertMean | null {
  assertConfidence(confidence);
  const answers = LIKERT_POINTS.map((point) => [point, counts[point]] as const);
  for (const [point, count] of answers) if (count !== null) assertCount(count, `Answers of ${point}`);
  if (answers.some(([, count]) => count === null)) return null;
  const known = answers as readonly (readonly [LikertPoint, number])[];
  const n = known.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const mean = known.reduce((sum, [point, count]) => sum + point * count, 0) / n;
  if (n === 1) return { mean, lower: null, upper: null, respondents: n };
  const variance = known.reduce((sum, [point, count]) => sum + count * (point - mean) ** 2, 0) / (n - 1);
  const half = (studentTQuantile((1 + confidence) / 2, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return {
    mean,
    lower: Math.min(Math.max(mean - half, 1), mean),
    upper: Math.max(Math.min(mean + half, 5), mean),
    respondents: n,
  };
}

/**
 * True when the target lies inside the interval (edges included): the estimate cannot be told
 * apart from the target, so a miss is within the margin of error. Use the same scale for both.
 */
export function withinMarginOfError(estimate: Interval, target: number): boolean {
  const { lower, upper } = estimate;
  for (const [name, n] of [
    ['Lower bound', lower],
    ['Upper bound', upper],
    ['Target', target],
  ] as const) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new RangeError(`${name} must be a finite number, got ${n}`);
  }
  if (lower > upper) throw new RangeError(`Lower bound ${lower} is above upper bound ${upper}`);
  return lower <= target && target <= upper;
}

/**
 * Quantile of the standard normal distribution, by Acklam's rational approximation (relative
 * error below 1.2e-9). p must be strictly between 0 and 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Probability must be between 0 and 1 exclusive, got ${p}`);
  if (p < P_LOW) return lowerTail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -lowerTail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * Quantile of Student's t distribution with a whole number of degrees of freedom. Exact (the
 * closed-form CDF for whole degrees, inverted by bisection) up to 200 degrees; above that the
 * Cornish-Fisher expansion, whose error there is far below 1e-9.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Probability must be between 0 and 1 exclusive, got ${p}`);
  if (!Number.isSafeInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError(`Degrees of freedom must be a whole number of 1 or more, got ${degreesOfFreedom}`);
  }
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  if (p === 0.5) return 0;
  if (degreesOfFreedom > 200) return cornishFisherT(normalQuantile(p), degreesOfFreedom);
  const want = 2 * p - 1;
  let low = 0;
  let high = 1;
  while (tCentralProbability(high, degreesOfFreedom) < want) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Infinity;
  }
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const mid = (low + high) / 2;
    if (tCentralProbability(mid, degreesOfFreedom) < want) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

function positiveTally(counts: AnswerCounts): { positive: number; respondents: number } | null {
  if ('up' in counts) {
    const { up, down } = counts;
    if (up !== null) assertCount(up, 'Thumbs up');
    if (down !== null) assertCount(down, 'Thumbs down');
    if (up === null || down === null) return null;
    return { positive: up, respondents: up + down };
  }
  let respondents = 0;
  let positive = 0;
  let blank = false;
  for (const point of LIKERT_POINTS) {
    const count = counts[point];
    if (count === null) {
      blank = true;
      continue;
    }
    assertCount(count, `Answers of ${point}`);
    respondents += count;
    if (point >= 4) positive += count;
  }
  return blank ? null : { positive, respondents };
}

/** P(|T| <= t) for t >= 0, Abramowitz & Stegun 26.7.3-4 (finite sums for whole degrees). */
function tCentralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos = Math.cos(theta);
  const cos2 = cos * cos;
  if (df % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= (df - 2) / 2; k++) {
      term *= (cos2 * (2 * k - 1)) / (2 * k);
      sum += term;
    }
    return sin * sum;
  }
  if (df === 1) return (2 / Math.PI) * theta;
  let term = cos;
  let sum = cos;
  for (let k = 1; k <= (df - 3) / 2; k++) {
    term *= (cos2 * (2 * k)) / (2 * k + 1);
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * sum);
}

/** t quantile from the normal one, to order 1/df^4 (Abramowitz & Stegun 26.7.5). */
function cornishFisherT(z: number, df: number): number {
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

const P_LOW = 0.02425;
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

function lowerTail(q: number): number {
  const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
  const [d0, d1, d2, d3] = ACKLAM_D;
  return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
}

function zFor(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile((1 + confidence) / 2);
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`Confidence must be between 0 and 1 exclusive (0.95 for 95%), got ${confidence}`);
  }
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number of 0 or more, got ${n}`);
}
