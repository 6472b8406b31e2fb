import type { PortfolioMetPointBody } from '@yardstick/contracts';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CsvButton } from '@/components/ui/csv';
import { ChartFigure } from './chart-figure';

const pct = (share: number | null) => (share === null ? 'none assessed' : `${share.toFixed(1)}%`);

/** Share of targets met, quarter by quarter: met over assessed standards, never an average of percentages. */
export const MetOverTime = ({ points }: { points: PortfolioMetPointBody[] }) => {
  const assessed = points.filter((p) => p.share !== null);
  const first = assessed[0];
  const last = assessed.at(-1);
  const summary =
    first && last
      ? `${pct(last.share)} of assessed targets were met in ${last.label} (${last.met} of ${last.assessed}), against ${pct(first.share)} in ${first.label}.`
      : 'No target could be assessed in these quarters.';
  return (
    <ChartFigure
      title="Share of targets met, by quarter"
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points.map((p) => ({ ...p, share: p.share ?? 0 }))} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <Bar dataKey="share" fill="#005ea2" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      actions={
        <CsvButton<PortfolioMetPointBody>
          fileName="targets-met-by-quarter.csv"
          rows={points}
          label="Download “Share of targets met” as CSV"
          columns={[
            { header: 'period', value: (p) => p.periodKey },
            { header: 'met', value: (p) => p.met },
            { header: 'assessed', value: (p) => p.assessed },
            { header: 'share_met_percent', value: (p) => (p.share === null ? '' : p.share.toFixed(2)) },
          ]}
        />
      }
      table={
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">Share of targets met, by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="text-right">
                Met
              </th>
              <th scope="col" className="text-right">
                Assessed
              </th>
              <th scope="col" className="text-right">
                Share met
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.periodKey}>
                <th scope="row">{p.label}</th>
                <td className="text-right">{p.met}</td>
                <td className="text-right">{p.assessed}</td>
                <td className="text-right">{pct(p.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
};
