import type { TargetBody, Unit } from '@yardstick/contracts';
import { Link, useLocation, useParams } from 'react-router';
import { useState } from 'react';
import { formatMeasure, formatTarget } from '@yardstick/metrics';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { Notice, QueryState, StaffPage } from '@/components/ui/page';
import { StatusTag } from '@/components/ui/status-tag';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { SurveyQuestionLink } from '@/features/staff-cx/components/survey-question-link';
import {
  useComments,
  useStandard,
  useSubmitStandard,
  useTargets,
  useUpdateStandard,
  useVersions,
} from '@/features/staff-registry/api/registry';
import { BenchmarksPanel } from '@/features/staff-registry/components/benchmarks-panel';
import { ResultsPanel } from '@/features/staff-registry/components/results-panel';
import { StandardForm } from '@/features/staff-registry/components/standard-form';
import { TargetsGrid } from '@/features/staff-registry/components/targets-grid';
import { DIMENSION_LABELS, FREQUENCY_LABELS, STANDARD_STATUS_LABELS } from '@/features/staff-registry/labels';
import { TableBox } from '@/components/ui/table-box';

const crumbs = [
  { label: 'Workspace', to: staffPaths.root },
  { label: 'Standards', to: staffPaths.standards },
];

export const StandardRoute = () => {
  const { id = '' } = useParams();
  const standard = useStandard(id);
  return (
    <QueryState isPending={standard.isPending} error={standard.error} what="the standard">
      {() => <StandardDetail id={id} />}
    </QueryState>
  );
};

