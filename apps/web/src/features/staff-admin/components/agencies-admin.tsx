import {
  DEFAULT_FISCAL_YEAR_START_MONTH,
  formatFiscalYearSpan,
  formatMonthName,
  fiscalCalendar,
  fiscalYearOf,
} from '@yardstick/metrics';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/form-field';
import { Notice, QueryState } from '@/components/ui/page';
import { useAdminAgencies, useUpdateAgency } from '../api/admin';

const LABELS = { agencyId: 'Agency', agencyStartMonth: 'Fiscal year starts in' };

/** January to December, for the month an agency's fiscal year starts in. */
export const FISCAL_YEAR_START_OPTIONS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: `${formatMonthName(i + 1)}${i + 1 === DEFAULT_FISCAL_YEAR_START_MONTH ? ' (US federal fiscal year)' : ''}`,
}));

const currentYear = (startMonth: number): string => {
  const calendar = fiscalCalendar(startMonth);
  const fiscalYear = fiscalYearOf(new Date(), calendar);
  return `FY${fiscalYear}: ${formatFiscalYearSpan(fiscalYear, calendar)}`;
};

/** Each agency's fiscal year: when it starts, and what its current year runs; an administrator changes it. */
export const AgenciesAdmin = () => {
  const agencies = useAdminAgencies();
  const update = useUpdateAgency();
  const [form, setForm] = useState({ agencyId: '', agencyStartMonth: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = agencies.data?.items ?? [];

  const choose = (agencyId: string) => {
    const agency = items.find((a) => a.id === agencyId);
    setForm({ agencyId, agencyStartMonth: agency ? String(agency.fiscalYearStartMonth) : '' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.agencyId) found.agencyId = 'Choose the agency';
    if (!form.agencyStartMonth) found.agencyStartMonth = 'Choose the month its fiscal year starts in';
    setErrors(found);
    setGeneral(null);
    setNotice(null);
    if (Object.keys(found).length > 0) return;
    try {
      const saved = await update.mutateAsync({
        id: form.agencyId,
        fiscalYearStartMonth: Number(form.agencyStartMonth),
      });
      setNotice(`${saved.name}: its fiscal year starts in ${formatMonthName(saved.fiscalYearStartMonth)}.`);
    } catch (error) {
      const r = apiErrorToForm(error, { fiscalYearStartMonth: 'agencyStartMonth' });
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  return (
    <>
      {notice ? <Notice type="success">{notice}</Notice> : null}
      <QueryState isPending={agencies.isPending} error={agencies.error} what="agencies">
        {() => (
          <table className="usa-table usa-table--striped usa-table--stacked">
            <caption>Agencies and their fiscal years</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Fiscal year starts in</th>
                <th scope="col">Current fiscal year</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row" data-label="Agency">
                    {a.name} ({a.abbreviation})
                  </th>
                  <td data-label="Fiscal year starts in">{formatMonthName(a.fiscalYearStartMonth)}</td>
                  <td data-label="Current fiscal year">{currentYear(a.fiscalYearStartMonth)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <h2>Change an agency’s fiscal year</h2>
      <p>
        Results are dated in their agency’s fiscal year, so the start month can change only before the agency has
        results. A fiscal year is named after the year it ends in: with April, 2023-24 is FY2024.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          label={LABELS.agencyId}
          name="agencyId"
          required
          value={form.agencyId}
          onChange={choose}
          error={errors.agencyId}
          options={items.map((a) => ({ value: a.id, label: `${a.name} (${a.abbreviation})` }))}
        />
        <SelectField
          label={LABELS.agencyStartMonth}
          name="agencyStartMonth"
          required
          value={form.agencyStartMonth}
          onChange={(value) => setForm((f) => ({ ...f, agencyStartMonth: value }))}
          error={errors.agencyStartMonth}
          options={FISCAL_YEAR_START_OPTIONS}
        />
        <button type="submit" className="usa-button" disabled={update.isPending}>
          Save
        </button>
      </form>
    </>
  );
};
