import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FocusedNotice, QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import {
  useEmployeeFeedback,
  useEmployeeFeedbackStep,
  usePlan,
  usePlans,
  usePlanStep,
} from '@/features/staff-plans/api/plans';
import { EmployeeFeedbackForm } from '@/features/staff-plans/components/employee-feedback-form';
import { PlanForm } from '@/features/staff-plans/components/plan-form';
import { useAgencies, useServices, useStandards } from '@/features/staff-registry/api/registry';
import { isApiError } from '@/lib/api-client';

const STATUS_WORDS = { draft: 'Draft', in_review: 'In review', published: 'Published' } as const;

/** The agencies and standards a plan may name, for the form's choices. */
const useChoices = () => {
  const agencies = useAgencies();
  const standards = useStandards({ pageSize: 100 });
  return {
    agencies: (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
    agencyName: (id: string) => agencies.data?.items.find((a) => a.id === id)?.name ?? '',
    standardsOf: (agencyId: string) =>
      (standards.data?.items ?? [])
        .filter((s) => s.agencyId === agencyId)
        .map((s) => ({ value: s.id, label: `${s.current.title} (${s.code})` })),
  };
};

export const PlansRoute = () => {
  const { data: user } = useSession();
  const plans = usePlans();
  const { agencyName } = useChoices();
  return (
    <StaffPage
      title="Customer Service Plans"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Each agency's plan for a fiscal year (Executive Order 13571): written here, submitted for review, published by an approver."
    >
      {can(user, 'registry:write') ? (
        <p>
          <Link className="usa-button" to={staffPaths.newPlan}>
            Write a plan
          </Link>
        </p>
      ) : null}
      <QueryState isPending={plans.isPending} error={plans.error} what="plans">
        {() => (
          <table className="usa-table usa-table--striped width-full">
            <caption>Plans ({plans.data!.total})</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Fiscal year</th>
                <th scope="col">Status</th>
                <th scope="col">Pending change</th>
              </tr>
            </thead>
            <tbody>
              {plans.data!.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={staffPaths.plan(p.id)}>{agencyName(p.agencyId) || 'Plan'}</Link>
                  </th>
                  <td>FY{p.fiscalYear}</td>
                  <td>{STATUS_WORDS[p.status]}</td>
                  <td>{p.pending ? `Version ${p.pending.version}, ${p.pending.status.replace('_', ' ')}` : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </StaffPage>
  );
};

export const NewPlanRoute = () => {
  const navigate = useNavigate();
  const { agencies, standardsOf } = useChoices();
  return (
    <StaffPage
      title="Write a plan"
      breadcrumbs={[
        { label: 'Workspace', to: staffPaths.root },
        { label: 'Plans', to: staffPaths.plans },
      ]}
    >
      <PlanForm
        agencies={agencies}
        standardsOf={standardsOf}
        onDone={(plan) => void navigate(staffPaths.plan(plan.id))}
      />
    </StaffPage>
  );
};

export const PlanRoute = () => {
  const { id = '' } = useParams();
  const { data: user } = useSession();
  const plan = usePlan(id);
  const step = usePlanStep();
  const { agencies, agencyName, standardsOf } = useChoices();
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const run = async (which: 'submit' | 'publish') => {
    try {
      const saved = await step.mutateAsync({ id, step: which });
      await plan.refetch();
      setNotice({
        type: 'success',
        text:
          which === 'submit'
            ? 'Plan submitted for review.'
            : `Plan published: version ${saved.current.version} is public.`,
      });
    } catch (error) {
      const details = isApiError(error) ? error.details.map((d) => d.field).filter(Boolean) : [];
      setNotice({
        type: 'error',
        text: `${isApiError(error) ? error.message : 'Something went wrong.'}${details.length ? ` (${details.join(', ')})` : ''}`,
      });
    }
  };
  const title = plan.data ? `Plan of ${agencyName(plan.data.agencyId)}, FY${plan.data.fiscalYear}` : 'Plan';
  const pending = plan.data?.pending ?? (plan.data?.status !== 'published' ? plan.data?.current : null);
  return (
    <StaffPage
      title={title}
      breadcrumbs={[
        { label: 'Workspace', to: staffPaths.root },
        { label: 'Plans', to: staffPaths.plans },
      ]}
    >
      {notice ? (
        <FocusedNotice type={notice.type} focusKey={notice}>
          {notice.text}
        </FocusedNotice>
      ) : null}
      <QueryState isPending={plan.isPending} error={plan.error} what="the plan">
        {() => {
          const p = plan.data!;
          return (
            <>
              <p>
                Status: <strong>{STATUS_WORDS[p.status]}</strong>
                {pending ? `; version ${pending.version} is ${pending.status.replace('_', ' ')}` : ''}.
              </p>
              <ul className="usa-button-group margin-bottom-3">
                {pending?.status === 'draft' && can(user, 'standards:submit', p.agencyId) ? (
                  <li className="usa-button-group__item">
                    <button type="button" className="usa-button" onClick={() => void run('submit')}>
                      Submit for review
                    </button>
                  </li>
                ) : null}
                {pending?.status === 'in_review' && can(user, 'standards:publish', p.agencyId) ? (
                  <li className="usa-button-group__item">
                    <button type="button" className="usa-button" onClick={() => void run('publish')}>
                      Publish plan
                    </button>
                  </li>
                ) : null}
              </ul>
              {can(user, 'registry:write', p.agencyId) && pending?.status !== 'in_review' ? (
                <PlanForm
                  key={`${p.id} ${p.updatedAt}`}
                  plan={p}
                  agencies={agencies}
                  standardsOf={standardsOf}
                  onDone={(_, text) => {
                    void plan.refetch();
                    setNotice({ type: 'success', text });
                  }}
                />
              ) : (
                <p>{pending?.status === 'in_review' ? 'In review: an approver publishes it or returns it.' : ''}</p>
              )}
            </>
          );
        }}
      </QueryState>
    </StaffPage>
  );
};

export const EmployeeFeedbackRoute = () => {
  const { data: user } = useSession();
  const feedback = useEmployeeFeedback();
  const services = useServices();
  const step = useEmployeeFeedbackStep();
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const serviceName = (id: string) => services.data?.items.find((s) => s.id === id)?.name ?? '';
  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  const run = (id: string, which: 'publish' | 'withdraw') =>
    step.mutateAsync({ id, step: which }).then(
      () =>
        setNotice({
          type: 'success',
          text: which === 'publish' ? 'Summary published.' : 'Summary withdrawn: it is staff only again.',
        }),
      (error: unknown) =>
        setNotice({ type: 'error', text: isApiError(error) ? error.message : 'Something went wrong.' }),
    );
  // Opening the edit form puts the keyboard on its heading; cancelling puts it back on the Edit button.
  useEffect(() => {
    if (editing) document.getElementById('edit-feedback-heading')?.focus();
  }, [editing]);
  const cancel = () => {
    const opener = editing;
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(`edit-${opener}`)?.focus());
  };
  const done = (text: string) => {
    setEditing(null);
    setNotice({ type: 'success', text });
  };
  const edited = feedback.data?.items.find((f) => f.id === editing);
  return (
    <StaffPage
      title="Front-line employee feedback"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="What front-line employees say stands in the way of better service, and their ideas (EO 12862). Staff only until an approver publishes the summary. Files go through Import (format employee-feedback)."
    >
      {notice ? (
        <FocusedNotice type={notice.type} focusKey={notice}>
          {notice.text}
        </FocusedNotice>
      ) : null}
      <QueryState isPending={feedback.isPending} error={feedback.error} what="employee feedback">
        {() => (
          <table className="usa-table usa-table--striped width-full">
            <caption>Employee feedback ({feedback.data!.total})</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Period</th>
                <th scope="col">Responding of surveyed</th>
                <th scope="col">Summary</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {feedback.data!.items.map((f) => {
                const what = `${serviceName(f.serviceId)}, ${f.periodKey}`;
                const approver = can(user, 'standards:publish', f.agencyId);
                return (
                  <tr key={f.id}>
                    <th scope="row">{serviceName(f.serviceId)}</th>
                    <td>{f.periodKey}</td>
                    <td>
                      {f.employeesResponding} of {f.employeesSurveyed}
                    </td>
                    <td>{f.publishedAt ? 'Published' : 'Staff only'}</td>
                    <td>
                      <ul className="usa-button-group">
                        {!f.publishedAt && f.summary && approver ? (
                          <li className="usa-button-group__item">
                            <button
                              type="button"
                              className="usa-button usa-button--unstyled"
                              onClick={() => void run(f.id, 'publish')}
                            >
                              Publish summary of {what}
                            </button>
                          </li>
                        ) : null}
                        {f.publishedAt && approver ? (
                          <li className="usa-button-group__item">
                            <button
                              type="button"
                              className="usa-button usa-button--unstyled"
                              onClick={() => void run(f.id, 'withdraw')}
                            >
                              Withdraw summary of {what}
                            </button>
                          </li>
                        ) : null}
                        {can(user, 'registry:write', f.agencyId) ? (
                          <li className="usa-button-group__item">
                            <button
                              type="button"
                              id={`edit-${f.id}`}
                              className="usa-button usa-button--unstyled"
                              onClick={() => setEditing(f.id)}
                            >
                              Edit <span className="usa-sr-only">{what}</span>
                            </button>
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>
      {edited ? (
        <section aria-labelledby="edit-feedback-heading">
          <h2 id="edit-feedback-heading" tabIndex={-1}>
            Edit employee feedback of {serviceName(edited.serviceId)}, {edited.periodKey}
          </h2>
          <EmployeeFeedbackForm
            key={edited.id}
            services={serviceOptions}
            feedback={edited}
            onDone={done}
            onCancel={cancel}
          />
        </section>
      ) : can(user, 'registry:write') ? (
        <>
          <h2>Record employee feedback</h2>
          <EmployeeFeedbackForm services={serviceOptions} onDone={(text) => setNotice({ type: 'success', text })} />
        </>
      ) : null}
    </StaffPage>
  );
};
