import { useState } from 'react';
import { ReturnForm } from '@/components/ui/return-form';
import {
  describeTrust,
  STATUS_WORDS,
  useCxAwaiting,
  useCxCollections,
  useCxDue,
  usePublishCx,
  useReturnCx,
  useSubmitCx,
} from '../api/cx';

/** An officer's collections, with their status and due date; a draft or returned one can be submitted. */
export const CxCollectionsTable = ({ canSubmit }: { canSubmit: boolean }) => {
  const collections = useCxCollections();
  const submit = useSubmitCx();
  if (collections.isPending) return <p>Loading collections…</p>;
  if (collections.isError) return <p role="alert">The collections could not be loaded.</p>;
  if (collections.data.length === 0) return <p>No collections yet.</p>;
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Collections, as a table">
      <table className="usa-table usa-table--striped">
        <caption>Customer feedback collections, newest quarter first</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col">Respondents</th>
            <th scope="col">Trust</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {collections.data.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.periodKey}</th>
              <td>{STATUS_WORDS[c.status]}</td>
              <td>{c.dueDate}</td>
              <td>{c.scores.respondents ?? 'not known'}</td>
              <td>{describeTrust(c)}</td>
              <td>
                {canSubmit && (c.status === 'draft' || c.status === 'returned') ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={submit.isPending}
                    onClick={() => submit.mutate(c.id)}
                  >
                    Submit {c.periodKey}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** Quarters of HISP services that ended without a collection, due or overdue (30 days after the quarter). */
export const CxDueTable = () => {
  const due = useCxDue();
  if (due.isPending) return <p>Loading…</p>;
  if (due.isError) return <p role="alert">The due quarters could not be loaded.</p>;
  if (due.data.length === 0) return <p>Nothing is due.</p>;
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Due collections">
      <table className="usa-table usa-table--striped">
        <caption>Collections due or overdue</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Quarter</th>
            <th scope="col">Due date</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {due.data.map((d) => (
            <tr key={`${d.serviceId} ${d.periodKey}`}>
              <th scope="row">{d.serviceName}</th>
              <td>{d.periodKey}</td>
              <td>{d.dueDate}</td>
              <td>{d.dueState === 'overdue' ? 'Overdue' : 'Due'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** The approver's queue of submitted collections: publish, or return with a comment. */
export const CxQueue = () => {
  const queue = useCxAwaiting(true);
  const publish = usePublishCx();
  const giveBack = useReturnCx();
  const [returning, setReturning] = useState<string | null>(null);
  if (queue.isPending) return <p>Loading…</p>;
  if (queue.isError) return <p role="alert">The queue could not be loaded.</p>;
  if (queue.data.length === 0) return <p>No collection awaits publication.</p>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {queue.data.map((c) => (
        <li key={c.id} className="margin-bottom-3">
          <h3 className="margin-bottom-1">Collection {c.periodKey}</h3>
          <p>
            {c.scores.respondents ?? 'Unknown'} respondents; trust {describeTrust(c)}; response rate{' '}
            {c.scores.responseRate === null ? 'not known' : `${c.scores.responseRate.toFixed(1)}%`}.
          </p>
          <button
            type="button"
            className="usa-button"
            disabled={publish.isPending}
            onClick={() => publish.mutate(c.id)}
          >
            Publish {c.periodKey}
          </button>
          <button
            type="button"
            id={`cx-return-${c.id}`}
            className="usa-button usa-button--outline"
            onClick={() => setReturning(c.id)}
          >
            Return {c.periodKey}
          </button>
          {returning === c.id ? (
            <ReturnForm
              name={`cx-comment-${c.id}`}
              what={`collection ${c.periodKey}`}
              busy={giveBack.isPending}
              opener={`cx-return-${c.id}`}
              onReturn={(comment) => giveBack.mutateAsync({ id: c.id, comment }).then(() => setReturning(null))}
              onCancel={() => setReturning(null)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
};
