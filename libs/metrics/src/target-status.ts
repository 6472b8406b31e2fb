// Status of a result against its target. The rule is published on the methodology page, so
// describeStatusRule must say exactly what evaluateStatus does.
import type { Direction, TargetStatus, Unit } from '@yardstick/contracts';
import { unitValueProblem, type ValueRange } from './units.js';

/** One target value, or an inclusive range for `within_range` measures. */
export type Target = { value: number } | { min: number; max: number };

/**
 * How far short of the target still counts as `near`. `relative` is a percent of the target
 * value (of the range width for a range), so a target of 0 has no near band.
 */
export type Tolerance = { kind: 'absolute'; amount: number } | { kind: 'relative'; percent: number };

/** Used when a standard does not configure its own tolerance. */
export const DEFAULT_TOLERANCE: Tolerance = { kind: 'relative', percent: 5 };

/** Relative slack on the near band's edge, far below any precision a result is reported with. */
const BAND_SLACK = 1e-9;

export type StatusInput = {
  value: number | null;
  target: Target | null;
  direction: Direction;
  /** Undefined: DEFAULT_TOLERANCE. Null: no near band. */
  tolerance?: Tolerance | null;
  /** False for a period whose result is not due yet: a blank then is not_applicable, not no_data. */
  due?: boolean;
  /**
   * The source's own rounding rule, when a standard declares one: the value is rounded to this many
   * decimals (half to even) before it is compared. Undefined or null: the exact value is compared.
   */
  rounding?: number | null;
};

/**
 * met, near, not_met; no_data for a blank that is due; not_applicable without a target.
 * Throws RangeError for non-finite numbers, a range with min > max, a negative tolerance, or a
 * target whose shape does not fit the direction.
 */
export function evaluateStatus(input: StatusInput): TargetStatus {
  const { value, target, direction } = input;
  if (target === null) return 'not_applicable';
  const band = toleranceAmount(target, direction, input.tolerance);
  if (value === null) return input.due === false ? 'not_applicable' : 'no_data';
  assertFinite(value, 'Result value');
  const shortfall = shortfallFrom(target, direction, roundForComparison(value, input.rounding));
  if (shortfall <= 0) return 'met';
  if (band === 0) return 'not_met';
  // Decimal inputs meet binary rounding: 4 - 3.9 is 0.10000000000000009, which must still count as
  // 0.1 short. The slack depends on the target only, so the status stays monotonic in the value.
  const slack = BAND_SLACK * (band + ('value' in target ? Math.abs(target.value) : Math.max(-target.min, target.max)));
  return shortfall <= band + slack ? 'near' : 'not_met';
}

/**
 * The width of the near band for this target, in the measure's unit (0 when there is none), so
 * a chart can draw it. Validates like evaluateStatus.
 */
export function toleranceAmount(
  target: Target,
  direction: Direction,
  tolerance: Tolerance | null | undefined = DEFAULT_TOLERANCE,
): number {
  assertTarget(target, direction);
  if (tolerance === null) return 0;
  assertTolerance(tolerance);
  if (tolerance.kind === 'absolute') return tolerance.amount;
  const base = 'value' in target ? Math.abs(target.value) : target.max - target.min;
  // Multiply before dividing so whole-number targets and percents give exact bands (5% of 90 = 4.5).
  return (tolerance.percent * base) / 100;
}

/**
 * One plain-English sentence for the public methodology page. Pass the measure's unit to name
 * an absolute tolerance in it ("2 percentage points", "3 days").
 */
export function describeStatusRule(
  direction: Direction,
  tolerance: Tolerance | null | undefined = DEFAULT_TOLERANCE,
  unit?: Unit,
  rounding?: number | null,
): string {
  const rule = statusRuleSentence(direction, tolerance, unit);
  if (rounding === undefined || rounding === null) return rule;
  assertRounding(rounding);
  const example = unit === 'percent' && rounding === 2 ? ' (99.996% counts as 100%)' : '';
  return `${rule} The result is first rounded to ${rounding} decimal${rounding === 1 ? '' : 's'}, half to even${example}, as the source of the figures rounds it.`;
}

