import type { RoleAssignmentBody, UserBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { type FieldErrors } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/form-field';
import { useForm } from '@/components/ui/use-form';
import { Notice, QueryState } from '@/components/ui/page';
import { useAdminAgencies, useCreateUser, useUpdateUser, useUsers } from '../api/admin';
import { ROLE_LABELS, RolesEditor } from './roles-editor';
import { TableBox } from '@/components/ui/table-box';

const LABELS = { email: 'Email address', name: 'Full name', password: 'Password', 'new-roles': 'Roles' };

const NewUserForm = ({ onDone }: { onDone: (text: string) => void }) => {
  const agencies = useAdminAgencies();
  const create = useCreateUser();
  const { form, setForm, field, errors, check, fail, summary } = useForm(LABELS, {
    email: '',
    name: '',
    password: '',
  });
  const [roles, setRoles] = useState<RoleAssignmentBody[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = 'Enter an email address like name@agency.gov';
    if (!form.name.trim()) found.name = 'Enter the person’s name';
    if (form.password && form.password.length < 12)
      found.password = 'Use 12 characters or more, or leave it blank for single sign-on';
    if (!check(found)) return;
    try {
      const user = await create.mutateAsync({
        email: form.email.trim(),
        name: form.name.trim(),
        ...(form.password ? { password: form.password } : {}),
        roles,
      });
      setForm({ email: '', name: '', password: '' });
      setRoles([]);
      onDone(`Account created for ${user.email}.`);
    } catch (error) {
      fail(error, { roles: 'new-roles' });
    }
  };
  return (
    <>
      {summary}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...field('email')} type="email" required />
        <TextField {...field('name')} required />
        <TextField
          {...field('password')}
          type="password"
          autoComplete="new-password"
          hint="12 characters or more. Leave blank for an account that signs in only through single sign-on."
        />
        <RolesEditor
          idPrefix="new"
          roles={roles}
          agencies={agencies.data?.items ?? []}
          onChange={setRoles}
          error={errors['new-roles']}
        />
        <button type="submit" className="usa-button" disabled={create.isPending}>
          Create account
        </button>
      </form>
    </>
  );
};

const EditUser = ({ user, onDone }: { user: UserBody; onDone: (text: string) => void }) => {
  const agencies = useAdminAgencies();
  const update = useUpdateUser();
  const [roles, setRoles] = useState(user.roles);
  const [problem, setProblem] = useState<string | null>(null);
  const save = (change: { roles?: RoleAssignmentBody[]; active?: boolean }, text: string) =>
    update.mutateAsync({ id: user.id, ...change }).then(
      () => onDone(text),
      (error: unknown) =>
        setProblem(apiErrorToForm(error).general ?? Object.values(apiErrorToForm(error).fieldErrors).join('; ')),
    );
  return (
    <div className="border-1px border-base-lighter padding-2 margin-y-2">
      <h3 className="margin-top-0">Edit {user.name}</h3>
      {problem ? <Notice type="error">{problem}</Notice> : null}
      <RolesEditor
        idPrefix={`edit-${user.id}`}
        roles={roles}
        agencies={agencies.data?.items ?? []}
        onChange={setRoles}
      />
      <div className="usa-button-group">
        <button
          type="button"
          className="usa-button"
          onClick={() => void save({ roles }, `Roles of ${user.email} saved.`)}
        >
          Save roles
        </button>
        <button
          type="button"
          className="usa-button usa-button--secondary"
          onClick={() =>
            void save(
              { active: !user.active },
              `${user.email} ${user.active ? 'deactivated: their sessions have ended' : 'reactivated'}.`,
            )
          }
        >
          {user.active ? 'Deactivate account' : 'Reactivate account'}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => onDone('')}>
          Close
        </button>
      </div>
    </div>
  );
};

export const UsersAdmin = () => {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const users = useUsers(search);
  const agencies = useAdminAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const agencyName = (id: string | null) =>
    id === null ? 'all agencies' : (agencies.data?.items.find((a) => a.id === id)?.abbreviation ?? id);
  const done = (text: string) => {
    setEditing(null);
    if (text) setNotice(text);
  };
  return (
    <>
      {notice ? <Notice type="success">{notice}</Notice> : null}
      <form
        className="usa-search usa-search--small margin-bottom-2"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label className="usa-sr-only" htmlFor="user-search">
          Find people by name or email
        </label>
        <input className="usa-input" id="user-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button className="usa-button" type="submit">
          <span className="usa-search__submit-text">Search</span>
        </button>
      </form>
      <QueryState isPending={users.isPending} error={users.error} what="accounts">
        {() => (
          <TableBox label="Table of accounts">
            <table className="usa-table usa-table--striped width-full">
              <caption>Accounts ({users.data!.total})</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Active</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {users.data!.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.email}</td>
                    <td>
                      {u.roles.map((r) => `${ROLE_LABELS[r.role]} (${agencyName(r.agencyId)})`).join('; ') || 'None'}
                    </td>
                    <td>{u.active ? 'Yes' : 'No, deactivated'}</td>
                    <td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString('en-US') : 'Never'}</td>
                    <td>
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() => setEditing(u.id)}
                      >
                        Edit <span className="usa-sr-only">{u.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </QueryState>
      {editing && users.data ? (
        <EditUser key={editing} user={users.data.items.find((u) => u.id === editing)!} onDone={done} />
      ) : null}
      <h2>Create an account</h2>
      <NewUserForm onDone={done} />
    </>
  );
};
