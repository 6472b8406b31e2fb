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
import { Notice } from '@/components/ui/page';
import { useAdminAgencies, useUpdateAgency } from '../api/admin';

const LABELS = { agencyId: 'Agency', agencyStartMonth: 'Fiscal year starts in' };

/** January to December, for the month an agency's fiscal year starts in. */
export const FISCAL_YEAR_START_OPTIONS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: `${formatMonthName(i + 1)}${i + 1 === DEFAULT_FISCAL_YEAR_START_MONTH ? ' (US federal fiscal year)' : ''}`,
}));

/** "FY2027: October 2026 to September 2027": the fiscal year today is in, by an agency's start month. */
export const currentFiscalYearOf = (startMonth: number): string => {
  const calendar = fiscalCalendar(startMonth);
  const fiscalYear = fiscalYearOf(new Date(), calendar);
  return `FY${fiscalYear}: ${formatFiscalYearSpan(fiscalYear, calendar)}`;
};

/** The month an agency's fiscal year starts in: an administrator changes it before the agency has results. */
export const AgencyFiscalYearForm = () => {
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
