import { formatMeasure } from '@yardstick/metrics';
import { UNITS, type StandardBody } from '@yardstick/contracts';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { SelectField, TextField } from '@/components/ui/form-field';
import { Notice } from '@/components/ui/page';
import {
  useAllBenchmarks,
  useCreateBenchmark,
  useLinkBenchmark,
  useStandardBenchmarks,
  useUnlinkBenchmark,
} from '../api/registry';
import { UNIT_LABELS } from '../labels';
import { TableBox } from '@/components/ui/table-box';

const NEW_LABELS = {
  benchmarkName: 'Benchmark name',
  benchmarkSource: 'Source organization',
  benchmarkUrl: 'Source web address',
  benchmarkYear: 'Year',
  benchmarkValue: 'Value',
  benchmarkUnit: 'Unit',
};
type NewField = keyof typeof NEW_LABELS;
const EMPTY: Record<NewField, string> = {
  benchmarkName: '',
  benchmarkSource: '',
  benchmarkUrl: '',
  benchmarkYear: '',
  benchmarkValue: '',
  benchmarkUnit: '',
};
/** The API's field names, to put its errors on the right inputs. */
const API_FIELDS: Record<string, NewField> = {
  name: 'benchmarkName',
  sourceOrganization: 'benchmarkSource',
  sourceUrl: 'benchmarkUrl',
  year: 'benchmarkYear',
  value: 'benchmarkValue',
  unit: 'benchmarkUnit',
};

/** Best-in-business comparisons linked to the standard, each with its source; link one, or add a new one. */
export const BenchmarksPanel = ({ standard, canWrite }: { standard: StandardBody; canWrite: boolean }) => {
  const linked = useStandardBenchmarks(standard.id);
  const all = useAllBenchmarks();
  const link = useLinkBenchmark(standard.id);
  const unlink = useUnlinkBenchmark(standard.id);
  const create = useCreateBenchmark();
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const linkedIds = new Set((linked.data ?? []).map((b) => b.id));

  const addNew = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.benchmarkName.trim()) found.benchmarkName = 'Enter the benchmark’s name';
    if (!form.benchmarkSource.trim()) found.benchmarkSource = 'Enter who publishes it';
    if (form.benchmarkUrl && !/^https?:\/\/\S+$/.test(form.benchmarkUrl))
      found.benchmarkUrl = 'Enter a web address starting with https://';
    if (!/^\d{4}$/.test(form.benchmarkYear)) found.benchmarkYear = 'Enter a four-digit year, like 2025';
    if (!/^-?\d+(\.\d+)?$/.test(form.benchmarkValue)) found.benchmarkValue = 'Enter the value as a number';
    if (!form.benchmarkUnit) found.benchmarkUnit = 'Choose the unit';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    try {
      const benchmark = await create.mutateAsync({
        name: form.benchmarkName.trim(),
        sourceOrganization: form.benchmarkSource.trim(),
        sourceUrl: form.benchmarkUrl || null,
        year: Number(form.benchmarkYear),
        value: Number(form.benchmarkValue),
        unit: form.benchmarkUnit,
      });
      await link.mutateAsync(benchmark.id);
      setForm(EMPTY);
      setMessage(`Added and linked ${benchmark.name}.`);
    } catch (error) {
      const r = apiErrorToForm(error, API_FIELDS);
      setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };

  return (
    <>
      {linked.data && linked.data.length > 0 ? (
        <TableBox label="Table of linked benchmarks">
          <table className="usa-table usa-table--borderless">
            <caption className="usa-sr-only">Benchmarks linked to this standard</caption>
            <thead>
              <tr>
                <th scope="col">Benchmark</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
                {canWrite ? <th scope="col">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {linked.data.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.name}</th>
                  <td>
                    {formatMeasure(b.value, b.unit)} ({b.year})
                  </td>
                  <td>{b.sourceUrl ? <a href={b.sourceUrl}>{b.sourceOrganization}</a> : b.sourceOrganization}</td>
                  {canWrite ? (
                    <td>
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() => unlink.mutate(b.id, { onSuccess: () => setMessage(`Unlinked ${b.name}.`) })}
                      >
                        Unlink <span className="usa-sr-only">{b.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      ) : (
        <p>No benchmark is linked yet.</p>
      )}
      {message ? <Notice type="success">{message}</Notice> : null}
      {canWrite ? (
        <>
          <form
            className="usa-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setMessage(null);
              if (!choice) {
                setChoiceError('Choose the benchmark to link');
                return;
              }
              setChoiceError(undefined);
              link.mutate(choice, {
                onSuccess: () => {
                  setChoice('');
                  setMessage('Benchmark linked.');
                },
                onError: (error) => setChoiceError(apiErrorToForm(error).general ?? 'Could not link the benchmark'),
              });
            }}
          >
            <SelectField
              name="benchmarkChoice"
              label="Link an existing benchmark"
              required
              value={choice}
              onChange={setChoice}
              error={choiceError}
              options={(all.data?.items ?? [])
                .filter((b) => !linkedIds.has(b.id))
                .map((b) => ({
                  value: b.id,
                  label: `${b.name}: ${formatMeasure(b.value, b.unit)} (${b.sourceOrganization}, ${b.year})`,
                }))}
            />
            <button type="submit" className="usa-button usa-button--outline">
              Link benchmark
            </button>
          </form>
          <h3>Add a new benchmark</h3>
          <ErrorSummary errors={errors} labels={NEW_LABELS} general={general} />
          <form className="usa-form" onSubmit={(e) => void addNew(e)} noValidate>
            {(['benchmarkName', 'benchmarkSource', 'benchmarkUrl', 'benchmarkYear', 'benchmarkValue'] as const).map(
              (name) => (
                <TextField
                  key={name}
                  name={name}
                  label={NEW_LABELS[name]}
                  required={name !== 'benchmarkUrl'}
                  inputMode={name === 'benchmarkYear' ? 'numeric' : name === 'benchmarkValue' ? 'decimal' : undefined}
                  value={form[name]}
                  onChange={(value) => setForm((f) => ({ ...f, [name]: value }))}
                  error={errors[name]}
                />
              ),
            )}
            <SelectField
              name="benchmarkUnit"
              label={NEW_LABELS.benchmarkUnit}
              required
              value={form.benchmarkUnit}
              onChange={(benchmarkUnit) => setForm((f) => ({ ...f, benchmarkUnit }))}
              options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
              error={errors.benchmarkUnit}
            />
            <button type="submit" className="usa-button usa-button--outline">
              Add and link benchmark
            </button>
          </form>
        </>
      ) : null}
    </>
  );
};
