import type { EmployeeFeedbackBody, ThemeCount } from '@yardstick/contracts';
import type { FormEvent } from 'react';
import { type FieldErrors } from '@/components/ui/error-summary';
import { SelectField, TextareaField, TextField, type Option } from '@/components/ui/form-field';
import { useForm } from '@/components/ui/use-form';
import { useCreateEmployeeFeedback, useUpdateEmployeeFeedback } from '../api/plans';

const LABELS = {
  serviceId: 'Service',
  periodKey: 'Period',
  employeesSurveyed: 'Employees surveyed',
  employeesResponding: 'Employees responding',
  barriers: 'Barriers, by theme',
  ideas: 'Ideas, by theme',
  summary: 'Summary',
  staffNote: 'Note for staff',
};

/** "Theme: 12" on each line; the line number of the first that is not. */
const parseThemes = (text: string): ThemeCount[] | number => {
  const themes: ThemeCount[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const match = /^(.{2,200}?)\s*:\s*(\d+)$/.exec(line);
    if (!match) return i + 1;
    themes.push({ theme: match[1]!, count: Number(match[2]) });
  }
  return themes;
};

const themesText = (themes: ThemeCount[]) => themes.map((t) => `${t.theme}: ${t.count}`).join('\n');

/**
 * Record what front-line employees said about a service in a period (EO 12862 e), or change a record
 * (`feedback`: its service stays); staff only until published, and a change takes a published summary back.
 */
export const EmployeeFeedbackForm = ({
  services,
  feedback,
  onDone,
  onCancel,
}: {
  services: Option[];
  feedback?: EmployeeFeedbackBody;
  onDone: (text: string) => void;
  onCancel?: () => void;
}) => {
  const create = useCreateEmployeeFeedback();
  const update = useUpdateEmployeeFeedback();
  const { form, field, check, fail, summary } = useForm(LABELS, {
    serviceId: feedback?.serviceId ?? '',
    periodKey: feedback?.periodKey ?? '',
    employeesSurveyed: feedback ? String(feedback.employeesSurveyed) : '',
    employeesResponding: feedback ? String(feedback.employeesResponding) : '',
    barriers: feedback ? themesText(feedback.barriers) : '',
    ideas: feedback ? themesText(feedback.ideas) : '',
    summary: feedback?.summary ?? '',
    staffNote: feedback?.staffNote ?? '',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.serviceId) found.serviceId = 'Choose the service';
    if (!/^FY\d{4}(-Q[1-4])?$/i.test(form.periodKey.trim()))
      found.periodKey = 'Enter a fiscal quarter (FY2026-Q2) or year (FY2026)';
    const surveyed = Number(form.employeesSurveyed);
    const responding = Number(form.employeesResponding);
    if (!/^\d+$/.test(form.employeesSurveyed) || surveyed < 1)
      found.employeesSurveyed = 'Enter a whole number, 1 or more';
    if (!/^\d+$/.test(form.employeesResponding)) found.employeesResponding = 'Enter a whole number';
    else if (responding > surveyed) found.employeesResponding = 'Cannot be more than the employees surveyed';
    const barriers = parseThemes(form.barriers);
    const ideas = parseThemes(form.ideas);
    if (typeof barriers === 'number') found.barriers = `Line ${barriers}: write “Theme: count”`;
    if (typeof ideas === 'number') found.ideas = `Line ${ideas}: write “Theme: count”`;
    if (!check(found) || typeof barriers === 'number' || typeof ideas === 'number') return;
    try {
      const body = {
        serviceId: form.serviceId,
        periodKey: form.periodKey.trim().toUpperCase(),
        employeesSurveyed: surveyed,
        employeesResponding: responding,
        barriers,
        ideas,
        summary: form.summary.trim(),
        staffNote: form.staffNote.trim() || null,
      };
      if (feedback) {
        await update.mutateAsync({ ...body, id: feedback.id });
        onDone(
          feedback.publishedAt
            ? 'Changes saved. The summary is staff only again until an approver publishes it.'
            : 'Changes saved.',
        );
      } else {
        await create.mutateAsync(body);
        onDone('Employee feedback recorded. It stays with staff until an approver publishes its summary.');
      }
    } catch (error) {
      fail(error, { 'barriers.0.count': 'barriers', 'ideas.0.count': 'ideas' });
    }
  };

  return (
    <>
      {summary}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        {feedback ? (
          <p>
            <strong>{LABELS.serviceId}:</strong>{' '}
            {services.find((o) => o.value === feedback.serviceId)?.label ?? 'this service'} (it cannot change: record
            feedback for another service instead)
          </p>
        ) : (
          <SelectField {...field('serviceId')} required options={services} />
        )}
        <TextField {...field('periodKey')} hint="FY2026-Q2 or FY2026" required />
        <TextField {...field('employeesSurveyed')} inputMode="numeric" required />
        <TextField {...field('employeesResponding')} inputMode="numeric" required />
        <TextareaField {...field('barriers')} hint="One per line: “Theme: how many named it”" />
        <TextareaField {...field('ideas')} hint="One per line: “Theme: how many named it”" />
        <TextareaField {...field('summary')} hint="What the public reads once an approver publishes it." />
        <TextareaField {...field('staffNote')} hint="Never shown to the public." />
        <button type="submit" className="usa-button" disabled={create.isPending || update.isPending}>
          {feedback ? 'Save changes' : 'Record feedback'}
        </button>
        {onCancel ? (
          <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </form>
    </>
  );
};
