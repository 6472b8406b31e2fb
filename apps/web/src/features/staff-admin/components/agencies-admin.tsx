import type { AgencyBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { SelectField, TextField } from '@/components/ui/form-field';
import { FocusedNotice, QueryState } from '@/components/ui/page';
import { formatMonthName } from '@yardstick/metrics';
import { useAdminAgencies, useCreateAgency } from '../api/admin';
import { AgencyFiscalYearForm, currentFiscalYearOf } from './agency-fiscal-year';

const LABELS = {
  agencyName: 'Name',
  agencyAbbreviation: 'Abbreviation',
  agencySlug: 'Address name (slug)',
  agencyParent: 'Department it belongs to',
  agencyWebsite: 'Website',
};
type Field = keyof typeof LABELS;
const EMPTY: Record<Field, string> = {
  agencyName: '',
  agencyAbbreviation: '',
  agencySlug: '',
  agencyParent: '',
  agencyWebsite: '',
};
/** The API's field names, to put its errors on the right inputs. */
const API_FIELDS: Record<string, Field> = {
  name: 'agencyName',
  abbreviation: 'agencyAbbreviation',
  slug: 'agencySlug',
  parentId: 'agencyParent',
  websiteUrl: 'agencyWebsite',
};

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** Departments and the bureaus under them: the list, and a form to add one (administrators). */
export const AgenciesAdmin = () => {
  const agencies = useAdminAgencies();
  const create = useCreateAgency();
  const [form, setForm] = useState(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = agencies.data?.items ?? [];
  const nameOf = (id: string | null) => items.find((a) => a.id === id)?.name ?? '';
  const set = (name: Field) => (value: string) =>
    setForm((f) => ({
      ...f,
      [name]: value,
      ...(name === 'agencyName' && !slugTouched ? { agencySlug: slugOf(value) } : {}),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (form.agencyName.trim().length < 2) found.agencyName = 'Enter the agency’s name';
    if (!/^[A-Z][A-Z0-9-]{0,19}$/.test(form.agencyAbbreviation))
      found.agencyAbbreviation = 'Enter 1 to 20 capital letters, digits or hyphens, like SSA';
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(form.agencySlug))
      found.agencySlug = 'Enter lower-case letters and digits joined by hyphens, like social-security';
    if (form.agencyWebsite && !/^https?:\/\/\S+$/.test(form.agencyWebsite))
      found.agencyWebsite = 'Enter a web address starting with https://';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    try {
      const agency: AgencyBody = await create.mutateAsync({
        name: form.agencyName.trim(),
        abbreviation: form.agencyAbbreviation,
        slug: form.agencySlug,
        parentId: form.agencyParent || null,
        websiteUrl: form.agencyWebsite || null,
      });
      setForm(EMPTY);
      setSlugTouched(false);
      setNotice(`${agency.name} (${agency.abbreviation}) created.`);
    } catch (error) {
      const mapped = apiErrorToForm(error, API_FIELDS);
      setErrors(mapped.fieldErrors);
      setGeneral(mapped.general);
    }
  };

  return (
    <>
      {notice ? (
        <FocusedNotice type="success" focusKey={notice}>
          {notice}
        </FocusedNotice>
      ) : null}
      <QueryState isPending={agencies.isPending} error={agencies.error} what="agencies">
        {() => (
          <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Table of agencies">
            <table className="usa-table usa-table--striped">
              <caption>Agencies and their fiscal years</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Abbreviation</th>
                  <th scope="col">Department</th>
                  <th scope="col">Fiscal year starts in</th>
                  <th scope="col">Current fiscal year</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td>{a.abbreviation}</td>
                    <td>{a.parentId ? nameOf(a.parentId) : 'A department'}</td>
                    <td>{formatMonthName(a.fiscalYearStartMonth)}</td>
                    <td>{currentFiscalYearOf(a.fiscalYearStartMonth)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <h2>Add an agency</h2>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="agencyName"
          label={LABELS.agencyName}
          required
          value={form.agencyName}
          onChange={set('agencyName')}
          error={errors.agencyName}
        />
        <TextField
          name="agencyAbbreviation"
          label={LABELS.agencyAbbreviation}
          required
          hint="Capital letters, digits or hyphens, like SSA: files name the agency by it."
          value={form.agencyAbbreviation}
          onChange={set('agencyAbbreviation')}
          error={errors.agencyAbbreviation}
        />
        <TextField
          name="agencySlug"
          label={LABELS.agencySlug}
          required
          hint="Its part of public addresses, like social-security."
          value={form.agencySlug}
          onChange={(value) => {
            setSlugTouched(true);
            set('agencySlug')(value);
          }}
          error={errors.agencySlug}
        />
        <SelectField
          name="agencyParent"
          label={LABELS.agencyParent}
          placeholder="- None: it is a department -"
          value={form.agencyParent}
          onChange={set('agencyParent')}
          error={errors.agencyParent}
          options={items.filter((a) => !a.parentId).map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField
          name="agencyWebsite"
          label={LABELS.agencyWebsite}
          type="url"
          value={form.agencyWebsite}
          onChange={set('agencyWebsite')}
          error={errors.agencyWebsite}
        />
        <button type="submit" className="usa-button" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Create agency'}
        </button>
      </form>
      <AgencyFiscalYearForm />
    </>
  );
};
