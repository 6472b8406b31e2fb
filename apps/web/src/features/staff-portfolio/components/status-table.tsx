import { PORTFOLIO_STATE_LABELS, PORTFOLIO_STATES, type PortfolioGroupBody } from '@yardstick/contracts';
import { CsvButton } from '@/components/ui/csv';

/** Counts of each state (status, or why there is none yet), one row a group (agency, service or dimension), with a total column; downloadable. */
export const StatusTable = ({
  caption,
  groupLabel,
  groups,
  fileName,
}: {
  caption: string;
  groupLabel: string;
  groups: PortfolioGroupBody[];
  fileName: string;
}) => (
  <>
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={`Table: ${caption}`}>
      <table className="usa-table usa-table--compact usa-table--striped table-dense">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {PORTFOLIO_STATES.map((s) => (
              <th scope="col" key={s} className="text-right">
                {PORTFOLIO_STATE_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="text-right">
              Standards
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              {PORTFOLIO_STATES.map((s) => (
                <td key={s} className="text-right">
                  {g.states[s]}
                </td>
              ))}
              <td className="text-right">{PORTFOLIO_STATES.reduce((n, s) => n + g.states[s], 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <CsvButton<PortfolioGroupBody>
      fileName={fileName}
      rows={groups}
      label={`Download “${caption}” as CSV`}
      columns={[
        { header: groupLabel.toLowerCase(), value: (g) => g.label },
        ...PORTFOLIO_STATES.map((s) => ({ header: s, value: (g: PortfolioGroupBody) => g.states[s] })),
      ]}
    />
  </>
);
