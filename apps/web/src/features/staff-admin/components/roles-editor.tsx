import { ROLES, type AgencyBody, type Role, type RoleAssignmentBody } from '@yardstick/contracts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  performance_officer: 'Performance officer',
  approver: 'Approver',
  program_manager: 'Program manager',
};

/** Roles, each for one agency (and its bureaus) or for all; administrators and program managers may have all. */
export const RolesEditor = ({
  idPrefix,
  roles,
  agencies,
  onChange,
  error,
}: {
  idPrefix: string;
  roles: RoleAssignmentBody[];
  agencies: AgencyBody[];
  onChange: (roles: RoleAssignmentBody[]) => void;
  error?: string;
}) => {
  const update = (i: number, change: Partial<RoleAssignmentBody>) =>
    onChange(roles.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset
      className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}
      id={`field-${idPrefix}-roles`}
      tabIndex={-1}
    >
      <legend className="usa-legend">Roles</legend>
      {error ? (
        <span className="usa-error-message" id={`field-${idPrefix}-roles-error`}>
          {error}
        </span>
      ) : null}
      {roles.length === 0 ? <p className="usa-hint">No role: the account can sign in but do nothing.</p> : null}
      {roles.map((r, i) => (
        <div className="grid-row grid-gap-1 flex-align-end" key={i}>
          <div className="grid-col-5">
            <label className="usa-label" htmlFor={`${idPrefix}-role-${i}`}>
              Role {i + 1}
            </label>
            <select
              className="usa-select"
              id={`${idPrefix}-role-${i}`}
              value={r.role}
              onChange={(e) => update(i, { role: e.target.value as Role })}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <div className="grid-col-5">
            <label className="usa-label" htmlFor={`${idPrefix}-agency-${i}`}>
              Agency for role {i + 1}
            </label>
            <select
              className="usa-select"
              id={`${idPrefix}-agency-${i}`}
              value={r.agencyId ?? ''}
              onChange={(e) => update(i, { agencyId: e.target.value || null })}
            >
              <option value="">All agencies</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="grid-col-2">
            <button
              type="button"
              className="usa-button usa-button--unstyled margin-bottom-1"
              onClick={() => onChange(roles.filter((_, j) => j !== i))}
            >
              Remove <span className="usa-sr-only">role {i + 1}</span>
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="usa-button usa-button--outline margin-top-2"
        onClick={() => onChange([...roles, { role: 'performance_officer', agencyId: agencies[0]?.id ?? null }])}
      >
        Add a role
      </button>
    </fieldset>
  );
};
