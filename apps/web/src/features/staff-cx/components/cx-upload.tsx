import { CHANNELS, type ImportBatchBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/ui/form-field';
import { uploadResults } from '@/lib/upload';
import { buildApiUrl, isApiError } from '@/lib/api-client';
import { useHispServices, useInvalidateCx } from '../api/cx';

type Problem = { line?: number; column?: string; field?: string; value?: unknown; reason: string };

/** Fiscal years a per-response file may be for: FY2024 to the one that includes today. */
const v2Years = (): number[] => {
  const now = new Date();
  const current = now.getUTCFullYear() + (now.getUTCMonth() >= 9 ? 1 : 0);
  return Array.from({ length: Math.max(current - 2023, 1) }, (_, i) => current - i);
};

/** The customer feedback formats of POST /imports (apps/api/src/cx/cx-import.ts), and what each file is. */
const CX_FORMATS = [
  { value: 'a11-responses', label: 'Survey responses, FY2024 on (Touchpoints per-response file)' },
  { value: 'a11-question-counts', label: 'Answer counts, FY2019 to FY2023 (one row per survey and quarter)' },
  { value: 'performance-gov-hisp', label: 'performance.gov HISP file (volumes or average scores)' },
] as const;
type CxFormat = (typeof CX_FORMATS)[number]['value'];

const FILE_LABELS: Record<CxFormat, string> = {
  'a11-responses': 'Responses file (CSV)',
  'a11-question-counts': 'Answer counts file (CSV or Excel)',
  'performance-gov-hisp': 'performance.gov file (CSV)',
};

const countsTemplateUrl = (kind: 'csv' | 'xlsx') => buildApiUrl(`/v1/imports/a11-question-counts-template.${kind}`);

const FormatHelp = ({ format }: { format: CxFormat }) => {
  if (format === 'a11-responses') {
    return (
      <p>
        The per-response file exactly as Touchpoints exports it (17 columns, from <code>external_id</code> to{' '}
        <code>question_4</code>), for one quarter and channel. Uploading the same file again changes nothing.
      </p>
    );
  }
  if (format === 'a11-question-counts') {
    return (
      <>
        <p>
          One row per survey (channel) and quarter of FY2019 to FY2023: <code>fiscal_year</code>, <code>quarter</code>,{' '}
          <code>channel</code>, the volumes <code>customers_served</code>, <code>surveys_offered</code> and{' '}
          <code>respondents</code> (respondents no more than offered, offered no more than served), and for each of the
          seven questions the number of answers of 1 to 5, <code>q1_1</code> to <code>q7_5</code> (all five blank when a
          question was not asked).
        </p>
        <p>
          Use the template: <a href={countsTemplateUrl('csv')}>answer counts CSV template</a> or{' '}
          <a href={countsTemplateUrl('xlsx')}>answer counts Excel template</a> (its second sheet describes every
          column).
        </p>
      </>
    );
  }
  return (
    <p>
      A file performance.gov published for High Impact Service Providers, for the service chosen here: quarterly volumes
      (<code>hisp,service,year,quarter,universe,surveyed,respondents,response_rate</code>) or average scores per
      question (<code>hisp,service,year,quarter,question,average_score,description</code>). Averages published without
      answer counts are kept as averages: no share positive or margin of error is computed from them.
    </p>
  );
};

/** An officer uploads a service's customer feedback file: per-response (FY2024 on), answer counts or performance.gov's. */
export const CxUpload = ({ fiscalYears = v2Years() }: { fiscalYears?: number[] }) => {
  const [format, setFormat] = useState<CxFormat>('a11-responses');
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
      const batch = await uploadResults(
        file,
        'atomic',
        () => undefined,
        format === 'a11-responses'
          ? { format, serviceId, fiscalYear, quarter, channel, surveyType }
          : format === 'performance-gov-hisp'
            ? { format, serviceId, channel }
            : { format, serviceId },
      );
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
      <h2 id="cx-upload-heading">Upload customer feedback</h2>
      <p>A file with any bad row is refused whole, each problem named by its line and column.</p>
      <SelectField
        label="Kind of customer feedback file"
        name="cx-format"
        required
        value={format}
        onChange={(value) => setFormat(value as CxFormat)}
        placeholder={null}
        options={CX_FORMATS}
      />
      <FormatHelp format={format} />
      <SelectField
        label="Service"
        name="cx-service"
        required
        value={serviceId}
        onChange={setServiceId}
        options={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      {format === 'a11-responses' ? (
        <>
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
        </>
      ) : null}
      {format === 'a11-question-counts' ? null : (
        <SelectField
          label="Channel"
          name="cx-channel"
          required
          value={channel}
          onChange={setChannel}
          placeholder={null}
          options={CHANNELS.map((c) => ({ value: c, label: c.replace('_', ' ') }))}
        />
      )}
      {format === 'a11-responses' ? (
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
      ) : null}
      <label className="usa-label" htmlFor="cx-file">
        {FILE_LABELS[format]}
      </label>
      <input
        id="cx-file"
        className="usa-file-input"
        type="file"
        accept={format === 'a11-question-counts' ? '.csv,text/csv,.xlsx' : '.csv,text/csv'}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={busy}>
        {busy ? 'Uploading…' : format === 'a11-responses' ? 'Upload responses' : 'Upload file'}
      </button>
      <div aria-live="polite">
        {done ? (
          <div className="usa-alert usa-alert--success usa-alert--slim margin-top-2">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {format === 'a11-responses' ? 'Responses' : 'Surveys'} imported: {done.inserted} new, {done.updated}{' '}
                changed, {done.unchanged} unchanged.
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
