import { CHANNELS, type ImportBatchBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/ui/form-field';
import { uploadResults } from '@/lib/upload';
import { isApiError } from '@/lib/api-client';
import { useHispServices, useInvalidateCx } from '../api/cx';

type Problem = { line?: number; column?: string; field?: string; value?: unknown; reason: string };

/** An officer uploads a service's FY2024+ A-11 per-response file (Touchpoints' 17 columns) for one quarter. */
export const CxUpload = ({ fiscalYears }: { fiscalYears: number[] }) => {
  const services = useHispServices();
  const invalidate = useInvalidateCx();
  const [serviceId, setServiceId] = useState('');
  const [fiscalYear, setFiscalYear] = useState(String(fiscalYears[0] ?? ''));
  const [quarter, setQuarter] = useState('1');
  const [channel, setChannel] = useState('online');
  const [surveyType, setSurveyType] = useState('thumbs');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportBatchBody | null>(null);
  const [problems, setProblems] = useState<{ message: string; details: Problem[] } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !serviceId) {
      setProblems({ message: 'Choose a service and a file.', details: [] });
      return;
    }
    setBusy(true);
    setDone(null);
    setProblems(null);
    try {
      const batch = await uploadResults(file, 'atomic', () => undefined, {
        format: 'a11-responses',
        serviceId,
        fiscalYear,
        quarter,
        channel,
        surveyType,
      });
      setDone(batch);
      await invalidate();
    } catch (failure) {
      setProblems(
        isApiError(failure)
          ? { message: failure.message, details: failure.details as Problem[] }
          : { message: 'The upload failed.', details: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form maxw-tablet" onSubmit={submit} aria-labelledby="cx-upload-heading">
      <h2 id="cx-upload-heading">Upload survey responses (FY2024 on)</h2>
      <p>
        The per-response file exactly as Touchpoints exports it (17 columns, from <code>external_id</code> to{' '}
        <code>question_4</code>). Uploading the same file again changes nothing; a file with any bad row is refused
        whole, each problem named by its line and column.
      </p>
      <SelectField
        label="Service"
        name="cx-service"
        required
        value={serviceId}
        onChange={setServiceId}
        options={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      <SelectField
        label="Fiscal year"
        name="cx-fiscal-year"
        required
        value={fiscalYear}
        onChange={setFiscalYear}
        placeholder={null}
        options={fiscalYears.map((y) => ({ value: String(y), label: `FY${y}` }))}
      />
      <SelectField
        label="Quarter"
        name="cx-quarter"
        required
        value={quarter}
        onChange={setQuarter}
        placeholder={null}
        options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))}
      />
      <SelectField
        label="Channel"
        name="cx-channel"
        required
        value={channel}
        onChange={setChannel}
        placeholder={null}
        options={CHANNELS.map((c) => ({ value: c, label: c.replace('_', ' ') }))}
      />
      <SelectField
        label="How trust was asked"
        name="cx-survey-type"
        value={surveyType}
        onChange={setSurveyType}
        placeholder={null}
        options={[
          { value: 'thumbs', label: 'Thumbs up (1) or down (0)' },
          { value: 'likert', label: 'On a scale of 1 to 5' },
        ]}
      />
      <label className="usa-label" htmlFor="cx-file">
        Responses file (CSV)
      </label>
      <input
        id="cx-file"
        className="usa-file-input"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload responses'}
      </button>
      <div aria-live="polite">
        {done ? (
          <div className="usa-alert usa-alert--success usa-alert--slim margin-top-2">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                Responses imported: {done.inserted} new, {done.updated} changed, {done.unchanged} unchanged.
              </p>
            </div>
          </div>
        ) : null}
        {problems ? (
          <div className="usa-alert usa-alert--error usa-alert--slim margin-top-2" role="alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{problems.message}</p>
              {problems.details.length > 0 ? (
                <ul>
                  {problems.details.map((d, i) => (
                    <li key={i}>
                      {d.line !== undefined ? `Line ${d.line}` : (d.field ?? 'File')}
                      {d.column ? `, ${d.column}` : ''}
                      {d.value !== undefined ? ` (“${String(d.value)}”)` : ''}: {d.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </form>
  );
};
