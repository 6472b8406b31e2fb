import { MACHINE_PERMISSIONS, type Permission, type CreatedTokenBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { type FieldErrors } from '@/components/ui/error-summary';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/form-field';
import { useForm } from '@/components/ui/use-form';
import { Notice, QueryState } from '@/components/ui/page';
import { useAdminAgencies, useCreateToken, useRevokeToken, useTokens } from '../api/admin';

const LABELS = {
  tokenName: 'Name',
  tokenKind: 'Kind',
  tokenAgency: 'Agency',
  tokenPermissions: 'Permissions',
  tokenExpires: 'Expires on',
};
const PERMISSION_LABELS: Record<string, string> = {
  'results:write': 'Record results',
  'registry:read': 'Read the registry',
};

/** Machine clients and tokens: created here and shown once, listed with their last use, revocable. */
export const TokensAdmin = () => {
  const tokens = useTokens();
  const agencies = useAdminAgencies();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const { form, setForm, field, errors, check, fail, summary } = useForm(LABELS, {
    tokenName: '',
    tokenKind: 'machine',
    tokenAgency: '',
    tokenExpires: '',
  });
  const [permissions, setPermissions] = useState<string[]>(['results:write']);
  const [created, setCreated] = useState<CreatedTokenBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const agencyName = (id: string | null) =>
    id ? (agencies.data?.items.find((a) => a.id === id)?.abbreviation ?? id) : '-';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.tokenName.trim())
      found.tokenName = 'Name the token after what uses it, e.g. “Case system nightly upload”';
    const machine = form.tokenKind === 'machine';
    if (machine && !form.tokenAgency) found.tokenAgency = 'Choose the agency the machine client works for';
    if (machine && permissions.length === 0) found.tokenPermissions = 'Choose at least one permission';
    if (form.tokenExpires && !/^\d{4}-\d{2}-\d{2}$/.test(form.tokenExpires))
      found.tokenExpires = 'Enter a date like 2027-06-30';
    setCreated(null);
    if (!check(found)) return;
    try {
      const token = await create.mutateAsync({
        name: form.tokenName.trim(),
        kind: machine ? 'machine' : 'personal',
        ...(machine ? { agencyId: form.tokenAgency, permissions: permissions as Permission[] } : {}),
        ...(form.tokenExpires ? { expiresAt: `${form.tokenExpires}T23:59:59Z` } : {}),
      });
      setCreated(token);
      setForm({ tokenName: '', tokenKind: 'machine', tokenAgency: '', tokenExpires: '' });
    } catch (error) {
      fail(error, {
        name: 'tokenName',
        agencyId: 'tokenAgency',
        permissions: 'tokenPermissions',
        expiresAt: 'tokenExpires',
      });
    }
  };

  return (
    <>
      {notice ? <Notice type="success">{notice}</Notice> : null}
      <QueryState isPending={tokens.isPending} error={tokens.error} what="tokens">
        {() => (
          <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Table of tokens">
            <table className="usa-table usa-table--striped">
              <caption>Tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Permissions</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data!.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{t.kind === 'machine' ? 'Machine client' : 'Personal'}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{agencyName(t.agencyId)}</td>
                    <td>{t.permissions.map((p) => PERMISSION_LABELS[p] ?? p).join(', ') || 'Its user’s'}</td>
                    <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString('en-US') : 'Never'}</td>
                    <td>
                      {t.revokedAt ? (
                        `Revoked ${new Date(t.revokedAt).toLocaleDateString('en-US')}`
                      ) : (
                        <button
                          type="button"
                          className="usa-button usa-button--unstyled"
                          onClick={() =>
                            revoke.mutateAsync(t.id).then(() => setNotice(`${t.name} revoked: it no longer works.`))
                          }
                        >
                          Revoke <span className="usa-sr-only">{t.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <h2>Create a token</h2>
      {created ? (
        <div className="usa-alert usa-alert--warning" role="alert" data-testid="new-token">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">Copy the token now: it will not be shown again</h3>
            <p className="usa-alert__text">
              {created.name}: <code className="text-bold">{created.token}</code>
            </p>
            <p className="usa-alert__text">
              Programs send it as <code>Authorization: Bearer &lt;token&gt;</code>.
            </p>
          </div>
        </div>
      ) : null}
      {summary}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...field('tokenName')} required />
        <SelectField
          {...field('tokenKind')}
          required
          placeholder={null}
          options={[
            { value: 'machine', label: 'Machine client (one agency)' },
            { value: 'personal', label: 'Personal (acts as you)' },
          ]}
        />
        {form.tokenKind === 'machine' ? (
          <>
            <SelectField
              {...field('tokenAgency')}
              required
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
            <CheckboxGroup
              legend={LABELS.tokenPermissions}
              required
              hint="Choose at least one."
              name="tokenPermissions"
              options={MACHINE_PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABELS[p] ?? p }))}
              value={permissions}
              onChange={setPermissions}
              error={errors.tokenPermissions}
            />
          </>
        ) : null}
        <TextField {...field('tokenExpires')} type="date" />
        <button type="submit" className="usa-button" disabled={create.isPending}>
          Create token
        </button>
      </form>
    </>
  );
};
