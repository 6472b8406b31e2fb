import type { AgencyBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { FormField } from '@/components/ui/form-field';
import { FocusedNotice, QueryState } from '@/components/ui/page';
import { TableBox } from '@/components/ui/table-box';
import { useAdminAgencies, useUpdateAgencyCatalog } from '../api/admin';

const LABELS = {
  bureauCode: 'OMB bureau code',
  programCodes: 'Program codes',
  contactEmail: 'Contact e-mail',
};

/** What data.json needs of an agency (DCAT-US 1.1 requires all three); a bureau may take its department's. */
const missing = (a: AgencyBody, parent: AgencyBody | undefined): string[] =>
  [
    !(a.bureauCode ?? parent?.bureauCode) && 'bureau code',
    !(a.programCodes.length || parent?.programCodes.length) && 'program code',
    !(a.contactEmail ?? parent?.contactEmail) && 'contact',
  ].filter((m): m is string => Boolean(m));

const CatalogForm = ({ agency, onSaved }: { agency: AgencyBody; onSaved: (name: string) => void }) => {
  const update = useUpdateAgencyCatalog();
  const [bureauCode, setBureauCode] = useState(agency.bureauCode ?? '');
  const [programCodes, setProgramCodes] = useState(agency.programCodes.join(', '));
  const [contactEmail, setContactEmail] = useState(agency.contactEmail ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: agency.id,
        bureauCode: bureauCode.trim() || null,
        programCodes: programCodes
          .split(/[\s,]+/)
          .map((c) => c.trim())
          .filter(Boolean),
        contactEmail: contactEmail.trim() || null,
      },
      {
        onSuccess: () => onSaved(agency.name),
        onError: (error) => {
          const r = apiErrorToForm(error);
          setErrors(r.fieldErrors);
          setGeneral(r.general);
        },
      },
    );
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <h2>{agency.name}</h2>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <FormField
        label={LABELS.bureauCode}
        name="bureauCode"
        hint="Agency and bureau, e.g. 016:00"
        error={errors.bureauCode}
      >
        {(control) => (
          <input
            {...control}
            className="usa-input usa-input--small"
            value={bureauCode}
            onChange={(e) => setBureauCode(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={LABELS.programCodes}
        name="programCodes"
        hint="Federal Program Inventory codes, agency and program, separated by commas, e.g. 016:000, 016:001"
        error={errors.programCodes}
      >
        {(control) => (
          <input
            {...control}
            className="usa-input"
            value={programCodes}
            onChange={(e) => setProgramCodes(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={LABELS.contactEmail}
        name="contactEmail"
        hint="Published in data.json and on the accessibility and privacy pages"
        error={errors.contactEmail}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            className="usa-input"
            value={contactEmail}
            onChange={(e) => setContactEmail(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="usa-button" disabled={update.isPending}>
        Save {agency.abbreviation}
      </button>
    </form>
  );
};

/** Each agency's OMB codes and public contact: what the open data catalog (data.json) publishes for it. */
export const CatalogAdmin = () => {
  const agencies = useAdminAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <QueryState isPending={agencies.isPending} error={agencies.error} what="agencies">
      {() => {
        const items = agencies.data!.items;
        const byId = new Map(items.map((a) => [a.id, a]));
        const agency = editing ? byId.get(editing) : undefined;
        return (
          <>
            {notice ? <FocusedNotice type="success">{notice}</FocusedNotice> : null}
            <TableBox label="Table of agencies in the open data catalog">
              <table className="usa-table usa-table--striped width-full">
                <caption>Agencies ({agencies.data!.total})</caption>
                <thead>
                  <tr>
                    <th scope="col">Agency</th>
                    <th scope="col">Bureau code</th>
                    <th scope="col">Program codes</th>
                    <th scope="col">Contact</th>
                    <th scope="col">In data.json</th>
                    <th scope="col">
                      <span className="usa-sr-only">Edit</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => {
                    const gaps = missing(a, a.parentId ? byId.get(a.parentId) : undefined);
                    return (
                      <tr key={a.id}>
                        <th scope="row">{a.name}</th>
                        <td>{a.bureauCode ?? '–'}</td>
                        <td>{a.programCodes.join(', ') || '–'}</td>
                        <td>{a.contactEmail ?? '–'}</td>
                        <td>
                          {gaps.length ? `No: needs a ${gaps.join(', a ')}` : 'Yes, with its published standards'}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="usa-button usa-button--unstyled"
                            onClick={() => {
                              setNotice(null);
                              setEditing(a.id);
                            }}
                          >
                            Edit<span className="usa-sr-only"> {a.name}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableBox>
            {agency ? (
              <CatalogForm
                key={agency.id}
                agency={agency}
                onSaved={(name) => {
                  setEditing(null);
                  setNotice(`Saved the catalog details of ${name}.`);
                }}
              />
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
};
