import { formatMeasure, formatTarget } from '@yardstick/metrics';
import type { StandardTrendBody, TargetStatus, TrendPointBody, Unit } from '@yardstick/contracts';
import { ChartFigure } from '@/components/charts/chart-figure';
import type { ChartConfig } from '@/components/charts/chart-types';
import { CsvButton } from '@/components/ui/csv';
import { STATUS_LABELS, StatusTag } from '@/components/ui/status-tag';

const fmt = formatMeasure;

const targetText = (p: TrendPointBody, unit: Unit) =>
  formatTarget({ value: p.target, minValue: p.targetMin, maxValue: p.targetMax }, unit, 'none');

/** A standard's results over time, with its target, its benchmarks and, for surveys, the margin of error. */
export const TrendChart = ({ trend }: { trend: StandardTrendBody }) => {
  const { points, unit } = trend;
  const known = points.filter((p) => p.value !== null);
  const last = known.at(-1);
  const met = points.filter((p) => p.status === 'met').length;
  const withInterval = points.some((p) => p.lower !== null);
  const summary = last
    ? `${points.length} results from ${points[0]!.label} to ${points.at(-1)!.label}. The latest, ${last.label}, is ${fmt(last.value, unit)} against a target of ${targetText(last, unit)} (${STATUS_LABELS[last.status].toLowerCase()}). ${met} of ${points.length} met their target.${
        trend.benchmarks.length
          ? ` Benchmark: ${trend.benchmarks.map((b) => `${b.name} ${fmt(b.value, unit)} (${b.year})`).join('; ')}.`
          : ''
      }`
    : 'No result has been recorded yet.';
  const config: ChartConfig = {
    value: { label: 'Result', kind: 'line', color: 'primary' },
    target: { label: 'Target', kind: 'step', color: 'target' },
    ...(withInterval
      ? {
          lower: { label: '95% margin of error, low', kind: 'line', color: 'accent' },
          upper: { label: '95% margin of error, high', kind: 'line', color: 'accent' },
        }
      : {}),
  };
  const number = (v: unknown) => fmt(typeof v === 'number' ? v : null, unit);
  return (
    <>
      <ChartFigure
        title={`${trend.code}: results against target`}
        summary={
          <>
            <p>{summary}</p>
            {trend.marginOfError ? <p className="font-body-2xs">Margin of error: {trend.marginOfError}</p> : null}
          </>
        }
        data={points.map((p) => ({
          label: p.label,
          value: p.value,
          target: p.target ?? p.targetMax,
          targetText: targetText(p, unit),
          status: p.status,
          lower: p.lower,
          upper: p.upper,
          certified: p.certified ? 'Yes' : 'Not yet',
        }))}
        xKey="label"
        config={config}
        references={trend.benchmarks.map((b) => ({ label: `${b.name} (${b.year})`, value: b.value }))}
        formatValue={(v) => fmt(v, unit)}
        columns={[
          { key: 'label', label: 'Period' },
          { key: 'value', label: 'Result', format: number },
          { key: 'targetText', label: 'Target' },
          { key: 'status', label: 'Status', format: (v) => <StatusTag status={v as TargetStatus} /> },
          ...(withInterval
            ? [
                { key: 'lower', label: '95% margin of error, low', format: number },
                { key: 'upper', label: '95% margin of error, high', format: number },
              ]
            : []),
          { key: 'certified', label: 'Certified' },
        ]}
      />
      <CsvButton<TrendPointBody>
        fileName={`${trend.code}-trend.csv`}
        rows={points}
        label="Download the trend as CSV"
        columns={[
          { header: 'period', value: (p) => p.periodKey },
          { header: 'value', value: (p) => p.value },
          { header: 'target', value: (p) => p.target },
          { header: 'target_min', value: (p) => p.targetMin },
          { header: 'target_max', value: (p) => p.targetMax },
          { header: 'status', value: (p) => p.status },
          { header: 'ci_lower', value: (p) => p.lower },
          { header: 'ci_upper', value: (p) => p.upper },
          { header: 'sample_size', value: (p) => p.sampleSize },
          { header: 'certified', value: (p) => p.certified },
        ]}
      />
    </>
  );
};