function statusRuleSentence(direction: Direction, tolerance: Tolerance | null, unit: Unit | undefined): string {
  if (tolerance !== null) assertTolerance(tolerance);
  const hasBand = tolerance !== null && (tolerance.kind === 'absolute' ? tolerance.amount : tolerance.percent) > 0;
  const ofWhat = direction === 'within_range' ? 'the range width' : 'the target';
  const by =
    tolerance === null || !hasBand
      ? ''
      : tolerance.kind === 'absolute'
        ? formatAmount(tolerance.amount, unit)
        : `${formatNumber(tolerance.percent)}% of ${ofWhat}`;
  switch (direction) {
    case 'higher_is_better':
      return sentence('at or above the target', hasBand ? `below the target by no more than ${by}` : null);
    case 'lower_is_better':
      return sentence('at or below the target', hasBand ? `above the target by no more than ${by}` : null);
    case 'within_range':
      return sentence(
        'between the minimum and the maximum of the target range, inclusive',
        hasBand ? `outside the range by no more than ${by}` : null,
      );
    default:
      throw unknownDirection(direction);
  }
}

/**
 * The value as a source rounds it before comparing: to `decimals` decimals, half to even (0.90625 to 4
 * decimals is 0.9062). Undefined or null returns the value unchanged.
 */
export function roundForComparison(value: number, decimals: number | null | undefined): number {
  if (decimals === undefined || decimals === null) return value;
  assertRounding(decimals);
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  // Binary fractions land a hair off .5 (0.90625 * 10000 is exact, 1.005 * 100 is not): within 1e-9 is a tie.
  const rounded = Math.abs(rest - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return rounded / factor;
}

function assertRounding(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`Rounding must be a whole number of decimals from 0 to 10, got ${String(decimals)}`);
  }
}

/** A target's figures as stored or sent: a value, or a range's min and max. */
export type TargetFigures = { value: number | null; min: number | null; max: number | null };

export type TargetProblem = { field: 'value' | 'minValue' | 'maxValue' | 'baseline'; value?: number; reason: string };

/**
 * Every rule a target must meet for a standard measured this way, each problem naming its field: the
 * one check of the API's PUT /targets and of every import, so that nothing stored is refused on read.
 */
export function targetProblems(
  direction: Direction,
  unit: Unit,
  figures: TargetFigures & { baseline?: number | null },
  declared?: ValueRange | null,
): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const { value, min, max } = figures;
  if (direction === 'within_range') {
    if (min === null) problems.push({ field: 'minValue', reason: 'is required for a within-range measure' });
    if (max === null) problems.push({ field: 'maxValue', reason: 'is required for a within-range measure' });
    if (value !== null) {
      problems.push({
        field: 'value',
        reason: 'must be left out for a within-range measure: give minValue and maxValue',
      });
    }
    if (min !== null && max !== null && min > max) {
      problems.push({ field: 'minValue', value: min, reason: `must not be above maxValue (${max})` });
    }
  } else {
    if (value === null) problems.push({ field: 'value', reason: 'is required' });
    if (min !== null || max !== null)
      problems.push({ field: 'minValue', reason: 'applies only to within-range measures' });
  }
  for (const [field, n] of [
    ['value', value],
    ['minValue', min],
    ['maxValue', max],
    ['baseline', figures.baseline ?? null],
  ] as const) {
    if (n === null) continue;
    const problem = unitValueProblem(unit, n, declared);
    if (problem) problems.push({ field, value: n, reason: problem });
  }
  return problems;
}

/**
 * The target to compare results with, from stored figures; a target that cannot be used (a within-range
 * target without min and max, stored before the rules said so) is reported, never thrown, so a read
 * still answers.
 */
export function usableTarget(
  direction: Direction,
  figures: TargetFigures,
): { target: Target; problem: null } | { target: null; problem: string } {
  if (direction === 'within_range') {
    if (figures.min === null || figures.max === null || figures.min > figures.max) {
      return { target: null, problem: 'the target range has no minimum and maximum, so results are not assessed' };
    }
    return { target: { min: figures.min, max: figures.max }, problem: null };
  }
  if (figures.value === null) return { target: null, problem: 'the target has no value, so results are not assessed' };
  return { target: { value: figures.value }, problem: null };
}

