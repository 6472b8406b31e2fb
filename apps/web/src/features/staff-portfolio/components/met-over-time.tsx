import type { PortfolioMetPointBody } from '@yardstick/contracts';
import { ChartFigure } from '@/components/charts/chart-figure';
import { CsvButton } from '@/components/ui/csv';

const pct = (share: number | null) => (share === null ? 'none assessed' : `${share.toFixed(1)}%`);

/**
 * Share of targets met, quarter by quarter: met over assessed standards, never an average of percentages; a
 * quarter reported in part is left out (counted as partial), not compared with complete ones.
 */
export const MetOverTime = ({ points }: { points: PortfolioMetPointBody[] }) => {
  const assessed = points.filter((p) => p.share !== null);
  const first = assessed[0];
  const last = assessed.at(-1);
  const summary =
    first && last
      ? `${pct(last.share)} of assessed targets were met in ${last.label} (${last.met} of ${last.assessed}), against ${pct(first.share)} in ${first.label}.`
      : 'No target could be assessed in these quarters.';
  return (
    <>
      <ChartFigure
        title="Share of targets met, by quarter"
        summary={<p>{summary}</p>}
        data={points.map((p) => ({
          label: p.label,
          share: p.share,
          met: p.met,
          assessed: p.assessed,
          partial: p.partial,
        }))}
        xKey="label"
        config={{ share: { label: 'Share of targets met', kind: 'bar', color: 'primary' } }}
        formatValue={(v) => `${v.toFixed(0)}%`}
        yDomain={[0, 100]}
        columns={[
          { key: 'label', label: 'Quarter' },
          { key: 'met', label: 'Met' },
          { key: 'assessed', label: 'Assessed' },
          { key: 'partial', label: 'Partial, left out' },
          { key: 'share', label: 'Share met', format: (v) => pct(typeof v === 'number' ? v : null) },
        ]}
      />
      <CsvButton<PortfolioMetPointBody>
        fileName="targets-met-by-quarter.csv"
        rows={points}
        label="Download “Share of targets met” as CSV"
        columns={[
          { header: 'period', value: (p) => p.periodKey },
          { header: 'met', value: (p) => p.met },
          { header: 'assessed', value: (p) => p.assessed },
          { header: 'partial_left_out', value: (p) => p.partial },
          { header: 'share_met_percent', value: (p) => (p.share === null ? '' : p.share.toFixed(2)) },
        ]}
      />
    </>
  );
};
