import type { StandardTrendBody, TrendPointBody } from '@yardstick/contracts';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CsvButton } from '@/components/ui/csv';
import { STATUS_LABELS, StatusTag } from '@/components/ui/status-tag';
import { ChartFigure } from './chart-figure';

const fmt = (value: number | null, unit: string) =>
  value === null
    ? 'not known'
    : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit === 'percent' ? '%' : ` ${unit}`}`;

const targetText = (p: TrendPointBody, unit: string) =>
  p.target !== null
    ? fmt(p.target, unit)
    : p.targetMin !== null
      ? `${fmt(p.targetMin, unit)} to ${fmt(p.targetMax, unit)}`
      : 'none';

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
  const data = points.map((p) => ({
    ...p,
    targetLine: p.target ?? p.targetMax,
    band: p.lower !== null && p.upper !== null ? [p.lower, p.upper] : null,
  }));
  return (
    <ChartFigure
      title={`${trend.code}: results against target`}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} unit={unit === 'percent' ? '%' : ''} domain={['auto', 'auto']} />
            {withInterval ? <Area dataKey="band" stroke="none" fill="#97d4ea" isAnimationActive={false} /> : null}
            <Line dataKey="value" stroke="#005ea2" strokeWidth={2} dot isAnimationActive={false} connectNulls={false} />
            <Line
              dataKey="targetLine"
              stroke="#1b1b1b"
              strokeDasharray="6 4"
              dot={false}
              type="stepAfter"
              isAnimationActive={false}
            />
            {trend.benchmarks.map((b) => (
              <ReferenceLine
                key={b.id}
                y={b.value}
                stroke="#8b0a03"
                strokeDasharray="2 2"
                label={{ value: b.name, fontSize: 11, position: 'insideTopLeft' }}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      }
      actions={
        <>
          <p className="font-body-2xs">
            Solid line: result. Dashed line: target.
            {trend.benchmarks.length ? ' Dotted line: benchmark.' : ''}
            {withInterval ? ' Shaded band: 95% margin of error.' : ''}
            {trend.marginOfError ? ` ${trend.marginOfError}` : ''}
          </p>
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
      }
      table={
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">Results of {trend.code} by period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Result</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              {withInterval ? <th scope="col">95% margin of error</th> : null}
              <th scope="col">Certified</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.periodKey}>
                <th scope="row">{p.label}</th>
                <td>{fmt(p.value, unit)}</td>
                <td>{targetText(p, unit)}</td>
                <td>
                  <StatusTag status={p.status} />
                </td>
                {withInterval ? (
                  <td>{p.lower !== null ? `${fmt(p.lower, unit)} to ${fmt(p.upper, unit)}` : '-'}</td>
                ) : null}
                <td>{p.certified ? 'Yes' : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
};
