import { useRef, useState, type DragEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { fieldId, SelectField } from '@/components/ui/form-field';
import { Notice } from '@/components/ui/page';
import {
  errorsCsvUrl,
  serverPercent,
  templateUrl,
  uploadResults,
  useInvalidateResults,
  type ImportBatchBody,
  type ImportFormat,
  type ImportFormatOptions,
  type ImportMode,
  type UploadProgress,
} from '../api/imports';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;
const formatBytes = (n: number) =>
  n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;

const Counts = ({ batch }: { batch: ImportBatchBody }) => {
  const dry = batch.mode === 'dry-run';
  const items: [string, number][] = [
    [dry ? 'would be inserted' : 'inserted', batch.inserted],
    [dry ? 'would be updated (new revision)' : 'updated (new revision)', batch.updated],
    ['unchanged', batch.unchanged],
    ['rows with errors', batch.errorCount],
  ];
  return (
    <ul className="usa-list" data-testid="import-counts">
      <li>
        <strong>{batch.rowsRead.toLocaleString('en-US')}</strong> rows read
      </li>
      {items.map(([label, n]) => (
        <li key={label}>
          <strong>{n.toLocaleString('en-US')}</strong> {label}
        </li>
      ))}
    </ul>
  );
};

const ErrorsTable = ({ batch }: { batch: ImportBatchBody }) => (
  <>
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Table of rows with errors">
      <table className="usa-table usa-table--compact" data-testid="import-errors">
        <caption>
          {batch.errorCount === batch.errors.length
            ? `Every error in the file (${batch.errorCount})`
            : `The first ${batch.errors.length} of ${batch.errorCount} errors: download the report for all of them`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">What is wrong</th>
          </tr>
        </thead>
        <tbody>
          {batch.errors.map((error, i) => (
            <tr key={i}>
              <th scope="row">
                {error.sheet
                  ? `${error.sheet} ${error.cell ?? ''} (line ${error.line})`
                  : error.record !== undefined
                    ? `${error.line} (record ${error.record})`
                    : error.line}
                {error.row ? <div className="font-body-3xs text-normal">{error.row}</div> : null}
              </th>
              <td>{error.column ?? ''}</td>
              <td>{error.value ?? ''}</td>
              <td>{error.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <p>
      <a className="usa-link" href={errorsCsvUrl(batch.id)} download={`import-errors-${batch.id}.csv`}>
        Download the error report (CSV)
      </a>
    </p>
  </>
);

/**
 * How far the server has read the file, from the batch it reports while the upload runs (rowsRead, bytesRead
 * of bytesTotal), not from what the browser has sent: a large file is read, checked and staged as it arrives.
 * Until the first answer the bar is indeterminate. Only the start is announced; the figures are read on demand.
 */
const ProgressBar = ({ file, progress, checking }: { file: File; progress: UploadProgress; checking: boolean }) => {
  const percent = serverPercent(progress, file.size);
  const server = progress.server;
  return (
    <div className="margin-y-2" data-testid="upload-progress">
      <p className="margin-bottom-05" role="status">
        <label htmlFor="upload-progress">
          {checking ? 'Checking' : 'Importing'} {file.name}
        </label>
      </p>
      <progress
        id="upload-progress"
        className="width-full"
        max={100}
        aria-describedby="upload-progress-figures"
        {...(percent === null ? {} : { value: percent })}
      >
        {percent === null ? 'Starting' : `${percent}%`}
      </progress>
      <p className="margin-top-05 font-body-2xs" id="upload-progress-figures" data-testid="upload-progress-figures">
        {server
          ? `${percent ?? 0}% read: ${formatBytes(server.bytesRead)} of ${formatBytes(server.bytesTotal ?? file.size)}, ${server.rowsRead.toLocaleString('en-US')} rows read`
          : `Sending ${formatBytes(progress.sentBytes)} of ${formatBytes(progress.totalBytes)}; waiting for the server to start reading`}
      </p>
    </div>
  );
};

/**
 * Upload a results file: drop it on the zone or choose it with the file input (keyboard operable), check it
 * with a dry run, then import it. Large files show a progress bar while they are sent and read.
 */
const FORMAT_OPTIONS: { value: ImportFormat; label: string }[] = [
  { value: 'yardstick', label: 'Yardstick results template' },
  { value: 'gc-service-standards', label: 'Government of Canada service standards file (ss.csv)' },
  { value: 'performance-gov-apr', label: 'performance.gov annual performance report (APR)' },
];

export const ResultsUpload = ({ agencies }: { agencies: { abbreviation: string; name: string }[] }) => {
  const inputRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat>('yardstick');
  const [aprAgency, setAprAgency] = useState('');
  const [blankDirection, setBlankDirection] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<ImportMode | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [batch, setBatch] = useState<ImportBatchBody | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const invalidate = useInvalidateResults();

  const choose = (chosen: File | null | undefined) => {
    setBatch(null);
    setProblem(null);
    if (!chosen) return;
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) {
      setFile(null);
      setProblem(`${chosen.name} is not a CSV (.csv) or Excel (.xlsx) file.`);
      return;
    }
    setFile(chosen);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const run = async (mode: ImportMode) => {
    if (!file) {
      setProblem('Choose a file first.');
      inputRef.current?.focus();
      return;
    }
    if (format === 'performance-gov-apr' && !aprAgency) {
      setProblem('Choose the agency the APR file reports for: the file does not name it.');
      document.getElementById(fieldId('import-agency'))?.focus();
      return;
    }
    const options: ImportFormatOptions =
      format === 'performance-gov-apr'
        ? {
            format,
            agency: aprAgency,
            ...(blankDirection ? { blankDirection: blankDirection as 'higher_is_better' | 'lower_is_better' } : {}),
          }
        : { format };
    setBusy(mode);
    setProblem(null);
    setProgress({ sentBytes: 0, totalBytes: file.size, server: null });
    try {
      const result = await uploadResults(file, mode, setProgress, options);
      setBatch(result);
      if (mode !== 'dry-run') await invalidate();
    } catch (error) {
      const body = isApiError(error) ? error.body : undefined;
      // An atomic import refused for bad rows answers with the batch and its errors.
      if (body && typeof body === 'object' && 'errors' in body && 'rowsRead' in body) setBatch(body as ImportBatchBody);
      setProblem(isApiError(error) ? error.message : 'The upload failed. Try again.');
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <>
      <form className="usa-form maxw-none" aria-label="Format of the file" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="import-format"
          label="File format"
          required
          placeholder={null}
          value={format}
          onChange={(value) => {
            setFormat(value as ImportFormat);
            setBatch(null);
          }}
          options={FORMAT_OPTIONS}
        />
        {format === 'gc-service-standards' ? (
          <p className="usa-hint">
            Finds or creates each row’s department, service, standard and fiscal-year target, then loads its result. New
            standards are drafts; only an administrator’s file may add departments.
          </p>
        ) : null}
        {format === 'performance-gov-apr' ? (
          <>
            <SelectField
              name="import-agency"
              label="Agency the file reports for"
              required
              value={aprAgency}
              onChange={setAprAgency}
              options={agencies.map((a) => ({ value: a.abbreviation, label: `${a.name} (${a.abbreviation})` }))}
            />
            <SelectField
              name="import-blank-direction"
              label="Direction of KPIs with a blank Desired Direction"
              placeholder="- Report them as errors -"
              value={blankDirection}
              onChange={setBlankDirection}
              options={[
                { value: 'higher_is_better', label: 'Higher is better' },
                { value: 'lower_is_better', label: 'Lower is better' },
              ]}
            />
          </>
        ) : null}
      </form>
      <p>
        Use Yardstick’s template: <a href={templateUrl('csv')}>CSV template</a> or{' '}
        <a href={templateUrl('xlsx')}>Excel template</a>. Each row names its standard (agency and standard code), the
        period and the value; a blank value is “not known”, never 0.
      </p>
      <div
        className={`usa-form-group padding-3 border-2px border-dashed ${dragging ? 'border-primary bg-primary-lighter' : 'border-base-light'}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label className="usa-label margin-top-0" htmlFor="results-file">
          Results file (CSV or XLSX)
        </label>
        <div className="usa-hint" id="results-file-hint">
          {dragging ? 'Drop the file to choose it.' : 'Drag the file here, or choose it.'}
        </div>
        <input
          ref={inputRef}
          id="results-file"
          className="usa-input maxw-none padding-1 height-auto"
          type="file"
          accept={ACCEPT}
          aria-describedby="results-file-hint"
          onChange={(event) => choose(event.target.files?.[0])}
        />
        {file ? (
          <p className="margin-bottom-0" role="status">
            Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
          </p>
        ) : null}
      </div>
      <div className="usa-button-group">
        <button type="button" className="usa-button" disabled={busy !== null} onClick={() => void run('dry-run')}>
          Check the file (nothing is saved)
        </button>
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={busy !== null || !batch || batch.mode !== 'dry-run' || batch.errorCount > 0}
          onClick={() => void run('atomic')}
        >
          Import
        </button>
        <button
          type="button"
          className="usa-button usa-button--unstyled margin-left-2"
          disabled={busy !== null || !batch || batch.mode !== 'dry-run' || batch.errorCount === 0}
          onClick={() => void run('partial')}
        >
          Import only the good rows
        </button>
      </div>
      {progress && file ? <ProgressBar file={file} progress={progress} checking={busy === 'dry-run'} /> : null}
      {problem ? <Notice type="error">{problem}</Notice> : null}
      {batch ? (
        <section aria-labelledby="import-result-heading" className="margin-top-3">
          <h2 id="import-result-heading">
            {batch.mode === 'dry-run'
              ? batch.errorCount > 0
                ? 'The file has errors: fix them, then check it again'
                : 'The file is ready to import'
              : batch.status === 'failed' || batch.status === 'rejected'
                ? 'Nothing was imported'
                : 'Imported'}
          </h2>
          <p>
            {batch.fileName ?? 'The file'}, checked {new Date(batch.createdAt).toLocaleString('en-US')}.
          </p>
          <Counts batch={batch} />
          {batch.errorCount > 0 ? <ErrorsTable batch={batch} /> : null}
          {batch.mode !== 'dry-run' && batch.status === 'completed' ? (
            <Notice type="success">
              {batch.inserted + batch.updated} result{batch.inserted + batch.updated === 1 ? '' : 's'} saved; they await
              certification by an approver.
            </Notice>
          ) : null}
        </section>
      ) : null}
    </>
  );
};
