import type { WorkItemBody } from '@yardstick/contracts';
import { Link } from 'react-router';
import { QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { useWorkspace } from '@/features/staff-notifications/api/notifications';
import { formatDate } from '@/features/public/components/format';

/** One list of the to-do: its count in the heading, each item linking to the page that resolves it. */
const WorkList = ({
  id,
  heading,
  empty,
  items,
}: {
  id: string;
  heading: string;
  empty: string;
  items: WorkItemBody[];
}) => (
  <section aria-labelledby={id} className="margin-bottom-3">
    <h2 id={id}>
      {heading} <span className="usa-tag">{items.length}</span>
    </h2>
    {items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul className="usa-list">
        {items.slice(0, 50).map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            <Link to={item.staffUrl}>{item.title}</Link>, {item.periodLabel}
            {item.dueDate ? `, due ${formatDate(item.dueDate)}` : ''}
            {item.comment ? (
              <>
                : <q>{item.comment}</q>
              </>
            ) : null}
          </li>
        ))}
        {items.length > 50 ? <li>and {items.length - 50} more</li> : null}
      </ul>
    )}
  </section>
);

/** What to do next: overdue, due soon, returned with a comment (officers), waiting for review (approvers). */
const NextSteps = () => {
  const { data: user } = useSession();
  const work = useWorkspace();
  const officer = can(user, 'results:write');
  const approver = can(user, 'results:certify');
  if (!officer && !approver) return null;
  return (
    <QueryState isPending={work.isPending} error={work.error} what="what to do next">
      {() => {
        const w = work.data!;
        const parts = [
          officer
            ? `${w.counts.overdue} overdue, ${w.counts.dueSoon} due in the next 30 days, ${w.counts.returned} returned to you`
            : null,
          approver ? `${w.counts.awaitingReview} waiting for your review` : null,
        ].filter(Boolean);
        return (
          <>
            <p className="usa-intro" role="status">
              What to do next: {parts.join('; ')}.
            </p>
            {officer ? (
              <>
                <WorkList id="work-overdue" heading="Overdue" empty="Nothing is overdue." items={w.overdue} />
                <WorkList
                  id="work-due"
                  heading="Due in the next 30 days"
                  empty="Nothing is due in the next 30 days."
                  items={w.dueSoon}
                />
                <WorkList
                  id="work-returned"
                  heading="Returned to you with a comment"
                  empty="Nothing was returned to you."
                  items={w.returned}
                />
              </>
            ) : null}
            {approver ? (
              <WorkList
                id="work-review"
                heading="Waiting for your review"
                empty="Nothing waits for your review."
                items={w.awaitingReview}
              />
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
};

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
  if (can(user, 'users:manage'))
    tasks.push({
      to: staffPaths.outbox,
      label: 'Messages and outbox',
      text: 'Reminders sent, failed or waiting; turn a kind off.',
    });
  if (user)
    tasks.push({ to: staffPaths.settings, label: 'E-mail settings', text: 'Which reminders and digests you get.' });

  return (
    <StaffPage title="Staff workspace" intro={user ? `Welcome, ${user.name}.` : undefined}>
      <NextSteps />
      {tasks.length === 0 ? (
        <p>Your account has no role yet. Ask an administrator to give you one.</p>
      ) : (
        <section aria-labelledby="tools-heading">
          <h2 id="tools-heading">Everything you can do</h2>
          <ul className="usa-card-group">
            {tasks.map((task) => (
              <li className="usa-card tablet:grid-col-4" key={task.to}>
                <div className="usa-card__container">
                  <div className="usa-card__header">
                    <h3 className="usa-card__heading">
                      <Link to={task.to}>{task.label}</Link>
                    </h3>
                  </div>
                  <div className="usa-card__body">
                    <p>{task.text}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </StaffPage>
  );
};