const StandardDetail = ({ id }: { id: string }) => {
  const location = useLocation();
  const { data: user } = useSession();
  const { data: standard } = useStandard(id);
  const targets = useTargets(id);
  const versions = useVersions(id);
  const comments = useComments('standard', id);
  const submit = useSubmitStandard(id);
  const update = useUpdateStandard(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(
    (location.state as { created?: boolean } | null)?.created
      ? { type: 'success', text: 'Draft standard created. Now set its targets, then submit it for review.' }
      : null,
  );
  if (!standard) return null;
  const version = standard.pending ?? standard.current;
  const canWrite = can(user, 'registry:write', standard.agencyId);
  const inReview = version.status === 'in_review';
  const draft = version.status === 'draft';
  // What the API accepts a survey question for: a quarterly satisfaction share of positive answers.
  const surveyBased =
    version.dimension === 'satisfaction' &&
    version.unit === 'percent' &&
    version.computation === 'share_meeting_threshold' &&
    version.frequency === 'quarter';

  return (
    <StaffPage title={`${standard.code}: ${version.title}`} breadcrumbs={crumbs}>
      {notice ? <Notice type={notice.type}>{notice.text}</Notice> : null}
      <dl className="grid-row grid-gap-2">
        <div className="tablet:grid-col-3">
          <dt className="text-bold">Status</dt>
          <dd className="margin-left-0" data-testid="standard-status">
            {STANDARD_STATUS_LABELS[standard.status]}
            {standard.pending
              ? `; version ${standard.pending.version} ${standard.pending.status === 'in_review' ? 'in review' : 'in draft'}`
              : ''}
          </dd>
        </div>
        <div className="tablet:grid-col-3">
          <dt className="text-bold">Dimension</dt>
          <dd className="margin-left-0">{DIMENSION_LABELS[version.dimension]}</dd>
        </div>
        <div className="tablet:grid-col-3">
          <dt className="text-bold">Reported</dt>
          <dd className="margin-left-0">{FREQUENCY_LABELS[version.frequency]}</dd>
        </div>
        <div className="tablet:grid-col-3">
          <dt className="text-bold">Latest result</dt>
          <dd className="margin-left-0">
            {standard.standing.periodKey ? (
              <>
                {formatMeasure(standard.standing.value, version.unit)} for {standard.standing.periodLabel}{' '}
                <StatusTag status={standard.standing.status} />
              </>
            ) : (
              'None yet'
            )}
          </dd>
        </div>
      </dl>
      <p className="usa-intro">{version.statement}</p>
      <p>{version.measureDescription}</p>
      <p className="font-body-2xs">{standard.standing.rule}</p>

      {comments.data && comments.data.length > 0 ? (
        <section aria-labelledby="comments-heading" className="margin-y-3">
          <h2 id="comments-heading">Comments from review</h2>
          <ul className="usa-list">
            {comments.data.map((c) => (
              <li key={c.id}>
                <strong>{c.authorName ?? 'An approver'}</strong>, {new Date(c.createdAt).toLocaleString('en-US')}:{' '}
                {c.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canWrite && draft && can(user, 'standards:submit', standard.agencyId) ? (
        <button
          type="button"
          className="usa-button"
          disabled={submit.isPending}
          onClick={() =>
            submit.mutate(undefined, {
              onSuccess: () =>
                setNotice({
                  type: 'success',
                  text: 'Submitted for review. An approver will publish it or return it to you.',
                }),
              onError: (error) =>
                setNotice({ type: 'error', text: apiErrorToForm(error).general ?? 'Could not submit.' }),
            })
          }
        >
          Submit for review
        </button>
      ) : null}
      {inReview ? (
        <p>
          This version is in review: it can be edited again once an approver publishes it or returns it.
          {can(user, 'standards:publish', standard.agencyId) ? (
            <>
              {' '}
              <Link to={staffPaths.reviews}>Go to the review queue</Link>.
            </>
          ) : null}
        </p>
      ) : null}

      {canWrite && standard.status !== 'retired' && !inReview ? (
        <section aria-labelledby="edit-heading" className="margin-y-4">
          <h2 id="edit-heading">Edit the standard</h2>
          {standard.status === 'published' && !standard.pending ? (
            <p>The published version is never changed in place: saving starts a new draft version.</p>
          ) : null}
          {editing ? (
            <StandardForm
              canWriteFor={(agencyId) => can(user, 'registry:write', agencyId)}
              standard={standard}
              submitLabel="Save changes"
              busy={update.isPending}
              onSubmit={async (body) => {
                const { serviceId: _s, code: _c, ...content } = body;
                await update.mutateAsync(content);
                setEditing(false);
                setNotice({ type: 'success', text: 'Changes saved as a draft.' });
              }}
            />
          ) : (
            <button type="button" className="usa-button usa-button--outline" onClick={() => setEditing(true)}>
              Edit standard
            </button>
          )}
        </section>
      ) : null}

      <section aria-labelledby="targets-heading" className="margin-y-4">
        <h2 id="targets-heading">Targets</h2>
        <QueryState isPending={targets.isPending} error={targets.error} what="targets">
          {() =>
            canWrite ? (
              <TargetsGrid standard={standard} targets={targets.data!} />
            ) : (
              <TargetsTable targets={targets.data!} unit={version.unit} />
            )
          }
        </QueryState>
      </section>

      <section aria-labelledby="benchmarks-heading" className="margin-y-4">
        <h2 id="benchmarks-heading">Benchmarks</h2>
        <BenchmarksPanel standard={standard} canWrite={canWrite} />
      </section>

      {surveyBased ? (
        <section aria-labelledby="survey-heading" className="margin-y-4">
          <h2 id="survey-heading">Customer feedback survey</h2>
          <SurveyQuestionLink standardId={standard.id} canWrite={canWrite} />
        </section>
      ) : null}

      <section aria-labelledby="results-heading" className="margin-y-4">
        <h2 id="results-heading">Results</h2>
        {targets.data ? (
          <ResultsPanel standard={standard} canWrite={can(user, 'results:write', standard.agencyId)} />
        ) : null}
        <p>
          <Link to={staffPaths.trend(standard.id)}>See the trend chart</Link>
        </p>
      </section>

      <section aria-labelledby="versions-heading" className="margin-y-4">
        <h2 id="versions-heading">Versions</h2>
        {versions.data ? (
          <TableBox label="Table of versions">
            <table className="usa-table usa-table--borderless">
              <caption className="usa-sr-only">Every version of this standard</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Status</th>
                  <th scope="col">Title</th>
                  <th scope="col">Published</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{v.version}</th>
                    <td>{v.status.replace('_', ' ')}</td>
                    <td>{v.title}</td>
                    <td>{v.publishedAt ? new Date(v.publishedAt).toLocaleDateString('en-US') : '-'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        ) : null}
      </section>
    </StaffPage>
  );
};

const TargetsTable = ({ targets, unit }: { targets: TargetBody[]; unit: Unit }) =>
  targets.length === 0 ? (
    <p>No targets yet.</p>
  ) : (
    <TableBox label="Targets by fiscal year">
      <table className="usa-table usa-table--borderless">
        <caption className="usa-sr-only">Targets</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                FY{t.fiscalYear}
                {t.quarter ? ` Q${t.quarter}` : ''}
              </th>
              <td>{formatTarget(t, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
