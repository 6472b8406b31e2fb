import { ALL_CHANNELS, type ResultReviewBody } from '@yardstick/contracts';
import { formatMeasure, formatTarget } from '@yardstick/metrics';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { FocusedNotice, QueryState } from '@/components/ui/page';
import { StatusTag } from '@/components/ui/status-tag';
import { staffPaths } from '@/config/staff-paths';
import { useCertify, useResultsAwaiting, useReturnResult } from '../api/reviews';
import { ReturnForm } from '@/components/ui/return-form';

const value = (r: ResultReviewBody) => formatMeasure(r.value, r.unit);

/** The target in the standard's unit, as the value is. */
const target = (r: ResultReviewBody) => formatTarget(r.target, r.unit, 'None');

/** Results awaiting certification, missed targets with their explanations; certify the chosen ones or return one. */
export const ResultsQueue = () => {
  const queue = useResultsAwaiting(true);
  const certify = useCertify();
  const returnIt = useReturnResult();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [returning, setReturning] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const rows = queue.data ?? [];
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const ready = rows.filter((r) => !((r.status === 'not_met' || r.status === 'near') && !r.explanation));

  const certifySelected = (ids: string[]) =>
    certify.mutate(ids, {
      onSuccess: (report) => {
        setSelected(new Set());
        const refused = report.refused
          .map((r) => `${rows.find((row) => row.id === r.resultId)?.periodLabel ?? r.periodKey}: ${r.reason}`)
          .join('; ');
        setNotice({
          type: report.refused.length > 0 ? 'warning' : 'success',
          text: `${report.certified} result${report.certified === 1 ? '' : 's'} certified.${refused ? ` Refused: ${refused}` : ''}`,
        });
      },
      onError: (error) => setNotice({ type: 'error', text: apiErrorToForm(error).general ?? 'Could not certify.' }),
    });

  return (
    <>
      {notice ? (
        <FocusedNotice type={notice.type} focusKey={notice}>
          {notice.text}
        </FocusedNotice>
      ) : null}
      <QueryState isPending={queue.isPending} error={queue.error} what="results awaiting certification">
        {() =>
          rows.length === 0 ? (
            <p>No result is waiting for certification.</p>
          ) : (
            <>
              <p>
                {rows.length} result{rows.length === 1 ? '' : 's'} awaiting certification. A missed target needs its
                explanation before it can be certified.
              </p>
              <div className="usa-button-group margin-bottom-2">
                <button
                  type="button"
                  className="usa-button"
                  disabled={selected.size === 0 || certify.isPending}
                  onClick={() => certifySelected([...selected])}
                >
                  Certify selected ({selected.size})
                </button>
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={ready.length === 0 || certify.isPending}
                  onClick={() => certifySelected(ready.map((r) => r.id))}
                >
                  Certify all ready ({ready.length})
                </button>
              </div>
              <div
                className="usa-table-container--scrollable"
                tabIndex={0}
                role="region"
                aria-label="Table of results awaiting certification"
              >
                <table className="usa-table usa-table--compact">
                  <caption className="usa-sr-only">Results awaiting certification, oldest period first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Select</th>
                      <th scope="col">Standard and period</th>
                      <th scope="col">Value</th>
                      <th scope="col">Target</th>
                      <th scope="col">Status</th>
                      <th scope="col">Explanation</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const label = `${r.standardCode} ${r.periodLabel}${r.channel === ALL_CHANNELS ? '' : ` ${r.channel}`}`;
                      return (
                        <tr key={r.id}>
                          <td>
                            <div className="usa-checkbox bg-transparent">
                              <input
                                className="usa-checkbox__input"
                                type="checkbox"
                                id={`certify-${r.id}`}
                                checked={selected.has(r.id)}
                                onChange={(event) => toggle(r.id, event.target.checked)}
                              />
                              <label className="usa-checkbox__label margin-top-0" htmlFor={`certify-${r.id}`}>
                                <span className="usa-sr-only">Select {label}</span>
                              </label>
                            </div>
                          </td>
                          <th scope="row">
                            <Link to={staffPaths.standard(r.standardId)}>{r.standardCode}</Link> {r.standardTitle},{' '}
                            {r.periodLabel}
                            {r.channel === ALL_CHANNELS ? '' : ` (${r.channel.replace('_', ' ')})`}
                            {r.revision > 1 ? `, revision ${r.revision}` : ''}
                          </th>
                          <td>{value(r)}</td>
                          <td>{target(r)}</td>
                          <td>
                            <StatusTag status={r.status} />
                          </td>
                          <td>
                            {r.explanation ? (
                              <>
                                <strong>Why:</strong> {r.explanation.why} <strong>Action:</strong>{' '}
                                {r.explanation.action}
                              </>
                            ) : r.status === 'not_met' || r.status === 'near' ? (
                              'Missing: needed before certifying'
                            ) : (
                              '-'
                            )}
                            {r.comments.length > 0 ? (
                              <p className="font-body-2xs margin-bottom-0">Returned: {r.comments[0]!.comment}</p>
                            ) : null}
                          </td>
                          <td>
                            <button
                              type="button"
                              id={`return-${r.id}-button`}
                              className="usa-button usa-button--unstyled"
                              onClick={() => setReturning(r.id)}
                            >
                              Return <span className="usa-sr-only">{label}</span>
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {returning ? (
                <ReturnForm
                  key={returning}
                  name="return-result"
                  what={(() => {
                    const r = rows.find((x) => x.id === returning);
                    return r ? `${r.standardCode} ${r.periodLabel}` : 'this result';
                  })()}
                  busy={returnIt.isPending}
                  opener={`return-${returning}-button`}
                  onCancel={() => setReturning(null)}
                  onReturn={async (comment) => {
                    await returnIt.mutateAsync({ id: returning, comment });
                    setReturning(null);
                    setNotice({ type: 'success', text: 'Returned to the officer with your comment.' });
                  }}
                />
              ) : null}
            </>
          )
        }
      </QueryState>
    </>
  );
};
