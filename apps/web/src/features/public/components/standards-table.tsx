import type { PublicStandardSummary } from '@yardstick/contracts';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { DIMENSION_LABELS, formatMeasure, formatTarget } from './format';
import { StatusTag } from '@/components/ui/status-tag';

export type StandardsTableProps = {
  caption: string;
  standards: PublicStandardSummary[];
  showService?: boolean;
  showAgency?: boolean;
};

/** Standards with their latest certified result, target and status; scrolls sideways on a phone. */
export const StandardsTable = ({
  caption,
  standards,
  showService = false,
  showAgency = false,
}: StandardsTableProps) => (
  <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={caption}>
    <table className="usa-table usa-table--striped usa-table--compact width-full">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Standard</th>
          {showAgency ? <th scope="col">Agency</th> : null}
          {showService ? <th scope="col">Service</th> : null}
          <th scope="col">Kind</th>
          <th scope="col">Latest result</th>
          <th scope="col">Target</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {standards.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link to={paths.standard.to(s.agency.slug, s.code)}>{s.title}</Link>
              <div className="font-body-3xs text-base-dark text-normal">{s.statement}</div>
            </th>
            {showAgency ? (
              <td>
                <Link to={paths.agency.to(s.agency.slug)}>{s.agency.abbreviation}</Link>
              </td>
            ) : null}
            {showService ? (
              <td>
                <Link to={paths.service.to(s.service.slug)}>{s.service.name}</Link>
              </td>
            ) : null}
            <td>{DIMENSION_LABELS[s.dimension]}</td>
            <td>
              {s.latest ? (
                <>
                  {formatMeasure(s.latest.value, s.unit)}
                  <div className="font-body-3xs text-base-dark">{s.latest.periodLabel}</div>
                </>
              ) : (
                'No certified result yet'
              )}
              {s.awaitingCertification ? (
                <div className="font-body-3xs text-base-dark">
                  {s.awaitingCertification.periodLabel}: result awaiting certification
                </div>
              ) : null}
            </td>
            <td>{s.latest ? formatTarget(s.latest.target, s.unit) : '–'}</td>
            <td>
              <StatusTag status={s.latest?.status ?? 'no_data'} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