/** How far the value falls short of the target in the bad direction; 0 or less means met. */
function shortfallFrom(target: Target, direction: Direction, value: number): number {
  if ('value' in target) return direction === 'higher_is_better' ? target.value - value : value - target.value;
  if (value < target.min) return target.min - value;
  if (value > target.max) return value - target.max;
  return 0;
}

function sentence(met: string, near: string | null): string {
  return near === null
    ? `Met when the result is ${met}; otherwise not met.`
    : `Met when the result is ${met}; near when it is ${near}; otherwise not met.`;
}

const UNIT_WORDS: Partial<Record<Unit, [string, string]>> = {
  percent: ['percentage point', 'percentage points'],
  days: ['day', 'days'],
  hours: ['hour', 'hours'],
  minutes: ['minute', 'minutes'],
  score: ['point', 'points'],
};

function formatAmount(amount: number, unit: Unit | undefined): string {
  if (unit === 'currency') return `$${formatNumber(amount)}`;
  const words = unit === undefined ? undefined : UNIT_WORDS[unit];
  if (words === undefined) return formatNumber(amount);
  return `${formatNumber(amount)} ${amount === 1 ? words[0] : words[1]}`;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function assertTarget(target: Target, direction: Direction): void {
  if (direction === 'within_range') {
    if (!('min' in target) || !('max' in target)) {
      throw new RangeError('A within_range measure needs a target with min and max');
    }
    assertFinite(target.min, 'Target min');
    assertFinite(target.max, 'Target max');
    if (target.min > target.max) {
      throw new RangeError(`Target range min ${target.min} is greater than its max ${target.max}`);
    }
  } else if (direction === 'higher_is_better' || direction === 'lower_is_better') {
    if (!('value' in target)) throw new RangeError(`A ${direction} measure needs a single target value`);
    assertFinite(target.value, 'Target value');
  } else {
    throw unknownDirection(direction);
  }
}

function assertTolerance(tolerance: Tolerance): void {
  if (tolerance.kind !== 'absolute' && tolerance.kind !== 'relative') {
    throw new RangeError(`Unknown tolerance kind ${JSON.stringify((tolerance as { kind: unknown }).kind)}`);
  }
  const amount = tolerance.kind === 'absolute' ? tolerance.amount : tolerance.percent;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Tolerance must be a finite number of 0 or more, got ${String(amount)}`);
  }
}

function assertFinite(n: number, what: string): void {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new RangeError(`${what} must be a finite number, got ${n}`);
}

function unknownDirection(direction: never): RangeError {
  return new RangeError(`Unknown direction ${JSON.stringify(direction)}`);
}

/** How a standard decides a status, as stored on its version. */
export type StatusRule = {
  direction: Direction;
  /** Width of the near band in the unit; null: DEFAULT_TOLERANCE. */
  nearTolerance: number | null;
  /** The source's rounding rule (decimals, half to even); null or absent: exact. */
  resultRounding?: number | null;
  unit?: Unit;
};

function ruleTolerance(rule: StatusRule): Tolerance | undefined {
  return rule.nearTolerance === null ? undefined : { kind: 'absolute', amount: rule.nearTolerance };
}

/**
 * A result's status against a stored target, by the standard's stored rule: what every page and list
 * shows. A stored target that cannot be used gives not_applicable (no target to assess against), never
 * an exception, so that one bad row cannot break a read.
 */
export function statusAgainst(
  rule: StatusRule,
  target: TargetFigures | null,
  value: number | null,
  due?: boolean,
): TargetStatus {
  const usable = target === null ? null : usableTarget(rule.direction, target).target;
  return evaluateStatus({
    value,
    target: usable,
    direction: rule.direction,
    tolerance: ruleTolerance(rule),
    rounding: rule.resultRounding ?? null,
    ...(due === undefined ? {} : { due }),
  });
}

/** The rule statusAgainst applies, in words. */
export function describeRule(rule: StatusRule): string {
  return describeStatusRule(rule.direction, ruleTolerance(rule), rule.unit, rule.resultRounding ?? null);
}
