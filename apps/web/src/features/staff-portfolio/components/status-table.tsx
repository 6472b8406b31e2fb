import { TARGET_STATUSES, type PortfolioGroupBody } from '@yardstick/contracts';
import { CsvButton } from '@/components/ui/csv';
import { STATUS_LABELS } from '@/components/ui/status-tag';

/** Status counts, one row a group (agency, service or dimension), with a total column; downloadable. */
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
      <table className="usa-table usa-table--compact usa-table--striped">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {TARGET_STATUSES.map((s) => (
              <th scope="col" key={s} className="text-right">
                {STATUS_LABELS[s]}
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
              {TARGET_STATUSES.map((s) => (
                <td key={s} className="text-right">
                  {g.counts[s]}
                </td>
              ))}
              <td className="text-right">{TARGET_STATUSES.reduce((n, s) => n + g.counts[s], 0)}</td>
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
        ...TARGET_STATUSES.map((s) => ({ header: s, value: (g: PortfolioGroupBody) => g.counts[s] })),
      ]}
    />
  </>
);
