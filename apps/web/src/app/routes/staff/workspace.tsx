import { Link } from 'react-router';
import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';

type Task = { to: string; label: string; text: string };

/** The signed-in person's tasks, by role. */
export const StaffWorkspaceRoute = () => {
  const { data: user } = useSession();
  const tasks: Task[] = [];
  if (can(user, 'registry:write'))
    tasks.push({
      to: staffPaths.services,
      label: 'Services',
      text: 'The services your agency provides, their customers and channels.',
    });
  if (can(user, 'registry:read'))
    tasks.push({
      to: staffPaths.standards,
      label: 'Standards',
      text: can(user, 'registry:write')
        ? 'Write standards, set targets and benchmarks, submit them for review.'
        : 'Every standard, drafts included, with its targets, benchmarks, results and versions.',
    });
  if (can(user, 'results:write'))
    tasks.push({
      to: staffPaths.imports,
      label: 'Import results',
      text: 'Upload a CSV or Excel file of results; check it before importing.',
    });
  if (can(user, 'registry:read'))
    tasks.push({
      to: staffPaths.due,
      label: 'Results due and overdue',
      text: 'Periods that have ended without a result.',
    });
  if (can(user, 'standards:publish') || can(user, 'results:certify'))
    tasks.push({
      to: staffPaths.reviews,
      label: 'Review queue',
      text: 'Publish standards and certify results, or return them with a comment.',
    });
  if (can(user, 'registry:read'))
    tasks.push({
      to: staffPaths.portfolio,
      label: 'Portfolio',
      text: 'Status of every standard by agency, service and dimension, and trends.',
    });
  if (can(user, 'users:manage'))
    tasks.push({ to: staffPaths.users, label: 'Users', text: 'Accounts, roles and agency scopes.' });
  if (can(user, 'tokens:manage'))
    tasks.push({ to: staffPaths.tokens, label: 'Tokens', text: 'Machine clients and API tokens: create, and revoke.' });
  if (can(user, 'agencies:manage'))
    tasks.push({
      to: staffPaths.catalog,
      label: 'Open data catalog',
      text: 'Agencies’ OMB bureau and program codes and public contact, for data.json.',
    });
  if (can(user, 'audit:read'))
    tasks.push({ to: staffPaths.audit, label: 'Audit trail', text: 'Who changed what, and when.' });

  return (
    <StaffPage title="Staff workspace" intro={user ? `Welcome, ${user.name}.` : undefined}>
      {tasks.length === 0 ? (
        <p>Your account has no role yet. Ask an administrator to give you one.</p>
      ) : (
        <ul className="usa-card-group">
          {tasks.map((task) => (
            <li className="usa-card tablet:grid-col-4" key={task.to}>
              <div className="usa-card__container">
                <div className="usa-card__header">
                  <h2 className="usa-card__heading">
                    <Link to={task.to}>{task.label}</Link>
                  </h2>
                </div>
                <div className="usa-card__body">
                  <p>{task.text}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </StaffPage>
  );
};
