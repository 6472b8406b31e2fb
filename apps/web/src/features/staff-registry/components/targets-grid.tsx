import type { StandardBody, TargetBody } from '@yardstick/contracts';
import { fiscalYearOf } from '@yardstick/metrics';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { Notice } from '@/components/ui/page';
import { usePutTarget, useRemoveTarget } from '../api/registry';

const COLUMNS = [
  { quarter: 0, label: 'Full year' },
  { quarter: 1, label: 'Q1 (Oct-Dec)' },
  { quarter: 2, label: 'Q2 (Jan-Mar)' },
  { quarter: 3, label: 'Q3 (Apr-Jun)' },
  { quarter: 4, label: 'Q4 (Jul-Sep)' },
] as const;

type Cell = { value: string; min: string; max: string };
const cellKey = (fiscalYear: number, quarter: number) => `${fiscalYear}-${quarter}`;
const text = (n: number | null) => (n === null ? '' : String(n));
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Targets per fiscal year (and optionally per quarter) in a grid of inputs: one per cell, or a minimum and
 * a maximum for within-range measures. Saving sends the changed cells; emptying a cell removes its target.
 */
export const TargetsGrid = ({ standard, targets }: { standard: StandardBody; targets: TargetBody[] }) => {
  const version = standard.pending ?? standard.current;
  const range = version.direction === 'within_range';
  const current = fiscalYearOf(new Date());
  const years = [...new Set([current - 1, current, current + 1, ...targets.map((t) => t.fiscalYear)])].sort();
  const initial = () =>
    Object.fromEntries(
      targets.map((t) => [
        cellKey(t.fiscalYear, t.quarter ?? 0),
        { value: text(t.value), min: text(t.minValue), max: text(t.maxValue) },
      ]),
    ) as Record<string, Cell>;
  const [cells, setCells] = useState<Record<string, Cell>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const put = usePutTarget(standard.id);
  const remove = useRemoveTarget(standard.id);
  const readOnly = standard.status === 'retired';

  const cellOf = (key: string): Cell => cells[key] ?? { value: '', min: '', max: '' };
  const setCell = (key: string, part: keyof Cell, value: string) =>
    setCells((all) => ({ ...all, [key]: { ...cellOf(key), [part]: value } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const found: Record<string, string> = {};
    const jobs: { key: string; run: () => Promise<unknown> }[] = [];
    for (const fiscalYear of years) {
      for (const { quarter, label } of COLUMNS) {
        const key = cellKey(fiscalYear, quarter);
        const cell = cellOf(key);
        const existing = targets.find((t) => t.fiscalYear === fiscalYear && (t.quarter ?? 0) === quarter);
        const parts = range ? [cell.min, cell.max] : [cell.value];
        const blank = parts.every((p) => p.trim() === '');
        const where = `FY${fiscalYear} ${label}`;
        if (blank) {
          if (existing) jobs.push({ key, run: () => remove.mutateAsync(existing.id) });
          continue;
        }
        if (parts.some((p) => !NUMBER.test(p.trim()))) {
          found[key] = `${where}: enter ${range ? 'a minimum and a maximum' : 'the target'} as a number`;
          continue;
        }
        const unchanged = existing
          ? range
            ? text(existing.minValue) === cell.min.trim() && text(existing.maxValue) === cell.max.trim()
            : text(existing.value) === cell.value.trim()
          : false;
        if (unchanged) continue;
        const body = {
          fiscalYear,
          quarter: quarter === 0 ? null : quarter,
          unit: version.unit,
          ...(range ? { minValue: Number(cell.min), maxValue: Number(cell.max) } : { value: Number(cell.value) }),
        };
        jobs.push({ key, run: () => put.mutateAsync(body) });
      }
    }
    for (const job of jobs) {
      try {
        await job.run();
      } catch (error) {
        const [fiscalYear, quarter] = job.key.split('-');
        const { fieldErrors, general } = apiErrorToForm(error);
        const label = COLUMNS.find((c) => String(c.quarter) === quarter)!.label;
        found[job.key] = `FY${fiscalYear} ${label}: ${general ?? Object.values(fieldErrors).join('; ')}`;
      }
    }
    setErrors(found);
    if (Object.keys(found).length === 0) setSaved(jobs.length === 0 ? 'No changes to save.' : 'Targets saved.');
  };

  const input = (key: string, part: keyof Cell, label: string) => (
    <input
      className={`usa-input margin-top-0 ${errors[key] ? 'usa-input--error' : ''}`}
      style={{ minWidth: '5rem' }}
      id={`target-${key}-${part}`}
      aria-label={label}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `target-${key}-error` : undefined}
      inputMode="decimal"
      value={cellOf(key)[part]}
      readOnly={readOnly}
      onChange={(event) => setCell(key, part, event.target.value)}
    />
  );

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="targets-heading">
      <p className="usa-hint">
        In the standard’s unit ({version.unit}). A quarter left blank uses the full-year target. Publishing needs a
        target for FY{current}.
      </p>
      {Object.keys(errors).length > 0 ? (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <ul className="usa-list margin-0">
              {Object.entries(errors).map(([key, message]) => (
                <li key={key} id={`target-${key}-error`}>
                  {message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Table of targets">
        <table className="usa-table usa-table--compact">
          <caption className="usa-sr-only">Targets by fiscal year and quarter</caption>
          <thead>
            <tr>
              <th scope="col">Fiscal year</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.quarter}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((fiscalYear) => (
              <tr key={fiscalYear}>
                <th scope="row">FY{fiscalYear}</th>
                {COLUMNS.map(({ quarter, label }) => {
                  const key = cellKey(fiscalYear, quarter);
                  const name = `FY${fiscalYear} ${label} target`;
                  return (
                    <td key={quarter}>
                      {range ? (
                        <div className="display-flex">
                          {input(key, 'min', `${name}, minimum`)}
                          {input(key, 'max', `${name}, maximum`)}
                        </div>
                      ) : (
                        input(key, 'value', name)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {readOnly ? null : (
        <button type="submit" className="usa-button" disabled={put.isPending || remove.isPending}>
          Save targets
        </button>
      )}
      {saved ? <Notice type="success">{saved}</Notice> : null}
    </form>
  );
};
