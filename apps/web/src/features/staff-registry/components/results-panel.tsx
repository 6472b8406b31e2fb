import { ALL_CHANNELS, CHANNELS, type ResultBody, type StandardBody } from '@yardstick/contracts';
import { readNumber, toIsoDate, tryParsePeriodKey, unendedPeriodProblem, formatMeasure } from '@yardstick/metrics';
import { useEffect, useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { fieldId, SelectField, TextareaField, TextField } from '@/components/ui/form-field';
import { Notice, QueryState } from '@/components/ui/page';
import { StatusTag } from '@/components/ui/status-tag';
import { useComments, useCorrectResult, useExplain, useRecordResult, useResults, useRevisions } from '../api/registry';
import { CHANNEL_LABELS } from '../labels';

const LABELS = {
  resultPeriod: 'Period',
  resultChannel: 'Channel',
  resultValue: 'Value',
  resultNumerator: 'Met the threshold (numerator)',
  resultDenominator: 'All transactions (denominator)',
  resultSampleSize: 'Sample size',
  resultSource: 'Source',
  resultNote: 'Data quality note',
};
type Field = keyof typeof LABELS;
const EMPTY: Record<Field, string> = {
  resultPeriod: '',
  resultChannel: ALL_CHANNELS,
  resultValue: '',
  resultNumerator: '',
  resultDenominator: '',
  resultSampleSize: '',
  resultSource: '',
  resultNote: '',
};
const API_FIELDS: Record<string, Field> = {
  period: 'resultPeriod',
  channel: 'resultChannel',
  value: 'resultValue',
  numerator: 'resultNumerator',
  denominator: 'resultDenominator',
  sampleSize: 'resultSampleSize',
  source: 'resultSource',
  dataQualityNote: 'resultNote',
};
/** Read as the import reads a file's cells (libs/metrics readNumber): 1,000 and 91.2% are numbers here too. */
const COUNT = { integer: true, nonNegative: true } as const;
const PERIOD_HINT = {
  month: 'A month, like 2026-03',
  quarter: 'A fiscal quarter, like FY2026-Q2',
  year: 'A fiscal year, like FY2026',
};

const RecordResultForm = ({ standard }: { standard: StandardBody }) => {
  const record = useRecordResult(standard.id);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const share = standard.current.computation === 'share_meeting_threshold';
  const set = (name: Field) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const found: FieldErrors = {};
    const period = tryParsePeriodKey(form.resultPeriod.trim());
    if (!period) found.resultPeriod = `Enter the period as ${PERIOD_HINT[standard.current.frequency].toLowerCase()}`;
    else if (period.frequency !== standard.current.frequency)
      found.resultPeriod = `This standard reports each ${standard.current.frequency}: ${PERIOD_HINT[standard.current.frequency].toLowerCase()}`;
    const valueSpec = { percent: standard.current.unit === 'percent' ? 'sign' : 'none' } as const;
    const read = {
      resultValue: readNumber(form.resultValue, valueSpec),
      resultNumerator: readNumber(form.resultNumerator, COUNT),
      resultDenominator: readNumber(form.resultDenominator, COUNT),
      resultSampleSize: readNumber(form.resultSampleSize, COUNT),
    };
    if (!read.resultValue.ok)
      found.resultValue = `The value ${read.resultValue.reason}: enter a number, or leave it blank if not known`;
    if (period && !found.resultPeriod) {
      // The API's own rule (libs/metrics): a period is reported once it is over; the API checks it again.
      const unended = unendedPeriodProblem(period, toIsoDate(new Date()));
      if (unended) found.resultPeriod = `Enter a period that has ended: ${unended}`;
    }
    for (const name of ['resultNumerator', 'resultDenominator', 'resultSampleSize'] as const) {
      const reading = read[name];
      if (!reading.ok) found[name] = `Enter a whole number, like 9123 or 9,123 (this ${reading.reason})`;
    }
    const known = form.resultValue || (form.resultNumerator && form.resultDenominator);
    if (!known && !form.resultNote.trim())
      found.resultNote = 'Say why the value is not known (a blank value is never 0)';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    const num = (name: keyof typeof read) => {
      const reading = read[name];
      return reading.ok ? reading.value : null;
    };
    try {
      const result = await record.mutateAsync({
        standardId: standard.id,
        period: period!.key,
        channel: form.resultChannel,
        value: num('resultValue'),
        numerator: num('resultNumerator'),
        denominator: num('resultDenominator'),
        sampleSize: num('resultSampleSize'),
        source: form.resultSource.trim() || null,
        dataQualityNote: form.resultNote.trim() || null,
      });
      setForm(EMPTY);
      setSaved(`Recorded ${formatMeasure(result.value, standard.current.unit)} for ${result.periodLabel}.`);
    } catch (error) {
      const r = apiErrorToForm(error, API_FIELDS);
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <form className="usa-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="resultPeriod"
          label={LABELS.resultPeriod}
          required
          hint={PERIOD_HINT[standard.current.frequency]}
          value={form.resultPeriod}
          onChange={set('resultPeriod')}
          error={errors.resultPeriod}
        />
        <SelectField
          name="resultChannel"
          label={LABELS.resultChannel}
          placeholder={null}
          value={form.resultChannel}
          onChange={set('resultChannel')}
          error={errors.resultChannel}
          options={[
            { value: ALL_CHANNELS, label: 'All channels' },
            ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
          ]}
        />
        {share ? (
          <>
            <TextField
              name="resultNumerator"
              label={LABELS.resultNumerator}
              inputMode="numeric"
              value={form.resultNumerator}
              onChange={set('resultNumerator')}
              error={errors.resultNumerator}
            />
            <TextField
              name="resultDenominator"
              label={LABELS.resultDenominator}
              inputMode="numeric"
              value={form.resultDenominator}
              onChange={set('resultDenominator')}
              error={errors.resultDenominator}
            />
          </>
        ) : null}
        <TextField
          name="resultValue"
          label={LABELS.resultValue}
          inputMode="decimal"
          hint={
            share
              ? 'Computed from the counts when you give them.'
              : `In ${standard.current.unit}. Blank when not known.`
          }
          value={form.resultValue}
          onChange={set('resultValue')}
          error={errors.resultValue}
        />
        <TextField
          name="resultSampleSize"
          label={LABELS.resultSampleSize}
          inputMode="numeric"
          value={form.resultSampleSize}
          onChange={set('resultSampleSize')}
          error={errors.resultSampleSize}
        />
        <TextField
          name="resultSource"
          label={LABELS.resultSource}
          value={form.resultSource}
          onChange={set('resultSource')}
          error={errors.resultSource}
        />
        <TextareaField
          name="resultNote"
          label={LABELS.resultNote}
          hint="Required when the value is not known."
          value={form.resultNote}
          onChange={set('resultNote')}
          error={errors.resultNote}
        />
        <button type="submit" className="usa-button" disabled={record.isPending}>
          Record result
        </button>
      </form>
      {saved ? <Notice type="success">{saved}</Notice> : null}
    </>
  );
};

const explainButtonId = (resultId: string) => `explain-${resultId}`;
const historyButtonId = (resultId: string) => `history-${resultId}`;

const CORRECTION_LABELS = {
  fixValue: 'Value',
  fixNumerator: 'Met the threshold (numerator)',
  fixDenominator: 'All transactions (denominator)',
  fixSource: 'Source',
  fixNote: 'Data-quality note',
};
type CorrectionField = keyof typeof CORRECTION_LABELS;
const CORRECTION_API_FIELDS: Record<string, CorrectionField> = {
  value: 'fixValue',
  numerator: 'fixNumerator',
  denominator: 'fixDenominator',
  source: 'fixSource',
  dataQualityNote: 'fixNote',
};
const text = (n: number | null) => (n === null ? '' : String(n));

/** Every figure a result has had (newest first), and a correction, which becomes a new revision. */
const ResultHistory = ({
  standard,
  result,
  canWrite,
  onDone,
}: {
  standard: StandardBody;
  result: ResultBody;
  canWrite: boolean;
  onDone: (saved: string | null) => void;
}) => {
  const revisions = useRevisions(result.id);
  const correct = useCorrectResult(standard.id);
  const [form, setForm] = useState<Record<CorrectionField, string>>({
    fixValue: text(result.value),
    fixNumerator: text(result.numerator),
    fixDenominator: text(result.denominator),
    fixSource: result.source ?? '',
    fixNote: result.dataQualityNote ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const unit = standard.current.unit;
  const period = result.periodLabel;
  useEffect(() => document.getElementById(`history-heading-${result.id}`)?.focus(), [result.id]);
  const set = (name: CorrectionField) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = {
      fixValue: readNumber(form.fixValue, { percent: unit === 'percent' ? 'sign' : 'none' }),
      fixNumerator: readNumber(form.fixNumerator, COUNT),
      fixDenominator: readNumber(form.fixDenominator, COUNT),
    };
    const found: FieldErrors = {};
    for (const name of ['fixValue', 'fixNumerator', 'fixDenominator'] as const) {
      const reading = read[name];
      if (!reading.ok) found[name] = `Enter a number (this ${reading.reason})`;
    }
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    const num = (name: keyof typeof read) => {
      const reading = read[name];
      return reading.ok ? reading.value : null;
    };
    try {
      const corrected = await correct.mutateAsync({
        resultId: result.id,
        value: num('fixValue'),
        numerator: num('fixNumerator'),
        denominator: num('fixDenominator'),
        source: form.fixSource.trim() || null,
        dataQualityNote: form.fixNote.trim() || null,
      });
      onDone(
        corrected.revision === result.revision
          ? `Nothing changed for ${period}.`
          : `${period} corrected: revision ${corrected.revision}, ${formatMeasure(corrected.value, unit)}; it needs certifying again.`,
      );
    } catch (error) {
      const r = apiErrorToForm(error, CORRECTION_API_FIELDS);
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  return (
    <section aria-labelledby={`history-heading-${result.id}`} className="margin-y-3">
      <h3 id={`history-heading-${result.id}`} tabIndex={-1}>
        History of {period}
      </h3>
      <QueryState isPending={revisions.isPending} error={revisions.error} what="the revisions">
        {() => (
          <table className="usa-table usa-table--compact">
            <caption>Revisions of {period}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Value</th>
                <th scope="col">Counts</th>
                <th scope="col">Source</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {revisions.data!.map((r) => (
                <tr key={r.revision}>
                  <th scope="row">{r.revision}</th>
                  <td>{formatMeasure(r.value, unit)}</td>
                  <td>{r.numerator !== null ? `${r.numerator} of ${r.denominator}` : ''}</td>
                  <td>{r.source ?? ''}</td>
                  <td>
                    {new Date(r.createdAt).toLocaleString('en-US')}
                    {r.batchId ? ' (file import)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      {canWrite && standard.status !== 'retired' ? (
        <>
          <h4>Correct this result</h4>
          <ErrorSummary errors={errors} labels={CORRECTION_LABELS} general={general} />
          <form className="usa-form" onSubmit={(e) => void submit(e)} noValidate>
            <TextField
              name="fixNumerator"
              label={CORRECTION_LABELS.fixNumerator}
              inputMode="numeric"
              value={form.fixNumerator}
              onChange={set('fixNumerator')}
              error={errors.fixNumerator}
            />
            <TextField
              name="fixDenominator"
              label={CORRECTION_LABELS.fixDenominator}
              inputMode="numeric"
              value={form.fixDenominator}
              onChange={set('fixDenominator')}
              error={errors.fixDenominator}
            />
            <TextField
              name="fixValue"
              label={CORRECTION_LABELS.fixValue}
              hint="Counts give the value; blank is not known, never 0."
              inputMode="decimal"
              value={form.fixValue}
              onChange={set('fixValue')}
              error={errors.fixValue}
            />
            <TextField
              name="fixSource"
              label={CORRECTION_LABELS.fixSource}
              value={form.fixSource}
              onChange={set('fixSource')}
              error={errors.fixSource}
            />
            <TextareaField
              name="fixNote"
              label={CORRECTION_LABELS.fixNote}
              value={form.fixNote}
              onChange={set('fixNote')}
              error={errors.fixNote}
            />
            <div className="usa-button-group">
              <button type="submit" className="usa-button" disabled={correct.isPending}>
                Save correction
              </button>
              <button type="button" className="usa-button usa-button--outline" onClick={() => onDone(null)}>
                Close
              </button>
            </div>
          </form>
        </>
      ) : (
        <button type="button" className="usa-button usa-button--outline" onClick={() => onDone(null)}>
          Close
        </button>
      )}
    </section>
  );
};

const ExplanationForm = ({
  standard,
  result,
  onSaved,
  onCancel,
}: {
  standard: StandardBody;
  result: ResultBody;
  onSaved: () => void;
  onCancel: () => void;
}) => {
  const explain = useExplain(standard.id);
  const [why, setWhy] = useState(result.explanation?.why ?? '');
  const [action, setAction] = useState(result.explanation?.action ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const labels = { why: 'Why the target was missed', action: 'What will be done, and by when' };
  // Opened from a button in the table: the keyboard goes straight to the first field.
  useEffect(() => document.getElementById(fieldId('why'))?.focus(), [result.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (why.trim().length < 10) found.why = 'Say why the target was missed, in 10 characters or more';
    if (action.trim().length < 10) found.action = 'Say what will be done, in 10 characters or more';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await explain.mutateAsync({ resultId: result.id, why: why.trim(), action: action.trim() });
      onSaved();
    } catch (error) {
      const r = apiErrorToForm(error);
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  return (
    <div className="border-1px border-base-lighter padding-2 margin-y-2">
      <h3 className="margin-top-0">Explain {result.periodLabel}</h3>
      <ErrorSummary errors={errors} labels={labels} general={general} />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <TextareaField name="why" label={labels.why} required value={why} onChange={setWhy} error={errors.why} />
        <TextareaField
          name="action"
          label={labels.action}
          required
          value={action}
          onChange={setAction}
          error={errors.action}
        />
        <button type="submit" className="usa-button" disabled={explain.isPending}>
          Save explanation
        </button>
        <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onCancel}>
          Cancel
        </button>
      </form>
    </div>
  );
};

/** What an approver said when returning an uncertified result. */
const ReturnedComments = ({ resultId }: { resultId: string }) => {
  const comments = useComments('result', resultId);
  const latest = comments.data?.[0];
  return latest ? (
    <p className="font-body-2xs margin-y-05">
      <strong>Returned by {latest.authorName ?? 'an approver'}:</strong> {latest.comment}
    </p>
  ) : null;
};

/** Results of a standard: record one, see each against its target, explain the missed ones. */
export const ResultsPanel = ({ standard, canWrite }: { standard: StandardBody; canWrite: boolean }) => {
  const results = useResults(standard.id);
  const [explaining, setExplaining] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** When the form closes, the keyboard goes back to the row's button (or the table, once it is gone). */
  const backToTable = (resultId: string) =>
    requestAnimationFrame(() =>
      (
        document.getElementById(explainButtonId(resultId)) ?? document.getElementById(`results-${standard.id}`)
      )?.focus(),
    );
  return (
    <>
      <QueryState isPending={results.isPending} error={results.error} what="results">
        {() =>
          results.data!.items.length === 0 ? (
            <p>No results yet.</p>
          ) : (
            <div
              className="usa-table-container--scrollable"
              id={`results-${standard.id}`}
              tabIndex={0}
              role="region"
              aria-label="Table of results"
            >
              <table className="usa-table usa-table--compact">
                <caption className="usa-sr-only">Results of {standard.code}, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Value</th>
                    <th scope="col">Status</th>
                    <th scope="col">Certified</th>
                    <th scope="col">Explanation</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data!.items.map((result) => {
                    // The API judges each result against its period's target; the web only shows it.
                    const { status } = result;
                    const missed = status === 'not_met' || status === 'near';
                    return (
                      <tr key={result.id}>
                        <th scope="row">{result.periodLabel}</th>
                        <td>{result.channel === ALL_CHANNELS ? 'All' : CHANNEL_LABELS[result.channel]}</td>
                        <td>{formatMeasure(result.value, standard.current.unit)}</td>
                        <td>
                          <StatusTag status={status} />
                        </td>
                        <td>{result.certifiedAt ? 'Yes' : 'Not yet'}</td>
                        <td>
                          {result.explanation ? (
                            <span>{result.explanation.why} </span>
                          ) : missed ? (
                            <span>Needed. </span>
                          ) : null}
                          {result.certifiedAt ? null : <ReturnedComments resultId={result.id} />}
                          {canWrite && missed && !result.certifiedAt ? (
                            <button
                              type="button"
                              id={explainButtonId(result.id)}
                              className="usa-button usa-button--unstyled"
                              onClick={() => {
                                setNotice(null);
                                setExplaining(result.id);
                              }}
                            >
                              {result.explanation ? 'Edit' : 'Write'} explanation
                              <span className="usa-sr-only"> for {result.periodLabel}</span>
                            </button>
                          ) : null}{' '}
                          {canWrite ? (
                            <button
                              type="button"
                              id={historyButtonId(result.id)}
                              className="usa-button usa-button--unstyled"
                              onClick={() => {
                                setNotice(null);
                                setExplaining(null);
                                setHistory(result.id);
                              }}
                            >
                              History and corrections
                              {result.revision > 1 ? ` (${result.revision} revisions)` : ''}
                              <span className="usa-sr-only"> of {result.periodLabel}</span>
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {explaining && results.data ? (
        <ExplanationForm
          standard={standard}
          result={results.data.items.find((r) => r.id === explaining)!}
          onSaved={() => {
            setExplaining(null);
            setNotice('Explanation saved.');
            backToTable(explaining);
          }}
          onCancel={() => {
            setExplaining(null);
            backToTable(explaining);
          }}
        />
      ) : null}
      {history && results.data?.items.some((r) => r.id === history) ? (
        <ResultHistory
          key={history}
          standard={standard}
          result={results.data.items.find((r) => r.id === history)!}
          canWrite={canWrite}
          onDone={(saved) => {
            const id = history;
            setHistory(null);
            if (saved) setNotice(saved);
            requestAnimationFrame(() => document.getElementById(historyButtonId(id))?.focus());
          }}
        />
      ) : null}
      {notice ? <Notice type="success">{notice}</Notice> : null}
      {canWrite && standard.status !== 'retired' ? (
        <>
          <h3>Record one result</h3>
          <RecordResultForm standard={standard} />
        </>
      ) : null}
    </>
  );
};
