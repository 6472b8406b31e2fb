import { formatMeasure } from '@yardstick/metrics';
import { PORTFOLIO_STATE_LABELS, type PortfolioBody, type PortfolioRowBody } from '@yardstick/contracts';
import { Link } from 'react-router';
import { CsvButton } from '@/components/ui/csv';
import { StateTag } from '@/components/ui/status-tag';
import { staffPaths } from '@/config/staff-paths';

/** Standards by period, each cell labelled with its status in words (and coloured as well). */
export const StandardsGrid = ({ portfolio }: { portfolio: PortfolioBody }) => (
  <>
    <div
      className="usa-table-container--scrollable"
      tabIndex={0}
      role="region"
      aria-label="Table: standards by quarter"
    >
      <table className="usa-table usa-table--compact">
        <caption>Status of each standard by quarter, and for {portfolio.periodLabel}</caption>
        <thead>
          <tr>
            <th scope="col">Standard</th>
            <th scope="col">Agency</th>
            {portfolio.columns.map((c) => (
              <th scope="col" key={c.periodKey}>
                {c.label}
              </th>
            ))}
            <th scope="col">{portfolio.periodLabel}</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.rows.map((row) => (
            <tr key={row.standardId}>
              <th scope="row">
                <Link to={staffPaths.trend(row.standardId)}>{row.code}</Link> {row.title}
              </th>
              <td>{row.agencyName}</td>
              {[...row.cells, row.current].map((cell, i) => (
                <td key={i} title={cell.note ?? undefined}>
                  <StateTag state={cell.state} />
                  {cell.value !== null ? (
                    <div className="font-body-3xs">{formatMeasure(cell.value, row.unit)}</div>
                  ) : null}
                  {cell.note ? <div className="font-body-3xs text-base-dark">{cell.note}</div> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <CsvButton<PortfolioRowBody>
      fileName={`standards-by-quarter-${portfolio.periodKey}.csv`}
      rows={portfolio.rows}
      label="Download “Standards by quarter” as CSV"
      columns={[
        { header: 'code', value: (r) => r.code },
        { header: 'title', value: (r) => r.title },
        { header: 'agency', value: (r) => r.agencyName },
        { header: 'service', value: (r) => r.serviceName },
        { header: 'dimension', value: (r) => r.dimension },
        ...portfolio.columns.flatMap((c, i) => [
          {
            header: `${c.periodKey}_status`,
            value: (r: PortfolioRowBody) => PORTFOLIO_STATE_LABELS[r.cells[i]!.state],
          },
          { header: `${c.periodKey}_value`, value: (r: PortfolioRowBody) => r.cells[i]!.value },
        ]),
        { header: `${portfolio.periodKey}_status`, value: (r) => PORTFOLIO_STATE_LABELS[r.current.state] },
        { header: `${portfolio.periodKey}_value`, value: (r) => r.current.value },
      ]}
    />
  </>
);
