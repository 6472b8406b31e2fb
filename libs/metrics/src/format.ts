// Figures and statuses in words, the same on the public pages, in the PDF report and in the staff app.
import type { TargetStatus, Unit } from '@yardstick/contracts';

/** Status in words: the site never shows a status by colour alone. */
export const STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Met',
  near: 'Near target',
  not_met: 'Not met',
  no_data: 'No data',
  not_applicable: 'No target',
};

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `91.2%`, `38 days`, `4.1 of 5`, `$12.50`, `1,234`; a blank is "not known", never 0. */
export function formatMeasure(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not known';
  const n = numberFormat.format(value);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'currency':
      return `$${n}`;
    case 'score':
      return `${n} of 5`;
    case 'count':
      return n;
    default:
      return `${n} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
  }
}

/**
 * A change between two figures in the standard's unit, signed: `+3.5 percentage points` for percents (a change
 * of 91% to 94.5% is not a 3.5% change), `+0.3 points` on a 1-5 score, `−2 days`, `no change`; a blank is "not known".
 */
export function formatChange(change: number | null | undefined, unit: Unit): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return 'not known';
  const rounded = Math.round(change * 100) / 100;
  if (rounded === 0) return 'no change';
  const sign = rounded > 0 ? '+' : '−';
  const size = Math.abs(rounded);
  const points = `${numberFormat.format(size)} ${unit === 'percent' ? 'percentage ' : ''}point${size === 1 ? '' : 's'}`;
  if (unit === 'percent' || unit === 'score') return `${sign}${points}`;
  return `${sign}${formatMeasure(size, unit)}`;
}
