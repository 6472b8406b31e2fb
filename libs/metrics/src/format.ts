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
